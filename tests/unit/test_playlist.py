import pytest

import gazu
from gazu.exception import InvalidArgumentException, RouteNotFoundException
from tests.unit.conftest import new_id
from tests.unit.surface import Call

playlist_module = gazu.playlist
PROJECT, EPISODE, PLAYLIST, JOB, SHOT, OTHER_SHOT = (new_id() for _ in range(6))
PREVIEW, OLD_PREVIEW, TASK_TYPE, OTHER_TASK_TYPE, TOKEN = (new_id() for _ in range(5))
UNSORTED = [{"name": "b"}, {"name": "A"}]

def a_playlist(**fields):
    return {"id": PLAYLIST, "name": "Dailies", "shots": [{"entity_id": OTHER_SHOT, "preview_file_id": OLD_PREVIEW}],
            **fields}


SURFACE = [
    Call("playlist.all_playlists", (), path="data/playlists", answer=UNSORTED, returns=UNSORTED[::-1], cached=True),
    Call("playlist.all_playlists_for_project", (PROJECT,), path="data/projects/%s/playlists" % PROJECT,
         query={"page": "1"}, answer=UNSORTED, returns=UNSORTED[::-1], cached=True, bad=("project",)),
    Call("playlist.all_playlists_for_project", ({"id": PROJECT}, gazu.client.default_client, 3),
         path="data/projects/%s/playlists" % PROJECT, query={"page": "3"}, answer=[], returns=[], cached=True),
    Call("playlist.get_playlist", (PLAYLIST,), path="data/playlists/" + PLAYLIST, answer={"id": PLAYLIST},
         returns={"id": PLAYLIST}, cached=True, bad=("playlist",)),
    Call("playlist.get_playlist_by_name", ({"id": PROJECT}, "Dailies"), path="data/playlists",
         query={"project_id": PROJECT, "name": "Dailies"}, answer=[{"id": PLAYLIST}], returns={"id": PLAYLIST},
         cached=True, bad=("project",)),
    Call("playlist.get_playlist_by_name", (PROJECT, "Nothing"), path="data/playlists",
         query={"project_id": PROJECT, "name": "Nothing"}, answer=[], returns=None, cached=True),
    Call("playlist.all_shots_for_playlist", (PLAYLIST,), path="data/playlists/" + PLAYLIST,
         answer={"id": PLAYLIST, "shots": [{"entity_id": SHOT}, {"entity_id": OTHER_SHOT}]},
         returns=[{"entity_id": SHOT}, {"entity_id": OTHER_SHOT}], cached=True, bad=("playlist",)),
    Call("playlist.all_shots_for_playlist", (PLAYLIST,), path="data/playlists/" + PLAYLIST,
         answer={"id": PLAYLIST, "shots": None}, returns=[], cached=True),
    Call("playlist.get_entity_preview_files", (SHOT,), path="data/playlists/entities/%s/preview-files" % SHOT,
         answer={TASK_TYPE: [{"id": PREVIEW}]}, returns={TASK_TYPE: [{"id": PREVIEW}]}, bad=("entity",)),
    Call("playlist.build_playlist_movie", (PLAYLIST,), path="data/playlists/%s/build/mp4" % PLAYLIST,
         answer={"id": JOB, "status": "running"}, returns={"id": JOB, "status": "running"}, bad=("playlist",)),
    Call("playlist.all_build_jobs_for_project", (PROJECT,), path="data/projects/%s/build-jobs" % PROJECT,
         answer=UNSORTED, returns=UNSORTED, cached=True, bad=("project",)),
    Call("playlist.get_build_job", (PLAYLIST, {"id": JOB}), path="data/playlists/%s/jobs/%s" % (PLAYLIST, JOB),
         answer={"id": JOB}, returns={"id": JOB}, cached=True, bad=("playlist", "build_job",)),
    Call("playlist.all_share_links_for_playlist", ({"id": PLAYLIST},), path="data/playlists/%s/share" % PLAYLIST,
         answer=UNSORTED, returns=UNSORTED, bad=("playlist",)),
    Call("playlist.update_playlist", ({"id": PLAYLIST, "name": "New"},), method="PUT",
         path="data/playlists/" + PLAYLIST, body={"id": PLAYLIST, "name": "New"}, answer={"id": PLAYLIST},
         bad=("playlist",)),
    Call("playlist.generate_temp_playlist", (PROJECT, {"task_ids": [JOB]}), method="POST",
         path="data/projects/%s/playlists/temp" % PROJECT, body={"task_ids": [JOB]}, answer=[{"id": SHOT}],
         bad=("project",)),
    Call("playlist.notify_clients_playlist_ready", ({"id": PLAYLIST},), method="POST",
         path="data/playlists/%s/notify-clients" % PLAYLIST, body={}, answer={"status": "success"}, bad=("playlist",)),
    Call("playlist.new_share_link", (PLAYLIST,), method="POST", path="data/playlists/%s/share" % PLAYLIST,
         body={"can_comment": True}, answer={"token": TOKEN}, bad=("playlist",)),
    Call("playlist.new_share_link", (PLAYLIST, "2030-01-01", False, "pass"), method="POST",
         path="data/playlists/%s/share" % PLAYLIST,
         body={"can_comment": False, "expiration_date": "2030-01-01", "password": "pass"}, answer={"token": TOKEN}),
    Call("playlist.delete_playlist", ({"id": PLAYLIST},), method="DELETE", path="data/playlists/" + PLAYLIST,
         bad=("playlist",)),
    Call("playlist.remove_build_job", (PLAYLIST, JOB), method="DELETE",
         path="data/playlists/%s/jobs/%s" % (PLAYLIST, JOB), bad=("build_job",)),
    Call("playlist.remove_share_link", ({"id": PLAYLIST}, TOKEN), method="DELETE",
         path="data/playlists/%s/share/%s" % (PLAYLIST, TOKEN), bad=("playlist", ("token", ["", None]),)),
    # Tested by hand below; their bad arguments here.
    Call("playlist.all_playlists_for_episode", (EPISODE,), bad=("episode",)),
    Call("playlist.new_playlist", (PROJECT, "Dailies"), bad=("project", ("name", [None]), ("episode", ["a/b"]))),
    Call("playlist.add_entity_to_playlist", (a_playlist(), SHOT, PREVIEW),
         bad=("playlist", "entity", ("preview_file", ["a/b"]))),
    Call("playlist.add_entity_to_playlist", (PLAYLIST, SHOT, PREVIEW), {"persist": False},
         bad=(("playlist", [PLAYLIST]),)),
    Call("playlist.remove_entity_from_playlist", (a_playlist(), SHOT),
         bad=("playlist", "entity", ("playlist", [{"id": PLAYLIST, "shots": "x"}]))),
    Call("playlist.update_entity_preview", (a_playlist(), SHOT, PREVIEW), bad=("playlist", "entity", "preview_file")),
    Call("playlist.download_playlist_build", (PLAYLIST, JOB, "/tmp/x.mp4"), bad=("build_job",)),
    Call("playlist.download_playlist_zip", (PLAYLIST, "/tmp/x.zip"), bad=("playlist",)),
]
HAND_TESTED = set()


