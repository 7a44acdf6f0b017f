"""The async transport behind :mod:`gazu.aio`: :class:`AsyncKitsuClient`, on aiohttp.

It applies the rules of the sync :class:`~gazu.client.KitsuClient`, and
shares its code wherever no I/O is involved:

- a timeout on connecting and on every read (``timeout``: one number or a
  ``(connect, read)`` pair, the sync defaults), and a total timeout on each
  attempt (``total_timeout``), which a transfer gets again as long as it
  moves (see :mod:`gazu._deadline`);
- retries with exponential backoff and jitter for idempotent requests on
  connection errors and on 429, 502, 503 and 504, honouring ``Retry-After``;
  a POST is retried only when the connection was never established;
- one token refresh and one replay on a 401, sent once however many tasks
  hit the 401 together (an :class:`asyncio.Lock`);
- the same exceptions with the same messages: error answers go through
  :func:`gazu.client.raise_for_response` itself, since :class:`AsyncResponse`
  reads like a :class:`requests.Response`;
- uploads streamed from the open files (aiohttp reads them chunk by chunk
  in a worker thread), downloads streamed into a temporary file beside the
  target and moved into place only once complete.

aiohttp is imported on first use: ``import gazu`` never loads it.
"""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import io
import logging
import mimetypes
import os
import ssl
import time
from typing import Any, Callable

from gazu import _auth
from gazu import cache as _cache
from gazu.__version__ import __version__
from gazu._deadline import DEFAULT_TOTAL_TIMEOUT, Deadline, DeadlinePassed
from gazu._json import loads as json_loads
from gazu._transfer import (
    CHUNK_SIZE,
    AtomicFile,
    check_unchanged,
    download_target,
    expected_length,
    file_state,
    form_fields,
    html_instead_of_file,
    own_error,
    upload_parts,
)
from gazu.client import (
    _AUTH_ROUTES,
    DEFAULT_BACKOFF_FACTOR,
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_BACKOFF,
    DEFAULT_READ_TIMEOUT,
    DEFAULT_RETRIES,
    IDEMPOTENT_METHODS,
    MAYBE_DONE_STATUSES,
    PROCESSING_STATUSES,
    RETRY_STATUSES,
    KitsuClient,
    _dump_json,
    _html_instead_of_file,
    _retry_after_seconds,
    _short_reason,
    api_path,
    checked_url,
    deleted_before,
    raise_for_response,
    redacted_url,
)
from gazu.exception import (
    DownloadFileException,
    FileDoesntExistException,
    GazuException,
    HostException,
    NetworkException,
    NotAuthenticatedException,
    PreviewFileProcessingException,
    TimeoutException,
)

logger = logging.getLogger("gazu")

DEFAULT_MAX_CONNECTIONS = 100


def aiohttp_module() -> Any:
    """Import aiohttp, or say which extra provides it."""
    try:
        import aiohttp
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError("gazu.aio needs aiohttp: pip install 'gazu[async]'") from error
    return aiohttp


class AsyncResponse:
    """An aiohttp answer read like a :class:`requests.Response` (``status_code``, ``content``, ``text``, ``json()``).

    ``raw`` is the :class:`aiohttp.ClientResponse`, or any object with a
    ``status`` and ``json()``/``text()`` coroutines (a test double): what
    it lacks reads as absent. ``content`` is None while a streamed body has
    not been read.
    """

    def __init__(self, raw: Any, content: bytes | None = None) -> None:
        self.raw = raw
        self.content = content
        self.status_code: int = raw.status
        self.reason: str | None = getattr(raw, "reason", None)
        self.headers = getattr(raw, "headers", None) or {}
        self.url = str(getattr(raw, "url", ""))

    def __repr__(self) -> str:
        return "<AsyncResponse [%d]>" % self.status_code

    @property
    def status(self) -> int:
        return self.status_code

    @property
    def ok(self) -> bool:
        return self.status_code < 400

    @property
    def encoding(self) -> str | None:
        return self.raw.charset

    @property
    def text(self) -> str:
        return (self.content or b"").decode(getattr(self.raw, "charset", None) or "utf-8", errors="replace")

    def json(self) -> Any:
        return json_loads(self.text)

    async def read(self) -> bytes:
        """Read the whole body (a streamed one too) and return it."""
        if self.content is None:
            self.content = await self.raw.read() if hasattr(self.raw, "read") else await self._decoded_body()
        return self.content

    async def _decoded_body(self) -> bytes:
        """Return the body of an answer that only offers ``json()`` and ``text()``: its JSON, else its text."""
        try:
            return _dump_json(await self.raw.json()).encode()
        except Exception:  # whatever a double's json() raises, its text() is the body
            return (await self.raw.text()).encode()

    def release(self) -> None:
        self.raw.release()


