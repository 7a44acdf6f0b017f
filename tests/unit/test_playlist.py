import pytest

import gazu
from gazu.exception import InvalidArgumentException, RouteNotFoundException
from tests.unit.conftest import bad_entities, new_id

playlist_module = gazu.playlist
PROJECT, EPISODE, PLAYLIST, JOB, SHOT, OTHER_SHOT = (new_id() for _ in range(6))
PREVIEW, OLD_PREVIEW, TASK_TYPE, OTHER_TASK_TYPE, TOKEN = (new_id() for _ in range(5))
UNSORTED = [{"name": "b"}, {"name": "A"}]

# function, args, route, query, answer, expected return
READERS = [
    (playlist_module.all_playlists, (), "data/playlists", {}, UNSORTED, UNSORTED[::-1]),
    (playlist_module.all_playlists_for_project, (PROJECT,), "data/projects/%s/playlists" % PROJECT, {"page": "1"},
     UNSORTED, UNSORTED[::-1]),
    (playlist_module.all_playlists_for_project, ({"id": PROJECT}, gazu.client.default_client, 3),
     "data/projects/%s/playlists" % PROJECT, {"page": "3"}, [], []),
    (playlist_module.get_playlist, (PLAYLIST,), "data/playlists/" + PLAYLIST, {}, {"id": PLAYLIST}, {"id": PLAYLIST}),
    (playlist_module.get_playlist_by_name, ({"id": PROJECT}, "Dailies"), "data/playlists",
     {"project_id": PROJECT, "name": "Dailies"}, [{"id": PLAYLIST}], {"id": PLAYLIST}),
    (playlist_module.get_playlist_by_name, (PROJECT, "Nothing"), "data/playlists",
     {"project_id": PROJECT, "name": "Nothing"}, [], None),
    (playlist_module.all_shots_for_playlist, (PLAYLIST,), "data/playlists/" + PLAYLIST, {},
     {"id": PLAYLIST, "shots": [{"entity_id": SHOT}, {"entity_id": OTHER_SHOT}]},
     [{"entity_id": SHOT}, {"entity_id": OTHER_SHOT}]),
    (playlist_module.all_shots_for_playlist, (PLAYLIST,), "data/playlists/" + PLAYLIST, {},
     {"id": PLAYLIST, "shots": None}, []),
    (playlist_module.get_entity_preview_files, (SHOT,), "data/playlists/entities/%s/preview-files" % SHOT, {},
     {TASK_TYPE: [{"id": PREVIEW}]}, {TASK_TYPE: [{"id": PREVIEW}]}),
    (playlist_module.build_playlist_movie, (PLAYLIST,), "data/playlists/%s/build/mp4" % PLAYLIST, {},
     {"id": JOB, "status": "running"}, {"id": JOB, "status": "running"}),
    (playlist_module.all_build_jobs_for_project, (PROJECT,), "data/projects/%s/build-jobs" % PROJECT, {},
     UNSORTED, UNSORTED),
    (playlist_module.get_build_job, (PLAYLIST, {"id": JOB}), "data/playlists/%s/jobs/%s" % (PLAYLIST, JOB), {},
     {"id": JOB}, {"id": JOB}),
    (playlist_module.all_share_links_for_playlist, ({"id": PLAYLIST},), "data/playlists/%s/share" % PLAYLIST, {},
     UNSORTED, UNSORTED),
]


@pytest.mark.parametrize("function, args, route, query, answer, expected", READERS,
                         ids=[row[0].__name__ for row in READERS])
def test_readers_send_one_request_when_cached(kitsu, function, args, route, query, answer, expected):
    kitsu.on("GET", route, json=answer)
    gazu.cache.enable()
    assert function(*args) == function(*args) == expected
    assert kitsu.sent == [("GET", route, query, None)] * (1 if hasattr(function, "clear_cache") else 2)


def test_uncached_readers():
    for function in (playlist_module.get_entity_preview_files, playlist_module.build_playlist_movie,
                     playlist_module.all_share_links_for_playlist):
        assert not hasattr(function, "clear_cache")


def test_all_playlists_for_episode_finds_the_project(kitsu):
    kitsu.on("GET", "data/episodes/" + EPISODE, json={"id": EPISODE, "project_id": PROJECT})
    route = "data/projects/%s/episodes/%s/playlists" % (PROJECT, EPISODE)
    kitsu.on("GET", route, json=UNSORTED)
    assert playlist_module.all_playlists_for_episode({"id": EPISODE}) == UNSORTED[::-1]
    assert kitsu.sent == [("GET", "data/episodes/" + EPISODE, {}, None), ("GET", route, {}, None)]


# function, args, method, route, body sent, answer
WRITERS = [
    (playlist_module.update_playlist, ({"id": PLAYLIST, "name": "New"},), "PUT", "data/playlists/" + PLAYLIST,
     {"id": PLAYLIST, "name": "New"}, {"id": PLAYLIST}),
    (playlist_module.generate_temp_playlist, (PROJECT, {"task_ids": [JOB]}), "POST",
     "data/projects/%s/playlists/temp" % PROJECT, {"task_ids": [JOB]}, [{"id": SHOT}]),
    (playlist_module.notify_clients_playlist_ready, ({"id": PLAYLIST},), "POST",
     "data/playlists/%s/notify-clients" % PLAYLIST, {}, {"status": "success"}),
    (playlist_module.new_share_link, (PLAYLIST,), "POST", "data/playlists/%s/share" % PLAYLIST,
     {"can_comment": True}, {"token": TOKEN}),
    (playlist_module.new_share_link, (PLAYLIST, "2030-01-01", False, "pass"), "POST",
     "data/playlists/%s/share" % PLAYLIST,
     {"can_comment": False, "expiration_date": "2030-01-01", "password": "pass"}, {"token": TOKEN}),
]


