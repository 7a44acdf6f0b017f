"""gazu.concept against a real Kitsu: a concept drawn for an asset, found, changed and removed."""

from __future__ import annotations

import pytest

import gazu
from gazu.exception import RouteNotFoundException
from tests.conftest import unique

pytestmark = pytest.mark.integration

NOT_EXERCISED: dict[str, str] = {}


def ids(items) -> list:
    return [item["id"] for item in items]


def test_concept_lifecycle(new_project):
    asset_type = gazu.asset.new_asset_type(unique("Character"))
    hero = gazu.asset.new_asset(new_project, asset_type, unique("Hero"))
    name = unique("Hero sketch")
    concept = gazu.concept.new_concept(new_project, name, "first pass", {"style": "ink"}, [hero])
    assert gazu.concept.new_concept(new_project["id"], name)["id"] == concept["id"]  # found by name

    stored = gazu.concept.get_concept(concept["id"])
    assert (stored["name"], stored["description"], stored["data"], stored["project_id"]) == (
        name, "first pass", {"style": "ink"}, new_project["id"])
    assert stored["entity_concept_links"] == [hero["id"]]
    assert gazu.concept.get_concept_by_name(new_project, name)["id"] == concept["id"]
    assert gazu.concept.get_concept_by_name(new_project, unique("nothing")) is None

    other = gazu.concept.new_concept(new_project, "a-" + name)
    assert gazu.concept.get_concept(other["id"])["entity_concept_links"] == []
    assert ids(gazu.concept.all_concepts_for_project(new_project)) == [other["id"], concept["id"]]
    assert {other["id"], concept["id"]} <= set(ids(gazu.concept.all_concepts()))
    assert not gazu.concept.all_previews_for_concept(concept)

    gazu.concept.update_concept({**stored, "description": "second pass"})
    assert gazu.concept.get_concept(concept["id"])["description"] == "second pass"

    gazu.concept.remove_concept(other)
    with pytest.raises(RouteNotFoundException):
        gazu.concept.get_concept(other["id"])
    gazu.concept.remove_concept(concept["id"], force=True)
    assert gazu.concept.all_concepts_for_project(new_project) == []
