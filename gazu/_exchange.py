"""The exchange with Kitsu, without any I/O: every decision both clients make, written once.

The sync client (:mod:`gazu.client`, on requests) and the async one
(:mod:`gazu._aio_client`, on aiohttp) only move bytes; what to send and what
an answer means is decided here, as in h11 (no I/O at all), httpx (the 401
rule as a generator of requests) and botocore (retry decisions as pure
policy, the sleeping left to the caller):

- :func:`prepare` makes a :class:`Request` of a call's arguments (URL,
  JSON body, headers) and :func:`finish` judges its answer (caches cleared
  after a write, error statuses raised through the one status table);
- :class:`Attempts` says which answers and failures are sent again, after
  how long, within which budget (POST safety, ``Retry-After``, a DELETE
  found done by its retry, a download cut);
- :func:`authenticated_exchange` is the 401 rule: send, refresh once,
  replay once, else ask ``callback_not_authenticated``;
- :class:`Pages` is Zou's pagination, :class:`ProcessingWait` the wait for a
  file Zou is still processing;
- :class:`ClientState` is the state both clients hold (host, tokens,
  timeouts, retry settings, settings from the environment).

The drivers are line-aligned twins (tests/unit/test_exchange.py compares
them); where upstream's sync and async clients send different requests,
:class:`Dialect` says so. Nothing here imports requests, aiohttp or asyncio,
or sleeps: the drivers read the monotonic clock and pass it in as ``now``
(the wall clock is read only to turn a ``Retry-After`` date into seconds).
"""

from __future__ import annotations

import email.utils
import json as _jsonlib
import logging
import random
import re
import threading
import time
from typing import TYPE_CHECKING, Any, Callable
from urllib.parse import urlencode, urlsplit

from gazu import _config
from gazu import cache as _cache
from gazu.__version__ import __version__
from gazu._config import redacted_url
from gazu._json import response_json
from gazu._transfer import download_target
from gazu.encoder import CustomJSONEncoder
from gazu.exception import (
    DownloadFileException,
    GazuException,
    HostException,
    InvalidArgumentException,
    NetworkException,
    NotAuthenticatedException,
    PreviewFileProcessingException,
    TimeoutException,
    UnexpectedResponseException,
    UploadFailedException,
    exception_for_status,
)

if TYPE_CHECKING:  # pragma: no cover
    from typing_extensions import TypeGuard

logger = logging.getLogger("gazu")
# As a library should: nothing printed unless the application configures logging.
logger.addHandler(logging.NullHandler())

DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_READ_TIMEOUT = 120.0
DEFAULT_TOTAL_TIMEOUT = 300.0
DEFAULT_RETRIES = 3
DEFAULT_BACKOFF_FACTOR = 0.5
DEFAULT_MAX_BACKOFF = 30.0
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
RETRY_STATUSES = frozenset({429, 502, 503, 504})
# Answers of a proxy whose server may have carried the request out all the same.
MAYBE_DONE_STATUSES = frozenset({502, 503, 504})
# The status with which Zou says a preview is still being processed.
PROCESSING_STATUSES = frozenset({202})
# Downloads ask for JSON first, so Zou can answer 202 for a preview still being processed.
DOWNLOAD_ACCEPT_HEADER = "application/json, */*;q=0.1"
# Seconds to wait before asking again for a file still processed, when the server does not say.
DEFAULT_RETRY_AFTER = 5
DEFAULT_PROCESSING_TIMEOUT = 60
_PLACEHOLDER_HOST = "http://gazu.change.serverhost/api"
USER_AGENT = "CGWire Gazu %s" % __version__
_AUTH_ROUTES = ("auth/login", "auth/refresh-token", "auth/logout")
SIGNATURE_EXPIRED = "Signature has expired"
_EXCERPT_LENGTH = 200
_URL_SCHEMES = ("http://", "https://")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_NOT_IN_URLS = re.compile(r"[\s\x00-\x1f\x7f]")
# What an id string may not contain: it would change the URL it is put in.
_URL_CHANGING = re.compile(r"[/?#%\s\x00-\x1f\x7f]")


class Dialect:
    """What upstream's sync and async clients send differently: each client keeps its upstream's way.

    - ``no_tokens``: the tokens of a client given none;
    - ``null_body``: ``post(path, None)`` sends the JSON ``null`` (else no body);
    - ``refresh_expired_signature``: a 422 saying ``Signature has expired``
      is refused like a 401 (upstream's sync ``check_status``);
    - ``download_accept``: the Accept header of an API download (None: none);
    - ``page_size_always``: ``fetch_all``'s ``limit`` goes with an
      unpaginated listing too, before the page (else with pages only, after
      it), on ``url_path_join("data", path)`` (else ``"data/" + path``).
    """

    def __init__(self, *, no_tokens: dict, null_body: bool, refresh_expired_signature: bool,
                 download_accept: str | None, page_size_always: bool) -> None:
        self.no_tokens = no_tokens
        self.null_body = null_body
        self.refresh_expired_signature = refresh_expired_signature
        self.download_accept = download_accept
        self.page_size_always = page_size_always


