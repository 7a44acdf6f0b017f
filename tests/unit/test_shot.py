import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.unit.conftest import HOST, body_bytes, new_id

PROJECT = new_id()
EPISODE = new_id()
SEQUENCE = new_id()
SHOT = new_id()
INSTANCE = new_id()
PERSON = new_id()
UNSORTED = [{"name": "b"}, {"name": "A"}, {"name": "c"}]
WEB = HOST[: -len("/api")]

# (function, positional arguments, path of the one GET it sends): lists sorted by name
LIST_READS = [
    ("all_episodes_for_project", (PROJECT,), "data/projects/%s/episodes" % PROJECT),
    ("all_sequences_for_project", ({"id": PROJECT},), "data/projects/%s/sequences" % PROJECT),
    ("all_sequences_for_episode", (EPISODE,), "data/episodes/%s/sequences" % EPISODE),
    ("all_shots_for_project", (PROJECT,), "data/projects/%s/shots" % PROJECT),
    ("all_shots_for_episode", ({"id": EPISODE},), "data/episodes/%s/shots" % EPISODE),
    ("all_shots_for_sequence", (SEQUENCE,), "data/sequences/%s/shots" % SEQUENCE),
]

# (function, positional arguments, path of the one GET it sends): answer returned as is
ONE_READS = [
    ("get_episode", (EPISODE,), "data/episodes/%s" % EPISODE),
    ("get_sequence", (SEQUENCE,), "data/sequences/%s" % SEQUENCE),
    ("get_shot", (SHOT,), "data/shots/%s" % SHOT),
    ("all_previews_for_shot", ({"id": SHOT},), "data/shots/%s/preview-files" % SHOT),
    ("get_asset_instances_for_shot", (SHOT,), "data/shots/%s/asset-instances" % SHOT),
    ("all_asset_instances_for_shot", (SHOT,), "data/shots/%s/asset-instances" % SHOT),
]

# (function, positional arguments, path, query): the first match, or None
BY_NAME = [
    ("get_episode_by_name", (PROJECT, "E01"), "data/episodes", {"project_id": PROJECT, "name": "E01"}),
    ("get_sequence_by_name", ({"id": PROJECT}, "SQ01"), "data/sequences", {"project_id": PROJECT, "name": "SQ01"}),
    ("get_sequence_by_name", (PROJECT, "SQ01", {"id": EPISODE}), "data/sequences",
     {"project_id": PROJECT, "name": "SQ01", "episode_id": EPISODE, "parent_id": EPISODE}),
    ("get_shot_by_name", (SEQUENCE, "SH010"), "data/shots/all", {"sequence_id": SEQUENCE, "name": "SH010"}),
]

# (function, entity argument name, GET route of the fresh read)
ENTITY_KINDS = [
    ("episode", "data/episodes/%s"),
    ("sequence", "data/sequences/%s"),
    ("shot", "data/shots/%s"),
]

# (function, positional arguments, method, path, JSON body sent)
WRITES = [
    ("restore_shot", (SHOT,), "PUT", "data/shots/%s" % SHOT, {"canceled": False}),
    ("add_asset_instance_to_shot", ({"id": SHOT}, INSTANCE), "POST", "data/shots/%s/asset-instances" % SHOT,
     {"asset_instance_id": INSTANCE}),
    ("remove_asset_instance_from_shot", (SHOT, {"id": INSTANCE}), "DELETE",
     "data/shots/%s/asset-instances/%s" % (SHOT, INSTANCE), None),
]

CACHED = [row[:3] for row in LIST_READS + ONE_READS if row[0] != "all_asset_instances_for_shot"] + [
    (row[0], row[1], row[2]) for row in BY_NAME]


@pytest.mark.parametrize("name, args, path", LIST_READS, ids=[row[0] for row in LIST_READS])
def test_list_reads_are_sorted_by_name(kitsu, name, args, path):
    kitsu.on("GET", path, json=UNSORTED)
    assert [item["name"] for item in getattr(gazu.shot, name)(*args)] == ["A", "b", "c"]
    assert kitsu.sent == [("GET", path, {}, None)]


