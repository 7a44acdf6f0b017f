"""The transport: :class:`KitsuClient`, and the functions that delegate to one.

A :class:`KitsuClient` owns a host, its tokens and one :class:`requests.Session`;
every request the package sends goes through :meth:`KitsuClient.request`,
which applies, in one place:

- a timeout on connecting and on every read, and a total timeout on each
  attempt, so that no call can hang forever, even on a server that trickles
  its answer (uploads and downloads are cut only when they stop moving: see
  :mod:`gazu._deadline`);
- retries with exponential backoff and jitter for idempotent requests
  (GET, HEAD, PUT, DELETE, OPTIONS) on connection errors and on 429, 502,
  503 and 504 answers, honouring ``Retry-After``; a POST is retried only
  when the connection was never established;
- one token refresh and one replay on a 401, sent once however many threads
  hit the 401 together;
- the mapping of error statuses to :mod:`gazu.exception` classes, with
  method, path, status and the server's message in the error.

Uploads stream from disk in constant memory; downloads stream into a
temporary file beside the target, renamed into place only when complete.

The module-level functions (``get``, ``post``, ``fetch_all``, …) take a
``client`` argument defaulting to :data:`default_client`, the process-wide
client that :func:`gazu.set_host` and :func:`gazu.log_in` configure.
"""

from __future__ import annotations

import email.utils
import json as _jsonlib
import logging
import random
import re
import threading
import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import requests

from gazu import _auth
from gazu import cache as _cache
from gazu.__version__ import __version__
from gazu._deadline import DEFAULT_TOTAL_TIMEOUT, Deadline, WatchedAdapter, watchdog
from gazu._json import response_json
from gazu._transfer import (
    AtomicFile,
    download_target,
    expected_length,
    form_fields,
    form_files,
    html_instead_of_file,
    multipart_body,
    own_error,
)
from gazu._transfer import ProgressFileWrapper as _ProgressFileWrapper  # noqa: F401  (upstream's name)
from gazu.encoder import CustomJSONEncoder
from gazu.exception import (
    DownloadFileException,
    GazuException,
    HostException,
    InvalidArgumentException,
    NetworkException,
    NotAuthenticatedException,
    ParameterException,
    PreviewFileProcessingException,
    TimeoutException,
    UnexpectedResponseException,
    UploadFailedException,
    exception_for_status,
)
from gazu.helpers import is_url_safe_id

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import Person

logger = logging.getLogger("gazu")
# As a library should: nothing printed unless the application configures logging.
logger.addHandler(logging.NullHandler())

DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_READ_TIMEOUT = 120.0
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
# Upstream's module-level name for the default host (a constant: set_host changes the clients, not this).
host = _PLACEHOLDER_HOST
USER_AGENT = "CGWire Gazu %s" % __version__
POOL_SIZE = 32
_AUTH_ROUTES = ("auth/login", "auth/refresh-token", "auth/logout")
_EXCERPT_LENGTH = 200
_URL_SCHEMES = ("http://", "https://")
_NOT_IN_URLS = re.compile(r"[\s\x00-\x1f\x7f]")
# The user information of a URL (``scheme://user:password@``), or of a text starting as one without its scheme.
_URL_CREDENTIALS = re.compile(r"(\b[a-zA-Z][a-zA-Z0-9+.-]*://|^)[^/\s@?#]+@")
# Downloads are read in pieces this size: small enough to tell a moving transfer from a stalled one.
DOWNLOAD_READ_SIZE = 64 * 1024


def _excerpt(text: str) -> str:
    """Return a short, one-line excerpt of a response body for error messages."""
    text = " ".join(text.split())
    if len(text) > _EXCERPT_LENGTH:
        return text[:_EXCERPT_LENGTH] + "…"
    return text


def _retry_after_seconds(response: requests.Response) -> float | None:
    """Read a ``Retry-After`` header given in seconds or as an HTTP date."""
    value = response.headers.get("Retry-After")
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
    return max(0.0, when.timestamp() - time.time())


def _retry_after(response: Any, deadline: float) -> float:
    """Return the seconds to wait before asking again for a file still processed.

    The answer's ``Retry-After`` (else :data:`DEFAULT_RETRY_AFTER`), never
    past ``deadline`` (a ``time.monotonic()`` value) and never negative.
    """
    seconds = _retry_after_seconds(response)
    if seconds is None:
        seconds = DEFAULT_RETRY_AFTER
    return max(0.0, min(seconds, deadline - time.monotonic()))


def _never_connected(error: Exception) -> bool:
    """Tell whether a connection error happened before any byte was sent."""
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return True
    cause: Any = error
    seen = 0
    while cause is not None and seen < 10:
        name = type(cause).__name__
        if name in ("NewConnectionError", "NameResolutionError", "ConnectionRefusedError"):
            return True
        wrapped = cause.args[0] if cause.args and isinstance(cause.args[0], BaseException) else None
        cause = getattr(cause, "reason", None) or wrapped or cause.__context__
        seen += 1
    return False


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


