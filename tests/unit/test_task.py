"""gazu.task: tasks, task types, task statuses, assignment, time spent and the older functions."""

import datetime
import subprocess
import sys
import warnings

import pytest

import gazu
from gazu.exception import InvalidArgumentException, TaskMustBeADictException, TaskStatusNotFoundException
from tests.unit.conftest import new_id
from tests.unit.surface import Call

(PROJECT, TASK, TASK_TYPE, STATUS, ENTITY, PERSON, EPISODE, SEQUENCE, SHOT, ASSET, SCENE, EDIT, CONCEPT,
 DEPARTMENT, TIME_SPENT) = (new_id() for _ in range(15))
UNSORTED = [{"name": "b"}, {"name": "A"}]

TASK_DICT = {"id": TASK, "name": "main", "data": {"a": 1}}
PATH = "/simple/productions/p/shots/sq01/sh01/animation"
SURFACE = [
    Call("task.all_task_types", (), path="data/task-types", sorts=True, cached=True),
    Call("task.all_task_types_for_project", (PROJECT,), path="data/projects/%s/task-types" % PROJECT, sorts=True,
         cached=True),
    Call("task.all_task_types_for_asset", ({"id": ASSET},), path="data/assets/%s/task-types" % ASSET, sorts=True,
         cached=True),
    Call("task.all_task_types_for_shot", (SHOT,), path="data/shots/%s/task-types" % SHOT, sorts=True, cached=True),
    Call("task.all_task_types_for_scene", (SCENE,), path="data/scenes/%s/task-types" % SCENE, sorts=True, cached=True),
    Call("task.all_task_types_for_sequence", (SEQUENCE,), path="data/sequences/%s/task-types" % SEQUENCE, sorts=True,
         cached=True),
    Call("task.all_task_types_for_episode", (EPISODE,), path="data/episodes/%s/task-types" % EPISODE, sorts=True,
         cached=True),
    Call("task.all_task_types_for_concept", (CONCEPT,), path="data/concepts/%s/task-types" % CONCEPT, sorts=True,
         cached=True),
    Call("task.all_task_statuses", (), path="data/task-status", sorts=True, cached=True),
    Call("task.all_task_statuses_for_project", (PROJECT,), path="data/projects/%s/settings/task-status" % PROJECT,
         sorts=True, cached=True),
    Call("task.all_tasks_for_shot", (SHOT,), path="data/shots/%s/tasks" % SHOT, sorts=True, cached=True),
    Call("task.all_tasks_for_shot", (SHOT, True), path="data/shots/%s/tasks" % SHOT, query={"relations": "True"},
         sorts=True, cached=True),
    Call("task.all_tasks_for_sequence", (SEQUENCE,), path="data/sequences/%s/tasks" % SEQUENCE, sorts=True,
         cached=True),
    Call("task.all_tasks_for_scene", (SCENE, True), path="data/scenes/%s/tasks" % SCENE, query={"relations": "True"},
         sorts=True, cached=True),
    Call("task.all_tasks_for_asset", ({"id": ASSET},), path="data/assets/%s/tasks" % ASSET, sorts=True, cached=True),
    Call("task.all_tasks_for_episode", (EPISODE,), path="data/episodes/%s/tasks" % EPISODE, sorts=True, cached=True),
    Call("task.all_tasks_for_edit", (EDIT,), path="data/edits/%s/tasks" % EDIT, sorts=True, cached=True),
    Call("task.all_tasks_for_concept", (CONCEPT, True), path="data/concepts/%s/tasks" % CONCEPT,
         query={"relations": "True"}, sorts=True, cached=True),
    Call("task.all_shot_tasks_for_sequence", (SEQUENCE,), path="data/sequences/%s/shot-tasks" % SEQUENCE, sorts=True,
         cached=True),
    Call("task.all_shot_tasks_for_episode", (EPISODE, True), path="data/episodes/%s/shot-tasks" % EPISODE,
         query={"relations": "True"}, sorts=True, cached=True),
    Call("task.all_assets_tasks_for_episode", (EPISODE,), path="data/episodes/%s/asset-tasks" % EPISODE, sorts=True,
         cached=True),
    Call("task.all_tasks_for_entity_and_task_type", (ENTITY, TASK_TYPE),
         path="data/entities/%s/task-types/%s/tasks" % (ENTITY, TASK_TYPE), cached=True),
    Call("task.all_tasks_for_project", (PROJECT,), path="data/projects/%s/tasks" % PROJECT, cached=True),
    Call("task.all_tasks_for_project", (PROJECT, {"id": TASK_TYPE}, EPISODE), path="data/projects/%s/tasks" % PROJECT,
         query={"task_type_id": TASK_TYPE, "episode_id": EPISODE}, cached=True),
    Call("task.all_tasks_for_task_type", (PROJECT, TASK_TYPE), path="data/tasks",
         query={"project_id": PROJECT, "task_type_id": TASK_TYPE}, cached=True),
    Call("task.all_tasks_for_task_type", (PROJECT, TASK_TYPE, EPISODE), path="data/tasks",
         query={"project_id": PROJECT, "task_type_id": TASK_TYPE, "episode_id": EPISODE}, cached=True),
    Call("task.all_tasks_for_task_status", (PROJECT, TASK_TYPE, {"id": STATUS}), path="data/tasks",
         query={"project_id": PROJECT, "task_type_id": TASK_TYPE, "task_status_id": STATUS}, cached=True),
    Call("task.all_tasks_for_person", (PERSON,), path="data/persons/%s/tasks" % PERSON, cached=True),
    Call("task.all_done_tasks_for_person", (PERSON,), path="data/persons/%s/done-tasks" % PERSON, cached=True),
    Call("task.all_tasks_for_person_and_type", (PERSON, TASK_TYPE),
         path="data/persons/%s/related-tasks/%s" % (PERSON, TASK_TYPE), cached=True),
    Call("task.all_notifications_for_project", (PROJECT,), path="data/projects/%s/notifications" % PROJECT,
         cached=True),
    Call("task.all_subscriptions_for_project", (PROJECT,), path="data/projects/%s/subscriptions" % PROJECT,
         cached=True),
    Call("task.get_task", ({"id": TASK},), path="data/tasks/%s/full" % TASK, cached=True),
    Call("task.get_task_type", (TASK_TYPE,), path="data/task-types/" + TASK_TYPE, cached=True),
    Call("task.get_task_status", (STATUS,), path="data/task-status/" + STATUS, cached=True),
    Call("task.all_open_tasks", (), path="data/tasks/open-tasks", cached=True),
    Call("task.get_open_tasks_stats", (), path="data/tasks/open-tasks/stats", cached=True),
    Call("task.get_persons_tasks_dates", (), path="data/persons/task-dates", cached=True),
    Call("task.get_time_spent", (TASK,), path="actions/tasks/%s/time-spents" % TASK, cached=True),
    Call("task.get_time_spent", (TASK, "2024-03-01"), path="actions/tasks/%s/time-spents/2024-03-01" % TASK,
         cached=True),
    Call("task.get_task_time_spent_for_date", (TASK, datetime.date(2024, 3, 1)),
         path="actions/tasks/%s/time-spents/2024-03-01" % TASK, cached=True),
    Call("task.get_task_type_by_name", ("Modeling",), path="data/task-types", first=True, query={"name": "Modeling"},
         cached=True),
    Call("task.get_task_type_by_name", ("Modeling", "Shot", {"id": DEPARTMENT}), path="data/task-types", first=True,
         query={"name": "Modeling", "for_entity": "Shot", "department_id": DEPARTMENT}, cached=True),
    Call("task.get_task_type_by_short_name", ("mod",), path="data/task-types", first=True, query={"short_name": "mod"},
         cached=True),
    Call("task.get_task_type_by_short_name", ("mod", "Asset", DEPARTMENT), path="data/task-types", first=True,
         query={"short_name": "mod", "for_entity": "Asset", "department_id": DEPARTMENT}, cached=True),
    Call("task.get_task_status_by_name", ("Todo",), path="data/task-status", first=True, query={"name": "Todo"},
         cached=True),
    Call("task.get_task_status_by_short_name", ("wip",), path="data/task-status", first=True,
         query={"short_name": "wip"}, cached=True),
    Call("task.get_default_task_status", (), path="data/task-status", first=True, query={"is_default": "True"},
         cached=True),
    Call("task.get_task_by_entity", (ENTITY, TASK_TYPE), path="data/tasks", first=True,
         query={"entity_id": ENTITY, "task_type_id": TASK_TYPE, "name": "main"}, cached=True),
    Call("task.get_task_by_entity", ({"id": ENTITY}, {"id": TASK_TYPE}, "layout"), path="data/tasks", first=True,
         query={"entity_id": ENTITY, "task_type_id": TASK_TYPE, "name": "layout"}, cached=True),
    Call("task.get_task_by_name", (ENTITY, TASK_TYPE, "fx"), path="data/tasks", first=True,
         query={"entity_id": ENTITY, "task_type_id": TASK_TYPE, "name": "fx"}, cached=True),  # its look-up's cache
    Call("task.update_task", (TASK_DICT,), method="PUT", path="data/tasks/" + TASK, body=TASK_DICT),
    Call("task.update_task_type", ({"id": TASK_TYPE, "color": "#FFFFFF"},), method="PUT",
         path="data/task-types/" + TASK_TYPE, body={"id": TASK_TYPE, "color": "#FFFFFF"}),
    Call("task.update_task_status", ({"id": STATUS, "name": "Ok"},), method="PUT", path="data/task-status/" + STATUS,
         body={"id": STATUS, "name": "Ok"}),
    Call("task.remove_task", ({"id": TASK},), method="DELETE", path="data/tasks/" + TASK, query={"force": "True"}),
    Call("task.remove_task_status", (STATUS,), method="DELETE", path="data/task-status/" + STATUS,
         query={"force": "True"}),
    Call("task.remove_task_type", (TASK_TYPE,), method="DELETE", path="data/task-types/" + TASK_TYPE),
    Call("task.remove_task_type", (TASK_TYPE, True), method="DELETE", path="data/task-types/" + TASK_TYPE,
         query={"force": "True"}),
    Call("task.remove_tasks_for_type", (PROJECT, TASK_TYPE), method="DELETE",
         path="actions/projects/%s/task-types/%s/delete-tasks" % (PROJECT, TASK_TYPE)),
    Call("task.remove_time_spent", ({"id": TIME_SPENT},), method="DELETE", path="data/time-spents/" + TIME_SPENT),
    Call("task.new_task_status", ("Check", "chk", "#00FF00"), method="POST", path="data/task-status",
         body={"name": "Check", "short_name": "chk", "color": "#00FF00"}),
    Call("task.create_entity_tasks", (ENTITY, [TASK_TYPE]), method="POST", path="data/entities/%s/tasks" % ENTITY,
         body={"task_type_ids": [TASK_TYPE]}),
    Call("task.create_asset_tasks", ({"id": ASSET}, [{"id": TASK_TYPE}]), method="POST",
         path="data/entities/%s/tasks" % ASSET, body={"task_type_ids": [TASK_TYPE]}),
    Call("task.create_shot_tasks", (SHOT, [TASK_TYPE, TASK_TYPE]), method="POST", path="data/entities/%s/tasks" % SHOT,
         body={"task_type_ids": [TASK_TYPE, TASK_TYPE]}),
    Call("task.create_edit_tasks", (EDIT, []), method="POST", path="data/entities/%s/tasks" % EDIT,
         body={"task_type_ids": []}),
    Call("task.create_concept_tasks", (CONCEPT, [TASK_TYPE]), method="POST", path="data/entities/%s/tasks" % CONCEPT,
         body={"task_type_ids": [TASK_TYPE]}),
    Call("task.assign_tasks_to_person", ([TASK, {"id": TASK}], PERSON), method="PUT",
         path="actions/persons/%s/assign" % PERSON, body={"task_ids": [TASK, TASK]}),
    Call("task.clear_assignations", (TASK,), method="PUT", path="actions/tasks/clear-assignation",
         body={"task_ids": [TASK]}),
    Call("task.clear_assignations", ([{"id": TASK}], PERSON), method="PUT", path="actions/tasks/clear-assignation",
         body={"task_ids": [TASK], "person_id": PERSON}),
    Call("task.set_time_spent", (TASK, PERSON, "2024-03-01", 60), method="POST",
         path="actions/tasks/%s/time-spents/2024-03-01/persons/%s" % (TASK, PERSON), body={"duration": 60}),
    Call("task.add_time_spent", ({"id": TASK}, {"id": PERSON}, datetime.date(2024, 3, 1), 30.5), method="POST",
         path="actions/tasks/%s/time-spents/2024-03-01/persons/%s/add" % (TASK, PERSON), body={"duration": 30.5}),
    Call("task.get_task", ("a/b",), refuses="task_id"),
    Call("task.get_task_type", (None,), refuses="task_type_id"),
    Call("task.get_task_status", ({},), refuses="task_status_id"),
    Call("task.get_task_type_by_name", ("X", None, "a/b"), refuses="department"),
    Call("task.get_task_type_by_short_name", (None,), refuses="task_type_short_name"),
    Call("task.all_tasks_for_shot", ("a/b",), refuses="shot"),
    Call("task.all_tasks_for_project", (PROJECT, "a/b"), refuses="task_type"),
    Call("task.all_tasks_for_task_type", (PROJECT, None), refuses="task_type"),
    Call("task.all_tasks_for_task_status", (PROJECT, TASK_TYPE, "a/b"), refuses="task_status"),
    Call("task.all_tasks_for_entity_and_task_type", (ENTITY, {}), refuses="task_type"),
    Call("task.get_task_by_name", (None, TASK_TYPE), refuses="entity"),
    Call("task.get_task_by_path", (None, PATH), refuses="project"),
    Call("task.get_task_by_path", (PROJECT, ""), refuses="file_path"),
    Call("task.get_task_url", ({"name": "x"},), refuses="task"),
    Call("task.get_task_url", ({"id": TASK},), refuses="project_id"),
    Call("task.get_task_by_entity", (ENTITY, TASK_TYPE, None), refuses="name"),
    Call("task.get_task_type_by_name", (None,), refuses="task_type_name"),
    Call("task.add_time_spent", (TASK, PERSON, "2024/3/1", 60), refuses="date"),
    Call("task.new_task", (ENTITY, TASK_TYPE, "main", None, None, ["a/b"]), refuses="assignees"),
    Call("task.new_task", ("a/b", TASK_TYPE), refuses="entity"),
    Call("task.new_task", (ENTITY, TASK_TYPE, "main", {"name": "wip"}), refuses="task_status"),
    Call("task.new_task_status", ("A", "a", "00FF00"), refuses="color"),
    Call("task.update_task", (TASK,), refuses="task"),
    Call("task.update_task_type", ({"name": "x"},), refuses="task_type"),
    Call("task.update_task_status", (None,), refuses="task_status"),
    Call("task.update_task_data", (TASK, "data"), refuses="data"),
    Call("task.update_task_data", ("a/b", {}), refuses="task"),
    Call("task.remove_task", ("",), refuses="task"),
    Call("task.remove_task_type", (42,), refuses="task_type"),
    Call("task.remove_task_status", ("a/b",), refuses="task_status"),
    Call("task.remove_tasks_batch", (PROJECT, ["a/b"]), refuses="tasks"),
    Call("task.remove_tasks_for_type", (PROJECT, None), refuses="task_type"),
    Call("task.create_entity_tasks", (ENTITY, ["a/b"]), refuses="task_types"),
    Call("task.create_shot_tasks", ("a/b", []), refuses="shot"),
    Call("task.create_asset_tasks", (None, []), refuses="asset"),
    Call("task.create_edit_tasks", ({}, []), refuses="edit"),
    Call("task.create_concept_tasks", ("a/b", []), refuses="concept"),
    Call("task.start_task", ("a/b",), refuses="task"),
    Call("task.start_task", (TASK, None, "a/b"), refuses="person"),
    Call("task.publish_preview", (TASK, "a/b"), refuses="task_status"),
    Call("task.assign_task", (TASK, None), refuses="person"),
    Call("task.assign_task", ("a/b", PERSON), refuses="task"),
    Call("task.clear_assignations", (TASK, "a/b"), refuses="person"),
    Call("task.get_time_spent", (TASK, "01/03/2024"), refuses="date"),
    Call("task.get_task_time_spent_for_date", (TASK, None), refuses="date"),
    Call("task.set_time_spent", (TASK, "a/b", "2024-03-01", 60), refuses="person"),
    Call("task.remove_time_spent", (None,), refuses="time_spent"),
    Call("task.all_tasks_for_person_and_type", (PERSON, "a/b"), refuses="task_type"),
    Call("task.all_notifications_for_project", (None,), refuses="project"),
]
HAND_TESTED = {"new_task_type", "task_to_review"}


