"""Fixtures shared by the integration suites.

``kitsu_sandbox`` (gazu's pytest plugin, gazu/sandbox/pytest_plugin.py)
starts one real Kitsu per test session; ``admin_client`` is the default
client pointed at it, logged in as the administrator, restored afterwards.
"""

from __future__ import annotations

import uuid

import pytest

import gazu


def unique(prefix: str = "test") -> str:
    """Return a name no other test uses, to isolate tests on the shared server."""
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


@pytest.fixture
def admin_client(kitsu_admin):
    """The default client, logged in to the sandbox as its administrator (the plugin's ``kitsu_admin``)."""
    return kitsu_admin


@pytest.fixture
def new_project(admin_client):
    """A fresh, uniquely named open project on the sandbox (made with raw calls only)."""
    return gazu.client.post("data/projects", {"name": unique("project"), "production_type": "tvshow"})


@pytest.fixture
def me(admin_client):
    """The logged-in administrator's person dict."""
    return gazu.client.get_current_user()


@pytest.fixture
def statuses(admin_client):
    """The server's task statuses by short name (``todo``, ``wip``, ``wfa``, ``done``, …)."""
    return {status["short_name"]: status for status in gazu.client.get("data/task-status")}


from tests.realcoverage import (  # noqa: E402,F401  (hooks: real-server coverage report)
    pytest_collection_modifyitems,
    pytest_runtest_setup,
    pytest_runtest_teardown,
    pytest_terminal_summary,
)
from tests.realtypes import pytest_runtest_call  # noqa: E402,F401  (hook: answers checked against their types)
