"""gazu.aio against a small aiohttp server on loopback: request shapes, the sync client's rules, files."""

from __future__ import annotations

import asyncio
import datetime
import hashlib
import json
import logging
import os
import subprocess
import sys
import tracemalloc
from unittest import mock

import aiohttp
import pytest
import requests
from aiohttp import web
from aiohttp.test_utils import TestServer

import gazu
from gazu import aio, exception
from gazu.client import raise_for_response
from gazu.exception import (
    AuthFailedException,
    DownloadFileException,
    FileDoesntExistException,
    GazuException,
    InvalidArgumentException,
    NetworkException,
    NotAuthenticatedException,
    PreviewFileProcessingException,
    RouteNotFoundException,
    ServerErrorException,
    TimeoutException,
    UnexpectedResponseException,
    UploadFailedException,
)

pytestmark = pytest.mark.invented_routes  # generic transport paths: kept out of the route check


class FakeKitsu:
    """An aiohttp app answering what each test declares with :meth:`on`, recording what it receives."""

    def __init__(self):
        self.answers: dict[tuple[str, str], list] = {}
        self.sent: list[tuple] = []
        self.headers: list[dict] = []
        self.query_strings: list[str] = []
        self.app = web.Application(client_max_size=1024 ** 3)
        self.app.router.add_route("*", "/{path:.*}", self.handle)

    def on(self, method, path, *answers, json=None, status=200, body=None, headers=None):
        """Answer ``method path`` with each of ``answers`` in turn (the last one repeats).

        An answer is an ``async (request) -> response`` or, by default, ``json``/``body`` with ``status``.
        """
        if not answers:
            answers = ({"json": {} if json is None and body is None else json, "body": body, "status": status,
                        "headers": headers or {}},)
        self.answers[(method, path)] = list(answers)

    async def handle(self, request):
        path = request.match_info["path"]
        is_json = request.content_type == "application/json"
        body = await request.json() if is_json and request.can_read_body else None
        self.sent.append((request.method, path, dict(request.query), body))
        self.headers.append(dict(request.headers))
        self.query_strings.append(request.query_string)
        answers = self.answers.get((request.method, path))
        if not answers:
            return web.json_response({"message": "no such route"}, status=404)
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if callable(answer):
            return await answer(request)
        if answer["body"] is not None:
            content_type = None if "Content-Type" in answer["headers"] else "text/html"
            return web.Response(body=answer["body"], status=answer["status"], headers=answer["headers"],
                                content_type=content_type)
        return web.json_response(answer["json"], status=answer["status"], headers=answer["headers"])


@pytest.fixture
def run():
    """Run ``async body(fake, client)`` against a fresh FakeKitsu, with a client logged in as "unit-test-token"."""

    def runner(body, **client_options):
        async def main():
            fake = FakeKitsu()
            async with TestServer(fake.app, host="127.0.0.1") as server:
                options = {"access_token": "unit-test-token", "backoff_factor": 0.001, **client_options}
                async with aio.AsyncKitsuClient(str(server.make_url("")).rstrip("/"), **options) as client:
                    return await body(fake, client)
        return asyncio.run(main())

    return runner


def sync_error(status, body, content_type="application/json", reason=None):
    """The exception the sync client raises for this answer, to compare with the async one."""
    response = requests.Response()
    response.status_code, response._content = status, body.encode()
    response.headers["Content-Type"] = content_type
    response.reason = reason or web.Response(status=status).reason
    with pytest.raises(GazuException) as caught:
        raise_for_response(response, "GET", "data/x")
    return caught.value


# Import and arguments -------------------------------------------------------------


def test_import_gazu_does_not_import_aiohttp():
    code = "import sys, gazu, gazu.aio; print([m for m in sys.modules if m.startswith('aiohttp')])"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"


@pytest.mark.parametrize("call", [
    lambda: aio.get("data/x"), lambda: aio.post("data/x", {}), lambda: aio.put("data/x", {}),
    lambda: aio.delete("data/x"), lambda: aio.fetch_all("x"), lambda: aio.fetch_first("x"),
    lambda: aio.fetch_one("x", "1"), lambda: aio.create("x", {}), lambda: aio.update("x", "1", {}),
    lambda: aio.upload("data/x", __file__), lambda: aio.download("data/x", "out"), lambda: aio.log_in("a", "b"),
    lambda: aio.log_out(None), lambda: aio.get("data/x", client=gazu.client.default_client),
])
def test_every_function_needs_an_async_client(call):
    """Upstream crashes with an AttributeError without one, and blocks on a sync client's request."""
    with pytest.raises(InvalidArgumentException, match="^client: expected an AsyncKitsuClient"):
        asyncio.run(call())
    with pytest.raises(InvalidArgumentException, match="^client:"):
        aio.get_full_url("data/x", None)


