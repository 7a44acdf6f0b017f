import pytest

import gazu
from gazu.exception import FileDoesntExistException, InvalidArgumentException
from tests.unit.conftest import bad_entities, body_bytes, new_id
from tests.unit.surface import Call

ID = new_id()
OTHER_ID = new_id()
THIRD_ID = new_id()
UNSORTED = [{"name": "b"}, {"name": "A"}, {"name": "c"}]
WEB = "http://kitsu.test"

NOT_TEXTS = [None, "", 42]
NOT_DICTS = [ID, 42, ["a"]]


def listed(name, args, path, query=None, sorts=True, cached=True, bad=()):
    return Call("asset." + name, args, path=path, query=query or {}, sorts=sorts, cached=cached, bad=bad)


SURFACE = [
    listed("all_assets_for_project", (ID,), "data/projects/%s/assets" % ID,
           bad=(("project", [bad for bad in bad_entities("project") if bad is not None]),)),  # None: every project's
    listed("all_assets_for_episode", ({"id": ID},), "data/assets", {"source_id": ID}, bad=("episode",)),
    listed("all_assets_for_shot", (ID,), "data/shots/%s/assets" % ID, bad=("shot",)),
    listed("all_assets_for_project_and_type", (ID, {"id": OTHER_ID}),
           "data/projects/%s/asset-types/%s/assets" % (ID, OTHER_ID), bad=("asset_type",)),
    listed("all_asset_types", (), "data/asset-types"),
    listed("all_asset_types_for_project", ({"id": ID},), "data/projects/%s/asset-types" % ID, bad=("project",)),
    listed("all_asset_types_for_shot", (ID,), "data/shots/%s/asset-types" % ID, bad=("shot",)),
    listed("all_asset_instances_for_asset", (ID,), "data/assets/%s/asset-asset-instances" % ID, sorts=False,
           bad=("asset",)),
    listed("all_shot_asset_instances_for_asset", (ID,), "data/assets/%s/shot-asset-instances" % ID, sorts=False,
           bad=("asset",)),
    listed("all_scene_asset_instances_for_asset", (ID,), "data/assets/%s/scene-asset-instances" % ID, sorts=False,
           bad=("asset",)),
    listed("all_asset_instances_for_shot", (ID,), "data/shots/%s/asset-instances" % ID, sorts=False, cached=False,
           bad=("shot",)),
    listed("get_asset", (ID,), "data/assets/%s" % ID, sorts=False, bad=("asset_id",)),
    listed("get_asset_type", (ID,), "data/asset-types/%s" % ID, sorts=False, bad=("asset_type_id",)),
    listed("get_asset_instance", (ID,), "data/asset-instances/%s" % ID, sorts=False, bad=("asset_instance_id",)),
    listed("get_asset_type_from_asset", ({"id": OTHER_ID, "entity_type_id": ID},), "data/asset-types/%s" % ID,
           sorts=False, bad=(("asset", [ID, None, {"id": ID}]),)),
    listed("get_episode_from_asset", ({"id": OTHER_ID, "episode_id": ID},), "data/episodes/%s" % ID, sorts=False,
           bad=(("asset", [ID, None]),)),
    listed("get_episode_from_asset", ({"id": OTHER_ID, "source_id": ID},), "data/episodes/%s" % ID, sorts=False),
    Call("asset.get_asset_by_name", (ID, "Ann"), path="data/assets/all", query={"project_id": ID, "name": "Ann"},
         first=True, cached=True, bad=("project", "asset_type")),
    Call("asset.get_asset_by_name", ({"id": ID}, "Ann", OTHER_ID), path="data/assets/all",
         query={"project_id": ID, "name": "Ann", "entity_type_id": OTHER_ID}, first=True, cached=True),
    Call("asset.get_asset_type_by_name", ("Props",), path="data/entity-types", query={"name": "Props"}, first=True,
         cached=True),
    Call("asset.remove_asset", (ID,), method="DELETE", path="data/assets/%s" % ID, bad=("asset",)),
    Call("asset.remove_asset", ({"id": ID}, True), method="DELETE", path="data/assets/%s" % ID,
         query={"force": "True"}),
    Call("asset.remove_asset_type", ({"id": ID},), method="DELETE", path="data/entity-types/%s" % ID,
         bad=("asset_type",)),
    Call("asset.update_asset_type", ({"id": ID, "name": "Props", "color": "#fff"},), method="PUT",
         path="data/entity-types/%s" % ID, body={"name": "Props"},
         bad=(("asset_type", [ID, None, {"id": ID}, {"name": "no id"}]),)),
    Call("asset.update_asset", ({"id": ID, "name": "Ann"},), method="PUT", path="data/entities/%s" % ID,
         body={"id": ID, "name": "Ann"}, bad=(("asset", [ID, None, {"name": "no id"}]),)),
    Call("asset.update_asset", ({"id": ID, "episode_id": OTHER_ID},), method="PUT", path="data/entities/%s" % ID,
         body={"id": ID, "episode_id": OTHER_ID, "source_id": OTHER_ID}),
    Call("asset.update_asset", ({"id": ID, "episode_id": "", "preview_file_id": "", "ready_for": "None",
                                 "description": ""},), method="PUT", path="data/entities/%s" % ID,
         body={"id": ID, "episode_id": None, "source_id": None, "preview_file_id": None, "ready_for": None,
               "description": ""}),
    Call("asset.enable_asset_instance", (ID,), method="PUT", path="data/asset-instances/%s" % ID,
         body={"active": True}, bad=("asset_instance",)),
    Call("asset.disable_asset_instance", ({"id": ID},), method="PUT", path="data/asset-instances/%s" % ID,
         body={"active": False}, bad=("asset_instance",)),
    Call("asset.new_asset_asset_instance", (ID, {"id": OTHER_ID}), method="POST",
         path="data/assets/%s/asset-asset-instances" % ID, body={"asset_to_instantiate_id": OTHER_ID},
         bad=("asset", "asset_to_instantiate")),
    Call("asset.new_asset_asset_instance", ({"id": ID}, OTHER_ID, "on the shelf"), method="POST",
         path="data/assets/%s/asset-asset-instances" % ID,
         body={"asset_to_instantiate_id": OTHER_ID, "description": "on the shelf"}),
    # Tested by hand below; their bad arguments here.
    Call("asset.new_asset", (ID, ID, "Ann"), bad=("project", "asset_type", "episode", ("extra_data", NOT_DICTS))),
    Call("asset.update_asset_data", (ID, {}), bad=("asset", ("data", NOT_DICTS))),
    Call("asset.import_assets_with_csv", (ID, "assets.csv"), bad=("project", ("csv_file_path", NOT_TEXTS))),
    Call("asset.export_assets_with_csv", (ID, "assets.csv"),
         bad=("project", "episode", "assigned_to", ("csv_file_path", NOT_TEXTS))),
    Call("asset.get_all_assets_url", (ID,), bad=("project",)),
    Call("asset.get_asset_url", (ID,), bad=("asset",)),
    Call("asset.get_asset_type_url", (ID, ID), bad=("project",)),
]
HAND_TESTED = {"all_assets_for_open_projects", "new_asset", "new_asset_type", "update_asset_data",
               "import_assets_with_csv", "export_assets_with_csv", "get_all_assets_url", "get_asset_url",
               "get_asset_type_url"}


