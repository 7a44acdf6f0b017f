"""A deadline for each whole request, on top of the per-read timeout.

The read timeout bounds each silence, not a request: a server trickling one
byte every half second holds a call for ever. Each attempt of a request
therefore gets a :class:`Deadline` (``total_timeout`` seconds), and a
transfer (an upload or a download body) one that moves on with the bytes
moved (:data:`MIN_TRANSFER_RATE`), so that a slow but moving transfer is
never cut.

The async client awaits with the deadline (no I/O here is async-specific);
the sync client cannot interrupt a blocking read from its own thread, so a
:class:`Watchdog` thread shuts the socket of a request whose deadline has
passed, which ends the read at once. The sockets are those of the
connections a request claimed (:class:`WatchedAdapter`): a connection back
in the pool, or reused by another request, is never touched.
"""

from __future__ import annotations

import socket
import struct
import sys
import threading
import time
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3 import connection as _connection
from urllib3 import connectionpool as _pools
from urllib3 import poolmanager as _poolmanager

# The slowest average, in bytes per second, at which a transfer is still moving.
MIN_TRANSFER_RATE = 1024.0


class Deadline:
    """When an attempt must be over: ``seconds`` after it started (None: never).

    A ``transfer`` reports the bytes it has moved so far with
    :meth:`advance`; whenever its time is up, it gets ``seconds`` again if
    it moved at least ``MIN_TRANSFER_RATE * seconds`` bytes since the last
    time. So a trickle is cut and a slow but moving transfer never is. Bytes
    handed to a socket but still in its send queue have not moved yet.
    """

    def __init__(self, seconds: float | None, transfer: bool = False) -> None:
        self.seconds = seconds
        self.transfer = transfer
        self.watched = False
        self.restart()

    def restart(self) -> None:
        """Start counting again (a new attempt)."""
        self.checkpoint = time.monotonic()
        self.checkpoint_moved = self.moved = 0
        self.expired = False
        self.connections: list[Any] = []

    def advance(self, moved: int) -> None:
        """Record that ``moved`` bytes of the transfer have been received, or handed over to send."""
        self.moved = moved

    def due(self) -> float:
        """Return the monotonic time the attempt must be over by, as far as known (infinity: never)."""
        return float("inf") if self.seconds is None else self.checkpoint + self.seconds

    def remaining(self) -> float:
        return self.due() - time.monotonic()

    def passed(self) -> bool:
        """Tell whether the time is up, giving a transfer that moved enough another ``seconds`` first."""
        now = time.monotonic()
        if self.transfer and self.seconds is not None and self.due() <= now:
            moved = self.moved - sum(_unsent(connection) for connection in self.connections)
            if moved - self.checkpoint_moved >= MIN_TRANSFER_RATE * self.seconds:
                self.checkpoint, self.checkpoint_moved = now, moved
        return self.due() <= now

    def done(self) -> None:
        """The request is over: stop watching it (the sync client's :class:`Watchdog`; nothing otherwise)."""
        if self.watched:
            watchdog.disarm(self)

    def describe(self) -> str:
        """Say what was exceeded, for error messages."""
        seconds = self.seconds or 0.0  # set whenever a deadline can pass
        if self.transfer:
            return "transfer stalled: less than %d bytes moved in %gs" % (MIN_TRANSFER_RATE * seconds, seconds)
        return "no complete answer within %gs" % seconds


class DeadlinePassed(Exception):
    """An attempt's deadline has passed (the callers raise the gazu error that fits)."""


def _unsent(connection: Any) -> int:
    """Return how many bytes handed to a connection still wait to be sent (0 when unknown)."""
    transport = getattr(connection, "transport", None)  # an aiohttp connection
    if transport is not None:
        return transport.get_write_buffer_size() + _kernel_unsent(transport.get_extra_info("socket"))
    if getattr(connection, "_gazu_deadline", None) is None:
        return 0
    return _kernel_unsent(getattr(connection, "sock", None))


