"""gazu.shot against the sandbox Kitsu: a TV show's episodes, sequences and shots laid out,
changed, cast, imported from CSV and OTIO, exported, and removed; read back each time.

What the tests need besides gazu.shot (task types, tasks, assets, asset instances, a
feature-film project) is made with raw calls (gazu.client) or gazu.scene.
"""

from __future__ import annotations

import csv

import pytest

import gazu
from gazu import client as raw
from gazu.exception import RouteNotFoundException
from tests.conftest import unique

pytestmark = pytest.mark.integration

NOT_EXERCISED: dict[str, str] = {}

shot_module = gazu.shot


def ids(items: list[dict]) -> list[str]:
    return [item["id"] for item in items]


def names(items: list[dict]) -> list[str]:
    return [item["name"] for item in items]


@pytest.fixture
def film(admin_client):
    """A feature film: sequences and shots without episodes."""
    return raw.post("data/projects", {"name": unique("film"), "production_type": "featurefilm"})


def test_episodes_of_a_tv_show(new_project):
    name = unique("E")
    episode = shot_module.new_episode(new_project, name)
    assert shot_module.new_episode(new_project["id"], name)["id"] == episode["id"]  # found by name, not made twice
    other = shot_module.new_episode(new_project, "a-" + name)

    stored = shot_module.get_episode(episode["id"])
    assert (stored["name"], stored["project_id"]) == (name, new_project["id"])
    assert shot_module.get_episode_by_name(new_project, name)["id"] == episode["id"]
    assert shot_module.get_episode_by_name(new_project, unique("none")) is None
    first = shot_module.get_episode_by_name(new_project, "E01")  # every TV show starts with one
    assert ids(shot_module.all_episodes_for_project(new_project)) == [other["id"], episode["id"], first["id"]]

    shot_module.update_episode({**stored, "description": "The pilot", "data": {"writer": "Ann"}})
    shot_module.update_episode_data(episode, {"director": "Bo"})
    shot_module.update_episode_data(episode["id"], {"writer": "Cy"})
    stored = shot_module.get_episode(episode["id"])
    assert (stored["description"], stored["data"]) == ("The pilot", {"writer": "Cy", "director": "Bo"})

    assert shot_module.get_all_episodes_url(new_project) == "%s/productions/%s/episodes/" % (
        raw.get_api_url_from_host(), new_project["id"])
    assert shot_module.get_episode_url(episode) == "%s/productions/%s/episodes/%s/shots" % (
        raw.get_api_url_from_host(), new_project["id"], episode["id"])

    shot_module.remove_episode(other)
    assert ids(shot_module.all_episodes_for_project(new_project)) == [episode["id"], first["id"]]


