"""The exact-wire differential: every public function, both packages, the same scripted Kitsu, every byte compared.

Each public function of upstream gazu 1.3.1 (its own list, read from the
running package; gazu.aio's coroutines included, on an AsyncKitsuClient)
is called in both packages with the same arguments — the entity arguments
as realistic dicts, then as made-up id strings, then with every optional
argument given a value other than its default, then with ids of no UUID
shape as studios' mocked tests make them up (``shot-01``): dicts holding
such ids in a Kitsu answering such ids (forms ``plain``, ``plain-options``,
``plain-sparse``), and each entity parameter alone as such a bare string
(``non-uuid:<parameter>``), then with the lists of ids inside entity dicts
(a project's ``team``) as lists of dicts (``nested``) — against the fake
Kitsu of tests/wire_runner.py, which answers each request the same way on
both sides. Upstream runs as a black box in its own environment
(tests/upstream_oracle.py); ours runs in another process of the checkout's.

For each call the two records are compared: the sequence of requests
(method, URL, query pairs, headers, JSON body, multipart fields and file
digests), the return value (types included) or the exception type, and the
files written. Ours may send fewer GET requests when the rest is the same
(the contract allows fewer requests for the same result), never other ones.

Where we differ on purpose (upstream hangs, loses or corrupts data, returns
an error body as data, crashes with a bare KeyError/TypeError/JSONDecodeError,
or sends what Zou 1.0.97 refuses or misreads), :data:`KNOWN_DIFFERENCES` says
which difference and why; each has its line in CHANGELOG.md's "Deliberate
differences". Functions that cannot be compared this way are in
:data:`NOT_COMPARED`, with the reason.

Run by tests/integration/test_exact_wire.py (in the test command) and by
``scripts/check-wire-contract`` (which writes the report).
"""

from __future__ import annotations

import datetime
import difflib
import fnmatch
import json
import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass, field

from tests import upstream_oracle, wire_runner
from tests.upstream_oracle import Client, Response, Tmp, differences, encode_args
from tests.wire_runner import HOST, NO_DEFAULT, TOKENS, entity, made_up_id

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNNER = os.path.join(ROOT, "tests", "wire_runner.py")

MODULES = ["gazu", "client", "asset", "casting", "concept", "context", "edit", "entity", "events", "files",
           "helpers", "person", "playlist", "project", "project_template", "scene", "search", "shot", "sorting",
           "studio", "sync", "task", "user", "cache", "aio"]

NOT_COMPARED = {
    "cli.*": "upstream's cli needs click, which its 'async' environment lacks; our cli is tested on a real "
             "Kitsu (tests/integration/test_cli.py)",
    "cache.*": "decorators and cache stores, no request: upstream's own tests check them (scripts/upstream-conformance)",
    "aio.check_status": "takes an aiohttp.ClientResponse, which only a live aiohttp request makes; "
                        "compared on a real Kitsu (tests/integration/test_upstream_parity.py)",
    "events.init": "opens a Socket.IO connection (a thread and a websocket), not a request",
    "events.run_client": "blocks on a Socket.IO connection",
    "events.add_listener": "registers a handler on a Socket.IO client; no request",
}

# (function, form (a shell-style pattern: "*", "non-uuid:*"), pattern of a difference line) -> why we differ. Each reason has its line in
# CHANGELOG.md, "Deliberate differences"; a listed difference that no call shows any more is reported.
_ATTACHMENTS = ("Comment attachments carry their Content-Type: Zou stores it as the attachment's mimetype and "
                "makes a thumbnail of a picture only then (upstream sends none)")
_ATTACHMENT_PART = r"part '(file(-\d+)?|attachment_file-\d+-\d+)' header 'content-type': ours \"[^\"]+\", upstream's none$"
_BARE_KEY_ERROR = "upstream crashes with a bare KeyError"
_SEQUENCE_QUERY = r"^request 1 \(GET data/sequences\) query '(project_id|parent_id)': ours \[.*\], upstream's none$"
_SEQUENCE_LOOK_UP = ("with an episode, project_id and parent_id go along upstream's episode_id, which Zou 1.0.97 "
                     "ignores (upstream finds a sequence of that name in another project or episode)")
_NEW_TASK_STATUS_LATER = ("the task is looked up before the default status, which only a task to create needs: one "
                          "request fewer when it exists (upstream reads the default status first)")