# Upstream caches exactly these (and no other public function of gazu.task).
CACHED = {
    "all_assets_tasks_for_episode", "all_comments_for_project", "all_comments_for_task", "all_done_tasks_for_person",
    "all_notifications_for_project", "all_open_tasks", "all_preview_files_for_project", "all_previews_for_task",
    "all_shot_tasks_for_episode", "all_shot_tasks_for_sequence", "all_subscriptions_for_project",
    "all_task_statuses", "all_task_statuses_for_project", "all_task_types", "all_task_types_for_asset",
    "all_task_types_for_concept", "all_task_types_for_episode", "all_task_types_for_project",
    "all_task_types_for_scene", "all_task_types_for_sequence", "all_task_types_for_shot", "all_tasks_for_asset",
    "all_tasks_for_concept", "all_tasks_for_edit", "all_tasks_for_entity_and_task_type", "all_tasks_for_episode",
    "all_tasks_for_person", "all_tasks_for_person_and_type", "all_tasks_for_project", "all_tasks_for_scene",
    "all_tasks_for_sequence", "all_tasks_for_shot", "all_tasks_for_task_status", "all_tasks_for_task_type",
    "get_default_task_status", "get_last_comment_for_task", "get_open_tasks_stats", "get_persons_tasks_dates",
    "get_task", "get_task_by_entity", "get_task_status", "get_task_status_by_name", "get_task_status_by_short_name",
    "get_task_time_spent_for_date", "get_task_type", "get_task_type_by_name", "get_task_type_by_short_name",
    "get_task_url", "get_time_spent"}


