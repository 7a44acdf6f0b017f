"""The transport: request shapes, status mapping, retries, refresh, files."""

from __future__ import annotations

import email
import json
import logging
import os
import threading

import pytest
import requests
import responses

import gazu
from gazu import _transfer
from gazu import client as raw
from gazu.exception import (
    DownloadFileException,
    FileDoesntExistException,
    GazuException,
    InvalidArgumentException,
    MethodNotAllowedException,
    NetworkException,
    NotAllowedException,
    NotAuthenticatedException,
    ParameterException,
    RouteNotFoundException,
    ServerErrorException,
    TooBigFileException,
    UnexpectedResponseException,
    UploadFailedException,
    ValidationException,
)
from tests.unit.conftest import HOST, NO_FACTORS

pytestmark = pytest.mark.invented_routes  # generic paths: kept out of the route check


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch):
    """Retries wait for nothing in unit tests; the delays asked for are recorded."""
    delays = []
    monkeypatch.setattr(raw.time, "sleep", delays.append)
    return delays


# Request shapes -----------------------------------------------------------------


def test_get_sends_token_and_user_agent(kitsu):
    kitsu.on("GET", "data/projects", json=[{"id": 1}])
    assert raw.get("data/projects", params={"a": "b"}) == [{"id": 1}]
    request = kitsu.mock.calls[0].request
    assert request.headers["Authorization"] == "Bearer unit-test-token"
    assert request.headers["User-Agent"] == "CGWire Gazu 1.3.1"  # as upstream
    assert kitsu.last == ("GET", "data/projects", {"a": "b"}, None)


def test_get_text_when_json_response_is_false(kitsu):
    kitsu.on("GET", "export/x.csv", body="a;b\n")
    assert raw.get("export/x.csv", json_response=False) == "a;b\n"


@pytest.mark.parametrize("function, method", [(raw.post, "POST"), (raw.put, "PUT")])
def test_post_and_put_send_json(kitsu, function, method):
    kitsu.on(method, "data/things", json={"ok": True})
    assert function("data/things", {"name": "x", "date": __import__("datetime").date(2024, 1, 2)}) == {"ok": True}
    assert kitsu.last == (method, "data/things", {}, {"name": "x", "date": "2024-01-02"})


@pytest.mark.parametrize("function, method", [(raw.post, "POST"), (raw.put, "PUT")])
def test_post_and_put_send_none_as_json_null(kitsu, function, method):
    kitsu.on(method, "data/things", json={"ok": True})
    assert function("data/things", None) == {"ok": True}
    request = kitsu.mock.calls[0].request
    assert request.body in (b"null", "null") and request.headers["Content-Type"] == "application/json"  # as upstream


def test_delete_returns_text(kitsu):
    kitsu.on("DELETE", "data/things/1", body="")
    assert raw.delete("data/things/1", params={"force": "true"}) == ""
    assert kitsu.last == ("DELETE", "data/things/1", {"force": "true"}, None)


def test_fetch_helpers_build_data_paths(kitsu):
    kitsu.on("GET", "data/assets", json=[{"id": "a"}, {"id": "b"}])
    kitsu.on("GET", "data/assets/a", json={"id": "a"})
    kitsu.on("POST", "data/assets", json={"id": "c"})
    kitsu.on("PUT", "data/assets/a", json={"id": "a", "name": "n"})
    kitsu.on("POST", "import/kitsu/assets", json={"id": "d"})
    assert raw.fetch_all("assets", fields=["id", "name"], limit=5) == [{"id": "a"}, {"id": "b"}]
    assert kitsu.last == ("GET", "data/assets", {"fields": "id,name", "limit": "5"}, None)
    assert raw.fetch_first("assets") == {"id": "a"}
    assert raw.fetch_one("assets", "a") == {"id": "a"}
    assert raw.create("assets", {"name": "c"}) == {"id": "c"}
    assert raw.update("assets", "a", {"name": "n"}) == {"id": "a", "name": "n"}
    assert raw.import_data("assets", {"name": "d"}) == {"id": "d"}
    assert [s[:2] for s in kitsu.sent[2:]] == [
        ("GET", "data/assets/a"), ("POST", "data/assets"), ("PUT", "data/assets/a"), ("POST", "import/kitsu/assets")]


def test_fetch_first_of_nothing_is_none(kitsu):
    kitsu.on("GET", "data/assets", json=[])
    assert raw.fetch_first("assets") is None


def test_fetch_all_paginated_walks_every_page(kitsu):
    pages = iter([{"data": [{"id": 1}], "page": 1, "nb_pages": 2},
                  {"data": [{"id": 2}], "page": 2, "nb_pages": 2}])
    kitsu.mock.add_callback("GET", HOST + "/data/tasks",
                            callback=lambda request: (200, {}, __import__("json").dumps(next(pages))))
    assert raw.fetch_all("tasks", paginated=True, limit=1) == [{"id": 1}, {"id": 2}]
    assert [s[2] for s in kitsu.sent] == [{"limit": "1", "page": "1"}, {"limit": "1", "page": "2"}]


def test_version_user_and_file_data(kitsu):
    kitsu.on("GET", "", json={"api": "Zou", "version": "1.0.97"})
    kitsu.on("GET", "auth/authenticated", json={"user": {"id": "u"}})
    kitsu.on("GET", "pictures/thumbnails/x.png", body=b"\x89PNG")
    assert raw.get_api_version() == "1.0.97"
    assert raw.get_current_user() == {"id": "u"}
    assert raw.get_file_data_from_url("pictures/thumbnails/x.png") == b"\x89PNG"


# URLs, hosts and tokens ----------------------------------------------------------


