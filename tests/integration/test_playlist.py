"""gazu.playlist against the sandbox Kitsu: review playlists of a project and of an episode,
their entries and the previews they show, zips, movie builds and share links.

Everything the tests need besides gazu.playlist (shots, tasks, comments, previews) is made
with raw calls (gazu.client).
"""

import base64
import zipfile
from types import SimpleNamespace

import pytest

import gazu
from gazu.exception import ParameterException, RouteNotFoundException, ServerErrorException
from tests.conftest import unique

pytestmark = pytest.mark.integration

NOT_EXERCISED = {}  # download_playlist_build is exercised on a failed build only (a playlist of pictures)

playlist_module = gazu.playlist
PNG_16PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mM4Y2xMEmIY1TCqYfhqAABHizIQlCQN8AAAAABJRU5ErkJggg==")


@pytest.fixture
def review(new_project, tmp_path):
    """A project with two shots, an animation task on each, and two picture previews on the first."""
    post, project_id = gazu.client.post, new_project["id"]
    task_type = post("data/task-types", {"name": unique("anim"), "for_entity": "Shot"})
    sequence = post("data/projects/%s/sequences" % project_id, {"name": unique("sq")})
    shots = [post("data/projects/%s/shots" % project_id, {"name": unique("sh"), "sequence_id": sequence["id"]})
             for _ in range(2)]
    tasks = post("actions/projects/%s/task-types/%s/shots/create-tasks" % (project_id, task_type["id"]),
                 [shot["id"] for shot in shots])
    task = next(task for task in tasks if task["entity_id"] == shots[0]["id"])
    picture = tmp_path / "frame.png"
    picture.write_bytes(PNG_16PX)
    previews = []
    for revision in (1, 2):
        comment = post("actions/tasks/%s/comment" % task["id"],
                       {"task_status_id": task["task_status_id"], "comment": "v%d" % revision})
        preview = post("actions/tasks/%s/comments/%s/add-preview" % (task["id"], comment["id"]), {})
        gazu.client.upload("pictures/preview-files/%s" % preview["id"], str(picture))
        previews.append(preview)
    return SimpleNamespace(project=new_project, task_type=task_type, shots=shots, task=task, previews=previews)


def test_playlists_of_a_project(new_project):
    name = unique("dailies")
    playlist = playlist_module.new_playlist(new_project, name)
    assert playlist_module.new_playlist(new_project["id"], name)["id"] == playlist["id"]
    stored = playlist_module.get_playlist(playlist["id"])
    assert (stored["name"], stored["project_id"], stored["for_entity"], stored["for_client"]) == (
        name, new_project["id"], "shot", False)
    assert playlist_module.get_playlist_by_name(new_project, name)["id"] == playlist["id"]
    assert playlist_module.get_playlist_by_name(new_project, unique("none")) is None
    assert playlist["id"] in [p["id"] for p in playlist_module.all_playlists()]
    assert [p["id"] for p in playlist_module.all_playlists_for_project(new_project)] == [playlist["id"]]
    assert playlist_module.all_playlists_for_project(new_project, page=2) == []

    assert stored["shots"] is None  # a new playlist has no entries yet…
    with pytest.raises(ParameterException):  # …and the server refuses them back as null, with upstream too
        playlist_module.update_playlist({**stored, "name": name + "-renamed"})
    playlist_module.update_playlist({**stored, "name": name + "-renamed", "shots": []})
    assert playlist_module.get_playlist(playlist)["name"] == name + "-renamed"
    playlist_module.delete_playlist(playlist)
    with pytest.raises(RouteNotFoundException):
        playlist_module.get_playlist(playlist)


def test_playlists_of_an_episode(new_project):
    episode = gazu.client.post("data/projects/%s/episodes" % new_project["id"], {"name": unique("ep")})
    name = unique("client-review")
    in_episode = playlist_module.new_playlist(new_project, name, episode=episode, for_entity="asset",
                                              for_client=True, is_for_all=True)
    stored = playlist_module.get_playlist(in_episode)
    assert (stored["episode_id"], stored["for_entity"], stored["for_client"], stored["is_for_all"]) == (
        episode["id"], "asset", True, True)
    # the project's playlist of that name is found whatever its episode, as upstream
    assert playlist_module.new_playlist(new_project, name)["id"] == in_episode["id"]
    in_project = playlist_module.new_playlist(new_project, unique("dailies"))
    assert in_project["episode_id"] is None
    assert [p["id"] for p in playlist_module.all_playlists_for_episode(episode)] == [in_episode["id"]]
    assert [p["id"] for p in playlist_module.all_playlists_for_episode(episode["id"])] == [in_episode["id"]]


