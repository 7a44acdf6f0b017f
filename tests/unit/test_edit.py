import pytest

import gazu
from tests.unit.conftest import HOST, new_id
from tests.unit.surface import Call

PROJECT = new_id()
EPISODE = new_id()
EDIT = new_id()
WEB = HOST[: -len("/api")]


EDIT_DICT = {"id": EDIT, "name": "Trailer v2", "data": {"length": 95}}
NOT_DATA = ["length=90", ["length"]]

SURFACE = [
    Call("edit.all_edits_for_project", ({"id": PROJECT},), path="data/projects/%s/edits" % PROJECT, sorts=True,
         cached=True, bad=("project",)),
    Call("edit.all_previews_for_edit", (EDIT,), path="data/edits/%s/preview-files" % EDIT, cached=True,
         bad=("edit",)),
    Call("edit.get_edit", ({"id": EDIT},), path="data/edits/%s" % EDIT, cached=True, bad=("edit_id",)),
    Call("edit.get_edit_by_name", ({"id": PROJECT}, "Trailer"), path="data/edits/all",
         query={"project_id": PROJECT, "name": "Trailer"}, first=True, cached=True, bad=("project",)),
    Call("edit.update_edit", (EDIT_DICT,), method="PUT", path="data/entities/" + EDIT, body=EDIT_DICT,
         answer=EDIT_DICT, bad=("edit",)),
    Call("edit.remove_edit", ({"id": EDIT},), method="DELETE", path="data/edits/" + EDIT, bad=("edit",)),
    Call("edit.remove_edit", ({"id": EDIT}, True), method="DELETE", path="data/edits/" + EDIT,
         query={"force": "True"}),
    Call("edit.get_edit_url", (EDIT,), bad=("edit",)),
    Call("edit.new_edit", (PROJECT, "Trailer"), bad=("project", "episode", ("data", NOT_DATA))),
    Call("edit.update_edit_data", (EDIT, {}), bad=("edit", ("data", NOT_DATA))),
]
HAND_TESTED = {"get_edit_url", "new_edit", "update_edit_data"}


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


def test_update_edit_data_merges_into_a_fresh_read(kitsu):
    kitsu.on("GET", "data/edits/" + EDIT, json={"id": EDIT, "name": "Trailer", "data": {"kept": 1, "length": 90}})
    kitsu.on("PUT", "data/entities/" + EDIT, json={"id": EDIT})
    gazu.cache.enable()
    gazu.edit.get_edit(EDIT)
    assert gazu.edit.update_edit_data({"id": EDIT}, {"length": 95}) == {"id": EDIT}
    assert kitsu.sent[1:] == [("GET", "data/edits/" + EDIT, {}, None),
                              ("PUT", "data/entities/" + EDIT, {}, {"id": EDIT, "data": {"kept": 1, "length": 95}})]


@pytest.mark.parametrize("name, sent", [("", ""), (None, "None")])
def test_look_up_by_name_sends_the_name_as_upstream(kitsu, name, sent):
    kitsu.on("GET", "data/edits/all", json=[])
    kitsu.on("POST", "data/projects/%s/edits" % PROJECT, json={"id": EDIT})
    assert gazu.edit.get_edit_by_name(PROJECT, name) is None
    gazu.edit.new_edit(PROJECT, name)
    assert kitsu.sent[0] == ("GET", "data/edits/all", {"project_id": PROJECT, "name": sent}, None)
    assert kitsu.last == ("POST", "data/projects/%s/edits" % PROJECT, {}, {"name": name, "data": {}})
