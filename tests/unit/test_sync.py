"""gazu.sync against two mocked instances: every request goes through the client it belongs to."""

from __future__ import annotations

import email
import json
import os
import warnings
from json import dumps
from urllib.parse import parse_qsl, urlsplit

import pytest

import gazu
from gazu import sync
from gazu.exception import GazuException, InvalidArgumentException
from tests.unit.conftest import new_id

SOURCE_HOST = "http://source.test/api"
TARGET_HOST = "http://target.test/api"


class TwoInstances:
    """Two fake Kitsu instances on top of the ``kitsu`` fixture's mock."""

    def __init__(self, kitsu):
        self.kitsu = kitsu
        self.source = gazu.client.create_client(SOURCE_HOST, tokens={"access_token": "source-token"}, retries=0)
        self.target = gazu.client.create_client(TARGET_HOST, tokens={"access_token": "target-token"}, retries=0)

    def on(self, side: str, method: str, path: str, json=None, status: int = 200, body=None):
        host = SOURCE_HOST if side == "source" else TARGET_HOST
        if method == "POST":  # keep what was sent: a streamed upload cannot be read again once its files are gone
            self.kitsu.mock.add_callback(method, host + "/" + path, callback=lambda request: self._answer(
                request, status, dumps(json)), content_type="application/json")
        else:
            self.kitsu.mock.add(method, host + "/" + path, json=json if body is None else None, body=body,
                                status=status)

    @staticmethod
    def _answer(request, status: int, body: str) -> tuple:
        if request.body is not None and not isinstance(request.body, (str, bytes)):
            request.body = b"".join(request.body)
        return status, {}, body

    @property
    def sent(self) -> list[tuple]:
        """Each request as ``(side, method, path, query, JSON body or None)``; side is source, target or kitsu."""
        result = []
        for call in self.kitsu.mock.calls:
            parts = urlsplit(call.request.url)
            body = call.request.body
            try:
                decoded = json.loads(body) if isinstance(body, (str, bytes)) and body else None
            except ValueError:
                decoded = "<multipart>"
            result.append((parts.netloc.split(".")[0], call.request.method, parts.path[len("/api/"):],
                           dict(parse_qsl(parts.query)), decoded))
        return result

    def without_bodies(self) -> list[tuple]:
        return [request[:3] for request in self.sent]

    def form(self, index: int) -> dict:
        """The multipart form of the ``index``-th request: field name -> (file name, bytes or text)."""
        request = self.kitsu.mock.calls[index].request
        body = request.body
        message = email.message_from_bytes(
            b"Content-Type: " + request.headers["Content-Type"].encode() + b"\r\n\r\n" + body)
        return {part.get_param("name", header="content-disposition"):
                (part.get_filename(), part.get_payload(decode=True)) for part in message.get_payload()}


@pytest.fixture
def two(kitsu):
    return TwoInstances(kitsu)


def model(name=None, updated_at="2026-01-01T10:00:00", **fields):
    return {"id": new_id(), "name": name, "updated_at": updated_at, **fields}


# Pure helpers -------------------------------------------------------------------------


def test_get_id_map_by_name():
    source = [model("Props"), model("Characters"), model("FX")]
    target = [model("Characters"), model("Props"), model("Sets")]
    assert sync.get_id_map_by_name(source, target) == {"Props": target[1]["id"], "Characters": target[0]["id"]}


@pytest.mark.parametrize("field", ["name", "email"])
def test_get_id_map_by_id(field):
    source = [model(**{field: "a"}), model(**{field: "b"}), model(**{field: None})]
    target = [model(**{field: "b"}), model(**{field: "a"}), model(**{field: None})]
    expected = {source[0]["id"]: target[1]["id"], source[1]["id"]: target[0]["id"]}
    assert (sync.get_id_map_by_id(source, target) if field == "name" else
            sync.get_id_map_by_id(source, target, field)) == expected