SYNC = Dialect(no_tokens={}, null_body=True, refresh_expired_signature=True,
               download_accept=DOWNLOAD_ACCEPT_HEADER, page_size_always=True)
ASYNC = Dialect(no_tokens={"access_token": None, "refresh_token": None}, null_body=False,
                refresh_expired_signature=False, download_accept=None, page_size_always=False)


# Paths, URLs and texts -------------------------------------------------------------


def is_url_safe_id(value: object) -> TypeGuard[str]:
    """Tell whether ``value`` can stand as an id in a route: any non-empty string
    that cannot change the URL (no ``/ ? # %``, white space or control
    characters, not ``.`` or ``..``). The server judges its format."""
    return (isinstance(value, str) and value not in ("", ".", "..")
            and not _URL_CHANGING.search(value))


def api_path(path: Any, name: str = "path") -> str:
    """Return ``path`` if it is a string, or raise naming the argument (None would reach the API root)."""
    if not isinstance(path, str):
        raise InvalidArgumentException("%s: expected an API path string, got %r" % (name, path))
    return path


def model_path(model_name: Any, **ids: Any) -> str:
    """Return ``data/<model_name>[/<id>]``, refusing a model name or an id that would change the URL.

    ``ids`` is the id argument by its name (at most one): any non-empty
    string without ``/ ? # %``, white space or control characters.
    """
    for name, value in ids.items():
        if not is_url_safe_id(value):
            raise InvalidArgumentException(
                "%s: expected an id string that cannot change the URL, got %r" % (name, value))
    return url_path_join("data", _model_name(model_name), *ids.values())


def _model_name(model_name: Any) -> str:
    """Return a model name (``persons``, ``task-types``…) to put in a route, or raise if it would change the URL."""
    checked = _MODEL_NAMES.get(model_name) if type(model_name) is str else None
    if checked is not None:
        return checked
    if not isinstance(model_name, str) or not all(map(is_url_safe_id, model_name.strip("/").split("/"))):
        raise InvalidArgumentException("model_name: expected a model name such as 'persons', got %r" % (model_name,))
    if len(_MODEL_NAMES) < 256:  # the few a program uses, checked once
        _MODEL_NAMES[model_name] = model_name.strip("/")
    return model_name.strip("/")


_MODEL_NAMES: dict[str, str] = {}


def url_path_join(*items: str) -> str:
    """Join URL parts with one slash between each two, as upstream.

    Each part loses its own leading and trailing slashes, and an empty
    part still counts: ``url_path_join(host, "")`` ends with ``/``.
    """
    if None in items:
        raise InvalidArgumentException("url_path_join: expected URL parts, got %r" % (items,))
    return "/".join([str(item).strip("/") for item in items])  # a list: joined faster than a generator


def build_path_with_params(path: str, params: dict) -> str:
    """Append ``params`` to ``path`` as a query string, as upstream: a list gives one key per item."""
    if not params:
        return path
    return "%s%s%s" % (path, "&" if "?" in path else "?", urlencode(params, doseq=True))


def checked_url(url: Any, name: str, scheme_required: bool = True) -> str:
    """Return ``url`` if it can be the URL of a Kitsu server, or raise naming the argument.

    With ``scheme_required`` false, a URL without ``http://`` or
    ``https://`` passes (it is refused when a request is sent to it).
    """
    has_scheme = isinstance(url, str) and "://" in url
    if (not isinstance(url, str) or not url.strip() or _NOT_IN_URLS.search(url)
            or (has_scheme or scheme_required) and not url[:8].lower().startswith(_URL_SCHEMES)):
        shown = redacted_url(url) if isinstance(url, str) else url
        raise InvalidArgumentException(
            "%s: expected an http:// or https:// URL such as https://kitsu.example.com/api, got %r" % (name, shown))
    return url


def same_destination(sent_to: str, redirected_to: str) -> bool:
    """Tell whether a redirect keeps to the host a request was sent to (as requests judges it for credentials).

    The same host, scheme and port (default ports alike), or an upgrade
    from ``http`` on port 80 to ``https`` on port 443 of the same host.
    """
    old, new = urlsplit(sent_to), urlsplit(redirected_to)
    if old.hostname != new.hostname:
        return False
    if old.scheme == "http" and old.port in (80, None) and new.scheme == "https" and new.port in (443, None):
        return True
    default = (_DEFAULT_PORTS.get(old.scheme), None)
    return old.scheme == new.scheme and (old.port == new.port or old.port in default and new.port in default)