@pytest.mark.parametrize("path", [row.path for row in SURFACE if "instances" in row.function and row.path])
def test_asset_instance_listings_answer_as_the_server_does(kitsu, path):
    # Zou groups instances by asset id: an entity without instances answers {}, kept as upstream keeps it.
    row = next(row for row in SURFACE if row.path == path)
    kitsu.on("GET", path, json={})
    assert row() == {}
    grouped = {OTHER_ID: [{"id": THIRD_ID, "asset_id": OTHER_ID, "number": 1}]}
    kitsu.mock.replace("GET", kitsu.url(path), json=grouped)
    gazu.cache.clear_all()
    assert row() == grouped


def test_episode_from_asset_without_episode_sends_nothing(kitsu):
    assert gazu.asset.get_episode_from_asset({"id": ID, "episode_id": ""}) is None
    assert gazu.asset.get_episode_from_asset({"id": ID, "source_id": None}) is None
    assert kitsu.sent == []


def test_all_assets_for_open_projects_sorts_them_all(kitsu):
    # Projects are read in name order, then every asset of them is sorted by name, as upstream does.
    kitsu.on("GET", "data/projects/open", json=[{"id": OTHER_ID, "name": "P2"}, {"id": ID, "name": "P1"}])
    kitsu.on("GET", "data/projects/%s/assets" % ID, json=[{"name": "z", "p": 1}, {"name": "a", "p": 1}])
    kitsu.on("GET", "data/projects/%s/assets" % OTHER_ID, json=[{"name": "m", "p": 2}, {"name": "A", "p": 2}])
    assert [(a["name"], a["p"]) for a in gazu.asset.all_assets_for_open_projects()] == [
        ("a", 1), ("A", 2), ("m", 2), ("z", 1)]
    assert [request[1] for request in kitsu.sent] == [
        "data/projects/open", "data/projects/%s/assets" % ID, "data/projects/%s/assets" % OTHER_ID]
    gazu.cache.enable()
    gazu.asset.all_assets_for_open_projects()
    count = len(kitsu.sent)
    gazu.asset.all_assets_for_open_projects()
    assert len(kitsu.sent) == count