KNOWN_DIFFERENCES: dict[tuple[str, str, str], str] = {
    ("gazu.get_event_host", "*", r"^returned: ours is \"http://kitsu\.test/api\", "
                                 r"upstream's is \"http://gazu\.change\.serverhost/api\"$"):
        "the default client's event host follows set_host (upstream keeps a placeholder host that does not "
        "exist, so its event stream never connects)",
    ("client.upload", "*", r"^ours raised InvalidArgumentException\(file_path: expected a file path, got None\), "
                              r"upstream raised TypeError"):
        "a missing file path is refused naming the argument (upstream crashes with a bare TypeError)",
    ("client.upload", "files", r"part 'file' '(filename|content)'"):
        "a string naming an existing file in files= is that file (upstream, through requests, uploads the "
        "path's text as the file's content)",
    ("task.add_comment", "*", _ATTACHMENT_PART): _ATTACHMENTS,
    ("task.add_attachment_files_to_comment", "*", _ATTACHMENT_PART): _ATTACHMENTS,
    ("task.publish_preview", "*", _ATTACHMENT_PART): _ATTACHMENTS,
    ("task.batch_comments", "*", _ATTACHMENT_PART): _ATTACHMENTS,
    ("task.publish_preview", "*", r"^same requests in another order: ours GET http://media\.test/"):
        "a preview URL is downloaded before the comment is posted (upstream posts first: a failed download "
        "leaves a comment without its preview)",
    ("task.publish_preview", "*", r"^request 1: only upstream sends POST actions/tasks/[^ ]+/comment$"):
        "without a preview path or URL nothing is posted (upstream posts the comment, then raises ValueError: "
        "a comment without its preview)",
    ("task.create_multiple_comments", "*", r"comment-many\) (header 'content-type'|body):|^returned: "):
        "the comments go as the JSON array Zou 1.0.97 reads (it refuses upstream's multipart form with a 400)",
    ("shot.get_sequence_by_name", "*", _SEQUENCE_QUERY): _SEQUENCE_LOOK_UP,
    ("shot.new_sequence", "*", _SEQUENCE_QUERY): _SEQUENCE_LOOK_UP,
    ("sync.get_last_events", "*", r"query 'only_files': ours \[\"true\"\], upstream's \[\"True\"\]$"):
        "only_files=true in lower case, the only case Zou 1.0.97 reads (upstream's True is ignored: every "
        "event comes back)",
    ("sync.convert_id_list", "*", r"^ours returned \[\], upstream raised KeyError"):
        "ids missing from the map are left out (%s)" % _BARE_KEY_ERROR,
    ("task.new_task", "*", r"^request 1: only upstream sends GET data/task-status\?is_default=True \(ours leaves it out\)$"):
        _NEW_TASK_STATUS_LATER,
    ("task.new_task", "empty", r"^request 1: only ours sends GET data/tasks\?"): _NEW_TASK_STATUS_LATER,
    ("task.new_task", "*", r"^request 1 \(GET data/task-status\) (url|query '(entity_id|name|task_type_id|is_default)'): "
                           r"ours"):
        _NEW_TASK_STATUS_LATER + "; given an entity without its project_id, the task found is returned (upstream "
        "reads the default status, then crashes with a bare KeyError)",
    ("task.new_task", "*", r"^request \d: only ours sends GET data/tasks\?|upstream raised KeyError\('project_id'\)"):
        "an entity given as an id string is read for its project (%s)" % _BARE_KEY_ERROR,
    ("aio.upload", "*", r"upstream raised TypeError\(get_message_from_data\(\) got an unexpected keyword argument "
                        r"'default'\)$|^request 1: only upstream sends POST "):
        "the server's answer is returned, and a missing file_path refused before sending (upstream crashes with "
        "a bare TypeError after every upload, and posts a form without its file first)",
    ("task.new_task", "empty", r"^ours raised TaskStatusNotFoundException\(.*\), upstream raised TypeError\("):
        "without a task_status on a server with no default status, a TaskStatusNotFoundException names what is "
        "missing (upstream crashes with a bare TypeError)",
    ("*", "*sparse", r"^ours raised InvalidArgumentException\(.*\), upstream raised KeyError\("):
        "a dict without the field upstream reads from it is refused naming the argument, before any request "
        "(upstream crashes with a bare KeyError)",
    ("*", "non-uuid:*", r"^ours raised InvalidArgumentException\(.*\), upstream raised (TypeError|AttributeError)\("):
        "an entity given as an id string where a dict is needed is refused naming the argument, before any "
        "request (upstream crashes with a bare TypeError or AttributeError)",
    **{("sync." + function, "non-uuid:project_target", r"^request \d+: only ours sends |^ours returned .*, upstream "
        r"raised TypeError\("): "the target project may be given as an id string, as push_assets, push_tasks and "
        "push_entity_links take it (upstream crashes with a bare TypeError after reading the source)"
       for function in ("push_episodes", "push_sequences", "push_shots", "push_project_entities")},
    ("sync.is_changed", "*sparse", r"^ours returned true, upstream raised KeyError\('updated_at'\)$"):
        "a model without its date is taken as changed (%s)" % _BARE_KEY_ERROR,
    ("sync.push_task_comment", "*sparse", r"^ours returned null, upstream raised KeyError\("):
        "a comment without its status is not pushed, as one whose status the target lacks (%s)" % _BARE_KEY_ERROR,
    ("sync.push_project_entities", "*sparse", r"^request \d+: only ours sends |upstream raised KeyError\('production_type'\)"):
        "a project dict without its production_type is read from the server first (upstream pushes the assets, "
        "then crashes with a bare KeyError)",
    ("project.close_project", "*", r"json: keys only in ours \[\], only in upstream's \["):
        "only the project's id and new status are saved (upstream saves back the whole dict given, reverting "
        "what changed on the server since it was read)",
}


# -- Arguments ------------------------------------------------------------------------------------------------