class _ProgressReader(io.BufferedReader):
    """A file read for an upload: reports progress on the loop and refuses a file that changes while read."""

    def __init__(self, path: str, progress: Callable[[int], None] | None) -> None:
        try:
            super().__init__(io.FileIO(path, "rb"))
        except FileNotFoundError:
            raise FileDoesntExistException("upload aborted: no such file: %s (removed before it was sent)"
                                           % path) from None
        self.path = path
        status = os.fstat(self.fileno())
        self.state = (status.st_size, status.st_mtime_ns)
        self.progress = progress

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        check_unchanged(self, self.path, self.state)
        if chunk and self.progress is not None:
            self.progress(len(chunk))
        return chunk


def _query(params: dict | None) -> dict | None:
    """Encode query values as requests does: None dropped, lists repeated, everything else as text."""
    if not params:
        return None
    encoded: dict[str, Any] = {}
    for key, value in params.items():
        if value is None:
            continue
        encoded[key] = [str(item) for item in value] if isinstance(value, (list, tuple)) else str(value)
    return encoded


def _timeouts(timeout: Any) -> tuple[float | None, float | None]:
    return tuple(timeout) if isinstance(timeout, (tuple, list)) else (timeout, timeout)


class AsyncKitsuClient:
    """A connection to one Kitsu server for asyncio code: host, tokens, an aiohttp session and policies.

    Use it as ``async with AsyncKitsuClient(host) as client:`` (or call
    :meth:`close`). The positional arguments are upstream's; the keywords
    after them are those of :class:`~gazu.client.KitsuClient` (``cert``,
    ``timeout``, ``retries``…), plus ``max_connections``, the size of the
    connection pool (concurrent requests beyond it wait for a free
    connection; waiting does not count against the timeout).
    Without ``tokens``, :attr:`tokens` is ``{"access_token": …,
    "refresh_token": …}`` (None when not given), as upstream's.
    """

    def __init__(
        self,
        host: str,
        ssl_verify: bool = True,
        use_refresh_token: bool = True,
        callback_not_authenticated: Callable | None = None,
        tokens: dict | None = None,
        access_token: str | None = None,
        refresh_token: str | None = None,
        *,
        cert: str | tuple | None = None,
        event_host: str | None = None,
        timeout: float | tuple[float, float] | None = None,
        total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff_factor: float = DEFAULT_BACKOFF_FACTOR,
        max_backoff: float = DEFAULT_MAX_BACKOFF,
        max_connections: int = DEFAULT_MAX_CONNECTIONS,
    ) -> None:
        self.host = None if host is None else checked_url(host, "host")  # None: refused when used, as upstream
        self.event_host = checked_url(event_host, "event_host") if event_host else host
        self.ssl_verify = ssl_verify
        self.cert = cert
        self.use_refresh_token = use_refresh_token
        self.callback_not_authenticated = callback_not_authenticated
        self.tokens: dict = dict(tokens) if tokens else {"access_token": None, "refresh_token": None}
        if access_token:
            self.tokens["access_token"] = access_token
        if refresh_token:
            self.tokens["refresh_token"] = refresh_token
        self.timeout = timeout if timeout is not None else (DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT)
        self.total_timeout = total_timeout
        self.retries = retries
        self.backoff_factor = backoff_factor
        self.max_backoff = max_backoff
        self.max_connections = max_connections
        self._session: Any = None
        self._session_loop: asyncio.AbstractEventLoop | None = None
        self._refresh_lock: asyncio.Lock | None = None

    # What needs no I/O is the sync client's own code.
    access_token = KitsuClient.access_token
    refresh_token = KitsuClient.refresh_token
    make_auth_header = KitsuClient.make_auth_header
    full_url = KitsuClient.full_url
    _backoff = KitsuClient._backoff
    _json = staticmethod(KitsuClient._json)

    def __repr__(self) -> str:
        return "<AsyncKitsuClient host=%r authenticated=%s>" % (redacted_url(self.host), bool(self.access_token))

    async def __aenter__(self) -> AsyncKitsuClient:
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the connections; the client opens new ones if used again."""
        session, self._session = self._session, None
        if session is not None and not session.closed:
            await session.close()

    # Session ------------------------------------------------------------------

    def _ssl(self) -> Any:
        if not self.ssl_verify:
            return False
        if not self.cert:
            return True
        context = ssl.create_default_context()
        context.load_cert_chain(*(self.cert if isinstance(self.cert, (tuple, list)) else (self.cert,)))
        return context

    @property
    def session(self) -> Any:
        """The :class:`aiohttp.ClientSession` of the running event loop (made on first use), as upstream's."""
        return self._get_session()

    def _get_session(self) -> Any:
        """Return the aiohttp session of the running loop (a new one for a new loop)."""
        loop = asyncio.get_running_loop()
        if self._session is not None and self._session_loop is not loop:
            self._session.detach()  # its loop is gone: nothing left to close with it
            self._session = None
        if self._session is None or self._session.closed:
            aiohttp = aiohttp_module()
            connect, read = _timeouts(self.timeout)
            self._session = aiohttp.ClientSession(
                connector=_aiohttp_classes()["connector"](limit=self.max_connections, ssl=self._ssl()),
                request_class=_aiohttp_classes()["request"],
                timeout=aiohttp.ClientTimeout(total=None, sock_connect=connect, sock_read=read),
                headers={"User-Agent": "CGWire Gazu %s" % __version__})  # upstream's, on every request
            self._session_loop = loop
            self._refresh_lock = asyncio.Lock()
        return self._session

    # Tokens -------------------------------------------------------------------

    async def refresh_access_token(self) -> dict:
        """Trade the refresh token for a new access token; return the server's answer, as upstream."""
        if not self.refresh_token:
            raise NotAuthenticatedException("no refresh token: log in first")
        response = await self.request("GET", "auth/refresh-token", authenticated=False,
                                      headers={"Authorization": "Bearer %s" % self.refresh_token})
        data = self._json(response, "GET", "auth/refresh-token")
        self.tokens = {**self.tokens, "access_token": _auth.refreshed_access_token(data)}
        return data

    async def _refresh_after_401(self, token_used: str | None) -> bool:
        """Refresh once for all the tasks that hit a 401 with the same token."""
        async with self._refresh_lock:
            if self.access_token and self.access_token != token_used:
                return True  # another task refreshed already
            if not self.refresh_token:
                return False
            try:
                await self.refresh_access_token()
            except GazuException as error:
                logger.info("token refresh failed: %s", error)
                return False
            logger.debug("access token refreshed after a 401")
            return True

    # Sending ------------------------------------------------------------------

    async def _attempt(self, method: str, url: str, deadline: Deadline, stream: bool, kwargs: dict) -> AsyncResponse:
        """Send one attempt, and read its body unless streaming, within its deadline."""
        async def send() -> AsyncResponse:
            raw = await self._get_session().request(method, url, **kwargs)
            return AsyncResponse(raw, None if stream else await raw.read())

        token = _current_deadline.set(deadline)  # the connector files the connection under it
        url_token = _current_url.set(url)  # the request class keeps the body to this host
        try:
            return await within(deadline, send())
        finally:
            _current_url.reset(url_token)
            _current_deadline.reset(token)

    async def _send(self, method: str, url: str, path: str, *, retry: bool, stream: bool,
                    body_factory: Callable | None = None, deadline: Deadline | None = None,
                    **kwargs: Any) -> AsyncResponse:
        """Send one request with timeouts and, where safe, retries; read the body unless streaming."""
        aiohttp = aiohttp_module()
        deadline = deadline or Deadline(self.total_timeout)
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
                response = await self._attempt(method, url, deadline, stream, kwargs)
            except DeadlinePassed as error:
                raise TimeoutException("%s %s: %s" % (method, path, deadline.describe()),
                                       method=method, path=path) from error
            except aiohttp.ServerTimeoutError as error:
                if not _is_connect_timeout(error):
                    raise TimeoutException("%s %s: no answer from %s within %ss"
                                           % (method, path, redacted_url(self.host), _timeouts(self.timeout)[1]),
                                           method=method, path=path) from error
                failure: Exception = error
            except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError) as error:
                own = own_error(error)  # a file of the body changed or vanished while it was sent
                if own is not None:
                    raise own from None
                failure = error
            else:
                logger.debug("%s %s -> %d (%.0f ms)", method, path, response.status_code,
                             1000 * (time.monotonic() - started))
                if response.status_code in RETRY_STATUSES and idempotent and attempt < retries:
                    delay = _retry_after_seconds(response)
                    delay = self._backoff(attempt) if delay is None else min(delay, self.max_backoff)
                    logger.warning("%s %s: server answered %d; retry %d/%d in %.1fs",
                                   method, path, response.status_code, attempt + 1, retries, delay)
                    maybe_done = maybe_done or response.status_code in MAYBE_DONE_STATUSES
                    response.release()
                    await asyncio.sleep(delay)
                    attempt += 1
                    continue
                if deleted_before(method, path, response, maybe_done):
                    response.status_code, response.content = 204, b""
                return response
            if (idempotent or _never_connected(failure)) and attempt < retries:
                maybe_done = maybe_done or not _never_connected(failure)
                delay = self._backoff(attempt)
                logger.warning("%s %s: connection failed (%s); retry %d/%d in %.1fs",
                               method, path, type(failure).__name__, attempt + 1, retries, delay)
                await asyncio.sleep(delay)
                attempt += 1
                continue
            kind = TimeoutException if _is_connect_timeout(failure) else NetworkException
            raise kind("%s %s: cannot reach %s: %s" % (
                method, path, redacted_url(self.host), redacted_url(_short_reason(failure))),
                method=method, path=path) from failure

    async def request(
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
    ) -> AsyncResponse:
        """Send a request and return the answer, raising for error statuses, as ``KitsuClient.request`` does.

        With ``stream``, the body is left unread: read it from
        ``response.raw.content`` and call ``response.release()``.
        """
        method = method.upper()
        api_path(path)
        url = path if full else self.full_url(path)
        if json is not None:
            kwargs["data"] = _dump_json(json)
            headers = {"Content-Type": "application/json", **(headers or {})}
        self._get_session()  # the refresh lock belongs to the running loop
        for replay in (False, True):
            token_used = self.access_token
            all_headers = {**(self.make_auth_header() if authenticated else {}), **(headers or {})}
            response = await self._send(method, url, path, retry=retry, stream=stream, params=_query(params),
                                        headers=all_headers, **kwargs)
            if response.status_code != 401 or replay or not authenticated or path in _AUTH_ROUTES:
                break
            if await self._refresh_after_401(token_used) or await self._not_authenticated(path):
                response.release()
                continue
            break
        if method not in ("GET", "HEAD") and response.status_code < 400:
            _cache.clear_all()
        if raise_for_status and response.status_code >= 400:
            await response.read()
            response.release()
            raise_for_response(response, method, path)
        return response

    async def _not_authenticated(self, path: str) -> bool:
        """Ask ``callback_not_authenticated`` (a function or a coroutine function) whether to replay."""
        if self.callback_not_authenticated is None:
            return False
        answer = self.callback_not_authenticated(self, path)
        return bool(await answer if inspect.isawaitable(answer) else answer)

    # Verbs --------------------------------------------------------------------

    async def get(self, path: str, json_response: bool = True, params: dict | None = None) -> Any:
        """GET a path; return its decoded JSON, or its text when ``json_response`` is false."""
        response = await self.request("GET", path, params=params)
        return self._json(response, "GET", path) if json_response else response.text

    async def post(self, path: str, data: Any) -> Any:
        """POST JSON data to a path; return the decoded answer."""
        return self._json(await self.request("POST", path, json=data), "POST", path)

    async def put(self, path: str, data: Any) -> Any:
        """PUT JSON data to a path; return the decoded answer."""
        return self._json(await self.request("PUT", path, json=data), "PUT", path)

    async def delete(self, path: str, params: dict | None = None) -> str:
        """DELETE a path; return the answer's text."""
        return (await self.request("DELETE", path, params=params)).text

    async def fetch_all(self, path: str, params: dict | None = None, paginated: bool = False,
                        limit: int | None = None, fields: list[str] | str | None = None) -> list[dict]:
        """GET ``data/<path>``; with ``paginated``, walk every page and join them."""
        params = dict(params or {})
        if fields:
            params["fields"] = fields if isinstance(fields, str) else ",".join(fields)
        url = "data/" + api_path(path).lstrip("/")
        if not paginated:  # as upstream: ``limit`` is the size of a page
            return await self.get(url, params=params)
        params.setdefault("page", 1)
        if limit is not None:
            params["limit"] = limit
        results: list[dict] = []
        while True:
            page = await self.get(url, params=params)
            if not isinstance(page, dict) or "data" not in page:
                return results + list(page or [])
            results.extend(page["data"])
            if not page["data"] or int(page.get("page", params["page"])) >= int(page.get("nb_pages", 1)):
                return results
            params["page"] = int(params["page"]) + 1

    # Files --------------------------------------------------------------------

    async def upload(self, path: str, file_path: str | None = None, data: dict | None = None,
                     extra_files: list | None = None, progress_callback: Callable | None = None) -> Any:
        """POST files as multipart/form-data, streamed from disk; return the decoded answer.

        ``file_path`` is sent as the ``file`` field and ``extra_files`` as
        ``file-1``, ``file-2``, … (as upstream names them) ``progress_callback(bytes_sent, total)``
        is called on the event loop as the files' bytes go out.
        """
        aiohttp = aiohttp_module()
        parts = upload_parts(file_path, extra_files, None)
        total = sum(file_state(part_path)[0] for _name, _file_name, part_path in parts)
        loop = asyncio.get_running_loop()
        sent = [0]
        opened: list[_ProgressReader] = []
        deadline = Deadline(self.total_timeout, transfer=True)

        def report(count: int) -> None:  # in aiohttp's reading thread: hand the figures to the loop
            sent[0] += count
            deadline.advance(sent[0])
            if progress_callback is not None:
                loop.call_soon_threadsafe(progress_callback, sent[0], total)

        def form() -> Any:  # a retried upload (never connected) reads the files again
            sent[0] = 0
            body = aiohttp.FormData()
            for name, value in form_fields(data):  # as the sync client and upstream: True as "True"
                body.add_field(name, value.decode("utf-8"))
            for name, file_name, part_path in parts:
                opened.append(_ProgressReader(part_path, report))
                body.add_field(name, opened[-1], filename=file_name,
                               content_type=mimetypes.guess_type(file_name)[0] or "application/octet-stream")
            return body

        try:
            response = await self.request("POST", path, body_factory=form, deadline=deadline)
        finally:
            for handle in opened:
                handle.close()
        return self._json(response, "POST", path)

    async def download(self, path: str, file_path: str, params: dict | None = None,
                       progress_callback: Callable | None = None, processing_timeout: float = 60,
                       full: bool = False, authenticated: bool = True,
                       headers: dict | None = None) -> AsyncResponse:
        """Stream ``path`` into ``file_path`` atomically; return the (released) answer.

        As with the sync client, the body goes to a temporary file beside
        the target that replaces it only once complete, a cut download is
        retried, and 202 ("still processing") answers are waited out for
        up to ``processing_timeout`` seconds.
        """
        aiohttp = aiohttp_module()
        file_path = download_target(file_path)
        processing_deadline = time.monotonic() + (processing_timeout or 0)
        attempt = 0
        while True:
            deadline = Deadline(self.total_timeout, transfer=True)
            response = await self.request("GET", path, params=params, stream=True, full=full, deadline=deadline,
                                          authenticated=authenticated, headers=headers, raise_for_status=False)
            if response.status_code >= 400 and response.status_code not in PROCESSING_STATUSES:
                await response.read()
                response.release()
                raise_for_response(response, "GET", path)
            if response.status_code in PROCESSING_STATUSES:
                response.release()
                if time.monotonic() >= processing_deadline:
                    raise PreviewFileProcessingException(
                        "GET %s: still being processed after %ss" % (path, processing_timeout),
                        method="GET", path=path, status=response.status_code)
                await asyncio.sleep(min(2.0, max(0.1, processing_deadline - time.monotonic())))
                continue
            try:
                if html_instead_of_file(file_path, response.headers):
                    raise _html_instead_of_file(path, file_path, response, await response.raw.content.read(512))
                await _stream_to_file(response, file_path, progress_callback, deadline)
                return response
            except DeadlinePassed as error:
                raise DownloadFileException(
                    "GET %s: download failed (%s); %s was left untouched" % (path, deadline.describe(), file_path),
                    method="GET", path=path, status=response.status_code, response=response) from error
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
                network_error = not isinstance(error, OSError) or isinstance(error, aiohttp.ClientError)
                if attempt < self.retries and network_error:
                    attempt += 1
                    delay = self._backoff(attempt - 1)
                    logger.warning("GET %s: download cut (%s); retry %d/%d in %.1fs",
                                   path, type(error).__name__, attempt, self.retries, delay)
                    await asyncio.sleep(delay)
                    continue
                raise DownloadFileException(
                    "GET %s: download failed (%s); %s was left untouched" % (path, _short_reason(error), file_path),
                    method="GET", path=path, status=response.status_code, response=response) from error
            finally:
                response.release()