def test_new_asset_creates_when_missing(kitsu):
    kitsu.on("GET", "data/assets/all", json=[])
    route = "data/projects/%s/asset-types/%s/assets/new" % (ID, OTHER_ID)
    kitsu.on("POST", route, json={"id": THIRD_ID, "name": "Ann"})
    assert gazu.asset.new_asset({"id": ID}, OTHER_ID, "Ann") == {"id": THIRD_ID, "name": "Ann"}
    assert kitsu.sent == [
        ("GET", "data/assets/all", {"project_id": ID, "name": "Ann", "entity_type_id": OTHER_ID}, None),
        ("POST", route, {}, {"name": "Ann", "data": {}, "is_shared": False})]


def test_new_asset_sends_every_field(kitsu):
    kitsu.on("GET", "data/assets/all", json=[])
    route = "data/projects/%s/asset-types/%s/assets/new" % (ID, OTHER_ID)
    kitsu.on("POST", route, json={"id": THIRD_ID})
    gazu.asset.new_asset(ID, {"id": OTHER_ID}, "Ann", "the hero", {"size": "big"}, {"id": THIRD_ID}, True)
    assert kitsu.last == ("POST", route, {}, {"name": "Ann", "description": "the hero", "data": {"size": "big"},
                                              "is_shared": True, "episode_id": THIRD_ID})


def test_new_asset_returns_existing(kitsu):
    kitsu.on("GET", "data/assets/all", json=[{"id": THIRD_ID, "name": "Ann"}])
    assert gazu.asset.new_asset(ID, OTHER_ID, "Ann") == {"id": THIRD_ID, "name": "Ann"}
    assert [request[0] for request in kitsu.sent] == ["GET"]


def test_new_asset_type_creates_when_missing(kitsu):
    kitsu.on("GET", "data/entity-types", json=[])
    kitsu.on("POST", "data/entity-types", json={"id": ID, "name": "Props"})
    assert gazu.asset.new_asset_type("Props") == {"id": ID, "name": "Props"}
    assert kitsu.sent == [("GET", "data/entity-types", {"name": "Props"}, None),
                          ("POST", "data/entity-types", {}, {"name": "Props"})]


def test_new_asset_type_returns_existing(kitsu):
    kitsu.on("GET", "data/entity-types", json=[{"id": ID, "name": "Props"}])
    assert gazu.asset.new_asset_type("Props") == {"id": ID, "name": "Props"}
    assert len(kitsu.sent) == 1


def test_update_asset_data_merges_into_fresh_data(kitsu):
    kitsu.on("GET", "data/assets/%s" % ID, json={"id": ID, "data": {"size": "big", "color": "red"}})
    kitsu.on("PUT", "data/entities/%s" % ID, json={"id": ID, "data": {"size": "small", "color": "red"}})
    gazu.cache.enable()
    gazu.asset.get_asset(ID)  # a cached read must not feed the merge
    result = gazu.asset.update_asset_data({"id": ID}, {"size": "small"})
    assert result == {"id": ID, "data": {"size": "small", "color": "red"}}
    assert kitsu.sent[1:] == [("GET", "data/assets/%s" % ID, {}, None),
                              ("PUT", "data/entities/%s" % ID, {}, {"id": ID, "data": {"size": "small", "color": "red"}})]


def test_update_asset_data_with_no_data_keeps_data(kitsu):
    kitsu.on("GET", "data/assets/%s" % ID, json={"id": ID, "data": None})
    kitsu.on("PUT", "data/entities/%s" % ID, json={"id": ID})
    gazu.asset.update_asset_data(ID)
    assert kitsu.last == ("PUT", "data/entities/%s" % ID, {}, {"id": ID, "data": {}})


