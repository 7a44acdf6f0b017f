"""Kitsu's event stream: react to what happens on the server as it happens.

Zou pushes an event (``asset:new``, ``task:update``, ``comment:new``, …) on
the ``/events`` namespace of its socket.io server, at
:func:`gazu.client.get_event_host`, each time something changes::

    import gazu

    def on_task_update(data):
        print("task changed:", data["task_id"])

    event_client = gazu.events.init()
    gazu.events.add_listener(event_client, "task:update", on_task_update)
    gazu.events.run_client(event_client)   # blocks, dispatching events

Beyond upstream, a listening plugin survives the incidents of a long run:

- after the event server restarts or the network drops, the client
  reconnects by itself, with exponential backoff and jitter (socket.io's
  ``reconnection_delay`` doubling up to ``reconnection_delay_max``, both
  settable through :func:`init`'s keywords); when the server closes the
  namespace instead, :func:`run_client` connects again the same way;
- each (re)connection sends the client's current access token; one that
  has expired, or that the server refused, is first refreshed through the
  :class:`~gazu.client.KitsuClient` when a refresh token is known;
- a listener that raises is logged on the ``"gazu"`` logger, with its
  traceback, and the next events still arrive.

python-socketio is imported on first use, never by ``import gazu``.
"""

from __future__ import annotations

import base64
import functools
import inspect
import json
import logging
import random
import threading
import time
from typing import TYPE_CHECKING, Any, Callable

from gazu import _api
from gazu.client import KitsuClient, default_client, get_event_host
from gazu.exception import GazuException, InvalidArgumentException, NetworkException

if TYPE_CHECKING:  # pragma: no cover
    import socketio

# EventsNamespace derives from socketio.ClientNamespace: it is built on first access (see __getattr__).
__all__ = [  # noqa: F822
    "EventsNamespace", "add_listener", "connect_error", "get_last_login_logs", "init", "run_client",
]

log = logging.getLogger("gazu")

EVENTS_NAMESPACE = "/events"
SOCKETIO_PATH = "/socket.io"
# A token this close to its expiry (seconds) is refreshed before (re)connecting.
TOKEN_EXPIRY_MARGIN = 30.0
# How long a connection may take to be accepted on the namespace (socket.io's default is 1 s).
NAMESPACE_WAIT_TIMEOUT = 10.0

_classes: dict[str, type] = {}
_classes_lock = threading.Lock()


def __getattr__(name: str) -> Any:
    if name == "EventsNamespace":
        return _socketio_classes()["EventsNamespace"]
    raise AttributeError("module %r has no attribute %r" % (__name__, name))


def init(
    client: KitsuClient = default_client,
    ssl_verify: bool | None = None,
    reconnection: bool = True,
    logger: bool = False,
    **kwargs: Any,
) -> socketio.Client:
    """Connect to the client's event stream and return the connected socket.io client.

    Args:
        ssl_verify: Verify TLS certificates; by default, as the client does.
        reconnection: Reconnect by itself after the connection is lost.
        logger: socket.io's own logging (True, False or a logger).
        **kwargs: More options for :class:`socketio.Client`, e.g.
            ``reconnection_delay_max=30``.

    Raises:
        NetworkException: the event stream cannot be reached or refused the
            connection (also a ``socketio.exceptions.ConnectionError``).
    """
    classes = _socketio_classes()
    verify = client.session.verify if ssl_verify is None else ssl_verify
    event_client = classes["EventClient"](client, ssl_verify=verify, reconnection=reconnection, logger=logger,
                                          **kwargs)
    event_client.register_namespace(classes["EventsNamespace"](EVENTS_NAMESPACE))
    url = get_event_host(client)
    try:
        event_client.connect(url, headers=event_client.auth_headers, namespaces=[EVENTS_NAMESPACE],
                             socketio_path=SOCKETIO_PATH)
    except classes["ConnectionError"] as error:
        raise classes["EventStreamConnectionError"](
            "cannot connect to the event stream at %s: %s" % (url, error)) from error
    return event_client


