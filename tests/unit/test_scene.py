import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.unit.conftest import new_id

PROJECT = new_id()
SEQUENCE = new_id()
SCENE = new_id()
SHOT = new_id()
ASSET = new_id()
INSTANCE = new_id()
UNSORTED = [{"name": "b"}, {"name": "A"}, {"name": "c"}]

# (function, positional arguments, path, query of the one GET it sends, sorted by name, cached)
READS = [
    ("all_scenes", (), "data/scenes/all", {}, True, True),
    ("all_scenes", ({"id": PROJECT},), "data/projects/%s/scenes" % PROJECT, {}, True, True),
    ("all_scenes_for_project", (PROJECT,), "data/projects/%s/scenes" % PROJECT, {}, True, False),
    ("all_scenes_for_sequence", ({"id": SEQUENCE},), "data/sequences/%s/scenes" % SEQUENCE, {}, True, True),
    ("all_shots_for_scene", (SCENE,), "data/scenes/%s/shots" % SCENE, {}, False, True),
    ("get_scene", (SCENE,), "data/scenes/%s" % SCENE, {}, False, True),
    ("all_asset_instances_for_scene", ({"id": SCENE},), "data/scenes/%s/asset-instances" % SCENE, {}, False, True),
    ("all_camera_instances_for_scene", (SCENE,), "data/scenes/%s/camera-instances" % SCENE, {}, False, True),
]

# (function, positional arguments, path, query): the first match, or None
BY_NAME = [
    ("get_scene_by_name", (SEQUENCE, "SC01"), "data/scenes/all", {"parent_id": SEQUENCE, "name": "SC01"}),
    ("get_asset_instance_by_name", ({"id": SCENE}, "chair_0001"), "data/asset-instances",
     {"scene_id": SCENE, "name": "chair_0001"}),
]

# (function, positional arguments, method, path, JSON body sent)
WRITES = [
    ("new_scene", (PROJECT, {"id": SEQUENCE}, "SC01"), "POST", "data/projects/%s/scenes" % PROJECT,
     {"name": "SC01", "sequence_id": SEQUENCE}),
    ("add_shot_to_scene", (SCENE, {"id": SHOT}), "POST", "data/scenes/%s/shots" % SCENE, {"shot_id": SHOT}),
    ("remove_shot_from_scene", ({"id": SCENE}, SHOT), "DELETE", "data/scenes/%s/shots/%s" % (SCENE, SHOT), None),
    ("new_scene_asset_instance", (SCENE, ASSET), "POST", "data/scenes/%s/asset-instances" % SCENE,
     {"asset_id": ASSET}),
    ("new_scene_asset_instance", ({"id": SCENE}, {"id": ASSET}, "On the left"), "POST",
     "data/scenes/%s/asset-instances" % SCENE, {"asset_id": ASSET, "description": "On the left"}),
    ("update_asset_instance_name", ({"id": INSTANCE}, "chair_left"), "PUT", "data/asset-instances/%s" % INSTANCE,
     {"name": "chair_left"}),
    ("update_asset_instance_data", (INSTANCE, {"lod": 2}), "PUT", "data/asset-instances/%s" % INSTANCE,
     {"data": {"lod": 2}}),
    ("update_asset_instance_data", ({"id": INSTANCE}, {}), "PUT", "data/asset-instances/%s" % INSTANCE,
     {"data": {}}),
    ("update_asset_instance_data", (INSTANCE, None), "PUT", "data/asset-instances/%s" % INSTANCE, {"data": None}),
    ("update_asset_instance_name", ({"id": INSTANCE}, ""), "PUT", "data/asset-instances/%s" % INSTANCE,
     {"name": ""}),
    ("update_scene", ({"id": SCENE, "name": "SC02", "data": {}},), "PUT", "data/entities/%s" % SCENE,
     {"id": SCENE, "name": "SC02", "data": {}}),
]


