"""gazu.search against a real Kitsu.

Zou answers a query shorter than three characters itself, with no result;
longer queries go to its Meilisearch index, which the sandbox does not run
(Zou starts without one when INDEXER_KEY is unset).
"""

from __future__ import annotations

import pytest

import gazu
from gazu.exception import ServerErrorException

pytestmark = pytest.mark.integration

# Every function of gazu.search is exercised below; matching itself needs an indexer.
NOT_EXERCISED: dict[str, str] = {}


def test_short_queries_find_nothing(new_project):
    assert gazu.search.search_entities("ab") == {}
    shot_type = gazu.entity.get_entity_type_by_name("Shot")
    assert gazu.search.search_entities("ab", new_project, [shot_type]) == {}
    assert gazu.search.search_entities("", new_project, []) == {}


def test_full_search_reaches_the_server(new_project):
    # Without an indexer Zou cannot search; the request is accepted and fails on its side, loudly.
    with pytest.raises(ServerErrorException) as error:
        gazu.search.search_entities("chair", new_project, [{"id": new_project["id"]}])
    assert (error.value.method, error.value.path) == ("POST", "data/search")
