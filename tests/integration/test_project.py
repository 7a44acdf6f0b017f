"""gazu.project against a real Kitsu: each test runs a production-setup sequence and reads back what was stored.

Persons, departments, task types and the other studio-level records a project
links to are made with raw calls (gazu.client), so these tests depend on no
other domain module.
"""

from __future__ import annotations

import pytest

import gazu
from gazu import client as raw
from gazu.exception import ParameterException, RouteNotFoundException
from tests.conftest import unique

pytestmark = pytest.mark.integration

NOT_EXERCISED = {
    "create_budget_entry": "Zou 1.0.97 requires a department_id upstream's arguments cannot carry: only the "
                           "server's refusal is checked (entries are made raw to exercise the other entry calls)",
}


def ids(items: list[dict]) -> list:
    return [item["id"] for item in items]


@pytest.fixture
def statuses(admin_client):
    return {status["short_name"]: status for status in raw.get("data/task-status")}


@pytest.fixture
def person(admin_client):
    name = unique("artist")
    return raw.post("data/persons", {"first_name": name, "last_name": "Test", "email": "%s@example.com" % name})


def test_project_lifecycle(admin_client):
    name = unique("film")
    asset_type = raw.post("data/entity-types", {"name": unique("Props")})
    task_type = raw.post("data/task-types", {"name": unique("Layout"), "for_entity": "Shot"})
    project = gazu.project.new_project(name, "featurefilm", asset_types=[asset_type], task_types=[task_type["id"]],
                                       production_style="3d")
    assert gazu.project.new_project(name)["id"] == project["id"]  # found by name, not made twice

    stored = gazu.project.get_project(project["id"])
    assert (stored["name"], stored["production_type"], stored["production_style"]) == (name, "featurefilm", "3d")
    assert stored["asset_types"] == [asset_type["id"]]
    assert task_type["id"] in stored["task_types"]
    assert gazu.project.get_project_by_name(name)["id"] == project["id"]
    assert gazu.project.get_project_by_name(unique("nothing")) is None
    assert project["id"] in ids(gazu.project.all_projects())
    assert project["id"] in ids(gazu.project.all_open_projects())
    assert gazu.project.get_project_url(project, "shots") == "%s/productions/%s/shots/" % (
        gazu.client.get_api_url_from_host(), project["id"])

    stored["fps"] = "24"
    stored["data"] = {"studio": "North", "budget": "low"}
    gazu.project.update_project(stored)
    gazu.project.update_project_data(project, {"budget": "high", "client": "ACME"})
    stored = gazu.project.get_project(project["id"])
    assert stored["fps"] == "24"
    assert stored["data"] == {"studio": "North", "budget": "high", "client": "ACME"}

    assert {"Open", "Closed"} <= {status["name"] for status in gazu.project.all_project_status()}
    closed = gazu.project.get_project_status_by_name("Closed")
    assert gazu.project.get_project_status_by_name(unique("nothing")) is None
    assert gazu.project.close_project(project)["project_status_id"] == closed["id"]
    assert gazu.project.get_project(project["id"])["project_status_id"] == closed["id"]
    assert project["id"] not in ids(gazu.project.all_open_projects())

    gazu.project.remove_project(project, force=True)
    with pytest.raises(RouteNotFoundException):
        gazu.project.get_project(project["id"])


def test_new_project_from_a_template(admin_client):
    template = raw.post("data/project-templates", {"name": unique("template"), "fps": "30", "ratio": "2.39"})
    project = gazu.project.new_project(unique("series"), "tvshow", project_template=template)
    stored = gazu.project.get_project(project["id"])
    assert (stored["fps"], stored["ratio"], stored["production_type"]) == ("30", "2.39", "tvshow")


def test_team_roles(new_project, person):
    assert gazu.project.add_person_to_team(new_project, person, role="supervisor")["id"] == new_project["id"]
    team = {member["id"]: member for member in gazu.project.get_team(new_project)}
    assert team[person["id"]]["project_role"] == "supervisor"

    link = gazu.project.update_team_member_role(new_project, person["id"], "manager")
    assert link == {"project_id": new_project["id"], "person_id": person["id"], "role": "manager"}
    assert {m["id"]: m for m in gazu.project.get_team(new_project)}[person["id"]]["project_role"] == "manager"
    gazu.project.update_team_member_role(new_project, person, None)
    assert {m["id"]: m for m in gazu.project.get_team(new_project)}[person["id"]]["project_role"] is None

    gazu.project.remove_person_from_team(new_project, person)
    assert person["id"] not in ids(gazu.project.get_team(new_project))