@pytest.mark.parametrize("name, args, path", ONE_READS, ids=[row[0] for row in ONE_READS])
def test_one_reads(kitsu, name, args, path):
    answer = {"id": SHOT, "name": "kept as the server sent it"}
    kitsu.on("GET", path, json=answer)
    assert getattr(gazu.shot, name)(*args) == answer
    assert kitsu.sent == [("GET", path, {}, None)]


@pytest.mark.parametrize("name, args, path, query", BY_NAME, ids=[row[0] for row in BY_NAME])
def test_by_name(kitsu, name, args, path, query):
    kitsu.on("GET", path, json=[{"id": SHOT}, {"id": INSTANCE}])
    kitsu.on("GET", path, json=[])
    assert getattr(gazu.shot, name)(*args) == {"id": SHOT}
    assert getattr(gazu.shot, name)(*args) is None
    assert kitsu.sent == [("GET", path, query, None)] * 2


@pytest.mark.parametrize("name, args, path", CACHED, ids=[row[0] for row in CACHED])
def test_reads_are_cached(kitsu, name, args, path):
    kitsu.on("GET", path, json=[{"id": SHOT, "name": "x"}])
    gazu.cache.enable()
    function = getattr(gazu.shot, name)
    assert function(*args) == function(*args)
    assert len(kitsu.sent) == 1


def test_all_asset_instances_for_shot_is_never_cached(kitsu):
    kitsu.on("GET", "data/shots/%s/asset-instances" % SHOT, json={})
    gazu.cache.enable()
    gazu.shot.all_asset_instances_for_shot(SHOT)
    gazu.shot.all_asset_instances_for_shot(SHOT)
    assert len(kitsu.sent) == 2


def test_get_episode_from_sequence_reads_its_parent(kitsu):
    kitsu.on("GET", "data/episodes/" + EPISODE, json={"id": EPISODE})
    assert gazu.shot.get_episode_from_sequence({"id": SEQUENCE, "parent_id": EPISODE}) == {"id": EPISODE}
    assert gazu.shot.get_episode_from_sequence({"id": SEQUENCE, "parent_id": None}) is None
    assert kitsu.sent == [("GET", "data/episodes/" + EPISODE, {}, None)]
    for bad in (SEQUENCE, {"id": SEQUENCE}):
        with pytest.raises(InvalidArgumentException, match="^sequence: expected a sequence dict with its 'parent_id'"):
            gazu.shot.get_episode_from_sequence(bad)
    assert len(kitsu.sent) == 1


@pytest.mark.parametrize("shot", [SHOT, {"id": SHOT}])
def test_get_sequence_from_shot_reads_the_shot_then_its_sequence(kitsu, shot):
    kitsu.on("GET", "data/shots/" + SHOT, json={"id": SHOT, "parent_id": SEQUENCE})
    kitsu.on("GET", "data/sequences/" + SEQUENCE, json={"id": SEQUENCE})
    assert gazu.shot.get_sequence_from_shot(shot) == {"id": SEQUENCE}
    assert kitsu.sent == [("GET", "data/shots/" + SHOT, {}, None), ("GET", "data/sequences/" + SEQUENCE, {}, None)]


# Creation: look up by name first, create only when nothing has that name -------------

# (function, positional arguments, look-up path and query, creation path and body)
CREATES = [
    ("new_episode", (PROJECT, "E01"), "data/episodes", {"project_id": PROJECT, "name": "E01"},
     "data/projects/%s/episodes" % PROJECT, {"name": "E01"}),
    ("new_sequence", ({"id": PROJECT}, "SQ01"), "data/sequences", {"project_id": PROJECT, "name": "SQ01"},
     "data/projects/%s/sequences" % PROJECT, {"name": "SQ01"}),
    ("new_sequence", (PROJECT, "SQ01", EPISODE), "data/sequences",
     {"project_id": PROJECT, "name": "SQ01", "episode_id": EPISODE, "parent_id": EPISODE},
     "data/projects/%s/sequences" % PROJECT, {"name": "SQ01", "episode_id": EPISODE}),
    ("new_shot", (PROJECT, SEQUENCE, "SH010"), "data/shots/all", {"sequence_id": SEQUENCE, "name": "SH010"},
     "data/projects/%s/shots" % PROJECT, {"name": "SH010", "sequence_id": SEQUENCE, "data": {}}),
    ("new_shot", (PROJECT, {"id": SEQUENCE}, "SH010", 48, 101, 148, "A wide shot", {"camera": "A"}),
     "data/shots/all", {"sequence_id": SEQUENCE, "name": "SH010"}, "data/projects/%s/shots" % PROJECT,
     {"name": "SH010", "sequence_id": SEQUENCE, "nb_frames": 48, "description": "A wide shot",
      "data": {"camera": "A", "frame_in": 101, "frame_out": 148}}),
]


