"""Check a value against a declared return type, the way the server's answers are checked.

``mismatches(value, annotation)`` lists every way ``value`` differs from
``annotation`` (empty when it conforms). Annotations may be types or
strings naming them (``"list[Shot]"``, ``"Optional[Task]"``), resolved
against :mod:`gazu.types`. Understood: TypedDicts (required and optional
keys, ``total=False``, ``Required``/``NotRequired``), ``list``, ``dict``,
``tuple``, ``Optional``/``Union`` (``X | Y`` too), ``Literal``, ``Any``,
plain classes (``str``, ``int``, ``float``, ``bool``, ``None``, ``bytes``…).

A TypedDict is closed: a key it does not declare is a mismatch, since the
point is to learn when the server sends something the types do not say.
JSON's numbers follow Python's typing rules: an ``int`` is accepted where
a ``float`` is declared, a ``bool`` is never an ``int``.
"""

from __future__ import annotations

import functools
import sys
import types
import typing
from typing import Any

try:  # Python 3.10+: X | Y
    _UNION_TYPES: tuple = (typing.Union, types.UnionType)
except AttributeError:  # pragma: no cover - Python 3.9
    _UNION_TYPES = (typing.Union,)

_LITERALS = {typing.Literal}
_WRAPPERS = {"Required", "NotRequired", "ReadOnly", "Annotated"}
try:
    import typing_extensions
except ImportError:  # pragma: no cover
    typing_extensions = None  # type: ignore[assignment]
else:
    _LITERALS.add(typing_extensions.Literal)

# How many items of a list are checked: enough to meet every shape a listing mixes.
MAX_ITEMS = 200


def resolve(annotation: Any) -> Any:
    """Return the type an annotation names (strings are evaluated against gazu.types)."""
    if isinstance(annotation, str):
        return _evaluate(annotation)
    if isinstance(annotation, typing.ForwardRef):
        return _evaluate(annotation.__forward_arg__)
    return annotation


@functools.cache
def _evaluate(text: str) -> Any:
    import gazu.types

    namespace = {**vars(typing), **vars(gazu.types)}
    if sys.version_info < (3, 10):  # pragma: no cover - 3.9 cannot evaluate X | Y
        text = _without_pep604(text)
    return eval(text, namespace)  # noqa: S307 - annotations are our own source text