class ExplicitVerifySession(requests.Session):
    """A :class:`requests.Session` that keeps what was set: its ``verify``, and a body's destination.

    - requests lets ``REQUESTS_CA_BUNDLE`` or ``CURL_CA_BUNDLE`` override a
      session's ``verify = False``; here the environment fills in only the
      default (``verify = True``).
    - requests follows a 307 or 308 answer to another host with the same
      body, a log-in's password included; here such a redirect is refused
      with a :class:`~gazu.exception.HostException` (the Authorization
      header is already dropped by requests; the body would not be).
    """

    def merge_environment_settings(self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any) -> dict:
        settings = super().merge_environment_settings(url, proxies, stream, verify, cert)
        if verify is None and self.verify is not True:
            settings["verify"] = self.verify
        return settings

    def rebuild_auth(self, prepared_request: Any, response: Any) -> None:
        if prepared_request.body is not None and self.should_strip_auth(response.request.url, prepared_request.url):
            response.close()
            raise HostException(
                "%s %s: the server redirected to %s: not followed, since the request's body (credentials, "
                "data) must not go to another host" % (
                    response.request.method, redacted_url(response.request.url),
                    redacted_url(prepared_request.url)),
                method=response.request.method, status=response.status_code)
        super().rebuild_auth(prepared_request, response)


if TYPE_CHECKING:  # what IDEs and type checkers see of the accessors (scripts/generate-accessor-types)
    from gazu._accessor_types import Accessors
else:
    Accessors = object