def test_production_settings(new_project, statuses):
    project = new_project
    asset_type = raw.post("data/entity-types", {"name": unique("Characters")})
    assert gazu.project.add_asset_type(project, asset_type)["id"] == project["id"]
    assert asset_type["id"] in gazu.project.get_project(project["id"])["asset_types"]

    first = raw.post("data/task-types", {"name": unique("Modeling"), "for_entity": "Asset"})
    second = raw.post("data/task-types", {"name": unique("Rigging"), "for_entity": "Asset"})
    gazu.project.add_task_type(project, second, 2)
    gazu.project.add_task_type(project, first["id"], 1)
    assert {first["id"], second["id"]} <= set(ids(gazu.project.get_project_task_types(project)))
    priorities = gazu.project.get_project(project["id"])["task_types_priority"]
    assert (priorities[first["id"]], priorities[second["id"]]) == (1, 2)
    gazu.project.remove_task_type(project, second)
    assert second["id"] not in ids(gazu.project.get_project_task_types(project))

    gazu.project.add_task_status(project, statuses["wip"])
    gazu.project.add_task_status(project, statuses["done"]["id"])
    assert {statuses["wip"]["id"], statuses["done"]["id"]} <= set(ids(gazu.project.get_project_task_statuses(project)))
    gazu.project.remove_task_status(project, statuses["wip"])
    assert statuses["wip"]["id"] not in ids(gazu.project.get_project_task_statuses(project))

    automation = raw.post("data/status-automations", {
        "entity_type": "asset", "in_task_type_id": first["id"], "in_task_status_id": statuses["done"]["id"],
        "out_field_type": "status", "out_task_type_id": second["id"], "out_task_status_id": statuses["wip"]["id"]})
    gazu.project.add_status_automation(project, {"status_automation_id": automation["id"]})
    assert ids(gazu.project.all_status_automations(project)) == [automation["id"]]
    gazu.project.remove_status_automation(project, automation)
    assert gazu.project.all_status_automations(project) == []

    background = raw.post("data/preview-background-files", {"name": unique("studio-hdr")[:40]})
    gazu.project.add_preview_background_file(project, {"preview_background_file_id": background["id"]})
    assert ids(gazu.project.get_preview_background_files(project)) == [background["id"]]
    gazu.project.remove_preview_background_file(project, background)
    assert gazu.project.get_preview_background_files(project) == []


def test_metadata_descriptors(new_project):
    project = new_project
    department = raw.post("data/departments", {"name": unique("Modeling"), "color": "#000000"})
    difficulty = gazu.project.add_metadata_descriptor(project, "Difficulty", "Asset", "list", ["easy", "hard"],
                                                      departments=[department])
    assert (difficulty["field_name"], difficulty["choices"], difficulty["departments"]) == (
        "difficulty", ["easy", "hard"], [department["id"]])
    notes = gazu.project.add_metadata_descriptor(project, "Shot notes", "Shot", for_client=True)
    assert (notes["entity_type"], notes["field_name"], notes["for_client"]) == ("Shot", "shot_notes", True)
    level = gazu.project.add_metadata_descriptor(project, "Level", "Asset", "number")

    assert set(ids(gazu.project.all_metadata_descriptors(project))) >= {difficulty["id"], notes["id"], level["id"]}
    assert ids(gazu.project.all_metadata_descriptors(project, entity_type="Shot")) == [notes["id"]]
    assert gazu.project.get_metadata_descriptor(project, difficulty["id"])["name"] == "Difficulty"
    assert gazu.project.get_metadata_descriptor_by_field_name(project, "shot_notes")["id"] == notes["id"]
    assert gazu.project.get_metadata_descriptor_by_field_name(project, "nothing_here") is None

    difficulty["choices"] = ["easy", "medium", "hard"]
    gazu.project.update_metadata_descriptor(project, difficulty)
    assert gazu.project.get_metadata_descriptor(project, difficulty["id"])["choices"] == ["easy", "medium", "hard"]

    gazu.project.reorder_metadata_descriptors(project, "Asset", [level, difficulty["id"]])
    assets = sorted(gazu.project.all_metadata_descriptors(project, entity_type="Asset"), key=lambda d: d["position"])
    assert ids(assets) == [level["id"], difficulty["id"]]

    gazu.project.remove_metadata_descriptor(project, notes)
    assert notes["id"] not in ids(gazu.project.all_metadata_descriptors(project))