def test_check_server_status_without_a_usable_client_is_false_as_upstream():
    assert asyncio.run(aio.check_server_status(None)) is False
    assert asyncio.run(aio.check_server_status(gazu.client.default_client)) is False
    assert asyncio.run(aio.check_server_status(aio.AsyncKitsuClient(None))) is False


def test_check_server_status_asks_the_host_itself(run):
    async def body(fake, client):
        fake.on("HEAD", "api", json={})
        async with aio.AsyncKitsuClient(client.host + "/api") as other:
            return fake, await aio.check_server_status(other)

    fake, up = run(body)
    assert up is True and [request[:2] for request in fake.sent] == [("HEAD", "api")]
    # aiohttp's own User-Agent, as upstream's bare aiohttp session sends it
    assert fake.headers[0]["User-Agent"] == aiohttp.http.SERVER_SOFTWARE


def test_a_test_double_is_a_client():
    double = mock.AsyncMock()
    double.get.return_value = {"id": "x"}
    double.fetch_all.return_value = [{"id": "a"}]
    double.full_url = lambda path: "http://double.test/api/" + path
    assert asyncio.run(aio.get("data/x", client=double)) == {"id": "x"}
    assert asyncio.run(aio.fetch_one("persons", "p-01", client=double)) == {"id": "x"}
    assert double.get.await_args_list == [mock.call("data/x", json_response=True, params=None),
                                          mock.call("data/persons/p-01", params=None)]
    assert asyncio.run(aio.fetch_first("assets", client=double)) == {"id": "a"}
    assert aio.get_full_url("data/x", double) == "http://double.test/api/data/x"


def test_gazu_aio_aiohttp_is_the_module_for_tests_to_patch():
    import aiohttp

    assert aio.aiohttp is aiohttp
    with pytest.raises(AttributeError):
        aio.no_such_name  # noqa: B018


class MinimalAnswer:
    """An answer with only what upstream's tests give theirs: a status and json()/text() coroutines."""

    def __init__(self, status, body=None, not_json=False):
        self.status, self.body, self.not_json = status, body if body is not None else {}, not_json

    async def json(self):
        if self.not_json:
            raise ValueError("not json")
        return self.body

    async def text(self):
        return "plain text body" if self.not_json else json.dumps(self.body)


@pytest.mark.parametrize("status, body, not_json, kind, message", [
    (400, {"message": "bad"}, False, exception.ParameterException, "GET data/x: 400: bad"),
    (400, None, True, exception.ParameterException, "GET data/x: 400: No additional information (plain text body)"),
    (401, None, True, NotAuthenticatedException, "GET data/x: 401: No additional information (plain text body)"),
    (403, {}, False, exception.NotAllowedException, "GET data/x: 403"),
    (404, {"message": "gone"}, False, RouteNotFoundException, "GET data/x: 404: gone"),
    (405, {}, False, exception.MethodNotAllowedException, "GET data/x: 405"),
    (413, {}, False, exception.TooBigFileException, "GET data/x: 413"),
    (422, {"message": "invalid"}, False, exception.ValidationException, "GET data/x: 422: invalid"),
    (500, {}, False, ServerErrorException, "GET data/x: 500"),
])
def test_check_status_reads_a_minimal_answer(status, body, not_json, kind, message):
    with pytest.raises(kind) as caught:
        asyncio.run(aio.check_status(MinimalAnswer(status, body, not_json), "data/x"))
    assert str(caught.value).startswith(message) and caught.value.status == status
    assert asyncio.run(aio.check_status(MinimalAnswer(200), "data/x")) == (200, False)


