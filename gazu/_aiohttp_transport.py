"""The async client's transport, on aiohttp: one attempt, what its errors mean, a body streamed to a file.

Only what aiohttp does differently lives here; :mod:`gazu._requests_transport`
has the same names for requests, so that the two drivers (:mod:`gazu.client`,
:mod:`gazu._aio_client`) read alike. Each attempt awaits within its total
timeout (:class:`Within`); aiohttp itself is imported on first use, never by
``import gazu``.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import io
import mimetypes
import os
import ssl
import time
from typing import Any, Callable

from gazu import _exchange
from gazu._deadline import Deadline, DeadlinePassed
from gazu._exchange import USER_AGENT, Failure, Request, _dump_json
from gazu._json import loads as json_loads
from gazu._transfer import (
    CHUNK_SIZE,
    AtomicFile,
    check_unchanged,
    expected_length,
    file_state,
    html_instead_of_file,
    own_error,
)
from gazu.exception import FileDoesntExistException


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

    def __repr__(self) -> str:
        return "<AsyncResponse [%d]>" % self.status_code

    @property
    def url(self) -> str:
        return str(getattr(self.raw, "url", ""))  # when asked: a URL's text is made anew each time

    @property
    def _content(self) -> bytes | None:  # requests' name, which gazu._exchange sets
        return self.content

    @_content.setter
    def _content(self, content: bytes | None) -> None:
        self.content = content

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

    close = release  # as requests names it


def new_session(client: Any) -> Any:
    """Return a client's :class:`aiohttp.ClientSession` for the running loop, with its timeouts and pool."""
    aiohttp = aiohttp_module()
    connect, read = client.timeout if isinstance(client.timeout, (tuple, list)) else (client.timeout,) * 2
    connector = _classes()["connector"](limit=client.max_connections, ssl=_ssl(client.ssl_verify, client.cert))
    return aiohttp.ClientSession(connector=connector, request_class=_classes()["request"],
                                 timeout=aiohttp.ClientTimeout(total=None, sock_connect=connect, sock_read=read),
                                 headers={"User-Agent": USER_AGENT})  # upstream's, on every request


def _ssl(ssl_verify: Any, cert: Any) -> Any:
    if not ssl_verify:
        return False
    if not cert:
        return True
    context = ssl.create_default_context()
    context.load_cert_chain(*(cert if isinstance(cert, (tuple, list)) else (cert,)))
    return context


async def sleep(seconds: float) -> None:
    """Wait before the next attempt."""
    await asyncio.sleep(seconds)


async def attempt(client: Any, request: Request, deadline: Deadline) -> AsyncResponse | Failure:
    """Send one attempt within its deadline; return its answer, or the failure that stopped it.

    The body is read unless streaming (an error's body always, for its message).
    """
    deadline.restart()  # before the body is made: a small one is read at once
    request.next_attempt()
    started = time.monotonic()
    token = _current_deadline.set(deadline)  # the connector files the connection under it
    url_token = _current_url.set(request.url)  # the request class keeps the body to this host
    try:
        with Within(deadline):
            raw = await client.session.request(request.method, request.url, params=_query(request.params),
                                               data=request.data, headers=request.headers, **request.options)
            response = AsyncResponse(raw, None if request.stream and raw.status < 400 else await raw.read())
    except (aiohttp_module().ClientError, DeadlinePassed) as error:
        return failure(client, error, deadline)
    finally:
        _current_url.reset(url_token)
        _current_deadline.reset(token)
    _exchange.log_answer(request, response.status_code, started, time.monotonic)
    return response


def failure(client: Any, error: BaseException, deadline: Deadline) -> Failure:
    """Say what an aiohttp error means for the exchange (raising those that are no failure to exchange)."""
    aiohttp = aiohttp_module()
    if isinstance(error, DeadlinePassed):
        return Failure(error, timed_out=True, reason=deadline.describe())
    if isinstance(error, aiohttp.ServerTimeoutError) and not _is_connect_timeout(error):
        return Failure(error, timed_out=True, reason=_exchange.no_answer(client))
    if not isinstance(error, (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError)):
        raise error
    own = own_error(error)  # a file of the body changed or vanished while it was sent
    if own is not None:
        raise own from None
    return Failure(error, never_connected=_never_connected(error), connect_timeout=_is_connect_timeout(error))


def _is_connect_timeout(error: BaseException) -> bool:
    """Tell a timeout on connecting (safe to retry) from one on reading (aiohttp < 3.10 names both alike)."""
    return type(error).__name__ == "ConnectionTimeoutError" or (
        type(error).__name__ == "ServerTimeoutError" and "connect" in str(error).lower())


def _never_connected(error: BaseException) -> bool:
    """Tell whether a connection error happened before any byte of the request was sent."""
    return isinstance(error, aiohttp_module().ClientConnectorError) or _is_connect_timeout(error)


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


