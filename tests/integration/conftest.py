"""The sandbox Kitsu the integration tests run against: one real Zou per test session.

``kitsu_sandbox`` and ``kitsu_admin`` come from gazu's own pytest plugin
(gazu/sandbox/pytest_plugin.py), the one studios use for their tests, so our
suite provisions its server exactly as theirs does.

The first run on a machine installs Zou and builds its database (about a
minute, see gazu.sandbox); that happens once collection is done, outside any
test's timeout. Later sessions start in a few seconds. A sandbox that cannot
start fails the tests loudly: they are never skipped. Set
GAZU_SANDBOX_KEEP_LOGS=1 to keep the servers' logs (always kept on a failed
start; the error names their folder).
"""

from __future__ import annotations

import pytest

from gazu.sandbox.pytest_plugin import start_sandbox
from tests.upstream_oracle import SUMMARY


@pytest.fixture(scope="session")
def second_kitsu_sandbox(kitsu_sandbox):
    """Another, independent sandbox Kitsu, for pushing data from one instance to another (gazu.sync)."""
    sandbox = start_sandbox()
    yield sandbox
    sandbox.stop()


def pytest_terminal_summary(terminalreporter):
    """Say how much of upstream's behaviour test_upstream_parity.py compared."""
    for line in SUMMARY:
        terminalreporter.write_line(line)