def test_the_client_takes_upstreams_arguments_in_upstreams_order():
    client = aio.AsyncKitsuClient("http://kitsu.test/api", False, False, None, None, "a")
    assert (client.ssl_verify, client.use_refresh_token, client.cert) == (False, False, None)
    assert client.tokens == {"access_token": "a", "refresh_token": None}
    assert client.event_host == "http://kitsu.test/api"
    default = aio.AsyncKitsuClient("http://kitsu.test/api")
    assert default.use_refresh_token is True and default.tokens == {"access_token": None, "refresh_token": None}
    given = aio.AsyncKitsuClient("http://kitsu.test/api", tokens={"access_token": "t", "x": 1}, refresh_token="r")
    assert given.tokens == {"access_token": "t", "x": 1, "refresh_token": "r"}
    with pytest.raises(RuntimeError):  # as upstream: a session belongs to a running event loop
        default.session  # noqa: B018

    async def in_a_loop():
        async with default:
            return default.session is default.session and not default.session.closed

    assert asyncio.run(in_a_loop())


@pytest.mark.parametrize("status, kind", [(500, ServerErrorException), (401, NotAuthenticatedException)])
def test_log_out_keeps_the_tokens_when_the_server_cannot_be_told(run, status, kind):
    async def body(fake, client):
        fake.on("GET", "auth/logout", json={"message": "down"}, status=status)
        client.retries = 0
        with pytest.raises(kind):
            await aio.log_out(client)
        return client.tokens

    assert run(body)["access_token"] == "unit-test-token"


def test_refresh_access_token_answers_what_the_server_answers_as_upstream(run):
    async def body(fake, client):
        fake.on("GET", "auth/refresh-token", json={"access_token": "renewed", "extra": 1})
        client.tokens = {"access_token": "old", "refresh_token": "the-refresh-token"}
        return await client.refresh_access_token(), client.tokens

    answer, tokens = run(body)
    assert answer == {"access_token": "renewed", "extra": 1}
    assert tokens == {"access_token": "renewed", "refresh_token": "the-refresh-token"}


def test_log_out_answered_400_logs_out_as_upstream(run):
    async def body(fake, client):
        fake.on("GET", "auth/logout", json={}, status=400)
        return await aio.log_out(client), client.tokens

    assert run(body) == ({"access_token": None, "refresh_token": None},) * 2


def test_get_full_url():
    assert aio.get_full_url("data/projects", aio.AsyncKitsuClient("http://kitsu.test/api")) == \
        "http://kitsu.test/api/data/projects"


# Request shapes -------------------------------------------------------------------


def test_get_sends_token_user_agent_and_query_as_requests_does(run):
    async def body(fake, client):
        fake.on("GET", "data/projects", json=[{"id": "p"}])
        fake.on("GET", "export.csv", body="a;b\n")
        result = await aio.get("data/projects", params={"ids": ["1", "2"], "flag": True, "gone": None}, client=client)
        return fake, result, await aio.get("export.csv", json_response=False, client=client)

    fake, result, text = run(body)
    assert (result, text) == ([{"id": "p"}], "a;b\n")
    assert fake.sent[0] == ("GET", "data/projects", {"ids": "1", "flag": "True"}, None)
    assert fake.query_strings[0] == "ids=1&ids=2&flag=True"
    assert fake.headers[0]["Authorization"] == "Bearer unit-test-token"
    assert fake.headers[0]["User-Agent"] == "CGWire Gazu %s" % gazu.__version__  # upstream's


def test_writes_send_json_and_clear_the_caches(run, monkeypatch):
    cleared = []
    monkeypatch.setattr(gazu.cache, "clear_all", lambda: cleared.append(True))
    when = datetime.datetime(2024, 5, 1, 12, 30)

    async def body(fake, client):
        fake.on("POST", "data/projects", json={"id": "p", "name": "P"})
        fake.on("PUT", "data/projects/p", json={"id": "p"})
        fake.on("DELETE", "data/projects/p", body="")
        fake.on("POST", "actions/raw", body="<html>done</html>")
        created = await aio.post("data/projects", {"name": "P", "start": when}, client=client)
        updated = await aio.put("data/projects/p", {"name": "Q"}, client=client)
        deleted = await aio.delete("data/projects/p", params={"force": "true"}, client=client)
        with pytest.raises(UnexpectedResponseException, match=r"POST actions/raw: 200 answer is not JSON"):
            await aio.post("actions/raw", [1, 2], client=client)  # never an HTML page as data
        return fake, (created, updated, deleted)

    fake, results = run(body)
    assert results == ({"id": "p", "name": "P"}, {"id": "p"}, "")
    assert fake.sent == [("POST", "data/projects", {}, {"name": "P", "start": "2024-05-01T12:30:00"}),
                         ("PUT", "data/projects/p", {}, {"name": "Q"}),
                         ("DELETE", "data/projects/p", {"force": "true"}, None),
                         ("POST", "actions/raw", {}, [1, 2])]
    assert len(cleared) == 4


