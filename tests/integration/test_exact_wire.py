"""Every public function sends exactly what upstream gazu 1.3.1 sends, and answers the same.

tests/wire_differential.py calls each public function of upstream (its own
list, read from the package) in both packages with the same arguments —
entity dicts, made-up ids, every optional argument set, ids of no UUID
shape (``shot-01``) in dicts and bare — against the same
scripted Kitsu, and compares each request in full (method, URL, query
values, headers, JSON body, multipart parts), the return values, the
exceptions and the files written. No server is needed: upstream runs in its
cached environment (tests/upstream_oracle.py, installed from PyPI on the
first run; without network then, this fails and says why — never skipped).

A difference fails here unless tests/wire_differential.py's
KNOWN_DIFFERENCES lists it with its reason, which CHANGELOG.md's
"Deliberate differences" explains; a listed difference no call shows any
more fails too, so the list stays true. The differences are written to
reports/exact-wire.txt; ``scripts/check-wire-contract`` runs the same check
on its own.
"""

from __future__ import annotations

import os
import re

import pytest

from tests import wire_differential
from tests.upstream_oracle import SUMMARY, OracleUnavailable

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REPORT = os.path.join(ROOT, "reports", "exact-wire.txt")


@pytest.fixture(scope="module")
def result() -> wire_differential.Result:
    try:
        found = wire_differential.differential()
    except (OracleUnavailable, wire_differential.RunnerFailed) as error:  # never skipped: fail with the reason
        pytest.fail(str(error), pytrace=False)
    os.makedirs(os.path.dirname(REPORT), exist_ok=True)
    with open(REPORT, "w") as handle:
        handle.write(wire_differential.report(found))
    SUMMARY.append("%s (report: %s)" % (found.summary(), os.path.relpath(REPORT, ROOT)))
    return found


def test_every_call_sends_and_answers_what_upstream_does(result):
    differing = ["%s\n  %s" % (wire_differential.readable(case.label), "\n  ".join(
        wire_differential.readable(line) for line in lines)) for case, lines, _ours, _theirs in result.differ]
    assert not differing, "%d calls differ from upstream's (reports/exact-wire.txt has both sides' requests):\n%s" % (
        len(differing), "\n".join(differing))


def test_every_listed_difference_is_still_seen(result):
    assert not result.unused_known, "no call shows these listed differences any more: remove them from " \
        "KNOWN_DIFFERENCES (and CHANGELOG.md):\n%s" % "\n".join(map(str, result.unused_known))


def test_every_public_function_is_called(result):
    called = {(case.module, case.function) for case in result.identical + [case for case, _ in result.deliberate]}
    assert len(called) > 500, "only %d functions compared: did the surface of upstream change?" % len(called)
    assert all(reason for reason in result.not_compared.values())


def test_every_listed_difference_is_in_the_changelog():
    with open(os.path.join(ROOT, "CHANGELOG.md")) as handle:
        text = handle.read()
    deliberate = text.split("Deliberate differences", 1)[1]
    missing = sorted({function for function, _form, _pattern in wire_differential.KNOWN_DIFFERENCES
                      if function != "*" and not re.search(r"\b%s\b" % re.escape(function.split(".")[-1]),
                                                            deliberate)})
    assert not missing, "listed in KNOWN_DIFFERENCES but not named in CHANGELOG.md's deliberate differences: %s" % (
        missing,)
