"""Call a gazu package's functions against scripted answers and record every request they send, exactly.

The exact-wire differential (tests/integration/test_exact_wire.py, and
scripts/check-wire-contract) runs this program twice, in two processes: with
our package (the checkout) and with upstream gazu 1.3.1 in its own virtual
environment (tests/upstream_oracle.py makes it), then compares the records.

Both sides meet the same fake Kitsu: requests' transport adapter is replaced,
so no byte reaches a network (gazu.aio, on aiohttp, talks to a loopback
server of this process instead: :class:`Loopback`), and every request is
answered by
:func:`answer`, a pure function of the request (method, path, query, JSON
body). The answer is a plausible Zou answer for the route: the entity an id
names, two entities for a listing (out of name order), the posted data
echoed with an id for a write, bytes for a file, 204 for a delete. Since the
answer depends on the request only, a side that sends fewer requests still
meets the same answers for the ones it sends.

Each request is recorded in full: method, URL path, query pairs, the headers
but those the transport adds, and the body: parsed JSON, the fields and file
digests of a multipart form, or raw bytes' digest. See :func:`record`.

Protocol: one JSON document on stdin, ``{"cases": [{"module", "function",
"args", "kwargs", "inputs"}, …]}`` with arguments encoded as in
tests/upstream_oracle_server.py (``$tmp``, ``$client``, …); one JSON line per
case on stdout, in order, after a first ``{"version", "file"}`` line. Files
named in ``inputs`` are written afresh in the side's scratch folder before the
case; every ``$tmp`` file is reported after it, with the files the call left
in its working folder. A case taking longer than :data:`CASE_SECONDS` is
stopped and reported as ``hung``.

This file imports nothing but the standard library at its top (the package
under test and requests are imported by :func:`main`), and runs with
``python -I`` outside the checkout for upstream, so only that environment's
``gazu`` can be imported there.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import io
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import traceback
import urllib.parse
import uuid

HOST = "http://kitsu.test/api"
TOKENS = {"access_token": "access-01", "refresh_token": "refresh-01"}
CASE_SECONDS = 10

_here = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("_wire_oracle_server", os.path.join(_here, "upstream_oracle_server.py"))
server = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(server)


# -- Made-up data: ids that say their kind, entities shaped as Zou answers them --------------------------------

NAMESPACE = uuid.UUID("6f8d1c2e-0000-4000-8000-000000000000")

# Route segment of a collection -> kind of its entities.
COLLECTIONS = {
    "projects": "project", "assets": "asset", "shots": "shot", "sequences": "sequence", "episodes": "episode",
    "scenes": "scene", "edits": "edit", "concepts": "concept", "tasks": "task", "task-types": "task-type",
    "task-status": "task-status", "persons": "person", "comments": "comment", "preview-files": "preview-file",
    "previews": "preview-file", "playlists": "playlist", "asset-types": "asset-type", "entity-types": "asset-type",
    "asset-instances": "asset-instance", "asset-asset-instances": "asset-instance", "output-files": "output-file",
    "working-files": "working-file", "output-types": "output-type", "softwares": "software",
    "file-status": "file-status", "departments": "department", "studios": "studio",
    "metadata-descriptors": "metadata-descriptor", "attachment-files": "attachment-file",
    "notifications": "notification", "chats": "chat", "organisations": "organisation",
    "project-templates": "project-template", "status-automations": "status-automation", "jobs": "build-job",
    "time-spents": "time-spent", "filters": "filter", "filter-groups": "filter-group",
    "entity-links": "entity-link", "preview-background-files": "preview-background-file", "budgets": "budget",
    "entries": "entry", "day-offs": "day-off", "entities": "entity", "events": "event", "team": "person",
    "assignees": "person", "casting": "cast", "project-status": "project-status", "news": "news",
    "subscriptions": "subscription", "login-logs": "login-log", "search-filters": "filter",
    "search-filter-groups": "filter-group", "task-type-links": "task-type-link", "playlist-entries": "entry",
    "custom-actions": "custom-action", "bots": "bot",
}
MODELS = {  # kind -> Zou's model name (the "type" field)
    "project": "Project", "asset": "Asset", "shot": "Shot", "sequence": "Sequence", "episode": "Episode",
    "scene": "Scene", "edit": "Edit", "concept": "Concept", "task": "Task", "task-type": "TaskType",
    "task-status": "TaskStatus", "person": "Person", "bot": "Person", "comment": "Comment",
    "preview-file": "PreviewFile", "playlist": "Playlist", "asset-type": "EntityType", "entity": "Entity",
}


def made_up_id(kind: str, number: int = 1) -> str:
    """Return a made-up id of an entity of ``kind``: UUID-shaped, as upstream accepts an id string.

    :func:`name_of_id` tells which one it is (``shot-01``), for the fake
    Kitsu's answers and for reports.
    """
    kind = kind.replace("_", "-")
    made = str(uuid.uuid5(NAMESPACE, "%s-%02d" % (kind, number)))
    _NAMES[made] = (kind, number)
    return made


_NAMES: dict[str, tuple[str, int]] = {}


def plain_id(kind: str, number: int = 1) -> str:
    """Return a made-up id of no UUID shape (``shot-01``), as studios' mocked tests write them."""
    return "%s-%02d" % (kind.replace("_", "-"), number)


