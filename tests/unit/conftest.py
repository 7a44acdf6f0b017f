"""Mocked-HTTP fixtures for the unit tests.

``kitsu`` points :data:`gazu.client.default_client` at a fake host whose
answers each test declares, and records what was sent::

    def test_all_studios(kitsu):
        kitsu.on("GET", "data/studios", json=[{"name": "b"}, {"name": "A"}])
        assert [s["name"] for s in gazu.studio.all_studios()] == ["A", "b"]
        assert kitsu.sent == [("GET", "data/studios", {}, None)]
"""

from __future__ import annotations

import json
import uuid
from urllib.parse import parse_qsl, urlsplit

import pytest
import responses

import gazu
from tests import routes

HOST = "http://kitsu.test/api"
# The second factors a log-in sends as null when not given, as upstream.
NO_FACTORS = {"totp": None, "email_otp": None, "fido_authentication_response": None, "recovery_code": None}


def new_id() -> str:
    return str(uuid.uuid4())


def bad_entities(argument: str) -> list:
    """The values an entity argument refuses before any request: None, "", an id that would change the URL, a
    dict without id, a number; and for a dict-or-id argument (not ``id`` nor ``…_id``, which upstream puts in the
    URL as given), an id string of no UUID shape, which upstream refuses with a ValueError."""
    bad = [None, "", "a/b", {"name": "x"}, 42]
    return bad if argument == "id" or argument.endswith("_id") else bad + ["shot-01"]


def body_bytes(request) -> bytes:
    """Return a request's body as bytes, whether it was sent as bytes or streamed (large uploads)."""
    body = request.body
    if isinstance(body, str):
        return body.encode()
    return body if isinstance(body, bytes) else b"".join(body)


class MockKitsu:
    """A fake Kitsu API: declare answers with :meth:`on`, read requests from :attr:`sent`."""

    def __init__(self, mock: responses.RequestsMock):
        self.mock = mock

    def url(self, path: str) -> str:
        return HOST + "/" + path.lstrip("/")  # an empty path is the host and a slash, as gazu joins it

    def on(self, method: str, path: str, json=None, status: int = 200, body=None, **kwargs):
        """Answer ``method path`` (any query string) with ``json`` or ``body``."""
        if json is None and body is None:
            json = {}
        self.mock.add(method.upper(), self.url(path), json=json, body=body, status=status, **kwargs)

    @property
    def sent(self) -> list[tuple]:
        """Each request as ``(method, path, query dict, JSON body or None)``."""
        result = []
        for call in self.mock.calls:
            parts = urlsplit(call.request.url)
            path = parts.path[len(urlsplit(HOST).path):].strip("/")
            body = call.request.body
            if isinstance(body, bytes):
                try:
                    body = body.decode()
                except UnicodeDecodeError:
                    pass
            try:
                decoded = json.loads(body) if isinstance(body, str) and body else None
            except ValueError:
                decoded = body
            result.append((call.request.method, path, dict(parse_qsl(parts.query, keep_blank_values=True)), decoded))
        return result

    @property
    def last(self) -> tuple:
        return self.sent[-1]


@pytest.fixture
def kitsu(request):
    previous_host, previous_tokens = gazu.client.default_client.host, gazu.client.default_client.tokens
    gazu.cache.clear_all()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        gazu.set_host(HOST)
        gazu.set_token("unit-test-token")
        fake = MockKitsu(mock)
        try:
            yield fake
        finally:
            # Transport tests use made-up paths on purpose: they mark themselves so.
            if request.node.get_closest_marker("invented_routes") is None:
                for (method, path, _query, _body), call in zip(fake.sent, mock.calls):
                    if call.request.url.startswith(HOST + "/"):  # API routes only, not the host's own pages
                        routes.record(method, path)
            gazu.client.default_client.host = previous_host
            gazu.client.default_client.tokens = previous_tokens
            gazu.cache.disable()
            gazu.cache.clear_all()


def pytest_sessionfinish(session, exitstatus):
    routes.save()