_current_deadline: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar("gazu_deadline", default=None)


async def within(deadline: Deadline, awaitable: Any) -> Any:
    """Await ``awaitable`` in this task; cancel it and raise :class:`DeadlinePassed` once ``deadline`` has passed.

    One timer on the loop, moved on while a transfer earns more time: no
    task of its own, so a request costs next to nothing more.
    """
    if deadline.seconds is None:
        return await awaitable
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()

    def check() -> None:
        nonlocal timer
        if deadline.passed():
            deadline.expired = True
            task.cancel()
        else:
            timer = loop.call_at(loop.time() + max(0.0, deadline.remaining()), check)

    timer = loop.call_at(loop.time() + max(0.0, deadline.remaining()), check)
    try:
        return await awaitable
    except asyncio.CancelledError:
        if not deadline.expired:
            raise  # cancelled by someone else
        uncancel = getattr(task, "uncancel", None)  # Python 3.11+: the cancellation was ours, and is over
        if uncancel is not None:
            uncancel()
        raise DeadlinePassed(deadline.describe()) from None
    finally:
        timer.cancel()


# The URL a request is sent to, before any redirect: its body is meant for that host only.
_current_url: contextvars.ContextVar[str | None] = contextvars.ContextVar("gazu_request_url", default=None)
_classes: dict[str, type] = {}


