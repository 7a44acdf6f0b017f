import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.unit.conftest import bad_entities, new_id

T = new_id()  # a template
X = new_id()  # a linked entity
UNSORTED = [{"name": "b"}, {"name": "A"}, {"name": "c"}]
ROOT = "data/project-templates/%s/" % T

# (function, positional arguments, path of the one GET it sends, sorted by name)
LIST_READS = [
    ("all_project_templates", (), "data/project-templates", True),
    ("all_task_types_for_project_template", (T,), ROOT + "task-types", False),
    ("all_task_statuses_for_project_template", ({"id": T},), ROOT + "task-statuses", False),
    ("all_asset_types_for_project_template", (T,), ROOT + "asset-types", False),
    ("all_status_automations_for_project_template", (T,), ROOT + "status-automations", False),
    ("all_preview_background_files_for_project_template", (T,), ROOT + "preview-background-files", False),
]

# (function, positional arguments, path of the one GET it sends, query)
ONE_READS = [
    ("get_project_template", (T,), "data/project-templates/%s" % T, {}),
    ("get_project_template_by_name", ("Series",), "data/project-templates", {"name": "Series"}),
]

# (function, positional arguments, keyword arguments, method, path, JSON body sent)
WRITES = [
    ("new_project_template", ("Series",), {}, "POST", "data/project-templates",
     {"name": "Series", "description": None}),
    ("new_project_template", ("Series", "TV"), {"fps": "25", "ratio": "16:9", "resolution": "1920x1080",
                                                "production_type": "tvshow", "production_style": "3d"},
     "POST", "data/project-templates",
     {"name": "Series", "description": "TV", "fps": "25", "ratio": "16:9", "resolution": "1920x1080",
      "production_type": "tvshow", "production_style": "3d"}),
    ("new_project_template_from_project", ({"id": X}, "From film"), {}, "POST",
     "data/project-templates/from-project/%s" % X, {"name": "From film", "description": None}),
    ("remove_project_template", ({"id": T},), {}, "DELETE", "data/project-templates/%s" % T, None),
    ("apply_project_template", (X, {"id": T}), {}, "POST", "data/projects/%s/apply-template/%s" % (X, T), {}),
    ("add_task_type_to_project_template", (T, X), {}, "POST", ROOT + "task-types", {"task_type_id": X}),
    ("add_task_type_to_project_template", (T, {"id": X}, 2), {}, "POST", ROOT + "task-types",
     {"task_type_id": X, "priority": 2}),
    ("remove_task_type_from_project_template", (T, X), {}, "DELETE", ROOT + "task-types/%s" % X, None),
    ("add_task_status_to_project_template", (T, X), {}, "POST", ROOT + "task-statuses", {"task_status_id": X}),
    ("add_task_status_to_project_template", (T, X, 3, ["supervisor"]), {}, "POST", ROOT + "task-statuses",
     {"task_status_id": X, "priority": 3, "roles_for_board": ["supervisor"]}),
    ("remove_task_status_from_project_template", (T, X), {}, "DELETE", ROOT + "task-statuses/%s" % X, None),
    ("add_asset_type_to_project_template", (T, X), {}, "POST", ROOT + "asset-types", {"asset_type_id": X}),
    ("remove_asset_type_from_project_template", (T, X), {}, "DELETE", ROOT + "asset-types/%s" % X, None),
    ("add_status_automation_to_project_template", (T, X), {}, "POST", ROOT + "status-automations",
     {"status_automation_id": X}),
    ("remove_status_automation_from_project_template", (T, X), {}, "DELETE", ROOT + "status-automations/%s" % X,
     None),
    ("add_preview_background_file_to_project_template", (T, {"id": X}), {}, "POST",
     ROOT + "preview-background-files", {"preview_background_file_id": X}),
    ("remove_preview_background_file_from_project_template", (T, X), {}, "DELETE",
     ROOT + "preview-background-files/%s" % X, None),
    ("set_project_template_default_preview_background_file", (T, X), {}, "PUT",
     ROOT + "default-preview-background-file", {"default_preview_background_file_id": X}),
    ("set_project_template_default_preview_background_file", (T, None), {}, "PUT",
     ROOT + "default-preview-background-file", {"default_preview_background_file_id": None}),
    ("set_project_template_metadata_descriptors", (T, [{"name": "Level", "entity_type": "Asset"}]), {}, "PUT",
     ROOT + "metadata-descriptors", {"metadata_descriptors": [{"name": "Level", "entity_type": "Asset"}]}),
    ("set_project_template_metadata_descriptors", (T, []), {}, "PUT", ROOT + "metadata-descriptors",
     {"metadata_descriptors": []}),
]