def connect_error(data: str) -> str:
    """Log why a connection to the event stream failed; return ``data``."""
    log.warning("event stream: connection failed: %s", _error_text(data))
    return data


def add_listener(event_client: socketio.Client, event_name: str, event_handler: Callable) -> socketio.Client:
    """Call ``event_handler(data)`` for each ``event_name`` event; return the client.

    A handler that raises is logged on the ``"gazu"`` logger and the stream
    goes on. A handler may also take no argument.
    """
    _api.require(event_name, "event_name")
    if not callable(event_handler):
        raise InvalidArgumentException("event_handler: expected a callable, got %r" % (event_handler,))
    event_client.on(event_name, _guarded(event_name, event_handler), namespace=EVENTS_NAMESPACE)
    return event_client


def run_client(event_client: socketio.Client) -> socketio.Client:
    """Dispatch events to the listeners until the client is disconnected; return it.

    A client made by :func:`init` keeps reconnecting while it is not
    disconnected on purpose (``event_client.disconnect()``, Ctrl-C).
    """
    event_client.wait()
    return event_client


def get_last_login_logs(
    after: str | None = None,
    before: str | None = None,
    limit: int = 100,
    cursor_login_log_id: str | None = None,
    person_ids: list[str | dict] | None = None,
    client: KitsuClient = default_client,
) -> list[dict]:
    """Return the latest log-ins of the studio, newest first (administrators only).

    Args:
        after, before: Only the log-ins after / before this date.
        limit: At most this many (the server caps it at 1000).
        cursor_login_log_id: Continue after this log-in (the last one of the previous page).
        person_ids: Only the log-ins of these persons (dicts or ids).
    """
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise InvalidArgumentException("limit: expected a positive int, got %r" % (limit,))
    params = _api.query(after=_optional_text(after, "after"), before=_optional_text(before, "before"),
                        limit=limit, cursor_login_log_id=_api.optional_id(cursor_login_log_id, "cursor_login_log_id"),
                        person_ids=_api.to_ids(person_ids, "person_ids") or None)
    return _api.fetch_list("data/events/login-logs/last", client, params=params)


# Private ------------------------------------------------------------------------


