"""gazu.events against a misbehaving event stream on loopback: a silent server never holds a listener for ever."""

from __future__ import annotations

import base64
import json
import threading
import time

import pytest

from gazu import client as raw
from gazu import events
from gazu.exception import NetworkException
from tests.faults.server import FaultServer


@pytest.fixture
def server():
    with FaultServer() as running:
        yield running


@pytest.fixture
def client(server):
    kitsu = raw.create_client(server.url, event_host=server.url)
    kitsu.tokens = {"access_token": "a-token"}
    return kitsu


def test_an_event_stream_that_accepts_and_never_answers_fails_init_in_seconds(client):
    started = time.monotonic()
    with pytest.raises(NetworkException, match="cannot connect to the event stream at http://127.0.0.1"):
        events.init(client)
    assert time.monotonic() - started < 15


def test_an_event_stream_gone_silent_after_connecting_is_left_and_connected_again(client, server):
    server.behaviours["socket.io"] = FaultServer.event_stream_gone_silent
    event_client = events.init(client, reconnection_delay=0.1, reconnection_delay_max=0.2)
    listening = threading.Thread(target=events.run_client, args=(event_client,), daemon=True)
    listening.start()
    try:
        deadline = time.monotonic() + 20
        while server.event_packets.count("(accepted)") < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert server.event_packets.count("(accepted)") >= 2, "the silent stream was never left"
    finally:
        event_client.disconnect()
        listening.join(10)
    assert not listening.is_alive()


def jwt(expires_in: float) -> str:
    """An unsigned JWT whose ``exp`` claim is ``expires_in`` seconds from now."""
    def part(data):
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    return "%s.%s.signature" % (part({"alg": "HS256"}), part({"exp": time.time() + expires_in}))


def test_a_token_that_expires_during_a_long_listen_is_refreshed_before_connecting_again(client, server, monkeypatch):
    monkeypatch.setattr(events, "TOKEN_EXPIRY_MARGIN", 0.0)
    server.behaviours["socket.io"] = FaultServer.event_stream_gone_silent
    first_token = jwt(expires_in=2)  # valid when listening starts, expired when the stream is left (~5 s)
    client.tokens = {"access_token": first_token, "refresh_token": "refresh-token"}
    event_client = events.init(client, reconnection_delay=0.1, reconnection_delay_max=0.2)
    listening = threading.Thread(target=events.run_client, args=(event_client,), daemon=True)
    listening.start()
    try:
        deadline = time.monotonic() + 20
        while len(server.event_logins) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        event_client.disconnect()
        listening.join(10)
    assert server.event_logins[:2] == ["Bearer " + first_token, "Bearer refreshed"]
    assert server.count("GET", "auth/refresh-token") == 1
