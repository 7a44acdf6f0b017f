"""The sandbox Kitsu the integration tests run against: one real Zou per test session.

The first run on a machine installs Zou and builds its database (about a
minute, see gazu.sandbox); that happens once collection is done, outside any
test's timeout. Later sessions start in a few seconds. A sandbox that cannot
start fails the tests loudly: they are never skipped. Set
GAZU_SANDBOX_KEEP_LOGS=1 to keep the servers' logs (always kept on a failed
start; the error names their folder).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from gazu.sandbox import KitsuSandbox, SandboxError, provision

_HERE = Path(__file__).parent


def pytest_collection_finish(session):
    """Provision Zou before the first integration test, so its timeout covers only the start."""
    if any(_HERE in Path(str(item.fspath)).parents for item in session.items):
        try:
            provision()
        except SandboxError as error:  # the fixture retries, and fails every test with the reason
            logging.getLogger("gazu.sandbox").error("provisioning the sandbox failed: %s", error)


@pytest.fixture(scope="session")
def kitsu_sandbox():
    """A running sandbox Kitsu: ``host``, ``event_host``, ``admin_email``, ``admin_password``, ``env()``."""
    sandbox = KitsuSandbox()
    try:
        sandbox.start()
    except SandboxError as error:
        pytest.fail("the sandbox Kitsu did not start:\n%s" % error, pytrace=False)
    yield sandbox
    sandbox.stop()


@pytest.fixture(scope="session")
def second_kitsu_sandbox(kitsu_sandbox):
    """Another, independent sandbox Kitsu, for pushing data from one instance to another (gazu.sync)."""
    sandbox = KitsuSandbox()
    try:
        sandbox.start()
    except SandboxError as error:
        pytest.fail("the second sandbox Kitsu did not start:\n%s" % error, pytrace=False)
    yield sandbox
    sandbox.stop()
