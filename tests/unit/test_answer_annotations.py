"""The answer types the public functions declare (their return annotations) and the types they name (gazu/types.py)."""

from __future__ import annotations

import importlib
import inspect
import re
import subprocess
import sys
import typing

import gazu.types
from gazu._untyped_answers import FREE_FORM, NOT_SERVER_ANSWERS
from tests.answer_types import mismatches, resolve
from tests.realcoverage import public_functions

PUBLIC = sorted(set(public_functions().values()))
MODELS = {name for name, value in vars(gazu.types).items()
          if isinstance(value, type) and hasattr(value, "__total__") and not name.startswith("_")}
# Answers that name no model and need none: ids by id or name, tokens, flags.
PLAIN_DICTS = {"dict[str, bool]", "dict[str, str]", "list[dict[str, str]]"}
# Parameters holding the caller's own free-form data, which stay dicts (the rest take typed answers).
FREE_FORM_PARAMETERS = {"body", "comments_data", "data", "extra_data", "fido_authentication_response", "file_tree",
                        "files", "headers", "new_tokens", "params"}
NO_ENTITY_MODULES = ("gazu.aio", "gazu.cache", "gazu.cli", "gazu.client")


def function(name: str) -> typing.Any:
    module_name, function_name = name.rsplit(".", 1)
    return getattr(importlib.import_module(module_name), function_name)


def annotation(name: str) -> str:
    returns = inspect.signature(function(name)).return_annotation
    if returns is inspect.Signature.empty:
        return ""
    return returns if isinstance(returns, str) else inspect.formatannotation(returns)


def answers_dicts(text: str) -> bool:
    """Tell whether an annotation lets the function answer dicts (or anything)."""
    return text in ("", "Any", "list") or "dict" in text or "Any" in text


def names_a_model(text: str) -> bool:
    return bool(set(re.findall(r"[A-Za-z_]\w*", text)) & MODELS)


def test_the_listed_functions_are_public_and_listed_once():
    assert sorted(set(FREE_FORM) - set(PUBLIC)) == []
    assert sorted(set(NOT_SERVER_ANSWERS) - set(PUBLIC)) == []
    assert sorted(set(FREE_FORM) & set(NOT_SERVER_ANSWERS)) == []


def test_every_function_answering_server_dicts_names_their_type():
    untyped = [name for name in PUBLIC if name not in FREE_FORM and name not in NOT_SERVER_ANSWERS
               and answers_dicts(annotation(name)) and not names_a_model(annotation(name))
               and annotation(name) not in PLAIN_DICTS and "Literal" not in annotation(name)]
    assert untyped == [], (
        "annotate the answer of these functions with a type of gazu.types (or list them, with the reason, in "
        "gazu/_untyped_answers.py): %s" % untyped)


def test_free_form_answers_say_so():
    assert [name for name in FREE_FORM if "Any" not in annotation(name)] == []


def test_every_model_annotation_resolves_to_a_type_the_checker_reads():
    for name in PUBLIC:
        if names_a_model(annotation(name)):
            mismatches(None, resolve(annotation(name)), name)  # raises TypeError on what it cannot read


def coverage() -> tuple[list[str], list[str]]:
    """Split the functions answering entities: typed with a model, and free-form (listed with a reason)."""
    typed = [name for name in PUBLIC if names_a_model(annotation(name)) and name not in NOT_SERVER_ANSWERS]
    return typed, sorted(FREE_FORM)


def test_at_least_95_percent_of_the_functions_answering_entities_name_a_model():
    typed, free = coverage()
    assert len(typed) / (len(typed) + len(free)) >= 0.95, (len(typed), len(free))


def test_entity_parameters_take_the_typed_answers():
    # A TypedDict is a Mapping but no dict to a type checker: a Shot answered by one function must be accepted
    # by the next, so entity parameters say Mapping (lists of them Collection).
    narrow = []
    for name in PUBLIC:
        if name.rsplit(".", 1)[0] in NO_ENTITY_MODULES:
            continue
        for parameter in inspect.signature(function(name)).parameters.values():
            text = parameter.annotation if isinstance(parameter.annotation, str) else ""
            if parameter.name in FREE_FORM_PARAMETERS or parameter.name.endswith("_map"):
                continue
            if re.search(r"\bdict\b(?!\[)|\blist\[[^\]]*Mapping", text):
                narrow.append("%s(%s: %s)" % (name, parameter.name, text))
    assert narrow == [], "say Mapping for an entity dict, Collection[...] for a list of them: %s" % narrow


def test_types_are_closed_typeddicts_with_known_required_keys():
    shot = typing.get_type_hints(gazu.types.Shot)
    assert "nb_frames" in gazu.types.Shot.__required_keys__
    assert "sequence_name" in gazu.types.Shot.__optional_keys__
    assert shot["data"] == typing.Optional[dict[str, typing.Any]]
    assert "password" not in typing.get_type_hints(gazu.types.Person)


def test_a_model_answer_conforms_and_a_drifted_one_does_not():
    status = {"id": "1", "name": "Todo", "short_name": "todo", "color": "#fff", "description": None,
              "archived": False, "priority": 1, "is_done": False, "is_artist_allowed": True,
              "is_client_allowed": True, "is_retake": False, "is_feedback_request": False, "is_default": True,
              "is_wip": False, "shotgun_id": None, "for_concept": False, "created_at": "2024-01-01T00:00:00",
              "updated_at": "2024-01-01T00:00:00", "type": "TaskStatus"}
    assert annotation("gazu.task.get_task_status") == "TaskStatus"
    assert mismatches(status, resolve(annotation("gazu.task.get_task_status"))) == []
    assert mismatches({**status, "is_final": True}, "TaskStatus") == ["answer: TaskStatus has no key 'is_final'"]


def test_signatures_and_type_hints_still_read_at_run_time():
    # The annotations are postponed strings, and gazu.types is imported for type checkers only: help() and
    # inspect.signature show them as written; typing.get_type_hints resolves them given gazu.types' names.
    assert inspect.signature(gazu.shot.get_shot).return_annotation == "Shot"
    hints = typing.get_type_hints(gazu.shot.get_shot, localns=vars(gazu.types))
    assert hints["return"] is gazu.types.Shot


def test_import_gazu_loads_neither_the_types_nor_the_list():
    code = "import sys, gazu; print(sorted(m for m in sys.modules if m in ('gazu.types', 'gazu._untyped_answers')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
