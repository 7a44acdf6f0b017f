import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.unit.conftest import new_id

P = new_id()
TYPE = new_id()
FOUND = {"assets": [{"name": "Chair"}], "shots": [], "persons": []}


@pytest.mark.parametrize("args, kwargs, body", [
    (("chair",), {}, {"query": "chair"}),
    (("chair", {"id": P}), {}, {"query": "chair", "project_id": P}),
    # Entity types go out as upstream sends them: their ids under entity_types (Zou 1.0.97 ignores them).
    (("chair", P, [TYPE, {"id": P, "name": "Shot"}]), {}, {"query": "chair", "project_id": P,
                                                           "entity_types": [TYPE, P]}),
    (("chair",), {"entity_types": []}, {"query": "chair", "entity_types": []}),
    (("ch",), {}, {"query": "ch"}),
    (("",), {}, {"query": ""}),
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
    ("project", ("chair", "a/b")), ("project", ("chair", {"name": "x"})),
    ("entity_types", ("chair", None, [None])), ("entity_types", ("chair", None, [{"name": "Asset"}])),
])
def test_bad_arguments_rejected_before_any_request(kitsu, argument, args):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        gazu.search.search_entities(*args)
    assert kitsu.sent == []
