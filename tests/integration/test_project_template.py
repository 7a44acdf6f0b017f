"""gazu.project_template against a real Kitsu: build a template, make projects from it, read back what was stored.

Task types, statuses and the other studio-level records a template links to
are made with raw calls (gazu.client).
"""

from __future__ import annotations

import pytest

import gazu
from gazu import client as raw
from gazu.exception import RouteNotFoundException
from tests.conftest import unique

pytestmark = pytest.mark.integration

# Every function of gazu.project_template is exercised below.
NOT_EXERCISED: dict[str, str] = {}


def ids(items: list[dict]) -> set:
    return {item["id"] for item in items}


@pytest.fixture
def studio(admin_client):
    """Studio-level records a template can link to."""
    statuses = {status["short_name"]: status for status in raw.get("data/task-status")}
    modeling = raw.post("data/task-types", {"name": unique("Modeling"), "for_entity": "Asset"})
    rigging = raw.post("data/task-types", {"name": unique("Rigging"), "for_entity": "Asset"})
    return {
        "modeling": modeling,
        "rigging": rigging,
        "wip": statuses["wip"],
        "done": statuses["done"],
        "props": raw.post("data/entity-types", {"name": unique("Props")}),
        "automation": raw.post("data/status-automations", {
            "entity_type": "asset", "in_task_type_id": modeling["id"], "in_task_status_id": statuses["done"]["id"],
            "out_field_type": "status", "out_task_type_id": rigging["id"],
            "out_task_status_id": statuses["wip"]["id"]}),
        "background": raw.post("data/preview-background-files", {"name": unique("hdr")}),
    }


@pytest.fixture
def template(admin_client):
    created = gazu.project_template.new_project_template(unique("series"), "for TV series", fps="25", ratio="16:9",
                                                         resolution="1920x1080", production_type="tvshow",
                                                         production_style="2d")
    yield created
    try:
        gazu.project_template.remove_project_template(created)
    except RouteNotFoundException:
        pass


def test_template_records(template):
    stored = gazu.project_template.get_project_template(template["id"])
    assert (stored["description"], stored["fps"], stored["ratio"], stored["resolution"]) == (
        "for TV series", "25", "16:9", "1920x1080")
    assert (stored["production_type"], stored["production_style"]) == ("tvshow", "2d")
    assert gazu.project_template.get_project_template_by_name(template["name"])["id"] == template["id"]
    assert gazu.project_template.get_project_template_by_name(unique("nothing")) is None
    assert template["id"] in ids(gazu.project_template.all_project_templates())

    stored["fps"] = "24"
    gazu.project_template.update_project_template(stored)
    assert gazu.project_template.get_project_template(template["id"])["fps"] == "24"

    gazu.project_template.remove_project_template(template["id"])
    with pytest.raises(RouteNotFoundException):
        gazu.project_template.get_project_template(template["id"])


def test_template_links(template, studio):
    module = gazu.project_template
    module.add_task_type_to_project_template(template, studio["rigging"], priority=2)
    module.add_task_type_to_project_template(template, studio["modeling"]["id"], priority=1)
    module.add_task_type_to_project_template(template, studio["rigging"], priority=3)  # changes the priority
    task_types = {link["id"]: link for link in module.all_task_types_for_project_template(template)}
    assert set(task_types) == {studio["modeling"]["id"], studio["rigging"]["id"]}
    assert task_types[studio["rigging"]["id"]]["priority"] == 3

    module.add_task_status_to_project_template(template, studio["wip"], priority=1, roles_for_board=["supervisor"])
    module.add_task_status_to_project_template(template, studio["done"])
    statuses = {link["id"]: link for link in module.all_task_statuses_for_project_template(template)}
    assert set(statuses) == {studio["wip"]["id"], studio["done"]["id"]}
    assert statuses[studio["wip"]["id"]]["roles_for_board"] == ["supervisor"]

    module.add_asset_type_to_project_template(template, studio["props"])
    assert ids(module.all_asset_types_for_project_template(template)) == {studio["props"]["id"]}
    module.add_status_automation_to_project_template(template, studio["automation"])
    assert ids(module.all_status_automations_for_project_template(template)) == {studio["automation"]["id"]}
    module.add_preview_background_file_to_project_template(template, studio["background"]["id"])
    assert ids(module.all_preview_background_files_for_project_template(template)) == {studio["background"]["id"]}

    stored = module.set_project_template_default_preview_background_file(template, studio["background"])
    assert stored["default_preview_background_file_id"] == studio["background"]["id"]
    stored = module.set_project_template_default_preview_background_file(template, None)
    assert stored["default_preview_background_file_id"] is None

    descriptors = [{"name": "Difficulty", "entity_type": "Asset", "data_type": "list", "choices": ["easy", "hard"]}]
    stored = module.set_project_template_metadata_descriptors(template, descriptors)
    assert [(d["name"], d["choices"]) for d in stored["metadata_descriptors"]] == [("Difficulty", ["easy", "hard"])]

    module.remove_task_type_from_project_template(template, studio["rigging"])
    module.remove_task_status_from_project_template(template, studio["done"])
    module.remove_asset_type_from_project_template(template, studio["props"])
    module.remove_status_automation_from_project_template(template, studio["automation"])
    module.remove_preview_background_file_from_project_template(template, studio["background"])
    assert ids(module.all_task_types_for_project_template(template)) == {studio["modeling"]["id"]}
    assert ids(module.all_task_statuses_for_project_template(template)) == {studio["wip"]["id"]}
    assert module.all_asset_types_for_project_template(template) == []
    assert module.all_status_automations_for_project_template(template) == []
    assert module.all_preview_background_files_for_project_template(template) == []


def test_template_from_a_project_applied_to_another(new_project, studio):
    module = gazu.project_template
    source = new_project
    raw.post("data/projects/%s/settings/task-types" % source["id"], {"task_type_id": studio["modeling"]["id"]})
    raw.post("data/projects/%s/settings/asset-types" % source["id"], {"asset_type_id": studio["props"]["id"]})
    raw.put("data/projects/%s" % source["id"], {"fps": "12"})

    template = module.new_project_template_from_project(source, unique("from-film"), "made from a project")
    try:
        assert template["description"] == "made from a project"
        assert template["fps"] == "12"
        assert studio["modeling"]["id"] in ids(module.all_task_types_for_project_template(template))
        assert ids(module.all_asset_types_for_project_template(template)) == {studio["props"]["id"]}

        target = raw.post("data/projects", {"name": unique("target"), "production_type": "short"})
        applied = module.apply_project_template(target, template)
        assert applied["id"] == target["id"]
        stored = raw.get("data/projects/%s" % target["id"])
        assert stored["fps"] == "12"
        assert studio["modeling"]["id"] in stored["task_types"]
        assert stored["asset_types"] == [studio["props"]["id"]]
    finally:
        module.remove_project_template(template)