_PLAIN_ID = re.compile(r"([a-z]+(?:-[a-z]+)*)-(\d\d)")


def name_of_id(value) -> tuple[str, int] | None:
    """Return (kind, number) of an id :func:`made_up_id` or :func:`plain_id` made, or None."""
    if not isinstance(value, str):
        return None
    found = _NAMES.get(value)
    if found is None:
        match = _PLAIN_ID.fullmatch(value)
        if match and match.group(1) in KINDS:
            found = match.group(1), int(match.group(2))
    return found


_UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def plain(value):
    """Return ``value`` with every made-up UUID in it written as its plain id (``shot-01``).

    Strings, dicts, lists and tuples are rewritten; their subclasses (the
    differential's ``Tmp``, ``Client``…) and other objects are kept as they are.
    """
    if type(value) is str:
        return _UUID_TEXT.sub(lambda match: plain_id(*_NAMES[match.group(0)]) if match.group(0) in _NAMES
                              else match.group(0), value)
    if type(value) is dict:
        return {plain(key): plain(item) for key, item in value.items()}
    if type(value) in (list, tuple):
        return type(value)(plain(item) for item in value)
    return value


def kind_of(value) -> str | None:
    found = name_of_id(value)
    return found[0] if found else None


# Every kind an id may name: the fake Kitsu knows these ids before any call.
KINDS = sorted(set(COLLECTIONS.values()) | set(MODELS) | {
    "shot-type", "sequence-type", "episode-type", "scene-type", "edit-type", "concept-type", "project-status",
    "organisation", "chat", "filter-group", "status-automation", "preview-background-file", "login-log", "item",
    "project-template", "entity-link", "cast", "news"})
for _kind in KINDS:
    for _number in range(1, 41):
        made_up_id(_kind, _number)

STAMP = "2024-01-02T10:00:00"