# Parameters naming an entity -> its kind, where the name does not say it.
KINDS = {
    "temporal_entity": "shot", "asset_to_instantiate": "asset", "target_task": "task",
    "default_status": "task-status", "started_task_status": "task-status", "reply": "comment",
    "assigned_to": "person", "assigner": "person", "automation": "status-automation",
    "background_file": "preview-background-file", "preview_background_file": "preview-background-file",
    "status_automation": "status-automation", "bot": "bot", "entity": "asset", "time_spent": "time-spent",
    "entry": "entry", "filter": "filter", "filter_group": "filter-group", "build_job": "build-job",
    "metadata_descriptor": "metadata-descriptor", "project_source": "project", "project_target": "project",
    "source_model": "asset", "target_model": "asset", "task_status": "task-status", "task_type": "task-type",
    "asset_type": "asset-type",
}
ENTITY_NAMES = {
    "project", "asset", "shot", "sequence", "episode", "scene", "edit", "concept", "task", "person", "comment",
    "preview_file", "playlist", "asset_instance", "output_file", "working_file", "output_type", "software",
    "file_status", "department", "studio", "attachment_file", "notification", "chat", "organisation",
    "project_template", "budget", "day_off", "entity_link",
} | set(KINDS)
# Lists of entities -> kind of their items.
LISTS = {
    "tasks": "task", "task_types": "task-type", "entities": "asset", "assignees": "person", "persons": "person",
    "person_ids": "person", "departments": "department", "entity_types": "asset-type", "asset_types": "asset-type",
    "task_statuses": "task-status", "descriptor_ids": "metadata-descriptor", "models": "asset", "team": "person",
    "entity_concept_links": "asset", "shots": "shot", "playlists": "playlist",
}
TEXT = {  # plain string parameters -> a plausible value
    "name": "Hero", "short_name": "anim", "email": "ada@example.com", "password": "s3cret-Pass",
    "first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace", "desktop_login": "ada",
    "phone": "+33 1 23 45 67 89", "role": "supervisor", "color": "#123456", "comment": "Looks good",
    "text": "Looks good", "description": "a hero", "query": "hero", "date": "2024-01-02",
    "start_date": "2024-01-02", "end_date": "2024-01-31", "date_text": "2024-01-02", "created_at": "2024-01-02T10:00:00",
    "after": "2024-01-01T00:00:00", "before": "2024-02-01T00:00:00", "expiration_date": "2024-03-01",
    "representation": "abc", "mode": "working", "sep": "\\", "field": "name", "field_name": "difficulty",
    "entity_type": "Asset", "for_entity": "Asset", "list_type": "asset", "section": "assets",
    "contract_type": "freelance", "production_type": "featurefilm", "production_style": "3d", "fps": "24",
    "ratio": "2.39:1", "resolution": "2048x858", "currency": "USD", "category": "fx", "label": "fixed",
    "data_type": "list", "file_extension": "blend", "naming_convention": "${sequence}_${shot}", "token": "share-01",
    "url": "http://media.test/files/take.png", "preview_file_url": "http://media.test/files/take.png",
    "host": HOST, "new_host": "http://other.test/api", "model_name": "projects",
    "id": made_up_id("project"), "model_id": made_up_id("project"), "id_field": "name",
    "filename": "shot 010: take/2?.ma", "message_json": '{"message": "nope"}', "default_message": "unknown",
    "month": 3, "year": 2024, "week": 12, "entity_name": "Hero", "project_status_name": "Open",
    "task_status_short_name": "wip", "task_type_short_name": "anim", "author_id": made_up_id("person"),
    "cursor_login_log_id": made_up_id("login-log"), "email_otp": "123456", "totp": "123456",
    "recovery_code": "recovery-01", "status_id": made_up_id("task-status"), "user_context": True,
}
NUMBERS = {"duration": 90, "frame_number": 12, "revision": 4, "priority": 2, "nb_elements": 3, "limit": 7,
           "page": 2, "position": 1.5, "frame_in": 10, "frame_out": 20, "nb_frames": 11, "nb_occurences": 2,
           "amount": 12.5, "quantity": 3, "unit_price": 40, "month": 3, "year": 2024, "week": 12,
           "timeout": 30, "processing_timeout": 30, "poll_interval": 0.1, "expire": 60, "maxsize": 10}
NOT_GIVEN = {"client", "progress_callback", "callback_not_authenticated", "cert", "ssl_verify", "logger",
             "fido_authentication_response", "handler"}


class Unsupported(Exception):
    """No value can be made for this parameter."""


def _entity_kind(name: str, annotation: str = "dict") -> str | None:
    base = name[:-3] if name.endswith("_id") else name
    if base == "entity_type":  # a model name ("Asset") where a plain string is asked for
        return "asset-type" if "dict" in annotation or name.endswith("_id") else None
    kind = KINDS.get(base) or (base.replace("_", "-") if base in ENTITY_NAMES else None)
    if kind is not None and kind not in wire_runner.KINDS:
        raise AssertionError("the fake Kitsu does not know the kind %r (tests/wire_runner.py KINDS)" % kind)
    return kind


def _output_path(function: str) -> bool:
    return any(word in function for word in ("download", "extract_", "export_"))


