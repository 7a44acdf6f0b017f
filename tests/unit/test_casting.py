import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.unit.conftest import bad_entities, new_id

PROJECT = new_id()
ID = new_id()
OTHER_ID = new_id()
ASSET = new_id()
CASTING = [{"asset_id": ASSET, "nb_occurences": 2, "label": "animate"}]

# (function, positional arguments, path of the one GET it sends, query, cached)
READS = [
    ("get_asset_casting", ({"id": ID, "project_id": PROJECT},),
     "data/projects/%s/entities/%s/casting" % (PROJECT, ID), {}, True),
    ("get_shot_casting", ({"id": ID, "project_id": PROJECT},),
     "data/projects/%s/entities/%s/casting" % (PROJECT, ID), {}, True),
    ("get_episode_casting", ({"id": ID, "project_id": PROJECT},),
     "data/projects/%s/entities/%s/casting" % (PROJECT, ID), {}, True),
    ("get_sequence_casting", ({"id": ID, "project_id": PROJECT},),
     "data/projects/%s/sequences/%s/casting" % (PROJECT, ID), {}, True),
    ("get_sequence_shots_casting", (PROJECT, {"id": ID}),
     "data/projects/%s/sequences/%s/casting" % (PROJECT, ID), {}, True),
    ("get_project_shots_casting", ({"id": PROJECT},), "data/projects/%s/sequences/all/casting" % PROJECT, {}, True),
    ("get_episode_shots_casting", (PROJECT, ID),
     "data/projects/%s/episodes/%s/sequences/all/casting" % (PROJECT, ID), {}, True),
    ("get_episodes_casting", (PROJECT,), "data/projects/%s/episodes/casting" % PROJECT, {}, True),
    ("get_asset_type_casting", (PROJECT, {"id": ID}),
     "data/projects/%s/asset-types/%s/casting" % (PROJECT, ID), {}, False),
    ("get_asset_cast_in", (ID,), "data/assets/%s/cast-in" % ID, {}, True),
    ("all_entity_links_for_project", (PROJECT,), "data/projects/%s/entity-links" % PROJECT, {}, True),
    ("all_entity_links_for_project", ({"id": PROJECT}, 2, 50), "data/projects/%s/entity-links" % PROJECT,
     {"page": "2", "limit": "50"}, True),
]

CAST_ROUTE = "data/projects/%s/entities/casting/assets/%s" % (PROJECT, ASSET)

# (function, positional arguments, method, path, JSON body sent)
WRITES = [
    ("update_asset_casting", (PROJECT, ID, CASTING), "PUT",
     "data/projects/%s/entities/%s/casting" % (PROJECT, ID), CASTING),
    ("update_shot_casting", ({"id": PROJECT}, {"id": ID}, CASTING), "PUT",
     "data/projects/%s/entities/%s/casting" % (PROJECT, ID), CASTING),
    ("update_episode_casting", (PROJECT, ID, []), "PUT", "data/projects/%s/entities/%s/casting" % (PROJECT, ID), []),
    ("update_episode_casting", (PROJECT, ID, [{"asset_id": ASSET}]), "PUT",
     "data/projects/%s/entities/%s/casting" % (PROJECT, ID), [{"asset_id": ASSET, "nb_occurences": 1}]),
    ("cast_asset", (PROJECT, ID, {"id": ASSET}), "PUT", CAST_ROUTE, {"entity_ids": [ID]}),
    ("cast_asset", ({"id": PROJECT}, [ID, {"id": OTHER_ID}], ASSET, 3, "fixed"), "PUT", CAST_ROUTE,
     {"entity_ids": [ID, OTHER_ID], "nb_occurences": 3, "label": "fixed"}),
    ("uncast_asset", (PROJECT, [{"id": ID}], ASSET), "PUT", CAST_ROUTE, {"entity_ids": [ID], "nb_occurences": 0}),
    ("delete_entity_link", ({"id": ID},), "DELETE", "data/entity-links/%s" % ID, None),
    ("update_shot_casting", (PROJECT, ID, [ASSET]), "PUT", "data/projects/%s/entities/%s/casting" % (PROJECT, ID),
     [ASSET]),
    ("cast_asset", (PROJECT, [], ASSET), "PUT", CAST_ROUTE, {"entity_ids": []}),
    ("uncast_asset", (PROJECT, (), ASSET), "PUT", CAST_ROUTE, {"entity_ids": [], "nb_occurences": 0}),
]


@pytest.mark.parametrize("name, args, path, query, cached", READS,
                         ids=["%s-%d" % (row[0], index) for index, row in enumerate(READS)])
def test_reads(kitsu, name, args, path, query, cached):
    answer = [{"asset_id": ASSET, "nb_occurences": 1}]
    kitsu.on("GET", path, json=answer)
    assert getattr(gazu.casting, name)(*args) == answer
    assert kitsu.sent == [("GET", path, query, None)]


@pytest.mark.parametrize("name, args, path, query, cached", READS,
                         ids=["%s-%d" % (row[0], index) for index, row in enumerate(READS)])
def test_caching(kitsu, name, args, path, query, cached):
    kitsu.on("GET", path, json={})
    gazu.cache.enable()
    function = getattr(gazu.casting, name)
    function(*args)
    function(*args)
    assert len(kitsu.sent) == (1 if cached else 2)