def test_all_playlists_for_episode_finds_the_project(kitsu):
    kitsu.on("GET", "data/episodes/" + EPISODE, json={"id": EPISODE, "project_id": PROJECT})
    route = "data/projects/%s/episodes/%s/playlists" % (PROJECT, EPISODE)
    kitsu.on("GET", route, json=UNSORTED)
    assert playlist_module.all_playlists_for_episode({"id": EPISODE}) == UNSORTED[::-1]
    assert kitsu.sent == [("GET", "data/episodes/" + EPISODE, {}, None), ("GET", route, {}, None)]


def test_new_playlist_creates_when_name_unknown(kitsu):
    kitsu.on("GET", "data/playlists", json=[])
    kitsu.on("POST", "data/playlists", json={"id": PLAYLIST})
    assert playlist_module.new_playlist({"id": PROJECT}, "Dailies") == {"id": PLAYLIST}
    assert kitsu.sent == [
        ("GET", "data/playlists", {"project_id": PROJECT, "name": "Dailies"}, None),
        ("POST", "data/playlists", {}, {"project_id": PROJECT, "name": "Dailies", "for_entity": "shot",
                                        "for_client": False, "is_for_all": False}),
    ]


def test_new_playlist_in_an_episode(kitsu):
    kitsu.on("GET", "data/playlists", json=[])
    kitsu.on("POST", "data/playlists", json={"id": PLAYLIST})
    playlist_module.new_playlist(PROJECT, "Client", episode=EPISODE, for_entity="asset", for_client=True,
                                 is_for_all=True)
    assert kitsu.sent == [
        ("GET", "data/playlists", {"project_id": PROJECT, "name": "Client"}, None),
        ("POST", "data/playlists", {}, {"project_id": PROJECT, "name": "Client", "episode_id": EPISODE,
                                        "for_entity": "asset", "for_client": True, "is_for_all": True}),
    ]