def _aiohttp_classes() -> dict[str, type]:
    """Return the connector and request classes the client's sessions use (built on first use)."""
    if not _classes:
        aiohttp = aiohttp_module()
        from yarl import URL

        class WatchedConnector(aiohttp.TCPConnector):
            """Files each connection under the deadline of the request it serves."""

            async def connect(self, *args: Any, **kwargs: Any) -> Any:
                connection = await super().connect(*args, **kwargs)
                deadline = _current_deadline.get()
                if deadline is not None:
                    deadline.connections.append(connection)
                return connection

        class GuardedRequest(aiohttp.ClientRequest):
            """Refuses to take a body to another host than the one it was sent to (a 307 or 308 would)."""

            def __init__(self, method: str, url: Any, *args: Any, **kwargs: Any) -> None:
                first = _current_url.get()
                if kwargs.get("data") is not None and first is not None and url.origin() != URL(first).origin():
                    raise HostException(
                        "%s %s: the server redirected to %s: not followed, since the request's body (credentials, "
                        "data) must not go to another host" % (method, redacted_url(first),
                                                               redacted_url(str(url.with_query(None)))),
                        method=method)
                super().__init__(method, url, *args, **kwargs)

        _classes.update(connector=WatchedConnector, request=GuardedRequest)
    return _classes