@pytest.mark.parametrize("id_field", ["id", "name"])
def test_get_model_list_diff(id_field):
    shared, source_only, target_only = model("shared"), model("new"), model("old")
    source = [shared, source_only]
    target = [{**shared, "description": "edited"}, target_only]
    missing, unexpected = sync.get_model_list_diff(source, target, id_field) if id_field != "id" else \
        sync.get_model_list_diff(source, target)
    assert (missing, unexpected) == ([source_only], [target_only])


def test_get_link_list_diff_matches_links_by_their_two_entities():
    a, b, c = new_id(), new_id(), new_id()
    def link(in_id, out_id):
        return {"id": new_id(), "entity_in_id": in_id, "entity_out_id": out_id}

    source = [link(a, b), link(a, c)]
    target = [link(a, b), link(c, a)]
    assert sync.get_link_list_diff(source, target) == ([source[1]], [target[1]])


@pytest.mark.parametrize("source_date, target_date, changed", [
    ("2026-01-02T10:00:00", "2026-01-01T10:00:00", True),
    ("2026-01-01T10:00:00", "2026-01-01T10:00:00", False),
    ("2026-01-01T09:00:00", "2026-01-01T10:00:00", False),
    ("2026-01-01T10:00:01+00:00", "2026-01-01T10:00:00", True),
    ("2026-01-01T11:00:00+02:00", "2026-01-01T10:00:00", False),
    (None, "2026-01-01T10:00:00", True),
    ("2026-01-01T10:00:00", None, True),
    ("yesterday", "2026-01-01T10:00:00", True),
])
def test_is_changed(source_date, target_date, changed):
    assert sync.is_changed({"updated_at": source_date}, {"updated_at": target_date}) is changed


def test_convert_id_list_leaves_out_ids_without_counterpart():
    known, unknown, target = new_id(), new_id(), new_id()
    assert sync.convert_id_list([known, {"id": unknown}, {"id": known}], {known: target}) == [target, target]
    assert sync.convert_id_list(None, {}) == []


@pytest.mark.parametrize("call, argument", [
    (lambda: sync.get_id_map_by_name("abc", []), "source_list"),
    (lambda: sync.get_id_map_by_name([], [{"name": "x"}]), "target_list"),
    (lambda: sync.get_id_map_by_id([{"id": "a/b"}], []), "source_list"),
    (lambda: sync.get_id_map_by_id([], [], ""), "field"),
    (lambda: sync.get_model_list_diff([{"name": "x"}], []), "source_list"),
    (lambda: sync.get_model_list_diff([], None), "target_list"),
    (lambda: sync.get_model_list_diff([], [], None), "id_field"),
    (lambda: sync.get_link_list_diff([{"entity_in_id": new_id()}], []), "source_list"),
    (lambda: sync.get_link_list_diff([], [42]), "target_list"),
    (lambda: sync.is_changed(None, {}), "source_model"),
    (lambda: sync.convert_id_list(["a/b"], {}), "ids"),
    (lambda: sync.convert_id_list([], None), "model_map"),
])
def test_pure_helpers_reject_bad_arguments(call, argument):
    with pytest.raises(InvalidArgumentException, match="^%s" % argument):
        call()


# Id maps between two instances ------------------------------------------------------------

MAPS = [
    ("get_sync_project_id_map", "data/projects", "name", "Big Buck"),
    ("get_sync_department_id_map", "data/departments", "name", "Animation"),
    ("get_sync_asset_type_id_map", "data/asset-types", "name", "Props"),
    ("get_sync_task_status_id_map", "data/task-status", "short_name", "wip"),
]


@pytest.mark.parametrize("name, route, key, value", MAPS, ids=[row[0] for row in MAPS])
def test_sync_id_maps_read_each_side_through_its_own_client(two, name, route, key, value):
    source, target = model(**{key: value}), model(**{key: value})
    two.on("source", "GET", route, json=[source, model(**{key: "source only"})])
    two.on("target", "GET", route, json=[model(**{key: "target only"}), target])
    assert getattr(sync, name)(two.source, two.target) == {source["id"]: target["id"]}
    assert two.sent == [("source", "GET", route, {}, None), ("target", "GET", route, {}, None)]