@pytest.mark.parametrize("name, args, find_path, find_query, create_path, body", CREATES,
                         ids=[row[0] for row in CREATES])
def test_creation_posts_when_the_name_is_free(kitsu, name, args, find_path, find_query, create_path, body):
    kitsu.on("GET", find_path, json=[])
    kitsu.on("POST", create_path, json={"id": SHOT}, status=201)
    assert getattr(gazu.shot, name)(*args) == {"id": SHOT}
    assert kitsu.sent == [("GET", find_path, find_query, None), ("POST", create_path, {}, body)]


@pytest.mark.parametrize("name, args, find_path, find_query, create_path, body", CREATES,
                         ids=[row[0] for row in CREATES])
def test_creation_returns_what_has_the_name(kitsu, name, args, find_path, find_query, create_path, body):
    kitsu.on("GET", find_path, json=[{"id": SHOT, "name": "existing"}])
    assert getattr(gazu.shot, name)(*args) == {"id": SHOT, "name": "existing"}
    assert kitsu.sent == [("GET", find_path, find_query, None)]


def test_new_shot_leaves_the_callers_data_alone(kitsu):
    kitsu.on("GET", "data/shots/all", json=[])
    kitsu.on("POST", "data/projects/%s/shots" % PROJECT, json={"id": SHOT}, status=201)
    data = {"camera": "A"}
    gazu.shot.new_shot(PROJECT, SEQUENCE, "SH010", frame_in=1, data=data)
    assert data == {"camera": "A"} and kitsu.last[3]["data"] == {"camera": "A", "frame_in": 1}


# Updates and removals -----------------------------------------------------------------


@pytest.mark.parametrize("kind, read_route", ENTITY_KINDS)
def test_update_sends_the_whole_dict_to_the_entity_route(kitsu, kind, read_route):
    entity = {"id": SHOT, "name": "renamed", "data": {"k": 1}}
    kitsu.on("PUT", "data/entities/" + SHOT, json=entity)
    assert getattr(gazu.shot, "update_" + kind)(entity) == entity
    assert kitsu.sent == [("PUT", "data/entities/" + SHOT, {}, entity)]


@pytest.mark.parametrize("kind, read_route", ENTITY_KINDS)
def test_update_data_merges_into_a_fresh_read(kitsu, kind, read_route):
    kitsu.on("GET", read_route % SHOT, json={"id": SHOT, "name": "x", "data": {"kept": 1, "changed": 1}})
    kitsu.on("PUT", "data/entities/" + SHOT, json={"id": SHOT})
    gazu.cache.enable()
    update_data = getattr(gazu.shot, "update_%s_data" % kind)
    assert update_data({"id": SHOT}, {"changed": 2, "new": 3}) == {"id": SHOT}
    update_data(SHOT)
    merged = {"id": SHOT, "data": {"kept": 1, "changed": 2, "new": 3}}
    assert kitsu.sent[:2] == [("GET", read_route % SHOT, {}, None), ("PUT", "data/entities/" + SHOT, {}, merged)]
    assert kitsu.sent[2:] == [("GET", read_route % SHOT, {}, None),
                              ("PUT", "data/entities/" + SHOT, {}, {"id": SHOT, "data": {"kept": 1, "changed": 1}})]


