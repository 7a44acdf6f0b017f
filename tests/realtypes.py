"""Every answer a public function returns on the real server, checked against its declared type.

While an integration test runs, tests/realcoverage.py's profile hook hands
each return of a public function to :class:`AnswerChecker`, which checks
the value against the function's declared answer type, its own return
annotation (``-> Shot``, resolved in the names of gazu.types). A
value that does not conform (a key the type does not know, a required key
missing, a value of the wrong type) fails the test that received it, so a
type that drifts from the server is found the day it drifts.

Returns by exception are not answers and are skipped, and so are
generators, the functions of gazu._untyped_answers.NOT_SERVER_ANSWERS
(they return the caller's own data) and annotations the checker cannot read (``Callable``, …).
"""

from __future__ import annotations

import dis
import importlib
import inspect
import threading
import typing

import pytest

from tests import answer_types

_RETURNS = {dis.opmap[name] for name in ("RETURN_VALUE", "RETURN_CONST") if name in dis.opmap}
_GENERATOR_FLAGS = inspect.CO_GENERATOR | inspect.CO_ASYNC_GENERATOR
# Annotations that say nothing checkable about an answer.
_UNCHECKED = {"Any", "Callable", "object"}


class AnswerChecker:
    """Checks returned values against declared types; keeps what it found until taken."""

    def __init__(self) -> None:
        from gazu._untyped_answers import NOT_SERVER_ANSWERS

        self.not_answers = NOT_SERVER_ANSWERS
        self.types: dict[str, typing.Any] = {}
        self.problems: list[str] = []
        self.checked = 0
        self.lock = threading.Lock()

    def declared(self, name: str) -> typing.Any:
        """Return the type ``name``'s answers must have (None: nothing to check)."""
        if name not in self.types:
            self.types[name] = self._declared(name)
        return self.types[name]

    def _declared(self, name: str) -> typing.Any:
        if name in self.not_answers:
            return None  # the caller's own data: nothing to learn about the server
        module_name, function_name = name.rsplit(".", 1)
        module = importlib.import_module(module_name)
        function = inspect.unwrap(getattr(module, function_name))
        annotation = inspect.signature(function).return_annotation
        if annotation is inspect.Signature.empty:
            return None
        if isinstance(annotation, str) and annotation in _UNCHECKED:
            return None
        try:
            return _resolve(annotation, function)
        except Exception:  # an annotation naming what cannot be checked (a client class, Callable[...])
            return None

    def on_return(self, name: str, frame: typing.Any, value: typing.Any) -> None:
        """Check one return of public function ``name`` (a profile ``return`` event)."""
        code = frame.f_code
        if code.co_flags & _GENERATOR_FLAGS:
            return
        offset = frame.f_lasti
        if not (0 <= offset < len(code.co_code)) or code.co_code[offset] not in _RETURNS:
            return  # left by an exception, or a coroutine suspended at an await
        declared = self.declared(name)
        if declared is None:
            return
        try:
            found = answer_types.mismatches(value, declared, name)
        except TypeError:
            return  # a type the checker does not understand: not the server's drift
        self.checked += 1
        if found:
            with self.lock:
                self.problems.extend(found)

    def take(self) -> list[str]:
        """Return what was found since the last call, and forget it."""
        with self.lock:
            found, self.problems = self.problems, []
        return found


def _resolve(annotation: typing.Any, function: typing.Any) -> typing.Any:
    """Resolve an annotation in gazu.types' names, then in the function's module."""
    if not isinstance(annotation, str):
        return annotation
    try:
        return answer_types.resolve(annotation)
    except NameError:
        namespace = {**vars(typing), **vars(importlib.import_module("gazu.types")), **function.__globals__}
        return eval(annotation, namespace)  # noqa: S307 - annotations are our own source text


class AnswerTypeDrift(AssertionError):
    """A function answered something its declared type does not describe."""


def raise_for_drift(checker: AnswerChecker | None) -> None:
    """Fail the current test with what ``checker`` found, if anything."""
    if checker is None:
        return
    found = checker.take()
    if found:
        shown = sorted(set(found))
        raise AnswerTypeDrift(
            "answers that drift from their declared types (the functions' return annotations, gazu/types.py):\n  "
            + "\n  ".join(shown[:30]) + ("\n  … and %d more" % (len(shown) - 30) if len(shown) > 30 else ""))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    from tests import realcoverage

    result = yield
    if realcoverage.recorder is not None and realcoverage._is_integration(item):
        raise_for_drift(realcoverage.recorder.answers)
    return result
