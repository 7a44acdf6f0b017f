"""gazu.sync against two mocked instances: every request goes through the client it belongs to."""

from __future__ import annotations

import email
import json
import os
import warnings
from json import dumps
from unittest.mock import MagicMock, call, patch
from urllib.parse import parse_qsl, urlsplit

import pytest

import gazu
from gazu import sync
from gazu.exception import InvalidArgumentException
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
        for sent in self.kitsu.mock.calls:
            parts = urlsplit(sent.request.url)
            body = sent.request.body
            try:
                decoded = json.loads(body) if isinstance(body, (str, bytes)) and body else None
            except ValueError:
                decoded = "<multipart>"
            result.append((parts.netloc.split(".")[0], sent.request.method, parts.path[len("/api/"):],
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


def test_get_id_map_by_name_ignores_case_and_keeps_the_source_names():
    source = [model("Props"), model("Characters"), model("FX")]
    target = [model("characters"), model("PROPS"), model("Sets")]
    assert sync.get_id_map_by_name(source, target) == {"Props": target[1]["id"], "Characters": target[0]["id"]}


@pytest.mark.parametrize("field", ["name", "email"])
def test_get_id_map_by_id(field):
    source = [model(**{field: "a"}), model(**{field: "B"}), model(**{field: None})]
    target = [model(**{field: "b"}), model(**{field: "a"}), model(**{field: None})]
    expected = {source[0]["id"]: target[1]["id"], source[1]["id"]: target[0]["id"]}
    assert (sync.get_id_map_by_id(source, target) if field == "name" else
            sync.get_id_map_by_id(source, target, field)) == expected


def test_get_id_map_by_id_takes_the_last_of_two_namesakes():
    source, target = [model("Anim")], [model("Anim", for_entity="Asset"), model("Anim", for_entity="Shot")]
    assert sync.get_id_map_by_id(source, target) == {source[0]["id"]: target[1]["id"]}


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
    ("2026-01-01T10:00:00.5", "2026-01-01T10:00:00", True),
    ("2026-01-01", "2025-12-31T23:00:00", True),
    (None, "2026-01-01T10:00:00", True),  # upstream crashes on an unknown date; it is taken as changed
    ("2026-01-01T10:00:00", None, True),
])
def test_is_changed_compares_the_dates_as_the_server_writes_them(source_date, target_date, changed):
    assert sync.is_changed({"updated_at": source_date}, {"updated_at": target_date}) is changed


def test_convert_id_list_maps_any_key_and_leaves_out_ids_without_counterpart():
    known, unknown, target = new_id(), new_id(), new_id()
    assert sync.convert_id_list([known, unknown, known], {known: target}) == [target, target]
    assert sync.convert_id_list(["a/b", "", 1], {"a/b": "x", "": "y", 1: "z"}) == ["x", "y", "z"]
    assert sync.convert_id_list([], {}) == []


@pytest.mark.parametrize("call, argument", [
    (lambda: sync.get_id_map_by_name("abc", []), "source_list"),
    (lambda: sync.get_id_map_by_id([], None), "target_list"),
    (lambda: sync.get_model_list_diff([], None), "target_list"),
    (lambda: sync.get_link_list_diff([], [42]), "target_list"),
    (lambda: sync.is_changed(None, {}), "source_model"),
    (lambda: sync.convert_id_list([], None), "model_map"),
])
def test_pure_helpers_reject_what_upstream_would_crash_on(call, argument):
    with pytest.raises(InvalidArgumentException, match="^%s" % argument):
        call()


# Id maps between two instances ------------------------------------------------------------

MAPS = [
    ("get_sync_project_id_map", "data/projects", "name", "Big Buck"),
    ("get_sync_department_id_map", "data/departments", "name", "Animation"),
    ("get_sync_asset_type_id_map", "data/asset-types", "name", "Props"),
    ("get_sync_task_type_id_map", "data/task-types", "name", "Modeling"),
    ("get_sync_task_status_id_map", "data/task-status", "name", "Work In Progress"),
    ("get_sync_person_id_map", "data/persons", "email", "ann@studio.test"),
]


@pytest.mark.parametrize("name, route, key, value", MAPS, ids=[row[0] for row in MAPS])
def test_sync_id_maps_read_each_side_through_its_own_client(two, name, route, key, value):
    source, target = model(**{key: value.upper()}), model(**{key: value})
    two.on("source", "GET", route, json=[source, model(**{key: "source only"})])
    two.on("target", "GET", route, json=[model(**{key: "target only"}), target])
    assert getattr(sync, name)(two.source, two.target) == {source["id"]: target["id"]}
    assert two.sent == [("source", "GET", route, {}, None), ("target", "GET", route, {}, None)]