def test_url_helpers():
    assert raw.url_path_join("http://h/api/", "/data/", "x") == "http://h/api/data/x"
    # As upstream: an empty part still counts, a leading slash goes.
    assert raw.url_path_join("data", "") == "data/" and raw.url_path_join("http://h/api", "") == "http://h/api/"
    assert raw.url_path_join("/a", "b/") == "a/b" and raw.url_path_join("", "b") == "/b"
    assert raw.url_path_join("data", 3) == "data/3" and raw.url_path_join() == ""
    with pytest.raises(InvalidArgumentException, match="url_path_join: expected URL parts"):
        raw.url_path_join("data", None)
    assert raw.build_path_with_params("data/x", {}) == "data/x"
    # As upstream: one key per list item, str() of the rest, "&" after a query already there.
    assert raw.build_path_with_params("data/x", {"a": 1, "ids": ["p", "q"], "b": None, "c": True}) \
        == "data/x?a=1&ids=p&ids=q&b=None&c=True"
    assert raw.build_path_with_params("data/x?y=1", {"a": "x y/é"}) == "data/x?y=1&a=x+y%2F%C3%A9"
    client = raw.create_client("http://h/api")
    assert raw.get_full_url("data/x", client=client) == "http://h/api/data/x"
    assert raw.get_api_url_from_host(client) == "http://h"
    assert raw.get_event_host(client) == "http://h/api"  # as upstream: socket.io ignores the path
    assert raw.set_event_host("http://events", client) == "http://events" == raw.get_event_host(client)
    raw.set_event_host(None, client)
    assert raw.set_host("http://later/api", client) and raw.get_event_host(client) == "http://later/api"
    # As upstream, a client's event host is the host it was created with: set_host leaves it...
    created = raw.create_client("http://a.example/api")
    raw.set_host("http://b.example/api", created)
    assert raw.get_event_host(created) == "http://a.example/api"
    # ...but the default client's placeholder (a host that does not exist) follows the host.
    placeholder = raw.create_client("http://gazu.change.serverhost/api")
    raw.set_host("http://b.example/api", placeholder)
    assert raw.get_event_host(placeholder) == "http://b.example/api"
    for host, web in [("http://h/api/", "http://h/api/"), ("http://h/kitsu/api", "http://h/kitsu"),
                      ("http://h/apix", "http://h/apix"), ("http://h", "http://h")]:
        assert raw.get_api_url_from_host(raw.create_client(host)) == web  # only a final "/api" goes
    assert raw.set_host("http://other/api", client) == "http://other/api" == raw.get_host(client)


def test_top_level_host_functions_configure_the_default_client_in_place():
    default = raw.default_client
    previous = default.host
    try:
        gazu.set_host("http://studio/api")
        assert raw.default_client is default and gazu.get_host() == "http://studio/api"
        assert gazu.set_event_host("http://studio") is None and gazu.get_event_host() == "http://studio"
        assert gazu.set_host("http://studio/api") is None  # as upstream's (gazu.client.set_host returns it)
    finally:
        default.host, default.event_host = previous, None


def test_tokens_never_shown():
    client = raw.create_client("http://h/api", tokens={"access_token": "SECRET-A", "refresh_token": "SECRET-R"})
    assert "SECRET" not in repr(client)
    assert raw.make_auth_header(client) == {"User-Agent": "CGWire Gazu 1.3.1", "Authorization": "Bearer SECRET-A"}
    assert gazu.set_token("bot", client=client) == {"access_token": "bot"}
    assert raw.set_tokens({}, client) == {} and raw.make_auth_header(client) == {"User-Agent": "CGWire Gazu 1.3.1"}


def test_use_refresh_token_defaults_as_upstream():
    assert raw.KitsuClient("http://h/api").use_refresh_token is True
    assert raw.create_client("http://h/api").use_refresh_token is False
    assert raw.default_client.use_refresh_token is False


def test_tokens_can_be_set_one_by_one():
    client = raw.create_client("http://h/api")
    client.access_token = "token-a"
    client.refresh_token = "token-r"
    assert client.tokens == {"access_token": "token-a", "refresh_token": "token-r"}
    assert raw.make_auth_header(client)["Authorization"] == "Bearer token-a"


def test_tls_verification_is_on_by_default():
    assert raw.create_client("https://h/api").session.verify is True
    assert raw.create_client("https://h/api", ssl_verify=False).session.verify is False


def test_module_host_is_upstreams_default_host_constant(kitsu):
    # Studios' tests (and upstream's own) build mocked URLs from gazu.client.host; set_host leaves it.
    assert raw.host == "http://gazu.change.serverhost/api"
    gazu.set_host("http://other.test/api")
    assert raw.host == "http://gazu.change.serverhost/api"


def test_no_host_is_a_clear_error():
    client = raw.KitsuClient(HOST)
    client.host = ""
    with pytest.raises(gazu.exception.HostException, match="no host set"):
        raw.get("data/x", client=client)


# Status mapping -------------------------------------------------------------------


@pytest.mark.parametrize("status, exception", [
    (400, ParameterException), (401, NotAuthenticatedException), (403, NotAllowedException),
    (404, RouteNotFoundException), (405, MethodNotAllowedException), (409, GazuException),
    (413, TooBigFileException), (422, ValidationException), (500, ServerErrorException),
    (502, ServerErrorException), (503, ServerErrorException),
])
def test_error_status_raises_with_method_path_status_and_message(kitsu, status, exception):
    raw.default_client.retries = 0
    try:
        kitsu.on("GET", "data/projects/x", json={"message": "Project not found"}, status=status)
        with pytest.raises(exception) as caught:
            raw.get("data/projects/x")
    finally:
        raw.default_client.retries = raw.DEFAULT_RETRIES
    error = caught.value
    assert (error.method, error.path, error.status) == ("GET", "data/projects/x", status)
    assert error.server_message == "Project not found"
    assert str(error).startswith("GET data/projects/x: %d" % status)
    assert str(error).endswith(": Project not found")
    assert error.response.status_code == status
    assert "unit-test-token" not in str(error)


