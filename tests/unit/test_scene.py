import pytest

import gazu
from tests.unit.conftest import new_id
from tests.unit.surface import Call

PROJECT = new_id()
SEQUENCE = new_id()
SCENE = new_id()
SHOT = new_id()
ASSET = new_id()
INSTANCE = new_id()


def read(name, args, path, sorts=False, cached=True, bad=()):
    return Call("scene." + name, args, path=path, sorts=sorts, cached=cached, bad=bad)


def write(name, args, method, path, body, bad=()):
    return Call("scene." + name, args, method=method, path=path, body=body, bad=bad)


SURFACE = [
    read("all_scenes", (), "data/scenes/all", True, bad=("project",)),
    read("all_scenes", ({"id": PROJECT},), "data/projects/%s/scenes" % PROJECT, True),
    read("all_scenes_for_project", (PROJECT,), "data/projects/%s/scenes" % PROJECT, True, False, bad=("project",)),
    read("all_scenes_for_sequence", ({"id": SEQUENCE},), "data/sequences/%s/scenes" % SEQUENCE, True),
    read("all_shots_for_scene", (SCENE,), "data/scenes/%s/shots" % SCENE),
    read("get_scene", (SCENE,), "data/scenes/%s" % SCENE, bad=("scene_id",)),
    read("all_asset_instances_for_scene", ({"id": SCENE},), "data/scenes/%s/asset-instances" % SCENE),
    read("all_camera_instances_for_scene", (SCENE,), "data/scenes/%s/camera-instances" % SCENE, bad=("scene",)),
    Call("scene.get_scene_by_name", (SEQUENCE, "SC01"), path="data/scenes/all",
         query={"parent_id": SEQUENCE, "name": "SC01"}, first=True, cached=True, bad=("sequence",)),
    Call("scene.get_asset_instance_by_name", ({"id": SCENE}, "chair_0001"), path="data/asset-instances",
         query={"scene_id": SCENE, "name": "chair_0001"}, first=True, cached=True),
    write("new_scene", (PROJECT, {"id": SEQUENCE}, "SC01"), "POST", "data/projects/%s/scenes" % PROJECT,
          {"name": "SC01", "sequence_id": SEQUENCE}, bad=("sequence", "project")),
    write("add_shot_to_scene", (SCENE, {"id": SHOT}), "POST", "data/scenes/%s/shots" % SCENE, {"shot_id": SHOT},
          bad=("shot",)),
    write("remove_shot_from_scene", ({"id": SCENE}, SHOT), "DELETE", "data/scenes/%s/shots/%s" % (SCENE, SHOT), None,
          bad=("scene",)),
    write("new_scene_asset_instance", (SCENE, ASSET), "POST", "data/scenes/%s/asset-instances" % SCENE,
          {"asset_id": ASSET}, bad=("asset",)),
    write("new_scene_asset_instance", ({"id": SCENE}, {"id": ASSET}, "On the left"), "POST",
          "data/scenes/%s/asset-instances" % SCENE, {"asset_id": ASSET, "description": "On the left"}),
    write("update_asset_instance_name", ({"id": INSTANCE}, "chair_left"), "PUT", "data/asset-instances/%s" % INSTANCE,
          {"name": "chair_left"}, bad=("asset_instance",)),
    write("update_asset_instance_data", (INSTANCE, {"lod": 2}), "PUT", "data/asset-instances/%s" % INSTANCE,
          {"data": {"lod": 2}}, bad=("asset_instance", ("data", ["lod=2", ["lod"]]))),
    write("update_asset_instance_data", ({"id": INSTANCE}, {}), "PUT", "data/asset-instances/%s" % INSTANCE,
          {"data": {}}),
    write("update_asset_instance_data", (INSTANCE, None), "PUT", "data/asset-instances/%s" % INSTANCE,
          {"data": None}),
    write("update_asset_instance_name", ({"id": INSTANCE}, ""), "PUT", "data/asset-instances/%s" % INSTANCE,
          {"name": ""}),
    write("update_scene", ({"id": SCENE, "name": "SC02", "data": {}},), "PUT", "data/entities/%s" % SCENE,
          {"id": SCENE, "name": "SC02", "data": {}}, bad=("scene",)),
    Call("scene.get_sequence_from_scene", (SCENE,), bad=("scene",)),  # tested by hand below
]
HAND_TESTED = {"get_sequence_from_scene"}


def test_all_scenes_of_a_project_answer_as_its_scene_listing(kitsu):
    # data/scenes/all answers scenes with more keys than the project's listing upstream reads.
    kitsu.on("GET", "data/projects/%s/scenes" % PROJECT, json=[{"id": SCENE, "name": "SC01"}])
    assert gazu.scene.all_scenes(PROJECT) == gazu.scene.all_scenes_for_project(PROJECT) == [
        {"id": SCENE, "name": "SC01"}]


@pytest.mark.parametrize("name, sent", [("", ""), (None, "None")])
def test_look_ups_by_name_send_the_name_as_upstream(kitsu, name, sent):
    kitsu.on("GET", "data/scenes/all", json=[])
    kitsu.on("GET", "data/asset-instances", json=[])
    assert gazu.scene.get_scene_by_name(SEQUENCE, name) is None
    assert gazu.scene.get_asset_instance_by_name(SCENE, name) is None
    assert kitsu.sent == [("GET", "data/scenes/all", {"parent_id": SEQUENCE, "name": sent}, None),
                          ("GET", "data/asset-instances", {"name": sent, "scene_id": SCENE}, None)]


def test_new_scene_sends_the_name_as_given(kitsu):
    kitsu.on("POST", "data/projects/%s/scenes" % PROJECT, json={"id": SCENE})
    gazu.scene.new_scene(PROJECT, SEQUENCE, "")
    assert kitsu.sent == [("POST", "data/projects/%s/scenes" % PROJECT, {}, {"name": "", "sequence_id": SEQUENCE})]


def test_get_sequence_from_scene_reads_the_parent_id_of_the_dict_given(kitsu):
    kitsu.on("GET", "data/sequences/" + SEQUENCE, json={"id": SEQUENCE})
    assert gazu.scene.get_sequence_from_scene({"id": SCENE, "parent_id": SEQUENCE}) == {"id": SEQUENCE}
    assert kitsu.sent == [("GET", "data/sequences/" + SEQUENCE, {}, None)]


def test_asset_instance_listings_answer_as_the_server_does(kitsu):
    kitsu.on("GET", "data/scenes/%s/asset-instances" % SCENE, json={})
    kitsu.on("GET", "data/scenes/%s/camera-instances" % SCENE, json={})
    assert gazu.scene.all_asset_instances_for_scene(SCENE) == {}
    assert gazu.scene.all_camera_instances_for_scene(SCENE) == {}


@pytest.mark.parametrize("scene", [SCENE, {"id": SCENE}])
def test_get_sequence_from_scene_reads_the_scene_then_its_sequence(kitsu, scene):
    kitsu.on("GET", "data/scenes/" + SCENE, json={"id": SCENE, "parent_id": SEQUENCE})
    kitsu.on("GET", "data/sequences/" + SEQUENCE, json={"id": SEQUENCE})
    gazu.cache.enable()
    assert gazu.scene.get_sequence_from_scene(scene) == {"id": SEQUENCE}
    assert gazu.scene.get_sequence_from_scene(scene) == {"id": SEQUENCE}
    assert kitsu.sent == [("GET", "data/scenes/" + SCENE, {}, None), ("GET", "data/sequences/" + SEQUENCE, {}, None)]
