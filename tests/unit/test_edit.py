import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.unit.conftest import HOST, new_id

PROJECT = new_id()
EPISODE = new_id()
EDIT = new_id()
WEB = HOST[: -len("/api")]


def test_all_edits_for_project_sorted_by_name(kitsu):
    path = "data/projects/%s/edits" % PROJECT
    kitsu.on("GET", path, json=[{"name": "b"}, {"name": "A"}])
    assert [edit["name"] for edit in gazu.edit.all_edits_for_project({"id": PROJECT})] == ["A", "b"]
    assert kitsu.sent == [("GET", path, {}, None)]


@pytest.mark.parametrize("name, args, path", [
    ("all_edits_for_project", (PROJECT,), "data/projects/%s/edits" % PROJECT),
    ("all_previews_for_edit", ({"id": EDIT},), "data/edits/%s/preview-files" % EDIT),
    ("get_edit", (EDIT,), "data/edits/%s" % EDIT),
    ("get_edit_by_name", (PROJECT, "Trailer"), "data/edits/all"),
])
def test_reads_are_cached(kitsu, name, args, path):
    kitsu.on("GET", path, json=[{"id": EDIT, "name": "Trailer"}])
    gazu.cache.enable()
    assert getattr(gazu.edit, name)(*args) == getattr(gazu.edit, name)(*args)
    assert len(kitsu.sent) == 1


@pytest.mark.parametrize("name, args, path", [
    ("all_previews_for_edit", (EDIT,), "data/edits/%s/preview-files" % EDIT),
    ("get_edit", ({"id": EDIT},), "data/edits/%s" % EDIT),
])
def test_one_reads(kitsu, name, args, path):
    answer = {"task-type-id": [{"id": EDIT}]}
    kitsu.on("GET", path, json=answer)
    assert getattr(gazu.edit, name)(*args) == answer
    assert kitsu.sent == [("GET", path, {}, None)]


def test_get_edit_by_name(kitsu):
    kitsu.on("GET", "data/edits/all", json=[{"id": EDIT}])
    kitsu.on("GET", "data/edits/all", json=[])
    assert gazu.edit.get_edit_by_name({"id": PROJECT}, "Trailer") == {"id": EDIT}
    assert gazu.edit.get_edit_by_name(PROJECT, "Trailer") is None
    assert kitsu.sent == [("GET", "data/edits/all", {"project_id": PROJECT, "name": "Trailer"}, None)] * 2


@pytest.mark.parametrize("episode_id, url", [
    (None, "/productions/%s/edits/%s/" % (PROJECT, EDIT)),
    (EPISODE, "/productions/%s/episodes/%s/edits/%s/" % (PROJECT, EPISODE, EDIT)),
])
def test_get_edit_url(kitsu, episode_id, url):
    kitsu.on("GET", "data/edits/" + EDIT, json={"id": EDIT, "project_id": PROJECT, "episode_id": episode_id})
    gazu.cache.enable()
    assert gazu.edit.get_edit_url({"id": EDIT}) == WEB + url
    assert gazu.edit.get_edit_url(EDIT) == WEB + url
    assert kitsu.sent == [("GET", "data/edits/" + EDIT, {}, None)]


@pytest.mark.parametrize("args, body", [
    ((PROJECT, "Trailer"), {"name": "Trailer", "data": {}}),
    (({"id": PROJECT}, "Trailer", "Teaser cut", {"length": 90}, {"id": EPISODE}),
     {"name": "Trailer", "data": {"length": 90}, "description": "Teaser cut", "episode_id": EPISODE}),
])
def test_new_edit_posts_when_the_name_is_free(kitsu, args, body):
    kitsu.on("GET", "data/edits/all", json=[])
    kitsu.on("POST", "data/projects/%s/edits" % PROJECT, json={"id": EDIT}, status=201)
    assert gazu.edit.new_edit(*args) == {"id": EDIT}
    assert kitsu.sent == [("GET", "data/edits/all", {"project_id": PROJECT, "name": "Trailer"}, None),
                          ("POST", "data/projects/%s/edits" % PROJECT, {}, body)]