def test_import_assets_with_csv_uploads_the_file(kitsu, tmp_path):
    csv_file = tmp_path / "assets.csv"
    csv_file.write_text("Type,Name\nProps,Cup\n")
    kitsu.on("POST", "import/csv/projects/%s/assets" % ID, json=[{"name": "Cup"}])
    assert gazu.asset.import_assets_with_csv(ID, str(csv_file)) == [{"name": "Cup"}]
    assert kitsu.last[:3] == ("POST", "import/csv/projects/%s/assets" % ID, {})
    body = body_bytes(kitsu.mock.calls[0].request)
    assert b'name="file"; filename="assets.csv"' in body and b"Props,Cup" in body


def test_import_assets_with_csv_missing_file(kitsu, tmp_path):
    with pytest.raises(FileDoesntExistException):
        gazu.asset.import_assets_with_csv(ID, str(tmp_path / "missing.csv"))
    assert kitsu.sent == []


@pytest.mark.parametrize("kwargs, query", [({}, {}),
                                           ({"episode": {"id": OTHER_ID}, "assigned_to": THIRD_ID},
                                            {"episode_id": OTHER_ID, "assigned_to": THIRD_ID})])
def test_export_assets_with_csv_downloads_the_file(kitsu, tmp_path, kwargs, query):
    kitsu.on("GET", "export/csv/projects/%s/assets.csv" % ID, body="Project,Type,Name\nP,Props,Cup\n")
    target = tmp_path / "export.csv"
    response = gazu.asset.export_assets_with_csv({"id": ID}, str(target), **kwargs)
    assert response.status_code == 200
    assert target.read_text() == "Project,Type,Name\nP,Props,Cup\n"
    assert kitsu.sent == [("GET", "export/csv/projects/%s/assets.csv" % ID, query, None)]


def test_all_assets_for_project_none_reads_every_asset(kitsu):
    kitsu.on("GET", "data/assets/all", json=UNSORTED)
    assert [a["name"] for a in gazu.asset.all_assets_for_project(None)] == ["A", "b", "c"]
    assert kitsu.sent == [("GET", "data/assets/all", {}, None)]


@pytest.mark.parametrize("production_type, url", [
    ("short", WEB + "/productions/%s/assets/" % ID),
    ("tvshow", WEB + "/productions/%s/episodes/main/assets/" % ID)])
def test_get_all_assets_url(kitsu, production_type, url):
    kitsu.on("GET", "data/projects/%s" % ID, json={"id": ID, "production_type": production_type})
    assert gazu.asset.get_all_assets_url({"id": ID}) == url
    assert kitsu.sent == [("GET", "data/projects/%s" % ID, {}, None)]


@pytest.mark.parametrize("production_type, episode_id, url", [
    ("featurefilm", "", WEB + "/productions/%s/assets/%s/" % (ID, OTHER_ID)),
    ("featurefilm", THIRD_ID, WEB + "/productions/%s/assets/%s/" % (ID, OTHER_ID)),
    ("tvshow", THIRD_ID, WEB + "/productions/%s/episodes/%s/assets/%s/" % (ID, THIRD_ID, OTHER_ID)),
    ("tvshow", "", WEB + "/productions/%s/episodes/main/assets/%s/" % (ID, OTHER_ID)),
    ("tvshow", None, WEB + "/productions/%s/episodes/main/assets/%s/" % (ID, OTHER_ID))])
def test_get_asset_url(kitsu, production_type, episode_id, url):
    kitsu.on("GET", "data/assets/%s" % OTHER_ID, json={"id": OTHER_ID, "project_id": ID, "episode_id": episode_id})
    kitsu.on("GET", "data/projects/%s" % ID, json={"id": ID, "production_type": production_type})
    assert gazu.asset.get_asset_url({"id": OTHER_ID}) == url
    assert [request[1] for request in kitsu.sent] == ["data/assets/%s" % OTHER_ID, "data/projects/%s" % ID]


@pytest.mark.parametrize("production_type, page", [("short", "/productions/%s/assets" % ID),
                                                   ("tvshow", "/productions/%s/episodes/main/assets" % ID)])
