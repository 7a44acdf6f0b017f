import pytest

import gazu
from gazu.exception import InvalidArgumentException, NotAllowedException, ProjectStatusNotFoundException
from tests.unit.conftest import bad_entities, new_id
from tests.unit.surface import Call

P = new_id()  # a project
X = new_id()  # a second entity
Y = new_id()  # a third entity
UNSORTED = [{"name": "b"}, {"name": "A"}, {"name": "c"}]

ENTITY = {"id": X, "name": "renamed", "data": {"fps": 25}}

SURFACE = [
    Call("project.all_projects", (), path="data/projects", sorts=True, cached=True),
    Call("project.all_open_projects", (), path="data/projects/open", sorts=True, cached=True),
    Call("project.all_project_status", (), path="data/project-status", sorts=True, cached=True),
    Call("project.get_team", (P,), path="data/projects/%s/team" % P, bad=("project",)),
    Call("project.get_project_task_types", ({"id": P},), path="data/projects/%s/settings/task-types" % P, cached=True,
         bad=("project",)),
    Call("project.get_project_task_statuses", (P,), path="data/projects/%s/settings/task-status" % P, cached=True,
         bad=("project",)),
    Call("project.all_status_automations", (P,), path="data/projects/%s/settings/status-automations" % P, cached=True,
         bad=("project",)),
    Call("project.get_preview_background_files", (P,), path="data/projects/%s/settings/preview-background-files" % P,
         cached=True, bad=("project",)),
    Call("project.all_metadata_descriptors", (P,), path="data/projects/%s/metadata-descriptors" % P, bad=("project",)),
    Call("project.get_budgets", (P,), path="data/projects/%s/budgets" % P, cached=True, bad=("project",)),
    Call("project.get_budget_entries", (P, X), path="data/projects/%s/budgets/%s/entries" % (P, X), cached=True,
         bad=("budget",)),
    Call("project.get_milestones", (P,), path="data/projects/%s/milestones" % P, cached=True, bad=("project",)),
    Call("project.get_project", (P,), path="data/projects/%s" % P, cached=True, bad=("project_id",)),
    Call("project.get_project_by_name", ("Agent 327",), path="data/projects", query={"name": "Agent 327"}, first=True,
         cached=True),
    Call("project.get_project_status_by_name", ("Closed",), path="data/project-status", query={"name": "Closed"},
         first=True, cached=True),
    Call("project.get_metadata_descriptor", (P, X), path="data/projects/%s/metadata-descriptors/%s" % (P, X),
         bad=("metadata_descriptor_id",)),
    Call("project.get_metadata_descriptor_by_field_name", ({"id": P}, "difficulty"), path="data/metadata-descriptors",
         query={"project_id": P, "field_name": "difficulty"}, first=True, bad=("project",)),
    Call("project.get_budget", (P, X), path="data/projects/%s/budgets/%s" % (P, X), cached=True, bad=("budget",)),
    Call("project.get_budget_entry", (P, X, Y), path="data/projects/%s/budgets/%s/entries/%s" % (P, X, Y), cached=True,
         bad=("entry",)),
    Call("project.get_project_quotas", (P, X), path="data/projects/%s/quotas/%s" % (P, X), cached=True,
         bad=("task_type",)),
    Call("project.get_project_person_quotas", (P, {"id": X}), path="data/projects/%s/quotas/persons/%s" % (P, X),
         cached=True, bad=("person",)),
    Call("project.add_person_to_team", (P, X), method="POST", path="data/projects/%s/team" % P, body={"person_id": X},
         bad=("person",)),
    Call("project.add_person_to_team", (P, {"id": X}, "supervisor"), method="POST", path="data/projects/%s/team" % P,
         body={"person_id": X, "role": "supervisor"}),
    Call("project.update_team_member_role", (P, X, "manager"), method="PUT", path="data/projects/%s/team/%s" % (P, X),
         body={"role": "manager"}, bad=("person",)),
    Call("project.update_team_member_role", (P, X, None), method="PUT", path="data/projects/%s/team/%s" % (P, X),
         body={"role": None}),
    Call("project.remove_person_from_team", (P, X), method="DELETE", path="data/projects/%s/team/%s" % (P, X),
         bad=("project",)),
    Call("project.add_asset_type", (P, {"id": X}), method="POST", path="data/projects/%s/settings/asset-types" % P,
         body={"asset_type_id": X}, bad=("asset_type",)),
    Call("project.add_task_type", (P, X, 3), method="POST", path="data/projects/%s/settings/task-types" % P,
         body={"task_type_id": X, "priority": 3}, bad=("task_type",)),
    Call("project.remove_task_type", (P, X), method="DELETE", path="data/projects/%s/settings/task-types/%s" % (P, X),
         bad=("task_type",)),
    Call("project.add_task_status", (P, X), method="POST", path="data/projects/%s/settings/task-status" % P,
         body={"task_status_id": X}, bad=("task_status",)),
    Call("project.remove_task_status", (P, X), method="DELETE",
         path="data/projects/%s/settings/task-status/%s" % (P, X), bad=("task_status",)),
    Call("project.add_status_automation", (P, {"status_automation_id": X}), method="POST",
         path="data/projects/%s/settings/status-automations" % P, body={"status_automation_id": X}),
    Call("project.add_status_automation", (P, {"from_status_id": X, "to_status_id": Y}), method="POST",
         path="data/projects/%s/settings/status-automations" % P, body={"from_status_id": X, "to_status_id": Y}),
    Call("project.remove_status_automation", (P, X), method="DELETE",
         path="data/projects/%s/settings/status-automations/%s" % (P, X), bad=("automation",)),
    Call("project.add_preview_background_file", (P, {"preview_background_file_id": X}), method="POST",
         path="data/projects/%s/settings/preview-background-files" % P, body={"preview_background_file_id": X}),
    Call("project.add_preview_background_file", (P, {"name": "grid"}), method="POST",
         path="data/projects/%s/settings/preview-background-files" % P, body={"name": "grid"}),
    Call("project.remove_preview_background_file", (P, X), method="DELETE",
         path="data/projects/%s/settings/preview-background-files/%s" % (P, X), bad=("background_file",)),
    Call("project.add_metadata_descriptor", (P, "Difficulty", "Asset"), method="POST",
         path="data/projects/%s/metadata-descriptors" % P,
         body={"name": "Difficulty", "entity_type": "Asset", "data_type": "string", "choices": [], "for_client": False,
               "departments": []},
         bad=(("departments", [["a/b"], [None]]),)),
    Call("project.add_metadata_descriptor", (P, "Level", "Task", "list", ["easy", "hard"], True, [{"id": Y}], X),
         method="POST", path="data/projects/%s/metadata-descriptors" % P,
         body={"name": "Level", "entity_type": "Task", "data_type": "list", "choices": ["easy", "hard"],
               "for_client": True, "departments": [Y], "task_type_id": X},
         bad=(("task_type_id", ["", "a/b", {"name": "x"}, 42]),)),
    Call("project.add_metadata_descriptor", (P, "", "asset", ""), method="POST",
         path="data/projects/%s/metadata-descriptors" % P,
         body={"name": "", "entity_type": "asset", "data_type": "", "choices": [], "for_client": False,
               "departments": []}),
    Call("project.reorder_metadata_descriptors", (P, "Shot", [X, {"id": Y}]), method="POST",
         path="data/projects/%s/metadata-descriptors/reorder" % P,
         body={"entity_type": "Shot", "descriptor_ids": [X, Y]},
         bad=(("descriptor_ids", [[X, bad] for bad in bad_entities("descriptor_ids")]),)),
    Call("project.reorder_metadata_descriptors", (P, "shot", None), method="POST",
         path="data/projects/%s/metadata-descriptors/reorder" % P, body={"entity_type": "shot", "descriptor_ids": []}),
    Call("project.remove_metadata_descriptor", (P, X), method="DELETE",
         path="data/projects/%s/metadata-descriptors/%s" % (P, X), bad=("metadata_descriptor_id",)),
    Call("project.remove_metadata_descriptor", (P, {"id": X}), {"force": True}, method="DELETE",
         path="data/projects/%s/metadata-descriptors/%s" % (P, X), query={"force": "True"}),
    Call("project.create_budget", (P, "Season 1"), method="POST", path="data/projects/%s/budgets" % P,
         body={"name": "Season 1"}, bad=("project",)),
    Call("project.create_budget", (P, ""), method="POST", path="data/projects/%s/budgets" % P, body={"name": ""}),
    Call("project.update_budget", (P, X, {}), method="PUT", path="data/projects/%s/budgets/%s" % (P, X), body={},
         bad=("budget", ("data", ["name=x"]),)),
    Call("project.create_budget", (P, "Season 1"), {"currency": "EUR", "amount": 1000}, method="POST",
         path="data/projects/%s/budgets" % P, body={"name": "Season 1", "currency": "EUR", "amount": 1000}),
    Call("project.update_budget", (P, X, {"name": "Season 2"}), method="PUT",
         path="data/projects/%s/budgets/%s" % (P, X), body={"name": "Season 2"}),
    Call("project.remove_budget", (P, X), method="DELETE", path="data/projects/%s/budgets/%s" % (P, X),
         bad=("budget",)),
    Call("project.create_budget_entry", (P, X, "Animators"), method="POST",
         path="data/projects/%s/budgets/%s/entries" % (P, X), body={"name": "Animators"}, bad=("budget",)),
    Call("project.create_budget_entry", (P, X, "Animators"), {"quantity": 4, "unit_price": 250.0, "category": "crew"},
         method="POST", path="data/projects/%s/budgets/%s/entries" % (P, X),
         body={"name": "Animators", "quantity": 4, "unit_price": 250.0, "category": "crew"}),
    Call("project.update_budget_entry", (P, X, Y, {"months_duration": 3}), method="PUT",
         path="data/projects/%s/budgets/%s/entries/%s" % (P, X, Y), body={"months_duration": 3},
         bad=("entry", ("data", ["name=x"]),)),
    Call("project.remove_budget_entry", (P, X, Y), method="DELETE",
         path="data/projects/%s/budgets/%s/entries/%s" % (P, X, Y), bad=("entry",)),
    Call("project.remove_project", ({"id": P},), method="DELETE", path="data/projects/%s" % P, bad=("project",)),
    Call("project.remove_project", (P,), {"force": True}, method="DELETE", path="data/projects/%s" % P,
         query={"force": "true"}),
    Call("project.update_project", (ENTITY,), method="PUT", path="data/projects/%s" % X, body=ENTITY, answer=ENTITY,
         bad=(("project", [X, {"name": "no id"}, None]),)),
    Call("project.update_metadata_descriptor", (P, ENTITY), method="PUT",
         path="data/projects/%s/metadata-descriptors/%s" % (P, X), body=ENTITY, answer=ENTITY,
         bad=(("metadata_descriptor", [X, {"name": "no id"}, None]),)),
    # Tested by hand below; their bad arguments here.
    Call("project.get_project_url", (P,), bad=("project",)),
    Call("project.close_project", (P,), bad=("project",)),
    Call("project.update_project_data", (P, {"a": 1}), bad=("project", ("data", ["fps=24", 42]))),
    Call("project.new_project", ("n", "short"), bad=(("team", [["a/b"]]), ("project_template", ["x?"]))),
]
HAND_TESTED = {"new_project", "close_project", "update_project_data", "get_project_url"}


