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
def client(server):
    kitsu = raw.create_client(server.url, event_host=server.url)
    kitsu.tokens = {"access_token": "a-token"}
    return kitsu


def test_an_event_stream_that_accepts_and_never_answers_fails_init_in_seconds(client):
    started = time.monotonic()
    with pytest.raises(NetworkException, match="cannot connect to the event stream at http://127.0.0.1"):
        events.init(client, request_timeout=1)
    assert time.monotonic() - started < 5


def jwt(expires_in: float) -> str:
    """An unsigned JWT whose ``exp`` claim is ``expires_in`` seconds from now."""
    def part(data):
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    return "%s.%s.signature" % (part({"alg": "HS256"}), part({"exp": time.time() + expires_in}))


def test_a_stream_gone_silent_is_left_and_joined_again_with_a_token_refreshed_meanwhile(client, server, monkeypatch):
    monkeypatch.setattr(events, "TOKEN_EXPIRY_MARGIN", 0.0)
    # The first connection takes the token as it is, however long a loaded machine takes to get there;
    # the stream is left ~5 s after it, when the token has really expired and the real check says so.
    expires_soon = events._token_expires_soon
    monkeypatch.setattr(events, "_token_expires_soon", lambda token: bool(server.event_logins) and expires_soon(token))
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
        server.event_stream_hangs_up.set()
        event_client.disconnect()
        listening.join(10)
    assert not listening.is_alive()
    # Left within its poll timeout, joined again, and with a token refreshed since it expired meanwhile.
    assert server.event_logins[:2] == ["Bearer " + first_token, "Bearer refreshed"]
    assert server.count("GET", "auth/refresh-token") == 1


def test_disconnecting_while_the_stream_is_down_stops_the_listener(client, server):
    server.behaviours["socket.io"] = FaultServer.event_stream_gone_silent
    event_client = events.init(client, reconnection_delay=0.1, reconnection_delay_max=0.2)
    server.event_stream_refuses = True  # from now on, every reconnection attempt fails
    listening = threading.Thread(target=events.run_client, args=(event_client,), daemon=True)
    listening.start()
    server.event_stream_hangs_up.set()  # the connection drops: the client starts reconnecting
    deadline = time.monotonic() + 10
    while len(server.event_logins) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(server.event_logins) >= 3, "the client did not try to reconnect"
    event_client.disconnect()
    listening.join(5)
    assert not listening.is_alive(), "run_client still running after disconnect()"
    attempts = len(server.event_logins)
    time.sleep(1)
    assert len(server.event_logins) == attempts  # and no more reconnection attempts
