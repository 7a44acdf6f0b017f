"""gazu.task against a real Kitsu: a production's tasks from creation to review, read back from the server.

The production each test works in (project, asset type, assets, episode,
sequence, shots, scene, edit, concept, an artist) is built with raw calls
(gazu.client), so these tests depend on no other domain module.
"""

from __future__ import annotations

import datetime
import functools
import http.server
import threading
import uuid

import pytest

import gazu
from gazu.exception import ParameterException, RouteNotFoundException
from tests.conftest import unique
from tests.pictures import png, png_size

pytestmark = pytest.mark.integration

# Every function of gazu.task is exercised below.
NOT_EXERCISED: dict[str, str] = {}


def post(path: str, data) -> dict:
    return gazu.client.post(path, data)


def ids(items: list[dict]) -> set:
    return {item["id"] for item in items}


@pytest.fixture
def production(me, new_project):
    """A tv show with the admin and an artist in its team, and one entity of each kind (no tasks yet)."""
    project = new_project
    artist = post("data/persons", {"first_name": "Ada", "last_name": unique("artist"),
                                   "email": "%s@example.com" % unique("artist"), "role": "user"})
    for person in (me, artist):
        post("data/projects/%s/team" % project["id"], {"person_id": person["id"]})
    asset_type = post("data/entity-types", {"name": unique("Props")})
    episode = post("data/projects/%s/episodes" % project["id"], {"name": unique("E")})
    sequence = post("data/projects/%s/sequences" % project["id"], {"name": unique("sq"), "episode_id": episode["id"]})
    entities = {
        "asset": post("data/projects/%s/asset-types/%s/assets/new" % (project["id"], asset_type["id"]),
                      {"name": unique("chair"), "episode_id": episode["id"]}),
        "shot": post("data/projects/%s/shots" % project["id"], {"name": unique("sh"), "sequence_id": sequence["id"]}),
        "scene": post("data/projects/%s/scenes" % project["id"], {"name": unique("sc"), "sequence_id": sequence["id"]}),
        "edit": post("data/projects/%s/edits" % project["id"], {"name": unique("cut"), "episode_id": episode["id"]}),
        "concept": post("data/projects/%s/concepts" % project["id"], {"name": unique("idea")}),
        "sequence": sequence,
        "episode": episode,
    }
    return {"project": project, "artist": artist, "asset_type": asset_type, "entities": entities}


@pytest.fixture
def task_types(production):
    """One new task type per kind of entity, enabled in the production (``task_types["shot"]`` is for shots)."""
    task_types = {kind: gazu.task.new_task_type(unique(kind), color="#336699", for_entity=kind.capitalize())
                  for kind in ("asset", "shot", "scene", "edit", "concept", "sequence", "episode")}
    for task_type in task_types.values():
        post("data/projects/%s/settings/task-types" % production["project"]["id"], {"task_type_id": task_type["id"]})
    return task_types


@pytest.fixture
def shot_task(production, task_types, statuses):
    shot = production["entities"]["shot"]
    return gazu.task.new_task(shot, task_types["shot"], task_status=statuses["todo"])


# Task types and statuses ------------------------------------------------------------------------------