@pytest.mark.parametrize("name, args, method, path, body", WRITES,
                         ids=["%s-%d" % (row[0], index) for index, row in enumerate(WRITES)])
def test_writes(kitsu, name, args, method, path, body):
    kitsu.on(method, path, json={ID: CASTING})
    result = getattr(gazu.casting, name)(*args)
    assert kitsu.sent == [(method, path, {}, body)]
    # delete_entity_link answers the link it was given, as upstream.
    assert result == ({"id": ID} if method == "DELETE" else {ID: CASTING})


def test_delete_entity_link_answers_the_link_given(kitsu):
    kitsu.on("DELETE", "data/entity-links/%s" % ID, status=204, body="")
    assert gazu.casting.delete_entity_link(ID) == {"id": ID}
    assert gazu.casting.delete_entity_link({"id": ID, "entity_in_id": ASSET}) == {"id": ID, "entity_in_id": ASSET}


def test_castings_of_dicts_read_any_project_id_string(kitsu):
    kitsu.on("GET", "data/projects/project-01/entities/%s/casting" % ID, json=[])
    assert gazu.casting.get_shot_casting({"id": ID, "project_id": "project-01"}) == []


@pytest.mark.parametrize("name, args", [row[:2] for row in WRITES if row[0] in ("cast_asset", "uncast_asset")])
def test_cast_and_uncast_always_send(kitsu, name, args):
    """Writes are never answered from the cache, even with caching on."""
    kitsu.on("PUT", CAST_ROUTE, json={})
    gazu.cache.enable()
    getattr(gazu.casting, name)(*args)
    getattr(gazu.casting, name)(*args)
    assert len(kitsu.sent) == 2


def test_a_write_clears_cached_castings(kitsu):
    shot = {"id": ID, "project_id": PROJECT}
    kitsu.on("GET", "data/projects/%s/entities/%s/casting" % (PROJECT, ID), json=[])
    kitsu.on("PUT", CAST_ROUTE, json={})
    gazu.cache.enable()
    gazu.casting.get_shot_casting(shot)
    gazu.casting.cast_asset(PROJECT, shot, ASSET)
    gazu.casting.get_shot_casting(shot)
    assert [request[0] for request in kitsu.sent] == ["GET", "PUT", "GET"]


# Bad arguments: each raises naming the argument, before any request.
BAD_ENTITY_CALLS = [
    ("get_sequence_shots_casting", "project", lambda bad: (bad, ID)),
    ("get_sequence_shots_casting", "sequence", lambda bad: (PROJECT, bad)),
    ("get_project_shots_casting", "project", lambda bad: (bad,)),
    ("get_episode_shots_casting", "episode", lambda bad: (PROJECT, bad)),
    ("get_episodes_casting", "project", lambda bad: (bad,)),
    ("get_asset_type_casting", "asset_type", lambda bad: (PROJECT, bad)),
    ("get_asset_cast_in", "asset", lambda bad: (bad,)),
    ("all_entity_links_for_project", "project", lambda bad: (bad,)),
    ("update_asset_casting", "project", lambda bad: (bad, ID, [])),
    ("update_asset_casting", "asset", lambda bad: (PROJECT, bad, [])),
    ("update_shot_casting", "shot", lambda bad: (PROJECT, bad, [])),
    ("update_episode_casting", "episode", lambda bad: (PROJECT, bad, [])),
    ("cast_asset", "project", lambda bad: (bad, ID, ASSET)),
    ("cast_asset", "entities", lambda bad: (PROJECT, bad, ASSET)),
    ("cast_asset", "asset", lambda bad: (PROJECT, ID, bad)),
    ("uncast_asset", "entities", lambda bad: (PROJECT, [ID, bad], ASSET)),
    ("uncast_asset", "asset", lambda bad: (PROJECT, ID, bad)),
    ("delete_entity_link", "entity_link", lambda bad: (bad,)),
]


@pytest.mark.parametrize("name, argument, make_args, bad", [
    pytest.param(*row, bad, id="%s-%r" % ("%s-%s" % (row[0], row[1]), bad)) for row in BAD_ENTITY_CALLS for bad in bad_entities(row[1])])
def test_bad_entities_rejected_before_any_request(kitsu, name, argument, make_args, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        getattr(gazu.casting, name)(*make_args(bad))
    assert kitsu.sent == []


BAD_VALUE_CALLS = [
    (name, argument, make_args, bad)
    for name, argument in [("get_asset_casting", "asset"), ("get_shot_casting", "shot"),
                           ("get_episode_casting", "episode"), ("get_sequence_casting", "sequence")]
    for make_args in [lambda bad: (bad,)]
    for bad in [ID, None, {"id": ID}, {"id": ID, "project_id": "a/b"}, {"project_id": PROJECT}]
]


@pytest.mark.parametrize("name, argument, make_args, bad", [
    pytest.param(*row, id="%s-%s-%r" % (row[0], row[1], row[3])) for row in BAD_VALUE_CALLS])
def test_bad_values_rejected_before_any_request(kitsu, name, argument, make_args, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        getattr(gazu.casting, name)(*make_args(bad))
    assert kitsu.sent == []


def test_every_function_is_covered():
    covered = {row[0] for row in READS + WRITES}
    public = {name for name, value in vars(gazu.casting).items()
              if callable(value) and not name.startswith("_") and getattr(value, "__module__", "") == "gazu.casting"}
    assert public == covered
