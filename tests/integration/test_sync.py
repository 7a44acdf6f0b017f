"""gazu.sync against real Kitsu instances.

Every sync call gets two clients of its own, never the default one (which is
pointed at a dead address while they run), so these tests also prove that no
request strays from the client it belongs to.

With one instance (``kitsu_sandbox``) the pushes run from one project to
another on the same server: rows keep their ids, so the target project takes
them over, which shows the server accepts what the pushes send. With a second
instance (the ``second_kitsu_sandbox`` fixture) a whole production goes from
one server to the other; pushing its rows again updates them in place.

The data each test needs is made with raw calls (gazu.client), so these tests
depend on no other domain module.
"""

from __future__ import annotations

import contextlib
import os

import pytest

import gazu
from gazu import sync
from tests.conftest import unique
from tests.pictures import png

pytestmark = pytest.mark.integration

NOT_EXERCISED: dict = {}

DEAD_HOST = "http://127.0.0.1:9/not-kitsu"


def logged_in_client(sandbox) -> gazu.client.KitsuClient:
    client = gazu.client.create_client(sandbox.host)
    gazu.log_in(sandbox.admin_email, sandbox.admin_password, client=client)
    return client


@contextlib.contextmanager
def default_client_unreachable():
    """Point the default client at a dead address: a sync request sent through it would fail."""
    client = gazu.client.default_client
    previous = client.host
    client.host = DEAD_HOST
    try:
        yield
    finally:
        client.host = previous


@pytest.fixture
def source(kitsu_sandbox, admin_client):
    return logged_in_client(kitsu_sandbox)


@pytest.fixture
def target(kitsu_sandbox, admin_client):
    return logged_in_client(kitsu_sandbox)


@pytest.fixture
def second(request, admin_client):
    """A client logged in to a second instance, or a skip saying why there is none."""
    return logged_in_client(request.getfixturevalue("second_kitsu_sandbox"))


def statuses(client) -> dict:
    return {status["short_name"]: status for status in client.get("data/task-status")}


def build_production(client, project: dict, me: dict, names: dict | None = None) -> dict:
    """Through ``client``: an episode, a sequence, a shot, an asset cast in the shot, and a task on each of
    the shot and the asset, assigned to ``me``. ``names`` gives the asset type and task type names to use
    (created when the instance lacks them)."""
    names = names or {"asset_type": unique("Props"), "asset_task": unique("Modeling"),
                      "shot_task": unique("Animation")}
    asset_type = ensure(client, "data/entity-types", {"name": names["asset_type"]})
    asset_task_type = ensure(client, "data/task-types", {"name": names["asset_task"], "for_entity": "Asset"})
    shot_task_type = ensure(client, "data/task-types", {"name": names["shot_task"], "for_entity": "Shot"})
    project_id = project["id"]
    client.post("data/projects/%s/team" % project_id, {"person_id": me["id"]})
    episode = client.post("data/projects/%s/episodes" % project_id, {"name": unique("E")})
    sequence = client.post("data/projects/%s/sequences" % project_id,
                           {"name": unique("SQ"), "episode_id": episode["id"]})
    shot = client.post("data/projects/%s/shots" % project_id, {"name": unique("SH"), "sequence_id": sequence["id"]})
    asset = client.post("data/projects/%s/asset-types/%s/assets/new" % (project_id, asset_type["id"]),
                        {"name": unique("chair")})
    client.put("data/projects/%s/entities/%s/casting" % (project_id, shot["id"]),
               [{"asset_id": asset["id"], "nb_occurences": 2}])
    todo = statuses(client)["todo"]
    tasks = {kind: client.post("data/tasks", {"name": "main", "project_id": project_id, "task_type_id": task_type["id"],
                                              "task_status_id": todo["id"], "entity_id": entity["id"],
                                              "assignees": [me["id"]]})
             for kind, task_type, entity in (("asset", asset_task_type, asset), ("shot", shot_task_type, shot))}
    return {"project": project, "names": names, "asset_type": asset_type, "episode": episode, "sequence": sequence,
            "shot": shot, "asset": asset, "tasks": tasks}


def ensure(client, route: str, body: dict) -> dict:
    """Return the row of ``route`` named like ``body``, creating it when missing (reference data)."""
    existing = [row for row in client.get(route) if all(row.get(key) == value for key, value in body.items())]
    return existing[0] if existing else client.post(route, body)