class KitsuClient(Accessors):
    """A connection to one Kitsu server: host, tokens, session and policies.

    Args:
        host: The API URL, e.g. ``https://kitsu.example.com/api``.
        ssl_verify: Verify TLS certificates (on unless turned off).
        cert: Client certificate path, as requests takes it.
        use_refresh_token: Kept for compatibility; a 401 is answered with a
            token refresh whenever a refresh token is known.
        callback_not_authenticated: Called as ``callback(client, path)``
            when a request stays unauthenticated; a true return value
            replays the request once.
        tokens: ``{"access_token": …, "refresh_token": …}``.
        timeout: Seconds to connect and seconds of silence allowed while
            reading, as a ``(connect, read)`` pair or one number for both.
        total_timeout: Seconds each attempt of a request may take in all
            (None: no limit). An upload or a download gets them again each
            time it has moved 1 KiB per second of them, so only a transfer
            that stops moving is cut.
        retries: How many times an idempotent request is retried (0: never).
        backoff_factor: First retry delay in seconds; doubles each time,
            with jitter, up to ``max_backoff``.

    Every domain module is also reachable through the client, its functions
    bound to it: ``kitsu.asset.all_assets_for_project(project)`` is
    ``gazu.asset.all_assets_for_project(project, client=kitsu)``.
    """

    def __init__(
        self,
        host: str,
        ssl_verify: bool = True,
        cert: str | None = None,
        use_refresh_token: bool = True,
        callback_not_authenticated: Callable | None = None,
        tokens: dict | None = None,
        access_token: str | None = None,
        refresh_token: str | None = None,
        *,
        event_host: str | None = None,
        timeout: float | tuple[float, float] | None = None,
        total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff_factor: float = DEFAULT_BACKOFF_FACTOR,
        max_backoff: float = DEFAULT_MAX_BACKOFF,
    ) -> None:
        self._env_pending = False
        self._env_credentials: tuple | None = None
        self._env_lock = threading.RLock()
        self._explicit: set[str] = set()
        self.host = None if host is None else checked_url(host, "host")  # None: set later (set_host)
        # As upstream, the event host is the host the client is created with: set_host leaves it.
        self.event_host = self.__dict__["host"] if event_host is None else checked_url(event_host, "event_host")
        self.session = ExplicitVerifySession()
        # Enough pooled connections for gazu.concurrency.map_calls' threads to share.
        adapter = WatchedAdapter(pool_connections=4, pool_maxsize=POOL_SIZE)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.verify = ssl_verify
        self.session.cert = cert
        self.session.headers["User-Agent"] = USER_AGENT
        self.use_refresh_token = use_refresh_token
        self.callback_not_authenticated = callback_not_authenticated
        tokens = dict(tokens or {})
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
        self._refresh_lock = threading.Lock()
        # What the constructor was given is explicit; its defaults are not.
        given = {"host": host != _PLACEHOLDER_HOST, "event_host": event_host is not None, "tokens": bool(tokens),
                 "timeout": timeout is not None, "total_timeout": total_timeout != DEFAULT_TOTAL_TIMEOUT,
                 "retries": retries != DEFAULT_RETRIES,
                 "backoff_factor": backoff_factor != DEFAULT_BACKOFF_FACTOR}
        self._explicit = {name for name, explicit in given.items() if explicit}

    host = _Setting()
    event_host = _Setting()
    tokens = _Setting()
    timeout = _Setting()
    total_timeout = _Setting()
    retries = _Setting()
    backoff_factor = _Setting()

    @classmethod
    def from_env(cls, **kwargs: Any) -> KitsuClient:
        """Return a client configured from the ``KITSU_*`` variables on first use (see :mod:`gazu._config`)."""
        client = cls(kwargs.pop("host", _PLACEHOLDER_HOST), **kwargs)
        client._env_pending = True
        return client

    def _apply_env(self) -> None:
        """Fill in what the environment sets and the code did not (once, whichever thread comes first)."""
        from gazu import _config

        with self._env_lock:
            if not self._env_pending:
                return
            settings, credentials = _config.read(skip=self._explicit)
            self.__dict__.update(settings)
            if credentials and "tokens" not in self._explicit and not self.__dict__["tokens"]:
                self._env_credentials = credentials
            self._env_pending = False  # last: other threads wait until the settings are in

    def _log_in_from_env(self) -> None:
        """Log in with the environment's credentials: once for all the threads that need it.

        The credentials are kept until a log-in succeeds, so a failed one is
        tried again by the next request.
        """
        from gazu import log_in

        with self._env_lock:
            if self.access_token or not self._env_credentials:
                return  # another thread logged in meanwhile
            email, password = self._env_credentials
            log_in(email, password, client=self)
            self._env_credentials = None

    def __repr__(self) -> str:
        return "<KitsuClient host=%r authenticated=%s>" % (redacted_url(self.host), bool(self.access_token))

    # Domain accessors: kitsu.asset.get_asset(...) -------------------------------

    def __getattr__(self, name: str) -> Any:
        from gazu._accessors import DOMAIN_MODULES, accessor

        if name in DOMAIN_MODULES:
            self.__dict__[name] = bound = accessor(self, name)
            return bound
        raise AttributeError("%r object has no attribute %r" % (type(self).__name__, name))

    def ping(self) -> float:
        """Return the seconds a round trip to the server takes (raises if it is down)."""
        started = time.monotonic()
        self.request("GET", "", authenticated=False, retry=False)
        return time.monotonic() - started

    def server_status(self) -> dict:
        """Return the server's version and the health of its services (database, Redis, events…)."""
        return self.get("status")

    def me(self) -> dict:
        """Return the logged-in user."""
        return self.get("auth/authenticated")["user"]

    # Tokens -----------------------------------------------------------------

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

    def refresh_access_token(self) -> dict:
        """Trade the refresh token for a new access token; return the server's answer, as upstream."""
        if not self.refresh_token:
            raise NotAuthenticatedException("no refresh token: log in first")
        response = self.request(
            "GET", "auth/refresh-token", authenticated=False,
            headers={"Authorization": "Bearer %s" % self.refresh_token})
        data = self._json(response, "GET", "auth/refresh-token")
        self.tokens = {**self.tokens, "access_token": _auth.refreshed_access_token(data)}
        return data

    def _refresh_after_401(self, token_used: str | None) -> bool:
        """Refresh once for all threads that hit a 401 with the same token."""
        with self._refresh_lock:
            if self.access_token and self.access_token != token_used:
                return True  # another thread refreshed already
            if not self.refresh_token:
                return False
            try:
                self.refresh_access_token()
            except GazuException as error:
                logger.info("token refresh failed: %s", error)
                return False
            logger.debug("access token refreshed after a 401")
            return True

    # URLs -------------------------------------------------------------------

    def full_url(self, path: str) -> str:
        """Return the absolute URL of an API path."""
        host = self.host
        if not host:
            raise HostException("no host set: call gazu.set_host() or create a client with a host")
        if not host[:8].lower().startswith(_URL_SCHEMES):
            raise HostException("host %r is not an http:// or https:// URL: set one such as "
                                "https://kitsu.example.com/api" % redacted_url(host))
        return url_path_join(host, path)

    # Sending ----------------------------------------------------------------

    def _backoff(self, attempt: int) -> float:
        delay = min(self.max_backoff, self.backoff_factor * (2 ** attempt))
        return delay * random.uniform(0.5, 1.0)

    def _attempt(self, method: str, url: str, deadline: Deadline, kwargs: dict) -> requests.Response:
        """Send one attempt under the watch of its deadline (still watched, if streamed, until its reader is done)."""
        watchdog.arm(deadline)
        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except BaseException:
            watchdog.disarm(deadline)
            raise
        finally:
            watchdog.sent()
        if not kwargs.get("stream"):
            watchdog.disarm(deadline)
        if deadline.expired:  # a cut answer can look complete: headers or a body ended by the closed socket
            response.close()
            raise requests.exceptions.ConnectionError("the total timeout has passed")
        return response

    def _send(self, method: str, url: str, path: str, retry: bool = True, **kwargs: Any) -> requests.Response:
        """Send one request with timeouts and, where safe, retries.

        ``deadline`` (a :class:`~gazu._deadline.Deadline`) is the caller's
        for a transfer; a streamed answer's stays watched until the caller
        disarms it.
        """
        body_factory = kwargs.pop("body_factory", None)
        deadline = kwargs.pop("deadline", None) or Deadline(self.total_timeout)
        idempotent = method in IDEMPOTENT_METHODS
        retries = self.retries if retry else 0
        attempt = 0
        maybe_done = False  # an earlier attempt may have been carried out, unheard
        while True:
            deadline.restart()  # before the body is made: a small one is read at once
            if body_factory is not None:
                kwargs["data"] = body_factory()
            started = time.monotonic()
            try:
                response = self._attempt(method, url, deadline, kwargs)
            except requests.exceptions.RequestException as error:
                failure = own_error(error)  # a file of the body changed or vanished while it was sent
                if failure is not None:
                    raise failure from None
                if deadline.expired or isinstance(error, requests.exceptions.ReadTimeout):
                    reason = deadline.describe() if deadline.expired else (
                        "no answer from %s within %ss" % (redacted_url(self.host), _read_timeout(self.timeout)))
                    raise TimeoutException("%s %s: %s" % (method, path, reason), method=method, path=path) from error
                if not isinstance(error, (requests.exceptions.ConnectionError,
                                          requests.exceptions.ChunkedEncodingError)):
                    raise
                safe = idempotent or _never_connected(error)
                if safe and attempt < retries:
                    maybe_done = maybe_done or not _never_connected(error)
                    delay = self._backoff(attempt)
                    logger.warning("%s %s: connection failed (%s); retry %d/%d in %.1fs",
                                   method, path, type(error).__name__, attempt + 1, retries, delay)
                    time.sleep(delay)
                    attempt += 1
                    continue
                kind = TimeoutException if isinstance(error, requests.exceptions.ConnectTimeout) else NetworkException
                raise kind("%s %s: cannot reach %s: %s" % (
                    method, path, redacted_url(self.host), redacted_url(_short_reason(error))),
                    method=method, path=path) from error
            logger.debug("%s %s -> %d (%.0f ms)", method, path, response.status_code,
                         1000 * (time.monotonic() - started))
            if response.status_code in RETRY_STATUSES and idempotent and attempt < retries:
                delay = _retry_after_seconds(response)
                delay = self._backoff(attempt) if delay is None else min(delay, self.max_backoff)
                logger.warning("%s %s: server answered %d; retry %d/%d in %.1fs",
                               method, path, response.status_code, attempt + 1, retries, delay)
                maybe_done = maybe_done or response.status_code in MAYBE_DONE_STATUSES
                response.close()
                time.sleep(delay)
                attempt += 1
                continue
            if deleted_before(method, path, response, maybe_done):
                response.status_code, response._content = 204, b""
            return response

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict | None = None,
        json: Any = None,
        headers: dict | None = None,
        full: bool = False,
        authenticated: bool = True,
        stream: bool = False,
        retry: bool = True,
        raise_for_status: bool = True,
        **kwargs: Any,
    ) -> requests.Response:
        """Send a request and return the response, raising for error statuses.

        ``path`` is relative to the host unless ``full`` is true. ``json``
        is encoded with :class:`~gazu.encoder.CustomJSONEncoder`.
        """
        method = method.upper()
        api_path(path)
        if self._env_pending:
            self._apply_env()
        if self._env_credentials and authenticated and not self.access_token:
            self._log_in_from_env()
        url = path if full else self.full_url(path)
        if json is not None:
            kwargs["data"] = _dump_json(json)
            headers = {"Content-Type": "application/json", **(headers or {})}
        for replay in (False, True):
            token_used = self.access_token
            all_headers = {**(self.make_auth_header() if authenticated else {}), **(headers or {})}
            response = self._send(method, url, path, retry=retry, params=params, headers=all_headers,
                                  stream=stream, **kwargs)
            refused = response.status_code == 401 or (response.status_code == 422 and _signature_expired(response))
            if not refused or replay or not authenticated or path in _AUTH_ROUTES:
                break
            if self._refresh_after_401(token_used):
                response.close()
                continue
            if self.callback_not_authenticated is not None and self.callback_not_authenticated(self, path):
                response.close()
                continue
            break
        if method not in ("GET", "HEAD") and response.status_code < 400:
            _cache.clear_all()
        if raise_for_status:
            raise_for_response(response, method, path)
        return response

    @staticmethod
    def _json(response: requests.Response, method: str, path: str) -> Any:
        """Decode a JSON body, or raise an error quoting what came instead."""
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

    # Verbs --------------------------------------------------------------------

    def get(self, path: str, json_response: bool = True, params: dict | None = None) -> Any:
        """GET a path; return its decoded JSON, or its text when ``json_response`` is false."""
        response = self.request("GET", path, params=params)
        return self._json(response, "GET", path) if json_response else response.text

    def post(self, path: str, data: Any) -> Any:
        """POST JSON data to a path (None as ``null``, as upstream); return the decoded answer."""
        response = self.request("POST", path, **_request_body(data))
        return self._json(response, "POST", path)

    def put(self, path: str, data: Any) -> Any:
        """PUT JSON data to a path (None as ``null``, as upstream); return the decoded answer."""
        response = self.request("PUT", path, **_request_body(data))
        return self._json(response, "PUT", path)

    def delete(self, path: str, params: dict | None = None) -> str:
        """DELETE a path; return the answer's text."""
        return self.request("DELETE", path, params=params).text

    def fetch_all(self, path: str, params: dict | None = None, paginated: bool = False,
                  limit: int | None = None, fields: list[str] | str | None = None) -> list[dict]:
        """GET ``data/<path>``; with ``paginated``, walk every page and join them."""
        params = dict(params or {})
        if fields:
            params["fields"] = fields if isinstance(fields, str) else ",".join(fields)
        if limit is not None:
            params["limit"] = limit
        url = url_path_join("data", api_path(path))
        if not paginated:
            return self.get(url, params=params)
        params.setdefault("page", 1)
        results: list[dict] = []
        while True:
            page = self.get(url, params=params)
            if not isinstance(page, dict) or "data" not in page:
                return results + list(page or [])
            results.extend(page["data"])
            if not page["data"] or int(page.get("page", params["page"])) >= int(page.get("nb_pages", 1)):
                return results
            params["page"] = int(params["page"]) + 1

    # Files ----------------------------------------------------------------------

    def upload(self, path: str, file_path: str | None = None, data: dict | None = None,
               extra_files: list | None = None, files: dict | None = None,
               progress_callback: Callable | None = None) -> Any:
        """POST files as multipart/form-data; return the decoded answer.

        ``file_path`` is sent as the ``file`` field and ``extra_files`` as
        ``file-1``, ``file-2``, …, unless ``files`` gives the parts itself,
        as requests takes them (field names mapped to paths, open files,
        bytes or ``(file name, content[, content type])`` tuples). ``data``
        becomes text fields. A body up to
        :data:`~gazu._transfer.SMALL_BODY_LIMIT` is sent as bytes, a larger
        one is streamed from disk. ``progress_callback(bytes_read, total)``
        is called as the files are read.

        Raises:
            UploadFailedException: the server answered with a ``message``
                or an ``error``, or a file changed size while it was read.
        """
        file_parts = form_files(file_path, extra_files, files)
        fields = form_fields(data)
        boundary = uuid.uuid4().hex
        deadline = Deadline(self.total_timeout, transfer=True)

        def progress(sent: int, total: int) -> None:
            deadline.advance(sent)
            if progress_callback is not None:
                progress_callback(sent, total)

        # A retried upload (only when the connection was never made) reads the files again.
        response = self.request(
            "POST", path, headers={"Content-Type": "multipart/form-data; boundary=%s" % boundary},
            body_factory=lambda: multipart_body(fields, file_parts, progress, boundary), deadline=deadline)
        result = self._json(response, "POST", path)
        refusal = _upload_refusal(result)
        if refusal:
            raise UploadFailedException(refusal, method="POST", path=path, status=response.status_code,
                                        server_message=refusal, response=response)
        return result

    def download(self, path: str, file_path: Any, params: dict | None = None,
                 progress_callback: Callable | None = None,
                 processing_timeout: float = DEFAULT_PROCESSING_TIMEOUT,
                 full: bool = False, authenticated: bool = True,
                 headers: dict | None = None) -> requests.Response:
        """Stream ``path`` into ``file_path`` atomically; return the (closed) response.

        The body goes to a temporary file beside the target, which replaces
        ``file_path`` only once every byte has arrived: a failure leaves
        neither a partial file nor a clobbered earlier one. Without a
        ``file_path`` the body is kept in the response (``response.content``),
        as upstream; ``file_path`` may also be a function of the response
        returning the path. An API path is asked for with
        :data:`DOWNLOAD_ACCEPT_HEADER`, so that Zou answers 202 while a
        preview is still being processed: the download is then asked again,
        after the answer's ``Retry-After``, for up to ``processing_timeout``
        seconds.
        """
        in_memory = file_path is None
        if not in_memory and not callable(file_path):
            file_path = download_target(file_path)
        if not full:
            headers = {"Accept": DOWNLOAD_ACCEPT_HEADER, **(headers or {})}
        processing_deadline = time.monotonic() + (processing_timeout or 0)
        attempt = 0
        while True:
            deadline = Deadline(self.total_timeout, transfer=True)
            try:
                response = self.request("GET", path, params=params, stream=not in_memory, full=full,
                                        authenticated=authenticated, headers=headers, raise_for_status=False,
                                        deadline=deadline)
                if response.status_code not in PROCESSING_STATUSES:
                    raise_for_response(response, "GET", path)
            except BaseException:
                watchdog.disarm(deadline)
                raise
            if response.status_code in PROCESSING_STATUSES:
                watchdog.disarm(deadline)
                response.close()
                if time.monotonic() >= processing_deadline:
                    raise PreviewFileProcessingException(
                        "GET %s: still being processed after %ss" % (path, processing_timeout),
                        method="GET", path=path, status=response.status_code)
                time.sleep(_retry_after(response, processing_deadline))
                continue
            if in_memory:
                watchdog.disarm(deadline)
                return response
            if callable(file_path):
                file_path = download_target(file_path(response))
            try:
                if html_instead_of_file(file_path, response.headers):
                    raise _html_instead_of_file(path, file_path, response, next(response.iter_content(512), b""))
                with AtomicFile(file_path) as target:
                    total = expected_length(response.headers)
                    for chunk in response.iter_content(DOWNLOAD_READ_SIZE):
                        target.write(chunk)
                        deadline.advance(target.received)
                        if progress_callback is not None:
                            progress_callback(target.received, total)
                    if deadline.expired:  # the socket was shut: what came may look complete
                        raise requests.exceptions.ConnectionError(deadline.describe())
                    if total is not None and target.received != total:
                        raise requests.exceptions.ChunkedEncodingError(
                            "body cut short: %d of %d bytes" % (target.received, total))
                return response
            except (requests.exceptions.RequestException, OSError) as error:
                if deadline.expired:
                    raise DownloadFileException(
                        "GET %s: download failed (%s); %s was left untouched" % (path, deadline.describe(), file_path),
                        method="GET", path=path, status=response.status_code, response=response) from error
                network_error = isinstance(error, requests.exceptions.RequestException)
                if attempt < self.retries and network_error:
                    attempt += 1
                    delay = self._backoff(attempt - 1)
                    logger.warning("GET %s: download cut (%s); retry %d/%d in %.1fs",
                                   path, type(error).__name__, attempt, self.retries, delay)
                    time.sleep(delay)
                    continue
                raise DownloadFileException(
                    "GET %s: download failed (%s); %s was left untouched" % (path, _short_reason(error), file_path),
                    method="GET", path=path, status=response.status_code, response=response) from error
            finally:
                watchdog.disarm(deadline)
                response.close()


