"""scripts/apply-return-types: the codemod that will write the table's answer types into the modules."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_script():
    path = os.path.join(ROOT, "scripts", "apply-return-types")
    loader = importlib.machinery.SourceFileLoader("apply_return_types", path)
    spec = importlib.util.spec_from_loader("apply_return_types", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


MODULE = '''"""A domain module."""

from __future__ import annotations

from typing import Any

from gazu.cache import cache


@cache
def get_shot(shot_id: str, client: Any = None) -> dict:
    """Return a shot."""
    return {}


def all_shots(project: str | dict,
              client: Any = None) -> list[dict]:
    return []


def remove_shot(shot):
    return ""
'''


def test_rewrite_replaces_annotations_and_imports_the_types_for_type_checkers_only():
    script = load_script()
    text = script.rewrite(MODULE, {10: "Shot", 16: "list[Shot]", 21: "str"})
    text = script.with_imports(script.with_abc_names(script.with_typing_names(text, ["Shot"])), {"Shot"})
    assert "@cache\ndef get_shot(shot_id: str, client: Any = None) -> Shot:" in text
    assert "def all_shots(project: str | Mapping,\n              client: Any = None) -> list[Shot]:" in text
    assert "def remove_shot(shot) -> str:" in text
    assert "from collections.abc import Mapping\nfrom typing import TYPE_CHECKING, Any\n" in text
    assert "if TYPE_CHECKING:  # pragma: no cover\n    from gazu.types import Shot\n" in text
    compile(text, "module.py", "exec")


def test_parameters_take_typed_answers_but_free_form_data_stays_a_dict():
    script = load_script()
    assert script.widened("project", "str | dict") == "str | Mapping"
    assert script.widened("shot", "dict") == "Mapping"
    assert script.widened("tasks", "list[str | dict] | None") == "Collection[str | Mapping] | None"
    assert script.widened("entities", "list[str | dict] | str | dict") == "Collection[str | Mapping] | str | Mapping"
    assert script.widened("person_ids", "list[str]") == "list[str]"
    assert script.widened("data", "dict | None") == "dict | None"
    assert script.widened("person_map", "dict") == "dict"
    assert script.widened("background_file", "dict[Literal['id'], str]") == "dict[Literal['id'], str]"


def test_a_def_made_too_long_is_wrapped_after_a_parameter_and_never_inside_its_answer():
    script = load_script()
    line = "def get_casting(project: str | Mapping, episode: str | Mapping, client: KitsuClient = default_client)" \
           " -> dict[str, list[CastingEntry]]:\n"
    assert script.wrapped(line, is_def_line=True) == [
        "def get_casting(project: str | Mapping, episode: str | Mapping,\n",
        "                client: KitsuClient = default_client) -> dict[str, list[CastingEntry]]:\n"]
    alone = "def all_filter_groups(client: KitsuClient = default_client) -> dict[str, dict[str, list[SearchFilterGroup]]]" \
            " | list[Any] | None:\n"
    assert script.wrapped(alone, is_def_line=True) == [
        "def all_filter_groups(\n",
        "        client: KitsuClient = default_client) -> dict[str, dict[str, list[SearchFilterGroup]]] | list[Any] | None:\n"]


def test_every_entry_of_the_table_points_at_a_def_the_codemod_can_rewrite():
    script = load_script()
    for path, edits in script.plan().items():
        with open(path) as source:
            compile(script.rewrite(source.read(), edits), path, "exec")