@pytest.mark.parametrize("name, patched", [
    ("get_sync_project_id_map", "gazu.project.all_projects"),
    ("get_sync_department_id_map", "gazu.person.all_departments"),
    ("get_sync_asset_type_id_map", "gazu.asset.all_asset_types"),
    ("get_sync_task_type_id_map", "gazu.task.all_task_types"),
    ("get_sync_task_status_id_map", "gazu.task.all_task_statuses"),
])
def test_sync_id_maps_take_test_doubles_and_read_through_the_domain_functions(name, patched):
    """Studios' tests pass mocks as clients and patch the domain functions, as upstream's own tests do."""
    source_client, target_client = MagicMock(), MagicMock()
    with patch(patched, side_effect=[[{"id": "src-1", "name": "Layout"}], [{"id": "tgt-1", "name": "Layout"}]]) as read:
        assert getattr(sync, name)(source_client, target_client) == {"src-1": "tgt-1"}
    assert read.call_args_list == [call(client=source_client), call(client=target_client)]


# Events ---------------------------------------------------------------------------------------


def test_get_last_events_defaults(kitsu):
    kitsu.on("GET", "data/events/last", json=[{"id": new_id(), "name": "task:update"}])
    assert len(sync.get_last_events()) == 1
    assert kitsu.sent == [("GET", "data/events/last", {"limit": "20000", "only_files": "False"}, None)]


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
        {"limit": "1500", "only_files": "False"},
        {"limit": "500", "only_files": "False", "cursor_event_id": first[-1]["id"]}]


@pytest.mark.parametrize("limit, sent", [("100", "100"), (0, "0")])
def test_get_last_events_sends_a_limit_as_upstream_does(kitsu, limit, sent):
    kitsu.on("GET", "data/events/last", json=[])
    assert sync.get_last_events(limit) == []
    assert kitsu.sent == [("GET", "data/events/last", {"limit": sent, "only_files": "False"}, None)]


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
    ({"limit": True}, "limit"), ({"limit": 2.5}, "limit"),
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
    rows = [{"id": new_id(), "entity_in_id": new_id(), "entity_out_id": new_id(), "name": "x"},
            {"asset_id": new_id()}]  # rows are passed through whatever their keys, as upstream
    two.on("target", "POST", route, json=rows)
    assert getattr(sync, name)(rows, client=two.target) == rows
    assert two.sent == [("target", "POST", route, {}, rows)]


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
                 ("push_shots", "data/projects/{}/shots", "Shot")]


@pytest.mark.parametrize("name, route, kind", ENTITY_PUSHES, ids=[row[0] for row in ENTITY_PUSHES])
def test_push_entities_sends_every_source_entity_to_the_target_project(two, name, route, kind):
    project_source, project_target = {"id": new_id()}, {"id": new_id()}
    entities = [model("b", type=kind, project_id=project_source["id"], created_by=new_id()),
                model("A", type=kind, project_id=project_source["id"])]
    two.on("source", "GET", route.format(project_source["id"]), json=entities)
    two.on("target", "POST", "import/kitsu/entities", json=[{"id": entity["id"]} for entity in entities])

    assert getattr(sync, name)(project_source, project_target["id"], two.source, two.target) == [
        {"id": entity["id"]} for entity in entities]
    assert two.without_bodies() == [("source", "GET", route.format(project_source["id"])),
                                    ("target", "POST", "import/kitsu/entities")]
    assert two.sent[-1][4] == [{**entity, "project_id": project_target["id"]}  # sorted by name, as read
                               for entity in reversed(entities)]


