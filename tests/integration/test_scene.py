"""gazu.scene against the sandbox Kitsu: layout scenes of a sequence, the shots made from
them and the asset instances placed in them; read back each time.

Sequences, shots, asset types and assets are made with raw calls (gazu.client).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import gazu
from gazu import client as raw
from tests.conftest import unique

pytestmark = pytest.mark.integration

NOT_EXERCISED: dict[str, str] = {}

scene_module = gazu.scene


def ids(items: list[dict]) -> list[str]:
    return [item["id"] for item in items]


@pytest.fixture
def layout(new_project):
    """A sequence with a shot, and a prop and a camera asset."""
    project_id = new_project["id"]
    episode = raw.post("data/projects/%s/episodes" % project_id, {"name": unique("E")})
    sequence = raw.post("data/projects/%s/sequences" % project_id, {"name": unique("SQ"), "episode_id": episode["id"]})
    shot = raw.post("data/projects/%s/shots" % project_id, {"name": "SH010", "sequence_id": sequence["id"]})
    props = raw.post("data/entity-types", {"name": unique("Props")})
    camera_type = raw.get("data/entity-types", params={"name": "Camera"}) or [
        raw.post("data/entity-types", {"name": "Camera"})]
    new_asset = "data/projects/%s/asset-types/%s/assets/new"
    chair = raw.post(new_asset % (project_id, props["id"]), {"name": "Chair"})
    camera = raw.post(new_asset % (project_id, camera_type[0]["id"]), {"name": unique("cam")})
    return SimpleNamespace(project=new_project, sequence=sequence, shot=shot, chair=chair, camera=camera)


def test_scenes_of_a_sequence(layout):
    project, sequence = layout.project, layout.sequence
    scene = scene_module.new_scene(project, sequence, "SC020")
    assert scene_module.new_scene(project["id"], sequence["id"], "SC020")["id"] == scene["id"]  # the server's
    first = scene_module.new_scene(project, sequence, "sc010")

    stored = scene_module.get_scene(scene["id"])
    assert (stored["name"], stored["parent_id"], stored["sequence_id"]) == ("SC020", sequence["id"], sequence["id"])
    assert scene_module.get_scene_by_name(sequence, "SC020")["id"] == scene["id"]
    assert scene_module.get_scene_by_name(sequence["id"], "SC999") is None
    assert scene_module.get_sequence_from_scene(scene)["id"] == sequence["id"]
    assert ids(scene_module.all_scenes_for_sequence(sequence)) == [first["id"], scene["id"]]
    assert ids(scene_module.all_scenes_for_project(project)) == [first["id"], scene["id"]]
    assert ids(scene_module.all_scenes(project)) == [first["id"], scene["id"]]
    # With a project, the same answer as the project's scene listing (upstream's route), key for key.
    assert scene_module.all_scenes(project) == scene_module.all_scenes_for_project(project)
    assert {first["id"], scene["id"]} <= set(ids(scene_module.all_scenes()))

    scene_module.update_scene({**stored, "description": "Kitchen", "data": {"set": "kitchen"}})
    stored = scene_module.get_scene(scene["id"])
    assert (stored["description"], stored["data"]) == ("Kitchen", {"set": "kitchen"})


def test_shots_made_from_a_scene(layout):
    scene = scene_module.new_scene(layout.project, layout.sequence, unique("SC"))
    scene_module.add_shot_to_scene(scene, layout.shot)
    assert ids(scene_module.all_shots_for_scene(scene)) == [layout.shot["id"]]
    scene_module.remove_shot_from_scene(scene["id"], layout.shot)
    assert scene_module.all_shots_for_scene(scene) == []


def test_asset_instances_of_a_scene(layout):
    scene = scene_module.new_scene(layout.project, layout.sequence, unique("SC"))
    first = scene_module.new_scene_asset_instance(scene, layout.chair)
    second = scene_module.new_scene_asset_instance(scene["id"], layout.chair["id"], description="By the door")
    camera = scene_module.new_scene_asset_instance(scene, layout.camera)
    assert (first["name"], first["number"], second["number"], second["description"]) == (
        "Chair_0001", 1, 2, "By the door")

    instances = scene_module.all_asset_instances_for_scene(scene)
    assert ids(instances[layout.chair["id"]]) == [first["id"], second["id"]]
    assert ids(instances[layout.camera["id"]]) == [camera["id"]]
    assert scene_module.all_camera_instances_for_scene(scene) == {layout.camera["id"]: [camera]}
    assert scene_module.get_asset_instance_by_name(scene, "Chair_0002")["id"] == second["id"]
    assert scene_module.get_asset_instance_by_name(scene, "Chair_0009") is None

    scene_module.update_asset_instance_name(second, "Chair_door")
    scene_module.update_asset_instance_data(second["id"], {"lod": 2})
    stored = raw.get("data/asset-instances/%s" % second["id"])
    assert (stored["name"], stored["data"]) == ("Chair_door", {"lod": 2})
    assert scene_module.get_asset_instance_by_name(scene, "Chair_door")["id"] == second["id"]
    scene_module.update_asset_instance_data(second, {})
    assert raw.get("data/asset-instances/%s" % second["id"])["data"] == {}