def redirect_refused(method: str, sent_to: str, redirected_to: str, status: int | None = None) -> HostException:
    """Return the error for a redirect that would take a request's body (credentials, data) to another host."""
    return HostException(
        "%s %s: the server redirected to %s: not followed, since the request's body (credentials, data) must not "
        "go to another host" % (method, redacted_url(sent_to), redacted_url(redirected_to)),
        method=method, status=status)


def _excerpt(text: str) -> str:
    """Return a short, one-line excerpt of a response body for error messages."""
    text = " ".join(text.split())
    if len(text) > _EXCERPT_LENGTH:
        return text[:_EXCERPT_LENGTH] + "…"
    return text


def _short_reason(error: BaseException) -> str:
    """Name what went wrong without urllib3's nested reprs."""
    inner: Any = error
    while getattr(inner, "__cause__", None) is not None or getattr(inner, "__context__", None) is not None:
        inner = inner.__cause__ or inner.__context__
    reason = getattr(inner, "reason", None)
    text = str(reason or inner)
    return "%s: %s" % (type(error).__name__, _excerpt(text)) if text else type(error).__name__


def _read_timeout(timeout: Any) -> float:
    return timeout[1] if isinstance(timeout, (tuple, list)) else timeout


def _dump_json(data: Any) -> str:
    return _jsonlib.dumps(data, cls=CustomJSONEncoder)


# Answers: status, server message, JSON ------------------------------------------------


def get_message_from_data(message_json: Any, default_message: str = "No additional information") -> str:
    """Return the ``message`` (else the ``error``) of an error body, with its field errors.

    Zou lists the fields it refused in ``data.errors``; they are appended
    as ``"message (field: error, …)"``.
    """
    if not isinstance(message_json, dict):
        return default_message
    texts = [message_json.get("message"), message_json.get("error")]
    message = next((text for text in texts if isinstance(text, str) and text), default_message)
    data = message_json.get("data")
    errors = data.get("errors") if isinstance(data, dict) else None
    if isinstance(errors, list) and errors:
        message += " (%s)" % ", ".join(
            "%s: %s" % (error.get("field"), error.get("message")) for error in errors if isinstance(error, dict))
    return message


def get_message_from_response(response: Any, default_message: str = "No additional information") -> str:
    """Return the server's message from an error response, if it sent one."""
    return get_message_from_data(_json_body(response), default_message)


def _json_body(response: Any) -> Any:
    """Return a response's decoded JSON body, None when it has none or cannot give one."""
    try:
        return response.json()
    except (AttributeError, TypeError, ValueError):
        return None


def _server_message(response: Any) -> str:
    """Return what the server said in an error body ("" when nothing).

    Besides upstream's ``message``/``error`` (and field errors), reads
    ``msg`` (the token library's 401s) and a ``message`` dict of field
    errors.
    """
    body = _json_body(response)
    message = get_message_from_data(body, default_message="").strip()
    if message or not isinstance(body, dict):
        return message
    for key in ("msg", "description", "message"):
        value = body.get(key)
        if isinstance(value, str) and value:
            return value
        if isinstance(value, dict) and value:
            return "; ".join("%s: %s" % item for item in value.items())
    return ""


def raise_for_response(response: Any, method: str, path: str) -> None:
    """Raise the gazu exception an error status maps to, with the server's message.

    ``response`` needs only a ``status_code``: its ``json()``, ``text``,
    ``headers`` and ``reason`` are read when it has them.
    """
    status = response.status_code
    exception_class = exception_for_status(status)
    if exception_class is None:
        return
    server_message = _server_message(response)
    message = ("%s %s: %d %s" % (method, path, status, getattr(response, "reason", None) or "")).rstrip()
    message += ": " + (server_message or "No additional information")
    headers = getattr(response, "headers", None) or {}
    text = getattr(response, "text", None)
    if not server_message and isinstance(text, str) and text.strip() \
            and not headers.get("Content-Type", "").startswith("application/json"):
        message += " (%s)" % _excerpt(text)
    raise exception_class(message, method=method, path=path, status=status,
                          server_message=server_message or None, response=response)


def _signature_expired(response: Any) -> bool:
    """Tell whether the server refused the access token as expired (upstream's test for a refresh)."""
    body = _json_body(response)
    return isinstance(body, dict) and body.get("message") == SIGNATURE_EXPIRED


