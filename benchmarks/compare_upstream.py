"""Compare this gazu with upstream gazu 1.3.1, side by side, in one run.

Prints three figures for each package:

- ``import gazu`` time (median of fresh interpreters), next to ``import requests``;
- per-call time of ``gazu.client.fetch_all`` against a local keep-alive
  server, relative to a bare ``requests.Session().get`` on the same server;
- peak resident memory while uploading a large file (``--upload-mib``).

Upstream is installed from PyPI into a virtual environment in the user's
cache directory, used only as a yardstick (the same one the upstream-parity
tests call, see tests/upstream_oracle.py). Run from the project root:

    .venv/bin/python benchmarks/compare_upstream.py [--calls 2000] [--upload-mib 256]
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from tests.upstream_oracle import cache_dir, upstream_python  # noqa: E402  (the parity tests' yardstick, shared)

CACHE = cache_dir()


class _Quiet(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    wbufsize = 1 << 16  # one write per answer, so Nagle's delay never pollutes the timings
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def do_GET(self):
        body = b'[{"id": "1", "name": "a"}]'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        remaining = int(self.headers.get("Content-Length", 0))
        while remaining:
            chunk = self.rfile.read(min(remaining, 1 << 20))
            if not chunk:
                break
            remaining -= len(chunk)
        body = b'{"ok": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve() -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Quiet)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d" % server.server_address[1]


IMPORT_SNIPPET = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"

CALLS_SNIPPET = """
import json, sys, time
import requests, gazu
host, calls = sys.argv[1], int(sys.argv[2])
gazu.client.set_host(host + "/api")
session = requests.Session()
def bare():
    return session.get(host + "/api/data/assets").json()
def ours():
    return gazu.client.fetch_all("assets")
results = {}
for name, call in (("bare", bare), ("fetch_all", ours)) * 2:  # interleaved, second round kept
    for _ in range(50):
        call()
    started = time.perf_counter()
    for _ in range(calls):
        call()
    results[name] = (time.perf_counter() - started) / calls
print(json.dumps(results))
"""

# VmHWM is this process's own peak (ru_maxrss would include the parent's, kept across exec).
UPLOAD_SNIPPET = """
import sys, gazu
gazu.client.set_host(sys.argv[1] + "/api")
gazu.client.upload("pictures/x", sys.argv[2])
status = open("/proc/self/status").read()
print(int(status.split("VmHWM:")[1].split()[0]) * 1024)
"""


def run(python: str, code: str, *args: str, env: dict | None = None) -> str:
    # Run outside the project folder, so that upstream never imports our gazu from the cwd.
    result = subprocess.run([python, "-c", code, *args], capture_output=True, text=True, env=env,
                            check=True, cwd=CACHE)
    return result.stdout.strip().splitlines()[-1]


def median_import(python: str, module: str, env: dict, runs: int) -> float:
    return statistics.median(float(run(python, IMPORT_SNIPPET.format(module=module), env=env)) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--imports", type=int, default=15)
    parser.add_argument("--upload-mib", type=int, default=256)
    args = parser.parse_args()

    # Both sides import from byte-code caches, as an installed package does.
    base_env = {key: value for key, value in os.environ.items()
                if key not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")}
    ours_env = {**base_env, "PYTHONPATH": ROOT}
    upstream_env = base_env
    subprocess.run([sys.executable, "-m", "compileall", "-q", os.path.join(ROOT, "gazu")], check=True, env=ours_env)
    candidates = {"this gazu": (sys.executable, ours_env), "upstream 1.3.1": (upstream_python(), upstream_env)}
    for name, (python, env) in candidates.items():  # warm the byte-code caches, check who is who
        where = run(python, "import gazu; print(gazu.__file__)", env=env)
        assert where.startswith(ROOT) == (name == "this gazu"), (name, where)

    server, host = serve()
    print("%-16s %12s %12s %14s %12s %16s" % ("package", "import gazu", "requests", "fetch_all/call",
                                               "vs bare", "upload peak RSS"))
    with tempfile.TemporaryDirectory() as folder:
        movie = os.path.join(folder, "movie.mov")
        with open(movie, "wb") as handle:
            block = os.urandom(1024 * 1024)
            for _ in range(args.upload_mib):
                handle.write(block)
        for name, (python, env) in candidates.items():
            imported = median_import(python, "gazu", env, args.imports)
            requests_time = median_import(python, "requests", env, args.imports)
            calls = json.loads(run(python, CALLS_SNIPPET, host, str(args.calls), env=env))
            peak = int(run(python, UPLOAD_SNIPPET, host, movie, env=env))
            print("%-16s %9.1f ms %9.1f ms %11.1f µs %11.2f× %13.0f MiB" % (
                name, imported * 1000, requests_time * 1000, calls["fetch_all"] * 1e6,
                calls["fetch_all"] / calls["bare"], peak / 2**20))
    print("upload file: %d MiB; calls: %d per loop; imports: median of %d fresh interpreters"
          % (args.upload_mib, args.calls, args.imports))
    server.shutdown()


if __name__ == "__main__":
    main()