def _upload_refusal(result: Any) -> str | None:
    """Return the text of an upload answer's ``message`` or ``error``, which says the upload failed."""
    if isinstance(result, dict):
        for key in ("message", "error"):
            if isinstance(result.get(key), str) and result[key]:
                return result[key]
    return None


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
    if not isinstance(model_name, str) or not all(map(is_url_safe_id, model_name.strip("/").split("/"))):
        raise InvalidArgumentException("model_name: expected a model name such as 'persons', got %r" % (model_name,))
    return model_name.strip("/")


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


def redacted_url(text: str) -> str:
    """Return a URL, or a message quoting URLs, with the credentials they may carry hidden.

    ``https://user:password@kitsu.example.com/api`` becomes
    ``https://***@kitsu.example.com/api``.
    """
    return _URL_CREDENTIALS.sub(r"\1***@", text) if "@" in text else text


def _html_instead_of_file(path: str, file_path: str, response: Any, start: bytes) -> DownloadFileException:
    """Return the error for an HTML page (a proxy's, a sign-in page) answering a download."""
    return DownloadFileException(
        "GET %s: the server answered an HTML page (%s) instead of the file; %s was left untouched: %s" % (
            path, response.headers.get("Content-Type"), file_path, _excerpt(start.decode("utf-8", "replace"))),
        method="GET", path=path, status=response.status_code, response=response)