async def save(response: AsyncResponse, path: str, file_path: str | None, progress_callback: Callable | None,
               deadline: Deadline) -> Failure | None:
    """Write a streamed answer to ``file_path`` atomically; return the cut that stopped it, if one did."""
    if file_path is None:  # kept in memory: read already
        return None
    aiohttp = aiohttp_module()
    if html_instead_of_file(file_path, response.headers):
        raise _exchange.html_page_error(path, file_path, response, await response.raw.content.read(512))
    try:
        await _stream_to_file(response, file_path, progress_callback, deadline)
    except DeadlinePassed as error:
        return Failure(error, timed_out=True, reason=deadline.describe())
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
        return Failure(error, network=not isinstance(error, OSError) or isinstance(error, aiohttp.ClientError))
    return None


async def _stream_to_file(response: AsyncResponse, file_path: str, progress_callback: Callable | None,
                          deadline: Deadline) -> None:
    """Write a streamed body beside ``file_path`` and move it into place once complete."""
    loop = asyncio.get_running_loop()
    total = expected_length(response.headers)
    chunks = response.raw.content.iter_chunked(CHUNK_SIZE)
    with AtomicFile(file_path) as target:
        while True:
            try:
                with Within(deadline):
                    chunk = await chunks.__anext__()
            except StopAsyncIteration:
                break
            await loop.run_in_executor(None, target.write, chunk)
            deadline.advance(target.received)
            if progress_callback is not None:
                progress_callback(target.received, total)
        cut = _exchange.body_cut_short(target.received, total)
        if cut:
            raise aiohttp_module().ClientPayloadError(cut)
        await loop.run_in_executor(None, target.commit)


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


class Form:
    """The multipart form of an upload, made again for each attempt: aiohttp reads the files chunk by chunk
    in a worker thread, and ``progress_callback(bytes_sent, total)`` is called on the event loop."""

    headers = None  # aiohttp writes the form's Content-Type itself

    def __init__(self, parts: list, fields: list, deadline: Deadline, progress_callback: Callable | None) -> None:
        self.parts, self.fields, self.deadline, self.progress_callback = parts, fields, deadline, progress_callback
        self.total = sum(file_state(part_path)[0] for _name, _file_name, part_path in parts)
        self.loop = asyncio.get_running_loop()
        self.sent = 0
        self.opened: list[_ProgressReader] = []

    def body(self) -> Any:
        self.sent = 0
        form = aiohttp_module().FormData()
        for name, value in self.fields:  # as the sync client and upstream: True as "True"
            form.add_field(name, value.decode("utf-8"))
        for name, file_name, part_path in self.parts:
            self.opened.append(_ProgressReader(part_path, self.progress))
            form.add_field(name, self.opened[-1], filename=file_name,
                           content_type=mimetypes.guess_type(file_name)[0] or "application/octet-stream")
        return form

    def progress(self, count: int) -> None:  # in aiohttp's reading thread: hand the figures to the loop
        self.sent += count
        self.deadline.advance(self.sent)
        if self.progress_callback is not None:
            self.loop.call_soon_threadsafe(self.progress_callback, self.sent, self.total)

    def close(self) -> None:
        for handle in self.opened:
            handle.close()


# Deadlines and redirects: what aiohttp is told through the context of the request ---------------

_current_deadline: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar("gazu_deadline", default=None)
# The URL a request is sent to, before any redirect: its body is meant for that host only.
_current_url: contextvars.ContextVar[str | None] = contextvars.ContextVar("gazu_request_url", default=None)
_built: dict[str, type] = {}


class Within:
    """``with Within(deadline):`` around awaits of a task: once ``deadline`` has passed, the task is cancelled and
    :class:`DeadlinePassed` raised in place of the cancellation.

    The deadline is watched by its loop's :class:`_LoopWatch`, with no timer
    of its own, and a context manager adds no coroutine to the awaits it
    holds: a request costs next to nothing more.
    """

    __slots__ = ("deadline", "task", "watch")
    task: Any  # the asyncio.Task awaiting, never None in a coroutine

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline
        self.watch: _LoopWatch | None = None

    def __enter__(self) -> None:
        if self.deadline.seconds is None:
            return
        global _watch
        loop, watch = asyncio.get_running_loop(), _watch
        if watch.loop is not loop:  # a new loop (a watch of another keeps watching what it armed)
            watch = _watch = _LoopWatch(loop)
        self.task = asyncio.current_task()
        watch.arm(self.deadline, self.task)
        self.watch = watch

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, traceback: Any) -> None:
        if self.watch is None:
            return
        self.watch.disarm(self.deadline)
        if kind is None or not issubclass(kind, asyncio.CancelledError) or not self.deadline.expired:
            return  # done in time, or cancelled by someone else
        uncancel = getattr(self.task, "uncancel", None)  # Python 3.11+: the cancellation was ours, and is over
        if uncancel is not None:
            uncancel()
        raise DeadlinePassed(self.deadline.describe()) from None