def _split_top_level(text: str, separator: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char == "["
        depth -= char == "]"
        if char == separator and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return parts + [current]


def _without_pep604(text: str) -> str:
    """Spell ``X | Y`` (at any depth) as ``Union[X, Y]``, for Python 3.9."""
    options = _split_top_level(text, "|")
    if len(options) > 1:
        return "Union[%s]" % ", ".join(_without_pep604(option) for option in options)
    text = text.strip()
    if text.endswith("]") and "[" in text:
        name, inner = text[:-1].split("[", 1)
        return "%s[%s]" % (name, ", ".join(_without_pep604(part) for part in _split_top_level(inner, ",")))
    return text


def describe(annotation: Any) -> str:
    """Return a short readable name of a type."""
    annotation = resolve(annotation)
    if annotation is type(None) or annotation is None:
        return "None"
    if isinstance(annotation, type) and not typing.get_args(annotation):
        return annotation.__name__
    return str(annotation).replace("typing.", "")


def _unwrap(annotation: Any) -> Any:
    """Strip ``Required[...]``, ``NotRequired[...]``, ``ReadOnly[...]`` and ``Annotated[...]`` around a type."""
    while True:
        origin = typing.get_origin(annotation)
        name = getattr(origin, "_name", None) or getattr(origin, "__name__", None)
        if origin is None or name not in _WRAPPERS:
            return annotation
        annotation = typing.get_args(annotation)[0]


def _is_typeddict(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, dict) and hasattr(annotation, "__total__")


@functools.cache
def _typeddict_fields(typed_dict: type) -> tuple[dict, frozenset]:
    hints = typing.get_type_hints(typed_dict, include_extras=True)
    return {key: _unwrap(hint) for key, hint in hints.items()}, frozenset(typed_dict.__required_keys__)


def mismatches(value: Any, annotation: Any, where: str = "answer") -> list[str]:
    """Return how ``value`` differs from ``annotation``: one line per difference, empty if none."""
    annotation = _unwrap(resolve(annotation))
    if annotation is Any or annotation is object:
        return []
    if annotation is None or annotation is type(None):
        return [] if value is None else ["%s: expected None, got %s" % (where, _show(value))]
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin in _UNION_TYPES:
        return _check_union(value, arguments, where)
    if origin in _LITERALS:
        return [] if value in arguments else ["%s: expected one of %r, got %s" % (where, arguments, _show(value))]
    if _is_typeddict(annotation):
        return _check_typeddict(value, annotation, where)
    if origin is not None:
        return _check_generic(value, origin, arguments, where)
    if isinstance(annotation, type):
        return _check_class(value, annotation, where)
    raise TypeError("%s: cannot check against %r" % (where, annotation))


def conforms(value: Any, annotation: Any) -> bool:
    """Tell whether ``value`` conforms to ``annotation``."""
    return not mismatches(value, annotation)


def _show(value: Any) -> str:
    text = repr(value)
    return "%s %s" % (type(value).__name__, text if len(text) <= 60 else text[:57] + "...")


def _check_class(value: Any, expected: type, where: str) -> list[str]:
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return []
    if expected is int and isinstance(value, bool):
        return ["%s: expected int, got %s" % (where, _show(value))]
    if isinstance(value, expected):
        return []
    return ["%s: expected %s, got %s" % (where, expected.__name__, _show(value))]


def _check_union(value: Any, options: tuple, where: str) -> list[str]:
    failures = []
    for option in options:
        found = mismatches(value, option, where)
        if not found:
            return []
        failures.append(found)
    # Report against the closest option whose outer kind fits (a list for a list, a dict for a dict).
    fitting = [found for found in failures if not any(line.startswith(where + ": expected") for line in found)]
    if fitting:
        return min(fitting, key=len)
    return ["%s: expected %s, got %s" % (where, " | ".join(describe(option) for option in options), _show(value))]


def _check_typeddict(value: Any, typed_dict: type, where: str) -> list[str]:
    if not isinstance(value, dict):
        return ["%s: expected %s (a dict), got %s" % (where, typed_dict.__name__, _show(value))]
    fields, required = _typeddict_fields(typed_dict)
    found = []
    unknown = sorted(set(value) - set(fields), key=str)
    if unknown:
        found.append("%s: %s has no key %s" % (where, typed_dict.__name__, ", ".join(map(repr, unknown))))
    missing = sorted(required - set(value))
    if missing:
        found.append("%s: %s lacks required key %s" % (where, typed_dict.__name__, ", ".join(map(repr, missing))))
    for key, item in value.items():
        if key in fields:
            found.extend(mismatches(item, fields[key], "%s[%r]" % (where, key)))
    return found


def _check_generic(value: Any, origin: Any, arguments: tuple, where: str) -> list[str]:
    if not isinstance(value, origin):
        return ["%s: expected %s, got %s" % (where, getattr(origin, "__name__", origin), _show(value))]
    if not arguments:
        return []
    found: list[str] = []
    if origin is dict:
        key_type, value_type = arguments
        for key, item in list(value.items())[:MAX_ITEMS]:
            found.extend(mismatches(key, key_type, "%s key %r" % (where, key)))
            found.extend(mismatches(item, value_type, "%s[%r]" % (where, key)))
    elif origin is tuple:
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            for index, item in enumerate(value):
                found.extend(mismatches(item, arguments[0], "%s[%d]" % (where, index)))
        elif len(arguments) != len(value):
            found.append("%s: expected a tuple of %d, got %d items" % (where, len(arguments), len(value)))
        else:
            for index, (item, item_type) in enumerate(zip(value, arguments)):
                found.extend(mismatches(item, item_type, "%s[%d]" % (where, index)))
    elif origin in (list, set, frozenset):
        for index, item in enumerate(list(value)[:MAX_ITEMS]):
            found.extend(mismatches(item, arguments[0], "%s[%d]" % (where, index)))
    return _first_of_each_kind(found)


def _first_of_each_kind(found: list[str]) -> list[str]:
    """Keep one line per distinct problem, not one per list item that has it."""
    kept, seen = [], set()
    for line in found:
        kind = line.split(": ", 1)[-1]
        if kind not in seen:
            seen.add(kind)
            kept.append(line)
    return kept