def test_sequences_and_shots_of_an_episode(new_project):
    episode = shot_module.new_episode(new_project, unique("E"))
    name = unique("SQ")
    sequence = shot_module.new_sequence(new_project, name, episode=episode)
    assert shot_module.new_sequence(new_project, name, episode["id"])["id"] == sequence["id"]
    assert sequence["parent_id"] == episode["id"]
    assert shot_module.get_sequence_by_name(new_project, name, episode)["id"] == sequence["id"]
    assert shot_module.get_sequence_by_name(new_project, name)["id"] == sequence["id"]
    assert shot_module.get_sequence_by_name(new_project, unique("none"), episode) is None
    assert ids(shot_module.all_sequences_for_episode(episode)) == [sequence["id"]]
    assert ids(shot_module.all_sequences_for_project(new_project["id"])) == [sequence["id"]]
    assert shot_module.get_episode_from_sequence(shot_module.get_sequence(sequence["id"]))["id"] == episode["id"]
    # The same name in another episode is another sequence (upstream's episode_id alone, ignored by Zou,
    # found the first episode's sequence and created none).
    other_episode = shot_module.new_episode(new_project, unique("E"))
    twin = shot_module.new_sequence(new_project, name, episode=other_episode)
    assert twin["id"] != sequence["id"] and twin["parent_id"] == other_episode["id"]
    assert shot_module.get_sequence_by_name(new_project, name, other_episode)["id"] == twin["id"]
    assert shot_module.get_sequence_by_name(new_project, name, episode)["id"] == sequence["id"]

    first = shot_module.new_shot(new_project, sequence, "SH010", nb_frames=48, frame_in=101, frame_out=148,
                                 description="Wide", data={"camera": "A"})
    assert shot_module.new_shot(new_project, sequence["id"], "SH010")["id"] == first["id"]
    second = shot_module.new_shot(new_project, sequence, "sh005")
    stored = shot_module.get_shot(first["id"])
    assert (stored["name"], stored["nb_frames"], stored["description"], stored["data"]) == (
        "SH010", 48, "Wide", {"camera": "A", "frame_in": 101, "frame_out": 148})
    assert (stored["sequence_id"], stored["episode_id"]) == (sequence["id"], episode["id"])
    assert shot_module.get_shot_by_name(sequence, "SH010")["id"] == first["id"]
    assert shot_module.get_shot_by_name(sequence["id"], "SH999") is None
    assert names(shot_module.all_shots_for_sequence(sequence)) == ["sh005", "SH010"]  # case-insensitive
    assert ids(shot_module.all_shots_for_episode(episode)) == [second["id"], first["id"]]
    assert ids(shot_module.all_shots_for_project(new_project)) == [second["id"], first["id"]]
    assert shot_module.get_sequence_from_shot(first)["id"] == sequence["id"]
    assert shot_module.get_sequence_from_shot(first["id"])["id"] == sequence["id"]  # the shot read for its parent
    assert shot_module.all_previews_for_shot(first) in ({}, [])

    web = "%s/productions/%s/episodes/%s" % (raw.get_api_url_from_host(), new_project["id"], episode["id"])
    assert shot_module.get_sequence_url(sequence) == "%s/sequences/%s/" % (web, sequence["id"])
    assert shot_module.get_shot_url(first["id"]) == "%s/shots/%s/" % (web, first["id"])

    shot_module.update_sequence({**shot_module.get_sequence(sequence["id"]), "description": "Opening"})
    shot_module.update_sequence_data(sequence, {"mood": "dark"})
    stored_sequence = shot_module.get_sequence(sequence["id"])
    assert (stored_sequence["description"], stored_sequence["data"]) == ("Opening", {"mood": "dark"})

    shot_module.update_shot({"id": first["id"], "nb_frames": 50, "description": "Wider"})
    shot_module.update_shot_data(first, {"frame_out": 150, "lens": 35})
    stored = shot_module.get_shot(first["id"])
    assert (stored["nb_frames"], stored["description"], stored["data"]) == (
        50, "Wider", {"camera": "A", "frame_in": 101, "frame_out": 150, "lens": 35})


def test_shots_of_a_feature_film(film):
    sequence = shot_module.new_sequence(film, unique("SQ"))
    assert sequence["parent_id"] is None
    assert shot_module.get_episode_from_sequence(sequence) is None
    shot = shot_module.new_shot(film, sequence, "SH010")
    web = "%s/productions/%s" % (raw.get_api_url_from_host(), film["id"])
    assert shot_module.get_shot_url(shot) == "%s/shots/%s/" % (web, shot["id"])
    assert shot_module.get_sequence_url(sequence) == "%s/sequences/%s/" % (web, sequence["id"])
    assert shot_module.get_all_sequences_url(film) == web + "/sequences/"


def test_removing_and_restoring_shots(new_project):
    episode = shot_module.new_episode(new_project, unique("E"))
    sequence = shot_module.new_sequence(new_project, unique("SQ"), episode)
    bare = shot_module.new_shot(new_project, sequence, "SH010")
    worked = shot_module.new_shot(new_project, sequence, "SH020")
    task_type = raw.post("data/task-types", {"name": unique("Anim"), "for_entity": "Shot"})
    raw.post("actions/projects/%s/task-types/%s/shots/create-tasks" % (new_project["id"], task_type["id"]),
             [worked["id"]])

    shot_module.remove_shot(bare)  # no tasks: deleted for good
    with pytest.raises(RouteNotFoundException):
        shot_module.get_shot(bare["id"])
    shot_module.remove_shot(worked)  # has tasks: only canceled
    assert shot_module.get_shot(worked["id"])["canceled"] is True
    assert shot_module.restore_shot(worked)["canceled"] is False
    assert shot_module.get_shot(worked["id"])["canceled"] is False
    shot_module.remove_shot(worked["id"], force=True)
    with pytest.raises(RouteNotFoundException):
        shot_module.get_shot(worked["id"])

    shot_module.remove_sequence(sequence, force=True)
    with pytest.raises(RouteNotFoundException):
        shot_module.get_sequence(sequence["id"])
    shot_module.remove_episode(episode["id"], force=True)
    assert shot_module.get_episode_by_name(new_project, episode["name"]) is None