def test_cached_functions_are_the_upstream_ones():
    public = [name for name, value in vars(gazu.task).items() if callable(value) and not name.startswith("_")
              and getattr(value, "__module__", "").startswith(("gazu.task", "gazu._task"))]
    assert len(public) == 97
    assert {name for name in public if hasattr(getattr(gazu.task, name), "clear_cache")} == CACHED


# Writes ----------------------------------------------------------------------------------


def test_new_task_looks_the_task_up_reads_the_default_status_and_the_entity_project(kitsu):
    kitsu.on("GET", "data/task-status", json=[{"id": STATUS, "is_default": True}])
    kitsu.on("GET", "data/tasks", json=[])
    kitsu.on("GET", "data/entities/" + ENTITY, json={"id": ENTITY, "project_id": PROJECT})
    kitsu.on("POST", "data/tasks", json={"id": TASK}, status=201)
    assert gazu.task.new_task(ENTITY, {"id": TASK_TYPE}, assigner=PERSON, assignees=[{"id": PERSON}]) == {"id": TASK}
    assert kitsu.sent == [  # upstream reads the default status first: the same requests, in another order
        ("GET", "data/tasks", {"name": "main", "task_type_id": TASK_TYPE, "entity_id": ENTITY}, None),
        ("GET", "data/task-status", {"is_default": "True"}, None),
        ("GET", "data/entities/" + ENTITY, {}, None),
        ("POST", "data/tasks", {}, {"entity_id": ENTITY, "task_type_id": TASK_TYPE, "name": "main",
                                    "assignees": [PERSON], "assigner_id": PERSON, "project_id": PROJECT,
                                    "task_status_id": STATUS})]