def entity(kind: str, number: int = 1, name: str | None = None) -> dict:
    """Return a plausible Zou dict of ``kind`` (``shot``, ``task-type``…) with id ``made_up_id(kind, number)``."""
    kind = kind.replace("_", "-")
    data = {"id": made_up_id(kind, number), "name": name or "%s %02d" % (kind.title().replace("-", ""), number),
            "created_at": STAMP, "updated_at": STAMP}
    if kind in MODELS:
        data["type"] = MODELS[kind]
    project = {"project_id": made_up_id("project")}
    extra = {
        "project": {"code": "PRJ", "production_type": "tvshow", "production_style": "2d3d", "fps": "25",
                    "ratio": "16:9", "resolution": "1920x1080", "project_status_id": made_up_id("project-status"),
                    "file_tree": {}, "data": {}, "team": [made_up_id("person")], "asset_types": [],
                    "task_types": [made_up_id("task-type")], "task_statuses": [made_up_id("task-status")],
                    "descriptors": [], "has_avatar": False, "start_date": "2024-01-01", "end_date": "2024-12-31"},
        "asset": {**project, "entity_type_id": made_up_id("asset-type"), "asset_type_name": "Character",
                  "description": "a hero", "data": {}, "canceled": False, "source_id": None,
                  "preview_file_id": None, "episode_id": None},
        "shot": {**project, "entity_type_id": made_up_id("shot-type"), "parent_id": made_up_id("sequence"),
                 "sequence_id": made_up_id("sequence"), "sequence_name": "SQ01",
                 "episode_id": made_up_id("episode"), "episode_name": "E01", "project_name": "Project 01",
                 "nb_frames": 24, "data": {"frame_in": 1, "frame_out": 24, "fps": "25"}, "description": "",
                 "canceled": False, "preview_file_id": None},
        "sequence": {**project, "entity_type_id": made_up_id("sequence-type"), "parent_id": made_up_id("episode"),
                     "episode_id": made_up_id("episode"), "data": {}, "description": ""},
        "episode": {**project, "entity_type_id": made_up_id("episode-type"), "parent_id": None, "data": {},
                    "description": "", "status": "running"},
        "scene": {**project, "entity_type_id": made_up_id("scene-type"), "parent_id": made_up_id("sequence"),
                  "source_id": None, "data": {}},
        "edit": {**project, "entity_type_id": made_up_id("edit-type"), "parent_id": made_up_id("episode"),
                 "episode_id": made_up_id("episode"), "data": {}},
        "concept": {**project, "entity_type_id": made_up_id("concept-type"), "data": {},
                    "entity_concept_links": []},
        "entity": {**project, "entity_type_id": made_up_id("asset-type"), "parent_id": None, "data": {}},
        "task": {**project, "entity_id": made_up_id("shot"), "task_type_id": made_up_id("task-type"),
                 "task_status_id": made_up_id("task-status"), "assignees": [made_up_id("person")],
                 "assigner_id": made_up_id("person"), "priority": 0, "duration": 0, "estimation": 0,
                 "retake_count": 0, "data": {}, "entity": {"id": made_up_id("shot"), "name": "SH010"},
                 "entity_type": {"id": made_up_id("shot-type"), "name": "Shot"},
                 "task_type": {"id": made_up_id("task-type"), "name": "Animation"},
                 "task_status": {"id": made_up_id("task-status"), "short_name": "wip"}},
        "task-type": {"short_name": "anim", "color": "#FF0000", "for_entity": "Shot", "priority": 1,
                      "department_id": made_up_id("department"), "allow_timelog": True},
        "task-status": {"short_name": "wip", "color": "#00FF00", "is_done": False, "is_default": False,
                        "is_retake": False, "is_artist_allowed": True, "is_client_allowed": False},
        "person": {"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace",
                   "email": "ada@example.com", "desktop_login": "ada", "role": "user", "active": True,
                   "is_bot": False, "departments": [made_up_id("department")], "phone": ""},
        "bot": {"first_name": "Bot", "last_name": "", "email": "bot@example.com", "role": "user",
                "is_bot": True, "active": True, "departments": [made_up_id("department")]},
        "comment": {"object_id": made_up_id("task"), "object_type": "Task", "person_id": made_up_id("person"),
                    "task_status_id": made_up_id("task-status"), "text": "Looks good", "previews": [],
                    "attachment_files": [], "checklist": [], "mentions": [], "replies": [], "links": []},
        "preview-file": {"task_id": made_up_id("task"), "comment_id": made_up_id("comment"), "revision": 2,
                         "position": 1, "extension": "png", "original_name": "take", "status": "ready",
                         "source": "webgui", "person_id": made_up_id("person"), "file_size": 12},
        "playlist": {**project, "episode_id": None, "for_entity": "shot", "for_client": False,
                     "is_for_all": False, "shots": [], "task_type_id": None},
        "asset-type": {"short_name": "char", "task_types": []},
        "asset-instance": {"asset_id": made_up_id("asset"), "target_asset_id": None, "number": 1,
                           "description": "", "active": True, "scene_id": None, "data": {}},
        "output-file": {"entity_id": made_up_id("asset"), "output_type_id": made_up_id("output-type"),
                        "task_type_id": made_up_id("task-type"), "revision": 3, "representation": "abc",
                        "path": "/prod/out", "extension": "abc"},
        "working-file": {"task_id": made_up_id("task"), "entity_id": made_up_id("shot"),
                         "software_id": made_up_id("software"), "revision": 3, "path": "/prod/work",
                         "comment": "", "person_id": made_up_id("person")},
        "output-type": {"short_name": "cache"},
        "software": {"short_name": "blender", "file_extension": "blend", "secondary_extensions": []},
        "file-status": {"color": "#FFFFFF"},
        "department": {"color": "#0000FF"},
        "metadata-descriptor": {**project, "entity_type": "Asset", "field_name": "difficulty",
                                "choices": ["easy", "hard"], "for_client": False, "data_type": "list",
                                "departments": [made_up_id("department")]},
        "attachment-file": {"comment_id": made_up_id("comment"), "extension": "png", "mimetype": "image/png",
                            "size": 12},
        "notification": {"person_id": made_up_id("person"), "author_id": made_up_id("person"),
                         "comment_id": made_up_id("comment"), "task_id": made_up_id("task"), "read": False,
                         "type": "comment"},
        "build-job": {"playlist_id": made_up_id("playlist"), "status": "succeeded"},
        "time-spent": {"task_id": made_up_id("task"), "person_id": made_up_id("person"), "duration": 60,
                       "date": "2024-01-02"},
        "budget": {**project, "revision": 1, "currency": "EUR"},
        "entry": {"budget_id": made_up_id("budget"), "person_id": made_up_id("person"), "monthly_salary": 1000},
        "day-off": {"person_id": made_up_id("person"), "date": "2024-01-02", "end_date": "2024-01-03"},
        "event": {"name": "task:update", "user_id": made_up_id("person"), "project_id": made_up_id("project"),
                  "data": {"task_id": made_up_id("task")}},
        "cast": {"asset_id": made_up_id("asset"), "asset_name": "Hero", "asset_type_name": "Character",
                 "nb_occurences": 1, "label": "animate"},
        "entity-link": {"entity_in_id": made_up_id("shot"), "entity_out_id": made_up_id("asset"),
                        "nb_occurences": 1, "label": "animate"},
        "filter": {"list_type": "asset", "query": "hero", "entity_type": None, "project_id": None},
        "status-automation": {"entity_type": "asset", "in_task_type_id": made_up_id("task-type")},
    }
    data.update(extra.get(kind, {}))
    return data