def deleted_before(method: str, path: str, response: Any, maybe_done: bool) -> bool:
    """Tell whether a 404 answering a DELETE's retry means that an earlier, unheard attempt deleted it."""
    if method != "DELETE" or not maybe_done or response.status_code != 404:
        return False
    logger.info("%s %s: 404 on a retry: an earlier attempt, answered with an error, deleted it", method, path)
    return True


def _request_body(data: Any) -> dict:
    """Return the request arguments of a JSON body: None too is sent, as ``null``."""
    if data is None:
        return {"data": "null", "headers": {"Content-Type": "application/json"}}
    return {"json": data}


def _dump_json(data: Any) -> str:
    return _jsonlib.dumps(data, cls=CustomJSONEncoder)


def _read_timeout(timeout: Any) -> float:
    return timeout[1] if isinstance(timeout, tuple) else timeout


def _short_reason(error: BaseException) -> str:
    """Name what went wrong without urllib3's nested reprs."""
    inner: Any = error
    while getattr(inner, "__cause__", None) is not None or getattr(inner, "__context__", None) is not None:
        inner = inner.__cause__ or inner.__context__
    reason = getattr(inner, "reason", None)
    text = str(reason or inner)
    return "%s: %s" % (type(error).__name__, _excerpt(text)) if text else type(error).__name__


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


