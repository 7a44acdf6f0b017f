"""A small misbehaving HTTP server on loopback, for the fault-injection suite.

Each path is a scripted behaviour (see ``FaultServer.behaviours``); the server
counts the requests it receives per path.
"""

from __future__ import annotations

import collections
import hashlib
import json
import socket
import socketserver
import threading
import time
from collections.abc import Callable


class _Handler(socketserver.StreamRequestHandler):
    def handle(self):
        while not self.server.stopping.is_set():
            line = self.rfile.readline()
            if not line:
                return
            method, target, _version = line.decode().split(" ", 2)
            headers = {}
            while True:
                header = self.rfile.readline().decode()
                if header in ("\r\n", "\n", ""):
                    break
                key, _, value = header.partition(":")
                headers[key.strip().lower()] = value.strip()
            path = self.path = target.split("?")[0]
            self.query = target.partition("?")[2]
            self.server.counts[(method, path)] += 1
            behaviour = self.server.behaviours.get(path.strip("/").split("/")[0], FaultServer.not_found)
            keep_open = behaviour(self.server, self, method, headers)
            if not keep_open:
                return

    def send(self, status: int, body: bytes = b"", content_type: str = "application/json",
             extra: dict | None = None, length: int | None = None) -> bool:
        head = ["HTTP/1.1 %d X" % status, "Content-Type: %s" % content_type,
                "Content-Length: %d" % (len(body) if length is None else length)]
        head += ["%s: %s" % item for item in (extra or {}).items()]
        self.wfile.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        self.wfile.flush()
        return True

    def read_body(self, headers: dict) -> bytes:
        return self.rfile.read(int(headers.get("content-length", 0)))


class FaultServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stopping = threading.Event()
        self.counts: collections.Counter = collections.Counter()
        self.payload = bytes(range(256)) * 4096  # 1 MiB served by the download behaviours
        self.behaviours = {
            "hang": FaultServer.hang,
            "cut": FaultServer.cut,
            "cut-once": FaultServer.cut_once,
            "flaky": FaultServer.flaky,
            "garbage": FaultServer.garbage,
            "html503": FaultServer.html503,
            "portal": FaultServer.portal,
            "file": FaultServer.file,
            "socket.io": FaultServer.hang,  # tests swap in an event stream that misbehaves
            "deleted-behind-503": FaultServer.deleted_behind_503,

            "slow": FaultServer.slow,
            "upload": FaultServer.upload,
            "ok": FaultServer.ok,
            "auth": FaultServer.auth,
            "trickle-head": FaultServer.trickle_head,
            "trickle-body": FaultServer.trickle_body,
            "trickle-answer": FaultServer.trickle_answer,
            "slow-download": FaultServer.slow_download,
            "slow-read": FaultServer.slow_read,
            "data": FaultServer.data,
        }
        self.login_delay = 0.2  # seconds a log-in takes: long enough for threads to pile up behind it
        self.refresh_answer = b'{"access_token": "refreshed"}'
        self.logins: list[dict] = []
        self.event_packets: list[str] = []
        self.event_logins: list[str | None] = []  # the Authorization header of each connection to the stream
        self.event_stream_hangs_up = threading.Event()
        self.event_stream_refuses = False  # True: connections to the stream are answered 503
        self.login_redirect: str | None = None  # a URL: POST 127.0.0.1/auth/login is answered 307 to it
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return "http://127.0.0.1:%d" % self.server_address[1]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.event_stream_hangs_up.set()
        self.shutdown()
        self.server_close()

    def count(self, method: str, path: str) -> int:
        return self.counts[(method, "/" + path.strip("/"))]

    # Behaviours: each answers one request; a false return closes the connection.

    def not_found(self, handler, method, headers):
        handler.read_body(headers)
        return handler.send(404, b'{"message": "no such behaviour"}')

    def ok(self, handler, method, headers):
        handler.read_body(headers)
        return handler.send(200, b'[{"id": 1}]')

    def auth(self, handler, method, headers):
        """``POST auth/login`` answers tokens (slowly); ``GET auth/refresh-token`` answers ``refresh_answer``."""
        body = handler.read_body(headers)
        asked_to_127 = handler.path == "/auth/login" and headers.get("host", "").startswith("127.0.0.1")
        if method == "POST" and self.login_redirect and asked_to_127:
            return handler.send(307, b"", extra={"Location": self.login_redirect % self.server_address[1]})
        if method == "POST":
            self.logins.append({**json.loads(body or b"{}"), "host": headers.get("host", "").split(":")[0]})
            time.sleep(self.login_delay)
            token = "token-%d" % len(self.logins)
            return handler.send(200, json.dumps({"login": True, "access_token": token,
                                                 "refresh_token": "refresh-" + token}).encode())
        return handler.send(200, self.refresh_answer)

    def data(self, handler, method, headers):
        """An API route that wants a token (401 without one) and echoes the token it got."""
        handler.read_body(headers)
        authorization = headers.get("authorization", "")
        if not authorization.startswith("Bearer "):
            return handler.send(401, b'{"msg": "Missing Authorization Header"}')
        return handler.send(200, json.dumps({"token": authorization[len("Bearer "):]}).encode())

    def hang(self, handler, method, headers):
        self.stopping.wait(60)
        return False

    def cut(self, handler, method, headers):
        handler.send(200, self.payload[:100_000], "application/octet-stream", length=len(self.payload))
        handler.connection.shutdown(socket.SHUT_RDWR)
        return False

    def cut_once(self, handler, method, headers):
        if self.counts[(method, "/cut-once")] == 1:
            return self.cut(handler, method, headers)
        return handler.send(200, self.payload, "application/octet-stream")

    def flaky(self, handler, method, headers):
        handler.read_body(headers)
        if self.counts[(method, "/flaky")] <= 2:
            return handler.send(503, b'{"message": "busy"}', extra={"Retry-After": "0"})
        return handler.send(200, b'{"ok": true}')

    def garbage(self, handler, method, headers):
        return handler.send(200, b'{"id": "1", oops', "application/json")

    def html503(self, handler, method, headers):
        return handler.send(503, b"<html><body><h1>503 Service Unavailable</h1>nginx</body></html>", "text/html")

    def portal(self, handler, method, headers):
        """A single sign-on or captive portal: 200 and an HTML page, whatever was asked."""
        handler.read_body(headers)
        return handler.send(200, b"<html><body><form action='/sso'>Sign in</form></body></html>", "text/html")

    def deleted_behind_503(self, handler, method, headers):
        """A proxy answering 503 to a DELETE that the server behind it did: the replay gets a 404."""
        handler.read_body(headers)
        if self.counts[(method, handler.path)] == 1:
            return handler.send(503, b"<html>503 Service Unavailable</html>", "text/html", extra={"Retry-After": "0"})
        return handler.send(404, b'{"message": "Entity not found"}')

    def event_stream_gone_silent(self, handler, method, headers):
        """A socket.io server (polling) that accepts a client on /events, then never sends again."""
        body = handler.read_body(headers)
        if method == "POST":
            self.event_packets.append(body.decode())
            return handler.send(200, b"ok", "text/plain")
        if "sid=" not in handler.query:
            self.event_logins.append(headers.get("authorization"))
            if self.event_stream_refuses:
                return handler.send(503, b"<html>503</html>", "text/html")
            handshake = {"sid": "s%d" % len(self.event_packets), "upgrades": [], "pingInterval": 300,
                         "pingTimeout": 300, "maxPayload": 1000000}
            return handler.send(200, b"0" + json.dumps(handshake).encode(), "text/plain")
        if not any(packet.startswith("40/events") for packet in self.event_packets[-1:]):
            self.event_stream_hangs_up.wait(60)  # silent, until the test is done with it
            return False
        self.event_packets.append("(accepted)")
        return handler.send(200, b'40/events,{"sid":"n1"}', "text/plain")

    def file(self, handler, method, headers):
        """The payload, as a file download."""
        handler.read_body(headers)
        return handler.send(200, self.payload, "application/octet-stream")

    def slow(self, handler, method, headers):
        body = b'{"pieces": [' + b",".join(b"%d" % i for i in range(10)) + b"]}"
        handler.wfile.write(("HTTP/1.1 200 X\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                             % len(body)).encode())
        for i in range(0, len(body), 4):
            handler.wfile.write(body[i:i + 4])
            handler.wfile.flush()
            time.sleep(0.05)
        return True

    def _trickle(self, handler, data: bytes = b"a") -> bool:
        """Send one byte every 0.25 s, for ever (until the client goes or the test ends)."""
        try:
            while not self.stopping.wait(0.25):
                handler.wfile.write(data)
                handler.wfile.flush()
        except OSError:
            pass
        return False

    def trickle_head(self, handler, method, headers):
        handler.read_body(headers)
        handler.wfile.write(b"HTTP/1.1 200 X\r\nContent-Type: application/json\r\nX-Padding: ")
        return self._trickle(handler)

    def trickle_body(self, handler, method, headers):
        handler.read_body(headers)
        handler.wfile.write(b"HTTP/1.1 200 X\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n")
        return self._trickle(handler)

    def trickle_answer(self, handler, method, headers):
        """Read a whole upload, then trickle the answer's headers."""
        self.upload_received = len(handler.read_body(headers))
        handler.wfile.write(b"HTTP/1.1 200 X\r\nContent-Type: application/json\r\nX-Padding: ")
        return self._trickle(handler)

    def slow_download(self, handler, method, headers):
        """Serve the payload in 64 KiB pieces, 0.1 s apart (1.6 s in all): slow, but moving."""
        handler.read_body(headers)
        handler.wfile.write(b"HTTP/1.1 200 X\r\nContent-Type: application/octet-stream\r\nContent-Length: %d\r\n\r\n"
                            % len(self.payload))
        for start in range(0, len(self.payload), 65536):
            time.sleep(0.1)
            handler.wfile.write(self.payload[start:start + 65536])
            handler.wfile.flush()
        return True

    def slow_read(self, handler, method, headers):
        """Read an upload 64 KiB every 0.1 s: slow, but moving; answer what was received."""
        remaining, received = int(headers.get("content-length", 0)), 0
        while remaining:
            time.sleep(0.1)
            chunk = handler.rfile.read(min(remaining, 65536))
            if not chunk:
                return False
            received += len(chunk)
            remaining -= len(chunk)
        return handler.send(200, json.dumps({"received": received}).encode())

    def upload(self, handler, method, headers):
        digest, remaining = hashlib.sha256(), int(headers.get("content-length", 0))
        received = 0
        while remaining:
            chunk = handler.rfile.read(min(remaining, 1 << 20))
            if not chunk:
                return False
            digest.update(chunk)
            received += len(chunk)
            remaining -= len(chunk)
        answer = {"received": received, "sha256": digest.hexdigest(),
                  "chunked": "transfer-encoding" in headers}
        return handler.send(200, json.dumps(answer).encode())


def rewritten_in_place(path) -> Callable[[int, int], None]:
    """Write 8 MiB of b"a" at ``path``; return a progress callback that rewrites it (same size, other bytes) once."""
    path.write_bytes(b"a" * (8 * 1024 * 1024))
    done = []

    def rewrite(sent, total):
        if sent > 1024 * 1024 and not done:
            with open(path, "r+b") as handle:
                handle.write(b"b" * (8 * 1024 * 1024))
            done.append(True)

    return rewrite