def test_new_playlist_returns_the_projects_playlist_of_that_name(kitsu):
    found = [{"id": new_id(), "episode_id": None}, {"id": new_id(), "episode_id": EPISODE}]
    kitsu.on("GET", "data/playlists", json=found)
    assert playlist_module.new_playlist(PROJECT, "Dailies", episode=EPISODE) == found[0]  # the first, as upstream
    assert len(kitsu.sent) == 1


def test_new_playlist_sends_its_values_as_given(kitsu):
    kitsu.on("GET", "data/playlists", json=[])
    kitsu.on("POST", "data/playlists", json={"id": PLAYLIST})
    playlist_module.new_playlist(PROJECT, "", for_entity="concept")
    assert kitsu.last == ("POST", "data/playlists", {}, {"project_id": PROJECT, "name": "", "for_entity": "concept",
                                                         "for_client": False, "is_for_all": False})


def test_update_playlist_sends_the_dict_as_it_is(kitsu):
    kitsu.on("PUT", "data/playlists/" + PLAYLIST, json={"id": PLAYLIST})
    playlist_module.update_playlist({"id": PLAYLIST, "shots": None})
    assert kitsu.last == ("PUT", "data/playlists/" + PLAYLIST, {}, {"id": PLAYLIST, "shots": None})


def test_all_shots_for_playlist_sorts_the_entries_by_name(kitsu):
    entries = [{"entity_id": SHOT, "name": "b"}, {"entity_id": OTHER_SHOT}, {"entity_id": SHOT, "name": "A"}]
    kitsu.on("GET", "data/playlists/" + PLAYLIST, json={"id": PLAYLIST, "shots": entries})
    assert playlist_module.all_shots_for_playlist(PLAYLIST) == [entries[1], entries[2], entries[0]]


@pytest.mark.parametrize("episode", [{"id": EPISODE, "project_id": PROJECT}, EPISODE])
def test_all_playlists_for_episode_reads_the_project_of_the_episode_dict(kitsu, episode):
    kitsu.on("GET", "data/episodes/" + EPISODE, json={"id": EPISODE, "project_id": PROJECT})
    route = "data/projects/%s/episodes/%s/playlists" % (PROJECT, EPISODE)
    kitsu.on("GET", route, json=[{"name": "b"}, {"name": "A"}])
    assert playlist_module.all_playlists_for_episode(episode) == [{"name": "A"}, {"name": "b"}]
    reads = [("GET", route, {}, None)]
    assert kitsu.sent == (reads if isinstance(episode, dict) else [("GET", "data/episodes/" + EPISODE, {}, None)]
                          + reads)


def test_add_entity_with_preview_asks_the_server_to_add_it(kitsu):
    playlist = a_playlist()
    route = "actions/playlists/%s/add-entity" % PLAYLIST
    kitsu.on("POST", route, json={"id": PLAYLIST, "saved": True})
    assert playlist_module.add_entity_to_playlist(playlist, {"id": SHOT}, {"id": PREVIEW}) == {
        "id": PLAYLIST, "saved": True}
    assert playlist == a_playlist()  # left as it was, as upstream
    assert kitsu.sent == [("POST", route, {}, {"entity_id": SHOT, "preview_file_id": PREVIEW})]


@pytest.mark.parametrize("previews, expected_preview", [
    ({OTHER_TASK_TYPE: [{"id": OLD_PREVIEW, "created_at": "2026-01-01T10:00:00"}],
      TASK_TYPE: [{"id": PREVIEW, "created_at": "2026-01-02T10:00:00"}, {"id": new_id()}]}, PREVIEW),
    ({OTHER_TASK_TYPE: [{"id": OLD_PREVIEW, "created_at": "2026-01-03T10:00:00"}],
      TASK_TYPE: [{"id": PREVIEW, "created_at": "2026-01-02T10:00:00"}]}, OLD_PREVIEW),
    ({OTHER_TASK_TYPE: [], TASK_TYPE: [{"id": PREVIEW}]}, PREVIEW),
    ({}, None),
])
def test_add_entity_picks_the_newest_of_the_latest_previews(kitsu, previews, expected_preview):
    kitsu.on("GET", "data/playlists/entities/%s/preview-files" % SHOT, json=previews)
    playlist = a_playlist(shots=None, task_type_id=TASK_TYPE)
    result = playlist_module.add_entity_to_playlist(playlist, SHOT, persist=False)
    entry = {"entity_id": SHOT, **({"preview_file_id": expected_preview} if expected_preview else {})}
    assert result == {**playlist, "shots": [entry]} and playlist["shots"] is None  # a copy, as upstream
    assert kitsu.sent == [("GET", "data/playlists/entities/%s/preview-files" % SHOT, {}, None)]