# -- The fake Kitsu -------------------------------------------------------------------------------------------

BINARY = re.compile(r"(^|/)(pictures|movies|thumbnails)/|/file(/|$)|/download$|/(zip|build)$|^export/"
                    r"|\.(png|jpg|mp4|zip|csv|otio|blend|abc)$|/extract-(frame|tile)$|/avatar|/thumbnail")


# In the "empty" world (a case's ``"world"``), every listing is empty: look-ups find nothing, so
# create-if-missing functions create, and finders return None. In the "plain" world, every id the fake
# Kitsu answers is a plain one (``shot-01``, no UUID), as in studios' mocked tests.
WORLD = {"empty": False, "plain": False}


def answer(method: str, path: str, query: list, body) -> tuple[int, str, bytes]:
    """Return Kitsu's status, content type and body for a request (a pure function of the request)."""
    route = path.split("/api/", 1)[1] if "/api/" in path else path.lstrip("/")
    route = route.strip("/")
    segments = route.split("/") if route else []
    params = dict(query)
    if method == "HEAD":
        return 200, "text/html", b""
    if method == "GET" and BINARY.search(route):
        return 200, "application/octet-stream", ("bytes of %s" % route).encode("utf-8")
    if method == "DELETE":
        return 204, "text/html", b""
    value = _special(method, route, segments, params, body)
    if value is None:
        value = _generic(method, segments, body)
    if WORLD["empty"] and method == "GET" and isinstance(value, list):
        value = []
    if WORLD["plain"]:
        value = plain(value)
    if "page" in params and isinstance(value, list) and len(segments) == 2:  # data/<model>: Zou's pages
        value = {"data": value, "total": len(value), "nb_pages": 1, "limit": int(params.get("limit") or 100),
                 "offset": 0, "page": int(params["page"] or 1)}
    return (201 if method == "POST" else 200), "application/json", json.dumps(value).encode("utf-8")