# Module-level API -------------------------------------------------------------


def create_client(
    host: str,
    ssl_verify: bool = True,
    cert: str | None = None,
    use_refresh_token: bool = False,
    callback_not_authenticated: Callable | None = None,
    **kwargs: Any,
) -> KitsuClient:
    """Return a new client for ``host``; extra keywords go to :class:`KitsuClient`."""
    return KitsuClient(host, ssl_verify, cert, use_refresh_token, callback_not_authenticated, **kwargs)


default_client = KitsuClient.from_env(use_refresh_token=False)  # as upstream's, made by create_client


def get_host(client: KitsuClient = default_client) -> str:
    """Return the API URL the client talks to."""
    return client.host


def set_host(new_host: str, client: KitsuClient = default_client) -> str:
    """Point the client at another API URL and return it.

    A URL without ``http://`` or ``https://`` is kept, as upstream, but
    refused with a :class:`~gazu.exception.HostException` by the first request.
    """
    client.host = checked_url(new_host, "new_host", scheme_required=False)
    return client.host


def get_api_url_from_host(client: KitsuClient = default_client) -> str:
    """Return the host without a final ``/api`` (the web app's URL)."""
    host = client.host
    return host[: -len("/api")] if host.endswith("/api") else host


def get_event_host(client: KitsuClient = default_client) -> str:
    """Return the event-stream URL: the one set, else the host the client was created with.

    As upstream, :func:`set_host` leaves it; but while it is the default
    client's placeholder (``http://gazu.change.serverhost/api``, a host that
    does not exist), it follows the host. socket.io connects to
    ``/socket.io`` on that server, whatever the URL's path (``/api``).
    """
    event_host = client.event_host
    return client.host if not event_host or event_host == _PLACEHOLDER_HOST else event_host