def test_html_error_page_is_quoted_briefly(kitsu):
    raw.default_client.retries = 0
    try:
        kitsu.on("GET", "data/x", body="<html><body>" + "Service Unavailable " * 50 + "</body></html>",
                 status=503, content_type="text/html")
        with pytest.raises(ServerErrorException) as caught:
            raw.get("data/x")
    finally:
        raw.default_client.retries = raw.DEFAULT_RETRIES
    assert "Service Unavailable" in str(caught.value) and len(str(caught.value)) < 300


def test_malformed_json_is_a_clear_error_not_a_json_decode_error(kitsu):
    kitsu.on("GET", "data/x", body="{not json", content_type="application/json")
    with pytest.raises(UnexpectedResponseException, match=r"GET data/x: 200 answer is not JSON .*\{not json"):
        raw.get("data/x")


def test_a_body_that_is_not_json_is_still_caught_as_upstream_s_decoding_error(kitsu):
    """Upstream let requests' JSONDecodeError out: handlers written for it (ValueError included) still catch."""
    import json
    import pickle

    kitsu.on("GET", "data/x", body="<html>proxy error</html>", content_type="text/html")
    for handled in (json.JSONDecodeError, requests.exceptions.JSONDecodeError, ValueError):
        with pytest.raises(handled) as caught:
            raw.get("data/x")
        assert isinstance(caught.value, UnexpectedResponseException) and caught.value.path == "data/x"
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (type(copy), str(copy), copy.status) == (UnexpectedResponseException, str(caught.value), 200)


class _Answer:
    """A minimal response, as studios' tests build them: a status, maybe a body."""

    def __init__(self, status, body=None, text=None):
        self.status_code = status
        if body is not None:
            self.json = lambda: body
        if text is not None:
            self.text = text


@pytest.mark.parametrize("answer, exception", [
    (_Answer(401), NotAuthenticatedException), (_Answer(403), NotAllowedException),
    (_Answer(404), RouteNotFoundException), (_Answer(405), MethodNotAllowedException),
    (_Answer(413), TooBigFileException), (_Answer(400), ParameterException),
    (_Answer(422, text="<html>502 Bad Gateway</html>"), ValidationException),
    (_Answer(500, text="Error on server"), ServerErrorException),
    (_Answer(502, '{"stacktrace": "s", "message": "error"}'), ServerErrorException),
])
def test_check_status_works_on_minimal_responses(answer, exception):
    with pytest.raises(exception) as caught:
        raw.check_status(answer, "/data/persons")
    assert "No additional information" in str(caught.value)
    assert raw.check_status(_Answer(200), "/") == (200, False)


def test_check_status_422_says_the_server_message():
    with pytest.raises(ValidationException, match="name: missing required field"):
        raw.check_status(_Answer(422, {"message": "name: missing required field"}), "/data/persons")


def test_errors_still_quote_the_token_library_and_field_dicts(kitsu):
    kitsu.on("GET", "data/a", json={"msg": "Token has expired"}, status=403)
    kitsu.on("GET", "data/b", json={"message": {"name": "Missing required parameter"}}, status=400)
    with pytest.raises(NotAllowedException, match="403 Forbidden: Token has expired$"):
        raw.get("data/a")
    with pytest.raises(ParameterException, match="name: Missing required parameter$"):
        raw.get("data/b")


def test_a_422_expired_signature_is_refreshed_and_replayed(kitsu):
    raw.default_client.tokens = {"access_token": "old", "refresh_token": "r"}
    kitsu.on("GET", "data/x", json={"message": "Signature has expired"}, status=422)
    kitsu.on("GET", "auth/refresh-token", json={"access_token": "new"})
    kitsu.on("GET", "data/x", json=[{"id": "1"}])
    assert raw.get("data/x") == [{"id": "1"}]
    assert [call.request.headers["Authorization"] for call in kitsu.mock.calls] == [
        "Bearer old", "Bearer r", "Bearer new"]


def test_check_status_and_messages():
    response = requests.Response()
    response.status_code, response._content = 404, b'{"message": "gone"}'
    with pytest.raises(RouteNotFoundException, match="gone"):
        raw.check_status(response, "data/x")
    response.status_code = 200
    assert raw.check_status(response, "data/x") == (200, False)
    assert raw.get_message_from_response(response) == "gone"
    assert raw.get_message_from_data({"error": "bad"}) == "bad"
    assert raw.get_message_from_data(None) == "No additional information"


# Retries ---------------------------------------------------------------------------


def test_get_is_retried_on_503_then_succeeds(kitsu, no_sleep):
    kitsu.on("GET", "data/x", status=503)
    kitsu.on("GET", "data/x", status=503)
    kitsu.on("GET", "data/x", json=[1])
    assert raw.get("data/x") == [1]
    assert len(kitsu.sent) == 3 and len(no_sleep) == 2
    assert no_sleep[1] >= no_sleep[0] * 0.5  # backoff grows (with jitter)


def test_retry_after_is_honoured(kitsu, no_sleep):
    kitsu.on("GET", "data/x", status=429, headers={"Retry-After": "7"})
    kitsu.on("GET", "data/x", json=[])
    assert raw.get("data/x") == []
    assert no_sleep == [7.0]


def test_retries_are_bounded(kitsu):
    for _ in range(10):
        kitsu.on("GET", "data/x", status=502)
    with pytest.raises(ServerErrorException):
        raw.get("data/x")
    assert len(kitsu.sent) == 1 + raw.DEFAULT_RETRIES


def test_retries_can_be_turned_off(kitsu):
    raw.default_client.retries = 0
    try:
        kitsu.on("GET", "data/x", status=503)
        with pytest.raises(ServerErrorException):
            raw.get("data/x")
    finally:
        raw.default_client.retries = raw.DEFAULT_RETRIES
    assert len(kitsu.sent) == 1


def test_post_is_not_retried_on_503(kitsu):
    kitsu.on("POST", "data/x", status=503)
    kitsu.on("POST", "data/x", json={})
    with pytest.raises(ServerErrorException):
        raw.post("data/x", {})
    assert len(kitsu.sent) == 1


