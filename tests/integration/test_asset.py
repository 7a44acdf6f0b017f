"""gazu.asset against a real Kitsu: asset types, assets, instances, CSV round trips, read back from the server.

Episodes, sequences, shots and scenes are made with raw calls (gazu.client),
so these tests depend on no domain module still being written; the shot
casting that some readings need comes from gazu.casting.
"""

from __future__ import annotations

import csv
from urllib.parse import urlencode

import pytest

import gazu
from gazu.exception import RouteNotFoundException
from tests.conftest import unique

pytestmark = pytest.mark.integration

NOT_EXERCISED: dict[str, str] = {}


def ids(items) -> list:
    return [item["id"] for item in items]


def read_csv(path) -> list[tuple]:
    """Return the (name, type, description) of each asset row of a Kitsu CSV export."""
    with open(path, encoding="utf-8", newline="") as handle:
        return [(row["Name"], row["Type"], row["Description"]) for row in csv.DictReader(handle, delimiter=";")]


@pytest.fixture
def asset_type(admin_client):
    return gazu.asset.new_asset_type(unique("Props"))


@pytest.fixture
def episode(new_project):
    return gazu.client.post("data/projects/%s/episodes" % new_project["id"], {"name": unique("E")})


@pytest.fixture
def shot(new_project, episode):
    sequence = gazu.client.post("data/projects/%s/sequences" % new_project["id"],
                                {"name": unique("SQ"), "episode_id": episode["id"]})
    return gazu.client.post("data/projects/%s/shots" % new_project["id"],
                            {"name": unique("SH"), "sequence_id": sequence["id"]})


def test_asset_types(admin_client):
    name = unique("Vehicle")
    asset_type = gazu.asset.new_asset_type(name)
    assert gazu.asset.new_asset_type(name)["id"] == asset_type["id"]  # found by name, not made twice
    assert gazu.asset.get_asset_type(asset_type["id"])["name"] == name
    assert gazu.asset.get_asset_type_by_name(name)["id"] == asset_type["id"]
    assert gazu.asset.get_asset_type_by_name(unique("nothing")) is None
    assert asset_type["id"] in ids(gazu.asset.all_asset_types())

    renamed = unique("Car")
    gazu.asset.update_asset_type({**asset_type, "name": renamed})
    assert gazu.asset.get_asset_type(asset_type["id"])["name"] == renamed

    gazu.asset.remove_asset_type(asset_type)
    assert gazu.asset.get_asset_type_by_name(renamed) is None
    with pytest.raises(RouteNotFoundException):
        gazu.asset.get_asset_type(asset_type["id"])


def test_asset_lifecycle(new_project, asset_type, episode):
    name = unique("Hero")
    asset = gazu.asset.new_asset(new_project, asset_type, name, "the hero", {"size": "big"}, episode)
    assert gazu.asset.new_asset(new_project["id"], asset_type["id"], name)["id"] == asset["id"]

    stored = gazu.asset.get_asset(asset["id"])
    assert (stored["name"], stored["description"], stored["data"]) == (name, "the hero", {"size": "big"})
    assert (stored["project_id"], stored["entity_type_id"], stored["episode_id"]) == (
        new_project["id"], asset_type["id"], episode["id"])
    assert gazu.asset.get_asset_by_name(new_project, name)["id"] == asset["id"]
    assert gazu.asset.get_asset_by_name(new_project, name, asset_type)["id"] == asset["id"]
    assert gazu.asset.get_asset_by_name(new_project, unique("nothing")) is None
    assert gazu.asset.get_asset_type_from_asset(stored)["id"] == asset_type["id"]
    assert gazu.asset.get_episode_from_asset(stored)["id"] == episode["id"]
    assert gazu.asset.get_episode_from_asset(asset)["id"] == episode["id"]  # a listing's dict: source_id

    other = gazu.asset.new_asset(new_project, asset_type, "a-" + name)
    assert gazu.asset.get_episode_from_asset(gazu.asset.get_asset(other["id"])) is None
    assert ids(gazu.asset.all_assets_for_project(new_project)) == [other["id"], asset["id"]]
    assert ids(gazu.asset.all_assets_for_project_and_type(new_project, asset_type)) == [other["id"], asset["id"]]
    assert ids(gazu.asset.all_assets_for_episode(episode)) == [asset["id"]]
    assert {other["id"], asset["id"]} <= set(ids(gazu.asset.all_assets_for_open_projects()))
    assert asset_type["id"] in ids(gazu.asset.all_asset_types_for_project(new_project))

    gazu.asset.update_asset({**stored, "description": "the true hero", "episode_id": ""})
    moved = gazu.asset.get_asset(asset["id"])
    assert (moved["description"], moved["episode_id"]) == ("the true hero", "")
    gazu.asset.update_asset({"id": asset["id"], "episode_id": episode["id"]})
    assert gazu.asset.get_asset(asset["id"])["episode_id"] == episode["id"]

    gazu.asset.update_asset_data(asset, {"color": "red"})
    gazu.asset.update_asset_data(asset["id"], {"size": "small"})
    assert gazu.asset.get_asset(asset["id"])["data"] == {"size": "small", "color": "red"}

    gazu.asset.remove_asset(other)
    with pytest.raises(RouteNotFoundException):
        gazu.asset.get_asset(other["id"])
    assert ids(gazu.asset.all_assets_for_project(new_project)) == [asset["id"]]