def check_status(request: Any, path: str, client: Any = None) -> tuple[int, bool]:
    """Raise for an error status; return ``(status, retry)``.

    ``request`` is the response (any object with a ``status_code``). With
    a client, an expired token (401 or 422 saying ``Signature has
    expired``) is refreshed when the client has ``use_refresh_token`` and a
    refresh token, and a 401 goes to its ``callback_not_authenticated``;
    ``retry`` is then true: send the request again. (Upstream's sync
    ``check_status``, for code that sends requests itself.)
    """
    status = request.status_code
    expired = status in (401, 422) and _signature_expired(request)
    if expired and getattr(client, "use_refresh_token", False) and getattr(client, "refresh_token", None):
        client.refresh_access_token()
        return status, True
    if status == 401 or expired:
        callback = getattr(client, "callback_not_authenticated", None)
        if callback is not None and callback(client, path):
            return status, True
        if expired:
            raise NotAuthenticatedException("%s: %s" % (path, SIGNATURE_EXPIRED), path=path, status=status,
                                            server_message=SIGNATURE_EXPIRED, response=request)
    method = getattr(getattr(request, "request", None), "method", None) or "GET"
    raise_for_response(request, method, path)
    return status, False


def decode_json(response: Any, method: str, path: str) -> Any:
    """Decode a JSON body (None for no body), or raise an error quoting what came instead (an HTML page…)."""
    if not response.content:
        return None
    try:
        return response_json(response)
    except ValueError:
        raise UnexpectedResponseException(
            "%s %s: %d answer is not JSON (%s): %s" % (
                method, path, response.status_code,
                response.headers.get("Content-Type", "no content type"), _excerpt(response.text)),
            method=method, path=path, status=response.status_code, response=response) from None


def upload_answer(response: Any, path: str) -> Any:
    """Return an upload's decoded answer, or raise when it says the upload failed (a ``message``, an ``error``)."""
    result = decode_json(response, "POST", path)
    refusal = _upload_refusal(result)
    if refusal:
        raise UploadFailedException(refusal, method="POST", path=path, status=response.status_code,
                                    server_message=refusal, response=response)
    return result


def _upload_refusal(result: Any) -> str | None:
    """Return the text of an upload answer's ``message`` or ``error``, which says the upload failed."""
    if isinstance(result, dict):
        for key in ("message", "error"):
            if isinstance(result.get(key), str) and result[key]:
                return result[key]
    return None


# Requests ------------------------------------------------------------------------------


class Request:
    """A request as the drivers send it: what :func:`prepare` made of a call's arguments.

    ``headers`` are the ones of the next attempt (the token's included, set
    by :func:`authenticated_exchange`); ``options`` are passed on to the
    HTTP library as they are (``allow_redirects``…).
    """

    __slots__ = ("method", "path", "url", "params", "given_headers", "headers", "data", "body_factory",
                 "deadline", "authenticated", "stream", "retry", "raise_for_status", "options")

    def __init__(self, method: str, path: str, url: str, params: Any, headers: dict | None, options: dict,
                 authenticated: bool, stream: bool, retry: bool, raise_for_status: bool) -> None:
        self.method, self.path, self.url, self.params = method, path, url, params
        self.given_headers, self.headers = headers, headers
        self.data = options.pop("data", None)
        self.body_factory = options.pop("body_factory", None)
        self.deadline = options.pop("deadline", None)
        self.authenticated, self.stream, self.retry = authenticated, stream, retry
        self.raise_for_status = raise_for_status
        self.options = options

    def next_attempt(self) -> None:
        """Make the body of the next attempt (a retried upload reads its files again)."""
        if self.body_factory is not None:
            self.data = self.body_factory()


def prepare(client: ClientState, method: str, path: str, params: Any, json: Any, headers: dict | None, full: bool,
            authenticated: bool, stream: bool, retry: bool, raise_for_status: bool, options: dict) -> Request:
    """Return the :class:`Request` of a call: its URL, its JSON body, its headers (checked before anything is sent)."""
    api_path(path)
    if client._env_pending:
        client._apply_env()
    url = path if full else client.full_url(path)
    if json is not None:
        options["data"] = _dump_json(json)
        headers = {"Content-Type": "application/json", **(headers or {})}
    return Request(method.upper(), path, url, params, headers, options, authenticated, stream, retry,
                   raise_for_status)


def request_body(data: Any, dialect: Dialect) -> dict:
    """Return the request arguments of a JSON body: None is sent as ``null`` where upstream sends it so."""
    if data is None and dialect.null_body:
        return {"data": "null", "headers": {"Content-Type": "application/json"}}
    return {"json": data}


def log_answer(request: Request, status: int, started: float, clock: Callable[[], float]) -> None:
    """Log an attempt's answer and how long it took (``clock() - started``, read only when DEBUG is on)."""
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("%s %s -> %d (%.0f ms)", request.method, request.path, status, 1000 * (clock() - started))


def finish(response: Any, request: Request) -> Any:
    """Judge a request's final answer: clear the caches after a successful write, raise for an error status."""
    if request.method not in ("GET", "HEAD") and response.status_code < 400:
        _cache.clear_all()
    if request.raise_for_status:
        raise_for_response(response, request.method, request.path)
    return response