def test_model_functions(run):
    async def body(fake, client):
        fake.on("GET", "data/assets", json=[{"id": "a"}, {"id": "b"}])
        fake.on("GET", "data/shots", json=[])
        fake.on("GET", "data/assets/a", json={"id": "a"})
        fake.on("POST", "data/assets", json={"id": "c"})
        fake.on("PUT", "data/assets/a", json={"id": "a", "name": "x"})
        results = (
            await aio.fetch_all("assets", params={"project_id": "p"}, limit=5, fields=["id", "name"], client=client),
            await aio.fetch_first("assets", client=client),
            await aio.fetch_first("shots", client=client),
            await aio.fetch_one("assets", "a", params={"relations": "true"}, client=client),
            await aio.create("assets", {"name": "c"}, client=client),
            await aio.update("assets", "a", {"name": "x"}, client=client),
        )
        return fake, results

    fake, results = run(body)
    assert results == ([{"id": "a"}, {"id": "b"}], {"id": "a"}, None, {"id": "a"}, {"id": "c"},
                       {"id": "a", "name": "x"})
    assert fake.sent == [
        ("GET", "data/assets", {"project_id": "p", "fields": "id,name"}, None),  # as upstream: limit is a page size
        ("GET", "data/assets", {}, None), ("GET", "data/shots", {}, None),
        ("GET", "data/assets/a", {"relations": "true"}, None),
        ("POST", "data/assets", {}, {"name": "c"}), ("PUT", "data/assets/a", {}, {"name": "x"})]


def test_fetch_all_paginated_walks_every_page(run):
    async def body(fake, client):
        fake.on("GET", "data/tasks",
                {"json": {"data": [{"id": 1}], "page": 1, "nb_pages": 2}, "body": None, "status": 200, "headers": {}},
                {"json": {"data": [{"id": 2}], "page": 2, "nb_pages": 2}, "body": None, "status": 200, "headers": {}})
        return fake, await aio.fetch_all("tasks", paginated=True, client=client)

    fake, tasks = run(body)
    assert tasks == [{"id": 1}, {"id": 2}]
    assert [query["page"] for _m, _p, query, _b in fake.sent] == ["1", "2"]


def test_fetch_all_paginated_sends_the_page_size_after_the_page_as_upstream(run):
    async def body(fake, client):
        fake.on("GET", "data/tasks", json={"data": [{"id": 1}], "page": 1, "nb_pages": 1})
        return fake, await aio.fetch_all("tasks", paginated=True, limit=50, fields="id", client=client)

    fake, tasks = run(body)
    assert tasks == [{"id": 1}] and fake.query_strings == ["fields=id&page=1&limit=50"]


# Errors: the sync client's classes and messages -----------------------------------


@pytest.mark.parametrize("status, body, content_type", [
    (400, '{"message": "bad name"}', "application/json"), (401, '{"msg": "Token has expired"}', "application/json"),
    (403, '{"error": true, "message": "Not allowed"}', "application/json"), (404, '{}', "application/json"),
    (405, '{"message": "no"}', "application/json"), (413, "", "text/html"), (422, '{"msg": "bad"}', "application/json"),
    (500, "<html><h1>Internal Server Error</h1></html>", "text/html"), (418, "teapot", "text/plain"),
])
def test_error_answers_raise_what_the_sync_client_raises(run, status, body, content_type):
    async def scenario(fake, client):
        async def answer(request):
            return web.Response(body=body.encode(), status=status, content_type=content_type)
        fake.on("GET", "data/x", answer)
        with pytest.raises(GazuException) as caught:
            await aio.get("data/x", client=client)
        return caught.value

    error, expected = run(scenario, retries=0), sync_error(status, body, content_type)
    assert type(error) is type(expected)
    assert str(error) == str(expected) and str(error).startswith("GET data/x: %d " % status)
    assert (error.method, error.path, error.status, error.server_message) == \
        ("GET", "data/x", status, expected.server_message)
    assert error.response.status_code == status and error.response.text == body


def test_a_body_that_is_not_json_is_reported_with_an_excerpt(run):
    async def body(fake, client):
        fake.on("GET", "data/x", body="<html>{not json")
        with pytest.raises(UnexpectedResponseException, match=r"GET data/x: 200 answer is not JSON .*\{not json"):
            await aio.get("data/x", client=client)

    run(body)


# Retries ----------------------------------------------------------------------------


