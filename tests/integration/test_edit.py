"""gazu.edit against the sandbox Kitsu: edits of a project and of an episode, their previews,
changes and removal; read back each time.

Episodes, task types, tasks, comments and previews are made with raw calls (gazu.client).
"""

from __future__ import annotations

import pytest

import gazu
from gazu import client as raw
from gazu.exception import RouteNotFoundException
from tests.conftest import unique

pytestmark = pytest.mark.integration

NOT_EXERCISED: dict[str, str] = {}

edit_module = gazu.edit


def ids(items: list[dict]) -> list[str]:
    return [item["id"] for item in items]


def test_edits_of_a_project_and_an_episode(new_project):
    episode = raw.post("data/projects/%s/episodes" % new_project["id"], {"name": unique("E")})
    name = unique("Trailer")
    trailer = edit_module.new_edit(new_project, name, description="Teaser cut", data={"length": 90})
    assert edit_module.new_edit(new_project["id"], name)["id"] == trailer["id"]  # found by name, not made twice
    cut = edit_module.new_edit(new_project, "a-" + name, episode=episode)

    stored = edit_module.get_edit(trailer["id"])
    assert (stored["name"], stored["description"], stored["data"], stored["episode_id"]) == (
        name, "Teaser cut", {"length": 90}, None)
    assert edit_module.get_edit(cut["id"])["episode_id"] == episode["id"]
    assert edit_module.get_edit_by_name(new_project, name)["id"] == trailer["id"]
    assert edit_module.get_edit_by_name(new_project["id"], unique("none")) is None
    assert ids(edit_module.all_edits_for_project(new_project)) == [cut["id"], trailer["id"]]

    web = "%s/productions/%s" % (raw.get_api_url_from_host(), new_project["id"])
    assert edit_module.get_edit_url(trailer) == "%s/edits/%s/" % (web, trailer["id"])
    assert edit_module.get_edit_url(cut["id"]) == "%s/episodes/%s/edits/%s/" % (web, episode["id"], cut["id"])

    edit_module.update_edit({**stored, "name": name + "-v2", "description": "Final cut"})
    edit_module.update_edit_data(trailer, {"music": "score"})
    edit_module.update_edit_data(trailer["id"], {"length": 95})
    stored = edit_module.get_edit(trailer["id"])
    assert (stored["name"], stored["description"], stored["data"]) == (
        name + "-v2", "Final cut", {"length": 95, "music": "score"})

    edit_module.remove_edit(cut)
    edit_module.remove_edit(trailer["id"], force=True)
    with pytest.raises(RouteNotFoundException):
        edit_module.get_edit(trailer["id"])
    assert edit_module.all_edits_for_project(new_project) == []


def test_previews_of_an_edit(new_project):
    edit = edit_module.new_edit(new_project, unique("Cut"))
    assert edit_module.all_previews_for_edit(edit) in ({}, [])
    task_type = raw.post("data/task-types", {"name": unique("Edit"), "for_entity": "Edit"})
    task_status = raw.get("data/task-status", params={"is_default": "true"})[0]
    task = raw.post("actions/projects/%s/task-types/%s/edits/create-tasks" % (new_project["id"], task_type["id"]),
                    [edit["id"]])[0]
    comment = raw.post("actions/tasks/%s/comment" % task["id"], {"task_status_id": task_status["id"], "comment": "v1"})
    preview = raw.post("actions/tasks/%s/comments/%s/add-preview" % (task["id"], comment["id"]), {})
    previews = edit_module.all_previews_for_edit(edit["id"])
    assert [p["id"] for p in previews[task_type["id"]]] == [preview["id"]]