def test_writes_clear_cached_reads(kitsu):
    kitsu.on("GET", "data/projects/%s/budgets" % P, json=[])
    kitsu.on("POST", "data/projects/%s/budgets" % P, json={"id": X})
    gazu.cache.enable()
    gazu.project.get_budgets(P)
    gazu.project.create_budget(P, "Season 1")
    gazu.project.get_budgets(P)
    assert [request[0] for request in kitsu.sent] == ["GET", "POST", "GET"]


def test_new_project_creates_when_missing(kitsu):
    kitsu.on("GET", "data/projects", json=[])
    kitsu.on("POST", "data/projects", json={"id": P, "name": "Agent 327"})
    template = new_id()
    project = gazu.project.new_project("Agent 327", "tvshow", team=[X], task_types=[{"id": Y}],
                                       production_style="3d", project_template={"id": template})
    assert project == {"id": P, "name": "Agent 327"}
    assert kitsu.sent == [
        ("GET", "data/projects", {"name": "Agent 327"}, None),
        ("POST", "data/projects", {}, {"name": "Agent 327", "production_type": "tvshow", "production_style": "3d",
                                       "team": [X], "asset_types": [], "task_statuses": [], "task_types": [Y],
                                       "project_template_id": template}),
    ]


def test_new_project_defaults(kitsu):
    kitsu.on("GET", "data/projects", json=[])
    kitsu.on("POST", "data/projects", json={"id": P})
    gazu.project.new_project("Short")
    assert kitsu.last[3] == {"name": "Short", "production_type": "short", "production_style": "2d3d", "team": [],
                             "asset_types": [], "task_statuses": [], "task_types": []}