def _kernel_unsent(sock: Any) -> int:
    """Return the bytes in a socket's send queue, where the system tells (Linux, macOS), else 0."""
    try:
        fileno = sock.fileno()
        if sys.platform.startswith("linux"):
            import fcntl
            import termios

            return struct.unpack("i", fcntl.ioctl(fileno, termios.TIOCOUTQ, b"\0\0\0\0"))[0]
        if sys.platform == "darwin":
            return sock.getsockopt(socket.SOL_SOCKET, _SO_NWRITE)
    except (AttributeError, OSError, ValueError, TypeError):
        pass
    return 0


_SO_NWRITE = 0x1024  # macOS: bytes in the send buffer


# The sync client: a watchdog thread and connections that say which request holds them.

_current = threading.local()


class Watchdog:
    """One thread for the process, shutting the sockets of requests past their deadline."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._armed: set[Deadline] = set()
        self._wake_at = float("inf")
        self._thread: threading.Thread | None = None

    def arm(self, deadline: Deadline) -> None:
        """Watch ``deadline`` (of a request the current thread is about to send)."""
        _current.deadline = deadline
        if deadline.seconds is None:
            return
        deadline.watched = True
        with self._condition:
            self._armed.add(deadline)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="gazu-deadlines", daemon=True)
                self._thread.start()
            if deadline.due() < self._wake_at:
                self._condition.notify()

    def sent(self) -> None:
        """The current thread's request is sent (and read, unless streamed): later requests are not its own."""
        _current.deadline = None

    def disarm(self, deadline: Deadline) -> None:
        """Stop watching ``deadline``: its request is over."""
        with self._condition:
            self._armed.discard(deadline)

    def claim(self, connection: Any) -> None:
        """Make ``connection`` the current thread's request's (called as the request goes out on it)."""
        deadline = getattr(_current, "deadline", None)
        with self._condition:
            if getattr(connection, "_gazu_shut", False):  # shut while idle in the pool: start afresh
                connection._gazu_shut = False
                connection.close()
            connection._gazu_deadline = deadline
            if deadline is not None:
                deadline.connections.append(connection)

    def _run(self) -> None:
        with self._condition:
            while True:
                now = time.monotonic()
                for deadline in [deadline for deadline in self._armed if deadline.due() <= now]:
                    if deadline.passed():
                        self._armed.discard(deadline)
                        self._expire(deadline)
                now = time.monotonic()
                self._wake_at = min((deadline.due() for deadline in self._armed), default=float("inf"))
                # At least once a second while a request is watched: a test's fake clock cannot put it to sleep.
                self._condition.wait(None if not self._armed else min(1.0, self._wake_at - now))

    @staticmethod
    def _expire(deadline: Deadline) -> None:
        deadline.expired = True
        for connection in deadline.connections:
            if getattr(connection, "_gazu_deadline", None) is not deadline:
                continue  # another request holds it now
            connection._gazu_shut = True
            sock = getattr(connection, "sock", None)
            if sock is None:
                continue
            try:  # the plain socket's shutdown, even under TLS: it wakes a read blocked in another thread
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except (OSError, TypeError, ValueError):
                pass


watchdog = Watchdog()


class _Claiming:
    def request(self, *args: Any, **kwargs: Any) -> Any:
        watchdog.claim(self)
        return super().request(*args, **kwargs)  # type: ignore[misc]

    def request_chunked(self, *args: Any, **kwargs: Any) -> Any:  # urllib3 1.26
        watchdog.claim(self)
        return super().request_chunked(*args, **kwargs)  # type: ignore[misc]


class _HTTPConnection(_Claiming, _connection.HTTPConnection):
    pass


class _HTTPSConnection(_Claiming, _connection.HTTPSConnection):
    pass


class _HTTPConnectionPool(_pools.HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSConnectionPool(_pools.HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


_WATCHED_POOLS = {"http": _HTTPConnectionPool, "https": _HTTPSConnectionPool}


class WatchedAdapter(HTTPAdapter):
    """requests' adapter, whose connections tell the watchdog which request holds them."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _WATCHED_POOLS

    def proxy_manager_for(self, *args: Any, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(*args, **kwargs)
        if manager.pool_classes_by_scheme is _poolmanager.pool_classes_by_scheme:  # not a SOCKS proxy's
            manager.pool_classes_by_scheme = _WATCHED_POOLS
        return manager
