"""gazu.user against a real Kitsu: the logged-in user's scope, read back from what the server stored.

The production each test works in is built with raw calls (gazu.client), so
these tests depend on no other domain module.
"""

from __future__ import annotations

import datetime

import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.conftest import unique

pytestmark = pytest.mark.integration

# Every function of gazu.user is exercised below.
NOT_EXERCISED: dict[str, str] = {}


def post(path: str, data: dict) -> dict:
    return gazu.client.post(path, data)


def ids(items: list[dict]) -> set:
    return {item["id"] for item in items}


@pytest.fixture
def production(me, new_project, statuses):
    """A project with the admin in its team, an asset, episode, sequence, shot and scene, each with a task of
    its own task type assigned to the admin."""
    project = new_project
    post("data/projects/%s/team" % project["id"], {"person_id": me["id"]})
    asset_type = post("data/entity-types", {"name": unique("Props")})
    episode = post("data/projects/%s/episodes" % project["id"], {"name": unique("E")})
    sequence = post("data/projects/%s/sequences" % project["id"], {"name": unique("SQ"), "episode_id": episode["id"]})
    entities = {
        "asset": post("data/projects/%s/asset-types/%s/assets/new" % (project["id"], asset_type["id"]),
                      {"name": unique("chair"), "description": "a chair"}),
        "shot": post("data/projects/%s/shots" % project["id"], {"name": unique("SH"), "sequence_id": sequence["id"]}),
        "scene": post("data/projects/%s/scenes" % project["id"], {"name": unique("SC"), "sequence_id": sequence["id"]}),
        "sequence": sequence,
    }
    task_types, tasks = {}, {}
    for kind, entity in entities.items():
        task_types[kind] = post("data/task-types", {"name": unique(kind), "for_entity": kind.capitalize()})
        tasks[kind] = post("data/tasks", {
            "name": "main", "project_id": project["id"], "task_type_id": task_types[kind]["id"],
            "task_status_id": statuses["todo"]["id"], "entity_id": entity["id"], "assignees": [me["id"]]})
    return {"project": project, "asset_type": asset_type, "episode": episode, "entities": entities,
            "task_types": task_types, "tasks": tasks}


def comment(task: dict, status: dict, text: str, person_id: str | None = None) -> dict:
    body = {"task_status_id": status["id"], "comment": text}
    if person_id:
        body["person_id"] = person_id
    return post("actions/tasks/%s/comment" % task["id"], body)


def test_my_projects_entities_and_tasks(production):
    project, entities, tasks, task_types = (production[key] for key in ("project", "entities", "tasks", "task_types"))
    sequence = entities["sequence"]

    assert project["id"] in ids(gazu.user.all_open_projects())
    assert ids(gazu.user.all_asset_types_for_project(project)) == {production["asset_type"]["id"]}
    assert ids(gazu.user.all_assets_for_asset_type_and_project(project["id"], production["asset_type"])) == {
        entities["asset"]["id"]}
    assert ids(gazu.user.all_episodes_for_project(project)) == {production["episode"]["id"]}
    assert ids(gazu.user.all_sequences_for_project(project)) == {sequence["id"]}
    assert ids(gazu.user.all_shots_for_sequence(sequence)) == {entities["shot"]["id"]}
    assert ids(gazu.user.all_scenes_for_sequence(sequence["id"])) == {entities["scene"]["id"]}

    assert ids(gazu.user.all_tasks_for_asset(entities["asset"])) == {tasks["asset"]["id"]}
    assert ids(gazu.user.all_tasks_for_shot(entities["shot"])) == {tasks["shot"]["id"]}
    assert ids(gazu.user.all_tasks_for_scene(entities["scene"])) == {tasks["scene"]["id"]}
    assert ids(gazu.user.all_tasks_for_sequence(sequence)) == {tasks["sequence"]["id"]}
    assert ids(gazu.user.all_task_types_for_asset(entities["asset"])) == {task_types["asset"]["id"]}
    assert ids(gazu.user.all_task_types_for_shot(entities["shot"]["id"])) == {task_types["shot"]["id"]}
    assert ids(gazu.user.all_task_types_for_scene(entities["scene"])) == {task_types["scene"]["id"]}
    assert ids(gazu.user.all_task_types_for_sequence(sequence)) == {task_types["sequence"]["id"]}

    assert set(ids(tasks.values())) <= ids(gazu.user.all_tasks_to_do())


def test_done_tasks_and_tasks_waiting_for_feedback(production, statuses):
    tasks = production["tasks"]
    feedback = next(status for status in statuses.values() if status.get("is_feedback_request"))
    done = next(status for status in statuses.values() if status.get("is_done"))
    comment(tasks["asset"], done, "approved")
    comment(tasks["shot"], feedback, "please check")

    assert tasks["asset"]["id"] in ids(gazu.user.all_done_tasks())
    assert tasks["asset"]["id"] not in ids(gazu.user.all_tasks_to_do())
    assert tasks["shot"]["id"] in ids(gazu.user.all_tasks_requiring_feedback())


def test_task_subscription_round_trip(production):
    task = production["tasks"]["shot"]
    gazu.user.unsubscribe_from_task(task)  # assignees may be subscribed already
    assert gazu.user.check_task_subscription(task) is False
    subscription = gazu.user.subscribe_to_task(task["id"])
    assert subscription["task_id"] == task["id"]
    assert gazu.user.check_task_subscription(task) is True
    gazu.user.unsubscribe_from_task(task)
    assert gazu.user.check_task_subscription(task["id"]) is False