def set_event_host(new_host: str, client: KitsuClient = default_client) -> str:
    """Point the client's event stream at another URL (None: the host's) and return it."""
    client.event_host = None if new_host is None else checked_url(new_host, "new_host", scheme_required=False)
    return client.event_host


def set_tokens(new_tokens: dict[str, str], client: KitsuClient = default_client) -> dict[str, str]:
    """Replace the client's tokens and return them."""
    if new_tokens is not None and not isinstance(new_tokens, dict):
        raise InvalidArgumentException("new_tokens: expected a dict such as {'access_token': …}, got %s"
                                       % type(new_tokens).__name__)
    client.tokens = dict(new_tokens or {})
    return client.tokens


def make_auth_header(client: KitsuClient = default_client) -> dict[str, str]:
    """Return the Authorization header for the client's access token."""
    return client.make_auth_header()


def url_path_join(*items: str) -> str:
    """Join URL parts with one slash between each two, as upstream.

    Each part loses its own leading and trailing slashes, and an empty
    part still counts: ``url_path_join(host, "")`` ends with ``/``.
    """
    if any(item is None for item in items):
        raise InvalidArgumentException("url_path_join: expected URL parts, got %r" % (items,))
    return "/".join(str(item).strip("/") for item in items)


def get_full_url(path: str, client: KitsuClient = default_client) -> str:
    """Return the absolute URL of an API path."""
    return client.full_url(path)


def build_path_with_params(path: str, params: dict) -> str:
    """Append ``params`` to ``path`` as a query string, as upstream: a list gives one key per item."""
    if not params:
        return path
    return "%s%s%s" % (path, "&" if "?" in path else "?", urlencode(params, doseq=True))


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


def get_message_from_response(response: requests.Response,
                              default_message: str = "No additional information") -> str:
    """Return the server's message from an error response, if it sent one."""
    return get_message_from_data(_json_body(response), default_message)


SIGNATURE_EXPIRED = "Signature has expired"


def _signature_expired(response: Any) -> bool:
    """Tell whether the server refused the access token as expired (upstream's test for a refresh)."""
    body = _json_body(response)
    return isinstance(body, dict) and body.get("message") == SIGNATURE_EXPIRED