# The 401 rule ----------------------------------------------------------------------------

# Each step names the driver's method that carries it out; DONE hands the final answer over.
SEND, REFRESH, CALLBACK, DONE = "_send", "_refresh_after_401", "_not_authenticated", "done"


def authenticated_exchange(client: ClientState, request: Request) -> Any:
    """The 401 rule, as a generator of steps for a driver to carry out (httpx's ``auth_flow``).

    It yields ``(SEND, request)``: send it (with the headers set here), and
    send back the answer; ``(REFRESH, token_used)``: refresh the access
    token once for all who hit the 401 with that token (the driver's lock),
    and send back whether a token is there to replay with; ``(CALLBACK,
    path)``: ask ``callback_not_authenticated``, and send back whether to
    replay; ``(DONE, answer)``: the final answer. A refused answer is
    released (``close()``) and the request replayed, once at most.
    """
    token_used = _authorize(client, request)
    response = yield SEND, request
    if response.status_code in (401, 422) and _refused(response, request, client.dialect):
        if (yield REFRESH, token_used) or (yield CALLBACK, request.path):
            response.close()
            _authorize(client, request)
            response = yield SEND, request
    yield DONE, response


def _authorize(client: ClientState, request: Request) -> str | None:
    """Give the request the headers of the client's current token (when authenticated); return that token."""
    token = client.access_token
    if request.authenticated:
        request.headers = {**client.make_auth_header(), **(request.given_headers or {})}
    return token


def _refused(response: Any, request: Request, dialect: Dialect) -> bool:
    """Tell whether an answer refuses the access token (and the request may be replayed with a new one)."""
    status = response.status_code
    if status != 401 and not (status == 422 and dialect.refresh_expired_signature and _signature_expired(response)):
        return False
    return request.authenticated and request.path not in _AUTH_ROUTES


# Retries ---------------------------------------------------------------------------------


def retry_after_seconds(headers: Any, now: float | None = None) -> float | None:
    """Read a ``Retry-After`` header given in seconds or as an HTTP date (``now``: a ``time.time()`` value)."""
    value = headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def processing_delay(headers: Any, remaining: float) -> float:
    """Return the seconds to wait before asking again for a file still processed.

    The answer's ``Retry-After`` (else :data:`DEFAULT_RETRY_AFTER`), never
    more than the ``remaining`` seconds of the wait and never negative.
    """
    seconds = retry_after_seconds(headers)
    if seconds is None:
        seconds = DEFAULT_RETRY_AFTER
    return max(0.0, min(seconds, remaining))


def deleted_before(method: str, path: str, response: Any, maybe_done: bool) -> bool:
    """Tell whether a 404 answering a DELETE's retry means that an earlier, unheard attempt deleted it."""
    if method != "DELETE" or not maybe_done or response.status_code != 404:
        return False
    logger.info("%s %s: 404 on a retry: an earlier attempt, answered with an error, deleted it", method, path)
    return True


class Failure:
    """What went wrong with an attempt, as a driver classifies its library's error.

    ``timed_out``: a read or total timeout (``reason`` says which), never
    retried; ``never_connected``: no byte was sent, so even a POST is safe
    to send again; ``connect_timeout``: raised as a
    :class:`~gazu.exception.TimeoutException` when not retried; ``network``:
    a download cut by the network (else by the disk: not retried).
    """

    __slots__ = ("error", "timed_out", "never_connected", "connect_timeout", "network", "reason")

    def __init__(self, error: BaseException, *, timed_out: bool = False, never_connected: bool = False,
                 connect_timeout: bool = False, network: bool = True, reason: str | None = None) -> None:
        self.error, self.timed_out, self.never_connected = error, timed_out, never_connected
        self.connect_timeout, self.network, self.reason = connect_timeout, network, reason


def no_answer(client: ClientState) -> str:
    """Say that the server stayed silent longer than the read timeout."""
    return "no answer from %s within %ss" % (redacted_url(client.host), _read_timeout(client.timeout))


def body_cut_short(received: int, expected: int | None) -> str | None:
    """Return what is wrong with a body of ``received`` bytes where ``expected`` were announced (None: nothing)."""
    if expected is None or received == expected:
        return None
    return "body cut short: %d of %d bytes" % (received, expected)