def test_task_types_lifecycle(new_project):
    name = unique("Lighting")
    task_type = gazu.task.new_task_type(name, color="#FFAA00", for_entity="Shot")
    assert (task_type["name"], task_type["color"], task_type["for_entity"]) == (name, "#FFAA00", "Shot")
    assert gazu.task.new_task_type(name, for_entity="Shot")["id"] == task_type["id"]  # found, not created again
    assert gazu.task.get_task_type(task_type["id"])["name"] == name
    assert gazu.task.get_task_type_by_name(name)["id"] == task_type["id"]
    assert gazu.task.get_task_type_by_name(name, for_entity="Asset") is None
    assert gazu.task.get_task_type_by_short_name("nothing-like-it") is None
    blank = gazu.task.get_task_type_by_short_name("")  # Zou's default task types have an empty short name
    assert blank["short_name"] == "" and blank["id"] in ids(gazu.task.all_task_types())
    assert isinstance(blank["name"], str) and isinstance(blank["for_entity"], str)

    task_type["short_name"] = unique("lgt")[:12]
    task_type["color"] = "#00AAFF"
    gazu.task.update_task_type(task_type)
    assert gazu.task.get_task_type_by_short_name(task_type["short_name"], for_entity="Shot")["color"] == "#00AAFF"
    names = [item["name"] for item in gazu.task.all_task_types()]
    assert name in names and names == sorted(names, key=str.lower)

    post("data/projects/%s/settings/task-types" % new_project["id"], {"task_type_id": task_type["id"]})
    assert ids(gazu.task.all_task_types_for_project(new_project)) == {task_type["id"]}
    with pytest.raises(ParameterException, match="force=true"):
        gazu.task.remove_task_type(task_type)  # still used by the project
    gazu.task.remove_task_type(task_type, force=True)
    with pytest.raises(RouteNotFoundException):
        gazu.client.get("data/task-types/" + task_type["id"])


def test_task_statuses_lifecycle(new_project, statuses):
    name, short_name = unique("Approved"), unique("ok")[:10]
    status = gazu.task.new_task_status(name, short_name, "#22CC44")
    assert (status["name"], status["short_name"], status["color"]) == (name, short_name, "#22CC44")
    assert gazu.task.get_task_status(status["id"])["name"] == name
    assert gazu.task.get_task_status_by_name(name)["id"] == status["id"]
    assert gazu.task.get_task_status_by_short_name(short_name)["id"] == status["id"]
    assert gazu.task.get_default_task_status()["id"] == statuses["todo"]["id"]

    status["color"] = "#11BB33"
    gazu.task.update_task_status(status)
    assert gazu.task.get_task_status(status["id"])["color"] == "#11BB33"
    names = [item["name"] for item in gazu.task.all_task_statuses()]
    assert name in names and names == sorted(names, key=str.lower)

    post("data/projects/%s/settings/task-status" % new_project["id"], {"task_status_id": status["id"]})
    assert status["id"] in ids(gazu.task.all_task_statuses_for_project(new_project))
    gazu.client.delete("data/projects/%s/settings/task-status/%s" % (new_project["id"], status["id"]))
    gazu.task.remove_task_status(status)
    assert gazu.task.get_task_status_by_name(name) is None


# Tasks of entities ---------------------------------------------------------------------------------------


