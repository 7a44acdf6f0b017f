"""A loopback front that serves a Zou at ``/api``, as a studio's web server does.

The sandbox's Zou answers at its root, but upstream's ``gazu-cli login
--host URL`` appends ``/api`` to the URL it is given: this front strips that
prefix and forwards each request as it is (method, headers, body), so both
CLIs can log in with the same command.
"""

from __future__ import annotations

import http.server
import threading
import urllib.error
import urllib.request

_HOP_BY_HOP = {"connection", "content-length", "host", "keep-alive", "transfer-encoding"}


class ApiPrefixFront:
    """Serve ``target`` at ``http://127.0.0.1:PORT/api`` until :meth:`close`."""

    def __init__(self, target: str):
        front = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def forward(self) -> None:
                front.relay(self)

            do_GET = do_POST = do_PUT = do_DELETE = forward

        self.target = target.rstrip("/")
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def relay(self, handler: http.server.BaseHTTPRequestHandler) -> None:
        path = handler.path[len("/api"):] if handler.path.startswith("/api") else handler.path
        length = int(handler.headers.get("Content-Length") or 0)
        request = urllib.request.Request(self.target + path, data=handler.rfile.read(length) if length else None,
                                         method=handler.command)
        for name, value in handler.headers.items():
            if name.lower() not in _HOP_BY_HOP:
                request.add_header(name, value)
        try:
            answer = urllib.request.urlopen(request, timeout=120)
        except urllib.error.HTTPError as error:
            answer = error
        body = answer.read()
        handler.send_response(answer.status)
        for name, value in answer.headers.items():
            if name.lower() not in _HOP_BY_HOP:
                handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