@pytest.mark.parametrize("name, args, path, query, sorts, cached", READS, ids=[row[0] for row in READS])
def test_reads(kitsu, name, args, path, query, sorts, cached):
    kitsu.on("GET", path, json=UNSORTED)
    result = getattr(gazu.scene, name)(*args)
    assert [item["name"] for item in result] == (["A", "b", "c"] if sorts else ["b", "A", "c"])
    assert kitsu.sent == [("GET", path, query, None)]


@pytest.mark.parametrize("name, args, path, query, sorts, cached", READS, ids=[row[0] for row in READS])
def test_cached_exactly_where_upstream_caches(kitsu, name, args, path, query, sorts, cached):
    kitsu.on("GET", path, json=[])
    gazu.cache.enable()
    getattr(gazu.scene, name)(*args)
    getattr(gazu.scene, name)(*args)
    assert len(kitsu.sent) == (1 if cached else 2)


@pytest.mark.parametrize("name, args, path, query", BY_NAME, ids=[row[0] for row in BY_NAME])
def test_by_name(kitsu, name, args, path, query):
    kitsu.on("GET", path, json=[{"id": SCENE}, {"id": SHOT}])
    kitsu.on("GET", path, json=[])
    assert getattr(gazu.scene, name)(*args) == {"id": SCENE}
    assert getattr(gazu.scene, name)(*args) is None
    assert kitsu.sent == [("GET", path, query, None)] * 2
    gazu.cache.enable()
    getattr(gazu.scene, name)(*args)
    getattr(gazu.scene, name)(*args)
    assert len(kitsu.sent) == 3


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


@pytest.mark.parametrize("name, args, method, path, body", WRITES, ids=[row[0] for row in WRITES])
def test_writes(kitsu, name, args, method, path, body):
    kitsu.on(method, path, json={"id": SCENE})
    result = getattr(gazu.scene, name)(*args)
    assert kitsu.sent == [(method, path, {}, body)]
    assert result == ('{"id": "%s"}' % SCENE if method == "DELETE" else {"id": SCENE})


IDS = [None, "", "a/b", {"name": "x"}, 42]

# (call taking the bad value, the argument it is passed as, bad values)
BAD_ARGUMENTS = [
    (lambda bad: gazu.scene.all_scenes(bad), "project", IDS[1:]),
    (lambda bad: gazu.scene.all_scenes_for_project(bad), "project", IDS),
    (lambda bad: gazu.scene.get_scene(bad), "scene_id", IDS),
    (lambda bad: gazu.scene.get_scene_by_name(bad, "SC01"), "sequence", IDS),
    (lambda bad: gazu.scene.get_sequence_from_scene(bad), "scene", IDS),
    (lambda bad: gazu.scene.new_scene(PROJECT, bad, "SC01"), "sequence", IDS),
    (lambda bad: gazu.scene.new_scene(bad, SEQUENCE, "SC01"), "project", IDS),
    (lambda bad: gazu.scene.update_scene(bad), "scene", IDS),
    (lambda bad: gazu.scene.add_shot_to_scene(SCENE, bad), "shot", IDS),
    (lambda bad: gazu.scene.remove_shot_from_scene(bad, SHOT), "scene", IDS),
    (lambda bad: gazu.scene.new_scene_asset_instance(SCENE, bad), "asset", IDS),
    (lambda bad: gazu.scene.update_asset_instance_name(bad, "x"), "asset_instance", IDS),
    (lambda bad: gazu.scene.update_asset_instance_data(bad, {}), "asset_instance", IDS),
    (lambda bad: gazu.scene.all_camera_instances_for_scene(bad), "scene", IDS),
    (lambda bad: gazu.scene.update_asset_instance_data(INSTANCE, bad), "data", ["lod=2", ["lod"]]),
]


@pytest.mark.parametrize("call, argument, bad", [(call, argument, bad) for call, argument, values in BAD_ARGUMENTS
                                                 for bad in values])
def test_bad_arguments_rejected_before_any_request(kitsu, call, argument, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        call(bad)
    assert kitsu.sent == []