def _optional_text(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return _api.require(value, name)


def _error_text(data: Any) -> str:
    """Return the message of a socket.io connection error (a dict with a message, or text)."""
    if isinstance(data, dict):
        return str(data.get("message") or data)
    return str(data)


def _token_expires_soon(token: str | None) -> bool:
    """Tell whether a JWT's ``exp`` claim is (nearly) past; False when it cannot be read."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return float(claims["exp"]) - TOKEN_EXPIRY_MARGIN <= time.time()
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        return False


def _accepted_arguments(handler: Callable, args: tuple) -> tuple:
    """Return as many leading ``args`` as ``handler`` accepts (all of them when it cannot tell)."""
    try:
        signature = inspect.signature(handler)
    except (TypeError, ValueError):
        return args
    for count in range(len(args), -1, -1):
        try:
            signature.bind(*args[:count])
            return args[:count]
        except TypeError:
            continue
    return args


def _guarded(event_name: str, handler: Callable) -> Callable:
    """Wrap a listener so that an exception is logged instead of reaching socket.io."""

    @functools.wraps(handler)
    def listener(*args: Any) -> Any:
        try:
            return handler(*_accepted_arguments(handler, args))
        except Exception:
            log.exception("event stream: listener %s of %r raised; listening goes on",
                          getattr(handler, "__qualname__", handler), event_name)
            return None

    return listener


def _socketio_classes() -> dict[str, type]:
    """Import python-socketio and build the classes that derive from it (once)."""
    with _classes_lock:
        if not _classes:
            _classes.update(_build_classes())
    return _classes


def _build_classes() -> dict[str, type]:
    import socketio

    class EventStreamConnectionError(NetworkException, socketio.exceptions.ConnectionError):
        """The event stream could not be reached, or it refused the connection."""

    class EventsNamespace(socketio.ClientNamespace):
        """The ``/events`` namespace: logs the connection's life; a failing handler is logged, never fatal."""

        def on_connect(self) -> None:
            log.info("event stream: connected to %s", getattr(self.client, "connection_url", "?"))

        def on_disconnect(self, reason: Any = None) -> None:
            log.warning("event stream: disconnected (%s)", reason or "no reason given")

        def on_connect_error(self, data: Any = None) -> None:
            if not isinstance(data, dict):  # the transport failed: the server is down or unreachable
                log.info("event stream: cannot connect: %s", _error_text(data))
                return
            if "token" in _error_text(data).lower():
                self.client.token_refused = True
            connect_error(data)

        def trigger_event(self, event: str, *args: Any) -> Any:
            try:
                return super().trigger_event(event, *args)
            except Exception:
                log.exception("event stream: handler of %r raised; listening goes on", event)
                return None

    class EventClient(socketio.Client):
        """A socket.io client bound to a KitsuClient, that keeps its connection alive."""

        def __init__(self, kitsu_client: KitsuClient, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.kitsu_client = kitsu_client
            self.token_refused = False
            self._stop = threading.Event()
            self._connecting_thread: int | None = None

        def auth_headers(self) -> dict[str, str]:
            """Return the Authorization header for a (re)connection, refreshing a stale token first."""
            kitsu = self.kitsu_client
            stale = self.token_refused or not kitsu.access_token or _token_expires_soon(kitsu.access_token)
            if stale and kitsu.refresh_token:
                try:
                    kitsu.refresh_access_token()
                    log.info("event stream: access token refreshed before connecting")
                except GazuException as error:
                    log.warning("event stream: token refresh failed (%s); connecting with the current token",
                                error)
            self.token_refused = False
            return kitsu.make_auth_header()

        def connect(self, *args: Any, wait_timeout: float = NAMESPACE_WAIT_TIMEOUT, **kwargs: Any) -> None:
            self._stop.clear()
            self._connecting_thread = threading.get_ident()
            try:
                super().connect(*args, wait_timeout=wait_timeout, **kwargs)
            finally:
                self._connecting_thread = None

        def disconnect(self) -> None:
            if self._connecting_thread != threading.get_ident():  # not socket.io giving up on one attempt
                self._stop.set()
            super().disconnect()

        def shutdown(self) -> None:
            self._stop.set()
            super().shutdown()

        def wait(self) -> None:
            """Block while connected; after the server closes the namespace, connect again."""
            while True:
                super().wait()
                if self._stop.is_set() or not self.reconnection or not self._connect_again():
                    return

        def _connect_again(self) -> bool:
            """Connect with the first connection's settings, with backoff; False when stopped or out of attempts."""
            delay, attempt = self.reconnection_delay, 0
            while not self._stop.is_set():
                if self._stop.wait(min(delay, self.reconnection_delay_max) * random.uniform(0.5, 1.0)):
                    return False
                if self.connected:  # socket.io's own reconnection got there first
                    return True
                delay, attempt = delay * 2, attempt + 1
                try:
                    self.connect(self.connection_url, headers=self.connection_headers,
                                 namespaces=self.connection_namespaces, socketio_path=self.socketio_path)
                    log.info("event stream: connected again after %d attempt(s)", attempt)
                    return True
                except socketio.exceptions.ConnectionError as error:
                    log.info("event stream: reconnection attempt %d failed: %s", attempt, error)
                if self.reconnection_attempts and attempt >= self.reconnection_attempts:
                    return False
            return False

    return {"EventStreamConnectionError": EventStreamConnectionError, "EventsNamespace": EventsNamespace,
            "EventClient": EventClient, "ConnectionError": socketio.exceptions.ConnectionError}