def busy(status=503, retry_after="0.01"):
    return {"json": {"message": "busy"}, "body": None, "status": status, "headers": {"Retry-After": retry_after}}


def test_idempotent_requests_are_retried_on_busy_answers_honouring_retry_after(run, caplog):
    async def body(fake, client):
        fake.on("GET", "data/x", busy(503, "0.2"), busy(429, "0"), {"json": [1], "body": None, "status": 200,
                                                                   "headers": {}})
        fake.on("PUT", "data/y", busy(502), busy(504))
        with caplog.at_level(logging.WARNING, logger="gazu"):
            result = await aio.get("data/x", client=client)
        with pytest.raises(ServerErrorException, match="PUT data/y: 504"):
            await aio.put("data/y", {}, client=client)
        return fake, result

    fake, result = run(body, retries=2)
    assert result == [1]
    assert [entry[:2] for entry in fake.sent] == [("GET", "data/x")] * 3 + [("PUT", "data/y")] * 3
    assert "GET data/x: server answered 503; retry 1/2 in 0.2s" in caplog.text


def test_post_is_not_retried_on_a_busy_answer(run):
    async def body(fake, client):
        fake.on("POST", "data/x", busy())
        with pytest.raises(ServerErrorException, match="POST data/x: 503 Service Unavailable: busy"):
            await aio.post("data/x", {}, client=client)
        return fake

    assert len(run(body).sent) == 1


async def raw_server(handle):
    """A bare TCP server on loopback (for answers aiohttp.web would not send); returns (server, url)."""
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, "http://127.0.0.1:%d" % server.sockets[0].getsockname()[1]


def test_a_dropped_connection_is_retried_for_get_but_not_post():
    connections = []

    async def handle(reader, writer):
        await reader.readuntil(b"\r\n\r\n")
        connections.append(1)
        if len(connections) in (2, 3):  # the second and third ones are answered
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                         b"Connection: close\r\n\r\n[]")
            await writer.drain()
        writer.close()

    async def main():
        server, url = await raw_server(handle)
        async with server, aio.AsyncKitsuClient(url, backoff_factor=0.001) as client:
            assert await aio.get("data/x", client=client) == []
            assert await aio.get("data/x", client=client) == []
            with pytest.raises(NetworkException, match="POST data/x: cannot reach %s: " % url):
                await aio.post("data/x", {}, client=client)

    asyncio.run(main())
    assert len(connections) == 4


def test_an_unreachable_host_is_retried_then_reported(caplog):
    async def main():
        server, url = await raw_server(lambda reader, writer: None)
        server.close()
        await server.wait_closed()
        async with aio.AsyncKitsuClient(url, retries=2, backoff_factor=0.001) as client:
            with pytest.raises(NetworkException, match="POST data/x: cannot reach %s: " % url) as caught:
                await aio.post("data/x", {}, client=client)  # never connected: safe to retry a POST
            assert not isinstance(caught.value, TimeoutException)
            assert await aio.check_server_status(client) is False

    with caplog.at_level(logging.WARNING, logger="gazu"):
        asyncio.run(main())
    assert caplog.text.count("connection failed") == 2


def test_a_server_that_never_answers_times_out_without_retry():
    connections = []

    async def handle(reader, writer):
        connections.append(1)
        try:
            await reader.read()  # never answers
        finally:
            writer.close()

    async def main():
        server, url = await raw_server(handle)
        async with server, aio.AsyncKitsuClient(url, timeout=(1, 0.2)) as client:
            with pytest.raises(TimeoutException, match="GET data/x: no answer from %s within 0.2s" % url):
                await aio.get("data/x", client=client)

    asyncio.run(main())
    assert len(connections) == 1


# Tokens -------------------------------------------------------------------------------


def refreshing(fake, token="renewed"):
    async def protected(request):
        if request.headers.get("Authorization") != "Bearer " + token:
            return web.json_response({"msg": "Token has expired"}, status=401)
        return web.json_response({"ok": True})

    async def refresh(request):
        assert request.headers["Authorization"] == "Bearer the-refresh-token"
        await asyncio.sleep(0.05)  # long enough for every task to meet the 401
        return web.json_response({"access_token": token})

    fake.on("GET", "data/x", protected)
    fake.on("GET", "auth/refresh-token", refresh)


