"""Route literals name their placeholders after the arguments that fill them.

``_api.path`` fills ``"data/playlists/{playlist}/jobs/{build_job}"`` by
name, so two ids can never be swapped by the order of the keywords. This
reads every call of a routed ``_api`` helper in gazu/ with ``ast`` and
checks its route literal: no anonymous ``{}``, the placeholders exactly the
entity keywords of the call, and each one a parameter of the function it is
written in (or, listed below, an id the function reads from what it is given).
"""

from __future__ import annotations

import ast
import os
import string

import pytest

PACKAGE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "gazu")
# The helpers that take a route first, and their own keywords (the others are entities).
ROUTED = {"fetch", "fetch_list", "fetch_first", "post", "put", "delete", "path", "update", "upload", "download",
          "with_merged_data", "_entity_tasks", "_create_tasks"}
OWN = {"client", "params", "sort", "body", "force", "argument", "optional", "data", "progress_callback", "whole",
       "ids"}
# Placeholders filled with an id read from an argument or an answer, not with an argument itself.
READ_IDS = {
    "asset.get_episode_from_asset": {"episode"},  # the asset's source_id or episode_id
    "asset.get_asset_url": {"project_id"},  # the asset's, read fresh
    "casting.get_asset_casting": {"project_id"},  # the entity dict's project_id
    "casting.get_shot_casting": {"project_id"},
    "casting.get_episode_casting": {"project_id"},
    "casting.get_sequence_casting": {"project_id"},
    "playlist.all_playlists_for_episode": {"project"},  # the episode's project_id
    "scene.get_sequence_from_scene": {"sequence_id"},  # the scene's parent_id
    "shot.get_episode_from_sequence": {"episode_id"},  # the sequence's parent_id
    "task.get_task_by_path": {"task"},  # the task the server found for the path
    "task.update_task_data": {"task_id"},  # the task's id, checked for a UUID's shape as upstream
}


def _route(call: ast.Call) -> str | None:
    """Return the route literal a routed call is written with (the left side of ``"…" % …`` too), or None."""
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)
    if name not in ROUTED or not call.args:
        return None
    if isinstance(call.func, ast.Attribute) and not (isinstance(call.func.value, ast.Name)
                                                     and call.func.value.id == "_api"):
        return None
    route = call.args[0]
    if isinstance(route, ast.BinOp):
        route = route.left
    return route.value if isinstance(route, ast.Constant) and isinstance(route.value, str) else None


def _calls() -> list[tuple[str, str, set[str], str, set[str]]]:
    """Return ``(module.function, route, parameters, line, entity keywords)`` for every routed call."""
    found = []
    for name in sorted(os.listdir(PACKAGE)):
        if not name.endswith(".py"):
            continue
        tree = ast.parse(open(os.path.join(PACKAGE, name), encoding="utf-8").read())
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            arguments = function.args
            parameters = {a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs}
            for call in ast.walk(function):
                route = _route(call) if isinstance(call, ast.Call) else None
                if route is None or "{" not in route:
                    continue
                if getattr(call.func, "attr", None) == "update":  # update(route, client, value, "name")
                    keywords = {call.args[3].value}
                else:
                    keywords = {keyword.arg for keyword in call.keywords if keyword.arg and keyword.arg not in OWN}
                found.append(("%s.%s" % (name[:-3], function.name), route, parameters,
                              "gazu/%s:%d" % (name, call.lineno), keywords))
    return found


CALLS = _calls()


def test_the_routes_are_found():
    assert len(CALLS) > 350
    assert ("asset.all_assets_for_shot", "data/shots/{shot}/assets") in {(call[0], call[1]) for call in CALLS}


@pytest.mark.parametrize("function, route, parameters, line, keywords", CALLS, ids=[call[3] for call in CALLS])
def test_each_placeholder_names_a_parameter_of_its_function(function, route, parameters, line, keywords):
    placeholders = {field for _, field, _, _ in string.Formatter().parse(route) if field is not None}
    assert "" not in placeholders, "%s: an anonymous {} in %r" % (line, route)
    assert placeholders == keywords, "%s: %r is filled with %s" % (line, route, sorted(keywords))
    assert placeholders <= parameters | READ_IDS.get(function, set()), (
        "%s: %r: a placeholder is no parameter of %s" % (line, route, function))


def test_every_listed_read_id_is_used():
    used = {(call[0], field) for call in CALLS for _, field, _, _ in string.Formatter().parse(call[1]) if field}
    assert {(function, field) for function, fields in READ_IDS.items() for field in fields} <= used
