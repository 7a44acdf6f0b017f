"""gazu.search against a real Kitsu.

Zou answers a query shorter than three characters itself, with no result;
longer queries go to its Meilisearch index, which the sandbox does not run
(Zou starts without one when INDEXER_KEY is unset).
"""

from __future__ import annotations

import pytest

import gazu
from gazu.exception import InvalidArgumentException, ServerErrorException

pytestmark = pytest.mark.integration

# Every function of gazu.search is exercised below; matching itself needs an indexer.
NOT_EXERCISED: dict[str, str] = {}


def test_short_queries_find_nothing(new_project):
    assert gazu.search.search_entities("ab") == {}
    assert gazu.search.search_entities("ab", new_project, ["asset", "shot", "person"]) == {}


def test_full_search_reaches_the_server(new_project):
    # Without an indexer Zou cannot search; the request is accepted and fails on its side, loudly.
    with pytest.raises(ServerErrorException) as error:
        gazu.search.search_entities("chair", new_project, ["asset"])
    assert (error.value.method, error.value.path) == ("POST", "data/search")


def test_unknown_entity_types_are_refused_before_any_request(admin_client):
    with pytest.raises(InvalidArgumentException, match="^entity_types:"):
        gazu.search.search_entities("chair", entity_types=["edit"])
