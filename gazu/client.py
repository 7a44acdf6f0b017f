"""The transport: :class:`KitsuClient`, on requests, and the functions that delegate to one.

Every request the package sends goes through :meth:`KitsuClient.request`. The client moves the bytes
(:mod:`gazu._requests_transport`); what to send and what an answer means (retries and their delays, the 401
rule, pagination, the wait for a file still processed, status → exception) is decided by :mod:`gazu._exchange`,
which the async client (:mod:`gazu._aio_client`) drives the same way, line for line.

The module-level functions (``get``, ``post``, ``fetch_all``, …) take a ``client`` argument defaulting to
:data:`default_client`, the process-wide client that :func:`gazu.set_host` and :func:`gazu.log_in` configure.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

import requests

from gazu import _auth, _exchange
from gazu import _requests_transport as transport
from gazu._deadline import Deadline
from gazu._exchange import (  # noqa: F401  (this module's names, upstream's among them)
    _PLACEHOLDER_HOST,
    DEFAULT_BACKOFF_FACTOR,
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_BACKOFF,
    DEFAULT_PROCESSING_TIMEOUT,
    DEFAULT_READ_TIMEOUT,
    DEFAULT_RETRIES,
    DEFAULT_RETRY_AFTER,
    DEFAULT_TOTAL_TIMEOUT,
    DOWNLOAD_ACCEPT_HEADER,
    IDEMPOTENT_METHODS,
    MAYBE_DONE_STATUSES,
    PROCESSING_STATUSES,
    RETRY_STATUSES,
    SIGNATURE_EXPIRED,
    USER_AGENT,
    UploadFailedException,
    api_path,
    build_path_with_params,
    check_status,
    checked_url,
    deleted_before,
    get_message_from_data,
    get_message_from_response,
    logger,
    model_path,
    raise_for_response,
    redacted_url,
    url_path_join,
)
from gazu._json import response_json  # noqa: F401  (a name of this module's)
from gazu._requests_transport import DOWNLOAD_READ_SIZE, POOL_SIZE, ExplicitVerifySession  # noqa: F401
from gazu._transfer import ProgressFileWrapper as _ProgressFileWrapper  # noqa: F401  (upstream's name)
from gazu._transfer import form_fields, form_files
from gazu.exception import GazuException, InvalidArgumentException, NotAuthenticatedException, ParameterException

if TYPE_CHECKING:  # pragma: no cover
    from gazu._accessor_types import Accessors  # what IDEs and type checkers see (scripts/generate-accessor-types)
    from gazu.types import LoginAnswer, Person
else:
    Accessors = object

# Upstream's module-level name for the default host (a constant: set_host changes the clients, not this).
host = _PLACEHOLDER_HOST


class DomainAccessors(Accessors):
    """What a :class:`KitsuClient` offers besides requests: every domain module, its functions bound to the client
    (``kitsu.asset.get_asset(…)``, see :mod:`gazu._accessors`, loaded on first use), and a few questions to the
    server."""

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

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # copy's and pickle's questions, never a module's name: answered without importing
            raise AttributeError("%r object has no attribute %r" % (type(self).__name__, name))
        from gazu._accessors import DOMAIN_MODULES, accessor  # it loads inspect: not at `import gazu`

        if name in DOMAIN_MODULES:
            self.__dict__[name] = bound = accessor(self, name)
            return bound
        raise AttributeError("%r object has no attribute %r" % (type(self).__name__, name))


class KitsuClient(_exchange.ClientState, DomainAccessors):
    """A connection to one Kitsu server: host, tokens, session and policies.

    Args:
        host: The API URL, e.g. ``https://kitsu.example.com/api``.
        ssl_verify, cert: TLS verification (on unless turned off) and client certificate, as requests takes them.
        use_refresh_token: Kept for compatibility: a 401 is answered with a token refresh whenever a refresh
            token is known.
        callback_not_authenticated: Called as ``callback(client, path)`` when a request stays unauthenticated;
            a true return value replays the request once.
        tokens: ``{"access_token": …, "refresh_token": …}``.
        timeout: Seconds to connect and seconds of silence allowed while reading, as a ``(connect, read)``
            pair or one number for both.
        total_timeout: Seconds each attempt of a request may take in all (None: no limit). An upload or a
            download gets them again each time it has moved 1 KiB per second of them: only a transfer that
            stops moving is cut.
        retries, backoff_factor: How many times an idempotent request is retried (0: never), and the first
            delay in seconds (doubled each time, with jitter, up to ``max_backoff``).

    Every domain module is also reachable through the client, its functions bound to it:
    ``kitsu.asset.all_assets_for_project(project)`` is ``gazu.asset.all_assets_for_project(project, client=kitsu)``.
    """

    dialect = _exchange.SYNC

    def __init__(self, host: str, ssl_verify: bool = True, cert: str | None = None, use_refresh_token: bool = True,
                 callback_not_authenticated: Callable | None = None, tokens: dict | None = None,
                 access_token: str | None = None, refresh_token: str | None = None, *, event_host: str | None = None,
                 timeout: float | tuple[float, float] | None = None,
                 total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT, retries: int = DEFAULT_RETRIES,
                 backoff_factor: float = DEFAULT_BACKOFF_FACTOR, max_backoff: float = DEFAULT_MAX_BACKOFF) -> None:
        self._configure(host, use_refresh_token, callback_not_authenticated, tokens, access_token, refresh_token,
                        event_host, timeout, total_timeout, retries, backoff_factor, max_backoff)
        self.session = transport.new_session(ssl_verify, cert)
        self._refresh_lock, self._log_in_lock = threading.Lock(), threading.Lock()

    # Sending: the decisions are gazu._exchange's ------------------------------------

    def request(self, method: str, path: str, *, params: dict | None = None, json: Any = None,
                headers: dict | None = None, full: bool = False, authenticated: bool = True, stream: bool = False,
                retry: bool = True, raise_for_status: bool = True, **options: Any) -> requests.Response:
        """Send a request and return the answer, raising for error statuses.

        ``path`` is relative to the host unless ``full``; ``json`` is encoded with ``CustomJSONEncoder``. With
        ``stream``, the body is left unread (``iter_content()``), the answer to ``close()``.
        """
        request = _exchange.prepare(self, method, path, params, json, headers, full, authenticated, stream, retry,
                                    raise_for_status, options)
        if self._env_credentials and authenticated and not self.access_token:
            self._log_in_from_env()
        flow, reply = _exchange.authenticated_exchange(self, request), None
        while True:
            step, value = flow.send(reply)
            if step is _exchange.DONE:
                return _exchange.finish(value, request)
            reply = getattr(self, step)(value)  # _send, _refresh_after_401 or _not_authenticated

    def _send(self, request: _exchange.Request) -> requests.Response:
        """Send a request with timeouts, and again where :class:`~gazu._exchange.Attempts` says."""
        attempts = _exchange.Attempts(self, request.method, request.path, request.retry)
        deadline = request.deadline or Deadline(self.total_timeout)
        while True:
            outcome = transport.attempt(self, request, deadline)
            delay = attempts.after(outcome)
            if delay is None:
                return cast(requests.Response, outcome)  # an answer: a failure that is not retried was raised
            transport.sleep(delay)

    def _refresh_after_401(self, token_used: str | None) -> bool:
        """Refresh once for all who hit a 401 with the same token."""
        with self._refresh_lock:
            if self.access_token and self.access_token != token_used:
                return True  # refreshed meanwhile
            if not self.refresh_token:
                return False
            try:
                self.refresh_access_token()
            except GazuException as error:
                logger.info("token refresh failed: %s", error)
                return False
            logger.debug("access token refreshed after a 401")
            return True

    def _not_authenticated(self, path: str) -> bool:
        """Ask ``callback_not_authenticated`` whether to replay a request that stays unauthenticated."""
        if self.callback_not_authenticated is None:
            return False
        return bool(self.callback_not_authenticated(self, path))

    # Tokens ---------------------------------------------------------------------------

    def log_in(self, email: str, password: str, totp: str | None = None, email_otp: str | None = None,
               fido_authentication_response: dict | None = None, recovery_code: str | None = None) -> LoginAnswer:
        """Log in and keep the tokens; return the server's answer (user and tokens).

        Raises:
            AuthFailedException: the server refused the credentials.
        """
        login = _auth.LogIn(email, password, totp=totp, email_otp=email_otp, recovery_code=recovery_code,
                            fido_authentication_response=fido_authentication_response)
        try:  # with the current token, as upstream sends it; a refusal is never taken for an expired token
            response = self.request("POST", "auth/login", json=login.payload, authenticated=False,
                                    headers=self.make_auth_header())
        except (NotAuthenticatedException, ParameterException) as error:
            raise login.refused(error) from None
        self.tokens = login.tokens(response)
        return login.result

    def _log_in_from_env(self) -> None:
        """Log in with the environment's credentials, once for all who need it; kept until a log-in succeeds."""
        with self._log_in_lock:
            if self.access_token or not self._env_credentials:
                return  # logged in meanwhile
            self.log_in(*self._env_credentials)
            self._env_credentials = None

    def refresh_access_token(self) -> dict:
        """Trade the refresh token for a new access token; return the server's answer, as upstream."""
        if not self.refresh_token:
            raise NotAuthenticatedException("no refresh token: log in first")
        response = self.request("GET", "auth/refresh-token", authenticated=False,
                                headers={"Authorization": "Bearer %s" % self.refresh_token})
        data = _exchange.decode_json(response, "GET", "auth/refresh-token")
        self.tokens = {**self.tokens, "access_token": _auth.refreshed_access_token(data)}
        return data

    # Verbs ------------------------------------------------------------------------------

    def get(self, path: str, json_response: bool = True, params: dict | None = None) -> Any:
        """GET a path; return its decoded JSON, or its text when ``json_response`` is false."""
        response = self.request("GET", path, params=params)
        return _exchange.decode_json(response, "GET", path) if json_response else response.text

    def post(self, path: str, data: Any) -> Any:
        """POST JSON data to a path; return the decoded answer."""
        response = self.request("POST", path, **_exchange.request_body(data, self.dialect))
        return _exchange.decode_json(response, "POST", path)

    def put(self, path: str, data: Any) -> Any:
        """PUT JSON data to a path; return the decoded answer."""
        response = self.request("PUT", path, **_exchange.request_body(data, self.dialect))
        return _exchange.decode_json(response, "PUT", path)

    def delete(self, path: str, params: dict | None = None) -> str:
        """DELETE a path; return the answer's text."""
        response = self.request("DELETE", path, params=params)
        return response.text

    def fetch_all(self, path: str, params: dict | None = None, paginated: bool = False,
                  limit: int | None = None, fields: list[str] | str | None = None) -> list[dict]:
        """GET ``data/<path>``; with ``paginated``, walk every page and join them."""
        pages = _exchange.Pages(path, params, paginated, limit, fields, self.dialect)
        while not pages.done:
            pages.add(self.get(pages.route, params=pages.params))
        return pages.result

    # Files ------------------------------------------------------------------------------

    def upload(self, path: str, file_path: str | None = None, data: dict | None = None,
               extra_files: list | None = None, files: dict | None = None,
               progress_callback: Callable | None = None) -> Any:
        """POST files as multipart/form-data, streamed from disk; return the decoded answer.

        ``file_path`` is sent as the ``file`` field and ``extra_files`` as ``file-1``, ``file-2``, …, unless
        ``files`` gives the parts, as requests takes them (field names mapped to paths, open files, bytes or
        ``(file name, content[, content type])`` tuples); ``data`` gives text fields. A body up to
        :data:`~gazu._transfer.SMALL_BODY_LIMIT` is sent as bytes, a larger one streamed.
        ``progress_callback(bytes_read, total)`` is called as the files are read.

        Raises:
            UploadFailedException: the answer has a ``message`` or an ``error``, or a file changed while read.
        """
        deadline = Deadline(self.total_timeout, transfer=True)
        form = transport.Form(form_files(file_path, extra_files, files), form_fields(data), deadline,
                              progress_callback)
        try:
            response = self.request("POST", path, headers=form.headers, body_factory=form.body, deadline=deadline)
        finally:
            form.close()
        return _exchange.upload_answer(response, path)

    def download(self, path: str, file_path: Any, params: dict | None = None,
                 progress_callback: Callable | None = None, processing_timeout: float = DEFAULT_PROCESSING_TIMEOUT,
                 full: bool = False, authenticated: bool = True, headers: dict | None = None) -> requests.Response:
        """Stream ``path`` into ``file_path`` atomically; return the (closed) answer.

        The body goes to a temporary file beside the target, moved into place only once complete: a failure
        leaves neither a partial file nor a clobbered earlier one; a cut download is retried. Without a
        ``file_path`` the body stays in ``response.content``, as upstream; ``file_path`` may also be a function
        of the answer giving the path. While Zou answers 202 (a preview still processed), the file is asked
        again after the answer's ``Retry-After``, for up to ``processing_timeout`` seconds.
        """
        download = _exchange.Download(self, path, file_path, processing_timeout, full, headers, time.monotonic())
        while True:
            deadline, response = Deadline(self.total_timeout, transfer=True), None
            try:
                response = self.request("GET", path, params=params, stream=download.streamed, full=full,
                                        authenticated=authenticated, headers=download.headers,
                                        raise_for_status=False, deadline=deadline)
                delay = download.after(response, time.monotonic())
                if delay is None:
                    cut = transport.save(response, path, download.path_for(response), progress_callback, deadline)
                    delay = download.after_cut(cut, response)
                    if delay is None:
                        return response
            finally:
                download.release(response, deadline)
            transport.sleep(delay)


