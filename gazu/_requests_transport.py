"""The sync client's transport, on requests: one attempt, what its errors mean, a body streamed to a file.

Only what requests does differently lives here; :mod:`gazu._aiohttp_transport`
has the same names for aiohttp, so that the two drivers (:mod:`gazu.client`,
:mod:`gazu._aio_client`) read alike. A blocking read cannot be interrupted
from its own thread: each attempt's total timeout is kept by the watchdog
of :mod:`gazu._deadline`, which shuts the socket of a request past it.
"""

from __future__ import annotations

import time
import uuid
from typing import Any, Callable

import requests

from gazu import _exchange
from gazu._deadline import Deadline, WatchedAdapter, watchdog
from gazu._environment import EnvironmentOnceSession
from gazu._exchange import USER_AGENT, Failure, Request
from gazu._transfer import AtomicFile, MultipartBody, expected_length, html_instead_of_file, multipart_body, own_error

POOL_SIZE = 32
# Downloads are read in pieces this size: small enough to tell a moving transfer from a stalled one.
DOWNLOAD_READ_SIZE = 64 * 1024


class ExplicitVerifySession(EnvironmentOnceSession):
    """A :class:`requests.Session` that keeps what was set: its ``verify``, and a body's destination.

    - requests lets ``REQUESTS_CA_BUNDLE`` or ``CURL_CA_BUNDLE`` override a
      session's ``verify = False``; here the environment fills in only the
      default (``verify = True``).
    - requests follows a 307 or 308 answer to another host with the same
      body, a log-in's password included; here such a redirect is refused
      with a :class:`~gazu.exception.HostException`
      (:func:`gazu._exchange.same_destination` decides).
    """

    def merge_environment_settings(self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any) -> Any:
        settings = super().merge_environment_settings(url, proxies, stream, verify, cert)
        if verify is None and self.verify is not True:
            settings["verify"] = self.verify
        return settings

    def rebuild_auth(self, prepared_request: Any, response: Any) -> None:
        sent = response.request
        if prepared_request.body is not None and not _exchange.same_destination(sent.url, prepared_request.url):
            response.close()
            raise _exchange.redirect_refused(sent.method, sent.url, prepared_request.url, response.status_code)
        super().rebuild_auth(prepared_request, response)


def new_session(ssl_verify: Any, cert: Any) -> ExplicitVerifySession:
    """Return a client's session: pooled connections for ``gazu.concurrency.map_calls``' threads, watched."""
    session = ExplicitVerifySession()
    adapter = WatchedAdapter(pool_connections=4, pool_maxsize=POOL_SIZE)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.verify = ssl_verify
    session.cert = cert
    session.headers["User-Agent"] = USER_AGENT
    return session


def sleep(seconds: float) -> None:
    """Wait before the next attempt (``time.sleep``, looked up on each call, so that a test can replace it)."""
    time.sleep(seconds)


def attempt(client: Any, request: Request, deadline: Deadline) -> requests.Response | Failure:
    """Send one attempt under the watch of its deadline; return its answer, or the failure that stopped it.

    A streamed answer's deadline stays watched until its reader is done (``deadline.done()``).
    """
    deadline.restart()  # before the body is made: a small one is read at once
    request.next_attempt()
    started = time.monotonic()
    watchdog.arm(deadline)
    try:
        response = client.session.request(request.method, request.url, params=request.params, data=request.data,
                                          headers=request.headers, stream=request.stream, timeout=client.timeout,
                                          **request.options)
    except requests.exceptions.RequestException as error:
        watchdog.disarm(deadline)
        return failure(client, error, deadline)
    except BaseException:
        watchdog.disarm(deadline)
        raise
    finally:
        watchdog.sent()
    if not request.stream:
        watchdog.disarm(deadline)
    if deadline.expired:  # a cut answer can look complete: headers or a body ended by the closed socket
        response.close()
        return failure(client, requests.exceptions.ConnectionError("the total timeout has passed"), deadline)
    _exchange.log_answer(request, response.status_code, started, time.monotonic)
    return response


def failure(client: Any, error: requests.exceptions.RequestException, deadline: Deadline) -> Failure:
    """Say what a requests error means for the exchange (raising those that are no failure to exchange)."""
    own = own_error(error)  # a file of the body changed or vanished while it was sent
    if own is not None:
        raise own from None
    if deadline.expired or isinstance(error, requests.exceptions.ReadTimeout):
        reason = deadline.describe() if deadline.expired else _exchange.no_answer(client)
        return Failure(error, timed_out=True, reason=reason)
    if not isinstance(error, (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError)):
        raise error
    return Failure(error, never_connected=_never_connected(error),
                   connect_timeout=isinstance(error, requests.exceptions.ConnectTimeout))


def _never_connected(error: Exception) -> bool:
    """Tell whether a connection error happened before any byte was sent."""
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return True
    cause: Any = error
    seen = 0
    while cause is not None and seen < 10:
        if type(cause).__name__ in ("NewConnectionError", "NameResolutionError", "ConnectionRefusedError"):
            return True
        wrapped = cause.args[0] if cause.args and isinstance(cause.args[0], BaseException) else None
        cause = getattr(cause, "reason", None) or wrapped or cause.__context__
        seen += 1
    return False


def save(response: requests.Response, path: str, file_path: str | None, progress_callback: Callable | None,
         deadline: Deadline) -> Failure | None:
    """Write a streamed answer to ``file_path`` atomically; return the cut that stopped it, if one did."""
    if file_path is None:  # kept in memory: read already
        return None
    if html_instead_of_file(file_path, response.headers):
        raise _exchange.html_page_error(path, file_path, response, next(response.iter_content(512), b""))
    try:
        with AtomicFile(file_path) as target:
            total = expected_length(response.headers)
            for chunk in response.iter_content(DOWNLOAD_READ_SIZE):
                target.write(chunk)
                deadline.advance(target.received)
                if progress_callback is not None:
                    progress_callback(target.received, total)
            if deadline.expired:  # the socket was shut: what came may look complete
                raise requests.exceptions.ConnectionError(deadline.describe())
            cut = _exchange.body_cut_short(target.received, total)
            if cut:
                raise requests.exceptions.ChunkedEncodingError(cut)
    except (requests.exceptions.RequestException, OSError) as error:
        return Failure(error, timed_out=deadline.expired, reason=deadline.describe(),
                       network=isinstance(error, requests.exceptions.RequestException))
    return None


class Form:
    """The multipart form of an upload: its body made again for each attempt (read from disk when large)."""

    def __init__(self, files: list, fields: list, deadline: Deadline, progress_callback: Callable | None) -> None:
        self.files, self.fields, self.deadline, self.progress_callback = files, fields, deadline, progress_callback
        self.boundary = uuid.uuid4().hex
        self.headers = {"Content-Type": "multipart/form-data; boundary=%s" % self.boundary}

    def body(self) -> bytes | MultipartBody:
        return multipart_body(self.fields, self.files, self.progress, self.boundary)

    def progress(self, sent: int, total: int) -> None:
        self.deadline.advance(sent)
        if self.progress_callback is not None:
            self.progress_callback(sent, total)

    def close(self) -> None:
        """Nothing to close: the body closes each file it reads."""
