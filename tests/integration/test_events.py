"""gazu.events against the sandbox's real event-stream server: events arrive, restarts and stale tokens are survived."""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import queue
import socket
import threading
import time

import pytest

import gazu
from gazu import events
from tests.conftest import unique

pytestmark = pytest.mark.integration

NOT_EXERCISED: dict[str, str] = {}

EVENT_TIMEOUT = 20.0


class Listener:
    """Listen to the admin client's event stream in a background run_client thread, collecting events."""

    def __init__(self, client, *names):
        self.received: queue.Queue = queue.Queue()
        self.connections = 0
        self.client = events.init(client, reconnection_delay=0.2, reconnection_delay_max=1)
        events.add_listener(self.client, "connect", self._connected)
        for name in names:
            events.add_listener(self.client, name, lambda data, name=name: self.received.put((name, data)))
        self.thread = threading.Thread(target=events.run_client, args=(self.client,), daemon=True)
        self.thread.start()

    def _connected(self):
        self.connections += 1

    def wait_for(self, name, **expected):
        """Return the first ``name`` event whose data has ``expected``; others are skipped."""
        deadline = time.monotonic() + EVENT_TIMEOUT
        while time.monotonic() < deadline:
            try:
                got, data = self.received.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if got == name and all(data.get(key) == value for key, value in expected.items()):
                return data
        raise AssertionError("no %s event with %s within %ss" % (name, expected, EVENT_TIMEOUT))

    def wait_connections(self, count):
        deadline = time.monotonic() + EVENT_TIMEOUT
        while self.connections < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.connections >= count, "reconnection %d did not happen within %ss" % (count, EVENT_TIMEOUT)

    def stop(self):
        self.client.disconnect()
        self.thread.join(10)
        assert not self.thread.is_alive(), "run_client did not return after disconnect()"


@pytest.fixture
def listener(admin_client):
    created = []

    def start(*names):
        created.append(Listener(admin_client, *names))
        created[-1].connections = 1  # init() returns connected
        return created[-1]

    yield start
    for item in created:
        item.stop()


def new_asset(project):
    asset_type = gazu.client.fetch_all("asset-types")[0]
    return gazu.asset.new_asset(project, asset_type, unique("asset"))


def test_asset_new_arrives_and_survives_an_event_server_restart(kitsu_sandbox, new_project, listener):
    stream = listener("asset:new")
    asset = new_asset(new_project)
    data = stream.wait_for("asset:new", asset_id=asset["id"])
    assert data["project_id"] == new_project["id"] and data["asset_type"] == asset["entity_type_id"]

    kitsu_sandbox.restart_event_server(downtime=1.0)
    stream.wait_connections(2)  # the client reconnected by itself: the test never touched it
    second = new_asset(new_project)
    assert stream.wait_for("asset:new", asset_id=second["id"])["project_id"] == new_project["id"]


def expired_copy(token):
    """The same JWT with its ``exp`` claim in the past (its signature no longer matches: only we read it)."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["exp"] = int(time.time()) - 60
    payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return "%s.%s.%s" % (header, payload, signature)


def test_an_expired_token_is_refreshed_before_reconnecting(kitsu_sandbox, admin_client, new_project, listener,
                                                           caplog):
    # Zou 1.0.97's event stream lets in a connection whose token it refused (its /events error handler
    # swallows the refusal), so the client must not wait for a refusal: it reads the token's expiry.
    stream = listener("asset:new")
    expired = expired_copy(admin_client.access_token)
    admin_client.tokens["access_token"] = expired
    with caplog.at_level(logging.INFO, logger="gazu"):
        kitsu_sandbox.restart_event_server()
        stream.wait_connections(2)
    assert "access token refreshed before connecting" in caplog.text
    assert admin_client.access_token not in (expired, None)
    asset = new_asset(new_project)  # sent with the refreshed token
    assert stream.wait_for("asset:new", asset_id=asset["id"])


class CuttableProxy:
    """A TCP relay to the event server whose connections the test can cut, as a network failure would."""

    def __init__(self, target_url):
        host, port = target_url.split("//", 1)[1].split(":")
        self.target = (host, int(port.strip("/")))
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = "http://127.0.0.1:%d" % self.listener.getsockname()[1]
        self.down = threading.Event()
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                downstream, _ = self.listener.accept()
            except OSError:
                return
            if self.down.is_set():
                downstream.close()
                continue
            upstream = socket.create_connection(self.target)
            self.sockets += [downstream, upstream]
            for source, sink in ((downstream, upstream), (upstream, downstream)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def cut(self, seconds):
        """Drop every connection and refuse new ones for ``seconds``."""
        self.down.set()
        for item in self.sockets:
            with contextlib.suppress(OSError):
                item.shutdown(socket.SHUT_RDWR)
        self.sockets.clear()
        threading.Timer(seconds, self.down.clear).start()

    def close(self):
        self.listener.close()


def test_a_network_drop_is_survived(kitsu_sandbox, admin_client, new_project, listener):
    proxy = CuttableProxy(kitsu_sandbox.event_host)
    admin_client.event_host = proxy.url
    try:
        stream = listener("asset:new")
        proxy.cut(seconds=2.0)
        stream.wait_connections(2)
        asset = new_asset(new_project)
        assert stream.wait_for("asset:new", asset_id=asset["id"])
    finally:
        proxy.close()


def test_a_failing_listener_does_not_stop_the_stream_and_reaches_excepthook(new_project, listener, caplog,
                                                                            monkeypatch):
    hooked = []
    monkeypatch.setattr(threading, "excepthook", hooked.append)  # where error trackers (Sentry…) listen
    stream = listener("asset:new")
    events.add_listener(stream.client, "asset:new", lambda data: 1 / 0)
    events.add_listener(stream.client, "asset:update", lambda data: stream.received.put(("asset:update", data)))
    asset = new_asset(new_project)
    with caplog.at_level(logging.ERROR, logger="gazu"):
        gazu.asset.update_asset({**asset, "description": "changed"})
        assert stream.wait_for("asset:update", asset_id=asset["id"])
    assert "ZeroDivisionError" in caplog.text
    assert [hook.exc_type for hook in hooked] == [ZeroDivisionError]
    assert hooked[0].thread is not threading.main_thread()  # socket.io's thread for that event, as upstream


def test_init_fails_clearly_when_the_event_stream_is_unreachable(admin_client):
    previous = admin_client.event_host
    admin_client.event_host = "http://127.0.0.1:9"
    try:
        with pytest.raises(gazu.exception.NetworkException, match="cannot connect to the event stream at "
                                                                  "http://127.0.0.1:9"):
            events.init(admin_client)
    finally:
        admin_client.event_host = previous


def test_get_last_login_logs(kitsu_sandbox, admin_client):
    me = gazu.client.get_current_user()
    gazu.log_in(kitsu_sandbox.admin_email, kitsu_sandbox.admin_password)  # one more log-in, at least
    logs = events.get_last_login_logs(person_ids=[me], limit=5)
    assert 1 <= len(logs) <= 5 and {log["person_id"] for log in logs} == {me["id"]}
    older = events.get_last_login_logs(cursor_login_log_id=logs[0]["id"], limit=1)
    assert all(log["created_at"] <= logs[0]["created_at"] for log in older)
    assert events.get_last_login_logs(after="2999-01-01") == []