def _special(method: str, route: str, segments: list, params: dict, body):
    person = entity("person")
    if route == "":
        return {"api": "Zou", "version": "1.0.97"}
    if route == "auth/authenticated":
        return {"authenticated": True, "user": person, "organisation": entity("organisation"), "ldap": False}
    if route == "auth/login":
        return {"login": True, "user": person, "ldap": False, "access_token": "access-02",
                "refresh_token": "refresh-02"}
    if route == "auth/refresh-token":
        return {"access_token": "access-03"}
    if route == "auth/logout":
        return {"logout": True}
    if route.startswith("auth/"):
        return {"success": True}
    if route == "data/user/context":
        return {"projects": [entity("project")], "asset_types": [entity("asset-type")],
                "task_types": [entity("task-type")], "task_status": [entity("task-status")], "persons": [person]}
    if route == "data/search":
        return {"persons": [], "assets": [entity("asset")], "shots": [entity("shot")]}
    if route == "data/events/last" or route == "data/events/login-logs/last":
        return [entity("event", 21), entity("event", 22)]
    if route.endswith("/casting") or "/casting/" in route:
        return [entity("cast", 21), entity("cast", 22)] if method == "GET" else body
    if route.endswith("/full") and kind_of(segments[-2]):
        return entity(kind_of(segments[-2]), name_of_id(segments[-2])[1])
    if route.endswith("/output-file-path"):
        return {"folder_path": "/prod/out/hero", "file_name": "hero_cache_v004"}
    if route.endswith("/working-file-path"):
        return {"path": "/prod/work/hero", "name": "hero_anim_v004"}
    if route.endswith("/next-revision"):
        return {"next_revision": 4}
    if route.endswith("/working-files/last-revisions"):
        return {"main": entity("working-file", 21, "main")}
    if re.fullmatch(r"data/playlists/entities/[^/]+/preview-files", route):
        return {made_up_id("task-type"): [entity("preview-file", 21), entity("preview-file", 22)]}
    if route == "data/project-status":
        return [entity("project-status", 21, "Open"), entity("project-status", 22, "Closed")]
    if route.endswith("guess_from_path"):
        return [entity("shot", 21)]
    if route.endswith("/time-spents") or "/time-spents/" in route:
        if method == "GET":
            return [entity("time-spent", 21)]
    return None


def _generic(method: str, segments: list, body):
    last = segments[-1] if segments else ""
    kind = kind_of(last)
    if method == "GET":
        if kind:
            return entity(kind, name_of_id(last)[1])
        listed = COLLECTIONS.get(last) or "item"
        # Out of name order, so that a function sorting its answer shows it.
        return [entity(listed, 22, "b %s 22" % listed), entity(listed, 21, "A %s 21" % listed)]
    written = kind or COLLECTIONS.get(last) or next(
        (kind_of(segment) for segment in reversed(segments) if kind_of(segment)), None) or "item"
    value = entity(written, name_of_id(last)[1] if kind else 31)
    if isinstance(body, dict):
        value.update(body)
    elif isinstance(body, list):
        return body
    return value


# -- Recording -----------------------------------------------------------------------------------------------

# Added by requests or urllib3 themselves, the same on both sides or meaningless to the server.
TRANSPORT_HEADERS = {"accept-encoding", "connection", "content-length", "transfer-encoding", "host"}


def _digest(data: bytes) -> dict:
    return {"sha256": hashlib.sha256(data).hexdigest()[:16], "size": len(data)}


def _body_bytes(body) -> bytes | None:
    if body is None:
        return None
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    if hasattr(body, "read"):
        data = body.read()
        return data.encode("utf-8") if isinstance(data, str) else data
    return b"".join(chunk.encode("utf-8") if isinstance(chunk, str) else bytes(chunk) for chunk in body)


