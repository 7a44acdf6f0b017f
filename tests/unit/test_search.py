import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.unit.conftest import new_id

P = new_id()
FOUND = {"assets": [{"name": "Chair"}], "shots": [], "persons": []}


@pytest.mark.parametrize("args, kwargs, body", [
    (("chair",), {}, {"query": "chair"}),
    (("chair", {"id": P}), {}, {"query": "chair", "project_id": P}),
    (("chair", P, ["asset", "Shot"]), {}, {"query": "chair", "project_id": P, "index_names": ["assets", "shots"]}),
    (("chair",), {"entity_types": ["persons", {"id": new_id(), "name": "Asset"}]},
     {"query": "chair", "index_names": ["persons", "assets"]}),
])
def test_search_entities(kitsu, args, kwargs, body):
    kitsu.on("POST", "data/search", json=FOUND)
    assert gazu.search.search_entities(*args, **kwargs) == FOUND
    assert kitsu.sent == [("POST", "data/search", {}, body)]


def test_search_entities_is_not_cached(kitsu):
    kitsu.on("POST", "data/search", json=FOUND)
    gazu.cache.enable()
    gazu.search.search_entities("chair")
    gazu.search.search_entities("chair")
    assert len(kitsu.sent) == 2


@pytest.mark.parametrize("argument, args", [
    ("query", (None,)), ("query", ("",)), ("query", (42,)),
    ("project", ("chair", "a/b")), ("project", ("chair", {"name": "x"})),
    ("entity_types", ("chair", None, "asset")), ("entity_types", ("chair", None, [])),
    ("entity_types", ("chair", None, ["edit"])), ("entity_types", ("chair", None, [None])),
    ("entity_types", ("chair", None, [{"id": P}])),
])
def test_bad_arguments_rejected_before_any_request(kitsu, argument, args):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        gazu.search.search_entities(*args)
    assert kitsu.sent == []
