"""The checker that holds the server's answers to their declared types (tests/answer_types.py)."""

from __future__ import annotations

from typing import Any, Literal, Optional, TypedDict, Union

import pytest

from tests.answer_types import conforms, describe, mismatches, resolve

try:
    import typing_extensions
except ImportError:  # pragma: no cover
    typing_extensions = None


class Point(TypedDict):
    x: int
    y: float


class _ThingBase(TypedDict):
    id: str
    name: str


class Thing(_ThingBase, total=False):
    data: Optional[dict[str, Any]]
    tags: list[str]
    point: Point


class Loose(TypedDict, total=False):
    a: int
    b: Optional[str]


def test_a_conforming_typeddict_has_no_mismatch():
    thing = {"id": "1", "name": "chair", "data": None, "tags": ["a"], "point": {"x": 1, "y": 2.5}}
    assert mismatches(thing, Thing) == []
    assert mismatches({"id": "1", "name": "chair"}, Thing) == []  # optional keys may be absent


def test_an_unknown_key_is_a_mismatch_naming_it():
    assert mismatches({"id": "1", "name": "chair", "nb_frame": 3}, Thing) == [
        "answer: Thing has no key 'nb_frame'"]


def test_a_missing_required_key_is_a_mismatch_naming_it():
    assert mismatches({"id": "1"}, Thing) == ["answer: Thing lacks required key 'name'"]


def test_total_false_makes_every_key_optional():
    assert mismatches({}, Loose) == []
    assert mismatches({"b": None}, Loose) == []


def test_a_wrong_value_type_names_the_path_to_it():
    assert mismatches({"id": "1", "name": "chair", "point": {"x": "1", "y": 2}}, Thing) == [
        "answer['point']['x']: expected int, got str '1'"]
    assert mismatches({"id": "1", "name": "chair", "tags": ["a", 2]}, Thing) == [
        "answer['tags'][1]: expected str, got int 2"]


def test_numbers_follow_typing_rules():
    assert conforms(3, float)  # an int is accepted where a float is declared
    assert not conforms(True, int)  # a bool is not an int
    assert not conforms(2.5, int)
    assert conforms(True, bool)


def test_none_and_optional():
    assert conforms(None, None)
    assert conforms(None, type(None))
    assert not conforms({}, None)
    assert conforms(None, Optional[Thing])
    assert mismatches({"id": "1"}, Optional[Thing]) == ["answer: Thing lacks required key 'name'"]
    assert mismatches(3, Optional[str]) == ["answer: expected str | None, got int 3"]


def test_union_of_typeddicts_reports_against_the_closest():
    assert conforms({"x": 1, "y": 1.0}, Union[Thing, Point])
    assert mismatches({"x": 1}, Union[Thing, Point]) == ["answer: Point lacks required key 'y'"]


def test_lists_and_dicts():
    assert conforms([], list[Thing])
    assert mismatches({"a": 1}, list[int]) == ["answer: expected list, got dict {'a': 1}"]
    assert conforms({"a": [1]}, dict[str, list[int]])
    assert mismatches({"a": ["x"]}, dict[str, list[int]]) == ["answer['a'][0]: expected int, got str 'x'"]
    assert mismatches({1: 1}, dict[str, int]) == ["answer key 1: expected str, got int 1"]
    assert conforms({"anything": object()}, dict)
    assert conforms([1, "a"], list)


def test_one_line_per_kind_of_problem_in_a_list():
    found = mismatches([{"id": "1", "name": "a", "extra": 1}] * 5, list[Thing])
    assert found == ["answer[0]: Thing has no key 'extra'"]


def test_tuples():
    assert conforms(("a", 1), tuple[str, int])
    assert mismatches(("a",), tuple[str, int]) == ["answer: expected a tuple of 2, got 1 items"]
    assert conforms((1, 2, 3), tuple[int, ...])


def test_literal_and_any():
    assert conforms("a", Literal["a", "b"])
    assert mismatches("c", Literal["a", "b"]) == ["answer: expected one of ('a', 'b'), got str 'c'"]
    assert conforms(object(), Any)
    assert conforms(b"x", bytes)


@pytest.mark.skipif(typing_extensions is None, reason="typing_extensions is not installed")
def test_required_and_not_required_markers():
    # Functional syntax: this module's annotations are strings, which hide the markers from TypedDict.
    Marked = typing_extensions.TypedDict("Marked", {  # noqa: UP013
        "id": typing_extensions.Required[str], "note": typing_extensions.NotRequired[Optional[str]]}, total=False)
    assert conforms({"id": "1"}, Marked)
    assert mismatches({"note": None}, Marked) == ["answer: Marked lacks required key 'id'"]
    assert mismatches({"id": 1}, Marked) == ["answer['id']: expected str, got int 1"]


def test_annotations_written_as_text_resolve_against_gazu_types():
    assert resolve("list[dict]") == list[dict]
    assert conforms([{"a": 1}], "list[dict]")
    assert conforms(None, "dict | None")
    assert mismatches(1, "dict | None") == ["answer: expected dict | None, got int 1"]
    assert describe("str") == "str"


def test_an_annotation_it_cannot_read_is_an_error_not_a_pass():
    with pytest.raises(TypeError):
        mismatches(1, 42)
