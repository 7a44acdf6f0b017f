import pytest

import gazu
from gazu.exception import InvalidArgumentException, NotAllowedException, ProjectStatusNotFoundException
from tests.unit.conftest import bad_entities, new_id

P = new_id()  # a project
X = new_id()  # a second entity
Y = new_id()  # a third entity
UNSORTED = [{"name": "b"}, {"name": "A"}, {"name": "c"}]

# (function, positional arguments, path of the one GET it sends, sorted by name, cached)
LIST_READS = [
    ("all_projects", (), "data/projects", True, True),
    ("all_open_projects", (), "data/projects/open", True, True),
    ("all_project_status", (), "data/project-status", True, True),
    ("get_team", (P,), "data/projects/%s/team" % P, False, False),
    ("get_project_task_types", ({"id": P},), "data/projects/%s/settings/task-types" % P, False, True),
    ("get_project_task_statuses", (P,), "data/projects/%s/settings/task-status" % P, False, True),
    ("all_status_automations", (P,), "data/projects/%s/settings/status-automations" % P, False, True),
    ("get_preview_background_files", (P,), "data/projects/%s/settings/preview-background-files" % P, False, True),
    ("all_metadata_descriptors", (P,), "data/projects/%s/metadata-descriptors" % P, False, False),
    ("get_budgets", (P,), "data/projects/%s/budgets" % P, False, True),
    ("get_budget_entries", (P, X), "data/projects/%s/budgets/%s/entries" % (P, X), False, True),
    ("get_milestones", (P,), "data/projects/%s/milestones" % P, False, True),
]

# (function, positional arguments, path of the one GET it sends, query, cached)
ONE_READS = [
    ("get_project", (P,), "data/projects/%s" % P, {}, True),
    ("get_project_by_name", ("Agent 327",), "data/projects", {"name": "Agent 327"}, True),
    ("get_project_status_by_name", ("Closed",), "data/project-status", {"name": "Closed"}, True),
    ("get_metadata_descriptor", (P, X), "data/projects/%s/metadata-descriptors/%s" % (P, X), {}, False),
    ("get_metadata_descriptor_by_field_name", ({"id": P}, "difficulty"), "data/metadata-descriptors",
     {"project_id": P, "field_name": "difficulty"}, False),
    ("get_budget", (P, X), "data/projects/%s/budgets/%s" % (P, X), {}, True),
    ("get_budget_entry", (P, X, Y), "data/projects/%s/budgets/%s/entries/%s" % (P, X, Y), {}, True),
    ("get_project_quotas", (P, X), "data/projects/%s/quotas/%s" % (P, X), {}, True),
    ("get_project_person_quotas", (P, {"id": X}), "data/projects/%s/quotas/persons/%s" % (P, X), {}, True),
]

