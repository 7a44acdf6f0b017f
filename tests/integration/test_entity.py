"""gazu.entity against a real Kitsu: entities of any kind found by id and name, paths guessed, batches removed.

Sequences and shots are made with raw calls (gazu.client); assets, asset
types and concepts with gazu.asset and gazu.concept.
"""

from __future__ import annotations

import pytest

import gazu
from gazu.exception import RouteNotFoundException
from tests.conftest import unique

pytestmark = pytest.mark.integration

NOT_EXERCISED: dict[str, str] = {}

# A file tree for guess_from_path: paths under /studio/productions/<project>/...
FILE_TREE = {
    "working": {
        "mountpoint": "/studio",
        "root": "productions",
        "folder_path": {
            "asset": "<Project>/assets/<AssetType>/<Asset>/<TaskType>",
            "shot": "<Project>/shots/<Sequence>/<Shot>/<TaskType>",
            "style": "lowercase",
        },
        "file_name": {
            "asset": "<Project>_<AssetType>_<Asset>_<TaskType>",
            "shot": "<Project>_<Sequence>_<Shot>_<TaskType>",
            "style": "lowercase",
        },
    },
}


def ids(items) -> list:
    return [item["id"] for item in items]


def test_entity_types(admin_client):
    name = unique("Vehicle")
    entity_type = gazu.entity.new_entity_type(name)
    assert gazu.entity.get_entity_type(entity_type["id"])["name"] == name
    assert gazu.entity.get_entity_type_by_name(name)["id"] == entity_type["id"]
    assert gazu.entity.get_entity_type_by_name(unique("nothing")) is None
    all_types = gazu.entity.all_entity_types()
    assert entity_type["id"] in ids(all_types)
    assert {"Shot", "Sequence", "Episode"} <= {item["name"] for item in all_types}

    gazu.entity.remove_entity_type(entity_type)
    assert gazu.entity.get_entity_type_by_name(name) is None


def test_entities_of_any_kind(new_project):
    asset_type = gazu.asset.new_asset_type(unique("Props"))
    cup = gazu.asset.new_asset(new_project, asset_type, unique("Cup"))
    sequence = gazu.client.post("data/projects/%s/sequences" % new_project["id"], {"name": unique("SQ")})
    shot = gazu.client.post("data/projects/%s/shots" % new_project["id"],
                            {"name": unique("SH"), "sequence_id": sequence["id"]})

    assert gazu.entity.get_entity(cup["id"])["name"] == cup["name"]
    assert gazu.entity.get_entity(shot["id"])["parent_id"] == sequence["id"]
    assert gazu.entity.get_entity_by_name(shot["name"])["id"] == shot["id"]
    assert gazu.entity.get_entity_by_name(cup["name"], new_project)["id"] == cup["id"]
    assert gazu.entity.get_entity_by_name(unique("nothing"), new_project["id"]) is None
    assert {cup["id"], sequence["id"], shot["id"]} <= set(ids(gazu.entity.all_entities()))

    concept = gazu.concept.new_concept(new_project, unique("Cup sketch"), entity_concept_links=[cup])
    linked = gazu.entity.all_entities_with_tasks_linked_to_entity(cup)
    assert ids(linked) == [concept["id"]]

    gazu.entity.remove_entity(shot)
    with pytest.raises(RouteNotFoundException):
        gazu.entity.get_entity(shot["id"])


def test_remove_entities(new_project):
    asset_type = gazu.asset.new_asset_type(unique("Props"))
    cup, plate = (gazu.asset.new_asset(new_project, asset_type, unique(name)) for name in ("Cup", "Plate"))
    assert sorted(gazu.entity.remove_entities(new_project, [cup, plate["id"]])) == sorted([cup["id"], plate["id"]])
    assert gazu.asset.all_assets_for_project(new_project) == []

    task_type = gazu.client.post("data/task-types", {"name": unique("Modeling"), "for_entity": "Asset"})
    bowl = gazu.asset.new_asset(new_project, asset_type, unique("Bowl"))
    gazu.client.post("data/projects/%s/settings/task-types" % new_project["id"], {"task_type_id": task_type["id"]})
    gazu.client.post("data/entities/%s/tasks" % bowl["id"], {"task_type_ids": [task_type["id"]]})
    assert gazu.entity.remove_entities(new_project, [bowl]) == [bowl["id"]]
    assert gazu.entity.get_entity(bowl["id"])["canceled"] is True  # kept, having tasks
    assert gazu.entity.remove_entities(new_project, [bowl], force=True) == [bowl["id"]]
    with pytest.raises(RouteNotFoundException):
        gazu.entity.get_entity(bowl["id"])


def test_guess_from_path(new_project):
    gazu.client.put("data/projects/%s" % new_project["id"], {"file_tree": FILE_TREE})
    asset_type = gazu.asset.new_asset_type(unique("Props"))
    cup = gazu.asset.new_asset(new_project, asset_type, unique("Cup"))

    folders = "productions/%s/assets/%s/%s" % (new_project["name"], asset_type["name"], cup["name"])
    path = "/studio/" + folders.lower()
    guesses = gazu.entity.guess_from_path(new_project["id"], path)
    assert {"Template": "asset", "Project": new_project["id"], "AssetType": asset_type["id"],
            "Asset": cup["id"]} in guesses
    assert gazu.entity.guess_from_path(new_project["id"], path, "/") == guesses
    assert gazu.entity.guess_from_path(new_project["id"], "/elsewhere/file.ma") == []