@pytest.mark.parametrize("function, args, method, route, body, answer", WRITERS,
                         ids=[row[0].__name__ for row in WRITERS])
def test_writers(kitsu, function, args, method, route, body, answer):
    kitsu.on(method, route, json=answer)
    assert function(*args) == answer
    assert kitsu.sent == [(method, route, {}, body)]


# function, args, route
DELETERS = [
    (playlist_module.delete_playlist, ({"id": PLAYLIST},), "data/playlists/" + PLAYLIST),
    (playlist_module.remove_build_job, (PLAYLIST, JOB), "data/playlists/%s/jobs/%s" % (PLAYLIST, JOB)),
    (playlist_module.remove_share_link, ({"id": PLAYLIST}, TOKEN), "data/playlists/%s/share/%s" % (PLAYLIST, TOKEN)),
]


@pytest.mark.parametrize("function, args, route", DELETERS, ids=[row[0].__name__ for row in DELETERS])
def test_deleters(kitsu, function, args, route):
    kitsu.on("DELETE", route, body="")
    assert function(*args) == ""
    assert kitsu.sent == [("DELETE", route, {}, None)]


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


def a_playlist(**fields):
    return {"id": PLAYLIST, "name": "Dailies", "shots": [{"entity_id": OTHER_SHOT, "preview_file_id": OLD_PREVIEW}],
            **fields}


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


# call with the bad value, argument named in the error
BAD_CALLS = [
    (lambda bad: playlist_module.all_playlists_for_project(bad), "project"),
    (lambda bad: playlist_module.all_playlists_for_episode(bad), "episode"),
    (lambda bad: playlist_module.get_playlist(bad), "playlist"),
    (lambda bad: playlist_module.get_playlist_by_name(bad, "Dailies"), "project"),
    (lambda bad: playlist_module.all_shots_for_playlist(bad), "playlist"),
    (lambda bad: playlist_module.new_playlist(bad, "Dailies"), "project"),
    (lambda bad: playlist_module.update_playlist(bad), "playlist"),
    (lambda bad: playlist_module.delete_playlist(bad), "playlist"),
    (lambda bad: playlist_module.generate_temp_playlist(bad, {}), "project"),
    (lambda bad: playlist_module.notify_clients_playlist_ready(bad), "playlist"),
    (lambda bad: playlist_module.get_entity_preview_files(bad), "entity"),
    (lambda bad: playlist_module.add_entity_to_playlist(bad, SHOT, PREVIEW), "playlist"),
    (lambda bad: playlist_module.add_entity_to_playlist(a_playlist(), bad, PREVIEW), "entity"),
    (lambda bad: playlist_module.remove_entity_from_playlist(bad, SHOT), "playlist"),
    (lambda bad: playlist_module.remove_entity_from_playlist(a_playlist(), bad), "entity"),
    (lambda bad: playlist_module.update_entity_preview(bad, SHOT, PREVIEW), "playlist"),
    (lambda bad: playlist_module.update_entity_preview(a_playlist(), bad, PREVIEW), "entity"),
    (lambda bad: playlist_module.update_entity_preview(a_playlist(), SHOT, bad), "preview_file"),
    (lambda bad: playlist_module.build_playlist_movie(bad), "playlist"),
    (lambda bad: playlist_module.all_build_jobs_for_project(bad), "project"),
    (lambda bad: playlist_module.get_build_job(bad, JOB), "playlist"),
    (lambda bad: playlist_module.get_build_job(PLAYLIST, bad), "build_job"),
    (lambda bad: playlist_module.remove_build_job(PLAYLIST, bad), "build_job"),
    (lambda bad: playlist_module.download_playlist_build(PLAYLIST, bad, "/tmp/x.mp4"), "build_job"),
    (lambda bad: playlist_module.download_playlist_zip(bad, "/tmp/x.zip"), "playlist"),
    (lambda bad: playlist_module.all_share_links_for_playlist(bad), "playlist"),
    (lambda bad: playlist_module.new_share_link(bad), "playlist"),
    (lambda bad: playlist_module.remove_share_link(bad, TOKEN), "playlist"),
]


@pytest.mark.parametrize("call, name, bad", [(call, name, bad) for call, name in BAD_CALLS
                                             for bad in bad_entities(name)])
def test_bad_entities_rejected_before_any_request(kitsu, call, name, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % name):
        call(bad)
    assert kitsu.sent == []


# call, argument named in the error
BAD_VALUES = [
    (lambda: playlist_module.new_playlist(PROJECT, None), "name"),
    (lambda: playlist_module.add_entity_to_playlist(PLAYLIST, SHOT, PREVIEW, persist=False), "playlist"),
    (lambda: playlist_module.new_playlist(PROJECT, "Dailies", episode="a/b"), "episode"),
    (lambda: playlist_module.add_entity_to_playlist(a_playlist(), SHOT, "a/b"), "preview_file"),
    (lambda: playlist_module.remove_entity_from_playlist({"id": PLAYLIST, "shots": "x"}, SHOT), "playlist"),
    (lambda: playlist_module.remove_share_link(PLAYLIST, ""), "token"),
    (lambda: playlist_module.remove_share_link(PLAYLIST, None), "token"),
]


@pytest.mark.parametrize("call, name", BAD_VALUES)
def test_bad_values_rejected_before_any_request(kitsu, call, name):
    with pytest.raises(InvalidArgumentException, match="^%s:" % name):
        call()
    assert kitsu.sent == []