# (function, positional arguments, keyword arguments, method, path, query, JSON body sent)
WRITES = [
    ("add_person_to_team", (P, X), {}, "POST", "data/projects/%s/team" % P, {}, {"person_id": X}),
    ("add_person_to_team", (P, {"id": X}, "supervisor"), {}, "POST", "data/projects/%s/team" % P, {},
     {"person_id": X, "role": "supervisor"}),
    ("update_team_member_role", (P, X, "manager"), {}, "PUT", "data/projects/%s/team/%s" % (P, X), {},
     {"role": "manager"}),
    ("update_team_member_role", (P, X, None), {}, "PUT", "data/projects/%s/team/%s" % (P, X), {}, {"role": None}),
    ("remove_person_from_team", (P, X), {}, "DELETE", "data/projects/%s/team/%s" % (P, X), {}, None),
    ("add_asset_type", (P, {"id": X}), {}, "POST", "data/projects/%s/settings/asset-types" % P, {},
     {"asset_type_id": X}),
    ("add_task_type", (P, X, 3), {}, "POST", "data/projects/%s/settings/task-types" % P, {},
     {"task_type_id": X, "priority": 3}),
    ("remove_task_type", (P, X), {}, "DELETE", "data/projects/%s/settings/task-types/%s" % (P, X), {}, None),
    ("add_task_status", (P, X), {}, "POST", "data/projects/%s/settings/task-status" % P, {}, {"task_status_id": X}),
    ("remove_task_status", (P, X), {}, "DELETE", "data/projects/%s/settings/task-status/%s" % (P, X), {}, None),
    ("add_status_automation", (P, {"status_automation_id": X}), {}, "POST",
     "data/projects/%s/settings/status-automations" % P, {}, {"status_automation_id": X}),
    ("add_status_automation", (P, {"from_status_id": X, "to_status_id": Y}), {}, "POST",
     "data/projects/%s/settings/status-automations" % P, {}, {"from_status_id": X, "to_status_id": Y}),
    ("remove_status_automation", (P, X), {}, "DELETE",
     "data/projects/%s/settings/status-automations/%s" % (P, X), {}, None),
    ("add_preview_background_file", (P, {"preview_background_file_id": X}), {}, "POST",
     "data/projects/%s/settings/preview-background-files" % P, {}, {"preview_background_file_id": X}),
    ("add_preview_background_file", (P, {"name": "grid"}), {}, "POST",
     "data/projects/%s/settings/preview-background-files" % P, {}, {"name": "grid"}),
    ("remove_preview_background_file", (P, X), {}, "DELETE",
     "data/projects/%s/settings/preview-background-files/%s" % (P, X), {}, None),
    ("add_metadata_descriptor", (P, "Difficulty", "Asset"), {}, "POST", "data/projects/%s/metadata-descriptors" % P,
     {}, {"name": "Difficulty", "entity_type": "Asset", "data_type": "string", "choices": [], "for_client": False,
          "departments": []}),
    ("add_metadata_descriptor", (P, "Level", "Task", "list", ["easy", "hard"], True, [{"id": Y}], X), {}, "POST",
     "data/projects/%s/metadata-descriptors" % P, {},
     {"name": "Level", "entity_type": "Task", "data_type": "list", "choices": ["easy", "hard"], "for_client": True,
      "departments": [Y], "task_type_id": X}),
    # Values go out as given, as upstream: the server judges "" or a lower-case entity type.
    ("add_metadata_descriptor", (P, "", "asset", ""), {}, "POST", "data/projects/%s/metadata-descriptors" % P, {},
     {"name": "", "entity_type": "asset", "data_type": "", "choices": [], "for_client": False, "departments": []}),
    ("reorder_metadata_descriptors", (P, "Shot", [X, {"id": Y}]), {}, "POST",
     "data/projects/%s/metadata-descriptors/reorder" % P, {}, {"entity_type": "Shot", "descriptor_ids": [X, Y]}),
    ("reorder_metadata_descriptors", (P, "shot", None), {}, "POST",
     "data/projects/%s/metadata-descriptors/reorder" % P, {}, {"entity_type": "shot", "descriptor_ids": []}),
    ("remove_metadata_descriptor", (P, X), {}, "DELETE", "data/projects/%s/metadata-descriptors/%s" % (P, X), {},
     None),
    ("remove_metadata_descriptor", (P, {"id": X}), {"force": True}, "DELETE",
     "data/projects/%s/metadata-descriptors/%s" % (P, X), {"force": "True"}, None),
    ("create_budget", (P, "Season 1"), {}, "POST", "data/projects/%s/budgets" % P, {}, {"name": "Season 1"}),
    ("create_budget", (P, ""), {}, "POST", "data/projects/%s/budgets" % P, {}, {"name": ""}),
    ("update_budget", (P, X, {}), {}, "PUT", "data/projects/%s/budgets/%s" % (P, X), {}, {}),
    ("create_budget", (P, "Season 1"), {"currency": "EUR", "amount": 1000}, "POST", "data/projects/%s/budgets" % P,
     {}, {"name": "Season 1", "currency": "EUR", "amount": 1000}),
    ("update_budget", (P, X, {"name": "Season 2"}), {}, "PUT", "data/projects/%s/budgets/%s" % (P, X), {},
     {"name": "Season 2"}),
    ("remove_budget", (P, X), {}, "DELETE", "data/projects/%s/budgets/%s" % (P, X), {}, None),
    ("create_budget_entry", (P, X, "Animators"), {}, "POST", "data/projects/%s/budgets/%s/entries" % (P, X), {},
     {"name": "Animators"}),
    ("create_budget_entry", (P, X, "Animators"), {"quantity": 4, "unit_price": 250.0, "category": "crew"}, "POST",
     "data/projects/%s/budgets/%s/entries" % (P, X), {},
     {"name": "Animators", "quantity": 4, "unit_price": 250.0, "category": "crew"}),
    ("update_budget_entry", (P, X, Y, {"months_duration": 3}), {}, "PUT",
     "data/projects/%s/budgets/%s/entries/%s" % (P, X, Y), {}, {"months_duration": 3}),
    ("remove_budget_entry", (P, X, Y), {}, "DELETE", "data/projects/%s/budgets/%s/entries/%s" % (P, X, Y), {}, None),
    ("remove_project", ({"id": P},), {}, "DELETE", "data/projects/%s" % P, {}, None),
    ("remove_project", (P,), {"force": True}, "DELETE", "data/projects/%s" % P, {"force": "true"}, None),
]