def test_creating_and_listing_tasks_of_every_kind_of_entity(production, task_types, statuses, me):
    project, entities, artist = production["project"], production["entities"], production["artist"]
    asset_task, = gazu.task.create_asset_tasks(entities["asset"], [task_types["asset"]])
    shot_task, = gazu.task.create_shot_tasks(entities["shot"]["id"], [task_types["shot"]])
    scene_task, = gazu.task.create_entity_tasks(entities["scene"], [task_types["scene"]])
    edit_task, = gazu.task.create_edit_tasks(entities["edit"], [task_types["edit"]])
    concept_task, = gazu.task.create_concept_tasks(entities["concept"], [task_types["concept"]])
    sequence_task = gazu.task.new_task(entities["sequence"], task_types["sequence"], assigner=me,
                                       assignees=[artist])
    episode_task = gazu.task.new_task(entities["episode"]["id"], task_types["episode"], name="layout",
                                      task_status=statuses["wip"])
    assert sequence_task["task_status_id"] == statuses["todo"]["id"]  # the default status
    assert (sequence_task["assignees"], sequence_task["assigner_id"]) == ([artist["id"]], me["id"])
    assert (episode_task["name"], episode_task["task_status_id"]) == ("layout", statuses["wip"]["id"])
    assert gazu.task.create_shot_tasks(entities["shot"], [task_types["shot"]]) == []  # exists already

    assert ids(gazu.task.all_tasks_for_asset(entities["asset"])) == {asset_task["id"]}
    assert ids(gazu.task.all_tasks_for_shot(entities["shot"], relations=True)) == {shot_task["id"]}
    assert ids(gazu.task.all_tasks_for_scene(entities["scene"])) == {scene_task["id"]}
    assert ids(gazu.task.all_tasks_for_edit(entities["edit"])) == {edit_task["id"]}
    assert ids(gazu.task.all_tasks_for_concept(entities["concept"])) == {concept_task["id"]}
    assert ids(gazu.task.all_tasks_for_sequence(entities["sequence"])) == {sequence_task["id"]}
    assert ids(gazu.task.all_tasks_for_episode(entities["episode"])) == {episode_task["id"]}
    # The server counts the tasks of the sequence's scenes in with those of its shots.
    assert ids(gazu.task.all_shot_tasks_for_sequence(entities["sequence"])) == {shot_task["id"], scene_task["id"]}
    assert ids(gazu.task.all_shot_tasks_for_episode(entities["episode"], relations=True)) == {
        shot_task["id"], scene_task["id"]}
    assert ids(gazu.task.all_assets_tasks_for_episode(entities["episode"])) == {asset_task["id"]}
    for kind in ("asset", "shot", "scene", "concept"):
        function = getattr(gazu.task, "all_task_types_for_" + kind)
        assert ids(function(entities[kind])) == {task_types[kind]["id"]}, kind
    # A sequence's and an episode's task types are those of their shots' and scenes' tasks.
    in_sequence = {task_types["shot"]["id"], task_types["scene"]["id"]}
    assert ids(gazu.task.all_task_types_for_sequence(entities["sequence"])) == in_sequence
    assert ids(gazu.task.all_task_types_for_episode(entities["episode"]["id"])) == in_sequence

    assert ids(gazu.task.all_tasks_for_entity_and_task_type(entities["shot"], task_types["shot"])) == {
        shot_task["id"]}
    every_task = {task["id"] for task in (asset_task, shot_task, scene_task, edit_task, concept_task,
                                          sequence_task, episode_task)}
    assert ids(gazu.task.all_tasks_for_project(project)) == every_task
    assert ids(gazu.task.all_tasks_for_project(project, task_type=task_types["shot"])) == {shot_task["id"]}
    assert ids(gazu.task.all_tasks_for_task_type(project, task_types["shot"])) == {shot_task["id"]}
    assert ids(gazu.task.all_tasks_for_task_type(project, task_types["shot"], episode=entities["episode"])) == {
        shot_task["id"]}
    assert ids(gazu.task.all_tasks_for_task_status(project, task_types["episode"], statuses["wip"])) == {
        episode_task["id"]}
    assert gazu.task.all_tasks_for_task_status(project, task_types["episode"], statuses["todo"]) == []


def test_one_task_read_changed_and_removed(production, task_types, shot_task, statuses):
    project, shot = production["project"], production["entities"]["shot"]
    full = gazu.task.get_task(shot_task["id"])
    assert (full["entity"]["id"], full["task_type"]["id"], full["project"]["id"]) == (
        shot["id"], task_types["shot"]["id"], project["id"])
    assert gazu.task.get_task_by_entity(shot, task_types["shot"])["id"] == shot_task["id"]
    assert gazu.task.get_task_by_entity(shot, task_types["shot"], name="other") is None
    assert gazu.task.get_task_by_name(shot, task_types["shot"], "main")["id"] == shot_task["id"]
    url = gazu.task.get_task_url(full)  # upstream's shape, whatever the entity and the project's kind
    assert isinstance(url, str) and url == "%s/productions/%s/shots/tasks/%s/" % (
        gazu.client.get_api_url_from_host(), project["id"], shot_task["id"])
    assert gazu.task.get_task_url(gazu.client.get("data/tasks/" + shot_task["id"])) == url

    task = gazu.client.get("data/tasks/" + shot_task["id"])
    task.update({"priority": 3, "difficulty": 4})
    gazu.task.update_task(task)
    assert (gazu.task.get_task(task["id"])["priority"], gazu.task.get_task(task["id"])["difficulty"]) == (3, 4)
    gazu.task.update_task_data(task, {"frames": 48})
    gazu.task.update_task_data(task["id"], {"camera": "A"})
    assert gazu.task.get_task(task["id"])["data"] == {"frames": 48, "camera": "A"}

    gazu.task.remove_task(task)
    assert gazu.task.all_tasks_for_shot(shot) == []


