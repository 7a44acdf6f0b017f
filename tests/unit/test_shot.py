import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.unit.conftest import HOST, body_bytes, new_id
from tests.unit.surface import Call

PROJECT = new_id()
EPISODE = new_id()
SEQUENCE = new_id()
SHOT = new_id()
INSTANCE = new_id()
PERSON = new_id()
WEB = HOST[: -len("/api")]
ENTITY = {"id": SHOT, "name": "renamed", "data": {"k": 1}}
# (kind, GET route of the fresh read)
ENTITY_KINDS = [
    ("episode", "data/episodes/%s"),
    ("sequence", "data/sequences/%s"),
    ("shot", "data/shots/%s"),
]


def read(name, args, path, sorts=False, cached=True, bad=()):
    return Call("shot." + name, args, path=path, sorts=sorts, cached=cached, bad=bad)


def by_name(name, args, query, path, bad=()):
    return Call("shot." + name, args, path=path, query=query, first=True, cached=True, bad=bad)


SURFACE = [
    read("all_episodes_for_project", (PROJECT,), "data/projects/%s/episodes" % PROJECT, True),
    read("all_sequences_for_project", ({"id": PROJECT},), "data/projects/%s/sequences" % PROJECT, True),
    read("all_sequences_for_episode", (EPISODE,), "data/episodes/%s/sequences" % EPISODE, True),
    read("all_shots_for_project", (PROJECT,), "data/projects/%s/shots" % PROJECT, True),
    read("all_shots_for_episode", ({"id": EPISODE},), "data/episodes/%s/shots" % EPISODE, True),
    read("all_shots_for_sequence", (SEQUENCE,), "data/sequences/%s/shots" % SEQUENCE, True, bad=("sequence",)),
    read("get_episode", (EPISODE,), "data/episodes/%s" % EPISODE),
    read("get_sequence", (SEQUENCE,), "data/sequences/%s" % SEQUENCE),
    read("get_shot", (SHOT,), "data/shots/%s" % SHOT, bad=("shot_id",)),
    read("all_previews_for_shot", ({"id": SHOT},), "data/shots/%s/preview-files" % SHOT),
    read("get_asset_instances_for_shot", (SHOT,), "data/shots/%s/asset-instances" % SHOT),
    read("all_asset_instances_for_shot", (SHOT,), "data/shots/%s/asset-instances" % SHOT, cached=False),
    by_name("get_episode_by_name", (PROJECT, "E01"), {"project_id": PROJECT, "name": "E01"}, "data/episodes",
            bad=("project",)),
    by_name("get_sequence_by_name", ({"id": PROJECT}, "SQ01"), {"project_id": PROJECT, "name": "SQ01"},
            "data/sequences", bad=("episode",)),
    by_name("get_sequence_by_name", (PROJECT, "SQ01", {"id": EPISODE}),
            {"project_id": PROJECT, "name": "SQ01", "episode_id": EPISODE, "parent_id": EPISODE}, "data/sequences"),
    by_name("get_shot_by_name", (SEQUENCE, "SH010"), {"sequence_id": SEQUENCE, "name": "SH010"}, "data/shots/all"),
    *(Call("shot.update_" + kind, (ENTITY,), method="PUT", path="data/entities/" + SHOT, body=ENTITY, answer=ENTITY,
           bad=((kind, [SHOT]),)) for kind, _ in ENTITY_KINDS),
    *(Call("shot.remove_" + kind, ({"id": SHOT}, bool(query)), method="DELETE", path=route % SHOT, query=query,
           bad=(kind,) if kind == "episode" and not query else ())
      for kind, route in ENTITY_KINDS for query in ({}, {"force": "True"})),
    *(Call("shot.update_%s_data" % kind, (SHOT,), bad=(("data", [["not", "a", "dict"]]),)) for kind, _ in ENTITY_KINDS),
    Call("shot.restore_shot", (SHOT,), method="PUT", path="data/shots/%s" % SHOT, body={"canceled": False},
         bad=("shot",)),
    Call("shot.add_asset_instance_to_shot", ({"id": SHOT}, INSTANCE), method="POST",
         path="data/shots/%s/asset-instances" % SHOT, body={"asset_instance_id": INSTANCE}, bad=("asset_instance",)),
    Call("shot.remove_asset_instance_from_shot", (SHOT, {"id": INSTANCE}), method="DELETE",
         path="data/shots/%s/asset-instances/%s" % (SHOT, INSTANCE)),
    # Tested by hand below; their bad arguments here.
    Call("shot.new_shot", (PROJECT, SEQUENCE, "SH010"), bad=("sequence", "project", ("data", ["frames", 12]))),
    Call("shot.update_shot_data", (SHOT, {}), bad=("shot",)),
    Call("shot.get_sequence_from_shot", (SHOT,), bad=("shot",)),
    Call("shot.get_shot_url", (SHOT,), bad=("shot",)),
    Call("shot.get_all_episodes_url", (PROJECT,), bad=("project",)),
    Call("shot.import_shots_with_csv", (PROJECT, "/tmp/x.csv"), bad=("project", ("csv_file_path", [None, ""]))),
    Call("shot.import_otio", (PROJECT, "/tmp/x.edl"), bad=("episode", ("otio_file_path", [None, ""]))),
    Call("shot.export_shots_with_csv", (PROJECT, "/tmp/x.csv"), bad=("assigned_to", ("csv_file_path", [None, ""]))),
]
HAND_TESTED = {"new_episode", "new_sequence", "new_shot", "update_episode_data", "update_sequence_data",
               "update_shot_data", "get_episode_from_sequence", "get_sequence_from_shot", "import_shots_with_csv",
               "import_otio", "export_shots_with_csv", "get_all_episodes_url", "get_all_sequences_url",
               "get_episode_url", "get_sequence_url", "get_shot_url"}


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