def test_new_project_returns_existing(kitsu):
    kitsu.on("GET", "data/projects", json=[{"id": P, "name": "Agent 327"}])
    assert gazu.project.new_project("Agent 327") == {"id": P, "name": "Agent 327"}
    assert kitsu.sent == [("GET", "data/projects", {"name": "Agent 327"}, None)]


@pytest.mark.parametrize("project, answer", [({"id": P, "name": "Agent 327"}, {"id": P, "name": "Agent 327"}),
                                             (P, {"id": P})])
@pytest.mark.parametrize("status_name", ["Closed", "closed"])
def test_close_project_sets_the_closed_status(kitsu, project, answer, status_name):
    # As upstream: the status is found whatever its case, and the project given comes back with it.
    closed = new_id()
    kitsu.on("GET", "data/project-status", json=[{"id": new_id(), "name": "Open"}, {"id": closed, "name": status_name}])
    kitsu.on("PUT", "data/projects/%s" % P, json={"id": P, "name": "Agent 327", "project_status_id": closed})
    assert gazu.project.close_project(project) == {**answer, "project_status_id": closed}
    assert kitsu.sent == [("GET", "data/project-status", {}, None),  # the id and the status only, as upstream
                          ("PUT", "data/projects/%s" % P, {}, {"id": P, "project_status_id": closed})]


