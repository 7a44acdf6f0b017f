import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.unit.conftest import new_id

PROJECT = new_id()
ID = new_id()
OTHER_ID = new_id()
UNSORTED = [{"name": "b"}, {"name": "A"}, {"name": "c"}]

# (function, positional arguments, path of the one GET it sends, sorted by name, cached)
LIST_READS = [
    ("all_entities", (), "data/entities", False, True),
    ("all_entity_types", (), "data/entity-types", True, True),
    ("all_entities_with_tasks_linked_to_entity", ({"id": ID},),
     "data/entities/%s/entities-linked/with-tasks" % ID, False, False),
]

# (function, positional arguments, path of the one GET it sends)
ONE_READS = [
    ("get_entity", (ID,), "data/entities/%s" % ID),
    ("get_entity_type", (ID,), "data/entity-types/%s" % ID),
]

# (function, positional arguments, path of the list it reads, query): the first item, or None
FIRST_READS = [
    ("get_entity_by_name", ("SH010",), "data/entities", {"name": "SH010"}),
    ("get_entity_by_name", ("SH010", {"id": PROJECT}), "data/entities", {"name": "SH010", "project_id": PROJECT}),
    ("get_entity_type_by_name", ("Props",), "data/entity-types", {"name": "Props"}),
]

DELETE_ROUTE = "actions/projects/%s/delete-entities" % PROJECT

# (function, positional arguments, method, path, query, JSON body sent)
WRITES = [
    ("new_entity_type", ("Props",), "POST", "data/entity-types", {}, {"name": "Props"}),
    ("remove_entity", (ID,), "DELETE", "data/entities/%s" % ID, {}, None),
    ("remove_entity", ({"id": ID}, True), "DELETE", "data/entities/%s" % ID, {"force": "True"}, None),
    ("remove_entity_type", ({"id": ID},), "DELETE", "data/entity-types/%s" % ID, {}, None),
    ("remove_entities", (PROJECT, [ID, {"id": OTHER_ID}]), "POST", DELETE_ROUTE, {}, [ID, OTHER_ID]),
    ("remove_entities", ({"id": PROJECT}, [ID], True), "POST", DELETE_ROUTE, {"force": "true"}, [ID]),
    ("guess_from_path", (PROJECT, "/prod/assets/props/cup"), "POST", "data/entities/guess_from_path", {},
     {"project_id": PROJECT, "file_path": "/prod/assets/props/cup", "sep": "/"}),
    ("guess_from_path", (PROJECT, r"C:\prod\cup", "\\"), "POST", "data/entities/guess_from_path", {},
     {"project_id": PROJECT, "file_path": r"C:\prod\cup", "sep": "\\"}),
]


@pytest.mark.parametrize("name, args, path, sorts, cached", LIST_READS, ids=[row[0] for row in LIST_READS])
def test_list_reads(kitsu, name, args, path, sorts, cached):
    kitsu.on("GET", path, json=UNSORTED)
    result = getattr(gazu.entity, name)(*args)
    assert [item["name"] for item in result] == (["A", "b", "c"] if sorts else ["b", "A", "c"])
    assert kitsu.sent == [("GET", path, {}, None)]
    gazu.cache.enable()
    getattr(gazu.entity, name)(*args)
    getattr(gazu.entity, name)(*args)
    assert len(kitsu.sent) == (2 if cached else 3)


@pytest.mark.parametrize("name, args, path", ONE_READS, ids=[row[0] for row in ONE_READS])
def test_one_reads(kitsu, name, args, path):
    kitsu.on("GET", path, json={"id": ID})
    assert getattr(gazu.entity, name)(*args) == {"id": ID}
    assert kitsu.sent == [("GET", path, {}, None)]
    gazu.cache.enable()
    getattr(gazu.entity, name)(*args)
    getattr(gazu.entity, name)(*args)
    assert len(kitsu.sent) == 2


