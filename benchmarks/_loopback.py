"""A loopback HTTP server standing for Kitsu in the benchmarks: fixed answers, counted connections.

Routes (under ``/api``):

- ``GET data/assets``: a one-row answer (the small GET of the per-call figures);
- ``GET data/tasks``: the large answer given to :func:`serve` (the decoding figures);
- ``GET data/task-types/<id>``: a one-row answer after ``delay`` seconds, as
  a server's work and a network's round trip (the fan-out figures);
- ``GET files/<size>``: ``size`` bytes, streamed (the download figures);
- ``POST …``: the body read and dropped, ``{"ok": true}`` answered (uploads).
"""

from __future__ import annotations

import http.server
import json
import random
import threading
import time
import uuid

SMALL_ANSWER = b'[{"id": "1", "name": "a"}]'
_BLOCK = b"\x5a" * (1 << 16)

# One task as Zou lists them (GET data/tasks?project_id=…): the fields of its Task model.
_TASK = {
    "name": "main", "description": None, "priority": 0, "difficulty": 3, "duration": 0, "estimation": 0,
    "completion_rate": 0, "retake_count": 0, "sort_order": 0, "start_date": None, "due_date": None,
    "real_start_date": None, "end_date": None, "done_date": None, "last_comment_date": None,
    "nb_assets_ready": 0, "data": None, "nb_drawings": 0, "shotgun_id": None, "last_preview_file_id": None,
    "assigner_id": None, "type": "Task",
}


def task_rows_body(count: int) -> bytes:
    """Return a JSON list of ``count`` tasks, as a production's task listing (ids, dates, numbers, people)."""
    chance = random.Random(count)
    people = [str(uuid.UUID(int=chance.getrandbits(128))) for _ in range(30)]
    statuses = [str(uuid.UUID(int=chance.getrandbits(128))) for _ in range(6)]
    task_types = [str(uuid.UUID(int=chance.getrandbits(128))) for _ in range(8)]
    project = str(uuid.UUID(int=chance.getrandbits(128)))
    rows = []
    for index in range(count):
        stamp = "2025-%02d-%02dT%02d:%02d:%02d" % (1 + index % 12, 1 + index % 28, index % 24, index % 60,
                                                   (7 * index) % 60)
        row = dict(_TASK, id=str(uuid.UUID(int=chance.getrandbits(128))), created_at=stamp, updated_at=stamp,
                   project_id=project, task_type_id=task_types[index % 8], task_status_id=statuses[index % 6],
                   entity_id=str(uuid.UUID(int=chance.getrandbits(128))),
                   assignees=chance.sample(people, index % 3), priority=index % 4,
                   estimation=chance.choice([0, 0.5, 1, 2.5]), duration=chance.choice([0, 0.25, 3]),
                   retake_count=index % 3, completion_rate=(index * 7) % 101)
        if index % 4 == 0:
            row.update(description="Retake: fix the contact shadow on frame %d (é)" % (index % 250),
                       last_comment_date=stamp, start_date=stamp, data={"frame_in": 101, "frame_out": 180 + index % 50})
        rows.append(row)
    return json.dumps(rows).encode()


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    wbufsize = 1 << 16  # one write per small answer, so Nagle's delay never pollutes the timings
    disable_nagle_algorithm = True
    server: Loopback

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        with self.server.lock:
            self.server.connections += 1

    def _answer(self, body: bytes, length: int | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json" if length is None else "application/octet-stream")
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        if length is None:
            self.wfile.write(body)
            return
        while length > 0:
            self.wfile.write(_BLOCK[:length])
            length -= len(_BLOCK)

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path.startswith("/api/data/tasks"):
            self._answer(self.server.large_answer)
        elif path.startswith("/api/data/task-types/"):
            time.sleep(self.server.delay)
            self._answer(b'{"id": "%s", "name": "Animation"}' % path.rsplit("/", 1)[1].encode())
        elif path.startswith("/api/files/"):
            self._answer(b"", int(path.rsplit("/", 1)[1]))
        else:
            self._answer(SMALL_ANSWER)

    def do_POST(self):
        remaining = int(self.headers.get("Content-Length", 0))
        while remaining:
            chunk = self.rfile.read(min(remaining, 1 << 20))
            if not chunk:
                break
            remaining -= len(chunk)
        self._answer(b'{"ok": true}')


class Loopback(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # 32 clients connecting at once are all accepted

    def __init__(self, large_answer: bytes, delay: float) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.large_answer = large_answer
        self.delay = delay
        self.connections = 0
        self.lock = threading.Lock()
        self.url = "http://127.0.0.1:%d" % self.server_address[1]


def serve(large_answer: bytes, delay: float) -> Loopback:
    """Start a :class:`Loopback` server in a thread; ``server.url`` is its address, ``shutdown()`` stops it."""
    server = Loopback(large_answer, delay)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