def comment_with_files(client, task: dict, status: dict, text: str, folder) -> dict:
    """Comment on a task with an attachment and a picture preview; return the comment as the server lists it."""
    notes, picture = os.path.join(folder, "notes.txt"), os.path.join(folder, "frame.png")
    with open(notes, "wb") as handle:
        handle.write(b"remember the chair")
    with open(picture, "wb") as handle:
        handle.write(png())
    created = client.upload("actions/tasks/%s/comment" % task["id"], notes,
                            data={"task_status_id": status["id"], "comment": text})
    preview = client.post("actions/tasks/%s/comments/%s/add-preview" % (task["id"], created["id"]), {})
    client.upload("pictures/preview-files/%s" % preview["id"], picture)
    return next(item for item in client.get("data/tasks/%s/comments" % task["id"]) if item["id"] == created["id"])


def ids(items) -> set:
    return {item["id"] for item in items}


# One instance ----------------------------------------------------------------------------------------


def test_id_maps_between_two_clients_of_one_instance_are_identities(new_project, source, target):
    created = {"asset_types": ensure(source, "data/entity-types", {"name": unique("Props")}),
               "departments": source.post("data/departments", {"name": unique("Dept"), "color": "#123456"})}
    with default_client_unreachable():
        maps = {"projects": sync.get_sync_project_id_map(source, target),
                "departments": sync.get_sync_department_id_map(source, target),
                "asset_types": sync.get_sync_asset_type_id_map(source, target),
                "task_types": sync.get_sync_task_type_id_map(source, target),
                "task_status": sync.get_sync_task_status_id_map(source, target),
                "persons": sync.get_sync_person_id_map(source, target)}
    rows = {name: {row["id"]: row for row in target.get(route)} for name, route in (
        ("projects", "data/projects"), ("departments", "data/departments"), ("asset_types", "data/asset-types"),
        ("task_types", "data/task-types"), ("task_status", "data/task-status"), ("persons", "data/persons"))}
    for name, model_map in maps.items():
        key = "email" if name == "persons" else "name"
        assert model_map and all(rows[name][source_id][key].lower() == rows[name][target_id][key].lower()
                                 for source_id, target_id in model_map.items()), name
        # matched by name alone, as upstream: of namesakes (task types of two entity kinds) the last one wins
        assert name == "task_types" or all(source_id == target_id for source_id, target_id in model_map.items())
    assert maps["projects"][new_project["id"]] == new_project["id"]
    assert created["asset_types"]["id"] in maps["asset_types"]
    assert created["departments"]["id"] in maps["departments"]
    me = gazu.client.get_current_user()
    assert maps["persons"][me["id"]] == me["id"]
    assert set(maps["task_status"]) == ids(source.get("data/task-status"))

    asset_types = source.get("data/asset-types")
    assert sync.get_id_map_by_name(asset_types, target.get("data/asset-types")) == {
        row["name"]: row["id"] for row in asset_types}
    assert sync.get_id_map_by_id(asset_types, target.get("data/asset-types")) == {row["id"]: row["id"]
                                                                                   for row in asset_types}


def test_last_events_of_a_project(new_project, source):
    me = gazu.client.get_current_user()
    production = build_production(source, new_project, me)
    with default_client_unreachable():
        events = sync.get_last_events(project=new_project, client=source)
        assert events, "creating a production records events"
        assert {event["project_id"] for event in events} == {new_project["id"]}
        created_at = [event["created_at"] for event in events]
        assert created_at == sorted(created_at, reverse=True)

        new_shots = sync.get_last_events(50, new_project["id"], name="shot:new", client=source)
        assert [event["data"]["shot_id"] for event in new_shots] == [production["shot"]["id"]]
        assert len(sync.get_last_events(limit=1, project=new_project, client=source)) == 1
        assert sync.get_last_events(project=new_project, after="2999-01-01", client=source) == []
        assert sync.get_last_events(project=new_project, before="2000-01-01", client=source) == []
        assert all(event["name"] in ("preview-file:add-file", "organisation:set-thumbnail", "person:set-thumbnail",
                                     "project:set-thumbnail")
                   for event in sync.get_last_events(only_files=True, client=source))
        with pytest.warns(DeprecationWarning, match="page_size"):
            assert len(sync.get_last_events(page_size=2, project=new_project, client=source)) == 2


