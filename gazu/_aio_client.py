"""The async transport behind :mod:`gazu.aio`: :class:`AsyncKitsuClient`, on aiohttp.

The client moves the bytes (:mod:`gazu._aiohttp_transport`); what to send and
what an answer means is decided by :mod:`gazu._exchange`, which the sync
:class:`~gazu.client.KitsuClient` drives the same way: the two classes are
line-aligned twins (tests/unit/test_exchange.py compares them), so they
have the same timeouts, retries, single token refresh on a 401 (an
:class:`asyncio.Lock` here), exceptions and messages, streamed uploads and
atomic downloads. aiohttp is imported on first use: ``import gazu`` never
loads it.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from typing import TYPE_CHECKING, Any, Callable, cast

from gazu import _aiohttp_transport as transport
from gazu import _auth, _exchange
from gazu._aiohttp_transport import AsyncResponse, aiohttp_module  # noqa: F401  (gazu.aio's names)
from gazu._deadline import Deadline
from gazu._exchange import (
    DEFAULT_BACKOFF_FACTOR,
    DEFAULT_MAX_BACKOFF,
    DEFAULT_PROCESSING_TIMEOUT,
    DEFAULT_RETRIES,
    DEFAULT_TOTAL_TIMEOUT,
    logger,
)
from gazu._transfer import form_fields, upload_parts
from gazu.exception import GazuException, NotAuthenticatedException, ParameterException

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import LoginAnswer

DEFAULT_MAX_CONNECTIONS = 100


class AsyncKitsuClient(_exchange.ClientState):
    """A connection to one Kitsu server for asyncio code: host, tokens, an aiohttp session and policies.

    Use it as ``async with AsyncKitsuClient(host) as client:`` (or call :meth:`close`). The positional
    arguments are upstream's; the keywords after them are those of :class:`~gazu.client.KitsuClient` (``cert``,
    ``timeout``, ``retries``…), plus ``max_connections``, the size of the connection pool (concurrent requests
    beyond it wait for a free connection; waiting does not count against the timeout). Without ``tokens``,
    :attr:`tokens` is ``{"access_token": …, "refresh_token": …}`` (None when not given), as upstream's.
    """

    dialect = _exchange.ASYNC

    def __init__(self, host: str, ssl_verify: bool = True, use_refresh_token: bool = True,
                 callback_not_authenticated: Callable | None = None, tokens: dict | None = None,
                 access_token: str | None = None, refresh_token: str | None = None, *, cert: str | tuple | None = None,
                 event_host: str | None = None, timeout: float | tuple[float, float] | None = None,
                 total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT, retries: int = DEFAULT_RETRIES,
                 backoff_factor: float = DEFAULT_BACKOFF_FACTOR, max_backoff: float = DEFAULT_MAX_BACKOFF,
                 max_connections: int = DEFAULT_MAX_CONNECTIONS) -> None:
        self._configure(host, use_refresh_token, callback_not_authenticated, tokens, access_token, refresh_token,
                        event_host, timeout, total_timeout, retries, backoff_factor, max_backoff)
        self.ssl_verify, self.cert, self.max_connections = ssl_verify, cert, max_connections
        # Made for each event loop: see session.
        self._session: Any = None
        self._session_loop: asyncio.AbstractEventLoop | None = None
        self._locks: tuple[asyncio.Lock, asyncio.Lock] | None = None

    # Sending: the decisions are gazu._exchange's ------------------------------------

    async def request(self, method: str, path: str, *, params: dict | None = None, json: Any = None,
                      headers: dict | None = None, full: bool = False, authenticated: bool = True,
                      stream: bool = False, retry: bool = True, raise_for_status: bool = True,
                      **options: Any) -> AsyncResponse:
        """Send a request and return the answer, raising for error statuses.

        ``path`` is relative to the host unless ``full``; ``json`` is encoded with ``CustomJSONEncoder``. With
        ``stream``, the body is left unread (``raw.content``), the answer to ``close()``.
        """
        request = _exchange.prepare(self, method, path, params, json, headers, full, authenticated, stream, retry,
                                    raise_for_status, options)
        if self._env_credentials and authenticated and not self.access_token:
            await self._log_in_from_env()
        flow, reply = _exchange.authenticated_exchange(self, request), None
        while True:
            step, value = flow.send(reply)
            if step is _exchange.DONE:
                return _exchange.finish(value, request)
            reply = await getattr(self, step)(value)  # _send, _refresh_after_401 or _not_authenticated

    async def _send(self, request: _exchange.Request) -> AsyncResponse:
        """Send a request with timeouts, and again where :class:`~gazu._exchange.Attempts` says."""
        attempts = _exchange.Attempts(self, request.method, request.path, request.retry)
        deadline = request.deadline or Deadline(self.total_timeout)
        while True:
            outcome = await transport.attempt(self, request, deadline)
            delay = attempts.after(outcome)
            if delay is None:
                return cast(AsyncResponse, outcome)  # an answer: a failure that is not retried was raised
            await transport.sleep(delay)

    async def _refresh_after_401(self, token_used: str | None) -> bool:
        """Refresh once for all who hit a 401 with the same token."""
        async with self._refresh_lock:
            if self.access_token and self.access_token != token_used:
                return True  # refreshed meanwhile
            if not self.refresh_token:
                return False
            try:
                await self.refresh_access_token()
            except GazuException as error:
                logger.info("token refresh failed: %s", error)
                return False
            logger.debug("access token refreshed after a 401")
            return True

    async def _not_authenticated(self, path: str) -> bool:
        """Ask ``callback_not_authenticated`` whether to replay a request that stays unauthenticated."""
        if self.callback_not_authenticated is None:
            return False
        answer = self.callback_not_authenticated(self, path)  # a function or a coroutine function
        return bool(await answer if inspect.isawaitable(answer) else answer)

    # Tokens ---------------------------------------------------------------------------

    async def log_in(self, email: str, password: str, totp: str | None = None, email_otp: str | None = None,
                     fido_authentication_response: dict | None = None, recovery_code: str | None = None) -> LoginAnswer:
        """Log in and keep the tokens, as :meth:`KitsuClient.log_in <gazu.client.KitsuClient.log_in>` does."""
        login = _auth.LogIn(email, password, totp=totp, email_otp=email_otp, recovery_code=recovery_code,
                            fido_authentication_response=fido_authentication_response)
        try:  # with the current token, as upstream sends it; a refusal is never taken for an expired token
            response = await self.request("POST", "auth/login", json=login.payload, authenticated=False,
                                          headers=self.make_auth_header())
        except (NotAuthenticatedException, ParameterException) as error:
            raise login.refused(error) from None
        self.tokens = login.tokens(response)
        return login.result

    async def _log_in_from_env(self) -> None:
        """Log in with the environment's credentials, once for all who need it; kept until a log-in succeeds."""
        async with self._log_in_lock:
            if self.access_token or not self._env_credentials:
                return  # logged in meanwhile
            await self.log_in(*self._env_credentials)
            self._env_credentials = None

    async def refresh_access_token(self) -> dict:
        """Trade the refresh token for a new access token; return the server's answer, as upstream."""
        if not self.refresh_token:
            raise NotAuthenticatedException("no refresh token: log in first")
        response = await self.request("GET", "auth/refresh-token", authenticated=False,
                                      headers={"Authorization": "Bearer %s" % self.refresh_token})
        data = _exchange.decode_json(response, "GET", "auth/refresh-token")
        self.tokens = {**self.tokens, "access_token": _auth.refreshed_access_token(data)}
        return data

    # Verbs ------------------------------------------------------------------------------

    async def get(self, path: str, json_response: bool = True, params: dict | None = None) -> Any:
        """GET a path; return its decoded JSON, or its text when ``json_response`` is false."""
        response = await self.request("GET", path, params=params)
        return _exchange.decode_json(response, "GET", path) if json_response else response.text

    async def post(self, path: str, data: Any) -> Any:
        """POST JSON data to a path; return the decoded answer."""
        response = await self.request("POST", path, **_exchange.request_body(data, self.dialect))
        return _exchange.decode_json(response, "POST", path)

    async def put(self, path: str, data: Any) -> Any:
        """PUT JSON data to a path; return the decoded answer."""
        response = await self.request("PUT", path, **_exchange.request_body(data, self.dialect))
        return _exchange.decode_json(response, "PUT", path)

    async def delete(self, path: str, params: dict | None = None) -> str:
        """DELETE a path; return the answer's text."""
        response = await self.request("DELETE", path, params=params)
        return response.text

    async def fetch_all(self, path: str, params: dict | None = None, paginated: bool = False,
                        limit: int | None = None, fields: list[str] | str | None = None) -> list[dict]:
        """GET ``data/<path>``; with ``paginated``, walk every page and join them."""
        pages = _exchange.Pages(path, params, paginated, limit, fields, self.dialect)
        while not pages.done:
            pages.add(await self.get(pages.route, params=pages.params))
        return pages.result

    # Files ------------------------------------------------------------------------------

    async def upload(self, path: str, file_path: str | None = None, data: dict | None = None,
                     extra_files: list | None = None,
                     progress_callback: Callable | None = None) -> Any:
        """POST files as multipart/form-data, as :meth:`KitsuClient.upload <gazu.client.KitsuClient.upload>` does
        (``files`` aside); aiohttp reads them in a worker thread, ``progress_callback`` is called on the loop."""
        deadline = Deadline(self.total_timeout, transfer=True)
        form = transport.Form(upload_parts(file_path, extra_files, None), form_fields(data), deadline,
                              progress_callback)
        try:
            response = await self.request("POST", path, headers=form.headers, body_factory=form.body,
                                          deadline=deadline)
        finally:
            form.close()
        return _exchange.upload_answer(response, path)

    async def download(self, path: str, file_path: Any, params: dict | None = None,
                       progress_callback: Callable | None = None,
                       processing_timeout: float = DEFAULT_PROCESSING_TIMEOUT,
                       full: bool = False, authenticated: bool = True, headers: dict | None = None) -> AsyncResponse:
        """Stream ``path`` into ``file_path`` atomically; return the (released) answer.

        As with the sync client, the body goes to a temporary file beside the target, moved into place only
        once complete: a failure leaves neither a partial file nor a clobbered earlier one; a cut download is
        retried. Without a ``file_path`` the body stays in ``response.content``; ``file_path`` may also be a
        function of the answer giving the path. While Zou answers 202 (a preview still processed), the file
        is asked again after the answer's ``Retry-After``, for up to ``processing_timeout`` seconds.
        """
        download = _exchange.Download(self, path, file_path, processing_timeout, full, headers, time.monotonic())
        while True:
            deadline, response = Deadline(self.total_timeout, transfer=True), None
            try:
                response = await self.request("GET", path, params=params, stream=download.streamed, full=full,
                                              authenticated=authenticated, headers=download.headers,
                                              raise_for_status=False, deadline=deadline)
                delay = download.after(response, time.monotonic())
                if delay is None:
                    cut = await transport.save(response, path, download.path_for(response), progress_callback,
                                               deadline)
                    delay = download.after_cut(cut, response)
                    if delay is None:
                        return response
            finally:
                download.release(response, deadline)
            await transport.sleep(delay)

    # The aiohttp session: one for each event loop ---------------------------------------

    async def __aenter__(self) -> AsyncKitsuClient:
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the connections; the client opens new ones if used again."""
        session, self._session = self._session, None
        if session is not None and not session.closed:
            await session.close()

    @property
    def session(self) -> Any:
        """The :class:`aiohttp.ClientSession` of the running event loop (made on first use), as upstream's."""
        loop = asyncio.get_running_loop()
        if self._session is not None and self._session_loop is not loop:
            self._session.detach()  # its loop is gone: nothing left to close with it
            self._session = None
        if self._session is None or self._session.closed:
            self._session = transport.new_session(self)
            self._session_loop = loop
            self._locks = asyncio.Lock(), asyncio.Lock()
        return self._session

    def _get_session(self) -> Any:
        """Return the aiohttp session of the running loop (a new one for a new loop)."""
        return self.session

    @property
    def _refresh_lock(self) -> asyncio.Lock:
        """The lock of the token refresh on the running loop (a lock belongs to one loop)."""
        return self._lock(0)

    @property
    def _log_in_lock(self) -> asyncio.Lock:
        """The lock of the environment's log-in on the running loop."""
        return self._lock(1)

    def _lock(self, which: int) -> asyncio.Lock:
        self.session  # noqa: B018  (made with the running loop's session)
        return cast("tuple[asyncio.Lock, asyncio.Lock]", self._locks)[which]