def test_new_edit_returns_the_edit_that_has_the_name(kitsu):
    kitsu.on("GET", "data/edits/all", json=[{"id": EDIT, "name": "Trailer"}])
    assert gazu.edit.new_edit(PROJECT, "Trailer") == {"id": EDIT, "name": "Trailer"}
    assert len(kitsu.sent) == 1


def test_update_edit_sends_the_whole_dict(kitsu):
    edit = {"id": EDIT, "name": "Trailer v2", "data": {"length": 95}}
    kitsu.on("PUT", "data/entities/" + EDIT, json=edit)
    assert gazu.edit.update_edit(edit) == edit
    assert kitsu.sent == [("PUT", "data/entities/" + EDIT, {}, edit)]


def test_update_edit_data_merges_into_a_fresh_read(kitsu):
    kitsu.on("GET", "data/edits/" + EDIT, json={"id": EDIT, "name": "Trailer", "data": {"kept": 1, "length": 90}})
    kitsu.on("PUT", "data/entities/" + EDIT, json={"id": EDIT})
    gazu.cache.enable()
    gazu.edit.get_edit(EDIT)
    assert gazu.edit.update_edit_data({"id": EDIT}, {"length": 95}) == {"id": EDIT}
    assert kitsu.sent[1:] == [("GET", "data/edits/" + EDIT, {}, None),
                              ("PUT", "data/entities/" + EDIT, {}, {"id": EDIT, "data": {"kept": 1, "length": 95}})]


@pytest.mark.parametrize("force, query", [(False, {}), (True, {"force": "True"})])
def test_remove_edit(kitsu, force, query):
    kitsu.on("DELETE", "data/edits/" + EDIT, body="")
    assert gazu.edit.remove_edit({"id": EDIT}, force=force) == ""
    assert kitsu.sent == [("DELETE", "data/edits/" + EDIT, query, None)]


IDS = [None, "", "a/b", {"name": "x"}, 42]

# (call taking the bad value, the argument it is passed as, bad values)
BAD_ARGUMENTS = [
    (lambda bad: gazu.edit.all_edits_for_project(bad), "project", IDS),
    (lambda bad: gazu.edit.all_previews_for_edit(bad), "edit", IDS),
    (lambda bad: gazu.edit.get_edit(bad), "edit_id", IDS),
    (lambda bad: gazu.edit.get_edit_by_name(bad, "Trailer"), "project", IDS),
    (lambda bad: gazu.edit.get_edit_url(bad), "edit", IDS),
    (lambda bad: gazu.edit.new_edit(bad, "Trailer"), "project", IDS),
    (lambda bad: gazu.edit.new_edit(PROJECT, "Trailer", episode=bad), "episode", IDS[1:]),
    (lambda bad: gazu.edit.update_edit(bad), "edit", IDS),
    (lambda bad: gazu.edit.update_edit_data(bad, {}), "edit", IDS),
    (lambda bad: gazu.edit.remove_edit(bad), "edit", IDS),
    (lambda bad: gazu.edit.new_edit(PROJECT, "Trailer", data=bad), "data", ["length=90", ["length"]]),
    (lambda bad: gazu.edit.update_edit_data(EDIT, bad), "data", ["length=90", ["length"]]),
]


@pytest.mark.parametrize("call, argument, bad", [(call, argument, bad) for call, argument, values in BAD_ARGUMENTS
                                                 for bad in values])
def test_bad_arguments_rejected_before_any_request(kitsu, call, argument, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        call(bad)
    assert kitsu.sent == []


@pytest.mark.parametrize("name, sent", [("", ""), (None, "None")])
def test_look_up_by_name_sends_the_name_as_upstream(kitsu, name, sent):
    kitsu.on("GET", "data/edits/all", json=[])
    kitsu.on("POST", "data/projects/%s/edits" % PROJECT, json={"id": EDIT})
    assert gazu.edit.get_edit_by_name(PROJECT, name) is None
    gazu.edit.new_edit(PROJECT, name)
    assert kitsu.sent[0] == ("GET", "data/edits/all", {"project_id": PROJECT, "name": sent}, None)
    assert kitsu.last == ("POST", "data/projects/%s/edits" % PROJECT, {}, {"name": name, "data": {}})