@pytest.mark.parametrize("name, args, path, sorts", LIST_READS, ids=[row[0] for row in LIST_READS])
def test_list_reads(kitsu, name, args, path, sorts):
    kitsu.on("GET", path, json=UNSORTED)
    result = getattr(gazu.project_template, name)(*args)
    assert [item["name"] for item in result] == (["A", "b", "c"] if sorts else ["b", "A", "c"])
    assert kitsu.sent == [("GET", path, {}, None)]


@pytest.mark.parametrize("name, args, path, query", ONE_READS, ids=[row[0] for row in ONE_READS])
def test_one_reads(kitsu, name, args, path, query):
    kitsu.on("GET", path, json=[{"id": T}] if query else {"id": T})
    assert getattr(gazu.project_template, name)(*args) == {"id": T}
    assert kitsu.sent == [("GET", path, query, None)]


def test_get_project_template_by_name_none_found(kitsu):
    kitsu.on("GET", "data/project-templates", json=[])
    assert gazu.project_template.get_project_template_by_name("Series") is None


READS = [row[:3] for row in LIST_READS + ONE_READS]


@pytest.mark.parametrize("name, args, path", READS, ids=[row[0] for row in READS])
def test_reads_are_cached(kitsu, name, args, path):
    kitsu.on("GET", path, json=[])
    gazu.cache.enable()
    function = getattr(gazu.project_template, name)
    function(*args)
    function(*args)
    assert len(kitsu.sent) == 1


@pytest.mark.parametrize("name, args, kwargs, method, path, body", WRITES, ids=[row[0] for row in WRITES])
def test_writes(kitsu, name, args, kwargs, method, path, body):
    kitsu.on(method, path, json={"id": T})
    result = getattr(gazu.project_template, name)(*args, **kwargs)
    assert kitsu.sent == [(method, path, {}, body)]
    assert result == ('{"id": "%s"}' % T if method == "DELETE" else {"id": T})


def test_writes_clear_cached_reads(kitsu):
    kitsu.on("GET", ROOT + "asset-types", json=[])
    kitsu.on("POST", ROOT + "asset-types", json={"id": X})
    gazu.cache.enable()
    gazu.project_template.all_asset_types_for_project_template(T)
    gazu.project_template.add_asset_type_to_project_template(T, X)
    gazu.project_template.all_asset_types_for_project_template(T)
    assert [request[0] for request in kitsu.sent] == ["GET", "POST", "GET"]


def test_update_project_template_sends_whole_dict(kitsu):
    template = {"id": T, "name": "Series", "fps": "24"}
    kitsu.on("PUT", "data/project-templates/%s" % T, json=template)
    assert gazu.project_template.update_project_template(template) == template
    assert kitsu.sent == [("PUT", "data/project-templates/%s" % T, {}, template)]
    for bad in (T, {"name": "no id"}, None):
        with pytest.raises(InvalidArgumentException, match="^project_template:"):
            gazu.project_template.update_project_template(bad)
    assert len(kitsu.sent) == 1