def _parse_multipart(data: bytes, content_type: str) -> list:
    boundary = content_type.split("boundary=", 1)[1].strip().strip('"').encode("ascii")
    parts = []
    for chunk in data.split(b"--" + boundary)[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, content = chunk.strip(b"\r\n").partition(b"\r\n\r\n")
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        disposition = headers.pop("content-disposition", "")
        fields = dict(re.findall(r'(\w+)="([^"]*)"', disposition))
        part = {"name": fields.get("name"), "headers": headers}
        if "filename" in fields:
            part["filename"] = fields["filename"]
            part["content"] = _digest(content)
        else:
            part["value"] = content.decode("utf-8", "replace")
        parts.append(part)
    return parts


def record(request) -> dict:
    """Return the exact content of a prepared request, in a form two processes can compare."""
    url = urllib.parse.urlsplit(request.url)
    headers = {key.lower(): value for key, value in request.headers.items()
               if key.lower() not in TRANSPORT_HEADERS}
    data = _body_bytes(request.body)
    content_type = headers.get("content-type", "")
    if data is None:
        body = None
    elif content_type.startswith("multipart/form-data"):
        headers["content-type"] = "multipart/form-data"  # less the boundary, which is random
        body = {"multipart": _parse_multipart(data, content_type)}
    elif "json" in content_type:
        try:
            body = {"json": json.loads(data)}
        except ValueError:
            body = {"text": data.decode("utf-8", "replace")}
    elif content_type.startswith("application/x-www-form-urlencoded"):
        body = {"form": urllib.parse.parse_qsl(data.decode("utf-8"), keep_blank_values=True)}
    else:
        body = {"bytes": _digest(data)}
    return {"method": request.method, "url": "%s://%s%s" % (url.scheme, url.netloc, url.path),
            "query": urllib.parse.parse_qsl(url.query, keep_blank_values=True), "headers": headers, "body": body}


def install_transport(sent: list) -> None:
    """Answer every request with :func:`answer`, recording it in ``sent`` first (no network is used)."""
    import requests.adapters
    import urllib3

    def send(adapter, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        entry = record(request)
        sent.append(entry)
        parsed = entry["body"].get("json") if isinstance(entry["body"], dict) else None
        status, content_type, content = answer(request.method, urllib.parse.urlsplit(request.url).path,
                                               entry["query"], parsed)
        raw = urllib3.HTTPResponse(body=io.BytesIO(content), headers={"Content-Type": content_type,
                                                                       "Content-Length": str(len(content))},
                                   status=status, reason="OK", preload_content=False, decode_content=False)
        return adapter.build_response(request, raw)

    requests.adapters.HTTPAdapter.send = send


class _Received:
    """What the loopback server received, shaped as requests' PreparedRequest for :func:`record`."""

    def __init__(self, method: str, url: str, headers: dict, body: bytes | None):
        self.method, self.url, self.headers, self.body = method, url, headers, body


class Loopback:
    """A local HTTP server answering as :func:`answer`, for gazu.aio (aiohttp has its own transport).

    It records each request as :func:`record` does, under :data:`HOST`'s address, so that both
    transports' records compare alike.
    """

    def __init__(self, sent: list):
        import http.server
        import threading

        site = urllib.parse.urlsplit(HOST)

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self):
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    body = b""
                    while True:
                        size = int(self.rfile.readline().split(b";")[0], 16)
                        if not size:
                            self.rfile.readline()
                            break
                        body += self.rfile.read(size)
                        self.rfile.readline()
                else:
                    length = int(self.headers.get("Content-Length") or 0)
                    body = self.rfile.read(length) if length else None
                received = _Received(self.command, "%s://%s%s" % (site.scheme, site.netloc, self.path),
                                     dict(self.headers.items()), body)
                entry = record(received)
                sent.append(entry)
                parsed = entry["body"].get("json") if isinstance(entry["body"], dict) else None
                status, content_type, content = answer(self.command, urllib.parse.urlsplit(self.path).path,
                                                       entry["query"], parsed)
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(content)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _serve

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = "http://127.0.0.1:%d" % self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


# -- Running the cases --------------------------------------------------------------------------------------

class Hung(BaseException):
    """A case ran longer than CASE_SECONDS (a BaseException, so no ``except Exception`` swallows it)."""


def _alarm(signum, frame):
    raise Hung()


INPUT_FILES = {".png": b"\x89PNG\r\n\x1a\nfake picture", ".mp4": b"\x00\x00\x00\x18ftypmp42fake movie",
               ".csv": b"Name,Description\nHero,a hero\n", ".otio": b'{"OTIO_SCHEMA": "Timeline.1"}',
               ".blend": b"BLENDERfake"}


def _write_input(path: str) -> None:
    """Write an input file afresh, or make a folder for a name ending in ``/``."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if path.endswith("/"):
        return
    with open(path, "wb") as handle:
        handle.write(INPUT_FILES.get(os.path.splitext(path)[1], b"some bytes"))


def _clear(folder: str) -> None:
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)


def _files(folder: str) -> dict:
    """What a folder holds: each file's digest (or a zip's entries), by path relative to the folder."""
    found = {}
    for parent, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(parent, name)
            found[os.path.relpath(path, folder)] = server._file_state(path)
    return dict(sorted(found.items()))


def run_case(gazu, case: dict, tmp: str, cwd: str, scratch: str, sent: list, loopback: Loopback) -> dict:
    _clear(tmp)
    _clear(cwd)
    _clear(scratch)
    for name in case.get("inputs", []):
        _write_input(os.path.join(tmp, name))
    gazu.client.set_host(HOST)
    gazu.client.set_tokens(dict(TOKENS))
    WORLD["empty"] = case.get("world") == "empty"
    WORLD["plain"] = case.get("world") == "plain"
    del sent[:]
    resolve = server.client_resolver(gazu)
    module = case["module"]
    target = gazu if module == "gazu" else importlib.import_module("gazu." + module)
    site = urllib.parse.urlsplit(HOST)
    signal.setitimer(signal.ITIMER_REAL, CASE_SECONDS)
    try:
        call = getattr(target, case["function"])
        if module == "aio":  # on the loopback server, in an event loop of its own
            import asyncio

            args, kwargs = json.loads(json.dumps([case["args"], case["kwargs"]]).replace(
                "%s://%s" % (site.scheme, site.netloc), loopback.base))
            result = asyncio.run(server._run_async(call, args, kwargs, resolve, tmp))
        else:
            result = call(*server.decode(case["args"], resolve, tmp), **server.decode(case["kwargs"], resolve, tmp))
        outcome = {"value": server.encode(result, tmp)}
    except Hung:
        outcome = {"hung": True}
    except Exception as error:  # every failure is an answer to compare
        outcome = {"raised": {"type": type(error).__name__,
                              "bases": [kind.__name__ for kind in type(error).__mro__[1:]],
                              "message": server.encode(str(error), tmp)[:300]}}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    outcome["sent"] = list(sent)
    outcome["files"] = _files(tmp)
    outcome["cwd"] = _files(cwd)
    return json.loads(json.dumps(_steady(outcome, tmp, cwd, scratch)).replace(
        loopback.base, "%s://%s" % (site.scheme, site.netloc)))


def _steady(outcome: dict, tmp: str, cwd: str, scratch: str) -> dict:
    """Write what changes from run to run as a mark: the time of the call, each side's folders."""
    import datetime

    text = json.dumps(outcome).replace(tmp, server.TMP_MARK).replace(cwd, "<cwd>")
    today = datetime.date.today().isoformat()
    text = re.sub(r"%sT\d\d:\d\d:\d\d(\.\d+)?" % today, "<now>", text)
    text = re.sub(re.escape(scratch) + r"/[^/\"]+", "<scratch>/<random>", text)
    return json.loads(text)