def test_a_401_is_answered_by_one_refresh_for_all_tasks(run):
    async def body(fake, client):
        refreshing(fake)
        results = await asyncio.gather(*(aio.get("data/x", client=client) for _ in range(10)))
        return fake, client, results

    fake, client, results = run(body, tokens={"access_token": "old", "refresh_token": "the-refresh-token"})
    assert results == [{"ok": True}] * 10
    assert [entry[1] for entry in fake.sent].count("auth/refresh-token") == 1
    assert client.access_token == "renewed"


def test_a_401_without_refresh_token_raises_or_asks_the_callback(run):
    asked = []

    async def callback(client, path):
        asked.append(path)
        client.tokens["access_token"] = "renewed"
        return True

    async def body(fake, client):
        refreshing(fake)
        with pytest.raises(NotAuthenticatedException, match="GET data/x: 401 UNAUTHORIZED: Token has expired"
                                                            "|GET data/x: 401 Unauthorized: Token has expired"):
            await aio.get("data/x", client=client)
        client.callback_not_authenticated = callback
        return await aio.get("data/x", client=client)

    assert run(body) == {"ok": True} and asked == ["data/x"]


def test_log_in_log_out_and_create_session(run):
    async def body(fake, client):
        fake.on("POST", "auth/login", json={"login": True, "user": {"id": "u"}, "access_token": "a",
                                            "refresh_token": "r"})
        fake.on("GET", "auth/logout", json={"logout": True})
        answer = await aio.log_in("me@example.com", "secret", totp="123456", client=client)
        tokens = dict(client.tokens)
        logged_out = await aio.log_out(client)
        session = await aio.create_session(client.host, "me@example.com", "secret", ssl_verify=False)
        async with session:
            session_state = (session.access_token, session.ssl_verify)
        return fake, answer, tokens, logged_out, client.tokens, session_state

    fake, answer, tokens, logged_out, after, session_state = run(body)
    assert answer["user"] == {"id": "u"} and tokens == answer  # the whole answer, as upstream
    # as upstream: the tokens, forgotten, are the answer
    assert logged_out == after == {"access_token": None, "refresh_token": None} and session_state == ("a", False)
    assert fake.sent[0] == ("POST", "auth/login", {}, {  # every factor, null when not given, as upstream
        "email": "me@example.com", "password": "secret", "totp": "123456", "email_otp": None,
        "fido_authentication_response": None, "recovery_code": None})
    assert fake.headers[0]["Authorization"] == "Bearer unit-test-token"  # the token in use, as upstream sends it


@pytest.mark.parametrize("answer, status", [({"msg": "Wrong credentials"}, 401), ({"login": False}, 200)])
def test_a_refused_log_in_raises_auth_failed(run, answer, status):
    async def body(fake, client):
        fake.on("POST", "auth/login", json=answer, status=status)
        with pytest.raises(AuthFailedException, match="^log-in refused for me@example.com"):
            await aio.log_in("me@example.com", "wrong", client=client)
        with pytest.raises(AuthFailedException):
            await aio.create_session(client.host, "me@example.com", "wrong")

    run(body)


def test_check_status_and_check_server_status(run):
    async def body(fake, client):
        refreshing(fake)
        fake.on("GET", "data/gone", json={"message": "gone"}, status=404)
        fake.on("HEAD", "", json={})
        client.tokens = {"access_token": "old", "refresh_token": "the-refresh-token"}
        session = client._get_session()
        async with session.get(client.full_url("data/x"), headers=client.make_auth_header()) as raw:
            refreshed = await aio.check_status(raw, "data/x", client)
        async with session.get(client.full_url("data/gone")) as raw:
            with pytest.raises(RouteNotFoundException, match="GET data/gone: 404 Not Found: gone"):
                await aio.check_status(raw, "data/gone")
        async with session.get(client.full_url("data/x"), headers=client.make_auth_header()) as raw:
            fine = await aio.check_status(raw, "data/x", client)
        return refreshed, fine, await aio.check_server_status(client)

    assert run(body) == ((401, True), (200, False), True)


# Files --------------------------------------------------------------------------------


def multipart_receiver(received):
    async def receive(request):
        received["content_length"] = request.content_length
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if part.filename is None:
                received[part.name] = await part.text()
                continue
            digest, size = hashlib.sha256(), 0
            while chunk := await part.read_chunk(256 * 1024):
                digest.update(chunk)
                size += len(chunk)
            received[part.name] = (part.filename, size, digest.hexdigest())
        return web.json_response({"id": "preview"})
    return receive