class Attempts:
    """The retry bookkeeping of one request (botocore's retry context): what is sent again, after how long.

    Idempotent requests (GET, HEAD, PUT, DELETE, OPTIONS) are retried on
    429, 502, 503 and 504 (after ``Retry-After``, at most ``max_backoff``)
    and on connection failures; a POST only when it never reached the
    server. Delays double from ``backoff_factor``, with jitter.
    """

    __slots__ = ("client", "method", "path", "retry", "idempotent", "attempt", "maybe_done")

    def __init__(self, client: ClientState, method: str, path: str, retry: bool = True) -> None:
        self.client, self.method, self.path, self.retry = client, method, path, retry
        self.idempotent = method in IDEMPOTENT_METHODS
        self.attempt = 0
        self.maybe_done = False  # an earlier attempt may have been carried out, unheard

    @property
    def retries(self) -> int:
        """How many times the request may be sent again (the client's setting, read when needed)."""
        return self.client.retries if self.retry else 0

    def backoff(self) -> float:
        """Return the delay before the next attempt: ``backoff_factor`` doubled each time, with jitter."""
        client = self.client
        return min(client.max_backoff, client.backoff_factor * (2 ** self.attempt)) * random.uniform(0.5, 1.0)

    def after_answer(self, response: Any) -> float | None:
        """Return the seconds to wait before sending again after this answer, None to keep it.

        A 404 kept for a DELETE's retry becomes a 204 (see :func:`deleted_before`).
        """
        status = response.status_code
        if status not in RETRY_STATUSES or not self.idempotent or self.attempt >= self.retries:
            if self.maybe_done and deleted_before(self.method, self.path, response, self.maybe_done):
                response.status_code, response._content = 204, b""
            return None
        delay = retry_after_seconds(response.headers)
        delay = self.backoff() if delay is None else min(delay, self.client.max_backoff)
        logger.warning("%s %s: server answered %d; retry %d/%d in %.1fs",
                       self.method, self.path, status, self.attempt + 1, self.retries, delay)
        self.maybe_done = self.maybe_done or status in MAYBE_DONE_STATUSES
        self.attempt += 1
        return delay

    def after(self, outcome: Any) -> float | None:
        """Return the seconds to wait before sending again after an attempt's answer or :class:`Failure`.

        None keeps the answer; a failure given up is raised; an answer sent
        again is released (``close()``).
        """
        if isinstance(outcome, Failure):
            delay = self.after_failure(outcome)
            if delay is None:
                raise self.error(outcome, self.client.host) from outcome.error
            return delay
        delay = self.after_answer(outcome)
        if delay is not None:
            outcome.close()
        return delay

    def after_failure(self, failure: Failure) -> float | None:
        """Return the seconds to wait before sending again after this failure, None to give up."""
        safe = self.idempotent or failure.never_connected
        if failure.timed_out or not safe or self.attempt >= self.retries:
            return None
        self.maybe_done = self.maybe_done or not failure.never_connected
        delay = self.backoff()
        logger.warning("%s %s: connection failed (%s); retry %d/%d in %.1fs",
                       self.method, self.path, type(failure.error).__name__, self.attempt + 1, self.retries, delay)
        self.attempt += 1
        return delay

    def error(self, failure: Failure, host: str) -> GazuException:
        """Return the error to raise for a failure that is not retried."""
        if failure.timed_out:
            return TimeoutException("%s %s: %s" % (self.method, self.path, failure.reason),
                                    method=self.method, path=self.path)
        kind = TimeoutException if failure.connect_timeout else NetworkException
        return kind("%s %s: cannot reach %s: %s" % (
            self.method, self.path, redacted_url(host), redacted_url(_short_reason(failure.error))),
            method=self.method, path=self.path)

    def after_cut(self, failure: Failure, file_path: str, response: Any) -> float:
        """Return the seconds to wait before downloading again after a cut body, or raise the download's error."""
        if failure.network and not failure.timed_out and self.attempt < self.retries:
            delay = self.backoff()
            self.attempt += 1
            logger.warning("GET %s: download cut (%s); retry %d/%d in %.1fs",
                           self.path, type(failure.error).__name__, self.attempt, self.retries, delay)
            return delay
        reason = failure.reason if failure.timed_out else _short_reason(failure.error)
        raise DownloadFileException(
            "GET %s: download failed (%s); %s was left untouched" % (self.path, reason, file_path),
            method="GET", path=self.path, status=response.status_code, response=response) from failure.error


# Pagination, downloads -------------------------------------------------------------------