def test_post_is_retried_when_the_connection_was_never_made(kitsu):
    refused = requests.exceptions.ConnectionError(
        __import__("urllib3").exceptions.NewConnectionError(None, "Connection refused"))
    kitsu.on("POST", "data/x", body=refused)
    kitsu.on("POST", "data/x", json={"id": 1})
    assert raw.post("data/x", {}) == {"id": 1}
    assert len(kitsu.sent) == 2


def test_post_is_not_retried_when_the_connection_dropped(kitsu):
    kitsu.on("POST", "data/x", body=requests.exceptions.ConnectionError("Connection reset by peer"))
    kitsu.on("POST", "data/x", json={"id": 1})
    with pytest.raises(NetworkException, match="POST data/x: cannot reach"):
        raw.post("data/x", {})
    assert len(kitsu.sent) == 1


def test_network_errors_are_gazu_and_requests_errors(kitsu):
    for _ in range(4):
        kitsu.on("GET", "data/x", body=requests.exceptions.ConnectionError("boom"))
    with pytest.raises(NetworkException) as caught:
        raw.get("data/x")
    assert isinstance(caught.value, requests.exceptions.ConnectionError)
    assert isinstance(caught.value, GazuException)


# Refresh on 401 ----------------------------------------------------------------


def test_401_refreshes_once_and_replays(kitsu):
    raw.default_client.tokens = {"access_token": "old", "refresh_token": "refresh"}
    kitsu.on("GET", "data/x", status=401, json={"msg": "Token has expired"})
    kitsu.on("GET", "auth/refresh-token", json={"access_token": "new"})
    kitsu.on("GET", "data/x", json=[1])
    assert raw.get("data/x") == [1]
    calls = kitsu.mock.calls
    assert calls[1].request.headers["Authorization"] == "Bearer refresh"
    assert calls[2].request.headers["Authorization"] == "Bearer new"
    assert raw.default_client.access_token == "new"


def test_401_without_refresh_token_raises(kitsu):
    kitsu.on("GET", "data/x", status=401, json={"msg": "Missing Authorization Header"})
    with pytest.raises(NotAuthenticatedException, match="Missing Authorization Header"):
        raw.get("data/x")
    assert len(kitsu.sent) == 1


def test_401_calls_the_not_authenticated_callback(kitsu):
    seen = []

    def callback(client, path):
        seen.append(path)
        client.tokens = {"access_token": "fresh"}
        return True

    raw.default_client.callback_not_authenticated = callback
    try:
        kitsu.on("GET", "data/x", status=401)
        kitsu.on("GET", "data/x", json=[2])
        assert raw.get("data/x") == [2]
    finally:
        raw.default_client.callback_not_authenticated = None
    assert seen == ["data/x"]