def test_web_addresses(new_project, asset_type, episode):
    asset = gazu.asset.new_asset(new_project, asset_type, unique("Hero"), episode=episode)
    web = gazu.client.get_api_url_from_host()
    base = "%s/productions/%s" % (web, new_project["id"])
    assert gazu.project.get_project(new_project["id"])["production_type"] == "tvshow"
    # Upstream's strings: the "main" episode, a trailing slash, the search query encoded as a form.
    assert gazu.asset.get_all_assets_url(new_project) == base + "/episodes/main/assets/"
    assert gazu.asset.get_asset_url(asset) == "%s/episodes/%s/assets/%s/" % (base, episode["id"], asset["id"])
    assert gazu.asset.get_asset_type_url(new_project, asset_type) == (
        base + "/episodes/main/assets?" + urlencode({"search": "type=[%s]" % asset_type["name"]}))
    outside = gazu.asset.new_asset(new_project, asset_type, unique("Shared"))
    assert gazu.asset.get_asset_url(outside["id"]) == "%s/episodes/main/assets/%s/" % (base, outside["id"])


def test_asset_instances(new_project, asset_type, shot):
    environment = gazu.asset.new_asset(new_project, asset_type, unique("Kitchen"))
    prop = gazu.asset.new_asset(new_project, asset_type, unique("Cup"))
    instance = gazu.asset.new_asset_asset_instance(environment, prop, "on the table")
    second = gazu.asset.new_asset_asset_instance(environment["id"], prop["id"])
    assert (instance["asset_id"], instance["target_asset_id"], instance["description"]) == (
        prop["id"], environment["id"], "on the table")
    assert (instance["number"], second["number"]) == (1, 2)
    assert ids(gazu.asset.all_asset_instances_for_asset(environment)[prop["id"]]) == [instance["id"], second["id"]]

    assert gazu.asset.get_asset_instance(instance["id"])["active"] is True
    gazu.asset.disable_asset_instance(instance)
    assert gazu.asset.get_asset_instance(instance["id"])["active"] is False
    gazu.asset.enable_asset_instance(instance["id"])
    assert gazu.asset.get_asset_instance(instance["id"])["active"] is True

    gazu.client.post("data/shots/%s/asset-instances" % shot["id"], {"asset_instance_id": instance["id"]})
    assert ids(gazu.asset.all_asset_instances_for_shot(shot)[prop["id"]]) == [instance["id"]]
    assert ids(gazu.asset.all_shot_asset_instances_for_asset(prop)[shot["id"]]) == [instance["id"]]

    scene = gazu.client.post("data/projects/%s/scenes" % new_project["id"],
                             {"name": unique("SC"), "sequence_id": shot["parent_id"]})
    in_scene = gazu.client.post("data/scenes/%s/asset-instances" % scene["id"], {"asset_id": prop["id"]})
    assert ids(gazu.asset.all_scene_asset_instances_for_asset(prop)[scene["id"]]) == [in_scene["id"]]


def test_asset_instance_listings_of_entities_without_instances(new_project, asset_type, shot):
    # Zou answers these listings grouped by id: {} when there is none, kept as upstream keeps it.
    lone = gazu.asset.new_asset(new_project, asset_type, unique("Lone"))
    assert gazu.asset.all_asset_instances_for_asset(lone) == {}
    assert gazu.asset.all_shot_asset_instances_for_asset(lone) == {}
    assert gazu.asset.all_scene_asset_instances_for_asset(lone["id"]) == {}
    assert gazu.asset.all_asset_instances_for_shot(shot) == {}
    assert gazu.shot.all_asset_instances_for_shot(shot["id"]) == {}
    assert gazu.shot.get_asset_instances_for_shot(shot) == {}
    scene = gazu.client.post("data/projects/%s/scenes" % new_project["id"],
                             {"name": unique("SC"), "sequence_id": shot["parent_id"]})
    assert gazu.scene.all_asset_instances_for_scene(scene) == {}
    assert gazu.scene.all_camera_instances_for_scene(scene["id"]) == {}


def test_assets_cast_in_a_shot(new_project, asset_type, shot):
    character_type = gazu.asset.new_asset_type(unique("Character"))
    hero = gazu.asset.new_asset(new_project, character_type, unique("Hero"))
    cup = gazu.asset.new_asset(new_project, asset_type, unique("Cup"))
    gazu.casting.update_shot_casting(new_project, shot, [{"asset_id": hero["id"]}, {"asset_id": cup["id"]}])
    assert set(ids(gazu.asset.all_assets_for_shot(shot))) == {hero["id"], cup["id"]}
    assert set(ids(gazu.asset.all_asset_types_for_shot(shot))) == {character_type["id"], asset_type["id"]}


def test_csv_round_trip(new_project, asset_type, episode, tmp_path):
    asset = gazu.asset.new_asset(new_project, asset_type, unique("Hero"), "exported", episode=episode)
    exported = tmp_path / "assets.csv"
    response = gazu.asset.export_assets_with_csv(new_project, str(exported))
    assert response.status_code == 200
    assert read_csv(exported) == [(asset["name"], asset_type["name"], "exported")]
    only_episode = tmp_path / "episode.csv"
    gazu.asset.export_assets_with_csv(new_project, str(only_episode), episode=episode)
    assert read_csv(only_episode) == [(asset["name"], asset_type["name"], "exported")]
    only_mine = tmp_path / "mine.csv"  # the administrator has no task assigned on this asset
    gazu.asset.export_assets_with_csv(new_project, str(only_mine), assigned_to=gazu.client.get_current_user())
    assert read_csv(only_mine) == []

    to_import = tmp_path / "import.csv"
    name = unique("Imported")
    to_import.write_text("Episode,Type,Name,Description\n%s,%s,%s,from csv\n" % (
        episode["name"], asset_type["name"], name), encoding="utf-8")
    imported = gazu.asset.import_assets_with_csv(new_project, str(to_import))
    assert [item["name"] for item in imported] == [name]
    stored = gazu.asset.get_asset_by_name(new_project, name, asset_type)
    assert (stored["description"], stored["source_id"]) == ("from csv", episode["id"])
