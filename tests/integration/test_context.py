"""gazu.context against a real Kitsu: the same listings, studio-wide and narrowed to the user's assignments.

The production is built with raw calls (gazu.client): in it, the logged-in
administrator is assigned one task on some entities and none on their
siblings, so the user-context listings must leave the siblings out.
"""

from __future__ import annotations

import pytest

import gazu
from gazu import client as raw
from tests.conftest import unique

pytestmark = pytest.mark.integration

# Every function of gazu.context is exercised below.
NOT_EXERCISED: dict[str, str] = {}


def names(items: list[dict]) -> list:
    return [item["name"] for item in items]


@pytest.fixture
def production(admin_client, new_project):
    """Two of each entity kind in a fresh project; the admin has a task on the first of each only."""
    me = raw.get_current_user()
    project_id = new_project["id"]
    raw.post("data/projects/%s/team" % project_id, {"person_id": me["id"]})
    todo = next(status for status in raw.get("data/task-status") if status["short_name"] == "todo")
    kinds = {}
    props, sets = (raw.post("data/entity-types", {"name": unique(name)}) for name in ("Props", "Sets"))
    episodes = [raw.post("data/projects/%s/episodes" % project_id, {"name": name}) for name in ("E2", "E1")]
    sequences = [raw.post("data/projects/%s/sequences" % project_id, {"name": name, "episode_id": episodes[1]["id"]})
                 for name in ("SQ2", "SQ1")]
    kinds["Asset"] = [raw.post("data/projects/%s/asset-types/%s/assets/new" % (project_id, asset_type["id"]),
                               {"name": name})
                      for name, asset_type in (("table", props), ("chair", props), ("room", sets))]
    in_sq1 = {"sequence_id": sequences[1]["id"]}
    kinds["Shot"] = [raw.post("data/projects/%s/shots" % project_id, {"name": name, **in_sq1})
                     for name in ("SH020", "SH010")]
    kinds["Scene"] = [raw.post("data/projects/%s/scenes" % project_id, {"name": name, **in_sq1})
                      for name in ("SC2", "SC1")]
    kinds["Sequence"] = sequences[::-1]
    task_types = {}
    for kind, entities in kinds.items():
        task_types[kind] = [raw.post("data/task-types", {"name": unique(kind + "-%d" % n), "for_entity": kind})
                            for n in (1, 2)]
        for task_type, assignees in zip(task_types[kind], ([me["id"]], [])):
            raw.post("data/tasks", {"name": "main", "project_id": project_id, "task_type_id": task_type["id"],
                                    "task_status_id": todo["id"], "entity_id": entities[0]["id"],
                                    "assignees": assignees})
    return {"project": new_project, "props": props, "sets": sets, "episodes": episodes, "sequences": sequences,
            "kinds": kinds, "task_types": task_types}


def test_projects_and_assets(production):
    project, props = production["project"], production["props"]
    assets = production["kinds"]["Asset"]  # table (assigned), chair, room

    assert project["id"] in {p["id"] for p in gazu.context.all_open_projects()}
    assert project["id"] in {p["id"] for p in gazu.context.all_open_projects(user_context=True)}

    assert names(gazu.context.all_asset_types_for_project(project)) == sorted(
        [props["name"], production["sets"]["name"]], key=str.lower)
    assert names(gazu.context.all_asset_types_for_project(project, user_context=True)) == [props["name"]]
    assert names(gazu.context.all_assets_for_asset_type_and_project(project, props)) == ["chair", "table"]
    assert names(gazu.context.all_assets_for_asset_type_and_project(project["id"], props, True)) == ["table"]
    assert names(gazu.context.all_assets_for_project(project)) == ["chair", "room", "table"]

    studio_types = gazu.context.all_task_types_for_asset(assets[0])
    assert names(studio_types) == names(production["task_types"]["Asset"])
    assert names(gazu.context.all_task_types_for_asset(assets[0], user_context=True)) == [
        production["task_types"]["Asset"][0]["name"]]


def test_episodes_sequences_shots_and_scenes(production):
    project = production["project"]
    episode = production["episodes"][1]  # E1, holding both sequences
    sequence = production["sequences"][1]  # SQ1, holding every shot and scene, with the admin's task

    assert names(gazu.context.all_episodes_for_project(project)) == ["E01", "E1", "E2"]  # E01: made with a tvshow
    assert names(gazu.context.all_episodes_for_project(project, user_context=True)) == ["E1"]
    assert names(gazu.context.all_sequences_for_project(project)) == ["SQ1", "SQ2"]
    assert names(gazu.context.all_sequences_for_project(project, user_context=True)) == ["SQ1"]
    assert names(gazu.context.all_sequences_for_episode(episode)) == ["SQ1", "SQ2"]
    assert names(gazu.context.all_shots_for_sequence(sequence)) == ["SH010", "SH020"]
    assert names(gazu.context.all_shots_for_sequence(sequence, user_context=True)) == ["SH020"]
    assert names(gazu.context.all_scenes_for_project(project)) == ["SC1", "SC2"]
    assert names(gazu.context.all_scenes_for_sequence(sequence)) == ["SC1", "SC2"]
    assert names(gazu.context.all_scenes_for_sequence(sequence, user_context=True)) == ["SC2"]


@pytest.mark.parametrize("kind", ["Shot", "Scene"])
def test_task_types_of_shots_and_scenes(production, kind):
    listing = getattr(gazu.context, "all_task_types_for_%s" % kind.lower())
    entity = production["kinds"][kind][0]
    task_types = production["task_types"][kind]
    assert names(listing(entity)) == names(task_types)
    assert names(listing(entity["id"], user_context=True)) == [task_types[0]["name"]]


def test_task_types_of_a_sequence(production):
    # Zou's two routes differ: studio-wide, the task types of the tasks of the sequence's shots and scenes;
    # for the user, those of their tasks on the sequence itself.
    sequence, task_types = production["sequences"][1], production["task_types"]
    assert names(gazu.context.all_task_types_for_sequence(sequence)) == sorted(
        names(task_types["Shot"] + task_types["Scene"]), key=str.lower)
    assert names(gazu.context.all_task_types_for_sequence(sequence, user_context=True)) == [
        task_types["Sequence"][0]["name"]]