def test_upload_streams_files_and_fields_with_a_content_length(run, tmp_path):
    main_file, extra = tmp_path / "movie.mp4", tmp_path / "notes.txt"
    main_file.write_bytes(os.urandom(3 * 1024 * 1024 + 7))
    extra.write_text("hello")
    received, progress = {}, []

    async def body(fake, client):
        fake.on("POST", "pictures/preview-files/p", multipart_receiver(received))
        return await aio.upload("pictures/preview-files/p", str(main_file),
                                data={"revision": 2, "draft": False, "comment": None},
                                extra_files=[str(extra)], client=client,
                                progress_callback=lambda sent, total: progress.append((sent, total)))

    assert run(body) == {"id": "preview"}
    assert received["file"] == ("movie.mp4", main_file.stat().st_size,
                                hashlib.sha256(main_file.read_bytes()).hexdigest())
    assert received["file-1"][:2] == ("notes.txt", 5)
    # as the sync client and upstream encode form fields: str(value), None left out (upstream's aio: "None")
    assert received["revision"] == "2" and received["draft"] == "False" and "comment" not in received
    assert received["content_length"] > main_file.stat().st_size  # sized up front, not chunked
    total = main_file.stat().st_size + 5
    assert progress[-1] == (total, total) and all(b >= a for (a, _), (b, _) in zip(progress, progress[1:]))


def test_upload_keeps_memory_flat(run, tmp_path):
    big = tmp_path / "big.bin"
    with open(big, "wb") as handle:
        for _ in range(32):
            handle.write(os.urandom(1024 * 1024))
    received = {}

    async def body(fake, client):
        fake.on("POST", "data/upload", multipart_receiver(received))
        tracemalloc.start()
        try:
            await aio.upload("data/upload", str(big), client=client)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    peak = run(body)
    assert received["file"][1] == 32 * 1024 * 1024
    assert peak < 12 * 1024 * 1024, "upload peaked at %.1f MiB" % (peak / 2 ** 20)


def test_upload_refuses_a_missing_file_before_any_request(run):
    async def body(fake, client):
        with pytest.raises(FileDoesntExistException, match="file_path: no such file"):
            await aio.upload("data/upload", "/no/such/file", client=client)
        with pytest.raises(FileDoesntExistException, match="extra_files: no such file"):
            await aio.upload("data/upload", __file__, extra_files=["/no/such/file"], client=client)
        return fake.sent

    assert run(body) == []


def test_a_file_that_grows_during_upload_fails_instead_of_sending_a_mix(run, tmp_path):
    growing = tmp_path / "growing.bin"
    growing.write_bytes(os.urandom(16 * 1024 * 1024))

    async def slow_reader(request):
        with open(growing, "ab") as handle:  # the file changes while the client still reads it
            handle.write(b"more")
        await request.read()
        return web.json_response({})

    async def body(fake, client):
        fake.on("POST", "data/upload", slow_reader)
        # Seen by its size or by its modification time, whichever check comes first: both abort.
        with pytest.raises(UploadFailedException, match="growing.bin changed (size )?while it was sent"):
            await aio.upload("data/upload", str(growing), client=client)

    run(body)


PAYLOAD = bytes(range(256)) * 4096  # 1 MiB


def test_download_writes_the_file_atomically(run, tmp_path):
    target, progress = tmp_path / "movie.mp4", []

    async def body(fake, client):
        fake.on("GET", "movies/originals/preview-files/p.mp4",
                {"json": None, "body": b"", "status": 202, "headers": {}},
                {"json": None, "body": PAYLOAD, "status": 200, "headers": {"Content-Type": "video/mp4"}})
        await aio.download("movies/originals/preview-files/p.mp4", str(target), params={"t": 1}, client=client,
                           progress_callback=lambda received, total: progress.append((received, total)))
        return fake

    fake = run(body)
    assert target.read_bytes() == PAYLOAD and os.listdir(tmp_path) == ["movie.mp4"]
    assert progress[-1] == (len(PAYLOAD), len(PAYLOAD))
    assert fake.sent[-1] == ("GET", "movies/originals/preview-files/p.mp4", {"t": "1"}, None)


def cut_download(answered):
    """A raw server announcing 1 MiB and sending half, except for the answers numbered in ``answered``."""
    count = []

    async def handle(reader, writer):
        await reader.readuntil(b"\r\n\r\n")
        count.append(1)
        body = PAYLOAD if len(count) in answered else PAYLOAD[: len(PAYLOAD) // 2]
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n"
                     b"Content-Length: %d\r\n\r\n" % len(PAYLOAD) + body)
        await writer.drain()
        writer.close()

    return handle, count


