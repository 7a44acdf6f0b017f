"""The table of declared answer types (gazu/_return_types.py) and the types it names (gazu/types.py)."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
import typing

import gazu.types
from gazu._return_types import FREE_FORM, NOT_SERVER_ANSWERS, RETURN_TYPES
from tests.answer_types import mismatches, resolve
from tests.realcoverage import public_functions

PUBLIC = sorted(set(public_functions().values()))


def current_annotation(name: str) -> str:
    module_name, function_name = name.rsplit(".", 1)
    function = getattr(importlib.import_module(module_name), function_name)
    annotation = inspect.signature(function).return_annotation
    if annotation is inspect.Signature.empty:
        return ""
    return annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)


def answers_entities(annotation: str) -> bool:
    """Tell whether an annotation says the function answers dicts (or anything)."""
    return annotation in ("", "Any", "list") or "dict" in annotation


def names_a_model(annotation: str) -> bool:
    models = {name for name, value in vars(gazu.types).items()
              if isinstance(value, type) and hasattr(value, "__total__") and not name.startswith("_")}
    words = set(annotation.replace("[", " ").replace("]", " ").replace(",", " ").replace("|", " ").split())
    return bool(words & models)


def test_every_entry_is_a_public_function():
    gone = sorted(set(RETURN_TYPES) - set(PUBLIC))
    assert gone == [], "remove (or rename) these entries of gazu/_return_types.py: %s" % gone
    assert sorted(set(FREE_FORM) - set(RETURN_TYPES)) == []
    assert sorted(set(NOT_SERVER_ANSWERS) - set(PUBLIC)) == []
    assert sorted(set(RETURN_TYPES) & set(NOT_SERVER_ANSWERS)) == []


def test_every_function_answering_dicts_has_an_entry():
    untyped = [name for name in PUBLIC if answers_entities(current_annotation(name))
               and name not in RETURN_TYPES and name not in NOT_SERVER_ANSWERS]
    assert untyped == [], (
        "declare the answer type of these functions in gazu/_return_types.py (a name of gazu.types, "
        "see tests/realtypes.py for how the integration suite checks it): %s" % untyped)


def test_every_entry_resolves_to_a_type_the_checker_reads():
    for name, annotation in RETURN_TYPES.items():
        mismatches(None, resolve(annotation), name)  # raises TypeError on what it cannot read


def coverage() -> tuple[list[str], list[str], list[str]]:
    """Split the functions answering server data: typed with a model, typed plainly (ids, tokens), free-form."""
    typed = [name for name in RETURN_TYPES if names_a_model(RETURN_TYPES[name])]
    plain = [name for name in RETURN_TYPES if name not in typed and name not in FREE_FORM]
    return typed, plain, sorted(FREE_FORM)


def test_at_least_95_percent_of_the_functions_answering_entities_name_a_model():
    typed, plain, free = coverage()
    # What names no model is small and says what it is: ids by id or name, tokens, flags.
    assert all(annotation in ("str", "bool", "dict[str, bool]", "dict[str, str]", "list[dict[str, str]]")
               or "Literal" in annotation for annotation in (RETURN_TYPES[name] for name in plain)), plain
    assert len(typed) / (len(typed) + len(free)) >= 0.95, (len(typed), len(free))


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
    assert mismatches(status, resolve(RETURN_TYPES["gazu.task.get_task_status"])) == []
    assert mismatches({**status, "is_final": True}, "TaskStatus") == ["answer: TaskStatus has no key 'is_final'"]


def test_import_gazu_loads_neither_the_types_nor_the_table():
    code = "import sys, gazu; print(sorted(m for m in sys.modules if m in ('gazu.types', 'gazu._return_types')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