def test_new_task_with_a_status_and_an_entity_dict_reads_its_project_id(kitsu):
    kitsu.on("GET", "data/tasks", json=[])
    kitsu.on("POST", "data/tasks", json={"id": TASK}, status=201)
    gazu.task.new_task({"id": ENTITY, "project_id": PROJECT}, TASK_TYPE, "fx", task_status={"id": STATUS})
    assert kitsu.sent == [
        ("GET", "data/tasks", {"name": "fx", "task_type_id": TASK_TYPE, "entity_id": ENTITY}, None),
        ("POST", "data/tasks", {}, {"entity_id": ENTITY, "task_type_id": TASK_TYPE, "name": "fx", "assignees": [],
                                    "project_id": PROJECT, "task_status_id": STATUS})]


def test_new_task_without_a_default_status_creates_nothing(kitsu):
    kitsu.on("GET", "data/task-status", json=[])
    kitsu.on("GET", "data/tasks", json=[])
    with pytest.raises(TaskStatusNotFoundException, match="no default task status"):  # upstream: a bare TypeError
        gazu.task.new_task({"id": ENTITY, "project_id": PROJECT}, TASK_TYPE)
    assert [request[:2] for request in kitsu.sent] == [("GET", "data/tasks"), ("GET", "data/task-status")]