def test_imports_update_rows_in_place_keeping_their_ids(new_project, target):
    me = gazu.client.get_current_user()
    production = build_production(target, new_project, me)
    asset = target.get("data/entities/%s" % production["asset"]["id"])
    task = target.get("data/tasks/%s" % production["tasks"]["asset"]["id"])
    shot_link = next(row for row in target.get("data/projects/%s/entity-links" % new_project["id"])
                     if row["entity_in_id"] == production["shot"]["id"])

    with default_client_unreachable():
        imported = sync.import_entities([{**asset, "type": "Asset", "description": "imported"}], client=target)
        assert ids(imported) == {asset["id"]}
        imported = sync.import_tasks([{**task, "priority": 3, "assignees": []}], client=target)
        assert ids(imported) == {task["id"]}
        imported = sync.import_entity_links([{**shot_link, "nb_occurences": 5}], client=target)
        assert [(row["entity_in_id"], row["entity_out_id"]) for row in imported] == [
            (shot_link["entity_in_id"], shot_link["entity_out_id"])]

    assert target.get("data/entities/%s" % asset["id"])["description"] == "imported"
    stored_task = target.get("data/tasks/%s" % task["id"])
    assert (stored_task["priority"], stored_task["assignees"]) == (3, [])
    stored_links = target.get("data/projects/%s/entity-links" % new_project["id"])
    assert (shot_link["id"], 5) in [(row["id"], row["nb_occurences"]) for row in stored_links]


def test_pushes_between_two_projects_of_one_instance(new_project, source, target):
    me = gazu.client.get_current_user()
    production = build_production(source, new_project, me)
    project_a = new_project
    project_b = gazu.client.post("data/projects", {"name": unique("project"), "production_type": "tvshow"})
    links_a = source.get("data/projects/%s/entity-links" % project_a["id"])
    rows_a = {kind: ids(source.get("data/projects/%s/%s" % (project_a["id"], kind)))
              for kind in ("episodes", "sequences", "assets", "shots")}
    assert production["episode"]["id"] in rows_a["episodes"]  # with the episode a tv show starts with
    todo = statuses(target)["todo"]
    wip = statuses(source)["wip"]
    source.post("actions/tasks/%s/comment" % production["tasks"]["shot"]["id"],
                {"task_status_id": wip["id"], "comment": "started"})

    with default_client_unreachable():
        missing, unexpected = sync.get_link_list_diff(links_a, target.get("data/projects/%s/entity-links"
                                                                          % project_b["id"]))
        assert (missing, unexpected) == (links_a, [])
        # Casting first, while the entities still belong to project A: links are sent as they are and
        # matched by their two entities, so the server updates the very same rows.
        pushed_links = sync.push_entity_links(project_a, project_b, source, target)
        assert sorted(row["id"] for row in pushed_links) == sorted(link["id"] for link in links_a)
        pushed = sync.push_project_entities(project_a, project_b["id"], source, target)
        # every entity of the source; the casting is listed through entities that now live in project B
        assert {key: ids(rows) for key, rows in pushed.items()} == {**rows_a, "entity_links": set()}
        assert all(isinstance(row["id"], str) and row["project_id"] == project_b["id"]
                   for key in ("assets", "episodes", "sequences", "shots") for row in pushed[key])
        pushed_tasks = sync.push_tasks(project_a, project_b, todo, source, target)
        assert ids(pushed_tasks) == ids(production["tasks"].values())
        assert {task["task_status_id"] for task in pushed_tasks} == {todo["id"]}  # every task at the default

        # Everything now lives in project B, with the same ids: pushing again updates the same rows.
        again = sync.push_project_entities(project_b, project_b, source, target)
        assert {key: ids(again[key]) for key in ("assets", "sequences", "shots")} == {
            key: rows_a[key] for key in ("assets", "sequences", "shots")}
        assert rows_a["episodes"] <= ids(again["episodes"])  # with B's own first episode
        assert ids(sync.push_tasks(project_b, project_b, todo, source, target)) == ids(production["tasks"].values())

    assets_a, assets_b = (source.get("data/projects/%s/assets" % project["id"]) for project in (project_a, project_b))
    assert sync.get_model_list_diff(assets_b, assets_a) == (assets_b, [])
    assert [(asset["id"], asset["entity_type_id"]) for asset in assets_b] == [
        (production["asset"]["id"], production["asset_type"]["id"])]
    assert ids(target.get("data/projects/%s/shots" % project_b["id"])) == {production["shot"]["id"]}
    assert rows_a["episodes"] <= ids(target.get("data/projects/%s/episodes" % project_b["id"]))  # B has its own too
    tasks_b = target.get("data/projects/%s/tasks" % project_b["id"])
    assert {(task["id"], task["project_id"], task["task_status_id"]) for task in tasks_b} == {
        (task["id"], project_b["id"], todo["id"]) for task in production["tasks"].values()}
    people = sync.get_sync_person_id_map(source, target)
    assert all(sync.convert_id_list(task["assignees"], people) == [me["id"]] for task in tasks_b)
    assert not sync.is_changed(assets_b[0], target.get("data/entities/%s" % assets_b[0]["id"]))