# Module-level API -------------------------------------------------------------


def _retry_after(response: Any, deadline: float) -> float:
    """Upstream's name: the seconds to wait for a file still processed, until ``deadline`` (``time.monotonic()``)."""
    return _exchange.processing_delay(response.headers, deadline - time.monotonic())


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


def get_full_url(path: str, client: KitsuClient = default_client) -> str:
    """Return the absolute URL of an API path."""
    return client.full_url(path)


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
        _exchange.decode_json(response, "POST", "auth/login")
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
    """POST JSON data to a path (None as ``null``, as upstream); return the decoded answer."""
    return client.post(path, data)


def put(path: str, data: dict, client: KitsuClient = default_client) -> Any:
    """PUT JSON data to a path (None as ``null``, as upstream); return the decoded answer."""
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
    return client.post("import/kitsu/%s" % _exchange._model_name(model_name), data)


def get_api_version(client: KitsuClient = default_client) -> str:
    """Return the server's version string."""
    return client.get("")["version"]


def get_current_user(client: KitsuClient = default_client) -> Person:
    """Return the logged-in user."""
    return client.get("auth/authenticated")["user"]


def get_file_data_from_url(url: str, full: bool = False, client: KitsuClient = default_client) -> bytes:
    """Return the bytes at an API path (or at a full URL when ``full`` is true)."""
    return client.request("GET", url, full=full).content


def upload(path: str, file_path: str | None = None, data: dict | None = None, extra_files: list | None = None,
           files: dict | None = None, client: KitsuClient = default_client,
           progress_callback: Callable | None = None) -> Any:
    """Upload files to a path as a streamed multipart form; return the decoded answer."""
    return client.upload(path, file_path=file_path, data=data, extra_files=extra_files, files=files,
                         progress_callback=progress_callback)


def download(path: str, file_path: str, params: dict | None = None, client: KitsuClient = default_client,
             progress_callback: Callable | None = None, processing_timeout: float = 60) -> requests.Response:
    """Download a path into ``file_path`` atomically (None: into ``response.content``); return the response."""
    return client.download(path, file_path, params=params, progress_callback=progress_callback,
                           processing_timeout=processing_timeout)