@pytest.mark.parametrize("name, args, path, sorts, cached", LIST_READS, ids=[row[0] for row in LIST_READS])
def test_list_reads(kitsu, name, args, path, sorts, cached):
    kitsu.on("GET", path, json=UNSORTED)
    result = getattr(gazu.project, name)(*args)
    assert [item["name"] for item in result] == (["A", "b", "c"] if sorts else ["b", "A", "c"])
    assert kitsu.sent == [("GET", path, {}, None)]


@pytest.mark.parametrize("name, args, path, query, cached", ONE_READS, ids=[row[0] for row in ONE_READS])
def test_one_reads(kitsu, name, args, path, query, cached):
    answer = [{"id": X}] if query else {"id": X}
    kitsu.on("GET", path, json=answer)
    assert getattr(gazu.project, name)(*args) == {"id": X}
    assert kitsu.sent == [("GET", path, query, None)]


@pytest.mark.parametrize("name", ["get_project_by_name", "get_project_status_by_name",
                                  "get_metadata_descriptor_by_field_name"])
def test_lookups_by_name_return_none_when_nothing_matches(kitsu, name):
    row = next(row for row in ONE_READS if row[0] == name)
    kitsu.on("GET", row[2], json=[])
    assert getattr(gazu.project, name)(*row[1]) is None


READS = [(row[0], row[1], row[2], row[-1]) for row in LIST_READS + ONE_READS]


@pytest.mark.parametrize("name, args, path, cached", READS, ids=[row[0] for row in READS])
def test_caching_follows_upstream(kitsu, name, args, path, cached):
    kitsu.on("GET", path, json=[])
    gazu.cache.enable()
    function = getattr(gazu.project, name)
    function(*args)
    function(*args)
    assert len(kitsu.sent) == (1 if cached else 2)


@pytest.mark.parametrize("name, args, kwargs, method, path, query, body", WRITES, ids=[row[0] for row in WRITES])
def test_writes(kitsu, name, args, kwargs, method, path, query, body):
    kitsu.on(method, path, json={"id": P})
    result = getattr(gazu.project, name)(*args, **kwargs)
    assert kitsu.sent == [(method, path, query, body)]
    assert result == ('{"id": "%s"}' % P if method == "DELETE" else {"id": P})


def test_writes_clear_cached_reads(kitsu):
    kitsu.on("GET", "data/projects/%s/budgets" % P, json=[])
    kitsu.on("POST", "data/projects/%s/budgets" % P, json={"id": X})
    gazu.cache.enable()
    gazu.project.get_budgets(P)
    gazu.project.create_budget(P, "Season 1")
    gazu.project.get_budgets(P)
    assert [request[0] for request in kitsu.sent] == ["GET", "POST", "GET"]


# (function, name of the dict argument, route)
WHOLE_DICT_UPDATES = [
    ("update_project", "project", lambda entity: (entity,), "data/projects/%s"),
    ("update_metadata_descriptor", "metadata_descriptor", lambda entity: (P, entity),
     "data/projects/%s/metadata-descriptors/%%s" % P),
]


@pytest.mark.parametrize("name, argument, make_args, route", WHOLE_DICT_UPDATES,
                         ids=[row[0] for row in WHOLE_DICT_UPDATES])
def test_whole_dict_updates(kitsu, name, argument, make_args, route):
    entity = {"id": X, "name": "renamed", "data": {"fps": 25}}
    kitsu.on("PUT", route % X, json=entity)
    assert getattr(gazu.project, name)(*make_args(entity)) == entity
    assert kitsu.sent == [("PUT", route % X, {}, entity)]
    for bad in (X, {"name": "no id"}, None):
        with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
            getattr(gazu.project, name)(*make_args(bad))
    assert len(kitsu.sent) == 1


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