def test_saved_projects_carry_their_lists_as_ids(kitsu):
    # As upstream: a project's team, asset types, task types and task statuses are saved as ids, each a dict or
    # an id of UUID shape; the dict given is left as it is.
    project = {"id": "project-01", "team": [{"id": "person-01", "name": "Ada"}, X], "asset_types": {"id": Y},
               "task_statuses": None, "task_types": [], "data": {"fps": 24}}
    kitsu.on("PUT", "data/projects/project-01", json={"id": "project-01"})
    gazu.project.update_project(project)
    assert kitsu.last == ("PUT", "data/projects/project-01", {}, {
        "id": "project-01", "team": ["person-01", X], "asset_types": [Y], "task_statuses": [], "task_types": [],
        "data": {"fps": 24}})
    assert project["team"][0] == {"id": "person-01", "name": "Ada"}
    closed = new_id()
    kitsu.on("GET", "data/project-status", json=[{"id": closed, "name": "Closed"}])
    assert gazu.project.close_project(project) == {**project, "team": ["person-01", X], "asset_types": [Y],
                                                   "task_statuses": [], "project_status_id": closed}
    sent = len(kitsu.sent)
    for call in (gazu.project.update_project, gazu.project.close_project):
        with pytest.raises(InvalidArgumentException, match="^team: "):
            call({"id": P, "team": ["person-01"]})
    assert len(kitsu.sent) == sent


def test_update_metadata_descriptor_saves_its_departments_as_ids(kitsu):
    kitsu.on("PUT", "data/projects/%s/metadata-descriptors/%s" % (P, X), json={})
    gazu.project.update_metadata_descriptor(P, {"id": X, "departments": [{"id": "department-01"}, Y]})
    assert kitsu.last[3] == {"id": X, "departments": ["department-01", Y]}
    with pytest.raises(InvalidArgumentException, match="^departments: "):
        gazu.project.update_metadata_descriptor(P, {"id": X, "departments": ["department-01"]})
    assert len(kitsu.sent) == 1


def test_close_project_without_a_closed_status(kitsu):
    kitsu.on("GET", "data/project-status", json=[{"id": new_id(), "name": "Open"}])
    with pytest.raises(ProjectStatusNotFoundException, match="Closed") as raised:
        gazu.project.close_project(P)
    assert isinstance(raised.value, ValueError)  # what upstream raised
    assert len(kitsu.sent) == 1


