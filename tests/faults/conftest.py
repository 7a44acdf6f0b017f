"""The fault suite's shared fixture: a misbehaving loopback Kitsu (tests/faults/server.py) per test."""

import pytest

from tests.faults.server import FaultServer


@pytest.fixture
def server():
    with FaultServer() as running:
        yield running