class Pages:
    """``fetch_all``'s listing: the route and query of each page, and what the pages add up to.

    Zou pages a listing when asked for ``page``: each answer is ``{"data":
    [...], "page": n, "nb_pages": m}``; an answer of another shape is the
    whole listing.
    """

    def __init__(self, path: Any, params: dict | None, paginated: bool, limit: int | None,
                 fields: list[str] | str | None, dialect: Dialect) -> None:
        params = dict(params or {})
        if fields:
            params["fields"] = fields if isinstance(fields, str) else ",".join(fields)
        page_size_first = limit is not None and dialect.page_size_always
        if page_size_first:
            params["limit"] = limit
        if paginated:
            params.setdefault("page", 1)
            if limit is not None and not page_size_first:
                params["limit"] = limit
        self.route = url_path_join("data", api_path(path)) if dialect.page_size_always \
            else "data/" + api_path(path).lstrip("/")
        self.params, self.paginated, self.done = params, paginated, False
        self.result: Any = []

    def add(self, page: Any) -> None:
        """Take the answer to the current query in, and move the query on to the next page, if any."""
        if not self.paginated:
            self.result, self.done = page, True
        elif not isinstance(page, dict) or "data" not in page:
            self.result, self.done = self.result + list(page or []), True
        else:
            self.result.extend(page["data"])
            current = int(self.params["page"])
            if not page["data"] or int(page.get("page", current)) >= int(page.get("nb_pages", 1)):
                self.done = True
            else:
                self.params["page"] = current + 1


def download_headers(dialect: Dialect, full: bool, headers: dict | None) -> dict | None:
    """Return the headers of a download: an API path asks for JSON first, so Zou can answer 202 while processing."""
    if full or dialect.download_accept is None:
        return headers
    return {"Accept": dialect.download_accept, **(headers or {})}


class ProcessingWait:
    """The wait of a download for a file Zou is still processing (202): at most ``timeout`` seconds from ``now``."""

    def __init__(self, path: str, timeout: float | None, now: float) -> None:
        self.path, self.timeout, self.deadline = path, timeout, now + (timeout or 0)

    def after(self, response: Any, now: float) -> float | None:
        """Return the seconds to wait before asking again, None when the file is there; raise for an error."""
        if response.status_code not in PROCESSING_STATUSES:
            raise_for_response(response, "GET", self.path)
            return None
        if now >= self.deadline:
            raise PreviewFileProcessingException(
                "GET %s: still being processed after %ss" % (self.path, self.timeout),
                method="GET", path=self.path, status=response.status_code)
        return processing_delay(response.headers, self.deadline - now)


class DownloadTarget:
    """Where a download goes: a path checked before any request, a function of the answer giving one, or
    memory (None: the body stays in ``response.content``, as upstream)."""

    def __init__(self, file_path: Any) -> None:
        self.in_memory = file_path is None
        self.file_path = file_path if self.in_memory or callable(file_path) else download_target(file_path)

    def path_for(self, response: Any) -> str | None:
        """Return the path to write the answer to (asking the function once, with the first answer)."""
        if callable(self.file_path):
            self.file_path = download_target(self.file_path(response))
        return self.file_path


class Download:
    """The decisions of one download: where it goes, what it asks with, how long it waits for a file still
    processed (:class:`ProcessingWait`), how often a cut body is asked again (:class:`Attempts`)."""

    def __init__(self, client: ClientState, path: str, file_path: Any, processing_timeout: float | None, full: bool,
                 headers: dict | None, now: float) -> None:
        self.target = DownloadTarget(file_path)
        self.streamed = not self.target.in_memory
        self.headers = download_headers(client.dialect, full, headers)
        self.wait = ProcessingWait(path, processing_timeout, now)
        self.cuts = Attempts(client, "GET", path)

    def after(self, response: Any, now: float) -> float | None:
        """Return the seconds to wait for a file still processed, None when it is there; raise for an error."""
        return self.wait.after(response, now)

    def path_for(self, response: Any) -> str | None:
        return self.target.path_for(response)

    def after_cut(self, cut: Failure | None, response: Any) -> float | None:
        """Return None for a body saved whole, else the seconds to wait before asking again (or raise)."""
        return None if cut is None else self.cuts.after_cut(cut, self.target.file_path, response)

    @staticmethod
    def release(response: Any, deadline: Any) -> None:
        """The attempt is over: stop watching its deadline, release its answer."""
        deadline.done()
        if response is not None:
            response.close()


def html_page_error(path: str, file_path: str, response: Any, start: bytes) -> DownloadFileException:
    """Return the error for an HTML page (a proxy's, a sign-in page) answering a download."""
    return DownloadFileException(
        "GET %s: the server answered an HTML page (%s) instead of the file; %s was left untouched: %s" % (
            path, response.headers.get("Content-Type"), file_path, _excerpt(start.decode("utf-8", "replace"))),
        method="GET", path=path, status=response.status_code, response=response)


# The state both clients hold -----------------------------------------------------------


