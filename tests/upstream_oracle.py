"""Upstream gazu 1.3.1 as a yardstick: the same call through both packages, answers compared.

Upstream is installed from PyPI, once, into a virtual environment in the
user's cache folder (``${XDG_CACHE_HOME:-~/.cache}/gazu-upstream-oracle``,
one per version) and never committed nor imported here: a long-lived
subprocess (tests/upstream_oracle_server.py, run with ``python -I`` outside
the checkout) receives the calls and answers their outcome as typed JSON.
:func:`call_ours` gives our package's outcome in the same encoding,
:func:`differences` lists where two outcomes differ, types included, and
:func:`requests_not_sent_by_upstream` the requests only ours sent.

benchmarks/compare_upstream.py measures against the same environment.
"""

from __future__ import annotations

import fcntl
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import venv
from urllib.parse import parse_qsl, urlsplit

from tests import upstream_oracle_server as server

UPSTREAM_VERSION = "1.3.1"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVER = server.__file__
SUMMARY: list[str] = []  # lines for the end of the test session's report (tests/integration/conftest.py)


class OracleUnavailable(RuntimeError):
    """Upstream's environment could not be made or its subprocess did not answer."""


def cache_dir() -> str:
    """The folder holding upstream's environments (outside the checkout)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(base, "gazu-upstream-oracle")


def upstream_python(version: str = UPSTREAM_VERSION) -> str:
    """Return the interpreter of a venv holding upstream gazu ``version`` (made once, then reused).

    It holds the ``async`` and ``cli`` extras, as our package is tested with
    them, so both environments have the same optional packages (aiohttp,
    python-socketio, click).
    Several processes asking at once wait for the first one's install.
    """
    home = os.path.join(cache_dir(), "gazu-%s" % version)
    python = os.path.join(home, "bin", "python")
    marker = os.path.join(home, ".complete")
    if os.path.exists(marker):
        return python
    os.makedirs(cache_dir(), exist_ok=True)
    with open(os.path.join(cache_dir(), ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.path.exists(marker):
            return python
        venv.create(home, with_pip=True, clear=True)
        install = subprocess.run(
            [python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input",
             "gazu[async,cli]==%s" % version],
            capture_output=True, text=True, cwd=cache_dir())
        if install.returncode != 0:
            raise OracleUnavailable(
                "installing upstream gazu %s from PyPI into %s failed (the parity tests need it, and so "
                "network access to PyPI on their first run):\n%s" % (version, home, install.stdout[-3000:]
                                                                      + install.stderr[-3000:]))
        open(marker, "w").close()
    return python


def upstream_cli(version: str = UPSTREAM_VERSION) -> str:
    """Return upstream's ``gazu-cli`` script, adding its ``cli`` extra (click) to an environment made without it."""
    python = upstream_python(version)
    marker = os.path.join(os.path.dirname(os.path.dirname(python)), ".cli")
    if not os.path.exists(marker):
        with open(os.path.join(cache_dir(), ".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not os.path.exists(marker):
                install = subprocess.run(
                    [python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input",
                     "gazu[cli]==%s" % version], capture_output=True, text=True, cwd=cache_dir())
                if install.returncode != 0:
                    raise OracleUnavailable("installing upstream gazu's cli extra failed:\n%s"
                                            % (install.stdout[-3000:] + install.stderr[-3000:]))
                open(marker, "w").close()
    return os.path.join(os.path.dirname(python), "gazu-cli")


class UpstreamOracle:
    """A running upstream gazu, answering calls made on its default client."""

    def __init__(self, timeout: float = 120):
        self.timeout = timeout
        self.process: subprocess.Popen | None = None
        self.answers: queue.Queue = queue.Queue()
        self.version = self.file = None

    def start(self) -> UpstreamOracle:
        python = upstream_python()
        env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
        self.process = subprocess.Popen(
            [python, "-I", SERVER, ROOT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=sys.stderr, text=True, encoding="utf-8", cwd=cache_dir(), env=env)
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()
        hello = self._answer()
        self.version, self.file = hello["version"], hello["file"]
        if self.version != UPSTREAM_VERSION:
            raise OracleUnavailable("the oracle runs gazu %s, not %s" % (self.version, UPSTREAM_VERSION))
        return self

    def _read(self, stream) -> None:
        for line in stream:
            self.answers.put(line)
        self.answers.put(None)

    def _answer(self) -> dict:
        try:
            line = self.answers.get(timeout=self.timeout)
        except queue.Empty:
            self.close()
            raise OracleUnavailable("upstream gazu gave no answer within %s s (hung?)" % self.timeout) from None
        if line is None:
            raise OracleUnavailable("upstream gazu's process ended (exit status %s)" % self.process.wait())
        answer = json.loads(line)
        if "oracle_error" in answer:
            raise OracleUnavailable("the oracle failed:\n" + answer["oracle_error"])
        return answer

    def _send(self, request: dict) -> dict:
        if self.process is None or self.process.poll() is not None:
            raise OracleUnavailable("upstream gazu's process is not running")
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return self._answer()

    def session(self, host: str, tokens: dict, event_host: str | None = None) -> None:
        """Point upstream's default client at ``host`` with the same ``tokens`` as ours."""
        self._send({"op": "session", "host": host, "event_host": event_host, "tokens": tokens})

    def call(self, module: str, function: str, args: list, kwargs: dict) -> dict:
        """Return upstream's outcome of ``gazu.<module>.<function>`` on arguments encoded with :func:`encode_args`."""
        return self._send({"op": "call", "module": module, "function": function, "args": args, "kwargs": kwargs})

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Tmp(str):
    """An argument naming a file (or, ending in ``/``, a folder) in each side's own scratch folder."""


class Client(dict):
    """An argument that is a client: ``Client()`` is the default one, ``Client(host=…, tokens=…)`` a new one."""


class Response(dict):
    """An argument that is a ``requests.Response``: ``Response(status=404, body="…", headers={…}, url="…")``."""


def encode_args(value):
    """Encode call arguments for both sides (:class:`Tmp`, :class:`Client`, :class:`Response` become markers)."""
    if isinstance(value, Tmp):
        return {"$tmp": str(value)}
    if isinstance(value, Client):
        return {"$client": dict(value) or "default"}
    if isinstance(value, Response):
        return {"$response": dict(value)}
    if isinstance(value, list):
        return [encode_args(item) for item in value]
    if isinstance(value, tuple):
        return {"$tuple": [encode_args(item) for item in value]}
    if isinstance(value, dict) and all(isinstance(key, str) and not key.startswith("$") for key in value):
        return {key: encode_args(item) for key, item in value.items()}
    return server.encode(value)


_our_tmp = None


def call_ours(module: str, function: str, args: list, kwargs: dict) -> dict:
    """Return our package's outcome of the same call, in the oracle's encoding."""
    global _our_tmp
    import gazu

    if _our_tmp is None:
        _our_tmp = tempfile.mkdtemp(prefix="gazu-ours-")
    # A round trip through JSON gives this side its own copy, so neither side sees the other's mutations.
    return server.invoke(gazu, module, function, json.loads(json.dumps(args)), json.loads(json.dumps(kwargs)),
                         _our_tmp)


def _kind(value) -> str:
    if isinstance(value, dict):
        tags = [key for key in value if key.startswith("$")]
        if len(tags) == 1 and (len(value) == 1 or tags[0] in ("$object", "$exception")):
            return tags[0][1:] + (":" + value["$object"] if tags[0] == "$object" else "")
        return "dict"
    return type(value).__name__.replace("NoneType", "None")


def _short(value) -> str:
    text = json.dumps(value)
    return text if len(text) <= 200 else text[:197] + "..."


def differences(ours, theirs, path: str = "", limit: int = 20) -> list[str]:
    """List where two encoded values differ: types, dict keys, list lengths and order, values."""
    found: list[str] = []
    _diff(ours, theirs, path or "result", found, limit)
    return found


def _diff(ours, theirs, path: str, found: list, limit: int) -> None:
    if len(found) >= limit:
        return
    kind_ours, kind_theirs = _kind(ours), _kind(theirs)
    if kind_ours != kind_theirs:
        found.append("%s: ours is %s %s, upstream's is %s %s"
                     % (path, kind_ours, _short(ours), kind_theirs, _short(theirs)))
        return
    if isinstance(ours, dict):
        only_ours = [key for key in ours if key not in theirs]
        only_theirs = [key for key in theirs if key not in ours]
        if only_ours or only_theirs:
            found.append("%s: keys only in ours %s, only in upstream's %s" % (path, only_ours, only_theirs))
        for key in ours:
            if key in theirs:
                _diff(ours[key], theirs[key], "%s[%r]" % (path, key), found, limit)
    elif isinstance(ours, list):
        if len(ours) != len(theirs):
            found.append("%s: ours has %d items, upstream's %d" % (path, len(ours), len(theirs)))
            ids_ours = [item.get("id") for item in ours if isinstance(item, dict)]
            ids_theirs = [item.get("id") for item in theirs if isinstance(item, dict)]
            if ids_ours and ids_theirs:
                found.append("%s: ids only in ours %s, only in upstream's %s" % (
                    path, [i for i in ids_ours if i not in ids_theirs][:5],
                    [i for i in ids_theirs if i not in ids_ours][:5]))
            return
        for index, (item_ours, item_theirs) in enumerate(zip(ours, theirs)):
            _diff(item_ours, item_theirs, "%s[%d]" % (path, index), found, limit)
    elif isinstance(ours, str) and ours != theirs and max(len(ours), len(theirs)) > 60:
        start = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
        start = max(0, start - 30)
        found.append("%s: ours is %s, upstream's is %s (from character %d)"
                     % (path, _short(ours[start:]), _short(theirs[start:]), start))
    elif ours != theirs:
        found.append("%s: ours is %s, upstream's is %s" % (path, _short(ours), _short(theirs)))


def explain(ours: dict, theirs: dict) -> str:
    """Say which requests each side sent, to go with a list of differences."""
    return "requests sent by ours: %s\nby upstream's: %s" % (
        ", ".join(ours.get("requests", [])) or "none", ", ".join(theirs.get("requests", [])) or "none")


def _request_key(line: str) -> tuple:
    method, url = line.split(" ", 1)
    parts = urlsplit(url)
    return method, parts.path, tuple(sorted(parse_qsl(parts.query, keep_blank_values=True)))


def requests_not_sent_by_upstream(ours: dict, theirs: dict) -> list[str]:
    """List the requests ours sent that upstream did not (method, path and query, in any order)."""
    sent_by_upstream = {_request_key(line) for line in theirs.get("requests", [])}
    return [line for line in ours.get("requests", []) if _request_key(line) not in sent_by_upstream]


def compare_outcomes(ours: dict, theirs: dict) -> list[str]:
    """List the differences of two call outcomes (value or exception type, and the files written)."""
    raised_ours, raised_theirs = ours.get("raised"), theirs.get("raised")
    if raised_ours or raised_theirs:
        if not (raised_ours and raised_theirs):
            what = ("ours raised %s(%s), upstream returned %s" % (raised_ours["type"], raised_ours["message"][:200],
                                                                   _short(theirs["value"])) if raised_ours else
                    "ours returned %s, upstream raised %s(%s)" % (_short(ours["value"]), raised_theirs["type"],
                                                                  raised_theirs["message"][:200]))
            return [what]
        # A subclass of upstream's exception is the same answer: upstream's handlers still catch it.
        if raised_theirs["type"] not in [raised_ours["type"]] + raised_ours["bases"]:
            return ["ours raised %s(%s), upstream raised %s(%s)" % (
                raised_ours["type"], raised_ours["message"][:200], raised_theirs["type"],
                raised_theirs["message"][:200])]
        found = []
    else:
        found = differences(ours["value"], theirs["value"])
    if ours.get("files") != theirs.get("files"):
        found += differences(ours.get("files"), theirs.get("files"), "files")
    return found