def value_for(module: str, function: str, name: str, annotation: str, form: str):
    """Return the argument given to ``name`` in ``form`` ("dict" or "id") for a call of module.function."""
    kind = _entity_kind(name, annotation)
    if name in ("client_source", "client_target", "source_client", "target_client"):
        return Client(host="http://target.test/api" if "target" in name else HOST, tokens=TOKENS)
    if name in ("request", "response"):
        return Response(status=400, body='{"message": "wrong"}', headers={"Content-Type": "application/json"},
                        url=HOST + "/data/projects")
    if name == "tmp_path":
        return Tmp("input.folder/")
    if name in ("file_path", "preview_file_path", "csv_file_path", "otio_file_path"):
        if _output_path(function):
            return Tmp({"csv_file_path": "export.csv"}.get(name, "file.png"))
        return Tmp({"csv_file_path": "input.csv", "otio_file_path": "input.otio"}.get(name, "input.png"))
    if name in ("attachments",):
        return [Tmp("input.png")]
    if name == "date" and annotation.startswith("datetime"):
        return datetime.date(2024, 1, 2)
    if name == "new_tokens":
        return {"access_token": "access-09", "refresh_token": "refresh-09"}
    if name in ("source_list", "target_list") and function == "get_link_list_diff":
        return [entity("entity-link", 1), entity("entity-link", 2 if name == "source_list" else 3)]
    if name in ("dicts", "source_list", "target_list"):
        return [entity("asset", 22, "b asset"), entity("asset", 21, "A asset")]
    if name in LISTS or name.endswith("_ids") and name[:-4] in ENTITY_NAMES:
        kind = LISTS.get(name) or name[:-4].replace("_", "-")
        items = [entity(kind, 1), entity(kind, 2)]
        return [item["id"] for item in items] if form == "id" or name.endswith("_ids") else items
    if name in ("task_status_map", "person_map", "model_map"):
        return {made_up_id("task-status"): made_up_id("task-status", 9)}
    if name == "checklist":
        return [{"text": "check the lighting", "checked": False}]
    if name in ("links",):
        return ["http://media.test/ref"] if "list[str]" in annotation else [entity("entity-link")]
    if name in ("comments", "updates", "additions"):
        return [{"text": "Looks good", "task_status_id": made_up_id("task-status")}]
    if name == "deletions":
        return [made_up_id("comment")]
    if name == "comments_data":
        return {made_up_id("task"): {"text": "Looks good", "task_status_id": made_up_id("task-status")}}
    if name in ("casting",):
        return [{"asset_id": made_up_id("asset"), "nb_occurences": 2}]
    if name in ("file_tree",):
        return {"working": {"mountpoint": "/prod", "root": "work"}}
    if name == "files":  # requests' form: a file, or a (name, content, type) tuple
        return {"comments": (None, '[{"text": "Looks good"}]', "application/json")}
    if name == "extra_files":
        return [Tmp("input.mp4")]
    if name == "headers":
        return {"X-Studio": "north"}
    if name in ("data", "extra_data", "params"):
        return {"difficulty": "hard", "frame_in": 10}
    if name in ("descriptors",):
        return [entity("metadata-descriptor")]
    if name in ("choices", "secondary_extensions", "roles_for_board"):
        return ["easy", "hard"]
    if name in ("ids",):
        return [made_up_id("asset"), made_up_id("asset", 2)]
    if name in ("entities",) or "list" in annotation and kind:
        items = [entity(kind or "asset", 1), entity(kind or "asset", 2)]
        return [item["id"] for item in items] if form == "id" else items
    if kind:
        if name.endswith("_id") or annotation == "str":
            return made_up_id(kind)
        if form == "sparse":  # a dict with its id only, as scripts often build them
            return {"id": made_up_id(kind)}
        if annotation.startswith("dict") or form == "dict":
            return entity(kind)
        return made_up_id(kind)
    if name == "path":  # fetch_all and fetch_first prepend "data/"
        return "projects" if function.startswith("fetch_") else "data/projects"
    if name in TEXT:
        return TEXT[name]
    if name in NUMBERS:
        return NUMBERS[name]
    if "bool" in annotation:
        return True
    if "int" in annotation or "float" in annotation:
        return 3
    if name.endswith("_name"):
        return "Hero"
    if "str" in annotation or not annotation:
        return "value of %s" % name
    raise Unsupported("%s: %s" % (name, annotation))


def _option(module: str, function: str, name: str, annotation: str, default):
    """Return a value other than the default for an optional parameter."""
    if isinstance(default, bool):
        return not default
    if name in NUMBERS:
        return NUMBERS[name]
    value = value_for(module, function, name, annotation, "dict")
    if value == default:
        raise Unsupported(name)
    return value


@dataclass
class Case:
    """One call, made the same way in both packages."""

    module: str
    function: str
    form: str
    args: list = field(default_factory=list)
    kwargs: dict = field(default_factory=dict)
    inputs: list = field(default_factory=list)
    world: str = "full"  # "empty": every listing the fake Kitsu answers is empty

    @property
    def label(self) -> str:
        return "%s.%s[%s]" % (self.module, self.function, self.form)

    def payload(self) -> dict:
        return {"module": self.module, "function": self.function, "args": encode_args(self.args),
                "kwargs": encode_args(self.kwargs), "inputs": self.inputs, "world": self.world}


