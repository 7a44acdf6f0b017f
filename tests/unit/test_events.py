"""gazu.events with socket.io's network side patched out: connection, token refresh, listeners, reconnection."""

from __future__ import annotations

import base64
import datetime
import json
import logging
import subprocess
import sys
import threading
import time
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
import socketio

import gazu
from gazu import events
from gazu.exception import InvalidArgumentException, NetworkException
from tests.unit.conftest import new_id


def jwt(expires_in: float) -> str:
    """An unsigned token whose ``exp`` claim is ``expires_in`` seconds away (only its payload is read)."""
    def part(data):
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
    return "%s.%s.signature" % (part({"alg": "HS256"}), part({"exp": time.time() + expires_in}))


@pytest.fixture
def connections(monkeypatch):
    """socket.io's connect and wait, recorded instead of touching the network."""
    calls = []

    def connect(self, url, headers=None, auth=None, transports=None, namespaces=None, socketio_path="socket.io",
                wait=True, wait_timeout=1, retry=False):
        calls.append({"url": url, "headers": headers() if callable(headers) else headers, "namespaces": namespaces,
                      "socketio_path": socketio_path, "wait_timeout": wait_timeout})
        self.connection_url, self.connection_headers = url, headers
        self.connection_namespaces, self.socketio_path = namespaces, socketio_path
        failure = self.__dict__.pop("next_failure", None)
        if failure:
            raise socketio.exceptions.ConnectionError(failure)

    monkeypatch.setattr(socketio.Client, "connect", connect)
    monkeypatch.setattr(socketio.Client, "disconnect", lambda self: None)
    return calls


@pytest.fixture
def event_client(kitsu, connections):
    gazu.set_event_host("http://events.test")
    try:
        yield events.init(reconnection_delay=0.001, reconnection_delay_max=0.001)
    finally:
        gazu.set_event_host(None)


def deliver(client, name, data):
    """Feed the client one socket.io EVENT packet of the /events namespace, as the server sends it."""
    client._handle_eio_message('2/events,%s' % json.dumps([name, data]))