@pytest.mark.parametrize("task_status", [STATUS, None])
def test_new_task_returns_the_existing_task(kitsu, task_status):
    """Found, the task needs no default status: one request (upstream also reads the default status first)."""
    kitsu.on("GET", "data/tasks", json=[{"id": TASK, "name": "main"}])
    assert gazu.task.new_task({"id": ENTITY, "project_id": PROJECT}, TASK_TYPE, task_status=task_status) == {
        "id": TASK, "name": "main"}
    assert kitsu.sent == [("GET", "data/tasks", {"name": "main", "task_type_id": TASK_TYPE, "entity_id": ENTITY},
                           None)]


def test_new_task_type_sends_its_arguments_as_given(kitsu):
    """Upstream checks none of them: the server judges (an empty name, a colour without '#', a dict)."""
    kitsu.on("GET", "data/task-types", json=[])
    kitsu.on("POST", "data/task-types", json={"id": TASK_TYPE}, status=201)
    assert gazu.task.new_task_type("", "red") == {"id": TASK_TYPE}
    assert kitsu.sent == [("GET", "data/task-types", {"name": "", "for_entity": "Asset"}, None),
                          ("POST", "data/task-types", {}, {"name": "", "color": "red", "for_entity": "Asset"})]


def test_new_task_status_checks_only_the_colour(kitsu):
    kitsu.on("POST", "data/task-status", json={"id": STATUS}, status=201)
    gazu.task.new_task_status("Check", None, "#00FF00")
    assert kitsu.sent == [("POST", "data/task-status", {}, {"name": "Check", "short_name": None,
                                                            "color": "#00FF00"})]
    with pytest.raises(ValueError, match="^color:"):  # upstream raises a ValueError too
        gazu.task.new_task_status("Check", "chk", "00FF00")