def test_push_assets_rewrites_asset_types_and_task_types(two, references):
    project_source, project_target = new_id(), new_id()
    task_type, asset_type = references["data/task-types"], references["data/asset-types"]
    chair = model("chair", type="Asset", project_id=project_source, entity_type_id=asset_type[0],
                  ready_for=task_type[0])
    lamp = model("lamp", type="Asset", project_id=project_source, entity_type_id=asset_type[0], ready_for=new_id())
    unknown = model("rock", type="Asset", project_id=project_source, entity_type_id=new_id(), ready_for=None)
    route = "data/projects/%s/assets" % project_source
    two.on("source", "GET", route, json=[chair, lamp, unknown])
    two.on("target", "POST", "import/kitsu/entities", json=[{"id": chair["id"]}, {"id": lamp["id"]}])

    assert sync.push_assets(project_source, {"id": project_target}, two.source, two.target) == [
        {"id": chair["id"]}, {"id": lamp["id"]}]
    assert two.without_bodies() == [
        ("source", "GET", "data/asset-types"), ("target", "GET", "data/asset-types"),
        ("source", "GET", "data/task-types"), ("target", "GET", "data/task-types"),
        ("source", "GET", route), ("target", "POST", "import/kitsu/entities")]
    rewritten = {"project_id": project_target, "entity_type_id": asset_type[1]}
    # an unknown task type is left empty; an asset whose type the target lacks is left out, as upstream
    assert two.sent[-1][4] == [{**chair, **rewritten, "ready_for": task_type[1]},
                               {**lamp, **rewritten, "ready_for": None}]


def test_push_entity_links_sends_the_source_links_as_they_are(two):
    project_source, project_target = new_id(), new_id()
    links = [{"id": new_id(), "entity_in_id": new_id(), "entity_out_id": new_id(), "nb_occurences": 2,
              "project_id": project_source}]
    two.on("source", "GET", "data/projects/%s/entity-links" % project_source, json=links)
    two.on("target", "POST", "import/kitsu/entity-links", json=links)
    assert sync.push_entity_links(project_source, project_target, two.source, two.target) == links
    assert two.sent == [("source", "GET", "data/projects/%s/entity-links" % project_source, {}, None),
                        ("target", "POST", "import/kitsu/entity-links", {}, links)]


@pytest.mark.parametrize("production_type, episodes", [("tvshow", ["push_episodes"]), ("featurefilm", [])])
def test_push_project_entities_pushes_assets_then_parents_first(two, monkeypatch, production_type, episodes):
    calls = []
    for name in ("push_episodes", "push_sequences", "push_assets", "push_shots", "push_entity_links"):
        monkeypatch.setattr(sync, name, lambda *args, name=name: calls.append((name, args)) or [name])
    arguments = ({"id": new_id(), "production_type": production_type}, {"id": new_id()}, two.source, two.target)
    assert sync.push_project_entities(*arguments) == {
        "episodes": episodes, "sequences": ["push_sequences"], "assets": ["push_assets"],
        "shots": ["push_shots"], "entity_links": ["push_entity_links"]}
    assert calls == [(name, arguments) for name in ("push_assets", *episodes, "push_sequences", "push_shots",
                                                    "push_entity_links")]
    assert two.sent == []


def test_push_project_entities_reads_the_production_type_of_a_project_id(two, monkeypatch):
    for name in ("push_episodes", "push_sequences", "push_assets", "push_shots", "push_entity_links"):
        monkeypatch.setattr(sync, name, lambda *args, name=name: [name])
    project = new_id()
    two.on("source", "GET", "data/projects/" + project, json={"id": project, "production_type": "tvshow"})
    assert sync.push_project_entities(project, new_id(), two.source, two.target)["episodes"] == ["push_episodes"]
    assert two.without_bodies() == [("source", "GET", "data/projects/" + project)]


# Pushing tasks ---------------------------------------------------------------------------------------