def test_task_types_match_on_name_and_entity_kind(two):
    source = [model("Modeling", for_entity="Asset"), model("Animation", for_entity="Shot")]
    target = [model("Animation", for_entity="Asset"), model("Modeling", for_entity="Asset")]
    two.on("source", "GET", "data/task-types", json=source)
    two.on("target", "GET", "data/task-types", json=target)
    assert sync.get_sync_task_type_id_map(two.source, two.target) == {source[0]["id"]: target[1]["id"]}


def test_persons_match_on_email_ignoring_case(two):
    source = [model(email="Ann@Studio.test"), model(email=None)]
    target = [model(email="ann@studio.test"), model(email=None)]
    two.on("source", "GET", "data/persons", json=source)
    two.on("target", "GET", "data/persons", json=target)
    assert sync.get_sync_person_id_map(two.source, two.target) == {source[0]["id"]: target[0]["id"]}
    assert two.without_bodies() == [("source", "GET", "data/persons"), ("target", "GET", "data/persons")]


@pytest.mark.parametrize("name", [row[0] for row in MAPS] + ["get_sync_task_type_id_map", "get_sync_person_id_map"])
def test_sync_id_maps_reject_non_clients(two, name):
    with pytest.raises(InvalidArgumentException, match="^source_client:"):
        getattr(sync, name)("http://source", two.target)
    with pytest.raises(InvalidArgumentException, match="^target_client:"):
        getattr(sync, name)(two.source, None)
    assert two.sent == []


# Events ---------------------------------------------------------------------------------------


def test_get_last_events_defaults(kitsu):
    kitsu.on("GET", "data/events/last", json=[{"id": new_id(), "name": "task:update"}])
    assert len(sync.get_last_events()) == 1
    assert kitsu.sent == [("GET", "data/events/last", {"limit": "20000", "only_files": "false"}, None)]


def test_get_last_events_filters(two):
    project = new_id()
    two.on("source", "GET", "data/events/last", json=[])
    assert sync.get_last_events(50, {"id": project}, "2026-01-01", "2026-01-02T12:00:00", True, "shot:new",
                                client=two.source) == []
    assert two.sent == [("source", "GET", "data/events/last", {
        "limit": "50", "only_files": "true", "project_id": project, "after": "2026-01-01",
        "before": "2026-01-02T12:00:00", "name": "shot:new"}, None)]


def test_get_last_events_follows_the_cursor_past_the_servers_page_size(kitsu):
    first = [{"id": new_id()} for _ in range(1000)]
    second = [{"id": new_id()} for _ in range(500)]
    kitsu.on("GET", "data/events/last", json=first)
    kitsu.on("GET", "data/events/last", json=second)
    assert sync.get_last_events(limit=1500) == first + second
    assert [request[2] for request in kitsu.sent] == [
        {"limit": "1500", "only_files": "false"},
        {"limit": "500", "only_files": "false", "cursor_event_id": first[-1]["id"]}]


def test_get_last_events_stops_at_a_short_page(kitsu):
    kitsu.on("GET", "data/events/last", json=[{"id": new_id()} for _ in range(999)])
    assert len(sync.get_last_events()) == 999
    assert len(kitsu.sent) == 1