def test_entries_and_the_previews_they_show(review):
    shot, other_shot = review.shots
    first, latest = review.previews
    previews = playlist_module.get_entity_preview_files(shot)
    assert [p["id"] for p in previews[review.task_type["id"]]] == [latest["id"], first["id"]]
    assert playlist_module.get_entity_preview_files(other_shot) == {}

    playlist = playlist_module.new_playlist(review.project, unique("dailies"))
    added = playlist_module.add_entity_to_playlist(playlist, shot)  # the server's answer: the playlist
    assert added["id"] == playlist["id"] and isinstance(added["shots"], list)
    entries = playlist_module.all_shots_for_playlist(playlist)
    assert [(entry["entity_id"], entry["preview_file_id"]) for entry in entries] == [(shot["id"], latest["id"])]

    playlist = playlist_module.get_playlist(playlist)
    assert playlist_module.update_entity_preview(playlist, shot["id"], first) is playlist  # changed in place
    assert playlist_module.get_playlist(playlist)["shots"][0]["preview_file_id"] == first["id"]

    playlist = playlist_module.get_playlist(playlist)
    copy = playlist_module.add_entity_to_playlist(playlist, other_shot, persist=False)
    assert len(playlist_module.all_shots_for_playlist(playlist)) == 1 and len(copy["shots"]) == 2
    playlist_module.update_playlist(copy)
    assert {e["entity_id"] for e in playlist_module.all_shots_for_playlist(playlist)} == {shot["id"], other_shot["id"]}

    playlist = playlist_module.remove_entity_from_playlist(playlist_module.get_playlist(playlist), shot)
    assert [e["entity_id"] for e in playlist_module.all_shots_for_playlist(playlist)] == [other_shot["id"]]


def test_a_temporary_playlist_of_tasks(review):
    entries = playlist_module.generate_temp_playlist(review.project, {"task_ids": [review.task["id"]]})
    assert [entry["id"] for entry in entries] == [review.shots[0]["id"]]


def test_zip_and_movie_builds(review, tmp_path):
    playlist = playlist_module.new_playlist(review.project, unique("dailies"))
    playlist_module.add_entity_to_playlist(playlist, review.shots[0])
    target = tmp_path / "review.zip"
    playlist_module.download_playlist_zip(playlist, str(target))
    assert len(zipfile.ZipFile(target).namelist()) == 1

    # Without movie previews (this playlist holds pictures) the build runs, fails and says so.
    with pytest.raises(ServerErrorException):
        playlist_module.build_playlist_movie(playlist)
    [job] = playlist_module.all_build_jobs_for_project(review.project)
    assert playlist_module.get_build_job(playlist, job) == {**job, "status": "failed"}
    with pytest.raises(ParameterException, match="not finished"):
        playlist_module.download_playlist_build(playlist, job, str(tmp_path / "review.mp4"))
    assert not (tmp_path / "review.mp4").exists()
    playlist_module.remove_build_job(playlist, job["id"])
    with pytest.raises(RouteNotFoundException):
        playlist_module.get_build_job(playlist, job)
    assert playlist_module.all_build_jobs_for_project(review.project) == []


def test_share_links_and_client_notification(new_project):
    playlist = playlist_module.new_playlist(new_project, unique("client"), for_client=True)
    link = playlist_module.new_share_link(playlist, expiration_date="2099-01-01", can_comment=False,
                                          password="guest-pass")
    assert link["can_comment"] is False
    assert [s["token"] for s in playlist_module.all_share_links_for_playlist(playlist)] == [link["token"]]
    playlist_module.remove_share_link(playlist, link["token"])
    assert playlist_module.all_share_links_for_playlist(playlist) == []
    assert playlist_module.notify_clients_playlist_ready(playlist) == {"status": "success"}