def test_push_task_comment_copies_a_comment_with_its_files_onto_another_task(new_project, source, target, tmp_path):
    me = gazu.client.get_current_user()
    production = build_production(source, new_project, me)
    from_task, to_task = production["tasks"]["asset"], production["tasks"]["shot"]
    wip = statuses(source)["wip"]
    original = comment_with_files(source, from_task, wip, "first pass", tmp_path)
    status_map = sync.get_sync_task_status_id_map(source, target)
    person_map = sync.get_sync_person_id_map(source, target)

    with default_client_unreachable():
        transit = tmp_path / "transit"
        transit.mkdir()
        returned = sync.push_task_comment(status_map, person_map, to_task, original, source, target,
                                          tmp_path=str(transit))
        assert returned == original  # the source comment, as upstream
        assert os.listdir(transit) == []
        assert sync.push_task_comment({}, person_map, to_task, original, source, target) is None  # no status

    stored = target.get("data/tasks/%s/comments" % to_task["id"])
    assert len(stored) == 1
    comment = stored[0]
    assert (comment["text"], comment["task_status_id"], comment["person_id"], comment["created_at"]) == (
        "first pass", wip["id"], original["person_id"], original["created_at"])
    assert [attachment["name"] for attachment in comment["attachment_files"]] == ["notes.txt"]
    attachment = comment["attachment_files"][0]
    downloaded = tmp_path / "notes.txt"
    target.download("data/attachment-files/%s/file/notes.txt" % attachment["id"], str(downloaded))
    assert downloaded.read_bytes() == b"remember the chair"
    assert [(preview["revision"], preview["extension"]) for preview in comment["previews"]] == [
        (original["previews"][0]["revision"], "png")]
    assert target.get("data/tasks/%s" % to_task["id"])["task_status_id"] == wip["id"]
    assert len(source.get("data/tasks/%s/comments" % from_task["id"])) == 1


# Two instances ----------------------------------------------------------------------------------------


def test_push_a_production_to_a_second_instance(new_project, source, second, tmp_path):
    me = gazu.client.get_current_user()
    production = build_production(source, new_project, me)
    wip, done = statuses(source)["wip"], statuses(source)["done"]
    comment_with_files(source, production["tasks"]["shot"], wip, "blocking done", tmp_path)
    source.post("actions/tasks/%s/comment" % production["tasks"]["shot"]["id"],
                {"task_status_id": done["id"], "comment": "approved"})

    # Reference data the target must already have, under the same names.
    names = production["names"]
    ensure(second, "data/entity-types", {"name": names["asset_type"]})
    ensure(second, "data/task-types", {"name": names["asset_task"], "for_entity": "Asset"})
    ensure(second, "data/task-types", {"name": names["shot_task"], "for_entity": "Shot"})
    project_target = second.post("data/projects", {"name": new_project["name"], "production_type": "tvshow"})
    second_todo = statuses(second)["todo"]

    with default_client_unreachable():
        assert sync.get_sync_project_id_map(source, second)[new_project["id"]] == project_target["id"]
        pushed = sync.push_project_entities(new_project, project_target, source, second)
        assert ids(pushed["shots"]) == {production["shot"]["id"]}
        assert ids(sync.push_tasks(new_project, project_target, second_todo, source, second)) == ids(
            production["tasks"].values())
        tasks = sync.push_tasks_comments(new_project, source, second)
        assert ids(tasks) == ids(production["tasks"].values())  # the source tasks, as upstream

        # Entities and tasks are updated in place when pushed again (comments would be posted again).
        again = sync.push_project_entities(new_project, project_target, source, second)
        assert {key: ids(rows) for key, rows in again.items()} == {key: ids(rows) for key, rows in pushed.items()}
        assert sync.get_last_events(project=project_target, client=second)

    shot_task = second.get("data/tasks/%s" % production["tasks"]["shot"]["id"])
    assert shot_task["task_status_id"] == statuses(second)["done"]["id"]
    stored = second.get("data/tasks/%s/comments" % shot_task["id"])
    # Both comments may carry the same (second-precise) date: their listed order is then the server's choice.
    assert sorted(comment["text"] for comment in stored) == ["approved", "blocking done"]
    blocking = next(comment for comment in stored if comment["text"] == "blocking done")
    assert [attachment["name"] for attachment in blocking["attachment_files"]] == ["notes.txt"]
    assert len(blocking["previews"]) == 1
    links = second.get("data/projects/%s/entity-links" % project_target["id"])
    assert (production["shot"]["id"], production["asset"]["id"], 2) in {
        (link["entity_in_id"], link["entity_out_id"], link["nb_occurences"]) for link in links}