@pytest.mark.parametrize("function, value, route, key", [
    ("get_task_type_by_short_name", "", "data/task-types", "short_name"),  # Zou's default task types have it
    ("get_task_type_by_name", "", "data/task-types", "name"),
    ("get_task_status_by_short_name", "", "data/task-status", "short_name"),
    ("get_task_status_by_name", 42, "data/task-status", "name"),
])
def test_lookups_by_name_send_the_value_as_given(kitsu, function, value, route, key):
    kitsu.on("GET", route, json=[{"id": TASK_TYPE, key: value}])
    assert getattr(gazu.task, function)(value) == {"id": TASK_TYPE, key: value}
    assert kitsu.sent == [("GET", route, {key: str(value)}, None)]


def test_get_task_by_entity_sends_an_empty_name(kitsu):
    kitsu.on("GET", "data/tasks", json=[])
    assert gazu.task.get_task_by_entity(ENTITY, TASK_TYPE, "") is None
    assert kitsu.sent == [("GET", "data/tasks", {"name": "", "task_type_id": TASK_TYPE, "entity_id": ENTITY}, None)]


@pytest.mark.parametrize("found, expected", [([{"id": TASK_TYPE}], 1), ([], 2)])
def test_new_task_type_is_created_only_if_missing(kitsu, found, expected):
    kitsu.on("GET", "data/task-types", json=found)
    kitsu.on("POST", "data/task-types", json={"id": TASK_TYPE}, status=201)
    assert gazu.task.new_task_type("FX", for_entity="Shot") == {"id": TASK_TYPE}
    assert kitsu.sent[0] == ("GET", "data/task-types", {"name": "FX", "for_entity": "Shot"}, None)
    assert kitsu.sent[1:] == [("POST", "data/task-types", {}, {"name": "FX", "for_entity": "Shot",
                                                               "color": "#000000"})][:expected - 1]


def test_update_task_data_merges_into_fresh_data(kitsu):
    kitsu.on("GET", "data/tasks/%s/full" % TASK, json={"id": TASK, "data": {"a": 1, "b": 2}})
    kitsu.on("PUT", "data/tasks/" + TASK, json={"id": TASK, "data": {"a": 1, "b": 3}})
    assert gazu.task.update_task_data({"id": TASK}, {"b": 3})["data"] == {"a": 1, "b": 3}
    assert kitsu.sent == [("GET", "data/tasks/%s/full" % TASK, {}, None),
                          ("PUT", "data/tasks/" + TASK, {}, {"id": TASK, "data": {"a": 1, "b": 3}})]


@pytest.mark.parametrize("tasks, body", [([{"id": TASK}, TASK], [TASK, TASK]), ([], [])])
def test_remove_tasks_batch_returns_the_decoded_answer(kitsu, tasks, body):
    path = "actions/projects/%s/delete-tasks" % PROJECT
    kitsu.on("POST", path, json={"deleted": len(body)})
    assert gazu.task.remove_tasks_batch(PROJECT, tasks) == {"deleted": len(body)}
    assert kitsu.sent == [("POST", path, {}, body)]


@pytest.mark.parametrize("answer", [[{"id": TASK, "assignees": [PERSON]}], []])
def test_assign_task_returns_the_server_answer(kitsu, answer):
    kitsu.on("PUT", "actions/persons/%s/assign" % PERSON, json=answer)
    assert gazu.task.assign_task({"id": TASK}, PERSON) == answer
    assert kitsu.sent == [("PUT", "actions/persons/%s/assign" % PERSON, {}, {"task_ids": [TASK]})]


