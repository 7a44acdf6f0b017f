"""The checks every regular domain function shares, run once over the rows of each module's unit tests.

The rows are the ``SURFACE`` lists of ``tests/unit/test_<module>.py`` (see
tests/unit/surface.py); each module's file keeps its irregular cases.
"""

from __future__ import annotations

import importlib
import warnings

import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.unit.surface import surface

MODULES = ("asset", "casting", "concept", "context", "edit", "entity", "files", "files_media", "person", "playlist",
           "project", "project_template", "scene", "search", "shot", "studio", "task", "task_comments",
           "task_previews", "user")
ROWS, COVERAGE = surface(*MODULES)
REQUESTS = [row for row in ROWS if row.path is not None]


def _ids(rows):
    seen = {}
    for row in rows:
        seen[row.function] = seen.get(row.function, -1) + 1
        yield "%s-%d" % (row.function, seen[row.function]) if seen[row.function] else row.function


@pytest.mark.parametrize("row", REQUESTS, ids=list(_ids(REQUESTS)))
def test_the_request_and_the_answer(kitsu, row):
    kitsu.on(row.method, row.path, json=row.answer)
    result = row()
    assert kitsu.sent == [(row.method, row.path, dict(row.query), row.body)]
    assert result == row.expected(kitsu.mock.calls[0].response.text)
    if row.first:  # an empty list: None
        kitsu.mock.replace(row.method, kitsu.url(row.path), json=[])
        gazu.cache.clear_all()
        assert row() is None


@pytest.mark.parametrize("row", REQUESTS, ids=list(_ids(REQUESTS)))
def test_answers_are_cached_exactly_where_upstream_caches(kitsu, row):
    kitsu.on(row.method, row.path, json=row.answer)
    gazu.cache.enable()
    assert row() == row()
    assert len(kitsu.sent) == (1 if row.cached else 2)


BAD = [(row, argument, value) for row in ROWS for argument, value in row.bad_arguments()]


@pytest.mark.parametrize("row, argument, value", BAD,
                         ids=["%s-%s-%r" % (row.function, argument, value) for row, argument, value in BAD])
def test_bad_arguments_are_refused_naming_them_before_any_request(kitsu, row, argument, value):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the deprecated functions check their arguments too
        with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
            row() if argument == row.refuses else row(**{argument: value})
    assert kitsu.sent == []


@pytest.mark.parametrize("module", MODULES)
def test_every_public_function_is_covered(module):
    name, called, hand_tested = COVERAGE[module]
    namespace = importlib.import_module(name)
    public = {function for function, value in vars(namespace).items()
              if callable(value) and not function.startswith("_") and getattr(value, "__module__", "") == name}
    assert public == called | hand_tested