def _is_connect_timeout(error: BaseException) -> bool:
    """Tell a timeout on connecting (safe to retry) from one on reading (aiohttp < 3.10 names both alike)."""
    return type(error).__name__ == "ConnectionTimeoutError" or (
        type(error).__name__ == "ServerTimeoutError" and "connect" in str(error).lower())


def _never_connected(error: BaseException) -> bool:
    """Tell whether a connection error happened before any byte of the request was sent."""
    aiohttp = aiohttp_module()
    return isinstance(error, aiohttp.ClientConnectorError) or _is_connect_timeout(error)


async def _stream_to_file(response: AsyncResponse, file_path: str, progress_callback: Callable | None,
                          deadline: Deadline) -> None:
    """Write a streamed body beside ``file_path`` and move it into place once complete."""
    loop = asyncio.get_running_loop()
    total = expected_length(response.headers)
    chunks = response.raw.content.iter_chunked(CHUNK_SIZE)
    with AtomicFile(file_path) as target:
        while True:
            try:
                chunk = await within(deadline, chunks.__anext__())
            except StopAsyncIteration:
                break
            await loop.run_in_executor(None, target.write, chunk)
            deadline.advance(target.received)
            if progress_callback is not None:
                progress_callback(target.received, total)
        if total is not None and target.received != total:
            raise aiohttp_module().ClientPayloadError("body cut short: %d of %d bytes" % (target.received, total))
        await loop.run_in_executor(None, target.commit)