def test_removing_tasks_in_bulk(production, task_types, statuses):
    project, entities = production["project"], production["entities"]
    shot_task, = gazu.task.create_shot_tasks(entities["shot"], [task_types["shot"]])
    asset_task, = gazu.task.create_asset_tasks(entities["asset"], [task_types["asset"]])
    scene_task, = gazu.task.create_entity_tasks(entities["scene"], [task_types["scene"]])
    deleted = gazu.task.remove_tasks_batch(project, [shot_task, asset_task["id"]])
    assert isinstance(deleted, list) and set(deleted) == {shot_task["id"], asset_task["id"]}
    gazu.task.remove_tasks_for_type(project, task_types["scene"])
    assert gazu.task.all_tasks_for_project(project) == []
    with pytest.raises(RouteNotFoundException):
        gazu.client.get("data/tasks/" + scene_task["id"])


def test_get_task_by_path_reads_the_project_file_tree(production, task_types):
    project, entities = production["project"], production["entities"]
    shot_task, = gazu.task.create_shot_tasks(entities["shot"], [task_types["shot"]])
    asset_task, = gazu.task.create_asset_tasks(entities["asset"], [task_types["asset"]])
    tree = {"working": {"mountpoint": "/studio", "root": "prod", "folder_path": {
        "shot": "<Project>/shots/<Sequence>/<Shot>/<TaskType>",
        "asset": "<Project>/assets/<AssetType>/<Asset>/<TaskType>", "style": "lowercase"},
        "file_name": {"shot": "<Shot>", "asset": "<Asset>", "style": "lowercase"}}}
    gazu.client.put("data/projects/" + project["id"], {"file_tree": tree})
    shot_path = "/studio/prod/%s/shots/%s/%s/%s" % (project["name"], entities["sequence"]["name"],
                                                    entities["shot"]["name"], task_types["shot"]["name"])
    asset_path = "/studio/prod/%s/assets/%s/%s/%s" % (project["name"], production["asset_type"]["name"],
                                                      entities["asset"]["name"], task_types["asset"]["name"])
    assert gazu.task.get_task_by_path(project, shot_path.lower())["id"] == shot_task["id"]
    assert gazu.task.get_task_by_path(project["id"], asset_path.lower(), "asset")["id"] == asset_task["id"]
    assert gazu.task.get_task_by_path(project, "/studio/prod/elsewhere/shots/x/y/z") is None


# Assignment and the views of a person's work ---------------------------------------------------------------


def test_assigning_and_following_an_artist(production, task_types, statuses, me):
    project, entities, artist = production["project"], production["entities"], production["artist"]
    shot_task, = gazu.task.create_shot_tasks(entities["shot"], [task_types["shot"]])
    asset_task, = gazu.task.create_asset_tasks(entities["asset"], [task_types["asset"]])
    today = datetime.date.today()
    for task in (shot_task, asset_task):
        gazu.client.put("data/tasks/" + task["id"], {"start_date": today.isoformat(),
                                                     "due_date": (today + datetime.timedelta(days=5)).isoformat()})

    assigned, = gazu.task.assign_task(shot_task, artist)  # the server's answer: the tasks assigned
    assert (assigned["id"], assigned["assignees"]) == (shot_task["id"], [artist["id"]])
    assert ids(gazu.task.assign_tasks_to_person([asset_task["id"]], artist["id"])) == {asset_task["id"]}
    assert ids(gazu.task.all_tasks_for_person(artist)) == {shot_task["id"], asset_task["id"]}
    assert ids(gazu.task.all_tasks_for_person_and_type(artist, task_types["shot"])) == {shot_task["id"]}
    dates = gazu.task.get_persons_tasks_dates()
    assert artist["id"] in {entry.get("person_id") for entry in dates}

    gazu.task.add_comment(asset_task, statuses["done"], "approved")
    assert ids(gazu.task.all_done_tasks_for_person(artist)) == {asset_task["id"]}
    assert ids(gazu.task.all_tasks_for_person(artist)) == {shot_task["id"]}

    open_tasks = gazu.task.all_open_tasks()
    assert shot_task["id"] in ids(open_tasks["data"])
    stats = gazu.task.get_open_tasks_stats()
    assert project["id"] in stats

    assert gazu.task.clear_assignations(shot_task, person=artist) == [shot_task["id"]]
    assert gazu.task.get_task(shot_task["id"])["assignees"] == []
    gazu.task.assign_task(shot_task["id"], me)
    assert gazu.task.clear_assignations([shot_task]) == [shot_task["id"]]
    assert gazu.task.get_task(shot_task["id"])["assignees"] == []
    assert gazu.task.assign_task(str(uuid.uuid4()), artist) == []  # no such task: the server assigns nothing
    assert gazu.task.clear_assignations([]) == []


