import pytest

import gazu
from tests.unit.conftest import bad_entities, new_id
from tests.unit.surface import Call

PROJECT = new_id()
ID = new_id()
ASSET = new_id()
OTHER_ASSET = new_id()
CONCEPT = {"id": ID, "name": "Hero v2", "description": "ink"}

SURFACE = [
    Call("concept.all_concepts", (), path="data/concepts", sorts=True, cached=True),
    Call("concept.all_concepts_for_project", ({"id": PROJECT},), path="data/projects/%s/concepts" % PROJECT,
         sorts=True, cached=True, bad=("project",)),
    Call("concept.get_concept", (ID,), path="data/concepts/%s" % ID, cached=True, bad=("concept_id",)),
    Call("concept.all_previews_for_concept", ({"id": ID},), path="data/concepts/%s/preview-files" % ID, cached=True,
         bad=("concept",)),
    Call("concept.get_concept_by_name", ({"id": PROJECT}, "Hero"), path="data/concepts",
         query={"project_id": PROJECT, "name": "Hero"}, first=True, cached=True, bad=("project",)),
    Call("concept.update_concept", (CONCEPT,), method="PUT", path="data/entities/%s" % ID, body=CONCEPT,
         answer=CONCEPT, bad=(("concept", [ID, None, {"name": "x"}]),)),
    Call("concept.remove_concept", ({"id": ID},), method="DELETE", path="data/concepts/%s" % ID, bad=("concept",)),
    Call("concept.remove_concept", ({"id": ID}, True), method="DELETE", path="data/concepts/%s" % ID,
         query={"force": "True"}),
    Call("concept.new_concept", (PROJECT, "Hero"), bad=(
        "project", ("entity_concept_links", [[ASSET, bad] for bad in bad_entities("entity_concept_links")]),
        ("data", ["x", [1], 42]))),
]
HAND_TESTED = {"new_concept"}


def test_new_concept_creates_when_missing(kitsu):
    kitsu.on("GET", "data/concepts", json=[])
    kitsu.on("POST", "data/projects/%s/concepts" % PROJECT, json={"id": ID, "name": "Hero"}, status=201)
    result = gazu.concept.new_concept(PROJECT, "Hero", "first sketch", {"style": "ink"},
                                      [ASSET, {"id": OTHER_ASSET}])
    assert result == {"id": ID, "name": "Hero"}
    assert kitsu.sent == [
        ("GET", "data/concepts", {"project_id": PROJECT, "name": "Hero"}, None),
        ("POST", "data/projects/%s/concepts" % PROJECT, {},
         {"name": "Hero", "description": "first sketch", "data": {"style": "ink"},
          "entity_concept_links": [{"id": ASSET}, {"id": OTHER_ASSET}]})]


def test_new_concept_defaults(kitsu):
    kitsu.on("GET", "data/concepts", json=[])
    kitsu.on("POST", "data/projects/%s/concepts" % PROJECT, json={"id": ID}, status=201)
    gazu.concept.new_concept({"id": PROJECT}, "Hero")
    assert kitsu.last[3] == {"name": "Hero", "data": {}, "entity_concept_links": []}


def test_new_concept_returns_existing(kitsu):
    kitsu.on("GET", "data/concepts", json=[{"id": ID, "name": "Hero"}])
    assert gazu.concept.new_concept(PROJECT, "Hero") == {"id": ID, "name": "Hero"}
    assert len(kitsu.sent) == 1


@pytest.mark.parametrize("name, sent", [("", ""), (None, "None")])
def test_look_up_by_name_sends_the_name_as_upstream(kitsu, name, sent):
    kitsu.on("GET", "data/concepts", json=[])
    kitsu.on("POST", "data/projects/%s/concepts" % PROJECT, json={"id": ID})
    assert gazu.concept.get_concept_by_name(PROJECT, name) is None
    gazu.concept.new_concept(PROJECT, name)
    assert kitsu.sent[0] == ("GET", "data/concepts", {"project_id": PROJECT, "name": sent}, None)
    assert kitsu.last[3] == {"name": name, "data": {}, "entity_concept_links": []}