def extra_cases() -> list[Case]:
    """Calls the generic forms miss: one of two alternative arguments, a None body, requests' file forms."""
    task, comment, status = entity("task"), entity("comment"), entity("task-status")
    made = [
        Case("task", "add_preview", "path", kwargs={"task": task, "comment": comment,
                                                     "preview_file_path": Tmp("input.png")}),
        Case("task", "add_preview", "url", kwargs={"task": task, "comment": comment,
                                                    "preview_file_url": TEXT["preview_file_url"]}),
        Case("task", "add_extra_preview", "path", kwargs={"task": task, "comment": comment,
                                                           "preview_file": entity("preview-file"),
                                                           "preview_file_path": Tmp("input.mp4")}),
        Case("task", "publish_preview", "path", kwargs={"task": task, "task_status": status, "comment": "Done",
                                                         "preview_file_path": Tmp("input.png")}),
        Case("task", "add_attachment_files_to_comment", "one", kwargs={"task": task, "comment": comment,
                                                                        "attachments": Tmp("input.png")}),
        Case("client", "upload", "files", kwargs={"path": "data/new-file", "files": {
            "file": Tmp("input.png"), "comments": (None, '[{"text": "Looks good"}]', "application/json")}}),
        Case("task", "batch_comments", "files", kwargs={"task": task, "comments": [
            {"task_status_id": status["id"], "comment": "Looks good", "attachment_files": [Tmp("input.png")],
             "preview_files": [Tmp("input.mp4")]}]}),
        Case("sync", "convert_id_list", "mapped", kwargs={
            "ids": [made_up_id("asset"), made_up_id("asset", 2)],
            "model_map": {made_up_id("asset"): made_up_id("asset", 11), made_up_id("asset", 2): made_up_id("asset", 12)}}),
        Case("client", "post", "none", kwargs={"path": "data/projects", "data": None}),
        Case("client", "put", "none", kwargs={"path": "data/projects/%s" % made_up_id("project"), "data": None}),
        Case("client", "post", "list", kwargs={"path": "data/projects", "data": [{"name": "Hero"}]}),
    ]
    for case in made:
        case.inputs = sorted(_inputs([case.args, case.kwargs], set()))
    return made


def build_cases(surface: dict) -> tuple[list[Case], dict[str, str]]:
    """Return the cases for every function of upstream's ``surface``, and the functions not compared (why)."""
    cases: list[Case] = []
    skipped: dict[str, str] = {}
    for module, functions in surface.items():
        for function, parameters in functions.items():
            qualified = "%s.%s" % (module, function)
            reason = NOT_COMPARED.get(qualified) or NOT_COMPARED.get(module + ".*")
            if reason:
                skipped[qualified] = reason
                continue
            try:
                made = _cases_of(module, function, parameters)
            except Unsupported as error:
                skipped[qualified] = "no argument made for %s" % error
                continue
            cases.extend(made)
    cases += [case for case in extra_cases() if case.function in surface.get(case.module, {})]
    return cases, skipped


def _cases_of(module: str, function: str, parameters: list) -> list[Case]:
    required = [(name, kind, annotation) for name, kind, annotation, default in parameters
                if default == NO_DEFAULT and kind not in ("VAR_KEYWORD", "VAR_POSITIONAL") and name not in NOT_GIVEN]
    optional = [(name, annotation, default) for name, kind, annotation, default in parameters
                if default != NO_DEFAULT and name not in NOT_GIVEN]
    forms = ["dict"]
    if any("dict" in annotation and "str" in annotation and _entity_kind(name, annotation)
           for name, _, annotation in required):
        forms.append("id")
    if any(name in LISTS for name, _, _ in required) and "id" not in forms:
        forms.append("id")
    if module == "aio":  # no default client there: every call is given an async one
        optional = [(name, annotation, default) for name, annotation, default in optional if name != "client"]
    cases = []
    for form in forms:
        cases.append(_case(module, function, form, required, {}))
    if any(_entity_kind(name, annotation) and "dict" in annotation for name, _, annotation in required):
        cases.append(_case(module, function, "sparse", required, {}))  # entity dicts with their id only
        cases.append(_plain(_case(module, function, "plain-sparse", required, {})))
        nested = _case(module, function, "nested", required, {})
        nested.args, nested.kwargs = _nested(nested.args), _nested(nested.kwargs)
        cases.append(nested)
    empty = _case(module, function, "empty", required, {})  # look-ups find nothing: creations, None answers
    empty.world = "empty"
    cases.append(empty)
    options = {}
    for name, annotation, default in optional:
        try:
            options[name] = _option(module, function, name, annotation, default)
        except Unsupported:
            continue
    if options:
        cases.append(_case(module, function, "options", required, options))
        if "id" in forms:  # the optional entities as ids too
            id_options = dict(options)
            for name, annotation, _default in optional:
                if name in options and _entity_kind(name, annotation) and "dict" in annotation:
                    id_options[name] = value_for(module, function, name, annotation, "id")
            cases.append(_case(module, function, "options-id", required, id_options))
    # Made-up ids of no UUID shape, as studios' mocked tests write them: dicts whose ids are "shot-01" in a
    # Kitsu answering such ids, then each entity parameter alone as a bare string "shot-01".
    cases.append(_plain(_case(module, function, "plain", required, {})))
    if options:
        cases.append(_plain(_case(module, function, "plain-options", required, options)))
    positional = [name for name, kind, _ in required if kind == "POSITIONAL_ONLY"]
    for name, kind, annotation, _default in parameters:
        bare = _bare_plain_id(name, annotation)
        if bare is None or name in NOT_GIVEN or kind in ("VAR_KEYWORD", "VAR_POSITIONAL"):
            continue
        case = _case(module, function, "non-uuid:" + name, required, {})
        if name in positional:
            case.args[positional.index(name)] = bare
        else:
            case.kwargs[name] = bare
        cases.append(case)
    if any(kind == "VAR_POSITIONAL" for _, kind, _, _ in parameters):
        cases[0].args = ["data", "projects/", "project-01"]
    return cases