@pytest.mark.parametrize("kind, read_route", ENTITY_KINDS)
def test_update_data_rejects_bad_data_before_any_request(kitsu, kind, read_route):
    with pytest.raises(InvalidArgumentException, match="^data: expected a dict"):
        getattr(gazu.shot, "update_%s_data" % kind)(SHOT, ["not", "a", "dict"])
    with pytest.raises(InvalidArgumentException, match="^%s:" % kind):
        getattr(gazu.shot, "update_" + kind)(SHOT)
    assert kitsu.sent == []


@pytest.mark.parametrize("kind, read_route", ENTITY_KINDS)
@pytest.mark.parametrize("force, query", [(False, {}), (True, {"force": "True"})])
def test_remove(kitsu, kind, read_route, force, query):
    kitsu.on("DELETE", read_route % SHOT, body="")
    assert getattr(gazu.shot, "remove_" + kind)({"id": SHOT}, force=force) == ""
    assert kitsu.sent == [("DELETE", read_route % SHOT, query, None)]


@pytest.mark.parametrize("name, args, method, path, body", WRITES, ids=[row[0] for row in WRITES])
def test_writes(kitsu, name, args, method, path, body):
    kitsu.on(method, path, json={"id": SHOT})
    result = getattr(gazu.shot, name)(*args)
    assert kitsu.sent == [(method, path, {}, body)]
    assert result == ('{"id": "%s"}' % SHOT if method == "DELETE" else {"id": SHOT})


# Import and export --------------------------------------------------------------------


def _multipart(kitsu) -> bytes:
    request = kitsu.mock.calls[-1].request
    assert request.headers["Content-Type"].startswith("multipart/form-data")
    return body_bytes(request)


def test_import_shots_with_csv(kitsu, tmp_path):
    source = tmp_path / "shots.csv"
    source.write_text("Sequence,Name\nSQ01,SH010\n")
    kitsu.on("POST", "import/csv/projects/%s/shots" % PROJECT, json=[{"id": SHOT}], status=201)
    progress = []
    assert gazu.shot.import_shots_with_csv(PROJECT, str(source), progress_callback=lambda *a: progress.append(a)) \
        == [{"id": SHOT}]
    assert b'name="file"; filename="shots.csv"' in _multipart(kitsu) and progress[-1][0] == progress[-1][1]


@pytest.mark.parametrize("args, path, form", [  # upstream's default naming convention when none is given
    ((PROJECT,), "import/otio/projects/%s" % PROJECT,
     [b'name="naming_convention"\r\n\r\n${project_name}_${sequence_name}-${shot_name}\r\n',
      b'name="match_case"\r\n\r\nTrue']),
    ((PROJECT, EPISODE), "import/otio/projects/%s/episodes/%s" % (PROJECT, EPISODE),
     [b'name="naming_convention"\r\n\r\n${project_name}_${episode_name}-${sequence_name}-${shot_name}\r\n']),
    ((PROJECT, {"id": EPISODE}, "${sequence_name}_${shot_name}", False),
     "import/otio/projects/%s/episodes/%s" % (PROJECT, EPISODE),
     [b'name="match_case"\r\n\r\nFalse', b'name="naming_convention"\r\n\r\n${sequence_name}_${shot_name}\r\n']),
])
def test_import_otio(kitsu, tmp_path, args, path, form):
    source = tmp_path / "cut.edl"
    source.write_text("TITLE: cut\n")
    answer = {"created_shots": [{"id": SHOT}], "updated_shots": []}
    kitsu.on("POST", path, json=answer, status=201)
    assert gazu.shot.import_otio(args[0], str(source), *args[1:]) == answer
    body = _multipart(kitsu)
    assert b'filename="cut.edl"' in body and all(part in body for part in form)


@pytest.mark.parametrize("args, query", [
    ((), {}),
    (({"id": EPISODE}, PERSON), {"episode_id": EPISODE, "assigned_to": PERSON}),
])
def test_export_shots_with_csv(kitsu, tmp_path, args, query):
    target = tmp_path / "shots.csv"
    kitsu.on("GET", "export/csv/projects/%s/shots.csv" % PROJECT, body="Name\nSH010\n")
    response = gazu.shot.export_shots_with_csv({"id": PROJECT}, str(target), *args)
    assert response.status_code == 200 and target.read_text() == "Name\nSH010\n"
    assert kitsu.sent == [("GET", "export/csv/projects/%s/shots.csv" % PROJECT, query, None)]