def check_status(request: requests.Response, path: str, client: KitsuClient = None) -> tuple[int, bool]:
    """Raise for an error status; return ``(status, retry)``.

    ``request`` is the response (any object with a ``status_code``). With
    a client, an expired token (401 or 422 saying ``Signature has
    expired``) is refreshed when the client has ``use_refresh_token`` and a
    refresh token, and a 401 goes to its ``callback_not_authenticated``;
    ``retry`` is then true: send the request again.
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


def host_is_up(client: KitsuClient = default_client) -> bool:
    """Tell whether the host answers a HEAD request with 200."""
    try:
        # requests' own User-Agent, as upstream's bare requests.head sends it
        response = client.request("HEAD", client.host, full=True, authenticated=False, retry=False,
                                  raise_for_status=False, allow_redirects=False,
                                  headers={"User-Agent": requests.utils.default_user_agent()})
    except GazuException:
        return False
    return response.status_code == 200


def host_is_valid(client: KitsuClient = default_client) -> bool:
    """Tell whether the host is a Kitsu API: up, and answering a log-in without password as Kitsu does."""
    if not host_is_up(client):
        return False
    try:
        response = client.request("POST", "auth/login", json={"email": ""}, authenticated=False, retry=False,
                                  headers=make_auth_header(client))  # the token too, as upstream
        client._json(response, "POST", "auth/login")
    except (ParameterException, NotAuthenticatedException):
        return True
    except GazuException:
        return False
    return True


def get(path: str, json_response: bool = True, params: dict | None = None,
        client: KitsuClient = default_client) -> Any:
    """GET a path; return its decoded JSON, or its text when ``json_response`` is false."""
    return client.get(path, json_response=json_response, params=params)


def post(path: str, data: Any, client: KitsuClient = default_client) -> Any:
    """POST JSON data to a path; return the decoded answer."""
    return client.post(path, data)


def put(path: str, data: dict, client: KitsuClient = default_client) -> Any:
    """PUT JSON data to a path; return the decoded answer."""
    return client.put(path, data)


def delete(path: str, params: dict | None = None, client: KitsuClient = default_client) -> str:
    """DELETE a path; return the answer's text."""
    return client.delete(path, params=params)


def fetch_all(path: str, params: dict | None = None, client: KitsuClient = default_client,
              paginated: bool = False, limit: int | None = None,
              fields: list[str] | str | None = None) -> list[dict[str, Any]]:
    """GET every object at ``data/<path>``."""
    return client.fetch_all(path, params=params, paginated=paginated, limit=limit, fields=fields)


def fetch_first(path: str, params: dict | None = None, client: KitsuClient = default_client) -> dict[str, Any] | None:
    """Return the first object at ``data/<path>``, or None."""
    results = client.fetch_all(path, params=params)
    return results[0] if results else None


def fetch_one(model_name: str, id: str, params: dict | None = None,
              client: KitsuClient = default_client) -> dict[str, Any]:
    """Return the object ``data/<model_name>/<id>``."""
    return client.get(model_path(model_name, id=id), params=params)


def create(model_name: str, data: dict, client: KitsuClient = default_client) -> dict[str, Any]:
    """Create an object of ``model_name`` from ``data``."""
    return client.post(model_path(model_name), data)


def update(model_name: str, model_id: str, data: dict, client: KitsuClient = default_client) -> dict[str, Any]:
    """Update the object ``data/<model_name>/<model_id>`` with ``data``."""
    return client.put(model_path(model_name, model_id=model_id), data)


def import_data(model_name: str, data: dict, client: KitsuClient = default_client) -> list[dict[str, Any]]:
    """Send ``data`` to the Kitsu import route of ``model_name``."""
    return client.post("import/kitsu/%s" % _model_name(model_name), data)


def get_api_version(client: KitsuClient = default_client) -> str:
    """Return the server's version string."""
    return client.get("")["version"]


def get_current_user(client: KitsuClient = default_client) -> Person:
    """Return the logged-in user."""
    return client.get("auth/authenticated")["user"]


def get_file_data_from_url(url: str, full: bool = False, client: KitsuClient = default_client) -> bytes:
    """Return the bytes at an API path (or at a full URL when ``full`` is true)."""
    return client.request("GET", url, full=full).content


def upload(path: str, file_path: str = None, data: dict | None = None, extra_files: list | None = None,
           files: dict = None, client: KitsuClient = default_client,
           progress_callback: Callable | None = None) -> Any:
    """Upload files to a path as a streamed multipart form; return the decoded answer."""
    return client.upload(path, file_path=file_path, data=data, extra_files=extra_files, files=files,
                         progress_callback=progress_callback)


def download(path: str, file_path: str, params: dict | None = None, client: KitsuClient = default_client,
             progress_callback: Callable | None = None, processing_timeout: float = 60) -> requests.Response:
    """Download a path into ``file_path`` atomically (None: into ``response.content``); return the response."""
    return client.download(path, file_path, params=params, progress_callback=progress_callback,
                           processing_timeout=processing_timeout)