def test_import_gazu_does_not_import_socketio():
    code = ("import sys, gazu, gazu.events; print([m for m in sys.modules if 'socketio' in m or 'engineio' in m]);"
            "gazu.events.socketio; print('socketio' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout == "[]\nTrue\n"


def test_gazu_events_socketio_is_the_module_so_tests_can_patch_its_client(kitsu):
    assert events.socketio is socketio
    gazu.set_token({"access_token": "acc", "refresh_token": "ref"})
    gazu.client.default_client.session.verify = False
    try:
        with mock.patch("gazu.events.socketio.Client") as Client:
            event_client = events.init(reconnection_delay=3)
    finally:
        gazu.client.default_client.session.verify = True
    assert event_client is Client.return_value
    assert Client.call_args == mock.call(ssl_verify=False, reconnection=True, logger=False, reconnection_delay=3)
    [(url, headers)] = [call.args for call in event_client.connect.call_args_list]
    assert url == gazu.client.get_event_host() and headers()["Authorization"] == "Bearer acc"
    assert isinstance(event_client.register_namespace.call_args.args[0], events.EventsNamespace)
    handler = mock.Mock()
    assert events.add_listener(event_client, "asset:new", handler) is event_client
    event_client.on.assert_called_once_with("asset:new", handler, "/events")  # the guard compares equal
    assert events.run_client(event_client) is event_client and event_client.wait.called


def test_init_connects_to_the_event_host_with_the_bearer_token(event_client, connections):
    assert isinstance(event_client, socketio.Client)
    [connection] = connections
    assert connection.pop("headers")["Authorization"] == "Bearer unit-test-token"
    assert connection == {"url": "http://events.test", "namespaces": ["/events"], "socketio_path": "/socket.io",
                          "wait_timeout": 10.0}
    assert isinstance(event_client.namespace_handlers["/events"], events.EventsNamespace)
    assert event_client.reconnection is True and event_client.reconnection_attempts == 0


def test_init_takes_ssl_verify_from_the_client_unless_given(kitsu, connections):
    gazu.client.default_client.session.verify = False
    try:
        assert events.init().eio.ssl_verify is False
        assert events.init(ssl_verify=True, reconnection=False).eio.ssl_verify is True
    finally:
        gazu.client.default_client.session.verify = True


def test_init_explains_a_refused_connection(kitsu, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise socketio.exceptions.ConnectionError("Connection refused by the server")
    monkeypatch.setattr(socketio.Client, "connect", refuse)
    with pytest.raises(NetworkException, match="cannot connect to the event stream at http://kitsu.test/api: "
                                               "Connection refused") as caught:
        events.init()
    assert isinstance(caught.value, socketio.exceptions.ConnectionError)


def bearer(headers):
    return headers["Authorization"].split(" ", 1)[1]


@pytest.mark.parametrize("access_token, refreshes", [
    (jwt(-60), True),        # expired
    (jwt(10), True),         # about to expire
    (jwt(3600), False),      # fresh
    ("not-a-jwt", False),    # unreadable: the server decides
])
def test_the_first_connection_refreshes_only_a_stale_token(kitsu, connections, access_token, refreshes):
    gazu.set_token({"access_token": access_token, "refresh_token": "refresh"})
    gazu.client.default_client.use_refresh_token = True
    kitsu.on("GET", "auth/refresh-token", json={"access_token": "renewed"})
    try:
        events.init()
    finally:
        gazu.client.default_client.use_refresh_token = False
    assert bearer(connections[0]["headers"]) == ("renewed" if refreshes else access_token)
    assert kitsu.sent == ([("GET", "auth/refresh-token", {}, None)] if refreshes else [])


@pytest.mark.parametrize("use_refresh_token, access_token, refreshes", [
    (True, "opaque", True),       # as upstream: each reconnection refreshes first
    (True, jwt(3600), True),
    (False, "opaque", False),     # as upstream: the current token, as long as it is not known stale
    (False, jwt(3600), False),
    (False, jwt(-60), True),      # beyond upstream: an expired token is refreshed anyway
])
def test_a_reconnection_refreshes_the_token_as_upstream_and_when_stale(event_client, kitsu, use_refresh_token,
                                                                         access_token, refreshes):
    gazu.set_token({"access_token": access_token, "refresh_token": "refresh"})
    gazu.client.default_client.use_refresh_token = use_refresh_token
    kitsu.on("GET", "auth/refresh-token", json={"access_token": "renewed"})
    try:
        headers = event_client.connection_headers()  # init() made the first connection
    finally:
        gazu.client.default_client.use_refresh_token = False
    assert bearer(headers) == ("renewed" if refreshes else access_token)
    assert kitsu.sent == ([("GET", "auth/refresh-token", {}, None)] if refreshes else [])


def test_a_token_the_server_refused_is_refreshed_at_the_next_attempt(event_client, kitsu, caplog):
    gazu.set_token({"access_token": "opaque", "refresh_token": "refresh"})
    kitsu.on("GET", "auth/refresh-token", json={"access_token": "renewed"})
    with caplog.at_level(logging.WARNING, logger="gazu"):
        event_client._trigger_event("connect_error", "/events", {"message": "Access token expired."})
    assert "Access token expired." in caplog.text
    assert bearer(event_client.connection_headers()) == "renewed"
    assert bearer(event_client.connection_headers()) == "renewed"
    assert len(kitsu.sent) == 1


def test_without_a_refresh_token_the_current_token_is_sent(event_client, kitsu):
    gazu.set_token(jwt(-60))
    gazu.client.default_client.use_refresh_token = True
    try:
        assert bearer(event_client.connection_headers()).startswith("ey")
    finally:
        gazu.client.default_client.use_refresh_token = False
    assert kitsu.sent == []


def test_a_failed_refresh_is_logged_and_the_connection_still_tried(event_client, kitsu, caplog):
    gazu.set_token({"access_token": jwt(-60), "refresh_token": "revoked"})
    kitsu.on("GET", "auth/refresh-token", status=401, json={"msg": "Token has been revoked"})
    with caplog.at_level(logging.WARNING, logger="gazu"):
        assert bearer(event_client.connection_headers()).startswith("ey")
    assert "token refresh failed" in caplog.text and "Token has been revoked" in caplog.text


def test_listeners_get_the_event_data(event_client):
    received = []
    assert events.add_listener(event_client, "asset:new", received.append) is event_client
    events.add_listener(event_client, "asset:update", lambda: received.append("no argument"))
    deliver(event_client, "asset:new", {"asset_id": "a1"})
    deliver(event_client, "asset:update", {"asset_id": "a1"})
    deliver(event_client, "shot:new", {"shot_id": "s1"})  # nobody listens: ignored
    assert received == [{"asset_id": "a1"}, "no argument"]


@pytest.fixture
def excepthook(monkeypatch):
    """What reaches threading.excepthook, recorded instead of printed."""
    received = []
    monkeypatch.setattr(threading, "excepthook", received.append)
    return received


def test_a_listener_that_raises_reaches_excepthook_and_the_next_events_arrive(event_client, excepthook, caplog):
    received = []

    def fragile(data):
        if data["n"] == 1:
            raise KeyError("boom")
        received.append(data["n"])

    events.add_listener(event_client, "task:update", fragile)
    with caplog.at_level(logging.ERROR, logger="gazu"):
        for n in (1, 2, 3):
            deliver(event_client, "task:update", {"n": n})
    assert received == [2, 3]
    [hook] = excepthook
    assert hook.exc_type is KeyError and str(hook.exc_value) == "'boom'" and hook.thread is threading.current_thread()
    assert hook.exc_traceback is not None
    [record] = [r for r in caplog.records if r.name == "gazu.events"]
    assert "fragile" in record.getMessage() and "'task:update'" in record.getMessage()
    assert "KeyError" in record.getMessage() and record.levelno == logging.ERROR


def test_a_listener_failing_in_socketios_own_thread_reaches_excepthook_there(event_client, excepthook):
    """In a real stream each event runs in a thread of its own: the hook hears from that thread, which ends well."""
    def fragile(data):
        raise RuntimeError("plugin bug")

    events.add_listener(event_client, "task:update", fragile)
    worker = threading.Thread(target=deliver, args=(event_client, "task:update", {}))
    worker.start()
    worker.join(5)
    [hook] = excepthook
    assert hook.exc_type is RuntimeError and hook.thread is worker


def test_a_broken_excepthook_is_logged_and_the_stream_goes_on(event_client, monkeypatch, caplog):
    def broken(args):
        raise ValueError("hook bug")

    monkeypatch.setattr(threading, "excepthook", broken)
    events.add_listener(event_client, "task:update", lambda data: 1 / 0)
    with caplog.at_level(logging.ERROR, logger="gazu"):
        deliver(event_client, "task:update", {})
    assert "threading.excepthook failed" in caplog.text and "hook bug" in caplog.text


def test_the_guarded_listener_compares_equal_to_the_handler(event_client):
    def handler(data):
        pass

    events.add_listener(event_client, "asset:new", handler)
    registered = event_client.handlers["/events"]["asset:new"]
    assert registered == handler and hash(registered) == hash(handler) and registered.__name__ == "handler"


def test_a_namespace_handler_that_raises_reaches_excepthook(excepthook, caplog):
    class Plugin(events.EventsNamespace):
        def on_comment_new(self, data):
            raise RuntimeError("plugin bug")

    with caplog.at_level(logging.ERROR, logger="gazu"):
        assert Plugin("/events").trigger_event("comment_new", {}) is None
    assert "plugin bug" in caplog.text
    assert [hook.exc_type for hook in excepthook] == [RuntimeError]


@pytest.mark.parametrize("name, handler, argument", [
    ("", print, "event_name"), (None, print, "event_name"), ("asset:new", "not callable", "event_handler")])
def test_add_listener_rejects_bad_arguments(event_client, name, handler, argument):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        events.add_listener(event_client, name, handler)


def test_connect_error_logs_and_returns_its_data(caplog):
    with caplog.at_level(logging.WARNING, logger="gazu"):
        assert events.connect_error("refused") == "refused"
        assert events.connect_error({"message": "Unknown account."}) == {"message": "Unknown account."}
    assert "refused" in caplog.text and "Unknown account." in caplog.text


def test_run_client_connects_again_after_the_server_closed_the_namespace(event_client, connections, monkeypatch):
    waits = []

    def wait(self):
        waits.append(len(connections))
        if len(waits) == 2:
            self.disconnect()  # the user stops listening

    monkeypatch.setattr(socketio.Client, "wait", wait)
    event_client.next_failure = "server still down"
    assert events.run_client(event_client) is event_client
    assert waits == [1, 3]  # first attempt failed, second one succeeded, then the user disconnected
    assert [call["url"] for call in connections] == ["http://events.test"] * 3
    assert all(call["headers"] == {"User-Agent": "CGWire Gazu 1.3.1", "Authorization": "Bearer unit-test-token"}
               for call in connections)


def test_run_client_does_not_connect_twice_when_socketio_reconnected_first(event_client, connections, monkeypatch):
    waits = []

    def wait(self):
        waits.append(1)
        if len(waits) == 2:
            self.disconnect()
        else:
            self.connected = True  # socket.io's reconnection task won the race

    monkeypatch.setattr(socketio.Client, "wait", wait)
    events.run_client(event_client)
    assert len(connections) == 1 and len(waits) == 2


def test_run_client_returns_when_reconnection_is_off_or_attempts_run_out(kitsu, connections, monkeypatch):
    monkeypatch.setattr(socketio.Client, "wait", lambda self: None)
    assert events.run_client(events.init(reconnection=False)) is not None
    limited = events.init(reconnection_attempts=1, reconnection_delay=0.001)
    limited.next_failure = "down"
    events.run_client(limited)
    assert len(connections) == 3  # two init() calls and one attempt


def test_shutdown_stops_the_reconnection_loop(event_client, connections, monkeypatch):
    monkeypatch.setattr(socketio.Client, "wait", lambda self: None)
    monkeypatch.setattr(socketio.Client, "shutdown", lambda self: None)
    event_client.shutdown()
    events.run_client(event_client)
    assert len(connections) == 1


def test_get_last_login_logs(kitsu):
    people = [new_id(), new_id()]
    cursor = new_id()
    kitsu.on("GET", "data/events/login-logs/last", json=[{"id": cursor, "origin": "script"}])
    logs = events.get_last_login_logs(after="2024-01-01", before="2024-02-01T10:00:00", limit=20,
                                      cursor_login_log_id=cursor, person_ids=[people[0], {"id": people[1]}])
    assert logs == [{"id": cursor, "origin": "script"}]
    # upstream's order: limit first
    assert kitsu.mock.calls[0].request.url.split("?")[1].startswith("limit=20&after=2024-01-01&before=")
    query = parse_qs(urlsplit(kitsu.mock.calls[0].request.url).query)
    assert query == {"after": ["2024-01-01"], "before": ["2024-02-01T10:00:00"], "limit": ["20"],
                     "cursor_login_log_id": [cursor], "person_ids": people}
    events.get_last_login_logs()
    assert kitsu.last == ("GET", "data/events/login-logs/last", {"limit": "100"}, None)


@pytest.mark.parametrize("arguments, query", [
    ({"limit": "10"}, {"limit": "10"}),                                   # as given, as upstream
    ({"limit": 0}, {"limit": "0"}),
    ({"cursor_login_log_id": "x?y"}, {"limit": "100", "cursor_login_log_id": "x?y"}),  # a query value, encoded
    ({"cursor_login_log_id": {"id": "c-1"}}, {"limit": "100", "cursor_login_log_id": "c-1"}),
    ({"person_ids": [{"id": "p/1"}]}, {"limit": "100", "person_ids": "p/1"}),
    ({"person_ids": []}, {"limit": "100"}),
    ({"after": datetime.date(2024, 1, 2), "before": datetime.datetime(2024, 1, 2, 3, 4, 5, 6)},
     {"limit": "100", "after": "2024-01-02", "before": "2024-01-02T03:04:05"}),
])
def test_get_last_login_logs_sends_what_upstream_sends(kitsu, arguments, query):
    kitsu.on("GET", "data/events/login-logs/last", json=[])
    assert events.get_last_login_logs(**arguments) == []
    assert kitsu.last == ("GET", "data/events/login-logs/last", query, None)


@pytest.mark.parametrize("arguments, name", [
    ({"limit": None}, "limit"), ({"after": ""}, "after"), ({"after": "2024-13-45"}, "after"),
    ({"before": "2024-01-01 10:00"}, "before"), ({"after": 5}, "after"),
    ({"person_ids": ["a/b"]}, "person_ids"), ({"person_ids": ["person-01"]}, "person_ids"),  # upstream: ValueError
    ({"person_ids": new_id()}, "person_ids"), ({"person_ids": [{"name": "x"}]}, "person_ids"),
    ({"cursor_login_log_id": {"name": "x"}}, "cursor_login_log_id")])
def test_get_last_login_logs_rejects_what_upstream_rejects_or_crashes_on(kitsu, arguments, name):
    with pytest.raises(InvalidArgumentException, match="^%s:" % name) as caught:
        events.get_last_login_logs(**arguments)
    assert isinstance(caught.value, ValueError)
    assert kitsu.sent == []


def test_the_event_stream_keeps_ssl_verify_over_requests_ca_bundle(kitsu, connections, monkeypatch):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ca-from-the-environment.pem")
    for verify in (False, "/etc/studio-ca.pem"):
        http = events.init(ssl_verify=verify).eio.http
        assert http.merge_environment_settings("https://events.test", {}, False, None, None)["verify"] == verify