def test_filters_round_trip(production):
    project = production["project"]
    name = unique("my shots")
    created = gazu.user.new_filter(name, "wip", "shot", project, "Shot")
    assert (created["name"], created["search_query"], created["list_type"], created["project_id"]) == (
        name, "wip", "shot", project["id"])
    assert created["id"] in _filter_ids(gazu.user.all_filters())

    gazu.user.update_filter({**created, "name": name + " renamed", "search_query": "retake"})
    stored = _find_filter(gazu.user.all_filters(), created["id"])
    assert (stored["name"], stored["search_query"]) == (name + " renamed", "retake")

    gazu.user.remove_filter(created)
    assert created["id"] not in _filter_ids(gazu.user.all_filters())


def test_filter_groups_round_trip(production):
    group = gazu.user.new_filter_group(unique("group"), production["project"]["id"])
    assert gazu.user.get_filter_group(group)["project_id"] == production["project"]["id"]
    assert group["id"] in _filter_ids(gazu.user.all_filter_groups())

    gazu.user.update_filter_group({**group, "name": "renamed", "color": "#ff0000"})
    stored = gazu.user.get_filter_group(group["id"])
    assert (stored["name"], stored["color"]) == ("renamed", "#ff0000")

    gazu.user.remove_filter_group(group)
    assert group["id"] not in _filter_ids(gazu.user.all_filter_groups())


def _flatten(grouped) -> list[dict]:
    """Filters come grouped by list type and project: {list_type: {project_id: [filter, …]}}."""
    if isinstance(grouped, list):
        return grouped
    return [item for value in grouped.values() for item in _flatten(value)]


def _filter_ids(grouped) -> set:
    return ids(_flatten(grouped))


def _find_filter(grouped, filter_id: str) -> dict:
    return next(item for item in _flatten(grouped) if item["id"] == filter_id)


def test_notifications_of_a_comment_by_someone_else(production, statuses):
    task = production["tasks"]["asset"]
    colleague = post("data/persons", {"first_name": "Colleague", "last_name": unique("x"),
                                      "email": "%s@example.com" % unique("colleague")})
    comment(task, statuses["wip"], "started on it", person_id=colleague["id"])

    notifications = [item for item in gazu.user.all_notifications() if item.get("task_id") == task["id"]]
    assert notifications and notifications[0]["author_id"] == colleague["id"]
    notification = gazu.user.get_notification(notifications[0])
    assert notification["read"] is False

    gazu.user.update_notification({**notification, "read": True})
    assert gazu.user.get_notification(notification["id"])["read"] is True

    gazu.user.update_notification({**notification, "read": False})
    assert gazu.user.mark_all_notifications_as_read() == {"success": True}
    assert all(item["read"] for item in gazu.user.all_notifications())


def test_time_spent_and_days_off(production, me):
    task = production["tasks"]["shot"]
    day = "2026-01-05"
    post("actions/tasks/%s/time-spents/%s/persons/%s" % (task["id"], day, me["id"]), {"duration": 90})

    assert [(item["task_id"], item["duration"]) for item in gazu.user.get_time_spents_by_date(day)
            if item["task_id"] == task["id"]] == [(task["id"], 90)]
    assert gazu.user.get_task_time_spent(task, day)["duration"] == 90
    in_range = gazu.user.get_timespents_range("2026-01-01", "2026-01-31")
    assert (task["id"], 90) in {(item["task_id"], item["duration"]) for item in in_range}

    free_day = "2031-%02d-%02d" % (datetime.date.today().month, 10)
    post("data/day-offs", {"person_id": me["id"], "date": free_day, "end_date": free_day})
    assert gazu.user.get_day_off(free_day)["person_id"] == me["id"]
    assert gazu.user.get_day_off("2031-02-27") in ({}, None)


def test_entity_chats(production):
    asset = production["entities"]["asset"]
    chat = gazu.user.join_chat(asset)
    assert chat["object_id"] == asset["id"]
    assert asset["id"] in {item["object_id"] for item in gazu.user.all_chats()}
    gazu.user.leave_chat(asset["id"])
    assert asset["id"] not in {item["object_id"] for item in gazu.user.all_chats()}


def test_session_context_and_profile(admin_client, me):
    assert gazu.user.is_authenticated() is True
    stranger = gazu.client.create_client(admin_client.host, tokens={})
    assert gazu.user.is_authenticated(client=stranger) is False
    forger = gazu.client.create_client(admin_client.host, tokens={"access_token": "not-a-token"})
    with pytest.raises(gazu.exception.ValidationException, match="422"):  # as upstream: only a 401 means False
        gazu.user.is_authenticated(client=forger)

    context = gazu.user.get_context()
    assert {"projects", "task_types", "task_status", "persons"} <= set(context)

    logged = gazu.user.log_desktop_session_log_in()
    assert logged["person_id"] == me["id"]
    assert logged["id"] in ids(gazu.user.all_desktop_login_logs())

    gazu.user.clear_avatar()
    assert gazu.client.get("data/persons/%s" % me["id"])["has_avatar"] is False


def test_bad_dates_never_reach_the_server(admin_client):
    with pytest.raises(InvalidArgumentException, match="^date:"):
        gazu.user.get_day_off("05/01/2026")