def test_assign_tasks_to_person_sends_an_empty_list(kitsu):
    kitsu.on("PUT", "actions/persons/%s/assign" % PERSON, json=[])
    assert gazu.task.assign_tasks_to_person([], {"id": PERSON}) == []
    assert kitsu.sent == [("PUT", "actions/persons/%s/assign" % PERSON, {}, {"task_ids": []})]


def test_clear_assignations_of_no_task_sends_nothing(kitsu):
    assert gazu.task.clear_assignations([]) == []
    assert kitsu.sent == []


def test_time_spent_sends_the_duration_and_date_as_given(kitsu):
    path = "actions/tasks/%s/time-spents/2024-3-1/persons/%s" % (TASK, PERSON)
    kitsu.on("POST", path, json={"duration": 60})
    gazu.task.set_time_spent(TASK, PERSON, "2024-3-1", "60")
    assert kitsu.sent == [("POST", path, {}, {"duration": "60"})]


# Starting, reviewing, publishing ------------------------------------------------------------


def test_start_task_comments_with_the_wip_status(kitsu):
    kitsu.on("GET", "data/task-status", json=[{"id": STATUS}])
    kitsu.on("POST", "actions/tasks/%s/comment" % TASK, json={"id": "comment"}, status=201)
    assert gazu.task.start_task(TASK, person=PERSON) == {"id": "comment"}
    assert kitsu.sent == [
        ("GET", "data/task-status", {"short_name": "wip"}, None),
        ("POST", "actions/tasks/%s/comment" % TASK, {}, {
            "task_status_id": STATUS, "comment": "", "checklist": [], "links": [], "for_client": False,
            "person_id": PERSON})]


def test_start_task_with_a_status_needs_no_lookup(kitsu):
    kitsu.on("POST", "actions/tasks/%s/comment" % TASK, json={"id": "comment"}, status=201)
    gazu.task.start_task({"id": TASK}, {"id": STATUS})
    assert [request[:2] for request in kitsu.sent] == [("POST", "actions/tasks/%s/comment" % TASK)]


def test_start_task_without_a_wip_status(kitsu):
    kitsu.on("GET", "data/task-status", json=[])
    with pytest.raises(TaskStatusNotFoundException, match="wip"):
        gazu.task.start_task(TASK)
    assert len(kitsu.sent) == 1


def test_task_to_review_warns_and_comments_with_the_feedback_status(kitsu):
    kitsu.on("GET", "data/task-status", json=[{"id": STATUS}])
    kitsu.on("POST", "actions/tasks/%s/comment" % TASK, json={"id": "comment"}, status=201)
    kitsu.on("GET", "data/tasks/%s/full" % TASK, json={"id": TASK, "task_status_id": STATUS})
    with pytest.warns(DeprecationWarning, match="feedback-request"):
        assert gazu.task.task_to_review(TASK, PERSON, "please check")["task_status_id"] == STATUS
    assert kitsu.sent == [
        ("GET", "data/task-status", {"is_feedback_request": "true"}, None),
        ("POST", "actions/tasks/%s/comment" % TASK, {}, {
            "task_status_id": STATUS, "comment": "please check", "checklist": [], "links": [],
            "for_client": False, "person_id": PERSON}),
        ("GET", "data/tasks/%s/full" % TASK, {}, None)]


def test_task_to_review_can_keep_the_status(kitsu):
    kitsu.on("GET", "data/tasks/" + TASK, json={"id": TASK, "task_status_id": STATUS})
    kitsu.on("POST", "actions/tasks/%s/comment" % TASK, json={"id": "comment"}, status=201)
    kitsu.on("GET", "data/tasks/%s/full" % TASK, json={"id": TASK})
    with pytest.warns(DeprecationWarning):
        gazu.task.task_to_review({"id": TASK}, {"id": PERSON}, "note", revision=3, change_status=False)
    assert kitsu.sent[1][3]["task_status_id"] == STATUS


def test_task_to_review_without_a_feedback_status(kitsu):
    kitsu.on("GET", "data/task-status", json=[])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(TaskStatusNotFoundException):
            gazu.task.task_to_review(TASK, PERSON, "note")


