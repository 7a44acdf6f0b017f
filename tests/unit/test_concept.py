import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.unit.conftest import new_id

PROJECT = new_id()
ID = new_id()
ASSET = new_id()
OTHER_ASSET = new_id()
UNSORTED = [{"name": "b"}, {"name": "A"}, {"name": "c"}]

# (function, positional arguments, path of the one GET it sends, sorted by name)
LIST_READS = [
    ("all_concepts", (), "data/concepts", True),
    ("all_concepts_for_project", ({"id": PROJECT},), "data/projects/%s/concepts" % PROJECT, True),
]

# (function, positional arguments, path of the one GET it sends)
ONE_READS = [
    ("get_concept", (ID,), "data/concepts/%s" % ID),
    ("all_previews_for_concept", ({"id": ID},), "data/concepts/%s/preview-files" % ID),
]


@pytest.mark.parametrize("name, args, path, sorts", LIST_READS, ids=[row[0] for row in LIST_READS])
def test_list_reads(kitsu, name, args, path, sorts):
    kitsu.on("GET", path, json=UNSORTED)
    assert [item["name"] for item in getattr(gazu.concept, name)(*args)] == ["A", "b", "c"]
    assert kitsu.sent == [("GET", path, {}, None)]


@pytest.mark.parametrize("name, args, path", ONE_READS, ids=[row[0] for row in ONE_READS])
def test_one_reads(kitsu, name, args, path):
    kitsu.on("GET", path, json={"id": ID})
    assert getattr(gazu.concept, name)(*args) == {"id": ID}
    assert kitsu.sent == [("GET", path, {}, None)]


def test_get_concept_by_name(kitsu):
    kitsu.on("GET", "data/concepts", json=[{"id": ID, "name": "Hero"}])
    assert gazu.concept.get_concept_by_name({"id": PROJECT}, "Hero") == {"id": ID, "name": "Hero"}
    assert kitsu.sent == [("GET", "data/concepts", {"project_id": PROJECT, "name": "Hero"}, None)]


def test_get_concept_by_name_none_found(kitsu):
    kitsu.on("GET", "data/concepts", json=[])
    assert gazu.concept.get_concept_by_name(PROJECT, "Hero") is None


@pytest.mark.parametrize("name, args, path", [row[:3] for row in LIST_READS] + ONE_READS + [
    ("get_concept_by_name", (PROJECT, "Hero"), "data/concepts")], ids=lambda v: v if isinstance(v, str) else "")
def test_reads_are_cached(kitsu, name, args, path):
    kitsu.on("GET", path, json=[])
    gazu.cache.enable()
    function = getattr(gazu.concept, name)
    assert function(*args) == function(*args)
    assert len(kitsu.sent) == 1


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


def test_update_concept_sends_whole_dict(kitsu):
    concept = {"id": ID, "name": "Hero v2", "description": "ink"}
    kitsu.on("PUT", "data/entities/%s" % ID, json=concept)
    assert gazu.concept.update_concept(concept) == concept
    assert kitsu.sent == [("PUT", "data/entities/%s" % ID, {}, concept)]


@pytest.mark.parametrize("force, query", [(False, {}), (True, {"force": "True"})])
def test_remove_concept(kitsu, force, query):
    kitsu.on("DELETE", "data/concepts/%s" % ID, body="")
    assert gazu.concept.remove_concept({"id": ID}, force=force) == ""
    assert kitsu.sent == [("DELETE", "data/concepts/%s" % ID, query, None)]


BAD_CALLS = [
    ("all_concepts_for_project", "project", lambda bad: (bad,), None),
    ("all_previews_for_concept", "concept", lambda bad: (bad,), None),
    ("get_concept", "concept_id", lambda bad: (bad,), None),
    ("get_concept_by_name", "project", lambda bad: (bad, "Hero"), None),
    ("new_concept", "project", lambda bad: (bad, "Hero"), None),
    ("new_concept", "entity_concept_links", lambda bad: (PROJECT, "Hero", None, None, [ASSET, bad]), None),
    ("remove_concept", "concept", lambda bad: (bad,), None),
    ("new_concept", "data", lambda bad: (PROJECT, "Hero", None, bad), ["x", [1], 42]),
    ("update_concept", "concept", lambda bad: (bad,), [ID, None, {"name": "x"}]),
]


@pytest.mark.parametrize("name, argument, make_args, bad", [
    pytest.param(name, argument, make_args, bad, id="%s-%s-%r" % (name, argument, bad))
    for name, argument, make_args, bads in BAD_CALLS
    for bad in (bads or [None, "", "a/b", {"name": "x"}, 42])])
def test_bad_arguments_rejected_before_any_request(kitsu, name, argument, make_args, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        getattr(gazu.concept, name)(*make_args(bad))
    assert kitsu.sent == []


def test_every_function_is_covered():
    covered = {row[0] for row in LIST_READS + ONE_READS + BAD_CALLS}
    public = {name for name, value in vars(gazu.concept).items()
              if callable(value) and not name.startswith("_") and getattr(value, "__module__", "") == "gazu.concept"}
    assert public == covered


@pytest.mark.parametrize("name, sent", [("", ""), (None, "None")])
def test_look_up_by_name_sends_the_name_as_upstream(kitsu, name, sent):
    kitsu.on("GET", "data/concepts", json=[])
    kitsu.on("POST", "data/projects/%s/concepts" % PROJECT, json={"id": ID})
    assert gazu.concept.get_concept_by_name(PROJECT, name) is None
    gazu.concept.new_concept(PROJECT, name)
    assert kitsu.sent[0] == ("GET", "data/concepts", {"project_id": PROJECT, "name": sent}, None)
    assert kitsu.last[3] == {"name": name, "data": {}, "entity_concept_links": []}