@pytest.mark.parametrize("answered, fails", [({2}, False), (set(), True)])
def test_a_cut_download_is_retried_and_never_leaves_a_partial_file(tmp_path, answered, fails):
    target = tmp_path / "movie.mp4"
    target.write_bytes(b"previous version")
    handle, count = cut_download(answered)

    async def main():
        server, url = await raw_server(handle)
        async with server, aio.AsyncKitsuClient(url, retries=1, backoff_factor=0.001) as client:
            await aio.download("data/x", str(target), client=client)

    if fails:
        with pytest.raises(DownloadFileException, match="GET data/x: download failed .*movie.mp4 was left untouched"):
            asyncio.run(main())
        assert target.read_bytes() == b"previous version"
    else:
        asyncio.run(main())
        assert target.read_bytes() == PAYLOAD
    assert os.listdir(tmp_path) == ["movie.mp4"] and len(count) == 2


def test_download_refuses_bad_targets_and_endless_processing(run, tmp_path):
    async def body(fake, client):
        with pytest.raises(FileNotFoundError, match="file_path: folder"):
            await aio.download("data/x", str(tmp_path / "missing" / "file"), client=client)
        fake.on("GET", "data/x", body="", status=202)
        with pytest.raises(PreviewFileProcessingException, match="GET data/x: still being processed after 0s"):
            await client.download("data/x", str(tmp_path / "file"), processing_timeout=0)
        fake.on("GET", "data/gone", json={"message": "no preview"}, status=404)
        with pytest.raises(RouteNotFoundException, match="GET data/gone: 404 Not Found: no preview"):
            await aio.download("data/gone", str(tmp_path / "file"), client=client)

    run(body)
    assert os.listdir(tmp_path) == []


def test_a_client_can_be_used_from_one_event_loop_after_another():
    client = aio.AsyncKitsuClient("http://127.0.0.1:9", retries=0)

    async def fail():
        with pytest.raises(NetworkException):
            await aio.get("data/x", client=client)

    asyncio.run(fail())
    asyncio.run(fail())
    asyncio.run(client.close())


def test_the_async_response_reads_like_requests():
    class Raw:
        status, reason, url, charset = 200, "OK", "http://x/data", None
        headers = {"Content-Type": "application/json"}
    response = aio.AsyncResponse(Raw(), json.dumps({"é": 1}).encode())
    assert (response.status_code, response.ok, response.json(), repr(response)) == (200, True, {"é": 1},
                                                                                      "<AsyncResponse [200]>")
    assert str(aio.AsyncResponse(Raw(), b"").text) == ""


@pytest.mark.parametrize("call", [
    lambda client: aio.get(None, client=client), lambda client: aio.post(None, {}, client=client),
    lambda client: aio.put(None, {}, client=client), lambda client: aio.delete(None, client=client),
    lambda client: aio.fetch_all(None, client=client), lambda client: aio.create(None, {}, client=client),
    lambda client: aio.fetch_one("persons", "../projects", client=client),
    lambda client: aio.update("persons", "../projects", {}, client=client),
    lambda client: aio.fetch_one(None, "id-1", client=client),
], ids=["get", "post", "put", "delete", "fetch_all", "create", "fetch_one-id", "update-id", "fetch_one-model"])
def test_a_missing_path_or_an_id_that_changes_the_url_is_refused_before_sending(run, call):
    async def body(fake, client):
        with pytest.raises(InvalidArgumentException, match=r"^(path|model_name|id|model_id): expected"):
            await call(client)
        return fake.sent

    assert run(body) == []


@pytest.mark.parametrize("bad_host", [42, "", "kitsu.test/api", "ftp://kitsu.test/api"])
def test_a_client_refuses_a_host_that_is_not_an_http_url(bad_host):
    with pytest.raises(InvalidArgumentException, match="^host: expected an http:// or https:// URL"):
        aio.AsyncKitsuClient(bad_host)


def test_credentials_written_in_the_host_never_show():
    async def body():
        async with aio.AsyncKitsuClient("http://render:s3cret-pw@127.0.0.1:9/api", retries=0) as client:
            assert "s3cret" not in repr(client)
            with pytest.raises(NetworkException) as caught:
                await aio.get("data/projects", client=client)
            return str(caught.value)

    message = asyncio.run(body())
    assert "s3cret" not in message and "http://***@127.0.0.1:9/api" in message