# Bad arguments: each raises naming the argument, before any request.
BAD_ENTITY_CALLS = [
    ("get_team", "project", lambda bad: (bad,)),
    ("get_project", "project_id", lambda bad: (bad,)),
    ("get_project_url", "project", lambda bad: (bad,)),
    ("close_project", "project", lambda bad: (bad,)),
    ("update_project_data", "project", lambda bad: (bad, {"a": 1})),
    ("remove_project", "project", lambda bad: (bad,)),
    ("add_person_to_team", "person", lambda bad: (P, bad)),
    ("update_team_member_role", "person", lambda bad: (P, bad, "user")),
    ("remove_person_from_team", "project", lambda bad: (bad, X)),
    ("add_asset_type", "asset_type", lambda bad: (P, bad)),
    ("add_task_type", "task_type", lambda bad: (P, bad, 1)),
    ("remove_task_type", "task_type", lambda bad: (P, bad)),
    ("add_task_status", "task_status", lambda bad: (P, bad)),
    ("remove_task_status", "task_status", lambda bad: (P, bad)),
    ("remove_status_automation", "automation", lambda bad: (P, bad)),
    ("remove_preview_background_file", "background_file", lambda bad: (P, bad)),
    ("get_metadata_descriptor", "metadata_descriptor_id", lambda bad: (P, bad)),
    ("get_metadata_descriptor_by_field_name", "project", lambda bad: (bad, "difficulty")),
    ("reorder_metadata_descriptors", "descriptor_ids", lambda bad: (P, "Asset", [X, bad])),
    ("remove_metadata_descriptor", "metadata_descriptor_id", lambda bad: (P, bad)),
    ("get_budget", "budget", lambda bad: (P, bad)),
    ("create_budget", "project", lambda bad: (bad, "Season 1")),
    ("update_budget", "budget", lambda bad: (P, bad, {"name": "x"})),
    ("remove_budget", "budget", lambda bad: (P, bad)),
    ("get_budget_entries", "budget", lambda bad: (P, bad)),
    ("get_budget_entry", "entry", lambda bad: (P, X, bad)),
    ("create_budget_entry", "budget", lambda bad: (P, bad, "Animators")),
    ("update_budget_entry", "entry", lambda bad: (P, X, bad, {"position": "lead"})),
    ("remove_budget_entry", "entry", lambda bad: (P, X, bad)),
    ("get_milestones", "project", lambda bad: (bad,)),
    ("get_project_quotas", "task_type", lambda bad: (P, bad)),
    ("get_project_person_quotas", "person", lambda bad: (P, bad)),
    ("get_project_task_types", "project", lambda bad: (bad,)),
    ("get_project_task_statuses", "project", lambda bad: (bad,)),
    ("all_status_automations", "project", lambda bad: (bad,)),
    ("get_preview_background_files", "project", lambda bad: (bad,)),
    ("all_metadata_descriptors", "project", lambda bad: (bad,)),
    ("get_budgets", "project", lambda bad: (bad,)),
]


@pytest.mark.parametrize("name, argument, make_args, bad", [
    pytest.param(*row, bad, id="%s-%r" % (row[0], bad)) for row in BAD_ENTITY_CALLS for bad in bad_entities(row[1])])
def test_bad_entities_rejected_before_any_request(kitsu, name, argument, make_args, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        getattr(gazu.project, name)(*make_args(bad))
    assert kitsu.sent == []


BAD_VALUE_CALLS = [
    ("new_project", "team", lambda bad: ("n", "short", ["a/b"]), [None]),
    ("new_project", "project_template", lambda bad: ("n", "short", None, None, None, None, "2d", "x?"), [None]),
    ("update_project_data", "data", lambda bad: (P, bad), ["fps=24", 42]),
    ("add_metadata_descriptor", "departments", lambda bad: (P, "n", "Asset", "string", None, False, [bad]),
     ["a/b", None]),
    ("add_metadata_descriptor", "task_type_id", lambda bad: (P, "Level", "Task", "string", None, False, None, bad),
     ["", "a/b", {"name": "x"}, 42]),
    ("update_budget", "data", lambda bad: (P, X, bad), ["name=x"]),
    ("update_budget_entry", "data", lambda bad: (P, X, Y, bad), ["name=x"]),
]


@pytest.mark.parametrize("name, argument, make_args, bad", [
    pytest.param(name, argument, make_args, bad, id="%s-%s-%r" % (name, argument, bad))
    for name, argument, make_args, bads in BAD_VALUE_CALLS for bad in bads])
def test_bad_values_rejected_before_any_request(kitsu, name, argument, make_args, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        getattr(gazu.project, name)(*make_args(bad))
    assert kitsu.sent == []


def test_every_function_is_covered():
    covered = {row[0] for row in LIST_READS + ONE_READS + WRITES + WHOLE_DICT_UPDATES}
    covered |= {"new_project", "close_project", "update_project_data", "get_project_url"}
    public = {name for name, value in vars(gazu.project).items()
              if callable(value) and not name.startswith("_") and getattr(value, "__module__", "") == "gazu.project"}
    assert public == covered