@pytest.mark.parametrize("name, args, path, query", FIRST_READS, ids=[row[0] for row in FIRST_READS])
def test_first_reads(kitsu, name, args, path, query):
    kitsu.on("GET", path, json=[{"id": ID}, {"id": OTHER_ID}])
    assert getattr(gazu.entity, name)(*args) == {"id": ID}
    assert kitsu.sent == [("GET", path, query, None)]
    kitsu.mock.replace("GET", kitsu.url(path), json=[])
    assert getattr(gazu.entity, name)(*args) is None
    gazu.cache.enable()
    getattr(gazu.entity, name)(*args)
    getattr(gazu.entity, name)(*args)
    assert len(kitsu.sent) == 3


@pytest.mark.parametrize("name, args, method, path, query, body", WRITES,
                         ids=["%s-%d" % (row[0], index) for index, row in enumerate(WRITES)])
def test_writes(kitsu, name, args, method, path, query, body):
    kitsu.on(method, path, json=[ID])
    result = getattr(gazu.entity, name)(*args)
    assert kitsu.sent == [(method, path, query, body)]
    assert result == ('["%s"]' % ID if method == "DELETE" else [ID])


def test_guess_from_path_is_cached(kitsu):
    kitsu.on("POST", "data/entities/guess_from_path", json=[{"Template": "asset"}])
    gazu.cache.enable()
    gazu.entity.guess_from_path(PROJECT, "/prod/cup")
    assert gazu.entity.guess_from_path(PROJECT, "/prod/cup") == [{"Template": "asset"}]
    assert len(kitsu.sent) == 1


BAD_CALLS = [
    ("get_entity", "entity_id", lambda bad: (bad,), None),
    ("get_entity_type", "entity_type_id", lambda bad: (bad,), None),
    ("all_entities_with_tasks_linked_to_entity", "entity", lambda bad: (bad,), None),
    ("get_entity_by_name", "project", lambda bad: ("SH010", bad), ["", "a/b", {"name": "x"}, 42]),
    ("remove_entity", "entity", lambda bad: (bad,), None),
    ("remove_entity_type", "entity_type", lambda bad: (bad,), None),
    ("remove_entities", "project", lambda bad: (bad, [ID]), None),
    ("remove_entities", "entities", lambda bad: (PROJECT, [ID, bad]), None),
    ("guess_from_path", "project_id", lambda bad: (bad, "/prod/cup"), None),
]


@pytest.mark.parametrize("name, argument, make_args, bad", [
    pytest.param(name, argument, make_args, bad, id="%s-%s-%r" % (name, argument, bad))
    for name, argument, make_args, bads in BAD_CALLS
    for bad in (bads or [None, "", "a/b", {"name": "x"}, 42])])
def test_bad_arguments_rejected_before_any_request(kitsu, name, argument, make_args, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        getattr(gazu.entity, name)(*make_args(bad))
    assert kitsu.sent == []


def test_every_function_is_covered():
    covered = {row[0] for row in LIST_READS + ONE_READS + FIRST_READS + WRITES}
    public = {name for name, value in vars(gazu.entity).items()
              if callable(value) and not name.startswith("_") and getattr(value, "__module__", "") == "gazu.entity"}
    assert public == covered


@pytest.mark.parametrize("name, sent", [("", ""), (None, "None")])
def test_look_ups_by_name_send_the_name_as_upstream(kitsu, name, sent):
    kitsu.on("GET", "data/entities", json=[])
    kitsu.on("GET", "data/entity-types", json=[])
    assert gazu.entity.get_entity_by_name(name) is None
    assert gazu.entity.get_entity_type_by_name(name) is None
    assert kitsu.sent == [("GET", "data/entities", {"name": sent}, None),
                          ("GET", "data/entity-types", {"name": sent}, None)]


def test_values_are_sent_as_given(kitsu):
    kitsu.on("POST", "data/entity-types", json={"id": ID})
    kitsu.on("POST", "data/entities/guess_from_path", json=[])
    gazu.entity.new_entity_type("")
    gazu.entity.guess_from_path(PROJECT, "", "")
    assert [request[3] for request in kitsu.sent] == [
        {"name": ""}, {"project_id": PROJECT, "file_path": "", "sep": ""}]
