import gazu
from tests.unit.conftest import bad_entities, new_id
from tests.unit.surface import Call

PROJECT = new_id()
ID = new_id()
OTHER_ID = new_id()
ASSET = new_id()
CASTING = [{"asset_id": ASSET, "nb_occurences": 2, "label": "animate"}]

CAST_ROUTE = "data/projects/%s/entities/casting/assets/%s" % (PROJECT, ASSET)
ENTITY_CASTING = "data/projects/%s/entities/%s/casting" % (PROJECT, ID)
NOT_CAST_DICTS = [ID, None, {"id": ID}, {"id": ID, "project_id": "a/b"}, {"project_id": PROJECT}]


def read(name, args, path, query=None, cached=True, bad=()):
    return Call("casting." + name, args, path=path, query=query or {}, cached=cached, bad=bad)


def write(name, args, path, body, bad=()):
    return Call("casting." + name, args, method="PUT", path=path, body=body, answer={ID: CASTING}, bad=bad)


SURFACE = [
    read("get_asset_casting", ({"id": ID, "project_id": PROJECT},), ENTITY_CASTING, bad=(("asset", NOT_CAST_DICTS),)),
    read("get_shot_casting", ({"id": ID, "project_id": PROJECT},), ENTITY_CASTING, bad=(("shot", NOT_CAST_DICTS),)),
    read("get_episode_casting", ({"id": ID, "project_id": PROJECT},), ENTITY_CASTING,
         bad=(("episode", NOT_CAST_DICTS),)),
    read("get_sequence_casting", ({"id": ID, "project_id": PROJECT},),
         "data/projects/%s/sequences/%s/casting" % (PROJECT, ID), bad=(("sequence", NOT_CAST_DICTS),)),
    read("get_sequence_shots_casting", (PROJECT, {"id": ID}), "data/projects/%s/sequences/%s/casting" % (PROJECT, ID),
         bad=("project", "sequence")),
    read("get_project_shots_casting", ({"id": PROJECT},), "data/projects/%s/sequences/all/casting" % PROJECT,
         bad=("project",)),
    read("get_episode_shots_casting", (PROJECT, ID), "data/projects/%s/episodes/%s/sequences/all/casting" % (PROJECT, ID),
         bad=("episode",)),
    read("get_episodes_casting", (PROJECT,), "data/projects/%s/episodes/casting" % PROJECT, bad=("project",)),
    read("get_asset_type_casting", (PROJECT, {"id": ID}), "data/projects/%s/asset-types/%s/casting" % (PROJECT, ID),
         cached=False, bad=("asset_type",)),
    read("get_asset_cast_in", (ID,), "data/assets/%s/cast-in" % ID, bad=("asset",)),
    read("all_entity_links_for_project", (PROJECT,), "data/projects/%s/entity-links" % PROJECT, bad=("project",)),
    read("all_entity_links_for_project", ({"id": PROJECT}, 2, 50), "data/projects/%s/entity-links" % PROJECT,
         {"page": "2", "limit": "50"}),
    write("update_asset_casting", (PROJECT, ID, CASTING), ENTITY_CASTING, CASTING, bad=("project", "asset")),
    write("update_shot_casting", ({"id": PROJECT}, {"id": ID}, CASTING), ENTITY_CASTING, CASTING, bad=("shot",)),
    write("update_episode_casting", (PROJECT, ID, []), ENTITY_CASTING, [], bad=("episode",)),
    write("update_episode_casting", (PROJECT, ID, [{"asset_id": ASSET}]), ENTITY_CASTING,
          [{"asset_id": ASSET, "nb_occurences": 1}]),
    write("cast_asset", (PROJECT, ID, {"id": ASSET}), CAST_ROUTE, {"entity_ids": [ID]},
          bad=("project", "entities", "asset")),
    write("cast_asset", ({"id": PROJECT}, [ID, {"id": OTHER_ID}], ASSET, 3, "fixed"), CAST_ROUTE,
          {"entity_ids": [ID, OTHER_ID], "nb_occurences": 3, "label": "fixed"}),
    write("uncast_asset", (PROJECT, [{"id": ID}], ASSET), CAST_ROUTE, {"entity_ids": [ID], "nb_occurences": 0},
          bad=(("entities", [[ID, bad] for bad in bad_entities("entities")]), "asset")),
    # delete_entity_link answers the link it was given, as upstream.
    Call("casting.delete_entity_link", ({"id": ID},), method="DELETE", path="data/entity-links/%s" % ID,
         answer={ID: CASTING}, returns={"id": ID}, bad=("entity_link",)),
    write("update_shot_casting", (PROJECT, ID, [ASSET]), ENTITY_CASTING, [ASSET]),
    write("cast_asset", (PROJECT, [], ASSET), CAST_ROUTE, {"entity_ids": []}),
    write("uncast_asset", (PROJECT, (), ASSET), CAST_ROUTE, {"entity_ids": [], "nb_occurences": 0}),
]
HAND_TESTED = set()


def test_delete_entity_link_answers_the_link_given(kitsu):
    kitsu.on("DELETE", "data/entity-links/%s" % ID, status=204, body="")
    assert gazu.casting.delete_entity_link(ID) == {"id": ID}
    assert gazu.casting.delete_entity_link({"id": ID, "entity_in_id": ASSET}) == {"id": ID, "entity_in_id": ASSET}


def test_castings_of_dicts_read_any_project_id_string(kitsu):
    kitsu.on("GET", "data/projects/project-01/entities/%s/casting" % ID, json=[])
    assert gazu.casting.get_shot_casting({"id": ID, "project_id": "project-01"}) == []


def test_a_write_clears_cached_castings(kitsu):
    shot = {"id": ID, "project_id": PROJECT}
    kitsu.on("GET", "data/projects/%s/entities/%s/casting" % (PROJECT, ID), json=[])
    kitsu.on("PUT", CAST_ROUTE, json={})
    gazu.cache.enable()
    gazu.casting.get_shot_casting(shot)
    gazu.casting.cast_asset(PROJECT, shot, ASSET)
    gazu.casting.get_shot_casting(shot)
    assert [request[0] for request in kitsu.sent] == ["GET", "PUT", "GET"]
