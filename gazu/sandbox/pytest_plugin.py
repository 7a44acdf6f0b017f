"""A pytest plugin: a real, throw-away Kitsu for a studio's own pipeline tests.

Installed with ``pip install "gazu[sandbox]"``, it is loaded by pytest on its
own (entry point ``gazu_sandbox``) and offers:

- ``kitsu_sandbox`` (session): a running sandbox Kitsu — ``host``,
  ``event_host``, ``admin_email``, ``admin_password``, ``env()`` — started
  once per test session, provisioned as gazu's own test suite does it;
- ``kitsu_admin``: gazu's default client pointed at it and logged in as
  the administrator (restored after the test), so code written with plain
  ``gazu.<module>`` calls runs against it unchanged;
- ``kitsu_project``: a fresh, uniquely named project on it, so tests sharing
  the server never see each other's data.

::

    def test_publish_creates_a_preview(kitsu_admin, kitsu_project):
        ...

The first session on a machine installs Zou into the user's cache folder
(about a minute); later ones start in seconds. A sandbox that cannot start
fails the tests that need it, with the servers' logs: they are never skipped.
"""

from __future__ import annotations

import contextlib
import logging
import uuid

import pytest

from gazu.sandbox import KitsuSandbox, SandboxError, provision


def pytest_collection_finish(session):
    """Provision Zou before the first test that needs it, outside that test's timeout."""
    if any("kitsu_sandbox" in getattr(item, "fixturenames", ()) for item in session.items):
        try:
            provision()
        except SandboxError as error:  # the fixture fails every test that needs it, with the reason
            logging.getLogger("gazu.sandbox").error("provisioning the sandbox failed: %s", error)


def start_sandbox() -> KitsuSandbox:
    """Start a sandbox or fail the requesting test with why it could not start."""
    sandbox = KitsuSandbox()
    try:
        return sandbox.start()
    except SandboxError as error:
        pytest.fail("the sandbox Kitsu did not start:\n%s" % error, pytrace=False)


@pytest.fixture(scope="session")
def kitsu_sandbox():
    """A running sandbox Kitsu: ``host``, ``event_host``, ``admin_email``, ``admin_password``, ``env()``."""
    sandbox = start_sandbox()
    yield sandbox
    sandbox.stop()


@contextlib.contextmanager
def logged_in_admin(sandbox: KitsuSandbox):
    """Point gazu's default client at ``sandbox``, logged in as its administrator; restore it on exit."""
    import gazu

    client = gazu.client.default_client
    previous = (client.host, client.event_host, dict(client.tokens))
    env = sandbox.env()
    gazu.set_host(env["KITSU_HOST"])
    gazu.set_event_host(env["KITSU_EVENT_HOST"])
    gazu.log_in(env["KITSU_LOGIN"], env["KITSU_PASSWORD"])
    gazu.cache.clear_all()
    try:
        yield client
    finally:
        gazu.cache.disable()
        gazu.cache.clear_all()
        client.host, client.event_host, client.tokens = previous


@pytest.fixture
def kitsu_admin(kitsu_sandbox):
    """gazu's default client, on the sandbox and logged in as its administrator (restored afterwards)."""
    with logged_in_admin(kitsu_sandbox) as client:
        yield client


@pytest.fixture
def kitsu_project(kitsu_admin):
    """A fresh, uniquely named open project on the sandbox."""
    import gazu

    return gazu.project.new_project("test-%s" % uuid.uuid4().hex[:8], "tvshow")