def _plain(case: Case) -> Case:
    """The case with every made-up id written as a plain one (``shot-01``), in a Kitsu answering such ids."""
    case.args, case.kwargs, case.world = wire_runner.plain(case.args), wire_runner.plain(case.kwargs), "plain"
    return case


def _nested(value, depth: int = 0):
    """The arguments with the lists of ids inside entity dicts (a project's ``team``, a task's ``assignees``…)
    given as lists of dicts, as scripts build them."""
    if isinstance(value, list) and depth and value and all(wire_runner.name_of_id(item) for item in value):
        return [{"id": item} for item in value]
    if type(value) is dict:
        return {key: _nested(item, depth + 1) for key, item in value.items()}
    if type(value) is list:
        return [_nested(item, depth + 1) for item in value]
    return value


def _bare_plain_id(name: str, annotation: str):
    """Return a plain id string (``shot-01``), or a list of them, for an entity parameter; None for others."""
    if name in LISTS or name.endswith("_ids") and name[:-4] in ENTITY_NAMES:
        return [wire_runner.plain_id(LISTS.get(name) or name[:-4].replace("_", "-"))]
    kind = _entity_kind(name, annotation) or OTHER_IDS.get(name)
    return wire_runner.plain_id(kind) if kind else None


# Id parameters whose name does not say their kind -> the kind (their bare non-UUID variant).
OTHER_IDS = {"author_id": "person", "cursor_login_log_id": "login-log", "status_id": "task-status",
             "model_id": "project", "model_parameter": "project"}


def _case(module: str, function: str, form: str, required: list, options: dict) -> Case:
    case = Case(module, function, form)
    for name, kind, annotation in required:
        value = value_for(module, function, name, annotation,
                          "id" if form in ("id", "options-id") else "sparse" if form.endswith("sparse") else "dict")
        if kind == "POSITIONAL_ONLY":
            case.args.append(value)
        else:
            case.kwargs[name] = value
    case.kwargs.update(options)
    if module == "aio":
        case.kwargs["client"] = Client(**{"async": True, "host": HOST, "tokens": TOKENS})
    case.inputs = sorted(_inputs([case.args, case.kwargs], set()))
    return case


def _inputs(value, found: set) -> set:
    """Collect the files a call reads (the ``Tmp("input.…")`` among its arguments)."""
    if isinstance(value, Tmp):
        if value.startswith("input."):
            found.add(str(value))
    elif isinstance(value, (list, tuple)):
        for item in value:
            _inputs(item, found)
    elif isinstance(value, dict):
        for item in value.values():
            _inputs(item, found)
    return found


# -- Running both sides ---------------------------------------------------------------------------------------

class RunnerFailed(RuntimeError):
    """A side's runner did not answer every case."""


def _python_ours() -> str:
    venv = os.path.join(ROOT, ".venv", "bin", "python")
    return venv if os.path.exists(venv) else sys.executable


def _run(python: str, side: str, request: dict, timeout: float) -> list:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    cwd = ROOT if side == "ours" else upstream_oracle.cache_dir()
    try:
        process = subprocess.run([python, "-I", RUNNER, ROOT, side], input=json.dumps(request), capture_output=True,
                                 text=True, cwd=cwd, env=env, timeout=timeout)
    except subprocess.TimeoutExpired as error:
        raise RunnerFailed("the %s runner (%s) did not finish within %s s (each call has %s s): %s"
                           % (side, python, timeout, wire_runner.CASE_SECONDS, (error.stderr or b"")[-2000:])) from None
    lines = process.stdout.splitlines()
    if not lines:
        raise RunnerFailed("the %s runner (%s) answered nothing (exit status %s):\n%s"
                           % (side, python, process.returncode, process.stderr[-3000:]))
    answers = [json.loads(line) for line in lines[1:]]
    if process.returncode != 0:
        answers.append({"runner_error": "the %s runner stopped (exit status %s):\n%s"
                                        % (side, process.returncode, process.stderr[-2000:])})
    return answers