def test_deprecated_is_imported_at_the_first_call_only():
    code = ("import sys, warnings, gazu\n"
            "assert 'deprecated' not in sys.modules\n"
            "warnings.simplefilter('ignore')\n"
            "try:\n    gazu.task.task_to_review('not-an-id', None, '')\n"
            "except gazu.exception.InvalidArgumentException:\n    pass\n"
            "assert 'deprecated' in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)


# Task pages and paths ----------------------------------------------------------------------------


@pytest.mark.parametrize("task", [
    {"id": TASK, "project_id": PROJECT},
    {"id": TASK, "project_id": PROJECT, "episode_id": EPISODE, "project": {"production_type": "tvshow"},
     "task_type": {"for_entity": "Asset"}},
])
def test_get_task_url_is_built_from_the_task_dict_alone(kitsu, task):
    assert gazu.task.get_task_url(task) == "http://kitsu.test/productions/%s/shots/tasks/%s/" % (PROJECT, TASK)
    assert kitsu.sent == []


def test_get_task_url_needs_a_task_dict(kitsu):
    with pytest.raises(TaskMustBeADictException):
        gazu.task.get_task_url(TASK)
    assert kitsu.sent == []


GUESS = "data/entities/guess-from-path"


@pytest.mark.parametrize("matches, then", [
    ([{"Template": "asset", "Asset": ASSET, "TaskType": TASK_TYPE},
      {"Template": "shot", "Shot": SHOT, "TaskType": TASK_TYPE}],
     ("GET", "data/tasks", {"entity_id": SHOT, "task_type_id": TASK_TYPE}, None)),
    ([{"Template": "shot", "Shot": SHOT, "TaskType": TASK_TYPE, "Task": TASK}],
     ("GET", "data/tasks/" + TASK, {}, None)),
])
def test_get_task_by_path_asks_the_server_to_read_the_path(kitsu, matches, then):
    kitsu.on("POST", GUESS, json=matches)
    kitsu.on("GET", "data/tasks", json=[{"id": TASK}])
    kitsu.on("GET", "data/tasks/" + TASK, json={"id": TASK})
    assert gazu.task.get_task_by_path({"id": PROJECT}, PATH) == {"id": TASK}
    assert kitsu.sent == [("POST", GUESS, {}, {"project_id": PROJECT, "file_path": PATH, "sep": "/"}), then]


def test_get_task_by_path_without_a_match(kitsu):
    kitsu.on("POST", GUESS, json=[{"Template": "shot", "Shot": SHOT}, {"Template": "asset", "TaskType": TASK_TYPE}])
    assert gazu.task.get_task_by_path(PROJECT, PATH, "asset") is None
    with pytest.raises(InvalidArgumentException, match="^entity_type:"):
        gazu.task.get_task_by_path(PROJECT, PATH, "edit")
    assert len(kitsu.sent) == 1


# Bad arguments -------------------------------------------------------------------------------------

def test_task_to_review_checks_its_arguments_first(kitsu):
    with pytest.warns(DeprecationWarning), pytest.raises(InvalidArgumentException, match="^person:"):
        gazu.task.task_to_review(TASK, "a/b", "note")
    assert kitsu.sent == []


def test_update_task_saves_its_assignees_as_ids(kitsu):
    # As upstream: each assignee a dict or an id of UUID shape, None as no one, saved as ids.
    kitsu.on("PUT", "data/tasks/task-01", json={"id": "task-01"})
    gazu.task.update_task({"id": "task-01", "assignees": [{"id": "person-01"}, PERSON]})
    gazu.task.update_task({"id": "task-01", "assignees": None})
    assert [request[3] for request in kitsu.sent] == [{"id": "task-01", "assignees": ["person-01", PERSON]},
                                                      {"id": "task-01", "assignees": []}]
    with pytest.raises(InvalidArgumentException, match="^assignees: "):
        gazu.task.update_task({"id": "task-01", "assignees": ["person-01"]})
    assert len(kitsu.sent) == 2


def test_ids_are_taken_where_upstream_takes_them(kitsu):
    kitsu.on("PUT", "actions/persons/person-01/assign", json=[])
    gazu.task.assign_task({"id": "task-01"}, {"id": "person-01"})  # dicts' ids: any string, handed on as dicts
    assert kitsu.last == ("PUT", "actions/persons/person-01/assign", {}, {"task_ids": ["task-01"]})
    for call in (lambda: gazu.task.get_task("task-01"),  # upstream checks this id parameter's shape
                 lambda: gazu.task.update_task_data({"id": "task-01"}, {"a": 1}),  # and this dict's id
                 lambda: gazu.task.all_tasks_for_shot("shot-01")):  # a bare id for a dict-or-id parameter
        with pytest.raises(InvalidArgumentException):
            call()
    assert len(kitsu.sent) == 1
