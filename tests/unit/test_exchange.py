"""The exchange core (gazu/_exchange.py), once for both clients: scripted answers and failures in, decisions out.

No HTTP here, as in h11's tests: the answers are plain objects, the clock
is a number. The sync and async clients' own tests only check that they
carry these decisions out (tests/unit/test_client.py, test_aio.py) and
the fault suite that they hold against a misbehaving server; the last
tests here check that the two drivers stay line-aligned twins.
"""

from __future__ import annotations

import ast
import difflib
import email.utils
import os

import pytest

from gazu import _exchange
from gazu._exchange import ASYNC, CALLBACK, DONE, REFRESH, SEND, SYNC
from gazu.exception import (
    DownloadFileException,
    GazuException,
    HostException,
    InvalidArgumentException,
    MethodNotAllowedException,
    NetworkException,
    NotAllowedException,
    NotAuthenticatedException,
    ParameterException,
    PreviewFileProcessingException,
    RouteNotFoundException,
    ServerErrorException,
    TimeoutException,
    TooBigFileException,
    UnexpectedResponseException,
    UploadFailedException,
    ValidationException,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Answer:
    """A scripted answer: what the core reads of a requests or aiohttp response."""

    def __init__(self, status=200, json=None, text=None, headers=None, reason=None):
        self.status_code, self.reason, self.closed = status, reason, False
        self.headers = dict(headers or {})
        if json is not None:
            text = __import__("json").dumps(json)
            self.headers.setdefault("Content-Type", "application/json")
        self.text = text or ""
        self._content = self.text.encode()

    @property
    def content(self):
        return self._content

    def json(self):
        return __import__("json").loads(self.text)

    def close(self):
        self.closed = True


class Client(_exchange.ClientState):
    """The state a client holds, without a transport."""

    def __init__(self, host="http://kitsu.test/api", dialect=SYNC, **settings):
        self.dialect = dialect
        options = dict(use_refresh_token=True, callback_not_authenticated=None, tokens=None, access_token="A",
                       refresh_token="R", event_host=None, timeout=None, total_timeout=300.0, retries=3,
                       backoff_factor=0.5, max_backoff=30.0)
        options.update(settings)
        self._configure(host, **options)


@pytest.fixture(autouse=True)
def no_jitter(monkeypatch):
    """Backoff delays without their random part: the top of each jittered range."""
    monkeypatch.setattr(_exchange.random, "uniform", lambda low, high: high)


# Retries after answers --------------------------------------------------------------------

RETRY_AFTER_DATE = email.utils.formatdate(1_000_060, usegmt=True)


@pytest.mark.parametrize("method, retry, settings, statuses, decisions, final", [
    # idempotent methods: 429, 502, 503, 504 are sent again, delays doubling from backoff_factor
    ("GET", True, {}, [503, 503, 200], [0.5, 1.0, None], 200),
    ("PUT", True, {}, [502, 504, 429, 503], [0.5, 1.0, 2.0, None], 503),  # the budget: 3 retries
    ("DELETE", True, {"retries": 1}, [429, 429], [0.5, None], 429),
    ("HEAD", True, {"backoff_factor": 20.0}, [503, 503, 503], [20.0, 30.0, 30.0], None),  # up to max_backoff
    ("GET", True, {"retries": 0}, [503], [None], 503),
    ("GET", False, {}, [503], [None], 503),  # retry=False: the call's own choice
    ("GET", True, {}, [500, 404, 401], [None], 500),  # not statuses of a busy server
    # a POST may have been carried out: never sent again after an answer
    ("POST", True, {}, [503, 200], [None], 503),
    ("post", True, {}, [429], [None], 429),
    # a DELETE answered 404 after a retry: an earlier attempt, answered with an error, deleted it
    ("DELETE", True, {}, [503, 404], [0.5, None], 204),
    ("DELETE", True, {}, [502, 502, 404], [0.5, 1.0, None], 204),
    ("DELETE", True, {}, [429, 404], [0.5, None], 404),  # 429: the server did nothing
    ("DELETE", True, {}, [404], [None], 404),
    ("GET", True, {}, [503, 404], [0.5, None], 404),
])
def test_which_answers_are_sent_again_and_after_how_long(method, retry, settings, statuses, decisions, final):
    attempts = _exchange.Attempts(Client(**settings), method.upper(), "data/x", retry)
    answers = [Answer(status) for status in statuses]
    got = []
    for answer in answers:
        got.append(attempts.after_answer(answer))
        if got[-1] is None:
            break
    assert got == decisions
    if final is not None:
        assert answers[len(got) - 1].status_code == final


@pytest.mark.parametrize("retry_after, delay", [
    ("7", 7.0), ("0", 0.0), ("0.25", 0.25), ("-3", 0.0), ("3600", 30.0),  # never more than max_backoff
    ("soon", 0.5), ("", 0.5),  # unreadable: the backoff
])
def test_retry_after_sets_the_delay_of_a_busy_answer(retry_after, delay):
    attempts = _exchange.Attempts(Client(), "GET", "data/x")
    assert attempts.after_answer(Answer(429, headers={"Retry-After": retry_after})) == delay


@pytest.mark.parametrize("value, seconds", [
    ("7", 7.0), ("1.5", 1.5), ("-1", 0.0), ("soon", None), ("", None), (None, None),
    (RETRY_AFTER_DATE, 60.0), (email.utils.formatdate(999_000, usegmt=True), 0.0),  # a date: from now
])
def test_retry_after_seconds(value, seconds):
    headers = {} if value is None else {"Retry-After": value}
    assert _exchange.retry_after_seconds(headers, now=1_000_000) == seconds


# Retries after failures --------------------------------------------------------------------


def dropped(**facts):
    return _exchange.Failure(ConnectionResetError("Connection reset by peer"), **facts)


@pytest.mark.parametrize("method, failures, decisions, error, message", [
    # idempotent: any connection failure is tried again, within the budget
    ("GET", [dropped(), dropped(), dropped(), dropped()], [0.5, 1.0, 2.0, None], NetworkException,
     "GET data/x: cannot reach http://kitsu.test/api: ConnectionResetError: Connection reset by peer"),
    ("PUT", [dropped(never_connected=True), dropped()], [0.5, 1.0], None, None),
    # a POST only when no byte was sent
    ("POST", [dropped()], [None], NetworkException, "POST data/x: cannot reach"),
    ("POST", [dropped(never_connected=True), dropped()], [0.5, None], NetworkException, "POST data/x: cannot"),
    ("POST", [dropped(never_connected=True, connect_timeout=True)] * 4, [0.5, 1.0, 2.0, None], TimeoutException,
     "POST data/x: cannot reach"),
    # a read or total timeout: the server may be at work, never sent again
    ("GET", [dropped(timed_out=True, reason="no answer from http://kitsu.test/api within 120.0s")], [None],
     TimeoutException, "GET data/x: no answer from http://kitsu.test/api within 120.0s"),
])
def test_which_failures_are_sent_again(method, failures, decisions, error, message):
    attempts = _exchange.Attempts(Client(), method, "data/x")
    got = []
    for failure in failures:
        got.append(attempts.after_failure(failure))
        if got[-1] is None:
            break
    assert got == decisions
    if error is not None:
        raised = attempts.error(failures[len(got) - 1], "http://kitsu.test/api")
        assert type(raised) is error and str(raised).startswith(message)
        assert (raised.method, raised.path) == (method, "data/x")


def test_one_decision_for_an_attempts_outcome():
    attempts = _exchange.Attempts(Client(), "GET", "data/x")
    busy = Answer(503)
    assert attempts.after(busy) == 0.5 and busy.closed  # an answer sent again is released
    assert attempts.after(dropped()) == 1.0
    kept = Answer(200)
    assert attempts.after(kept) is None and not kept.closed
    with pytest.raises(NetworkException, match="^POST data/x: cannot reach http://kitsu.test/api: ") as caught:
        _exchange.Attempts(Client(), "POST", "data/x").after(dropped())
    assert isinstance(caught.value.__cause__, ConnectionResetError)


def test_an_answer_after_a_dropped_connection_may_mean_done():
    attempts = _exchange.Attempts(Client(), "DELETE", "data/x")
    assert attempts.after_failure(dropped()) == 0.5
    answer = Answer(404)
    assert attempts.after_answer(answer) is None and (answer.status_code, answer.content) == (204, b"")
    never_sent = _exchange.Attempts(Client(), "DELETE", "data/x")
    never_sent.after_failure(dropped(never_connected=True))
    answer = Answer(404)
    assert never_sent.after_answer(answer) is None and answer.status_code == 404


def test_the_error_hides_credentials_of_the_host():
    error = _exchange.Attempts(Client(), "GET", "p").error(dropped(), "http://bot:s3cret@kitsu.test/api")
    assert "s3cret" not in str(error) and "http://***@kitsu.test/api" in str(error)


@pytest.mark.parametrize("failures, decisions, reason", [
    ([dropped(), dropped(), dropped(), dropped()], [0.5, 1.0, 2.0], "ConnectionResetError: Connection reset by peer"),
    ([dropped(network=False)], [], "ConnectionResetError: Connection reset by peer"),  # the disk: not again
    ([dropped(timed_out=True, reason="transfer stalled: less than 1024 bytes moved in 1s")], [],
     "transfer stalled: less than 1024 bytes moved in 1s"),
])
def test_a_cut_download_is_downloaded_again_within_the_budget(failures, decisions, reason):
    cuts = _exchange.Attempts(Client(), "GET", "movie")
    got = []
    with pytest.raises(DownloadFileException) as caught:
        for failure in failures:
            got.append(cuts.after_cut(failure, "/shots/sh010.mov", Answer(200)))
    assert got == decisions
    assert str(caught.value) == "GET movie: download failed (%s); /shots/sh010.mov was left untouched" % reason
    assert caught.value.__cause__ is failures[-1].error and caught.value.status == 200


# The 401 rule -------------------------------------------------------------------------------


def run_flow(client, request, answers, refreshed=False, callback=False):
    """Carry the 401 rule out as a driver does; return the steps taken, the headers sent and the final answer."""
    flow, reply, steps, sent = _exchange.authenticated_exchange(client, request), None, [], []
    answers = iter(answers)
    while True:
        step, value = flow.send(reply)
        if step == DONE:
            return steps, sent, value
        steps.append(step)
        if step == SEND:
            sent.append(dict(value.headers or {}))
            reply = next(answers)
        elif step == REFRESH:
            assert value == sent[-1].get("Authorization", "Bearer None").split()[-1]  # the token refused
            if refreshed:
                client.tokens = {**client.tokens, "access_token": "new"}
            reply = refreshed
        else:
            assert step == CALLBACK and value == request.path
            reply = callback


def prepared(client, path="data/x", authenticated=True, headers=None):
    return _exchange.prepare(client, "GET", path, None, None, headers, False, authenticated, False, True, True, {})


EXPIRED = {"message": "Signature has expired"}


@pytest.mark.parametrize("dialect, path, authenticated, answers, refreshed, callback, steps, final", [
    (SYNC, "data/x", True, [Answer(200)], False, False, [SEND], 200),
    (SYNC, "data/x", True, [Answer(401), Answer(200)], True, False, [SEND, REFRESH, SEND], 200),
    (SYNC, "data/x", True, [Answer(401), Answer(200)], False, True,
     [SEND, REFRESH, CALLBACK, SEND], 200),
    (SYNC, "data/x", True, [Answer(401)], False, False, [SEND, REFRESH, CALLBACK], 401),
    (SYNC, "data/x", True, [Answer(401), Answer(401)], True, True, [SEND, REFRESH, SEND], 401),  # once
    (SYNC, "data/x", False, [Answer(401)], True, True, [SEND], 401),  # sent without a token: nothing to renew
    (SYNC, "auth/login", True, [Answer(401)], True, True, [SEND], 401),  # a refused log-in is a refusal
    (SYNC, "auth/refresh-token", True, [Answer(401)], True, True, [SEND], 401),
    (SYNC, "data/x", True, [Answer(403)], True, True, [SEND], 403),
    # upstream's sync client takes a 422 saying "Signature has expired" for a 401; its async one does not
    (SYNC, "data/x", True, [Answer(422, EXPIRED), Answer(200)], True, False, [SEND, REFRESH, SEND], 200),
    (ASYNC, "data/x", True, [Answer(422, EXPIRED)], True, False, [SEND], 422),
    (ASYNC, "data/x", True, [Answer(401), Answer(200)], True, False, [SEND, REFRESH, SEND], 200),
    (SYNC, "data/x", True, [Answer(422, {"message": "Signature verification failed"})], True, False, [SEND], 422),
])
def test_the_401_rule(dialect, path, authenticated, answers, refreshed, callback, steps, final):
    client = Client(dialect=dialect)
    request = prepared(client, path, authenticated, headers={"X-Extra": "1"})
    taken, sent, answer = run_flow(client, request, answers, refreshed, callback)
    assert taken == steps and answer.status_code == final
    assert all(headers["X-Extra"] == "1" for headers in sent)
    if authenticated:
        assert sent[0]["Authorization"] == "Bearer A" and sent[0]["User-Agent"] == _exchange.USER_AGENT
        if refreshed and len(sent) == 2:
            assert sent[1]["Authorization"] == "Bearer new"  # the replay carries the new token
    else:
        assert "Authorization" not in sent[0]
    assert [answer.closed for answer in answers[:len(sent)]] == [True] * (len(sent) - 1) + [False]  # replayed: released


def test_the_given_headers_win_over_the_token():
    client = Client()
    request = prepared(client, headers={"Authorization": "Bearer R"})
    _steps, sent, _answer = run_flow(client, request, [Answer(200)])
    assert sent == [{"User-Agent": _exchange.USER_AGENT, "Authorization": "Bearer R"}]


# Requests and answers ---------------------------------------------------------------------


@pytest.mark.parametrize("dialect, data, sent", [
    (SYNC, None, {"data": "null", "headers": {"Content-Type": "application/json"}}),  # as upstream's sync client
    (ASYNC, None, {"json": None}),  # upstream's aio sends no body
    (SYNC, {"a": 1}, {"json": {"a": 1}}), (ASYNC, [1], {"json": [1]}), (SYNC, 0, {"json": 0}),
])
def test_a_json_body(dialect, data, sent):
    assert _exchange.request_body(data, dialect) == sent


def test_prepare_makes_the_url_and_the_json_body():
    client = Client()
    request = _exchange.prepare(client, "post", "data/x", {"a": 1}, {"day": __import__("datetime").date(2024, 1, 2)},
                                {"X": "1"}, False, True, False, True, True, {"deadline": "d", "allow_redirects": False})
    assert (request.method, request.url, request.params, request.deadline) == (
        "POST", "http://kitsu.test/api/data/x", {"a": 1}, "d")
    assert request.data == '{"day": "2024-01-02"}' and request.options == {"allow_redirects": False}
    assert request.given_headers == {"Content-Type": "application/json", "X": "1"}
    full = _exchange.prepare(client, "GET", "http://cdn.test/f.png", None, None, None, True, False, True, True, True,
                             {})
    assert full.url == "http://cdn.test/f.png" and full.data is None and full.stream


@pytest.mark.parametrize("host, path, error, message", [
    ("http://kitsu.test/api", None, InvalidArgumentException, "path: expected an API path string, got None"),
    ("http://kitsu.test/api", 42, InvalidArgumentException, "path: expected an API path string"),
    (None, "data/x", HostException, "no host set"),
    ("kitsu.test/api", "data/x", HostException, "host 'kitsu.test/api' is not an http:// or https:// URL"),
])
def test_nothing_is_prepared_that_cannot_be_sent(host, path, error, message):
    client = Client(host=None)
    client.host = host
    with pytest.raises(error, match=message):
        _exchange.prepare(client, "GET", path, None, None, None, False, True, False, True, True, {})


def test_an_answer_is_logged_with_its_time_and_the_clock_read_only_for_debug(caplog):
    request = _exchange.prepare(Client(), "GET", "data/x", None, None, None, False, True, False, True, True, {})
    read = []

    def clock():
        read.append(1)
        return 10.25

    with caplog.at_level("INFO", logger="gazu"):
        _exchange.log_answer(request, 200, 10.0, clock)
    assert read == [] and caplog.records == []
    with caplog.at_level("DEBUG", logger="gazu"):
        _exchange.log_answer(request, 200, 10.0, clock)
    assert read == [1] and [record.getMessage() for record in caplog.records] == ["GET data/x -> 200 (250 ms)"]


def test_a_body_made_again_for_each_attempt():
    made = []
    request = _exchange.prepare(Client(), "POST", "upload", None, None, None, False, True, False, True, True,
                                {"body_factory": lambda: made.append(1) or len(made)})
    request.next_attempt()
    request.next_attempt()
    assert request.data == 2 and request.body_factory is not None


@pytest.mark.parametrize("status, exception", [
    (400, ParameterException), (401, NotAuthenticatedException), (403, NotAllowedException),
    (404, RouteNotFoundException), (405, MethodNotAllowedException), (413, TooBigFileException),
    (422, ValidationException), (500, ServerErrorException), (502, ServerErrorException),
    (503, ServerErrorException), (418, GazuException), (200, None), (204, None), (302, None),
])
def test_the_status_table(status, exception):
    answer = Answer(status, {"message": "said so"}, reason="Reason")
    if exception is None:
        assert _exchange.raise_for_response(answer, "GET", "data/x") is None
        return
    with pytest.raises(exception) as caught:
        _exchange.raise_for_response(answer, "GET", "data/x")
    assert type(caught.value) is exception and str(caught.value) == "GET data/x: %d Reason: said so" % status
    assert (caught.value.status, caught.value.server_message, caught.value.response) == (status, "said so", answer)


@pytest.mark.parametrize("answer, message", [
    (Answer(500, text="<html><h1>Oops</h1></html>", headers={"Content-Type": "text/html"}),
     "GET p: 500: No additional information (<html><h1>Oops</h1></html>)"),
    (Answer(400, {"msg": "Token has expired"}), "GET p: 400: Token has expired"),
    (Answer(400, {"message": {"name": "required"}}), "GET p: 400: name: required"),
    (Answer(400, {"message": "bad", "data": {"errors": [{"field": "a", "message": "b"}]}}), "GET p: 400: bad (a: b)"),
    (Answer(404, {}), "GET p: 404: No additional information"),
])
def test_error_messages_say_what_the_server_said(answer, message):
    with pytest.raises(GazuException) as caught:
        _exchange.raise_for_response(answer, "GET", "p")
    assert str(caught.value) == message


@pytest.mark.parametrize("method, status, cleared", [
    ("POST", 201, True), ("PUT", 200, True), ("DELETE", 204, True), ("POST", 400, False),
    ("GET", 200, False), ("HEAD", 200, False),
])
def test_a_successful_write_clears_the_caches(monkeypatch, method, status, cleared):
    calls = []
    monkeypatch.setattr(_exchange._cache, "clear_all", lambda: calls.append(1))
    request = _exchange.prepare(Client(), method, "data/x", None, None, None, False, True, False, True, False, {})
    assert _exchange.finish(Answer(status), request).status_code == status
    assert calls == ([1] if cleared else [])


@pytest.mark.parametrize("answer, result", [
    (Answer(200, {"a": 1}), {"a": 1}), (Answer(200, [1, 2]), [1, 2]), (Answer(204), None),
    (Answer(200, text="<html><body>Sign in</body></html>", headers={"Content-Type": "text/html"}),
     "POST p: 200 answer is not JSON (text/html): <html><body>Sign in</body></html>"),
    (Answer(200, text='{"id": "1", oops'), "POST p: 200 answer is not JSON (no content type): {\"id\": \"1\", oops"),
])
def test_an_answer_is_json_or_a_clear_error(answer, result):
    if isinstance(result, str):
        with pytest.raises(UnexpectedResponseException) as caught:
            _exchange.decode_json(answer, "POST", "p")
        assert str(caught.value) == result and caught.value.response is answer
    else:
        assert _exchange.decode_json(answer, "POST", "p") == result


@pytest.mark.parametrize("body, refusal", [
    ({"message": "movie too long"}, "movie too long"), ({"error": "no codec"}, "no codec"),
    ({"error": False, "id": "1"}, None), ({"message": ""}, None), ([1], None), ({"error": True}, None),
])
def test_an_upload_answered_with_a_message_failed(body, refusal):
    if refusal is None:
        assert _exchange.upload_answer(Answer(201, body), "up") == body
        return
    with pytest.raises(UploadFailedException, match="^%s$" % refusal):
        _exchange.upload_answer(Answer(201, body), "up")


# Pagination ----------------------------------------------------------------------------------


def page(items, number, count):
    return {"data": items, "page": number, "nb_pages": count}


@pytest.mark.parametrize("dialect, path, paginated, limit, fields, answers, queries, result, route", [
    # unpaginated: one request, the answer as it is; upstream's sync client sends limit, its async one not
    (SYNC, "assets", False, 5, ["id", "name"], [[{"id": "a"}]], [{"fields": "id,name", "limit": 5}],
     [{"id": "a"}], "data/assets"),
    (ASYNC, "assets", False, 5, "id", [{"x": 1}], [{"fields": "id"}], {"x": 1}, "data/assets"),
    # paginated: page after page until nb_pages; sync asks limit then page, async page then limit
    (SYNC, "tasks", True, 1, None, [page([1], 1, 2), page([2], 2, 2)],
     [{"limit": 1, "page": 1}, {"limit": 1, "page": 2}], [1, 2], "data/tasks"),
    (ASYNC, "tasks", True, 50, "id", [page([1], 1, 1)], [{"fields": "id", "page": 1, "limit": 50}], [1],
     "data/tasks"),
    (SYNC, "tasks", True, None, None, [page([1], 1, 9), page([], 2, 9)], [{"page": 1}, {"page": 2}], [1],
     "data/tasks"),  # an empty page ends it
    (SYNC, "tasks", True, None, None, [page([1], 1, 3), [2, 3]], [{"page": 1}, {"page": 2}], [1, 2, 3],
     "data/tasks"),  # an answer that is not a page is the rest
    (SYNC, "tasks", True, None, None, [None], [{"page": 1}], [], "data/tasks"),
    (SYNC, "/assets/", False, None, None, [[]], [{}], [], "data/assets"),  # as upstream: url_path_join
    (ASYNC, "/assets/", False, None, None, [[]], [{}], [], "data/assets/"),  # as upstream's aio: "data/" + path
])
def test_zou_pagination(dialect, path, paginated, limit, fields, answers, queries, result, route):
    pages = _exchange.Pages(path, None, paginated, limit, fields, dialect)
    asked = []
    answers = iter(answers)
    while not pages.done:
        asked.append(dict(pages.params))
        pages.add(next(answers))
    assert (asked, pages.result, pages.route) == (queries, result, route)
    assert [list(query) for query in asked] == [list(query) for query in queries]  # the order of the query


def test_pagination_starts_at_the_page_given_and_leaves_the_params_given_alone():
    params = {"project_id": "p", "page": 3}
    pages = _exchange.Pages("tasks", params, True, None, None, SYNC)
    pages.add(page([1], 3, 4))
    assert pages.params == {"project_id": "p", "page": 4} and params == {"project_id": "p", "page": 3}


# Downloads --------------------------------------------------------------------------------------


@pytest.mark.parametrize("status, headers, timeout, elapsed, delay, error", [
    (200, {}, 60, 0, None, None),
    (202, {}, 60, 0, 5.0, None),  # no Retry-After: DEFAULT_RETRY_AFTER
    (202, {"Retry-After": "1"}, 60, 0, 1.0, None),
    (202, {"Retry-After": "3600"}, 60, 50, 10.0, None),  # never past the wait's end
    (202, {"Retry-After": "soon"}, 60, 58, 2.0, None),
    (202, {}, 60, 60, None, (PreviewFileProcessingException, "GET movie: still being processed after 60s")),
    (202, {}, 0, 0, None, (PreviewFileProcessingException, "GET movie: still being processed after 0s")),
    (404, {}, 60, 0, None, (RouteNotFoundException, "GET movie: 404")),
    (423, {}, 60, 0, None, (GazuException, "GET movie: 423")),  # only 202 means "still processing"
])
def test_the_wait_for_a_file_still_processed(status, headers, timeout, elapsed, delay, error):
    wait = _exchange.ProcessingWait("movie", timeout, now=1000.0)
    answer = Answer(status, headers=headers)
    if error is None:
        assert wait.after(answer, now=1000.0 + elapsed) == delay
        return
    with pytest.raises(error[0], match="^" + error[1]):
        wait.after(answer, now=1000.0 + elapsed)


@pytest.mark.parametrize("dialect, full, given, headers", [
    (SYNC, False, None, {"Accept": _exchange.DOWNLOAD_ACCEPT_HEADER}),  # so that Zou can answer 202
    (SYNC, False, {"Accept": "image/png"}, {"Accept": "image/png"}),
    (SYNC, True, None, None),  # another server's URL: as it is
    (ASYNC, False, None, None),  # upstream's aio asks for the file as it is
])
def test_the_headers_of_a_download(dialect, full, given, headers):
    assert _exchange.download_headers(dialect, full, given) == headers


def test_where_a_download_goes(tmp_path):
    assert _exchange.DownloadTarget(None).in_memory
    asked = []
    target = _exchange.DownloadTarget(lambda answer: asked.append(answer) or str(tmp_path / "f.png"))
    assert target.path_for("first") == str(tmp_path / "f.png") == target.path_for("second")
    assert asked == ["first"]  # the function is asked once
    with pytest.raises(FileNotFoundError, match="folder"):
        _exchange.DownloadTarget(str(tmp_path / "missing" / "f.png"))


def test_one_download_s_decisions(tmp_path):
    client = Client()
    download = _exchange.Download(client, "movie", str(tmp_path / "m.mov"), 60, False, None, now=0.0)
    assert download.streamed and download.headers == {"Accept": _exchange.DOWNLOAD_ACCEPT_HEADER}
    assert download.after(Answer(202), now=1.0) == 5.0 and download.after(Answer(200), now=2.0) is None
    assert download.path_for(Answer(200)) == str(tmp_path / "m.mov")
    assert download.after_cut(None, Answer(200)) is None  # saved whole
    assert download.after_cut(dropped(), Answer(200)) == 0.5
    in_memory = _exchange.Download(Client(dialect=ASYNC), "movie", None, 60, False, None, now=0.0)
    assert not in_memory.streamed and in_memory.headers is None and in_memory.path_for(Answer(200)) is None

    class Deadline:
        def __init__(self):
            self.over = False

        def done(self):
            self.over = True

    answer, deadline = Answer(200), Deadline()
    _exchange.Download.release(answer, deadline)
    assert answer.closed and deadline.over
    _exchange.Download.release(None, deadline)  # no answer came


@pytest.mark.parametrize("received, expected, cut", [
    (10, 10, None), (10, None, None), (4, 10, "body cut short: 4 of 10 bytes"), (0, 10, "body cut short: 0 of 10 bytes"),
])
def test_a_body_cut_short(received, expected, cut):
    assert _exchange.body_cut_short(received, expected) == cut


def test_an_html_page_answering_a_download_is_reported():
    error = _exchange.html_page_error("movie", "/m.mov", Answer(200, headers={"Content-Type": "text/html"}),
                                      b"<html>  <form>sign in</form>")
    assert str(error) == ("GET movie: the server answered an HTML page (text/html) instead of the file; "
                          "/m.mov was left untouched: <html> <form>sign in</form>")


# Redirects, URLs --------------------------------------------------------------------------------


@pytest.mark.parametrize("sent_to, redirected_to, same", [
    ("http://kitsu.test/api/auth/login", "http://kitsu.test/api/auth/login-moved", True),
    ("http://kitsu.test/a", "http://kitsu.test:80/b", True),
    ("http://kitsu.test/a", "https://kitsu.test/a", True),  # the upgrade to TLS, as requests allows it
    ("https://kitsu.test/a", "http://kitsu.test/a", False),
    ("http://kitsu.test:8080/a", "http://kitsu.test:8081/a", False),
    ("http://127.0.0.1:5000/a", "http://localhost:5000/a", False),
    ("http://bot:pw@kitsu.test/a", "http://kitsu.test/b", True),
])
def test_a_body_keeps_to_its_host(sent_to, redirected_to, same):
    assert _exchange.same_destination(sent_to, redirected_to) is same


def test_a_refused_redirect_names_both_urls_without_credentials():
    error = _exchange.redirect_refused("POST", "http://bot:pw@a.test/auth/login", "http://b.test/auth/login", 307)
    assert isinstance(error, HostException) and error.status == 307 and "pw" not in str(error)
    assert str(error).startswith("POST http://***@a.test/auth/login: the server redirected to http://b.test")


# The state both clients hold --------------------------------------------------------------------


def test_the_tokens_a_client_starts_with():
    assert Client(dialect=SYNC, access_token=None, refresh_token=None).tokens == {}
    assert Client(dialect=ASYNC, access_token=None, refresh_token=None).tokens == {"access_token": None, "refresh_token": None}
    client = Client(tokens={"access_token": "x"}, access_token=None, refresh_token="r")
    assert client.tokens == {"access_token": "x", "refresh_token": "r"}
    assert client.make_auth_header() == {"User-Agent": _exchange.USER_AGENT, "Authorization": "Bearer x"}
    client.access_token = None
    assert client.make_auth_header() == {"User-Agent": _exchange.USER_AGENT}


def test_what_a_client_is_given_is_explicit_and_the_environment_never_overrides_it(monkeypatch):
    monkeypatch.setenv("KITSU_HOST", "http://env.test/api")
    monkeypatch.setenv("KITSU_RETRIES", "7")
    monkeypatch.setenv("KITSU_TIMEOUT", "3,4")
    client = Client.from_env(retries=1, access_token=None, refresh_token=None)
    assert (client.host, client.retries, client.timeout) == ("http://env.test/api", 1, (3.0, 4.0))
    assert repr(client) == "<Client host='http://env.test/api' authenticated=False>"


def test_checked_urls_and_redaction():
    assert _exchange.checked_url("http://kitsu.test/api", "host") == "http://kitsu.test/api"
    assert _exchange.checked_url("kitsu.test/api", "new_host", scheme_required=False) == "kitsu.test/api"
    with pytest.raises(InvalidArgumentException, match="^host: expected an http"):
        _exchange.checked_url("ftp://kitsu.test", "host")
    assert _exchange.redacted_url("failed: https://a:b@h.test/api") == "failed: https://***@h.test/api"
    assert _exchange.no_answer(Client(host="http://u:p@h.test/api", timeout=(1, 9))) == \
        "no answer from http://***@h.test/api within 9s"


# Upstream's check_status: the status table and the 401 rule for code that sends requests itself ----------


class Refreshing:
    def __init__(self, use_refresh_token=True, refresh_token="r", callback=None):
        self.use_refresh_token, self.refresh_token = use_refresh_token, refresh_token
        self.callback_not_authenticated = callback
        self.refreshed = 0

    def refresh_access_token(self):
        self.refreshed += 1


@pytest.mark.parametrize("answer, client, result, refreshed", [
    (Answer(200), None, (200, False), 0),
    (Answer(401, EXPIRED), Refreshing(), (401, True), 1),
    (Answer(422, EXPIRED), Refreshing(), (422, True), 1),
    (Answer(401, EXPIRED), None, NotAuthenticatedException, 0),  # nothing to refresh with
    (Answer(422, EXPIRED), None, NotAuthenticatedException, 0),
    (Answer(401, EXPIRED), Refreshing(use_refresh_token=False), NotAuthenticatedException, 0),
    (Answer(422, EXPIRED), Refreshing(use_refresh_token=False), NotAuthenticatedException, 0),
    (Answer(401, {}), Refreshing(), NotAuthenticatedException, 0),  # only an expired signature is refreshed
    (Answer(422, {"message": "Signature verification failed"}), Refreshing(), ValidationException, 0),
    (Answer(401, {}), Refreshing(False, callback=lambda client, path: True), (401, True), 0),
    (Answer(401, {}), Refreshing(False, callback=lambda client, path: False), NotAuthenticatedException, 0),
    (Answer(404, {"message": "gone"}), None, RouteNotFoundException, 0),
    (Answer(502, {"message": "error"}), None, ServerErrorException, 0),
])
def test_check_status(answer, client, result, refreshed):
    if isinstance(result, tuple):
        assert _exchange.check_status(answer, "/p", client=client) == result
    else:
        with pytest.raises(result):
            _exchange.check_status(answer, "/p", client=client)
    assert getattr(client, "refreshed", 0) == refreshed


def test_check_status_asks_the_callback_about_the_path():
    asked = []
    client = Refreshing(use_refresh_token=False, callback=lambda client, path: asked.append(path) or True)
    assert _exchange.check_status(Answer(401, {}), "/p", client=client) == (401, True)
    assert asked == ["/p"] and client.refreshed == 0


def test_get_message_from_data_as_upstream():
    assert _exchange.get_message_from_data({"error": True, "message": "Validation error.", "data": {"errors": [
        {"field": "task_ids", "message": "Tasks required."}, {"message": "x"}]}}) \
        == "Validation error. (task_ids: Tasks required., None: x)"
    assert _exchange.get_message_from_data({"data": {"errors": [{"field": "a", "message": "b"}]}}) \
        == "No additional information (a: b)"
    assert _exchange.get_message_from_data({"message": None, "error": "z"}) == "z"
    for body in ({"error": True}, {"message": ""}, {"message": {"a": "b"}}, {"msg": "m"}, "text", [1], None):
        assert _exchange.get_message_from_data(body) == "No additional information"
    assert _exchange.get_message_from_response(Answer(400)) == "No additional information"


# The core does no I/O, and the two drivers stay twins ----------------------------------------------


def test_the_core_imports_no_io_library_and_never_sleeps():
    tree = ast.parse(open(os.path.join(ROOT, "gazu", "_exchange.py")).read())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
            assert "sleep" not in {alias.name for alias in node.names}
    assert not imported & {"requests", "urllib3", "aiohttp", "asyncio", "socket", "http", "ssl", "trio", "anyio"}
    names = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    names |= {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    assert "sleep" not in names and "run_in_executor" not in names


class _Unasync(ast.NodeTransformer):
    """Read async code as its sync twin: ``await x`` is ``x``, ``async def/with/for`` are ``def/with/for``."""

    def visit_Await(self, node):
        return self.visit(node.value)

    def visit_AsyncFunctionDef(self, node):
        return self.generic_visit(ast.copy_location(ast.FunctionDef(**{f: getattr(node, f) for f in node._fields}),
                                                    node))

    def visit_AsyncWith(self, node):
        return self.generic_visit(ast.copy_location(ast.With(**{f: getattr(node, f) for f in node._fields}), node))

    def visit_AsyncFor(self, node):
        return self.generic_visit(ast.copy_location(ast.For(**{f: getattr(node, f) for f in node._fields}), node))


def _driver(path, name):
    """Return a driver class's members as ``{name: [lines]}``, read as sync code, without docstrings."""
    tree = ast.parse(open(os.path.join(ROOT, "gazu", path)).read())
    cls = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == name)
    members = {}
    for node in cls.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the class docstring
        node = _Unasync().visit(node)
        if isinstance(node, ast.FunctionDef):
            if node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
                node.body = node.body[1:] or [ast.Pass()]
            key = node.name
        else:
            key = ast.unparse(node).split("=")[0].strip()
        text = ast.unparse(node).replace("requests.Response", "Response").replace("AsyncResponse", "Response")
        members[key] = text.splitlines()
    return members


# What the sync and async drivers may do differently, and why; anything else must read the same.
LIBRARY_DIFFERENCES = {
    "dialect": "upstream's sync and async clients send some requests differently (gazu._exchange.Dialect)",
    "__init__": "upstream's positional arguments differ (cert; max_connections), and a requests session is made "
                "at once where an aiohttp one belongs to each event loop",
    "_not_authenticated": "the async callback may be a coroutine function",
    "upload": "upstream's async upload takes no files=; its parts come from upload_parts, which the fault "
              "suite replaces",
}
ASYNC_ONLY = {  # an aiohttp session (and its locks) belongs to one event loop
    "__aenter__", "__aexit__", "close", "session", "_get_session", "_refresh_lock", "_log_in_lock", "_lock",
}


def test_the_sync_and_async_drivers_are_line_aligned_twins():
    sync, aio = _driver("client.py", "KitsuClient"), _driver("_aio_client.py", "AsyncKitsuClient")
    assert set(aio) - set(sync) == ASYNC_ONLY and set(sync) - set(aio) == set()
    assert list(sync) == [name for name in aio if name not in ASYNC_ONLY], "the members in the same order"
    differing = set()
    for name, lines in sync.items():
        if lines != aio[name]:
            differing.add(name)
            changed = [line for line in difflib.unified_diff(lines, aio[name], lineterm="", n=0)
                       if line[:1] in "+-" and not line.startswith(("+++", "---"))]
            assert name in LIBRARY_DIFFERENCES, "%s differs between the drivers:\n%s" % (name, "\n".join(changed))
            if name != "__init__":
                assert len(changed) <= 4, "%s differs in more than its known lines:\n%s" % (name, "\n".join(changed))
    assert differing == set(LIBRARY_DIFFERENCES), "no longer different: %s" % (set(LIBRARY_DIFFERENCES) - differing)