class _Setting:
    """A client setting that may come from the environment (see :mod:`gazu._config`).

    Reading it first fills the client's pending environment settings in;
    assigning it marks it explicit, so the environment never overrides it.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, client: Any, owner: type | None = None) -> Any:
        if client is None:
            return self
        if client._env_pending:
            client._apply_env()
        return client.__dict__[self.name]

    def __set__(self, client: Any, value: Any) -> None:
        client.__dict__[self.name] = value
        client._explicit.add(self.name)


class ClientState:
    """What both clients hold and decide without I/O: host, tokens, timeouts, retry settings (httpx's ``BaseClient``).

    The settings marked :class:`_Setting` may come from the ``KITSU_*``
    variables (:meth:`from_env`), read on first use; what the code sets
    always wins.
    """

    dialect: Dialect = SYNC
    _env_pending = False
    _env_credentials: tuple | None = None
    _json = staticmethod(decode_json)

    host = _Setting()
    event_host = _Setting()
    tokens = _Setting()
    timeout = _Setting()
    total_timeout = _Setting()
    retries = _Setting()
    backoff_factor = _Setting()

    def _configure(self, host: str, use_refresh_token: bool, callback_not_authenticated: Callable | None,
                   tokens: dict | None, access_token: str | None, refresh_token: str | None, event_host: str | None,
                   timeout: Any, total_timeout: float | None, retries: int, backoff_factor: float,
                   max_backoff: float) -> None:
        """Check and keep the settings a client is made with (the constructors' shared part)."""
        self._env_lock = threading.RLock()
        self._explicit: set[str] = set()
        self.host = None if host is None else checked_url(host, "host")  # None: set later (set_host)
        # As upstream, the event host is the host the client is created with: set_host leaves it.
        self.event_host = self.__dict__["host"] if event_host is None else checked_url(event_host, "event_host")
        self.use_refresh_token = use_refresh_token
        self.callback_not_authenticated = callback_not_authenticated
        given_tokens = bool(tokens or access_token or refresh_token)
        tokens = dict(tokens) if tokens else dict(self.dialect.no_tokens)
        if access_token:
            tokens["access_token"] = access_token
        if refresh_token:
            tokens["refresh_token"] = refresh_token
        self.tokens = tokens
        self.timeout = timeout if timeout is not None else (DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT)
        self.total_timeout = total_timeout
        self.retries = retries
        self.backoff_factor = backoff_factor
        self.max_backoff = max_backoff
        # What the constructor was given is explicit; its defaults are not.
        given = {"host": host != _PLACEHOLDER_HOST, "event_host": event_host is not None, "tokens": given_tokens,
                 "timeout": timeout is not None, "total_timeout": total_timeout != DEFAULT_TOTAL_TIMEOUT,
                 "retries": retries != DEFAULT_RETRIES, "backoff_factor": backoff_factor != DEFAULT_BACKOFF_FACTOR}
        self._explicit = {name for name, explicit in given.items() if explicit}

    @classmethod
    def from_env(cls, **kwargs: Any) -> Any:
        """Return a client configured from the ``KITSU_*`` variables on first use (see :mod:`gazu._config`)."""
        make: Any = cls  # a subclass: KitsuClient or AsyncKitsuClient, whose constructors take the host
        client = make(kwargs.pop("host", _PLACEHOLDER_HOST), **kwargs)
        client._env_pending = True
        return client

    def _apply_env(self) -> None:
        """Fill in what the environment sets and the code did not (once, whichever thread comes first)."""
        with self._env_lock:
            if not self._env_pending:
                return
            settings, credentials = _config.read(skip=self._explicit)
            self.__dict__.update(settings)
            if credentials and "tokens" not in self._explicit and not any(self.__dict__["tokens"].values()):
                self._env_credentials = credentials
            self._env_pending = False  # last: other threads wait until the settings are in

    def __repr__(self) -> str:
        return "<%s host=%r authenticated=%s>" % (type(self).__name__, redacted_url(self.host), bool(self.access_token))

    @property
    def access_token(self) -> str | None:
        return self.tokens.get("access_token")

    @access_token.setter
    def access_token(self, token: str | None) -> None:
        self.tokens = {**self.tokens, "access_token": token}

    @property
    def refresh_token(self) -> str | None:
        return self.tokens.get("refresh_token")

    @refresh_token.setter
    def refresh_token(self, token: str | None) -> None:
        self.tokens = {**self.tokens, "refresh_token": token}

    def make_auth_header(self) -> dict[str, str]:
        """Return the headers of an authenticated request: gazu's User-Agent and the access token's."""
        token = self.access_token
        return {"User-Agent": USER_AGENT, **({"Authorization": "Bearer %s" % token} if token else {})}

    def full_url(self, path: str) -> str:
        """Return the absolute URL of an API path."""
        host = self.host
        if not host:
            raise HostException("no host set: call gazu.set_host() or create a client with a host")
        if not host[:8].lower().startswith(_URL_SCHEMES):
            raise HostException("host %r is not an http:// or https:// URL: set one such as "
                                "https://kitsu.example.com/api" % redacted_url(host))
        return url_path_join(host, path)