# Comments ------------------------------------------------------------------------------------------------------


def test_a_review_conversation(production, shot_task, statuses, me, tmp_path):
    artist = production["artist"]
    gazu.task.assign_task(shot_task, artist)
    started = gazu.task.start_task(shot_task, person=artist)
    assert started["task_status_id"] == statuses["wip"]["id"]
    task = gazu.task.get_task(shot_task["id"])
    assert task["task_status_id"] == statuses["wip"]["id"] and task["real_start_date"]

    with pytest.warns(DeprecationWarning):
        reviewed = gazu.task.task_to_review(shot_task, artist, "ready for review")
    assert reviewed["task_status_id"] == statuses["wfa"]["id"]
    last = gazu.task.get_last_comment_for_task(shot_task)
    assert (last["text"], last["person_id"]) == ("ready for review", artist["id"])
    with pytest.warns(DeprecationWarning):
        gazu.task.task_to_review(shot_task["id"], artist, "one more note", change_status=False)
    assert gazu.task.get_task(shot_task["id"])["task_status_id"] == statuses["wfa"]["id"]

    notes = tmp_path / "notes.txt"
    notes.write_text("frame 12: too dark\n")
    retake = gazu.task.add_comment(shot_task, statuses["retake"], "please fix", checklist=[
        {"text": "brighten", "checked": False}], attachments=[str(notes)], links=["https://example.com/ref"],
        created_at=None)
    stored = gazu.task.get_comment(retake["id"])
    assert stored["text"] == "please fix" and stored["checklist"] == [{"text": "brighten", "checked": False}]
    assert stored["links"] == ["https://example.com/ref"]
    assert [attachment["name"] for attachment in stored["attachment_files"]] == ["notes.txt"]
    assert gazu.task.get_task(shot_task["id"])["retake_count"] == 1

    comments = gazu.task.all_comments_for_task(shot_task)
    assert [comment["text"] for comment in comments][:2] == ["please fix", "one more note"]
    assert retake["id"] in ids(gazu.task.all_comments_for_project(production["project"]))

    stored["text"] = "please fix the lighting"
    gazu.task.update_comment(stored)
    assert gazu.task.get_comment(retake["id"])["text"] == "please fix the lighting"

    acknowledged = gazu.task.acknowledge_comment(shot_task, retake)
    assert me["id"] in acknowledged["acknowledgements"]
    assert me["id"] not in gazu.task.acknowledge_comment(shot_task, retake["id"])["acknowledgements"]

    reply = gazu.task.reply_to_comment(shot_task, retake, "on it")
    assert (reply["text"], reply["person_id"]) == ("on it", me["id"])
    assert [item["id"] for item in gazu.task.get_comment(retake["id"])["replies"]] == [reply["id"]]
    gazu.task.delete_comment_reply(shot_task, retake, reply["id"])
    assert gazu.task.get_comment(retake["id"])["replies"] == []

    more = tmp_path / "more.txt"
    more.write_text("and frame 40")
    added = gazu.task.add_attachment_files_to_comment(shot_task, retake, [str(more)])
    assert {attachment["name"] for attachment in added} >= {"more.txt"}
    attachment_id = next(item["id"] for item in added if item["name"] == "more.txt")
    gazu.task.delete_comment_attachment(shot_task, retake, attachment_id)
    assert [item["name"] for item in gazu.task.get_comment(retake["id"])["attachment_files"]] == ["notes.txt"]

    gazu.task.remove_comment(retake)
    assert retake["id"] not in ids(gazu.task.all_comments_for_task(shot_task))
    assert gazu.task.get_task(shot_task["id"])["task_status_id"] == statuses["wfa"]["id"]  # recomputed

    notified = {item["person_id"] for item in gazu.task.all_notifications_for_project(production["project"])}
    assert artist["id"] in notified  # assigned, then told about the comments
    post("actions/user/tasks/%s/subscribe" % shot_task["id"], {})
    assert {(item["task_id"], item["person_id"]) for item in
            gazu.task.all_subscriptions_for_project(production["project"])} == {(shot_task["id"], me["id"])}