# Kitsu web addresses ------------------------------------------------------------------


@pytest.mark.parametrize("name, url", [
    ("get_all_episodes_url", WEB + "/productions/%s/episodes/" % PROJECT),
    ("get_all_sequences_url", WEB + "/productions/%s/sequences/" % PROJECT),
])
def test_project_urls_need_no_request(kitsu, name, url):
    assert getattr(gazu.shot, name)(PROJECT) == url
    assert getattr(gazu.shot, name)({"id": PROJECT}) == url
    assert kitsu.sent == []


@pytest.mark.parametrize("name, path, answer, url", [
    ("get_episode_url", "data/episodes/" + EPISODE, {"id": EPISODE, "project_id": PROJECT},
     "/productions/%s/episodes/%s/shots" % (PROJECT, EPISODE)),
    ("get_sequence_url", "data/sequences/" + EPISODE, {"id": EPISODE, "project_id": PROJECT, "parent_id": None},
     "/productions/%s/sequences/%s/" % (PROJECT, EPISODE)),
    ("get_sequence_url", "data/sequences/" + EPISODE, {"id": EPISODE, "project_id": PROJECT, "parent_id": SHOT},
     "/productions/%s/episodes/%s/sequences/%s/" % (PROJECT, SHOT, EPISODE)),
    ("get_shot_url", "data/shots/" + EPISODE, {"id": EPISODE, "project_id": PROJECT, "episode_id": None},
     "/productions/%s/shots/%s/" % (PROJECT, EPISODE)),
    ("get_shot_url", "data/shots/" + EPISODE, {"id": EPISODE, "project_id": PROJECT, "episode_id": SHOT},
     "/productions/%s/episodes/%s/shots/%s/" % (PROJECT, SHOT, EPISODE)),
])
def test_entity_urls_read_the_entity(kitsu, name, path, answer, url):
    kitsu.on("GET", path, json=answer)
    gazu.cache.enable()
    assert getattr(gazu.shot, name)({"id": EPISODE}) == WEB + url
    assert getattr(gazu.shot, name)(EPISODE) == WEB + url
    assert kitsu.sent == [("GET", path, {}, None)]


# Bad arguments ------------------------------------------------------------------------

IDS = [None, "", "a/b", {"name": "x"}, 42]

# (call taking the bad value, the argument it is passed as, bad values)
BAD_ARGUMENTS = [
    (lambda bad: gazu.shot.all_shots_for_sequence(bad), "sequence", IDS),
    (lambda bad: gazu.shot.get_shot(bad), "shot_id", IDS),
    (lambda bad: gazu.shot.get_episode_by_name(bad, "E01"), "project", IDS),
    (lambda bad: gazu.shot.get_sequence_by_name(PROJECT, "SQ01", bad), "episode", IDS[1:]),
    (lambda bad: gazu.shot.new_shot(PROJECT, bad, "SH010"), "sequence", IDS),
    (lambda bad: gazu.shot.new_shot(bad, SEQUENCE, "SH010"), "project", IDS),
    (lambda bad: gazu.shot.update_shot_data(bad, {}), "shot", IDS),
    (lambda bad: gazu.shot.remove_episode(bad), "episode", IDS),
    (lambda bad: gazu.shot.restore_shot(bad), "shot", IDS),
    (lambda bad: gazu.shot.add_asset_instance_to_shot(SHOT, bad), "asset_instance", IDS),
    (lambda bad: gazu.shot.get_sequence_from_shot(bad), "shot", IDS),
    (lambda bad: gazu.shot.get_shot_url(bad), "shot", IDS),
    (lambda bad: gazu.shot.get_all_episodes_url(bad), "project", IDS),
    (lambda bad: gazu.shot.import_shots_with_csv(bad, "/tmp/x.csv"), "project", IDS),
    (lambda bad: gazu.shot.import_otio(PROJECT, "/tmp/x.edl", bad), "episode", IDS[1:]),
    (lambda bad: gazu.shot.export_shots_with_csv(PROJECT, "/tmp/x.csv", assigned_to=bad), "assigned_to", IDS[1:]),
    (lambda bad: gazu.shot.new_shot(PROJECT, SEQUENCE, "SH010", data=bad), "data", ["frames", 12]),
    (lambda bad: gazu.shot.import_shots_with_csv(PROJECT, bad), "csv_file_path", [None, ""]),
    (lambda bad: gazu.shot.import_otio(PROJECT, bad), "otio_file_path", [None, ""]),
    (lambda bad: gazu.shot.export_shots_with_csv(PROJECT, bad), "csv_file_path", [None, ""]),
]