def test_push_tasks_sends_every_task_at_the_default_status(two, references):
    project_source, project_target, default_status = new_id(), new_id(), new_id()
    person, task_type = references["data/persons"], references["data/task-types"]
    common = {"type": "Task", "project_id": project_source, "task_type_id": task_type[0],
              "task_status_id": new_id(), "assigner_id": person[0]}
    main = model("main", assignees=[person[0], new_id()], **common)
    layout = model("layout", assignees=[], **{**common, "assigner_id": None})
    unknown = model("fx", assignees=[], **{**common, "task_type_id": new_id()})
    route = "data/projects/%s/tasks" % project_source
    two.on("source", "GET", route, json=[main, layout, unknown])
    two.on("target", "POST", "import/kitsu/tasks", json=[main, layout])

    assert sync.push_tasks(project_source, project_target, {"id": default_status}, two.source, two.target) == [
        main, layout]
    assert two.without_bodies() == [
        ("source", "GET", "data/task-types"), ("target", "GET", "data/task-types"),
        ("source", "GET", "data/persons"), ("target", "GET", "data/persons"),
        ("source", "GET", route), ("target", "POST", "import/kitsu/tasks")]
    rewritten = {"project_id": project_target, "task_type_id": task_type[1], "task_status_id": default_status}
    # an unknown assignee is left out; a task whose type the target lacks is left out, as upstream
    assert two.sent[-1][4] == [{**main, **rewritten, "assigner_id": person[1], "assignees": [person[1]]},
                               {**layout, **rewritten, "assigner_id": None, "assignees": []}]


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
    assert sync.push_task_comment(statuses, people, {"id": task}, comment, two.source, two.target) == comment
    assert two.sent == [("target", "POST", "actions/tasks/%s/comment" % task, {}, {
        "task_status_id": statuses[status], "comment": "Looks good", "person_id": people[person],
        "created_at": "2026-01-05T10:11:12", "checklist": comment["checklist"], "links": [],
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
    preview = {"id": new_id(), "revision": 3, "extension": "png", "original_name": "layout v3",
               "annotations": [{"time": 0, "drawing": {"objects": []}}]}
    comment = make_comment(status, person, attachment_files=[attachment], previews=[{"id": preview["id"]}])
    for _ in range(2):
        two.on("source", "GET", "data/attachment-files/" + attachment["id"], json=attachment)
        two.on("source", "GET", "data/preview-files/" + preview["id"], json=preview)
    two.on("source", "GET", "data/attachment-files/%s/file/notes.txt" % attachment["id"], body=b"remember")
    two.on("source", "GET", "pictures/originals/preview-files/%s.png" % preview["id"], body=b"\x89PNG-data")
    two.on("target", "POST", "actions/tasks/%s/comment" % task, json={"id": created, "previews": []})
    two.on("target", "POST", "actions/tasks/%s/comments/%s/add-preview" % (task, created), json={"id": new_preview})
    two.on("target", "POST", "pictures/preview-files/%s" % new_preview, json={"id": new_preview, "revision": 3})
    two.on("target", "PUT", "data/preview-files/" + new_preview, json={"id": new_preview})

    result = sync.push_task_comment(statuses, people, task, comment, two.source, two.target, tmp_path=str(tmp_path))

    assert result == comment  # the source comment, as upstream
    assert two.without_bodies() == [
        ("source", "GET", "data/attachment-files/" + attachment["id"]),
        ("source", "GET", "data/attachment-files/" + attachment["id"]),
        ("source", "GET", "data/attachment-files/%s/file/notes.txt" % attachment["id"]),
        ("source", "GET", "data/preview-files/" + preview["id"]),
        ("source", "GET", "data/preview-files/" + preview["id"]),
        ("source", "GET", "pictures/originals/preview-files/%s.png" % preview["id"]),
        ("target", "POST", "actions/tasks/%s/comment" % task),
        ("target", "POST", "actions/tasks/%s/comments/%s/add-preview" % (task, created)),
        ("target", "POST", "pictures/preview-files/%s" % new_preview),
        ("target", "PUT", "data/preview-files/" + new_preview)]
    form = two.form(6)
    assert form["file"] == ("notes.txt", b"remember")
    assert form["task_status_id"][1] == statuses[status].encode()
    assert form["person_id"][1] == people[person].encode()
    assert json.loads(form["checklist"][1]) == comment["checklist"]
    assert two.sent[7][4] == {}
    assert two.form(8)["file"] == ("layout v3.png", b"\x89PNG-data")
    assert two.sent[9][4] == {"annotations": preview["annotations"]}
    assert os.listdir(tmp_path) == []  # what transited is gone


def test_push_task_comment_skips_a_status_the_target_lacks(two, comment_maps):
    statuses, people, _, person = comment_maps
    assert sync.push_task_comment(statuses, people, new_id(), make_comment(new_id(), person), two.source,
                                  two.target) is None
    assert two.sent == []


@pytest.mark.parametrize("change, argument", [
    ({"comment": "a/b"}, "comment"), ({"tmp_path": "/does/not/exist"}, "tmp_path"),
])
def test_push_task_comment_bad_arguments(two, comment_maps, change, argument):
    statuses, people, status, person = comment_maps
    arguments = {"task_status_map": statuses, "person_map": people, "task": new_id(),
                 "comment": make_comment(status, person), "client_source": two.source,
                 "client_target": two.target, **change}
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        sync.push_task_comment(**arguments)
    assert two.sent == []


def test_push_task_comments_sends_every_comment_oldest_first(two, comment_maps):
    statuses, people, status, person = comment_maps
    task = new_id()
    old = make_comment(status, person, text="first", created_at="2026-01-01T00:00:00")
    middle = make_comment(status, person, text="second", created_at="2026-01-02T00:00:00")
    latest = make_comment(status, person, text="third", created_at="2026-01-03T00:00:00")
    two.on("source", "GET", "data/tasks/%s/comments" % task, json=[latest, middle, old])
    two.on("target", "POST", "actions/tasks/%s/comment" % task, json={"id": "created"})
    assert sync.push_task_comments(statuses, people, {"id": task}, two.source, two.target) == [old, middle, latest]
    assert [request[4]["comment"] for request in two.sent if request[1] == "POST"] == ["first", "second", "third"]
    assert [request[0] for request in two.sent if request[1] == "GET"] == ["source"]


def test_push_tasks_comments_walks_every_task_with_one_pair_of_maps(two, monkeypatch):
    project = new_id()
    status_source, status_target = model("WIP"), model("wip")
    person_source, person_target = model(email="a@b.test"), model(email="a@b.test")
    tasks = [model("t1"), model("t2")]
    two.on("source", "GET", "data/task-status", json=[status_source])
    two.on("target", "GET", "data/task-status", json=[status_target])
    two.on("source", "GET", "data/persons", json=[person_source])
    two.on("target", "GET", "data/persons", json=[person_target])
    two.on("source", "GET", "data/projects/%s/tasks" % project, json=tasks)
    calls = []
    monkeypatch.setattr(sync, "push_task_comments", lambda *args: calls.append(args) or [{"task": args[2]["id"]}])
    assert sync.push_tasks_comments({"id": project}, two.source, two.target) == tasks  # the tasks, as upstream
    maps = ({status_source["id"]: status_target["id"]}, {person_source["id"]: person_target["id"]})
    assert calls == [(*maps, task, two.source, two.target) for task in tasks]


def test_pushes_take_test_doubles_as_clients():
    """Upstream's own tests drive the pushes with mocks as clients and patched domain functions."""
    source_client, target_client = MagicMock(), MagicMock()
    with patch("gazu.shot.all_shots_for_project", return_value=[{"id": "shot-1"}]) as shots, \
            patch("gazu.sync.import_entities", return_value=["imported"]) as imported:
        assert sync.push_shots({"id": "src"}, {"id": "tgt"}, source_client, target_client) == ["imported"]
    assert shots.call_args_list == [call({"id": "src"}, client=source_client)]
    assert imported.call_args_list == [call([{"id": "shot-1", "project_id": "tgt"}], client=target_client)]
    with patch("gazu.task.add_comment", return_value={"id": "new"}) as add_comment:
        comment = {"id": "c1", "task_status_id": "s", "person_id": "p", "text": "Hi", "created_at": "2023-01-01"}
        assert sync.push_task_comment({"s": "t"}, {"p": "q"}, {"id": "task"}, comment, source_client,
                                      target_client) == comment
    assert add_comment.call_args_list == [call({"id": "task"}, {"id": "t"}, attachments=[], comment="Hi",
                                               created_at="2023-01-01", person={"id": "q"}, checklist=[],
                                               client=target_client)]


@pytest.mark.parametrize("name", ["push_episodes", "push_assets", "push_tasks", "push_entity_links"])
def test_pushes_reject_a_bad_project_before_any_request(two, name):
    args = ("a/b", new_id()) + ((new_id(),) if name == "push_tasks" else ()) + (two.source, two.target)
    with pytest.raises(InvalidArgumentException, match="^project"):
        getattr(sync, name)(*args)
    assert two.sent == []


PUSHES = ["push_episodes", "push_sequences", "push_assets", "push_shots", "push_entity_links",
          "push_project_entities", "push_tasks"]


def push_arguments(name, source, target):
    return (source, target) + ((new_id(),) if name == "push_tasks" else ())


@pytest.mark.parametrize("name", PUSHES + ["push_tasks_comments"])
def test_pushes_name_a_bad_source_project_by_its_own_name(two, name):
    args = ("a/b",) if name == "push_tasks_comments" else push_arguments(name, "a/b", new_id())
    with pytest.raises(InvalidArgumentException, match="^project_source: "):
        getattr(sync, name)(*args, two.source, two.target)
    assert two.sent == []


@pytest.mark.parametrize("name", PUSHES)
def test_pushes_check_the_target_project_before_reading_the_source(two, name):
    with pytest.raises(InvalidArgumentException, match="^project_target: "):
        getattr(sync, name)(*push_arguments(name, new_id(), "a/b"), two.source, two.target)
    assert two.sent == []


def test_push_task_comments_checks_the_task_before_reading(two):
    with pytest.raises(InvalidArgumentException, match="^task: "):
        sync.push_task_comments({}, {}, "a/b", two.source, two.target)
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