def test_many_threads_hitting_401_send_one_refresh(kitsu):
    raw.default_client.tokens = {"access_token": "old", "refresh_token": "refresh"}
    refreshes = []
    barrier = threading.Barrier(8)

    def data(request):
        if request.headers["Authorization"] == "Bearer old":
            barrier.wait(timeout=5)
            return 401, {}, "{}"
        return 200, {}, "[1]"

    def refresh(request):
        refreshes.append(1)
        return 200, {}, '{"access_token": "new"}'

    kitsu.mock.add_callback("GET", HOST + "/data/x", callback=data)
    kitsu.mock.add_callback("GET", HOST + "/auth/refresh-token", callback=refresh)
    results = []
    threads = [threading.Thread(target=lambda: results.append(raw.get("data/x"))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert results == [[1]] * 8
    assert len(refreshes) == 1


# Auth ---------------------------------------------------------------------------


def test_log_in_keeps_tokens_and_log_out_forgets_them(kitsu):
    kitsu.on("POST", "auth/login", json={"login": True, "user": {"id": "u"},
                                         "access_token": "A", "refresh_token": "R"})
    kitsu.on("GET", "auth/logout", json={"logout": True})
    result = gazu.log_in("me@example.com", "pw")
    assert result["user"] == {"id": "u"}
    assert kitsu.last == ("POST", "auth/login", {}, {"email": "me@example.com", "password": "pw", **NO_FACTORS})
    # the token in use goes along, as upstream sends it
    assert kitsu.mock.calls[0].request.headers["Authorization"] == "Bearer unit-test-token"
    assert raw.default_client.tokens == result  # the whole answer, as upstream
    assert raw.default_client.access_token == "A" and raw.default_client.refresh_token == "R"
    assert gazu.log_out() == {}  # the tokens left, as upstream (not the server's answer)
    assert kitsu.last[:2] == ("GET", "auth/logout")
    assert raw.default_client.tokens == {}



@pytest.mark.parametrize("status", [400, 401])
def test_log_out_of_a_session_the_server_forgot_still_logs_out(kitsu, status):
    raw.default_client.tokens = {"access_token": "A"}
    kitsu.on("GET", "auth/logout", status=status, json={"msg": "gone"})
    assert gazu.log_out() == {}
    assert raw.default_client.tokens == {}


def test_log_out_keeps_the_tokens_when_the_server_fails(kitsu):
    raw.default_client.tokens = {"access_token": "A"}
    kitsu.on("GET", "auth/logout", status=500, json={"message": "boom"})
    with pytest.raises(gazu.exception.ServerErrorException):
        gazu.log_out()
    assert raw.default_client.tokens == {"access_token": "A"}


def test_log_in_with_two_factor_fields(kitsu):
    kitsu.on("POST", "auth/login", json={"login": True, "access_token": "A"})
    gazu.log_in("me@example.com", "pw", totp="123456", recovery_code="ABCD")
    assert kitsu.last[3] == {"email": "me@example.com", "password": "pw", "totp": "123456", "email_otp": None,
                             "fido_authentication_response": None, "recovery_code": "ABCD"}


@pytest.mark.parametrize("answer", [{"login": True, "tokens": {"access_token": "A"}}, {"access_token": "A"},
                                    {"login": 0}])
def test_any_log_in_answer_but_a_refusal_is_kept_as_the_tokens(kitsu, answer):
    kitsu.on("POST", "auth/login", json=answer)
    assert gazu.log_in("me@example.com", "pw") == answer == raw.default_client.tokens


@pytest.mark.parametrize("answer", [{}, {"login": False}, {"login": False, "access_token": "A"}, [], "text"])
def test_a_log_in_answer_saying_no_raises_auth_failed(kitsu, answer):
    raw.default_client.tokens = {"access_token": "kept"}
    kitsu.on("POST", "auth/login", json=answer)
    with pytest.raises(gazu.AuthFailedException, match="log-in refused for me@example.com"):
        gazu.log_in("me@example.com", "pw")
    assert raw.default_client.tokens == {"access_token": "kept"}


@pytest.mark.parametrize("status", [400, 401])
def test_wrong_password_raises_auth_failed(kitsu, status):
    kitsu.on("POST", "auth/login", json={"login": False, "message": "Wrong password"}, status=status)
    with pytest.raises(gazu.AuthFailedException, match="Wrong password"):
        gazu.log_in("me@example.com", "nope")


def test_refresh_access_token(kitsu):
    raw.default_client.tokens = {"access_token": "A", "refresh_token": "R"}
    kitsu.on("GET", "auth/refresh-token", json={"access_token": "B"})
    assert gazu.refresh_access_token() == {"access_token": "B"}  # the server's answer, as upstream
    assert raw.default_client.tokens == {"access_token": "B", "refresh_token": "R"}


def test_send_email_otp(kitsu):
    kitsu.on("GET", "auth/email-otp", json={"success": True})
    assert gazu.send_email_otp("me@example.com") == {"success": True}
    assert kitsu.last == ("GET", "auth/email-otp", {"email": "me@example.com"}, None)


@responses.activate
def test_create_session_returns_a_logged_in_client():
    responses.add("POST", "http://other/api/auth/login", json={"login": True, "access_token": "A"})
    session = gazu.create_session("http://other/api", "me@example.com", "pw")
    assert session is not raw.default_client and session.access_token == "A"


@responses.activate
def test_host_is_up_and_valid():
    client = raw.create_client("http://up/api")
    responses.add("HEAD", "http://up/api", status=200)
    responses.add("POST", "http://up/api/auth/login", json={"message": "missing password"}, status=400)
    assert raw.host_is_up(client) and raw.host_is_valid(client)
    down = raw.create_client("http://down/api")
    responses.add("HEAD", "http://down/api", body=requests.exceptions.ConnectionError("refused"))
    assert not raw.host_is_up(down) and not raw.host_is_valid(down)


@responses.activate
@pytest.mark.parametrize("head, login, body, up, valid", [
    (200, 401, {}, True, True), (200, 400, {"message": "x"}, True, True), (200, 200, {}, True, True),
    (200, 404, {}, True, False), (200, 422, {}, True, False), (200, 200, "<html>", True, False),
    (301, 400, {}, False, False), (503, 400, {}, False, False),
])
def test_host_is_up_and_valid_as_upstream(head, login, body, up, valid):
    client = raw.create_client("http://up/api", retries=0)
    responses.add("HEAD", "http://up/api", status=head)
    kind = {"json": body} if isinstance(body, dict) else {"body": body}
    responses.add("POST", "http://up/api/auth/login", status=login, **kind)
    assert (raw.host_is_up(client), raw.host_is_valid(client)) == (up, valid)
    if valid:
        assert json.loads(responses.calls[-1].request.body) == {"email": ""}


@responses.activate
def test_host_is_up_and_valid_send_upstreams_headers():
    client = raw.create_client("http://up/api")
    raw.set_tokens({"access_token": "T"}, client)
    responses.add("HEAD", "http://up/api", status=200)
    responses.add("POST", "http://up/api/auth/login", json={"message": "missing password"}, status=400)
    assert raw.host_is_valid(client)
    head, login = (call.request.headers for call in responses.calls)
    assert head["User-Agent"] == requests.utils.default_user_agent() and "Authorization" not in head
    assert login["User-Agent"] == "CGWire Gazu 1.3.1" and login["Authorization"] == "Bearer T"


def test_logging_goes_to_the_gazu_logger_without_tokens(kitsu, caplog):
    kitsu.on("GET", "data/x", json=[])
    with caplog.at_level(logging.DEBUG):
        raw.get("data/x")
    assert {record.name for record in caplog.records} <= {"gazu"}
    assert "unit-test-token" not in caplog.text


# Files ---------------------------------------------------------------------------


def _form_parts(request) -> tuple[bytes, dict]:
    """Return a multipart request's body and its parts by field name (several with one name: a list)."""
    body = b"".join(request.body) if not isinstance(request.body, bytes) else request.body
    assert int(request.headers["Content-Length"]) == len(body)
    message = email.message_from_bytes(
        b"Content-Type: " + request.headers["Content-Type"].encode() + b"\r\n\r\n" + body)
    parts: dict = {}
    for part in message.get_payload():
        name = part.get_param("name", header="content-disposition")
        parts[name] = [parts[name], part] if name in parts else part
    return body, parts


def test_upload_sends_a_small_multipart_form_as_bytes(kitsu, tmp_path):
    picture = tmp_path / "frame.png"
    picture.write_bytes(b"\x89PNG" + os.urandom(3000))
    extra = tmp_path / "extra.txt"
    extra.write_bytes(b"hello")
    kitsu.on("POST", "pictures/preview-files/1", json={"id": "1"})
    progress = []
    result = raw.upload("pictures/preview-files/1", str(picture),
                        data={"name": "v1", "flag": True, "skipped": None, "tags": ["a", "b"], "count": 2},
                        extra_files=[str(extra)], progress_callback=lambda sent, total: progress.append((sent, total)))
    assert result == {"id": "1"}
    request = kitsu.mock.calls[0].request
    assert isinstance(request.body, bytes)  # what a requests_mock test reads
    body, parts = _form_parts(request)
    # Fields as requests encodes them: str(value), None left out, one field per list item.
    assert parts["name"].get_payload() == "v1" and parts["flag"].get_payload() == "True"
    assert "skipped" not in parts and [part.get_payload() for part in parts["tags"]] == ["a", "b"]
    assert parts["count"].get_payload() == "2"
    assert parts["file"].get_filename() == "frame.png" and parts["file"].get_payload(decode=True) == picture.read_bytes()
    assert "Content-Type" not in parts["file"] and "Content-Type" not in parts["file-1"]  # none, as upstream
    assert parts["file-1"].get_filename() == "extra.txt" and parts["file-1"].get_payload(decode=True) == b"hello"
    files_size = picture.stat().st_size + 5
    assert progress[-1] == (files_size, files_size)  # the files' bytes, as upstream counts them


def test_upload_takes_the_files_forms_requests_takes(kitsu, tmp_path):
    picture = tmp_path / "frame.png"
    picture.write_bytes(b"PNG-BYTES")
    kitsu.on("POST", "data/new-file", json={"id": "1"})
    progress = []
    with open(picture, "rb") as handle:
        raw.upload("data/new-file", str(tmp_path / "ignored-when-files-are-given.png"), files={
            "file": handle,
            "comments": (None, '[{"x": 1}]', "application/json"),
            "raw": b"some bytes",
            "named": ("notes.txt", b"text", "text/plain", {"X-Extra": "1"}),
            "path": str(picture),
            "text": "not a path",
        }, progress_callback=lambda sent, total: progress.append((sent, total)))
    _body, parts = _form_parts(kitsu.mock.calls[0].request)
    assert list(parts) == ["file", "comments", "raw", "named", "path", "text"]
    assert parts["file"].get_filename() == "frame.png" and parts["file"].get_payload(decode=True) == b"PNG-BYTES"
    assert parts["comments"].get_filename() is None and parts["comments"].get_content_type() == "application/json"
    assert parts["comments"].get_payload() == '[{"x": 1}]'
    assert parts["raw"].get_filename() == "raw" and parts["raw"].get_payload(decode=True) == b"some bytes"
    assert "Content-Type" not in parts["raw"]  # nothing to guess from: no part type, as requests sends it
    assert parts["named"].get_filename() == "notes.txt" and parts["named"]["X-Extra"] == "1"
    assert parts["path"].get_filename() == "frame.png" and parts["path"].get_payload(decode=True) == b"PNG-BYTES"
    assert parts["text"].get_filename() == "text" and parts["text"].get_payload(decode=True) == b"not a path"
    assert progress[-1] == (18, 18)  # the two parts read from files


@pytest.mark.parametrize("answer, message", [
    ({"message": "preview refused"}, "preview refused"),
    ({"error": "no such task"}, "no such task"),
    ({"error": True, "message": "Validation error."}, "Validation error."),
])
def test_upload_answered_with_a_message_fails(kitsu, tmp_path, answer, message):
    picture = tmp_path / "frame.png"
    picture.write_bytes(b"PNG")
    kitsu.on("POST", "data/new-file", json=answer)
    with pytest.raises(UploadFailedException) as caught:
        raw.upload("data/new-file", str(picture))
    assert str(caught.value) == message


@pytest.mark.parametrize("answer", [{"error": False, "id": "1"}, {"message": ""}, {"error": True}, [1, 2]])
def test_upload_answers_without_a_message_are_returned(kitsu, tmp_path, answer):
    picture = tmp_path / "frame.png"
    picture.write_bytes(b"PNG")
    kitsu.on("POST", "data/new-file", json=answer)
    assert raw.upload("data/new-file", str(picture)) == answer


def test_upload_streams_a_large_form_from_disk(kitsu, tmp_path, monkeypatch):
    monkeypatch.setattr(_transfer, "SMALL_BODY_LIMIT", 1000)
    picture = tmp_path / "frame.png"
    picture.write_bytes(os.urandom(5000))
    kitsu.on("POST", "data/new-file", json={"id": "1"})
    raw.upload("data/new-file", str(picture), data={"name": "v1"})
    request = kitsu.mock.calls[0].request
    assert isinstance(request.body, _transfer.MultipartBody)
    _body, parts = _form_parts(request)
    assert parts["name"].get_payload() == "v1" and parts["file"].get_payload(decode=True) == picture.read_bytes()


def test_a_small_file_that_changes_size_while_read_fails_the_upload(kitsu, tmp_path):
    picture = tmp_path / "frame.png"
    picture.write_bytes(b"x" * (3 * _transfer.CHUNK_SIZE))

    def grow(sent, total):
        with open(picture, "ab") as handle:
            handle.write(b"more")

    kitsu.on("POST", "data/new-file", json={"id": "1"})
    with pytest.raises(UploadFailedException, match="changed size"):
        raw.upload("data/new-file", str(picture), progress_callback=grow)
    assert kitsu.sent == []


def test_upload_of_a_missing_file_fails_before_any_request(kitsu, tmp_path):
    with pytest.raises(FileDoesntExistException, match="file_path: no such file"):
        raw.upload("pictures/x", str(tmp_path / "missing.png"))
    with pytest.raises(InvalidArgumentException, match="file_path"):
        raw.upload("pictures/x", 42)
    assert kitsu.sent == []


def test_download_writes_the_file_atomically(kitsu, tmp_path):
    target = tmp_path / "movie.mp4"
    kitsu.on("GET", "movies/originals/preview-files/1.mp4", body=b"x" * 5000)
    progress = []
    response = raw.download("movies/originals/preview-files/1.mp4", str(target),
                            progress_callback=lambda got, total: progress.append(got))
    assert response.status_code == 200
    assert target.read_bytes() == b"x" * 5000
    assert progress[-1] == 5000
    assert os.listdir(tmp_path) == ["movie.mp4"]


def test_failed_download_keeps_the_previous_file(kitsu, tmp_path):
    target = tmp_path / "movie.mp4"
    target.write_bytes(b"previous good file")
    raw.default_client.retries = 0
    try:
        kitsu.on("GET", "movies/x.mp4", status=404, json={"message": "not found"})
        with pytest.raises(RouteNotFoundException):
            raw.download("movies/x.mp4", str(target))
    finally:
        raw.default_client.retries = raw.DEFAULT_RETRIES
    assert target.read_bytes() == b"previous good file"
    assert os.listdir(tmp_path) == ["movie.mp4"]


def test_download_into_a_missing_folder_fails_before_any_request(kitsu, tmp_path):
    # a FileNotFoundError, as upstream's open() raises (after its request)
    with pytest.raises(FileNotFoundError, match="file_path: folder"):
        raw.download("movies/x.mp4", str(tmp_path / "nope" / "x.mp4"))
    assert kitsu.sent == []
    assert DownloadFileException  # the class a cut download raises (tests/faults)


def test_download_waits_while_the_server_is_still_processing(kitsu, tmp_path, no_sleep):
    target = tmp_path / "movie.mp4"
    kitsu.on("GET", "movies/x.mp4", status=202, json={"status": "processing"}, headers={"Retry-After": "2"})
    kitsu.on("GET", "movies/x.mp4", status=202, body=b"")
    kitsu.on("GET", "movies/x.mp4", body=b"done")
    raw.download("movies/x.mp4", str(target))
    assert target.read_bytes() == b"done"
    assert no_sleep == [2, raw.DEFAULT_RETRY_AFTER]  # the server's Retry-After, else 5 s
    assert all(call.request.headers["Accept"] == "application/json, */*;q=0.1" for call in kitsu.mock.calls)


def test_download_without_a_file_path_keeps_the_body_in_the_response(kitsu, tmp_path, no_sleep):
    kitsu.on("GET", "pictures/x.png", status=202, json={"status": "processing"}, headers={"Retry-After": "0"})
    kitsu.on("GET", "pictures/x.png", body=b"PNG-BYTES")
    response = raw.download("pictures/x.png", None)
    assert response.content == b"PNG-BYTES" and response.status_code == 200


def test_a_423_is_an_error_not_a_preview_being_processed(kitsu, tmp_path):
    raw.default_client.retries = 0
    try:
        kitsu.on("GET", "movies/x.mp4", status=423, json={"message": "locked"})
        with pytest.raises(GazuException, match="423"):
            raw.download("movies/x.mp4", str(tmp_path / "movie.mp4"))
    finally:
        raw.default_client.retries = raw.DEFAULT_RETRIES
    assert len(kitsu.sent) == 1 and os.listdir(tmp_path) == []


@pytest.mark.parametrize("headers, budget, delay", [
    ({}, 100, 5), ({"Retry-After": "soon"}, 100, 5), ({"Retry-After": "3"}, 100, 3),
    ({"Retry-After": "-5"}, 100, 0), ({"Retry-After": "3600"}, 0.05, 0.05), ({"Retry-After": "5"}, -10, 0),
])
def test_retry_after_of_a_file_still_processed(headers, budget, delay):
    class Answer:
        pass
    answer = Answer()
    answer.headers = headers
    assert raw._retry_after(answer, raw.time.monotonic() + budget) == pytest.approx(delay, abs=0.01)


def test_download_gives_up_when_processing_outlasts_the_timeout(kitsu, tmp_path):
    kitsu.on("GET", "movies/x.mp4", status=202, json={"status": "processing"})
    with pytest.raises(gazu.exception.PreviewFileProcessingException, match="still being processed after 0s"):
        raw.download("movies/x.mp4", str(tmp_path / "movie.mp4"), processing_timeout=0)
    assert os.listdir(tmp_path) == []


# Paths and ids that would send a request to the wrong URL ----------------------------


@pytest.mark.parametrize("call", [
    lambda: raw.get(None), lambda: raw.post(None, {}), lambda: raw.put(None, {}), lambda: raw.delete(None),
    lambda: raw.fetch_all(None), lambda: raw.fetch_first(None), lambda: raw.create(None, {}),
    lambda: raw.fetch_one(None, "id-1"), lambda: raw.update(None, "id-1", {}),
    lambda: raw.get(42), lambda: raw.get_file_data_from_url(None), lambda: raw.import_data("../x", {}),
], ids=["get", "post", "put", "delete", "fetch_all", "fetch_first", "create", "fetch_one", "update", "get-42",
        "get_file_data_from_url", "import_data"])
def test_a_missing_path_is_a_bad_argument_and_nothing_is_sent(kitsu, call):
    with pytest.raises(InvalidArgumentException, match=r"^(path|model_name|url): expected"):
        call()
    assert kitsu.sent == []


def test_a_missing_download_or_upload_path_is_a_bad_argument(kitsu, tmp_path):
    movie = tmp_path / "movie.mov"
    movie.write_bytes(b"x")
    with pytest.raises(InvalidArgumentException, match="^path: expected"):
        raw.download(None, str(tmp_path / "out.mov"))
    with pytest.raises(InvalidArgumentException, match="^path: expected"):
        raw.upload(None, str(movie))
    assert kitsu.sent == []


@pytest.mark.parametrize("bad_id", ["../projects", "a/b", "x?y=1", "x#y", "%2e%2e", "..", "", None, 42, " x"])
def test_ids_that_would_change_the_url_are_refused_before_sending(kitsu, bad_id):
    with pytest.raises(InvalidArgumentException, match=r"^id: expected an id"):
        raw.fetch_one("persons", bad_id)
    with pytest.raises(InvalidArgumentException, match=r"^model_id: expected an id"):
        raw.update("persons", bad_id, {"name": "x"})
    assert kitsu.sent == []


def test_model_names_that_would_change_the_url_are_refused(kitsu):
    for model_name in ("../auth", "persons?x=1", "", "persons/../projects"):
        with pytest.raises(InvalidArgumentException, match=r"^model_name: expected"):
            raw.fetch_one(model_name, "id-1")
    assert kitsu.sent == []


def test_made_up_ids_are_sent_as_given(kitsu):
    kitsu.on("GET", "data/persons/person-01", json={"id": "person-01"})
    kitsu.on("PUT", "data/persons/person-01", json={"id": "person-01"})
    assert raw.fetch_one("persons", "person-01") == {"id": "person-01"}
    assert raw.update("persons", "person-01", {"name": "x"}) == {"id": "person-01"}


# Setting up: hosts, tokens, credentials ---------------------------------------------------


@pytest.mark.parametrize("bad_host", [None, 42, "", "   ", b"http://kitsu.test/api", "ftp://kitsu.test/api",
                                      "htp://kitsu.test/api", "http://kitsu .test/api", "http://kitsu.test/api\n"])
def test_set_host_refuses_what_cannot_be_a_url(bad_host):
    client = raw.create_client(HOST)
    for setter, name in ((raw.set_host, "new_host"), (raw.set_event_host, "new_host"),
                         (gazu.set_host, "url"), (gazu.set_event_host, "url")):
        if bad_host is None and setter in (raw.set_event_host, gazu.set_event_host):
            continue  # None: the event stream follows the host
        with pytest.raises(InvalidArgumentException, match="^%s: expected an http:// or https:// URL" % name):
            setter(bad_host, client=client)
    assert client.host == HOST == client.event_host  # as upstream, the event host is the host given


@pytest.mark.parametrize("bad_host", [42, "", "kitsu.test/api", "localhost:8080/api", "ftp://kitsu.test/api"])
def test_new_clients_refuse_a_host_that_is_not_an_http_url(bad_host):
    with pytest.raises(InvalidArgumentException, match="^host: expected an http:// or https:// URL"):
        raw.create_client(bad_host)
    with pytest.raises(InvalidArgumentException, match="^host: expected an http:// or https:// URL"):
        raw.KitsuClient(bad_host)
    with pytest.raises(InvalidArgumentException, match="^event_host: expected an http:// or https:// URL"):
        raw.KitsuClient(HOST, event_host=bad_host or "x")


def test_a_host_set_without_scheme_is_kept_but_refused_at_the_first_request(kitsu):
    client = raw.create_client(HOST)
    assert raw.set_host("newhost", client=client) == "newhost"  # upstream's own tests do this
    assert raw.get_host(client=client) == "newhost"
    with pytest.raises(gazu.exception.HostException, match="host 'newhost' is not an http:// or https:// URL"):
        raw.get("data/projects", client=client)
    assert kitsu.sent == []


def test_credentials_written_in_the_host_never_show(kitsu):
    client = raw.create_client("https://render:s3cret-pw@kitsu.test/api", retries=0)
    assert "s3cret" not in repr(client) and "render" not in repr(client)
    kitsu.mock.add("GET", "https://kitsu.test/api/data/projects",
                   body=requests.exceptions.ConnectionError("refused"))
    with pytest.raises(NetworkException) as caught:
        raw.get("data/projects", client=client)
    assert "s3cret" not in str(caught.value) and "https://***@kitsu.test/api" in str(caught.value)
    client.host = "render:s3cret-pw@kitsu.test/api"
    with pytest.raises(gazu.exception.HostException) as caught:
        raw.get("data/projects", client=client)
    assert "s3cret" not in str(caught.value)


@pytest.mark.parametrize("token", [["a", "b"], 42, b"bytes-token"])
def test_set_token_refuses_what_is_neither_a_token_nor_tokens(token):
    client = raw.create_client(HOST)
    with pytest.raises(InvalidArgumentException, match="^token: expected an access token string or a dict"):
        gazu.set_token(token, client=client)
    assert client.tokens == {}


@pytest.mark.parametrize("tokens", [42, "a-token", ["a"]])
def test_set_tokens_refuses_what_is_not_a_dict(tokens):
    client = raw.create_client(HOST)
    with pytest.raises(InvalidArgumentException, match="^new_tokens: expected a dict"):
        raw.set_tokens(tokens, client=client)


@pytest.mark.parametrize("email, password, name", [
    (b"me@example.com", "pw", "email"), (None, "pw", "email"), (42, "pw", "email"),
    ("me@example.com", None, "password"), ("me@example.com", b"pw", "password")])
def test_log_in_refuses_credentials_that_are_not_strings_and_sends_nothing(kitsu, email, password, name):
    with pytest.raises(InvalidArgumentException, match="^%s: expected a string" % name) as caught:
        gazu.log_in(email, password)
    assert "pw" not in str(caught.value)  # a password is never quoted
    assert kitsu.sent == []


@pytest.mark.parametrize("email", [None, 42, b"me@example.com"])
def test_send_email_otp_refuses_an_email_that_is_not_a_string(kitsu, email):
    with pytest.raises(InvalidArgumentException, match="^email: expected a string"):
        gazu.send_email_otp(email)
    assert kitsu.sent == []


# What requests takes from the environment ------------------------------------------------


class RecordingAdapter(requests.adapters.BaseAdapter):
    """A transport that answers 200 [] and records the ``verify`` each request was sent with."""

    def __init__(self):
        super().__init__()
        self.verify = []

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        self.verify.append(verify)
        response = requests.Response()
        response.status_code, response._content, response.request = 200, b"[]", request
        response.headers["Content-Type"] = "application/json"
        return response

    def close(self):
        pass


@pytest.mark.parametrize("ssl_verify, sent", [(False, False), ("/etc/studio-ca.pem", "/etc/studio-ca.pem"),
                                              (True, "/etc/ca-from-the-environment.pem")])
def test_an_explicit_ssl_verify_wins_over_requests_ca_bundle(monkeypatch, ssl_verify, sent):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ca-from-the-environment.pem")
    client = raw.create_client("https://kitsu.test/api", ssl_verify=ssl_verify)
    adapter = RecordingAdapter()
    client.session.mount("https://", adapter)
    assert raw.get("data/projects", client=client) == []
    assert adapter.verify == [sent]