def test_moving_a_comment_to_another_task_of_the_entity(production, task_types, shot_task, statuses):
    other = gazu.task.new_task(production["entities"]["shot"], task_types["shot"], name="fx")
    comment = gazu.task.add_comment(shot_task, statuses["wip"], "wrong task")
    moved = gazu.task.move_comment_to_task(shot_task, comment, other)
    assert moved["object_id"] == other["id"]
    assert ids(gazu.task.all_comments_for_task(other)) == {comment["id"]}
    assert gazu.task.all_comments_for_task(shot_task) == []


def test_commenting_many_tasks_at_once(production, task_types, statuses, tmp_path):
    entities, project = production["entities"], production["project"]
    shot_task, = gazu.task.create_shot_tasks(entities["shot"], [task_types["shot"]])
    asset_task, = gazu.task.create_asset_tasks(entities["asset"], [task_types["asset"]])
    picture, notes = tmp_path / "still.png", tmp_path / "notes.txt"
    picture.write_bytes(png())
    notes.write_text("notes")

    # the comment dicts go to the server as they are (ids, the server's keys), as upstream sends them
    comments = gazu.task.batch_comments([
        {"task_id": shot_task["id"], "task_status_id": statuses["wip"]["id"], "text": "first pass",
         "attachment_files": [str(notes)], "preview_files": [str(picture)]},
        {"task_id": asset_task["id"], "task_status_id": statuses["wfa"]["id"], "text": "modeled"}])
    assert [comment["text"] for comment in comments] == ["first pass", "modeled"]
    assert [preview["extension"] for preview in comments[0]["preview_files"]] == ["png"]
    assert [item["name"] for item in gazu.task.get_comment(comments[0]["id"])["attachment_files"]] == ["notes.txt"]
    assert gazu.task.get_task(asset_task["id"])["task_status_id"] == statuses["wfa"]["id"]
    assert gazu.task.batch_comments([{"task_status_id": statuses["wip"]["id"], "text": "again"}],
                                    task=shot_task)[0]["object_id"] == shot_task["id"]

    same = gazu.task.add_tasks_batch_comments([shot_task, asset_task], {"task_status_id": statuses["retake"]["id"],
                                                                        "text": "retake all"})
    assert {comment["object_id"] for comment in same} == {shot_task["id"], asset_task["id"]}
    assert gazu.task.get_task(shot_task["id"])["task_status_id"] == statuses["retake"]["id"]

    many = gazu.task.create_multiple_comments(project, [
        {"object_id": shot_task["id"], "task_status_id": statuses["done"]["id"], "comment": "final"},
        {"object_id": asset_task["id"], "task_status_id": statuses["done"]["id"], "comment": "final too"}])
    assert [comment["text"] for comment in many] == ["final", "final too"]
    assert gazu.task.get_last_comment_for_task(asset_task)["text"] == "final too"


# Previews -----------------------------------------------------------------------------------------------------------