@pytest.mark.invented_routes  # upstream's route, which Zou 1.0.97 lacks: answered here as Zou does
@pytest.mark.parametrize("status", [405, 404])
def test_get_project_task_types_falls_back_on_the_project_route(kitsu, status):
    kitsu.on("GET", "data/projects/%s/settings/task-types" % P, status=status, json={"message": "no"})
    kitsu.on("GET", "data/projects/%s/task-types" % P, json=UNSORTED)
    assert gazu.project.get_project_task_types(P) == UNSORTED
    assert [request[1] for request in kitsu.sent] == ["data/projects/%s/settings/task-types" % P,
                                                      "data/projects/%s/task-types" % P]


def test_get_project_task_types_other_errors_raise(kitsu):
    kitsu.on("GET", "data/projects/%s/settings/task-types" % P, status=403, json={"message": "no"})
    with pytest.raises(NotAllowedException):
        gazu.project.get_project_task_types(P)
    assert len(kitsu.sent) == 1


def test_update_project_data_merges_into_fresh_data(kitsu):
    kitsu.on("GET", "data/projects/%s" % P, json={"id": P, "name": "Agent 327", "data": {"fps": 25, "studio": "North"}})
    kitsu.on("PUT", "data/projects/%s" % P, json={"id": P})
    gazu.cache.enable()
    gazu.project.update_project_data(P, {"fps": 24})
    gazu.project.update_project_data(P, {"fps": 24})
    assert kitsu.sent[:2] == [("GET", "data/projects/%s" % P, {}, None),  # saved whole, as upstream
                              ("PUT", "data/projects/%s" % P, {}, {"id": P, "name": "Agent 327",
                                                                  "data": {"fps": 24, "studio": "North"}})]
    assert [request[0] for request in kitsu.sent] == ["GET", "PUT", "GET", "PUT"]


@pytest.mark.parametrize("host, web", [("http://kitsu.test/api", "http://kitsu.test"),
                                       ("http://kitsu.test/api/", "http://kitsu.test/api/")])  # as upstream
def test_get_project_url(kitsu, host, web):
    gazu.set_host(host)
    assert gazu.project.get_project_url(P) == "%s/productions/%s/assets/" % (web, P)
    assert gazu.project.get_project_url({"id": P}, "shots") == "%s/productions/%s/shots/" % (web, P)
    assert kitsu.sent == []


@pytest.mark.parametrize("name, sent", [("", ""), (None, "None")])
def test_look_ups_by_name_send_the_name_as_upstream(kitsu, name, sent):
    kitsu.on("GET", "data/projects", json=[])
    kitsu.on("GET", "data/project-status", json=[])
    kitsu.on("GET", "data/metadata-descriptors", json=[])
    assert gazu.project.get_project_by_name(name) is None
    assert gazu.project.get_project_status_by_name(name) is None
    assert gazu.project.get_metadata_descriptor_by_field_name(P, name) is None
    assert kitsu.sent == [("GET", "data/projects", {"name": sent}, None),
                          ("GET", "data/project-status", {"name": sent}, None),
                          ("GET", "data/metadata-descriptors", {"project_id": P, "field_name": sent}, None)]


def test_new_project_sends_the_name_as_given(kitsu):
    kitsu.on("GET", "data/projects", json=[])
    kitsu.on("POST", "data/projects", json={"id": P})
    gazu.project.new_project("")
    assert kitsu.last[3]["name"] == ""


def test_all_metadata_descriptors_filters_by_entity_type(kitsu):
    descriptors = [{"name": "a", "entity_type": "Asset"}, {"name": "s", "entity_type": "Shot"}]
    kitsu.on("GET", "data/projects/%s/metadata-descriptors" % P, json=descriptors)
    assert gazu.project.all_metadata_descriptors(P, entity_type="Shot") == [descriptors[1]]
    assert gazu.project.all_metadata_descriptors(P, entity_type="asset") == []  # compared as given, as upstream
    assert gazu.project.all_metadata_descriptors(P) == descriptors
