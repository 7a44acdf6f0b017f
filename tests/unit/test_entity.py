import pytest

import gazu
from tests.unit.conftest import bad_entities, new_id
from tests.unit.surface import Call

PROJECT = new_id()
ID = new_id()
OTHER_ID = new_id()
DELETE_ROUTE = "actions/projects/%s/delete-entities" % PROJECT
GUESS_ROUTE = "data/entities/guess_from_path"

SURFACE = [
    Call("entity.all_entities", (), path="data/entities", cached=True),
    Call("entity.all_entity_types", (), path="data/entity-types", sorts=True, cached=True),
    Call("entity.all_entities_with_tasks_linked_to_entity", ({"id": ID},),
         path="data/entities/%s/entities-linked/with-tasks" % ID, bad=("entity",)),
    Call("entity.get_entity", (ID,), path="data/entities/%s" % ID, cached=True, bad=("entity_id",)),
    Call("entity.get_entity_type", (ID,), path="data/entity-types/%s" % ID, cached=True, bad=("entity_type_id",)),
    Call("entity.get_entity_by_name", ("SH010",), path="data/entities", query={"name": "SH010"}, first=True,
         cached=True, bad=("project",)),
    Call("entity.get_entity_by_name", ("SH010", {"id": PROJECT}), path="data/entities",
         query={"name": "SH010", "project_id": PROJECT}, first=True, cached=True),
    Call("entity.get_entity_type_by_name", ("Props",), path="data/entity-types", query={"name": "Props"}, first=True,
         cached=True),
    Call("entity.new_entity_type", ("Props",), method="POST", path="data/entity-types", body={"name": "Props"}),
    Call("entity.remove_entity", (ID,), method="DELETE", path="data/entities/%s" % ID, bad=("entity",)),
    Call("entity.remove_entity", ({"id": ID}, True), method="DELETE", path="data/entities/%s" % ID,
         query={"force": "True"}),
    Call("entity.remove_entity_type", ({"id": ID},), method="DELETE", path="data/entity-types/%s" % ID,
         bad=("entity_type",)),
    Call("entity.remove_entities", (PROJECT, [ID, {"id": OTHER_ID}]), method="POST", path=DELETE_ROUTE,
         body=[ID, OTHER_ID], bad=("project", ("entities", [[ID, bad] for bad in bad_entities("entities")]))),
    Call("entity.remove_entities", ({"id": PROJECT}, [ID], True), method="POST", path=DELETE_ROUTE,
         query={"force": "true"}, body=[ID]),
    Call("entity.guess_from_path", (PROJECT, "/prod/assets/props/cup"), method="POST", path=GUESS_ROUTE,
         body={"project_id": PROJECT, "file_path": "/prod/assets/props/cup", "sep": "/"}, cached=True,
         bad=("project_id",)),
    Call("entity.guess_from_path", (PROJECT, r"C:\prod\cup", "\\"), method="POST", path=GUESS_ROUTE,
         body={"project_id": PROJECT, "file_path": r"C:\prod\cup", "sep": "\\"}, cached=True),
]
HAND_TESTED = set()


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