NO_DEFAULT = {"$no_default": True}


def surface(gazu, modules: list) -> dict:
    """Return the public functions each module defines: their parameters (name, kind, annotation, default)."""
    import inspect

    found = {}
    for module in modules:
        target = gazu if module == "gazu" else importlib.import_module("gazu." + module)
        functions = {}
        for name, value in sorted(vars(target).items()):
            if name.startswith("_") or not inspect.isfunction(value) or value.__module__ != target.__name__:
                continue
            functions[name] = [
                [parameter.name, parameter.kind.name,
                 parameter.annotation if isinstance(parameter.annotation, str) else
                 ("" if parameter.annotation is parameter.empty else repr(parameter.annotation)),
                 NO_DEFAULT if parameter.default is parameter.empty else server.encode(parameter.default)]
                for parameter in inspect.signature(value).parameters.values()]
        found[module] = functions
    return found


def main(checkout: str, side: str) -> None:
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)  # what the package prints goes to stderr, never into the answers
    if side == "ours":
        sys.path.insert(0, checkout)
    import time

    import gazu

    where = os.path.realpath(gazu.__file__)
    inside = where.startswith(os.path.realpath(checkout) + os.sep)
    if inside != (side == "ours"):
        raise SystemExit("wire runner (%s): imported gazu from %s" % (side, where))
    sent: list = []
    install_transport(sent)
    loopback = Loopback(sent)
    time.sleep = lambda seconds: None  # a poll or a back-off answers at once: every answer is final
    base = tempfile.mkdtemp(prefix="gazu-wire-%s-" % side)
    tmp, cwd, scratch = (os.path.join(base, name) for name in ("tmp", "cwd", "scratch"))
    os.makedirs(cwd)
    os.makedirs(scratch)
    tempfile.tempdir = scratch  # the package's own temporary files and folders
    os.chdir(cwd)  # what a call writes without being given a path lands here, and is reported
    signal.signal(signal.SIGALRM, _alarm)
    answers.write(json.dumps({"version": gazu.__version__, "file": where}) + "\n")
    request = json.load(sys.stdin)
    if "surface" in request:
        answers.write(json.dumps(surface(gazu, request["surface"])) + "\n")
        return
    for case in request["cases"]:
        try:
            outcome = run_case(gazu, case, tmp, cwd, scratch, sent, loopback)
        except BaseException:  # a fault of the runner itself
            outcome = {"runner_error": traceback.format_exc()[-2000:]}
        answers.write(json.dumps(outcome) + "\n")
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