def run_both(request: dict, timeout: float = 600) -> tuple[list, list]:
    """Give ``request`` to both runners at once; return (ours, upstream's) answers."""
    upstream = upstream_oracle.upstream_python()
    results: dict = {}
    errors: list = []

    def side(name, python):
        try:
            results[name] = _run(python, name, request, timeout)
        except Exception as error:  # reported below, in this thread
            errors.append(error)

    threads = [threading.Thread(target=side, args=("ours", _python_ours())),
               threading.Thread(target=side, args=("upstream", upstream))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results["ours"], results["upstream"]


# -- Comparing ------------------------------------------------------------------------------------------------

def _fewer_gets(ours: list, theirs: list) -> bool:
    """Tell whether ``ours`` is ``theirs`` less some GET requests."""
    position = 0
    for request in theirs:
        if position < len(ours) and ours[position] == request:
            position += 1
        elif request["method"] != "GET":
            return False
    return position == len(ours)


def _left_out(ours: list, theirs: list) -> list[str]:
    """List the GETs upstream sends that ours leaves out (a call that returns: each is a listed round trip saved)."""
    ours = [_in_order(request) for request in ours]
    return ["request %d: only upstream sends %s (ours leaves it out)" % (index + 1, _short_request(request))
            for index, request in enumerate(_in_order(request) for request in theirs) if request not in ours]


def _requests_differences(ours: list, theirs: list) -> list[str]:
    """List how our requests differ from upstream's, one line per differing detail.

    Ours may leave out GETs upstream sends (fewer requests, same result);
    the same requests in another order make one line saying so.
    """
    ours, theirs = [_in_order(request) for request in ours], [_in_order(request) for request in theirs]
    if ours == theirs or _fewer_gets(ours, theirs):
        return []
    found = []
    targets_ours, targets_theirs = [_target(r) for r in ours], [_target(r) for r in theirs]
    if targets_ours != targets_theirs and sorted(targets_ours) == sorted(targets_theirs):
        found.append("same requests in another order: ours %s; upstream's %s" % (
            ", ".join(map(_short_request, ours)), ", ".join(map(_short_request, theirs))))
        # then each request against upstream's to the same address
        remaining = list(ours)
        ours = [remaining.pop([_target(r) for r in remaining].index(_target(their))) for their in theirs]
    # Requests to the same addresses are paired (difflib), so one extra request does not shift the rest.
    matcher = difflib.SequenceMatcher(a=[_target(r) for r in ours], b=[_target(r) for r in theirs], autojunk=False)
    for tag, start_ours, end_ours, start_theirs, end_theirs in matcher.get_opcodes():
        pairs = list(zip(range(start_ours, end_ours), range(start_theirs, end_theirs)))
        if tag in ("equal", "replace"):
            for index_ours, index_theirs in pairs:
                mine, their = ours[index_ours], theirs[index_theirs]
                if mine != their:
                    where = "request %d (%s %s)" % (index_theirs + 1, their["method"], _path(their))
                    found += ["%s %s" % (where, line) for line in _request_differences(mine, their)]
        found += ["request %d: only ours sends %s" % (index + 1, _short_request(ours[index]))
                  for index in range(start_ours + len(pairs), end_ours)]
        found += ["request %d: only upstream sends %s" % (index + 1, _short_request(theirs[index]))
                  for index in range(start_theirs + len(pairs), end_theirs)]
        if len(found) > 12:
            break
    return found


def _in_order(request: dict) -> dict:
    """The request with its query pairs sorted: Zou reads them in any order."""
    return {**request, "query": sorted(request["query"])}


def _target(request: dict) -> tuple:
    return request["method"], request["url"]


def _pairs(mine, their, what: str) -> list[str]:
    """Compare two mappings key by key: one line per key whose values differ ("none" when absent)."""
    lines = []
    for key in list(mine) + [key for key in their if key not in mine]:
        if mine.get(key) != their.get(key):
            lines.append("%s %r: ours %s, upstream's %s" % (
                what, key, _brief(mine[key]) if key in mine else "none",
                _brief(their[key]) if key in their else "none"))
    return lines


def _request_differences(mine: dict, their: dict) -> list[str]:
    lines = []
    for key in ("method", "url"):
        if mine[key] != their[key]:
            lines.append("%s: ours %s, upstream's %s" % (key, _brief(mine[key]), _brief(their[key])))
    if sorted(mine["query"]) != sorted(their["query"]):
        lines += _pairs(_grouped(mine["query"]), _grouped(their["query"]), "query")
    lines += _pairs(mine["headers"], their["headers"], "header")
    a, b = mine["body"], their["body"]
    if a == b:
        return lines
    if isinstance(a, dict) and isinstance(b, dict) and "json" in a and "json" in b:
        lines += differences(a["json"], b["json"], "json")
    elif isinstance(a, dict) and isinstance(b, dict) and "multipart" in a and "multipart" in b:
        lines += _parts_differences(a["multipart"], b["multipart"])
    else:
        lines.append("body: ours %s, upstream's %s" % (_brief(a), _brief(b)))
    return lines


def _grouped(pairs: list) -> dict:
    grouped: dict = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return grouped


def _parts_differences(mine: list, their: list) -> list[str]:
    """Compare two multipart forms part by part: their order, then each part's file name, headers and content."""
    names_mine, names_their = [part["name"] for part in mine], [part["name"] for part in their]
    if names_mine != names_their:
        return ["form parts: ours %s, upstream's %s" % (names_mine, names_their)]
    lines = []
    for part_mine, part_their in zip(mine, their):
        label = "part %r" % part_mine["name"]
        lines += _pairs(part_mine["headers"], part_their["headers"], label + " header")
        lines += _pairs({k: v for k, v in part_mine.items() if k not in ("name", "headers")},
                        {k: v for k, v in part_their.items() if k not in ("name", "headers")}, label)
    return lines


def _path(request: dict) -> str:
    return request["url"].split("/api/", 1)[-1]


def _short_request(request: dict) -> str:
    query = "&".join("%s=%s" % tuple(pair) for pair in request["query"])
    return "%s %s%s" % (request["method"], _path(request), "?" + query if query else "")


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def readable(text: str) -> str:
    """Write the made-up ids in ``text`` as the entity they name (``{shot-01}``)."""
    def name(match):
        found = wire_runner.name_of_id(match.group(0))
        return "{%s-%02d}" % found if found else match.group(0)
    return UUID.sub(name, text)


def _brief(value) -> str:
    text = json.dumps(value, sort_keys=True)
    return text if len(text) <= 400 else text[:397] + "..."


def compare(ours: dict, theirs: dict) -> list[str]:
    """List every difference between two outcomes of the same case."""
    if "runner_error" in ours or "runner_error" in theirs:
        return ["runner error: %s" % (ours.get("runner_error") or theirs.get("runner_error"))[-500:]]
    found = _requests_differences(ours["sent"], theirs["sent"])
    if not found and not (ours.get("raised") or theirs.get("raised")):
        found = _left_out(ours["sent"], theirs["sent"])
    if ours.get("hung") or theirs.get("hung"):
        if not (ours.get("hung") and theirs.get("hung")):
            found.append("%s hung" % ("ours" if ours.get("hung") else "upstream"))
    elif ours.get("raised") or theirs.get("raised"):
        mine, their = ours.get("raised"), theirs.get("raised")
        if not (mine and their):
            found.append("ours raised %s(%s), upstream returned %s" % (mine["type"], mine["message"][:150],
                                                                      _brief(theirs["value"])[:150])
                         if mine else "ours returned %s, upstream raised %s(%s)"
                         % (_brief(ours["value"])[:150], their["type"], their["message"][:150]))
        elif their["type"] not in [mine["type"]] + mine["bases"]:
            found.append("ours raised %s(%s), upstream raised %s(%s)" % (
                mine["type"], mine["message"][:150], their["type"], their["message"][:150]))
    else:
        found += differences(ours["value"], theirs["value"], "returned")
    if ours["files"] != theirs["files"]:
        found += differences(ours["files"], theirs["files"], "files")
    if ours["cwd"] != theirs["cwd"]:
        found += differences(ours["cwd"], theirs["cwd"], "files in the working folder")
    return found


def known_difference(case: Case, line: str) -> tuple | None:
    """Return the key of KNOWN_DIFFERENCES that explains a difference line, or None."""
    qualified = "%s.%s" % (case.module, case.function)
    for key in KNOWN_DIFFERENCES:
        function, form, pattern = key
        if function in (qualified, "*") and fnmatch.fnmatchcase(case.form, form) and re.search(pattern, line):
            return key
    return None


@dataclass
class Result:
    identical: list = field(default_factory=list)
    deliberate: list = field(default_factory=list)  # (case, [(line, reason)])
    differ: list = field(default_factory=list)  # (case, [lines], ours, theirs)
    not_compared: dict = field(default_factory=dict)  # label -> reason
    unused_known: list = field(default_factory=list)

    def summary(self) -> str:
        return "exact-wire: %d identical / %d differ / %d not compared (%d deliberate differences, listed)" % (
            len(self.identical), len(self.differ), len(self.not_compared), len(self.deliberate))


def differential(timeout: float = 600) -> Result:
    """Run every case on both sides and sort them into identical, deliberate, differing and not compared."""
    surface_request = {"surface": MODULES}
    ours_surface, upstream_surface = run_both(surface_request, timeout)
    upstream_surface, ours_surface = upstream_surface[0], ours_surface[0]
    cases, skipped = build_cases(upstream_surface)
    skipped["cli.*"] = NOT_COMPARED["cli.*"]
    result = Result(not_compared=dict(skipped))
    ours, theirs = run_both({"cases": [case.payload() for case in cases]}, timeout)
    used = set()
    for index, case in enumerate(cases):
        mine = ours[index] if index < len(ours) else {"runner_error": "no answer (the runner stopped)"}
        their = theirs[index] if index < len(theirs) else {"runner_error": "no answer (the runner stopped)"}
        lines = compare(mine, their)
        if case.function not in ours_surface.get(case.module, {}) and not _exists_in_ours(case):
            lines.insert(0, "missing in our package")
        if not lines:
            result.identical.append(case)
            continue
        keys = [known_difference(case, line) for line in lines]
        if all(keys):
            used.update(keys)
            result.deliberate.append((case, [(line, KNOWN_DIFFERENCES[key]) for line, key in zip(lines, keys)]))
        else:
            result.differ.append((case, [line for line, key in zip(lines, keys) if not key], mine, their))
    result.unused_known = [key for key in KNOWN_DIFFERENCES if key not in used]
    return result


def _exists_in_ours(case: Case) -> bool:
    import importlib

    import gazu

    target = gazu if case.module == "gazu" else importlib.import_module("gazu." + case.module)
    return callable(getattr(target, case.function, None))


def report(result: Result) -> str:
    """Return the differences as text: each differing call, its difference lines and both request lists."""
    out = [result.summary(), ""]
    for case, lines, mine, their in result.differ:
        out.append("DIFFERS %s  args=%s" % (case.label, _brief(case.payload()["kwargs"])[:300]))
        out += ["    " + line for line in lines]
        out.append("    ours sent:     " + (", ".join(_short_request(r) for r in mine.get("sent", [])) or "nothing"))
        out.append("    upstream sent: " + (", ".join(_short_request(r) for r in their.get("sent", [])) or "nothing"))
    out.append("")
    for case, pairs in result.deliberate:
        out.append("DELIBERATE %s" % case.label)
        out += ["    %s  -- %s" % pair for pair in pairs]
    out.append("")
    out += ["NOT COMPARED %s: %s" % item for item in sorted(result.not_compared.items())]
    if result.unused_known:
        out.append("")
        out += ["KNOWN DIFFERENCE NOT MET (remove it): %s" % (key,) for key in result.unused_known]
    return readable("\n".join(out)) + "\n"