def test_get_last_events_accepts_the_deprecated_page_size(kitsu):
    kitsu.on("GET", "data/events/last", json=[])
    with pytest.warns(DeprecationWarning, match="page_size"):
        sync.get_last_events(page_size=10, only_files=True)
    assert kitsu.last[2] == {"limit": "10", "only_files": "true"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sync.get_last_events(10)
    with pytest.raises(TypeError, match="page_size"):
        sync.get_last_events(10, page_size=20)
    with pytest.raises(TypeError, match="page_size"):
        sync.get_last_events(limit=10, page_size=20)


@pytest.mark.parametrize("kwargs, argument", [
    ({"limit": 0}, "limit"), ({"limit": "100"}, "limit"), ({"limit": True}, "limit"),
    ({"project": "a/b"}, "project"), ({"after": "last week"}, "after"), ({"before": 20260101}, "before"),
])
def test_get_last_events_bad_arguments(kitsu, kwargs, argument):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        sync.get_last_events(**kwargs)
    assert kitsu.sent == []


# Imports ------------------------------------------------------------------------------------------

IMPORTS = [("import_entities", "import/kitsu/entities"), ("import_tasks", "import/kitsu/tasks"),
           ("import_entity_links", "import/kitsu/entity-links")]


@pytest.mark.parametrize("name, route", IMPORTS, ids=[row[0] for row in IMPORTS])
def test_imports_post_the_list_as_is(two, name, route):
    rows = [{"id": new_id(), "entity_in_id": new_id(), "entity_out_id": new_id(), "name": "x"}]
    two.on("target", "POST", route, json=rows)
    assert getattr(sync, name)(rows, client=two.target) == rows
    assert two.sent == [("target", "POST", route, {}, rows)]


@pytest.mark.parametrize("name, route", IMPORTS, ids=[row[0] for row in IMPORTS])
def test_imports_reject_what_is_not_a_list_of_rows(two, name, route):
    argument = {"import_entities": "entities", "import_tasks": "tasks", "import_entity_links": "links"}[name]
    for bad in (None, {"id": new_id()}, [{"name": "no id, no entities"}]):
        with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
            getattr(sync, name)(bad, client=two.target)
    assert two.sent == []


# Pushing entities ------------------------------------------------------------------------------------


@pytest.fixture
def references(two):
    """Matching people, task types and asset types on both sides; declares their reads."""
    refs = {}
    for route, key, value in [("data/persons", "email", "ann@studio.test"),
                              ("data/task-types", "name", "Modeling"),
                              ("data/asset-types", "name", "Props")]:
        source, target = model(**{key: value, "for_entity": "Asset"}), model(**{key: value, "for_entity": "Asset"})
        two.on("source", "GET", route, json=[source])
        two.on("target", "GET", route, json=[target])
        refs[route] = (source["id"], target["id"])
    return refs


ENTITY_PUSHES = [("push_episodes", "data/projects/{}/episodes", "Episode"),
                 ("push_sequences", "data/projects/{}/sequences", "Sequence"),
                 ("push_shots", "data/projects/{}/shots", "Shot"),
                 ("push_assets", "data/projects/{}/assets", "Asset")]


@pytest.mark.parametrize("name, route, kind", ENTITY_PUSHES, ids=[row[0] for row in ENTITY_PUSHES])
def test_push_entities_sends_what_is_new_or_newer(two, references, name, route, kind):
    project_source, project_target = {"id": new_id()}, {"id": new_id()}
    person, task_type, asset_type = (references[r] for r in ("data/persons", "data/task-types", "data/asset-types"))
    common = {"type": kind, "project_id": project_source["id"], "entity_type_id": asset_type[0],
              "created_by": person[0], "ready_for": task_type[0]}
    new = model("new", **common)
    newer = model("newer", updated_at="2026-02-01T00:00:00", **{**common, "created_by": new_id(), "ready_for": None})
    same = model("same", **common)
    two.on("source", "GET", route.format(project_source["id"]), json=[new, newer, same])
    two.on("target", "GET", route.format(project_target["id"]),
           json=[{**newer, "updated_at": "2026-01-01T00:00:00"}, same, model("target only")])
    two.on("target", "POST", "import/kitsu/entities", json=[{"id": new["id"]}, {"id": newer["id"]}])

    assert getattr(sync, name)(project_source, project_target["id"], two.source, two.target) == [
        {"id": new["id"]}, {"id": newer["id"]}]

    reads = [("source", "GET", route.format(project_source["id"])),
             ("target", "GET", route.format(project_target["id"])),
             ("source", "GET", "data/persons"), ("target", "GET", "data/persons"),
             ("source", "GET", "data/task-types"), ("target", "GET", "data/task-types")]
    if kind == "Asset":
        reads += [("source", "GET", "data/asset-types"), ("target", "GET", "data/asset-types")]
    assert two.without_bodies() == reads + [("target", "POST", "import/kitsu/entities")]
    rewritten = {"project_id": project_target["id"], **({"entity_type_id": asset_type[1]} if kind == "Asset" else {})}
    assert two.sent[-1][4] == [
        {**new, **rewritten, "created_by": person[1], "ready_for": task_type[1]},
        {**newer, **rewritten, "created_by": None, "ready_for": None}]


@pytest.mark.parametrize("name, route, kind", ENTITY_PUSHES, ids=[row[0] for row in ENTITY_PUSHES])
def test_push_entities_with_nothing_to_send_only_reads(two, name, route, kind):
    project = new_id()
    same = model("same", type=kind)
    two.on("source", "GET", route.format(project), json=[same])
    two.on("target", "GET", route.format(project), json=[same])
    assert getattr(sync, name)(project, project, two.source, two.target) == []
    assert [request[0] for request in two.sent] == ["source", "target"]


def test_push_assets_refuses_an_asset_type_the_target_lacks(two, references):
    project = new_id()
    asset = model("Chair", type="Asset", entity_type_id=new_id())
    two.on("source", "GET", "data/projects/%s/assets" % project, json=[asset])
    two.on("target", "GET", "data/projects/%s/assets" % project, json=[])
    with pytest.raises(GazuException, match="asset 'Chair': its asset type .* no counterpart on the target"):
        sync.push_assets(project, project, two.source, two.target)
    assert all(method == "GET" for _, method, *_ in two.sent)


def test_push_entity_links_sends_missing_and_different_links(two):
    project_source, project_target = new_id(), new_id()
    shot, chair, table, lamp = new_id(), new_id(), new_id(), new_id()

    def link(out_id, occurences, link_id=None):
        return {"id": link_id or new_id(), "entity_in_id": shot, "entity_out_id": out_id,
                "nb_occurences": occurences, "label": "", "data": {}, "type": "EntityLink"}

    missing, different, same = link(chair, 1), link(table, 3), link(lamp, 1)
    target_copy = link(table, 1)
    two.on("source", "GET", "data/projects/%s/entity-links" % project_source, json=[missing, different, same])
    two.on("target", "GET", "data/projects/%s/entity-links" % project_target, json=[target_copy, {**same}])
    two.on("target", "POST", "import/kitsu/entity-links", json=[missing])
    assert sync.push_entity_links(project_source, project_target, two.source, two.target) == [missing]
    assert two.sent[-1] == ("target", "POST", "import/kitsu/entity-links", {},
                            [missing, {**different, "id": target_copy["id"]}])


def test_push_entity_links_with_nothing_to_send_only_reads(two):
    project = new_id()
    two.on("source", "GET", "data/projects/%s/entity-links" % project, json=[])
    two.on("target", "GET", "data/projects/%s/entity-links" % project, json=[])
    assert sync.push_entity_links(project, project, two.source, two.target) == []
    assert len(two.sent) == 2


def test_push_project_entities_pushes_parents_first(two, monkeypatch):
    calls = []
    for name in ("push_episodes", "push_sequences", "push_assets", "push_shots", "push_entity_links"):
        monkeypatch.setattr(sync, name, lambda *args, name=name: calls.append((name, args)) or [name])
    arguments = ({"id": new_id()}, {"id": new_id()}, two.source, two.target)
    assert sync.push_project_entities(*arguments) == {
        "episodes": ["push_episodes"], "sequences": ["push_sequences"], "assets": ["push_assets"],
        "shots": ["push_shots"], "entity_links": ["push_entity_links"]}
    assert calls == [(name, arguments) for name in
                     ("push_episodes", "push_sequences", "push_assets", "push_shots", "push_entity_links")]


# Pushing tasks ---------------------------------------------------------------------------------------


def test_push_tasks(two, references):
    project_source, project_target, default_status = new_id(), new_id(), new_id()
    person, task_type = references["data/persons"], references["data/task-types"]
    common = {"type": "Task", "project_id": project_source, "task_type_id": task_type[0],
              "task_status_id": new_id(), "assigner_id": person[0]}
    new = model("main", assignees=[person[0], new_id()], **common)
    newer = model("layout", updated_at="2026-03-01T00:00:00", assignees=[], **common)
    target_newer = {**newer, "task_status_id": new_id(), "updated_at": "2026-01-01T00:00:00"}
    two.on("source", "GET", "data/projects/%s/tasks" % project_source, json=[new, newer])
    two.on("target", "GET", "data/projects/%s/tasks" % project_target, json=[target_newer])
    two.on("target", "POST", "import/kitsu/tasks", json=[new, newer])

    assert sync.push_tasks(project_source, project_target, {"id": default_status}, two.source, two.target) == [
        new, newer]
    rewritten = {"project_id": project_target, "task_type_id": task_type[1], "assigner_id": person[1]}
    assert two.sent[-1] == ("target", "POST", "import/kitsu/tasks", {}, [
        {**new, **rewritten, "task_status_id": default_status, "assignees": [person[1]]},
        {**newer, **rewritten, "task_status_id": target_newer["task_status_id"], "assignees": []}])
    assert [request[:2] for request in two.sent] == [("source", "GET"), ("target", "GET")] * 3 + [("target", "POST")]


def test_push_tasks_refuses_a_task_type_the_target_lacks(two, references):
    project = new_id()
    two.on("source", "GET", "data/projects/%s/tasks" % project, json=[model("main", task_type_id=new_id())])
    two.on("target", "GET", "data/projects/%s/tasks" % project, json=[])
    with pytest.raises(GazuException, match="'main': its task type"):
        sync.push_tasks(project, project, new_id(), two.source, two.target)
    assert all(method == "GET" for _, method, *_ in two.sent)


def test_push_tasks_with_nothing_to_send_only_reads(two):
    project = new_id()
    two.on("source", "GET", "data/projects/%s/tasks" % project, json=[])
    two.on("target", "GET", "data/projects/%s/tasks" % project, json=[model("target only")])
    assert sync.push_tasks(project, project, new_id(), two.source, two.target) == []
    assert len(two.sent) == 2


# Pushing comments ------------------------------------------------------------------------------------


@pytest.fixture
def comment_maps():
    source_status, target_status, source_person, target_person = new_id(), new_id(), new_id(), new_id()
    return {source_status: target_status}, {source_person: target_person}, source_status, source_person


def make_comment(status, person, **fields):
    return {"id": new_id(), "type": "Comment", "text": "Looks good", "task_status_id": status, "person_id": person,
            "created_at": "2026-01-05T10:11:12", "checklist": [{"text": "fix", "checked": False}],
            "links": ["https://x.test"], "for_client": False, "attachment_files": [], "previews": [], **fields}


def test_push_task_comment_replays_the_comment_on_the_target(two, comment_maps):
    statuses, people, status, person = comment_maps
    task = new_id()
    comment = make_comment(status, person)
    two.on("target", "POST", "actions/tasks/%s/comment" % task, json={"id": "created"})
    assert sync.push_task_comment(statuses, people, {"id": task}, comment, two.source, two.target) == {"id": "created"}
    assert two.sent == [("target", "POST", "actions/tasks/%s/comment" % task, {}, {
        "task_status_id": statuses[status], "comment": "Looks good", "person_id": people[person],
        "created_at": "2026-01-05T10:11:12", "checklist": comment["checklist"], "links": ["https://x.test"],
        "for_client": False})]


def test_push_task_comment_author_override_and_unknown_author(two, comment_maps):
    statuses, people, status, _ = comment_maps
    task, author = new_id(), new_id()
    two.on("target", "POST", "actions/tasks/%s/comment" % task, json={"id": "created"})
    sync.push_task_comment(statuses, people, task, make_comment(status, new_id()), two.source, two.target,
                           author_id=author)
    assert two.sent[-1][4]["person_id"] == author
    sync.push_task_comment(statuses, people, task, make_comment(status, new_id()), two.source, two.target)
    assert "person_id" not in two.sent[-1][4]  # the server then signs it with the logged-in user


def test_push_task_comment_carries_attachments_and_previews(two, comment_maps, tmp_path):
    statuses, people, status, person = comment_maps
    task, new_preview, created = new_id(), new_id(), new_id()
    attachment = {"id": new_id(), "name": "notes.txt", "extension": "txt"}
    preview = {"id": new_id(), "revision": 3, "extension": "png"}
    comment = make_comment(status, person, attachment_files=[attachment], previews=[preview])
    two.on("source", "GET", "data/attachment-files/%s/file/notes.txt" % attachment["id"], body=b"remember")
    two.on("target", "POST", "actions/tasks/%s/comment" % task, json={"id": created, "previews": []})
    two.on("source", "GET", "pictures/originals/preview-files/%s/download" % preview["id"], body=b"\x89PNG-data")
    two.on("target", "POST", "actions/tasks/%s/comments/%s/add-preview" % (task, created), json={"id": new_preview})
    two.on("target", "POST", "pictures/preview-files/%s" % new_preview, json={"id": new_preview, "revision": 3})

    result = sync.push_task_comment(statuses, people, task, comment, two.source, two.target, tmp_path=str(tmp_path))

    assert result == {"id": created, "previews": [{"id": new_preview, "revision": 3}]}
    assert two.without_bodies() == [
        ("source", "GET", "data/attachment-files/%s/file/notes.txt" % attachment["id"]),
        ("target", "POST", "actions/tasks/%s/comment" % task),
        ("source", "GET", "pictures/originals/preview-files/%s/download" % preview["id"]),
        ("target", "POST", "actions/tasks/%s/comments/%s/add-preview" % (task, created)),
        ("target", "POST", "pictures/preview-files/%s" % new_preview)]
    form = two.form(1)
    assert form["file"] == ("notes.txt", b"remember")
    assert form["task_status_id"][1] == statuses[status].encode()
    assert form["person_id"][1] == people[person].encode()
    assert json.loads(form["checklist"][1]) == comment["checklist"]
    assert json.loads(form["links"][1]) == ["https://x.test"]
    assert form["for_client"][1] == b"False"
    assert two.sent[3][4] == {"revision": 3}
    assert two.form(4)["file"] == ("%s.png" % preview["id"], b"\x89PNG-data")
    assert os.listdir(tmp_path) == []  # what transited is gone


def test_push_task_comment_refuses_a_status_the_target_lacks(two, comment_maps):
    statuses, people, _, person = comment_maps
    with pytest.raises(GazuException, match="its task status"):
        sync.push_task_comment(statuses, people, new_id(), make_comment(new_id(), person), two.source, two.target)
    assert two.sent == []


@pytest.mark.parametrize("change, argument", [
    ({"task_status_map": None}, "task_status_map"), ({"person_map": []}, "person_map"),
    ({"task": "a/b"}, "task"), ({"comment": "a/b"}, "comment"), ({"comment": {"text": "no id"}}, "comment"),
    ({"client_source": None}, "client_source"), ({"client_target": "http://x"}, "client_target"),
    ({"author_id": "a/b"}, "author_id"), ({"tmp_path": "/does/not/exist"}, "tmp_path"),
])
def test_push_task_comment_bad_arguments(two, comment_maps, change, argument):
    statuses, people, status, person = comment_maps
    arguments = {"task_status_map": statuses, "person_map": people, "task": new_id(),
                 "comment": make_comment(status, person), "client_source": two.source,
                 "client_target": two.target, **change}
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        sync.push_task_comment(**arguments)
    assert two.sent == []


def test_push_task_comments_sends_only_what_the_target_lacks_oldest_first(two, comment_maps):
    statuses, people, status, person = comment_maps
    task = new_id()
    old = make_comment(status, person, text="first", created_at="2026-01-01T00:00:00")
    middle = make_comment(status, person, text="second", created_at="2026-01-02T00:00:00")
    latest = make_comment(status, person, text="third", created_at="2026-01-03T00:00:00")
    two.on("target", "GET", "data/tasks/%s/comments" % task, json=[{**old, "id": new_id()}])
    two.on("source", "GET", "data/tasks/%s/comments" % task, json=[latest, middle, old])
    two.on("target", "POST", "actions/tasks/%s/comment" % task, json={"id": "created"})
    assert sync.push_task_comments(statuses, people, {"id": task}, two.source, two.target) == [
        {"id": "created"}, {"id": "created"}]
    assert [request[4]["comment"] for request in two.sent if request[1] == "POST"] == ["second", "third"]


def test_push_tasks_comments_walks_every_task_with_one_pair_of_maps(two, monkeypatch):
    project = new_id()
    status_source, status_target = model(short_name="wip"), model(short_name="wip")
    person_source, person_target = model(email="a@b.test"), model(email="a@b.test")
    tasks = [model("t1"), model("t2")]
    two.on("source", "GET", "data/task-status", json=[status_source])
    two.on("target", "GET", "data/task-status", json=[status_target])
    two.on("source", "GET", "data/persons", json=[person_source])
    two.on("target", "GET", "data/persons", json=[person_target])
    two.on("source", "GET", "data/projects/%s/tasks" % project, json=tasks)
    calls = []
    monkeypatch.setattr(sync, "push_task_comments",
                        lambda *args: calls.append(args) or [{"task": args[2]["id"]}])
    assert sync.push_tasks_comments({"id": project}, two.source, two.target) == [
        {"task": tasks[0]["id"]}, {"task": tasks[1]["id"]}]
    maps = ({status_source["id"]: status_target["id"]}, {person_source["id"]: person_target["id"]})
    assert calls == [(*maps, task, two.source, two.target) for task in tasks]


# Every push checks its clients before any request ------------------------------------------------

PUSHES = [
    ("push_episodes", lambda s, t: (new_id(), new_id(), s, t)),
    ("push_sequences", lambda s, t: (new_id(), new_id(), s, t)),
    ("push_assets", lambda s, t: (new_id(), new_id(), s, t)),
    ("push_shots", lambda s, t: (new_id(), new_id(), s, t)),
    ("push_entity_links", lambda s, t: (new_id(), new_id(), s, t)),
    ("push_project_entities", lambda s, t: (new_id(), new_id(), s, t)),
    ("push_tasks", lambda s, t: (new_id(), new_id(), new_id(), s, t)),
    ("push_task_comments", lambda s, t: ({}, {}, new_id(), s, t)),
    ("push_tasks_comments", lambda s, t: (new_id(), s, t)),
]


@pytest.mark.parametrize("name, make_args", PUSHES, ids=[row[0] for row in PUSHES])
def test_pushes_reject_a_missing_client_before_any_request(two, name, make_args):
    with pytest.raises(InvalidArgumentException, match="client"):
        getattr(sync, name)(*make_args(None, two.target))
    with pytest.raises(InvalidArgumentException, match="client"):
        getattr(sync, name)(*make_args(two.source, "http://target"))
    assert two.sent == []


@pytest.mark.parametrize("name", ["push_episodes", "push_assets", "push_tasks", "push_entity_links"])
def test_pushes_reject_a_bad_project_before_any_request(two, name):
    args = ("a/b", new_id()) + ((new_id(),) if name == "push_tasks" else ()) + (two.source, two.target)
    with pytest.raises(InvalidArgumentException, match="^project"):
        getattr(sync, name)(*args)
    assert two.sent == []


def test_nothing_goes_through_the_default_client(two):
    """The suite above never used the default client (the kitsu host): the two clients carry everything."""
    two.on("source", "GET", "data/projects", json=[])
    two.on("target", "GET", "data/projects", json=[])
    sync.get_sync_project_id_map(two.source, two.target)
    assert {request[0] for request in two.sent} == {"source", "target"}


def test_every_function_is_covered():
    public = {name for name, value in vars(sync).items()
              if callable(value) and not name.startswith("_") and getattr(value, "__module__", "") == "gazu.sync"}
    assert len(public) == 26
