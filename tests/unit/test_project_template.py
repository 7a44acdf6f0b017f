import pytest

import gazu
from tests.unit.conftest import new_id
from tests.unit.surface import Call

T = new_id()  # a template
X = new_id()  # a linked entity
ROOT = "data/project-templates/%s/" % T
TEMPLATE = {"id": T, "name": "Series", "fps": "24"}


def read(name, args, path, sorts=False, bad=()):
    return Call("project_template." + name, args, path=path, sorts=sorts, cached=True, bad=bad)


def write(name, args, method, path, body, bad=(), kwargs=None):
    return Call("project_template." + name, args, kwargs or {}, method=method, path=path, body=body, bad=bad)


SURFACE = [
    read("all_project_templates", (), "data/project-templates", True),
    read("all_task_types_for_project_template", (T,), ROOT + "task-types", bad=("project_template",)),
    read("all_task_statuses_for_project_template", ({"id": T},), ROOT + "task-statuses", bad=("project_template",)),
    read("all_asset_types_for_project_template", (T,), ROOT + "asset-types", bad=("project_template",)),
    read("all_status_automations_for_project_template", (T,), ROOT + "status-automations",
         bad=("project_template",)),
    read("all_preview_background_files_for_project_template", (T,), ROOT + "preview-background-files",
         bad=("project_template",)),
    read("get_project_template", (T,), "data/project-templates/%s" % T, bad=("project_template_id",)),
    Call("project_template.get_project_template_by_name", ("Series",), path="data/project-templates",
         query={"name": "Series"}, first=True, cached=True),
    write("new_project_template", ("Series",), "POST", "data/project-templates", {"name": "Series", "description": None}),
    write("new_project_template", ("Series", "TV"), "POST", "data/project-templates",
          {"name": "Series", "description": "TV", "fps": "25", "ratio": "16:9", "resolution": "1920x1080",
           "production_type": "tvshow", "production_style": "3d"},
          kwargs={"fps": "25", "ratio": "16:9", "resolution": "1920x1080", "production_type": "tvshow",
                  "production_style": "3d"}),
    write("new_project_template_from_project", ({"id": X}, "From film"), "POST",
          "data/project-templates/from-project/%s" % X, {"name": "From film", "description": None}, bad=("project",)),
    write("update_project_template", (TEMPLATE,), "PUT", "data/project-templates/%s" % T, TEMPLATE,
          bad=(("project_template", [T, {"name": "no id"}, None]),)),
    write("remove_project_template", ({"id": T},), "DELETE", "data/project-templates/%s" % T, None,
          bad=("project_template",)),
    write("apply_project_template", (X, {"id": T}), "POST", "data/projects/%s/apply-template/%s" % (X, T), {},
          bad=("project", "project_template")),
    write("add_task_type_to_project_template", (T, X), "POST", ROOT + "task-types", {"task_type_id": X},
          bad=("task_type", "project_template")),
    write("add_task_type_to_project_template", (T, {"id": X}, 2), "POST", ROOT + "task-types",
          {"task_type_id": X, "priority": 2}),
    write("remove_task_type_from_project_template", (T, X), "DELETE", ROOT + "task-types/%s" % X, None,
          bad=("task_type",)),
    write("add_task_status_to_project_template", (T, X), "POST", ROOT + "task-statuses", {"task_status_id": X},
          bad=("task_status",)),
    write("add_task_status_to_project_template", (T, X, 3, ["supervisor"]), "POST", ROOT + "task-statuses",
          {"task_status_id": X, "priority": 3, "roles_for_board": ["supervisor"]}),
    write("remove_task_status_from_project_template", (T, X), "DELETE", ROOT + "task-statuses/%s" % X, None,
          bad=("task_status",)),
    write("add_asset_type_to_project_template", (T, X), "POST", ROOT + "asset-types", {"asset_type_id": X},
          bad=("asset_type",)),
    write("remove_asset_type_from_project_template", (T, X), "DELETE", ROOT + "asset-types/%s" % X, None,
          bad=("asset_type",)),
    write("add_status_automation_to_project_template", (T, X), "POST", ROOT + "status-automations",
          {"status_automation_id": X}, bad=("status_automation",)),
    write("remove_status_automation_from_project_template", (T, X), "DELETE", ROOT + "status-automations/%s" % X,
          None, bad=("status_automation",)),
    write("add_preview_background_file_to_project_template", (T, {"id": X}), "POST", ROOT + "preview-background-files",
          {"preview_background_file_id": X}, bad=("preview_background_file",)),
    write("remove_preview_background_file_from_project_template", (T, X), "DELETE",
          ROOT + "preview-background-files/%s" % X, None, bad=("preview_background_file",)),
    write("set_project_template_default_preview_background_file", (T, X), "PUT",
          ROOT + "default-preview-background-file", {"default_preview_background_file_id": X},
          bad=("project_template", ("preview_background_file", ["", "a/b", {"name": "x"}]))),
    write("set_project_template_default_preview_background_file", (T, None), "PUT",
          ROOT + "default-preview-background-file", {"default_preview_background_file_id": None}),
    write("set_project_template_metadata_descriptors", (T, [{"name": "Level", "entity_type": "Asset"}]), "PUT",
          ROOT + "metadata-descriptors", {"metadata_descriptors": [{"name": "Level", "entity_type": "Asset"}]},
          bad=("project_template",)),
    write("set_project_template_metadata_descriptors", (T, []), "PUT", ROOT + "metadata-descriptors",
          {"metadata_descriptors": []}),
]
HAND_TESTED = set()


def test_writes_clear_cached_reads(kitsu):
    kitsu.on("GET", ROOT + "asset-types", json=[])
    kitsu.on("POST", ROOT + "asset-types", json={"id": X})
    gazu.cache.enable()
    gazu.project_template.all_asset_types_for_project_template(T)
    gazu.project_template.add_asset_type_to_project_template(T, X)
    gazu.project_template.all_asset_types_for_project_template(T)
    assert [request[0] for request in kitsu.sent] == ["GET", "POST", "GET"]


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