# Bad arguments: each raises naming the argument, before any request.
BAD_ENTITY_CALLS = [
    ("get_project_template", "project_template_id", lambda bad: (bad,)),
    ("new_project_template_from_project", "project", lambda bad: (bad, "n")),
    ("remove_project_template", "project_template", lambda bad: (bad,)),
    ("apply_project_template", "project", lambda bad: (bad, T)),
    ("apply_project_template", "project_template", lambda bad: (X, bad)),
    ("all_task_types_for_project_template", "project_template", lambda bad: (bad,)),
    ("all_task_statuses_for_project_template", "project_template", lambda bad: (bad,)),
    ("all_asset_types_for_project_template", "project_template", lambda bad: (bad,)),
    ("all_status_automations_for_project_template", "project_template", lambda bad: (bad,)),
    ("all_preview_background_files_for_project_template", "project_template", lambda bad: (bad,)),
    ("add_task_type_to_project_template", "task_type", lambda bad: (T, bad)),
    ("add_task_type_to_project_template", "project_template", lambda bad: (bad, X)),
    ("remove_task_type_from_project_template", "task_type", lambda bad: (T, bad)),
    ("add_task_status_to_project_template", "task_status", lambda bad: (T, bad)),
    ("remove_task_status_from_project_template", "task_status", lambda bad: (T, bad)),
    ("add_asset_type_to_project_template", "asset_type", lambda bad: (T, bad)),
    ("remove_asset_type_from_project_template", "asset_type", lambda bad: (T, bad)),
    ("add_status_automation_to_project_template", "status_automation", lambda bad: (T, bad)),
    ("remove_status_automation_from_project_template", "status_automation", lambda bad: (T, bad)),
    ("add_preview_background_file_to_project_template", "preview_background_file", lambda bad: (T, bad)),
    ("remove_preview_background_file_from_project_template", "preview_background_file", lambda bad: (T, bad)),
    ("set_project_template_default_preview_background_file", "project_template", lambda bad: (bad, X)),
    ("set_project_template_metadata_descriptors", "project_template", lambda bad: (bad, [])),
]


@pytest.mark.parametrize("name, argument, make_args, bad", [
    pytest.param(*row, bad, id="%s-%r" % ("%s-%s" % row[:2], bad)) for row in BAD_ENTITY_CALLS for bad in bad_entities(row[1])])
def test_bad_entities_rejected_before_any_request(kitsu, name, argument, make_args, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        getattr(gazu.project_template, name)(*make_args(bad))
    assert kitsu.sent == []


BAD_VALUE_CALLS = [
    ("set_project_template_default_preview_background_file", "preview_background_file", lambda bad: (T, bad),
     ["", "a/b", {"name": "x"}]),
]


@pytest.mark.parametrize("name, argument, make_args, bad", [
    pytest.param(name, argument, make_args, bad, id="%s-%s-%r" % (name, argument, bad))
    for name, argument, make_args, bads in BAD_VALUE_CALLS for bad in bads])
def test_bad_values_rejected_before_any_request(kitsu, name, argument, make_args, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        getattr(gazu.project_template, name)(*make_args(bad))
    assert kitsu.sent == []


@pytest.mark.parametrize("name, sent", [("", ""), (None, "None")])
def test_look_up_by_name_sends_the_name_as_upstream(kitsu, name, sent):
    kitsu.on("GET", "data/project-templates", json=[])
    assert gazu.project_template.get_project_template_by_name(name) is None
    assert kitsu.sent == [("GET", "data/project-templates", {"name": sent}, None)]


def test_values_are_sent_as_given(kitsu):
    kitsu.on("POST", "data/project-templates", json={"id": T})
    kitsu.on("POST", "data/project-templates/from-project/%s" % X, json={"id": T})
    kitsu.on("PUT", ROOT + "metadata-descriptors", json={"id": T})
    gazu.project_template.new_project_template("")
    gazu.project_template.new_project_template_from_project(X, "")
    gazu.project_template.set_project_template_metadata_descriptors(T, ["Level"])
    assert [request[3] for request in kitsu.sent] == [
        {"name": "", "description": None}, {"name": "", "description": None}, {"metadata_descriptors": ["Level"]}]


def test_every_function_is_covered():
    covered = {row[0] for row in LIST_READS + ONE_READS + WRITES} | {"update_project_template"}
    module = gazu.project_template
    public = {name for name, value in vars(module).items()
              if callable(value) and not name.startswith("_") and getattr(value, "__module__", "") == module.__name__}
    assert public == covered