def test_budgets(new_project):
    project = new_project
    budget = gazu.project.create_budget(project, "Season 1", currency="EUR")
    assert (budget["name"], budget["currency"], budget["revision"]) == ("Season 1", "EUR", 1)
    gazu.project.update_budget(project, budget, {"name": "Season 1 (v2)"})
    assert gazu.project.get_budget(project, budget["id"])["name"] == "Season 1 (v2)"
    assert ids(gazu.project.get_budgets(project)) == [budget["id"]]

    with pytest.raises(ParameterException):
        gazu.project.create_budget_entry(project, budget, "Animators", amount=1000)

    department = raw.post("data/departments", {"name": unique("Animation"), "color": "#ffffff"})
    entry = raw.post("data/projects/%s/budgets/%s/entries" % (project["id"], budget["id"]), {
        "department_id": department["id"], "start_date": "2026-01-01", "months_duration": 2, "daily_salary": 300,
        "position": "artist", "seniority": "mid"})
    assert ids(gazu.project.get_budget_entries(project, budget)) == [entry["id"]]
    # Zou replaces every field of an entry (a field left out becomes null): send the whole entry.
    gazu.project.update_budget_entry(project, budget, entry, {**entry, "months_duration": 5, "position": "lead"})
    stored = gazu.project.get_budget_entry(project, budget, entry["id"])
    assert (stored["months_duration"], stored["position"]) == (5, "lead")
    gazu.project.remove_budget_entry(project, budget, entry)
    assert gazu.project.get_budget_entries(project, budget) == []

    gazu.project.remove_budget(project, budget)
    assert gazu.project.get_budgets(project) == []


def test_schedule_and_quotas(new_project, person):
    project = new_project
    milestone = raw.post("data/milestones", {"name": "Animatic", "date": "2026-03-01", "project_id": project["id"]})
    assert ids(gazu.project.get_milestones(project)) == [milestone["id"]]
    task_type = raw.post("data/task-types", {"name": unique("Animation"), "for_entity": "Shot"})
    gazu.project.add_task_type(project, task_type, 1)
    assert gazu.project.get_project_quotas(project, task_type) == {}
    assert gazu.project.get_project_person_quotas(project, person) == {}


def test_quotas_count_a_shot_sent_for_feedback(new_project, person, statuses):
    # Zou weighs a shot by the time spent on it: 2 hours on one day, 1 on the next, then a feedback request.
    project = new_project
    task_type = raw.post("data/task-types", {"name": unique("Animation"), "for_entity": "Shot"})
    gazu.project.add_task_type(project, task_type, 1)
    sequence = raw.post("data/projects/%s/sequences" % project["id"], {"name": "SQ01"})
    shot = raw.post("data/projects/%s/shots" % project["id"], {"name": "SH010", "sequence_id": sequence["id"],
                                                               "nb_frames": 48})
    task = raw.post("data/tasks", {"name": "main", "project_id": project["id"], "task_type_id": task_type["id"],
                                   "task_status_id": statuses["todo"]["id"], "entity_id": shot["id"],
                                   "assignees": [person["id"]]})
    for day, hours in (("2026-01-05", 2), ("2026-01-06", 1)):
        raw.post("actions/tasks/%s/time-spents/%s/persons/%s" % (task["id"], day, person["id"]),
                 {"duration": hours * 3600})
    raw.post("actions/tasks/%s/comment" % task["id"], {"task_status_id": statuses["wfa"]["id"], "comment": "ready"})

    quotas = gazu.project.get_project_quotas(project, task_type)  # its type is checked by tests/realtypes.py
    assert set(quotas) == {person["id"], "total"}
    assert quotas[person["id"]]["day"]["frames"] == {"2026-01-05": 32, "2026-01-06": 16}
    assert quotas["total"]["month"]["count"] == {"2026-01": 1}
    by_task_type = gazu.project.get_project_person_quotas(project, person)
    assert set(by_task_type) == {task_type["id"], "total"}
    assert by_task_type[task_type["id"]]["week"]["frames"] == {"2026-2": 48}


def test_cached_reads_see_writes(new_project):
    gazu.cache.enable()
    assert gazu.project.get_budgets(new_project) == []
    budget = gazu.project.create_budget(new_project, "Pilot")
    assert ids(gazu.project.get_budgets(new_project)) == [budget["id"]]
