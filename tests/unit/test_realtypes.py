"""The integration suite's answer check (tests/realtypes.py), driven by a real profile hook on fake functions."""

from __future__ import annotations

import asyncio
import sys

import pytest

from tests.realtypes import AnswerChecker, AnswerTypeDrift, raise_for_drift

SHOT_NAME = "gazu.shot.get_shot"


def answer(value):
    return value


def failing():
    raise ValueError("no answer")


async def answer_later(value):
    await asyncio.sleep(0)
    return value


def run_profiled(checker, function, *args):
    """Call ``function`` under a profile hook that hands its returns to ``checker`` as ``gazu.shot.get_shot``'s."""
    def profile(frame, event, arg):
        if event == "return" and frame.f_code is function.__code__:
            checker.on_return(SHOT_NAME, frame, arg)

    sys.setprofile(profile)
    try:
        return function(*args)
    finally:
        sys.setprofile(None)


def test_an_answer_that_drifts_is_reported_with_the_function_and_key():
    checker = AnswerChecker()
    run_profiled(checker, answer, {"id": "1", "nb_frame": 3})
    found = checker.take()
    assert "gazu.shot.get_shot: Shot has no key 'nb_frame'" in found
    assert any("lacks required key" in line for line in found)
    assert checker.take() == []


def test_a_conforming_answer_and_a_return_by_exception_are_not_reported():
    checker = AnswerChecker()
    run_profiled(checker, answer, None)  # get_shot declares Shot: None would drift…
    assert checker.take() != []
    with pytest.raises(ValueError):
        run_profiled(checker, failing)  # …but leaving by an exception is no answer
    assert checker.take() == []


def test_a_coroutine_is_checked_on_its_final_answer_only():
    checker = AnswerChecker()

    def run():
        return asyncio.run(answer_later({"id": "1"}))

    def profile(frame, event, arg):
        if event == "return" and frame.f_code is answer_later.__code__:
            checker.on_return(SHOT_NAME, frame, arg)

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    found = checker.take()
    assert len([line for line in found if "lacks required key" in line]) == 1  # not once per await


def test_functions_without_an_entry_are_checked_against_their_own_annotation():
    checker = AnswerChecker()
    assert checker.declared("gazu.client.get_host") is str
    assert checker.declared("gazu.client.get") is None  # Any: nothing to check


def test_drift_fails_the_test_naming_every_problem():
    checker = AnswerChecker()
    checker.problems = ["gazu.shot.get_shot: Shot has no key 'x'"]
    with pytest.raises(AnswerTypeDrift, match="Shot has no key 'x'"):
        raise_for_drift(checker)
    raise_for_drift(checker)  # reported once