@pytest.fixture
def picture_server(tmp_path):
    """A loopback HTTP server for the previews given by URL; yields the URL of a served PNG."""
    folder = tmp_path / "served"
    folder.mkdir()
    (folder / "remote_still.png").write_bytes(png(40, 30))
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield "http://127.0.0.1:%d/remote_still.png" % server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def stored_picture(preview_file: dict) -> bytes:
    return gazu.client.get_file_data_from_url("pictures/originals/preview-files/%s.png" % preview_file["id"])


def test_publishing_previews_revision_after_revision(production, shot_task, statuses, tmp_path, picture_server):
    shot = production["entities"]["shot"]
    first_picture = tmp_path / "shot_v1.png"
    first_picture.write_bytes(png(24, 16))

    comment, first = gazu.task.publish_preview(shot_task, statuses["wfa"], "v1", preview_file_path=str(first_picture),
                                               set_thumbnail=True)
    assert (first["revision"], first["extension"], first["original_name"]) == (1, "png", "shot_v1")
    assert png_size(stored_picture(first)) == (24, 16)
    assert gazu.client.get("data/entities/" + shot["id"])["preview_file_id"] == first["id"]
    assert gazu.client.get("data/comments/" + comment["id"])["previews"] == [first["id"]]

    extra = gazu.task.add_extra_preview(shot_task, comment, first, preview_file_url=picture_server)
    assert (extra["revision"], extra["position"], extra["original_name"]) == (1, 2, "remote_still")
    assert png_size(stored_picture(extra)) == (40, 30)
    gazu.task.remove_preview_from_comment(shot_task, comment, extra)
    assert ids(gazu.task.all_previews_for_task(shot_task)) == {first["id"]}

    second_comment = gazu.task.add_comment(shot_task, statuses["wfa"], "v2")
    second = gazu.task.add_preview(shot_task, second_comment, preview_file_url=picture_server, normalize_movie=False)
    assert second["revision"] == 2 and png_size(stored_picture(second)) == (40, 30)

    third_comment = gazu.task.add_comment(shot_task, statuses["wfa"], "v5")
    empty = gazu.task.create_preview(shot_task, third_comment, revision=5)
    assert empty["revision"] == 5
    third = gazu.task.upload_preview_file(empty, str(first_picture), no_job=True)
    assert third["id"] == empty["id"] and third["extension"] == "png"
    second_extra = gazu.task.create_extra_preview(shot_task, third_comment, third)
    gazu.task.upload_preview_file(second_extra, str(first_picture))
    assert {preview["revision"] for preview in gazu.task.all_previews_for_task(shot_task)} == {1, 2, 5}

    gazu.task.set_main_preview(second)
    assert gazu.client.get("data/entities/" + shot["id"])["preview_file_id"] == second["id"]
    assert {first["id"], second["id"], third["id"]} <= ids(
        gazu.task.all_preview_files_for_project(production["project"]))


# Time spent -----------------------------------------------------------------------------------------------------------


def test_logging_time(production, shot_task):
    artist = production["artist"]
    gazu.task.assign_task(shot_task, artist)
    day = datetime.date.today() - datetime.timedelta(days=1)
    entry = gazu.task.set_time_spent(shot_task, artist, day.isoformat(), 120)
    assert (entry["duration"], entry["person_id"]) == (120, artist["id"])
    gazu.task.add_time_spent(shot_task, artist, day, 30)
    assert gazu.task.get_task_time_spent_for_date(shot_task, day)[artist["id"]][0]["duration"] == 150
    other_day = day - datetime.timedelta(days=1)
    gazu.task.set_time_spent(shot_task["id"], artist["id"], other_day, 60)
    assert gazu.task.get_time_spent(shot_task)["total"] == 210
    assert gazu.task.get_time_spent(shot_task, date=other_day.isoformat())["total"] == 60
    assert gazu.task.get_task(shot_task["id"])["duration"] == 210

    gazu.task.remove_time_spent(entry)
    assert gazu.task.get_time_spent(shot_task)["total"] == 60
