"""One row type for the regular surface of the domain modules, checked once by tests/unit/test_surface.py.

Each ``tests/unit/test_<module>.py`` lists its ``SURFACE``: a :class:`Call`
per call of a function that sends one request, with what it must send and
return; and ``HAND_TESTED``, the public functions its own tests cover
instead (their irregular cases); ``MODULE`` names the gazu module it tests
when that is not ``<module>`` (``_files_media``, re-exported by ``files``). The checks every function shares are
written once, in test_surface.py: the exact request, the value returned
(sorted by name where upstream sorts, the first item where upstream takes
it), caching exactly where upstream caches, bad arguments refused naming
them before any request, and every public function covered.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
from collections.abc import Callable, Mapping
from typing import Any

from tests.unit.conftest import bad_entities

# What the fake Kitsu answers unless a row says otherwise: a list out of name order.
ANSWER = ({"id": "answer-1", "name": "b"}, {"id": "answer-2", "name": "A"}, {"id": "answer-3", "name": "c"})
SORTED = (ANSWER[1], ANSWER[0], ANSWER[2])
_ANSWER = object()  # the returned value is the answer (sorted, or its first item, as the row says)


@dataclasses.dataclass(frozen=True)
class Call:
    """A call of ``module.function`` and the one request it sends (``path`` None: only its bad arguments here).

    ``answer`` is the JSON the server sends back (default :data:`ANSWER`);
    ``returns`` what the call gives (default: the answer; sorted by name with
    ``sorts``; its first item with ``first``, and None for an empty list;
    for a DELETE, the answer's text, as upstream). ``bad`` lists the
    arguments refused before any request: an entity argument by its name
    (refused with the ``bad_entities`` values; an optional one is given "x?"
    for None), any other as ``(name, [bad values])``. A row whose own
    arguments are bad (a value no parameter holds alone: a dict without a
    key) says the argument named in the error with ``refuses``.
    """

    function: str
    args: tuple = ()
    kwargs: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    method: str = "GET"
    path: str | None = None
    query: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    body: Any = None
    answer: Any = dataclasses.field(default_factory=lambda: [dict(item) for item in ANSWER])
    returns: Any = _ANSWER
    sorts: bool = False
    first: bool = False
    cached: bool = False
    bad: tuple = ()
    refuses: str | None = None

    def __post_init__(self) -> None:
        assert not (self.refuses and self.bad), "%s: a row refused as a whole has no other bad arguments" % self

    @property
    def callable(self) -> Callable:
        module, _, name = self.function.rpartition(".")
        return getattr(importlib.import_module("gazu." + module), name)

    def __call__(self, **changes: Any) -> Any:
        """Call the function with the row's arguments, ``changes`` put in by parameter name."""
        bound = inspect.signature(self.callable).bind_partial(*self.args, **self.kwargs)
        bound.arguments.update(changes)
        return self.callable(*bound.args, **bound.kwargs)

    def expected(self, answer_text: str) -> Any:
        """Return what the call must give for the row's answer (``answer_text``: the body as sent)."""
        if self.returns is not _ANSWER:
            return self.returns
        if self.method == "DELETE":
            return answer_text
        if self.first:
            return self.answer[0] if self.answer else None
        if self.sorts:
            assert self.answer == list(ANSWER), "%s: a sorted row with its own answer says what it returns" % self
            return [dict(item) for item in SORTED]
        return self.answer

    def bad_arguments(self) -> list[tuple[str, Any]]:
        """Return each ``(argument, bad value)`` the call must refuse before any request (``(refuses, None)``:
        the row's own arguments)."""
        parameters, found = inspect.signature(self.callable).parameters, []
        if self.refuses:
            found.append((self.refuses, None))
        for item in self.bad:
            if isinstance(item, tuple):  # (argument, its bad values)
                found += [(item[0], value) for value in item[1]]
            else:
                found += [(item, "x?" if value is None and parameters[item].default is None else value)
                          for value in bad_entities(item)]
        return found


def surface(*modules: str) -> tuple[list[Call], dict[str, tuple[str, set[str], set[str]]]]:
    """Return the rows of these modules' unit tests and, per module, the gazu module it tests (its ``MODULE``, or
    the same name), the functions its rows call and the functions it tests by hand."""
    rows, coverage = [], {}
    for module in modules:
        tests = importlib.import_module("tests.unit.test_" + module)
        rows += tests.SURFACE
        called = {row.function.rpartition(".")[2] for row in tests.SURFACE}
        coverage[module] = ("gazu." + getattr(tests, "MODULE", module), called, set(tests.HAND_TESTED))
    return rows, coverage
