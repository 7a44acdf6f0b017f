"""The program the upstream oracle runs in upstream gazu's own virtual environment.

It reads one JSON request a line on stdin and writes one JSON answer a line
on the stdout it was given (stray prints of the package go to stderr):

- ``{"op": "session", "host": …, "event_host": …, "tokens": {…}}`` points the
  default client at a server with those tokens;
- ``{"op": "call", "module": "asset", "function": "get_asset", "args": […],
  "kwargs": {…}}`` calls ``gazu.asset.get_asset`` and answers its outcome.

This file imports nothing but the standard library at its top, so that the
test side imports it too and both packages' answers go through the same
:func:`invoke` and :func:`encode`; the comparison then sees exactly the same
encoding on both sides. Run it with ``python -I`` from outside the checkout:
only the environment's own ``gazu`` can then be imported.

Values are encoded as JSON that keeps Python's types: JSON already tells
``int`` from ``float``, ``bool``, ``str``, ``None``, ``list`` and ``dict``;
the rest is tagged (``{"$tuple": […]}``, ``{"$set": […]}``, ``{"$bytes": …}``,
``{"$object": "requests.models.Response", …}``, …). Arguments use the same
tags, plus ``{"$client": …}`` for a client, ``{"$response": …}`` for a
``requests.Response`` made on the spot, and ``{"$tmp": name}`` for a path in
the side's own scratch folder, whose content is reported after the call.
"""

from __future__ import annotations

import asyncio
import datetime
import hashlib
import importlib
import inspect
import json
import os
import sys
import tempfile
import traceback
import zipfile

TMP_MARK = "<tmp>"