@pytest.mark.parametrize("call, argument, bad", [(call, argument, bad) for call, argument, values in BAD_ARGUMENTS
                                                 for bad in values])
def test_bad_arguments_rejected_before_any_request(kitsu, call, argument, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        call(bad)
    assert kitsu.sent == []


# Names and dicts as upstream takes them --------------------------------------------------


@pytest.mark.parametrize("name, sent", [("", ""), (None, "None")])
def test_look_ups_by_name_send_the_name_as_upstream(kitsu, name, sent):
    for path in ("data/episodes", "data/sequences", "data/shots/all"):
        kitsu.on("GET", path, json=[])
    assert gazu.shot.get_episode_by_name(PROJECT, name) is None
    assert gazu.shot.get_sequence_by_name(PROJECT, name) is None
    assert gazu.shot.get_shot_by_name(SEQUENCE, name) is None
    assert kitsu.sent == [("GET", "data/episodes", {"project_id": PROJECT, "name": sent}, None),
                          ("GET", "data/sequences", {"project_id": PROJECT, "name": sent}, None),
                          ("GET", "data/shots/all", {"sequence_id": SEQUENCE, "name": sent}, None)]


def test_creations_send_an_empty_name_as_given(kitsu):
    for path in ("data/episodes", "data/sequences", "data/shots/all"):
        kitsu.on("GET", path, json=[])
    for path in ("episodes", "sequences", "shots"):
        kitsu.on("POST", "data/projects/%s/%s" % (PROJECT, path), json={"id": SHOT})
    gazu.shot.new_episode(PROJECT, "")
    gazu.shot.new_sequence(PROJECT, "")
    gazu.shot.new_shot(PROJECT, SEQUENCE, "")
    assert [request[3]["name"] for request in kitsu.sent if request[0] == "POST"] == ["", "", ""]


def test_sequence_from_shot_reads_the_parent_id_of_the_dict_given(kitsu):
    kitsu.on("GET", "data/sequences/%s" % SEQUENCE, json={"id": SEQUENCE})
    assert gazu.shot.get_sequence_from_shot({"id": SHOT, "parent_id": SEQUENCE}) == {"id": SEQUENCE}
    assert kitsu.sent == [("GET", "data/sequences/%s" % SEQUENCE, {}, None)]


@pytest.mark.parametrize("shot", [SHOT, {"id": SHOT}])
def test_sequence_from_shot_reads_the_shot_without_a_parent_id(kitsu, shot):
    kitsu.on("GET", "data/shots/%s" % SHOT, json={"id": SHOT, "parent_id": SEQUENCE})
    kitsu.on("GET", "data/sequences/%s" % SEQUENCE, json={"id": SEQUENCE})
    assert gazu.shot.get_sequence_from_shot(shot) == {"id": SEQUENCE}
    assert [request[1] for request in kitsu.sent] == ["data/shots/%s" % SHOT, "data/sequences/%s" % SEQUENCE]


def test_asset_instance_listings_answer_as_the_server_does(kitsu):
    kitsu.on("GET", "data/shots/%s/asset-instances" % SHOT, json={})
    assert gazu.shot.all_asset_instances_for_shot(SHOT) == {}
    assert gazu.shot.get_asset_instances_for_shot({"id": SHOT}) == {}
