"""Fixtures shared by the integration suites.

``kitsu_sandbox`` (tests/integration/conftest.py) starts one real Kitsu per
test session; ``admin_client`` points gazu's default client at it, logged
in as the administrator, and restores the previous settings afterwards.
"""

from __future__ import annotations

import uuid

import pytest

import gazu


def unique(prefix: str = "test") -> str:
    """Return a name no other test uses, to isolate tests on the shared server."""
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


@pytest.fixture
def admin_client(kitsu_sandbox):
    """The default client, logged in to the sandbox as its administrator."""
    client = gazu.client.default_client
    previous = (client.host, client.event_host, dict(client.tokens))
    gazu.set_host(kitsu_sandbox.host)
    gazu.set_event_host(kitsu_sandbox.event_host)
    gazu.log_in(kitsu_sandbox.admin_email, kitsu_sandbox.admin_password)
    gazu.cache.clear_all()
    try:
        yield client
    finally:
        gazu.cache.disable()
        gazu.cache.clear_all()
        client.host, client.event_host, client.tokens = previous[0], previous[1], previous[2]


@pytest.fixture
def new_project(admin_client):
    """A fresh, uniquely named open project on the sandbox (made with raw calls only)."""
    return gazu.client.post("data/projects", {"name": unique("project"), "production_type": "tvshow"})


from tests.realcoverage import (  # noqa: E402,F401  (hooks: real-server coverage report)
    pytest_collection_modifyitems,
    pytest_runtest_setup,
    pytest_runtest_teardown,
    pytest_terminal_summary,
)