def test_add_entity_without_persisting_appends_even_a_present_entry(kitsu):
    playlist = {"id": PLAYLIST}
    assert playlist_module.add_entity_to_playlist(playlist, OTHER_SHOT, OLD_PREVIEW, persist=False) == {
        "id": PLAYLIST, "shots": [{"entity_id": OTHER_SHOT, "preview_file_id": OLD_PREVIEW}]}
    playlist = a_playlist()
    assert playlist_module.add_entity_to_playlist(playlist, OTHER_SHOT, OLD_PREVIEW, persist=False)["shots"] == \
        a_playlist()["shots"] * 2
    assert kitsu.sent == []


def test_remove_entity_from_playlist(kitsu):
    playlist = a_playlist(shots=[{"entity_id": SHOT}, {"entity_id": OTHER_SHOT}, {"entity_id": SHOT}])
    kitsu.on("PUT", "data/playlists/" + PLAYLIST, json={"id": PLAYLIST})
    assert playlist_module.remove_entity_from_playlist(playlist, {"id": SHOT}) is playlist  # as upstream
    assert playlist["shots"] == [{"entity_id": OTHER_SHOT}]
    assert kitsu.last == ("PUT", "data/playlists/" + PLAYLIST, {}, playlist)


def test_remove_entity_without_persisting_sends_nothing(kitsu):
    playlist = a_playlist()
    assert playlist_module.remove_entity_from_playlist(playlist, OTHER_SHOT, persist=False)["shots"] == []
    assert kitsu.sent == []


def test_update_entity_preview(kitsu):
    playlist = a_playlist(shots=[{"entity_id": SHOT}, {"entity_id": OTHER_SHOT, "preview_file_id": OLD_PREVIEW}])
    kitsu.on("PUT", "data/playlists/" + PLAYLIST, json={"id": PLAYLIST})
    assert playlist_module.update_entity_preview(playlist, OTHER_SHOT, {"id": PREVIEW}) is playlist  # as upstream
    assert playlist["shots"] == [{"entity_id": SHOT}, {"entity_id": OTHER_SHOT, "preview_file_id": PREVIEW}]
    assert kitsu.sent == [("PUT", "data/playlists/" + PLAYLIST, {}, playlist)]


@pytest.mark.parametrize("change", [
    lambda playlist: playlist_module.remove_entity_from_playlist(playlist, SHOT),
    lambda playlist: playlist_module.update_entity_preview(playlist, SHOT, PREVIEW),
])
def test_a_playlist_dict_without_its_entries_is_never_saved_empty(kitsu, change):
    """Upstream crashes with a bare KeyError; saving it with no entries would empty the playlist on the server."""
    with pytest.raises(InvalidArgumentException, match="playlist: expected a playlist dict with its 'shots'"):
        change({"id": PLAYLIST})
    assert kitsu.sent == []


@pytest.mark.parametrize("function, route", [
    (lambda path: playlist_module.download_playlist_build(PLAYLIST, {"id": JOB}, path),
     "data/playlists/%s/jobs/%s/build/mp4" % (PLAYLIST, JOB)),
    (lambda path: playlist_module.download_playlist_zip({"id": PLAYLIST}, path),
     "data/playlists/%s/download/zip" % PLAYLIST),
])
def test_downloads_write_the_file(kitsu, tmp_path, function, route):
    kitsu.on("GET", route, body=b"movie bytes")
    target = tmp_path / "out.bin"
    response = function(str(target))
    assert response.status_code == 200
    assert target.read_bytes() == b"movie bytes"
    assert kitsu.sent == [("GET", route, {}, None)]


def test_download_playlist_build_reports_progress(kitsu, tmp_path):
    route = "data/playlists/%s/jobs/%s/build/mp4" % (PLAYLIST, JOB)
    kitsu.on("GET", route, body=b"x" * 10)
    progress = []
    playlist_module.download_playlist_build(PLAYLIST, JOB, str(tmp_path / "m.mp4"),
                                            progress_callback=lambda *args: progress.append(args))
    assert progress


def test_failed_download_leaves_no_file(kitsu, tmp_path):
    kitsu.on("GET", "data/playlists/%s/download/zip" % PLAYLIST, json={"message": "no"}, status=404)
    target = tmp_path / "out.zip"
    with pytest.raises(RouteNotFoundException):
        playlist_module.download_playlist_zip(PLAYLIST, str(target))
    assert not target.exists()