class _LoopWatch:
    """The deadlines of one event loop's requests, checked by one timer (the sync client's watchdog, on the loop).

    A timer for each request would cost a request more than all the rest of
    gazu's own work: its handle is pushed on the loop's heap and cancelled,
    and most answers come long before any deadline. Here arming and
    disarming a deadline are a dict's insertion and removal; the one timer
    is moved only for a deadline earlier than every other (all have the same
    length unless a transfer earned more time), and when it fires it cancels
    the tasks whose deadline has passed, then waits for the next one.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop | None) -> None:
        self.loop: Any = loop
        self.armed: dict[Deadline, asyncio.Task[Any]] = {}
        self.timer: asyncio.TimerHandle | None = None
        self.wake_at = float("inf")  # the monotonic time the timer fires at

    def arm(self, deadline: Deadline, task: asyncio.Task[Any]) -> None:
        self.armed[deadline] = task
        due = deadline.due()
        if due < self.wake_at:
            self._wake(due)

    def disarm(self, deadline: Deadline) -> None:
        self.armed.pop(deadline, None)  # the timer stays: when it fires, it waits for the deadlines left

    def _wake(self, due: float) -> None:
        if self.timer is not None:
            self.timer.cancel()
        self.wake_at = due
        self.timer = self.loop.call_at(self.loop.time() + max(0.0, due - time.monotonic()), self._check)

    def _check(self) -> None:
        self.timer, self.wake_at = None, float("inf")
        now = time.monotonic()
        for deadline, task in list(self.armed.items()):
            if deadline.due() <= now and deadline.passed():  # passed() gives a moving transfer more time
                del self.armed[deadline]
                deadline.expired = True
                task.cancel()
        if self.armed:
            self._wake(min(deadline.due() for deadline in self.armed))


_watch = _LoopWatch(None)  # the watch of the loop that armed a deadline last


def _classes() -> dict[str, type]:
    """Return the connector and request classes the client's sessions use (built on first use)."""
    if not _built:
        aiohttp = aiohttp_module()
        from aiohttp.client_proto import ResponseHandler

        connector_class: Any = aiohttp.TCPConnector
        request_class: Any = aiohttp.ClientRequest

        class LazyReadTimeout(ResponseHandler):
            """aiohttp's protocol, its read timeout (``sock_read``) kept by one timer moved on lazily.

            aiohttp moves a timer on the loop's heap for each piece received
            (and when a request is sent, and stopped at each answer's end): two
            or three timers a request, more than the rest of a request's own work.
            Here receiving only notes when the silence may end; the timer, made
            when none is pending, checks then and waits again if something came
            meanwhile; a stopped timeout just lets a pending timer pass. The
            timeout fires when aiohttp's would, and raises what aiohttp's does.
            """

            _gazu_due = 0.0
            _gazu_running = False
            _gazu_timer: asyncio.TimerHandle | None = None

            def _reschedule_timeout(self) -> None:
                timeout = self._read_timeout
                self._gazu_running = bool(timeout)
                if timeout:
                    due = self._gazu_due = self._loop.time() + timeout
                    timer = self._gazu_timer
                    if timer is None or timer.when() > due:  # none pending, or one too late (a shorter timeout)
                        if timer is not None:
                            timer.cancel()
                        self._gazu_timer = self._loop.call_at(due, self._gazu_check)

            def _drop_timeout(self) -> None:
                self._gazu_running = False

            def _gazu_check(self) -> None:
                self._gazu_timer = None
                if not self._gazu_running:
                    return
                if self._loop.time() < self._gazu_due:
                    self._gazu_timer = self._loop.call_at(self._gazu_due, self._gazu_check)
                    return
                self._gazu_running = False
                self._on_read_timeout()

        class WatchedConnector(connector_class):
            """Files each connection under the deadline of the request it serves; its connections' read
            timeout costs no timer per request (``LazyReadTimeout``)."""

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self._factory = functools.partial(LazyReadTimeout, loop=self._loop)

            async def connect(self, *args: Any, **kwargs: Any) -> Any:
                connection = await super().connect(*args, **kwargs)
                deadline = _current_deadline.get()
                if deadline is not None:
                    deadline.connections.append(connection)
                return connection

        class GuardedRequest(request_class):
            """Refuses to take a body to another host than the one it was sent to (a 307 or 308 would).

            Checked as the body is set, the one step of a request that has the
            body (overriding ``__init__`` would pass its two dozen keywords on
            again, for every request).
            """

            def update_body_from_data(self, body: Any, *args: Any, **kwargs: Any) -> None:
                first = _current_url.get() if body is not None else None
                if first is not None and not _exchange.same_destination(first, str(self.original_url)):
                    raise _exchange.redirect_refused(self.method, first, str(self.original_url.with_query(None)))
                super().update_body_from_data(body, *args, **kwargs)

        _built.update(connector=WatchedConnector, request=GuardedRequest)
    return _built