def test_get_asset_type_url(kitsu, production_type, page):
    kitsu.on("GET", "data/projects/%s" % ID, json={"id": ID, "production_type": production_type})
    kitsu.on("GET", "data/asset-types/%s" % OTHER_ID, json={"id": OTHER_ID, "name": "Set Dressing/2"})
    url = gazu.asset.get_asset_type_url(ID, {"id": OTHER_ID})
    assert url == WEB + page + "?search=type%3D%5BSet+Dressing%2F2%5D"
    assert [request[1] for request in kitsu.sent] == ["data/projects/%s" % ID, "data/asset-types/%s" % OTHER_ID]


def test_get_asset_type_url_takes_the_name_of_the_dict_given(kitsu):
    kitsu.on("GET", "data/projects/%s" % ID, json={"id": ID, "production_type": "short"})
    url = gazu.asset.get_asset_type_url({"id": ID}, {"id": OTHER_ID, "name": "Props"})
    assert url == WEB + "/productions/%s/assets?search=type%%3D%%5BProps%%5D" % ID
    assert kitsu.sent == [("GET", "data/projects/%s" % ID, {}, None)]


# Names are sent as given, as upstream: an empty name finds nothing, None is sent as the text None.
@pytest.mark.parametrize("name, sent", [("", ""), (None, "None"), (42, "42")])
def test_look_ups_by_name_send_the_name_as_upstream(kitsu, name, sent):
    kitsu.on("GET", "data/assets/all", json=[])
    kitsu.on("GET", "data/entity-types", json=[])
    assert gazu.asset.get_asset_by_name(ID, name) is None
    assert gazu.asset.get_asset_type_by_name(name) is None
    assert kitsu.sent == [("GET", "data/assets/all", {"project_id": ID, "name": sent}, None),
                          ("GET", "data/entity-types", {"name": sent}, None)]


@pytest.mark.parametrize("name", ["", None])
def test_creations_send_the_name_as_given(kitsu, name):
    route = "data/projects/%s/asset-types/%s/assets/new" % (ID, OTHER_ID)
    kitsu.on("GET", "data/assets/all", json=[])
    kitsu.on("POST", route, json={"id": THIRD_ID})
    kitsu.on("GET", "data/entity-types", json=[])
    kitsu.on("POST", "data/entity-types", json={"id": THIRD_ID})
    gazu.asset.new_asset(ID, OTHER_ID, name)
    gazu.asset.new_asset_type(name)
    assert [(request[0], request[3]) for request in kitsu.sent if request[0] == "POST"] == [
        ("POST", {"name": name, "data": {}, "is_shared": False}), ("POST", {"name": name})]


def test_update_asset_type_sends_an_empty_name_too(kitsu):
    kitsu.on("PUT", "data/entity-types/%s" % ID, json={"id": ID})
    gazu.asset.update_asset_type({"id": ID, "name": ""})
    assert kitsu.sent == [("PUT", "data/entity-types/%s" % ID, {}, {"name": ""})]


def test_episode_from_asset_prefers_the_source_id(kitsu):
    kitsu.on("GET", "data/episodes/%s" % ID, json={"id": ID})
    assert gazu.asset.get_episode_from_asset({"source_id": ID, "episode_id": OTHER_ID}) == {"id": ID}
    assert kitsu.sent == [("GET", "data/episodes/%s" % ID, {}, None)]


def test_ids_are_taken_where_upstream_takes_them(kitsu):
    kitsu.on("GET", "data/projects/project-01/assets", json=[])
    assert gazu.asset.all_assets_for_project({"id": "project-01"}) == []  # a dict's id: any string
    with pytest.raises(InvalidArgumentException, match="^project: "):
        gazu.asset.all_assets_for_project("project-01")  # a bare id string: of UUID shape, as upstream
    with pytest.raises(InvalidArgumentException, match="^asset_type_id: "):
        gazu.asset.get_asset_type_from_asset({"entity_type_id": "asset-type-01"})  # upstream checks it too
    assert len(kitsu.sent) == 1


@pytest.mark.parametrize("asset_type", ["a/b", None, {"no": "id"}])
def test_get_asset_type_url_checks_the_asset_type_before_reading_the_project(kitsu, asset_type):
    with pytest.raises(InvalidArgumentException, match="^asset_type: "):
        gazu.asset.get_asset_type_url(new_id(), asset_type)
    assert kitsu.sent == []