def _digest(data: bytes) -> dict:
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def encode(value, tmp: str | None = None):
    """Return ``value`` as JSON-ready data that keeps its Python types (paths in ``tmp`` as ``<tmp>/…``)."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return value.replace(tmp, TMP_MARK) if tmp else value
    if isinstance(value, list):
        return [encode(item, tmp) for item in value]
    if isinstance(value, tuple):
        return {"$tuple": [encode(item, tmp) for item in value]}
    if isinstance(value, dict):
        if all(isinstance(key, str) and not key.startswith("$") for key in value):
            return {key: encode(item, tmp) for key, item in value.items()}
        return {"$dict": [[encode(key, tmp), encode(item, tmp)] for key, item in value.items()]}
    if isinstance(value, (set, frozenset)):
        return {"$set": sorted((encode(item, tmp) for item in value), key=json.dumps)}
    if isinstance(value, (bytes, bytearray)):
        return {"$bytes": _digest(bytes(value))}
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, BaseException):
        return {"$exception": type(value).__name__, "message": encode(str(value), tmp)}
    kind = type(value)
    name = "%s.%s" % (kind.__module__, kind.__qualname__)
    if name == "requests.models.Response":
        return {"$object": name, "status_code": value.status_code}
    return {"$object": name}


def decode(value, resolve_client, tmp: str):
    """Return the Python value of an encoded argument (``$client`` and ``$tmp`` resolved on this side)."""
    if isinstance(value, list):
        return [decode(item, resolve_client, tmp) for item in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        (tag, content), = value.items()
        if tag == "$tuple":
            return tuple(decode(item, resolve_client, tmp) for item in content)
        if tag == "$dict":
            return {decode(key, resolve_client, tmp): decode(item, resolve_client, tmp) for key, item in content}
        if tag == "$set":
            return {decode(item, resolve_client, tmp) for item in content}
        if tag == "$date":
            return datetime.date.fromisoformat(content)
        if tag == "$datetime":
            return datetime.datetime.fromisoformat(content)
        if tag == "$tmp":
            return os.path.join(tmp, content)
        if tag == "$client":
            return resolve_client(content)
        if tag == "$response":
            return _response(content)
    return {key: decode(item, resolve_client, tmp) for key, item in value.items()}


def _response(spec: dict):
    """A requests.Response as a server would have answered (``status``, ``body``, ``headers``, ``url``)."""
    import requests

    response = requests.models.Response()
    response.status_code = spec["status"]
    response.reason = spec.get("reason", "")
    response._content = spec.get("body", "").encode("utf-8")
    response.headers.update(spec.get("headers", {}))
    response.url = spec.get("url", "")
    response.encoding = "utf-8"
    return response


def client_resolver(gazu):
    """Return the function that makes the client an argument names.

    ``"default"`` is the default client; ``{"host": …}`` a new one made with
    ``create_client(host)``, then given ``set_host(set_host)`` and
    ``set_tokens(tokens)`` where those keys are present; ``{"async": True,
    "host": …, "tokens": …}`` a ``gazu.aio.AsyncKitsuClient`` (for the
    functions of ``gazu.aio``, which :func:`invoke` runs in an event loop).
    """

    def resolve(spec):
        if spec == "default":
            return gazu.client.default_client
        if spec.get("async"):  # made inside the running event loop by invoke, closed after the call
            from gazu.aio import AsyncKitsuClient

            client = AsyncKitsuClient(spec["host"], tokens=spec.get("tokens"))
            resolve.async_clients.append(client)
            return client
        client = gazu.client.create_client(spec["host"])
        if spec.get("set_host"):
            gazu.client.set_host(spec["set_host"], client=client)
        if spec.get("tokens"):
            gazu.client.set_tokens(spec["tokens"], client=client)
        return client

    resolve.async_clients = []
    return resolve


async def _run_async(call, args: list, kwargs: dict, resolve, tmp: str):
    """Call an async function of gazu.aio in this event loop, closing the async clients it was given."""
    try:
        result = call(*decode(args, resolve, tmp), **decode(kwargs, resolve, tmp))
        return await result if inspect.isawaitable(result) else result
    finally:
        for client in resolve.async_clients:  # its session only: leaving its context would log the tokens out
            session = getattr(client, "session", None)
            if session is not None and not session.closed:
                await session.close()


def _files_named(value, found: set) -> set:
    if isinstance(value, list):
        for item in value:
            _files_named(item, found)
    elif isinstance(value, dict):
        if list(value) == ["$tmp"]:
            found.add(value["$tmp"])
        else:
            for item in value.values():
                _files_named(item, found)
    return found


class RequestLog:
    """Record the requests sent while it is active (``"GET /api/data/…?…"``), through any requests.Session."""

    def __init__(self):
        self.sent: list[str] = []

    def __enter__(self):
        import requests.sessions

        self.original = original = requests.sessions.Session.send
        log = self.sent

        def send(session, request, **kwargs):
            log.append("%s %s" % (request.method, request.path_url))
            return original(session, request, **kwargs)

        requests.sessions.Session.send = send
        return self

    def __exit__(self, *exc_info):
        import requests.sessions

        requests.sessions.Session.send = self.original


def invoke(gazu, module: str, function: str, args: list, kwargs: dict, tmp: str) -> dict:
    """Call ``gazu.<module>.<function>`` with the encoded arguments and return its encoded outcome.

    The outcome is ``{"value": …}`` or ``{"raised": {"type", "bases", "message"}}``,
    plus ``"files"``: what each ``$tmp`` path named in the arguments holds afterwards,
    and ``"requests"``: the requests the call sent (to explain a difference, never compared).
    """
    names = _files_named([args, kwargs], set())
    for name in names:
        path = os.path.join(tmp, name)
        if os.path.isdir(path):
            for entry in os.listdir(path):
                os.remove(os.path.join(path, entry))
        elif os.path.exists(path):
            os.remove(path)
    resolve = client_resolver(gazu)
    if module == "scenario":  # a sequence of calls written below, run the same way on both sides
        target = Scenarios(gazu)
    else:
        target = gazu if module == "gazu" else importlib.import_module("gazu." + module)
    with RequestLog() as log:
        try:
            call = getattr(target, function)
            if module == "aio":
                result = asyncio.run(_run_async(call, args, kwargs, resolve, tmp))
            else:
                result = call(*decode(args, resolve, tmp), **decode(kwargs, resolve, tmp))
            outcome = {"value": encode(result, tmp)}
        except Exception as error:  # every failure is an answer to compare
            outcome = {"raised": {"type": type(error).__name__,
                                  "bases": [kind.__name__ for kind in type(error).__mro__[1:]],
                                  "message": encode(str(error), tmp)}}
    outcome["requests"] = log.sent
    if names:
        outcome["files"] = {name: _file_state(os.path.join(tmp, name)) for name in sorted(names)}
    return outcome


class Scenarios:
    """Sequences of calls whose combined outcome is compared (``{"module": "scenario", "function": name}``)."""

    def __init__(self, gazu):
        self.gazu = gazu

    def _function(self, name: str):
        module, function = name.rsplit(".", 1)
        return getattr(importlib.import_module("gazu." + module), function)

    def cache_counters(self, calls: list) -> dict:
        """With the cache on, make ``calls`` (``["asset.get_asset", [args]]``…): their answers, and each
        function's cache infos with its counters counted from the first call (earlier use left them where it did).
        """
        cache = self.gazu.cache
        names = sorted({name for name, _ in calls})
        before = {name: self._function(name).get_cache_infos() for name in names}
        cache.clear_all()
        cache.enable()
        try:
            answers = [self._function(name)(*args) for name, args in calls]
            infos = {name: self._function(name).get_cache_infos() for name in names}
        finally:
            cache.disable()
            cache.clear_all()
        for name in names:
            for counter in ("hits", "misses", "expired_hits"):
                infos[name][counter] -= before[name][counter]
        return {"answers": answers, "infos": infos}


def _file_state(path: str):
    if os.path.isdir(path):
        return {entry: _file_state(os.path.join(path, entry)) for entry in sorted(os.listdir(path))}
    if not os.path.exists(path):
        return None
    if zipfile.is_zipfile(path):  # the server stamps each archive it makes: compare what it holds
        with zipfile.ZipFile(path) as archive:
            return {"zip": [[entry.filename, entry.CRC, entry.file_size] for entry in archive.infolist()]}
    with open(path, "rb") as handle:
        return _digest(handle.read())


def serve(checkout: str) -> None:
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)  # what the package prints goes to stderr, never into the answers

    import gazu

    where = os.path.realpath(gazu.__file__)
    if where.startswith(os.path.realpath(checkout) + os.sep):
        raise SystemExit("upstream oracle: imported the checkout's gazu (%s), not upstream's" % where)
    tmp = tempfile.mkdtemp(prefix="gazu-upstream-oracle-")
    answers.write(json.dumps({"ready": True, "version": gazu.__version__, "file": where, "tmp": tmp}) + "\n")
    for line in sys.stdin:
        request = json.loads(line)
        try:
            if request["op"] == "session":
                gazu.client.set_host(request["host"])
                if request.get("event_host"):
                    gazu.client.set_event_host(request["event_host"])
                gazu.client.set_tokens(request["tokens"])
                answer = {"value": None}
            else:
                answer = invoke(gazu, request["module"], request["function"], request.get("args", []),
                                request.get("kwargs", {}), tmp)
        except Exception:  # a fault of the oracle itself, not an outcome
            answer = {"oracle_error": traceback.format_exc()}
        answers.write(json.dumps(answer) + "\n")


if __name__ == "__main__":
    serve(sys.argv[1])