def test_asset_instances_cast_in_a_shot(new_project):
    episode = shot_module.new_episode(new_project, unique("E"))
    sequence = shot_module.new_sequence(new_project, unique("SQ"), episode)
    shot = shot_module.new_shot(new_project, sequence, "SH010")
    asset_type = raw.post("data/entity-types", {"name": unique("Props")})
    asset = raw.post("data/projects/%s/asset-types/%s/assets/new" % (new_project["id"], asset_type["id"]),
                     {"name": unique("chair")})
    scene = gazu.scene.new_scene(new_project, sequence, unique("SC"))
    instance = gazu.scene.new_scene_asset_instance(scene, asset)

    assert shot_module.add_asset_instance_to_shot(shot, instance)["id"] == shot["id"]
    assert ids(shot_module.all_asset_instances_for_shot(shot)[asset["id"]]) == [instance["id"]]
    assert ids(shot_module.get_asset_instances_for_shot(shot["id"])[asset["id"]]) == [instance["id"]]
    shot_module.remove_asset_instance_from_shot(shot, instance["id"])
    assert shot_module.all_asset_instances_for_shot(shot) == {}


def _exported_rows(path) -> list[dict]:
    return list(csv.DictReader(path.read_text().splitlines(), delimiter=";"))  # Kitsu's CSV uses semicolons


def test_shots_round_trip_through_csv(new_project, tmp_path):
    source = tmp_path / "shots.csv"
    with open(source, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Episode", "Sequence", "Name", "Description", "Frames", "Frame In", "Frame Out"])
        writer.writerow(["E01", "SQ01", "SH010", "Wide", "48", "1", "48"])
        writer.writerow(["E01", "SQ01", "SH020", "Close", "24", "49", "72"])
    imported = shot_module.import_shots_with_csv(new_project, str(source))
    assert sorted(names(imported)) == ["SH010", "SH020"]
    episode = shot_module.get_episode_by_name(new_project, "E01")
    sequence = shot_module.get_sequence_by_name(new_project, "SQ01", episode)
    stored = shot_module.get_shot_by_name(sequence, "SH020")
    assert (stored["description"], stored["nb_frames"], stored["data"]["frame_in"], stored["data"]["frame_out"]) == (
        "Close", 24, 49, 72)

    target = tmp_path / "export.csv"
    response = shot_module.export_shots_with_csv(new_project, str(target), episode=episode)
    assert response.status_code == 200
    rows = _exported_rows(target)
    assert [(row["Episode"], row["Sequence"], row["Name"], row["Frames"]) for row in rows] == [
        ("E01", "SQ01", "SH010", "48"), ("E01", "SQ01", "SH020", "24")]
    person = raw.get_current_user()
    shot_module.export_shots_with_csv(new_project["id"], str(target), assigned_to=person)
    assert _exported_rows(target) == []  # no task is assigned to the administrator


EDL = """TITLE: cut
FCM: NON-DROP FRAME

001  AX       V     C        00:00:00:00 00:00:02:00 00:00:00:00 00:00:02:00
* FROM CLIP NAME: SQ01-SH010

002  AX       V     C        00:00:00:00 00:00:01:00 00:00:02:00 00:00:03:00
* FROM CLIP NAME: SQ01-SH020
"""


def test_shots_from_an_edit_timeline(new_project, tmp_path):
    episode = shot_module.new_episode(new_project, unique("E"))
    timeline = tmp_path / "cut.edl"
    timeline.write_text(EDL)
    result = shot_module.import_otio(new_project, str(timeline), episode=episode,
                                     naming_convention="${sequence_name}-${shot_name}")
    assert (sorted(names(result["created_shots"])), result["updated_shots"]) == (["SH010", "SH020"], [])
    sequence = shot_module.get_sequence_by_name(new_project, "SQ01", episode)
    stored = shot_module.get_shot_by_name(sequence, "SH020")
    assert (stored["nb_frames"], stored["data"]["frame_in"], stored["data"]["frame_out"]) == (25, 50, 74)

    progress = []
    again = shot_module.import_otio(new_project["id"], str(timeline), episode["id"],
                                    "${sequence_name}-${shot_name}", False,
                                    progress_callback=lambda sent, total: progress.append((sent, total)))
    assert (again["created_shots"], sorted(names(again["updated_shots"]))) == ([], ["SH010", "SH020"])
    assert progress[-1][0] == progress[-1][1]
