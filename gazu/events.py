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
- each (re)connection sends the client's access token: as upstream, a
  reconnection first refreshes it when the client has
  ``use_refresh_token``; beyond upstream, a token that has expired or that
  the server refused is refreshed before any attempt, when a refresh
  token is known;
- a listener that raises does not stop the stream: its exception goes to
  :func:`threading.excepthook` (as upstream, where error trackers such as
  Sentry's see it), is logged on the ``"gazu.events"`` logger, and the next
  events still arrive.

python-socketio is imported on first use, never by ``import gazu``;
``gazu.events.socketio`` is that module, so tests can patch
``gazu.events.socketio.Client`` as they do with upstream.
"""

from __future__ import annotations

import base64
import datetime
import functools
import json
import logging
import random
import sys
import threading
import time
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any, Callable

from gazu import _api
from gazu._exchange import redacted_url as _redacted_url
from gazu.client import ExplicitVerifySession, KitsuClient, default_client, get_event_host
from gazu.exception import GazuException, InvalidArgumentException, NetworkException
from gazu.helpers import is_id, validate_date_format

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import LoginLog

if TYPE_CHECKING:  # pragma: no cover
    import socketio

# EventsNamespace derives from socketio.ClientNamespace: it is built on first access (see __getattr__).
__all__ = [  # noqa: F822
    "EventsNamespace", "add_listener", "connect_error", "get_last_login_logs", "init", "run_client",
]

logger = logging.getLogger(__name__)

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
    if name == "socketio":
        return _socketio()
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
    factory = _socketio().Client
    if factory is classes["Client"]:  # not patched by a test: ours keeps the connection alive
        factory = classes["EventClient"]
    verify = client.session.verify if ssl_verify is None else ssl_verify
    event_client = factory(ssl_verify=verify, reconnection=reconnection, logger=logger, **kwargs)
    event_client.register_namespace(classes["EventsNamespace"](EVENTS_NAMESPACE))
    url = get_event_host(client)
    try:
        event_client.connect(url, _AuthHeaders(client))
    except classes["ConnectionError"] as error:
        raise classes["EventStreamConnectionError"](
            "cannot connect to the event stream at %s: %s" % (_redacted_url(url), _redacted_url(str(error)))) from error
    return event_client


def connect_error(data: Any) -> Any:
    """Log why a connection to the event stream failed; return ``data``."""
    logger.warning("event stream: connection failed: %s", _error_text(data))
    return data


def add_listener(event_client: socketio.Client, event_name: str, event_handler: Callable) -> socketio.Client:
    """Call ``event_handler(data)`` for each ``event_name`` event; return the client.

    A handler that raises does not stop the stream: its exception goes to
    :func:`threading.excepthook` and the ``"gazu.events"`` logger. A
    handler may also take no argument.
    """
    _api.require(event_name, "event_name")
    if not callable(event_handler):
        raise InvalidArgumentException("event_handler: expected a callable, got %r" % (event_handler,))
    event_client.on(event_name, _GuardedListener(event_name, event_handler), EVENTS_NAMESPACE)
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
    person_ids: Collection[str | Mapping] | None = None,
    client: KitsuClient = default_client,
) -> list[LoginLog]:
    """Return the latest log-ins of the studio, newest first (administrators only).

    Args:
        after, before: Only the log-ins after / before this date:
            ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS`` (a ``datetime.date``
            or ``datetime.datetime`` too).
        limit: At most this many (the server caps it at 1000); sent as given.
        cursor_login_log_id: Continue after this log-in (the last one of the previous page).
        person_ids: Only the log-ins of these persons (dicts, or ids in UUID form).

    Raises:
        InvalidArgumentException (a ValueError): a date in another format, or
            a person id that is no UUID, as upstream, before any request.
    """
    params = _api.query(limit=_api.given(limit, "limit"), after=_date_argument(after, "after"),
                        before=_date_argument(before, "before"),
                        cursor_login_log_id=_query_id(cursor_login_log_id, "cursor_login_log_id"),
                        person_ids=_person_ids(person_ids) or None)
    return _api.fetch_list("data/events/login-logs/last", client, params=params)


# Private ------------------------------------------------------------------------


def _date_argument(value: Any, name: str) -> str | None:
    """Return a date as upstream checks it (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS``), None for None."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    try:
        return validate_date_format(value)
    except InvalidArgumentException as error:
        raise InvalidArgumentException("%s: %s" % (name, error)) from None


def _query_id(value: Any, name: str) -> Any:
    """Return a query value given as a dict (its ``id``) or as is, as upstream sends it."""
    if isinstance(value, dict):
        if "id" not in value:
            raise InvalidArgumentException("%s: expected a dict with an 'id', got %r" % (name, value))
        return value["id"]
    return value


def _person_ids(values: Any) -> list:
    """Return the ids of persons given as dicts or UUID strings, as upstream checks them."""
    if values is None:
        return []
    if isinstance(values, (str, bytes, dict)) or not hasattr(values, "__iter__"):
        raise InvalidArgumentException("person_ids: expected a list of person dicts or ids, got %r" % (values,))
    ids = []
    for value in values:
        if not isinstance(value, dict) and not is_id(value):
            raise InvalidArgumentException("person_ids: expected person dicts or ids in UUID form, got %r"
                                           % (value,))
        ids.append(_query_id(value, "person_ids"))
    return ids


def _error_text(data: Any) -> str:
    """Return the message of a socket.io connection error (a dict with a message, or text)."""
    if isinstance(data, dict):
        return str(data.get("message") or data)
    return str(data)


def _token_expires_soon(token: str | None) -> bool:
    """Tell whether a JWT's ``exp`` claim is (nearly) past; False when it cannot be read."""
    if not token:
        return False
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return float(claims["exp"]) - TOKEN_EXPIRY_MARGIN <= time.time()
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        return False


def _accepted_arguments(handler: Callable, args: tuple) -> tuple:
    """Return as many leading ``args`` as ``handler`` accepts (all of them when it cannot tell)."""
    import inspect  # on the first event: `import gazu` stays without it

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


def _report_listener_failure(what: str) -> None:
    """Hand the exception being handled to :func:`threading.excepthook` and log it; the stream goes on.

    Upstream lets it end the thread that ran the listener, which is how it
    reaches the hook, where error trackers (Sentry's threading integration
    among them) collect it; here the hook gets it without the thread dying.
    """
    kind, error, trace = sys.exc_info()
    logger.error("event stream: %s raised %s: %s; listening goes on", what, getattr(kind, "__name__", kind), error)
    try:
        threading.excepthook(threading.ExceptHookArgs((kind, error, trace, threading.current_thread())))
    except Exception:
        logger.exception("event stream: threading.excepthook failed")
    finally:
        del trace


class _GuardedListener:
    """A listener whose exceptions are reported (:func:`_report_listener_failure`) instead of stopping the stream.

    It compares equal to the handler it guards, so code that looks its
    handler up among socket.io's (or a test asserting on ``on()``) finds it.
    """

    def __init__(self, event_name: str, handler: Callable) -> None:
        self.event_name, self.handler = event_name, handler
        functools.update_wrapper(self, handler)

    def __call__(self, *args: Any) -> Any:
        try:
            return self.handler(*_accepted_arguments(self.handler, args))
        except Exception:
            _report_listener_failure("listener %s of %r" % (getattr(self.handler, "__qualname__", self.handler),
                                                            self.event_name))
            return None

    def __eq__(self, other: object) -> bool:
        return self.handler == (other.handler if isinstance(other, _GuardedListener) else other)

    def __hash__(self) -> int:
        return hash(self.handler)

    def __repr__(self) -> str:
        return "<guarded listener %r of %r>" % (self.handler, self.event_name)


class _AuthHeaders:
    """The headers of each (re)connection: the client's, with its access token refreshed when needed.

    As upstream, a reconnection refreshes the token first when the client
    has ``use_refresh_token``. Beyond upstream, a token that has expired (or
    is about to) or that the server refused is refreshed before any
    attempt, the first one included, when a refresh token is known.
    """

    def __init__(self, kitsu_client: KitsuClient) -> None:
        self.kitsu_client = kitsu_client
        self.token_refused = False
        self.attempts = 0

    def __call__(self) -> dict[str, str]:
        kitsu = self.kitsu_client
        reconnecting, self.attempts = self.attempts > 0, self.attempts + 1
        token = kitsu.access_token
        stale = self.token_refused or not token or _token_expires_soon(token)
        if kitsu.refresh_token and (stale or (reconnecting and getattr(kitsu, "use_refresh_token", False))):
            try:
                kitsu.refresh_access_token()
                logger.info("event stream: access token refreshed before connecting")
            except GazuException as error:
                logger.warning("event stream: token refresh failed (%s); connecting with the current token", error)
        self.token_refused = False
        return kitsu.make_auth_header()


def _socketio() -> Any:
    """Return the python-socketio module (``gazu.events.socketio``), imported on first use.

    A test that replaced ``gazu.events.socketio`` gets its replacement.
    """
    module = globals().get("socketio")
    if module is None:
        import socketio as imported

        module = globals()["socketio"] = imported
    return module


def _socketio_classes() -> dict[str, Any]:
    """Import python-socketio and build the classes that derive from it (once)."""
    with _classes_lock:
        if not _classes:
            _classes.update(_build_classes())
    return _classes


def _build_classes() -> dict[str, type]:
    # From socket.io's own submodules: the genuine classes, even while a test patches gazu.events.socketio.Client.
    from socketio.client import Client
    from socketio.exceptions import ConnectionError as SocketIOConnectionError
    from socketio.namespace import ClientNamespace

    class EventStreamConnectionError(NetworkException, SocketIOConnectionError):
        """The event stream could not be reached, or it refused the connection."""

    class EventsNamespace(ClientNamespace):
        """The ``/events`` namespace: logs the connection's life; a failing handler is logged, never fatal."""

        def on_connect(self) -> None:
            logger.info("event stream: connected to %s", _redacted_url(getattr(self.client, "connection_url", "?")))

        def on_disconnect(self, reason: Any = None) -> None:
            logger.warning("event stream: disconnected (%s)", reason or "no reason given")

        def on_connect_error(self, data: Any = None) -> None:
            if not isinstance(data, dict):  # the transport failed: the server is down or unreachable
                logger.info("event stream: cannot connect: %s", _error_text(data))
                return
            headers = getattr(self.client, "connection_headers", None)
            if "token" in _error_text(data).lower() and isinstance(headers, _AuthHeaders):
                headers.token_refused = True
            connect_error(data)

        def trigger_event(self, event: str, *args: Any) -> Any:
            try:
                return super().trigger_event(event, *args)
            except Exception:
                _report_listener_failure("handler of %r" % event)
                return None

    class EventClient(Client):
        """A socket.io client that keeps its connection to the event stream alive."""

        def __init__(self, **kwargs: Any) -> None:
            if "http_session" not in kwargs:  # so that ssl_verify wins over REQUESTS_CA_BUNDLE, as in the client
                kwargs["http_session"] = ExplicitVerifySession()
                kwargs["http_session"].verify = kwargs.get("ssl_verify", True)
            super().__init__(**kwargs)
            self._stop = threading.Event()
            self._connecting_again = threading.Event()  # set while _connect_again connects
            self._connecting_thread: int | None = None

        def connect(self, url: Any, headers: Any = None, *, namespaces: Any = None,
                    socketio_path: str = SOCKETIO_PATH, wait_timeout: float = NAMESPACE_WAIT_TIMEOUT,
                    **kwargs: Any) -> None:
            """Connect as socket.io does, by default to the ``/events`` namespace, waiting longer for it."""
            in_reconnection_task = threading.current_thread() is getattr(self, "_reconnect_task", None)
            again = in_reconnection_task or self._connecting_again.is_set()
            if not again:
                self._stop.clear()
            elif self._stop.is_set():  # a reconnection after disconnect(): stop there
                if in_reconnection_task and getattr(self, "_reconnect_abort", None):
                    self._reconnect_abort.set()  # socket.io's task began after disconnect(), which it undid
                raise SocketIOConnectionError("the listener was disconnected")
            self._connecting_thread = threading.get_ident()
            try:
                super().connect(url, {} if headers is None else headers, namespaces=namespaces or [EVENTS_NAMESPACE],
                                socketio_path=socketio_path, wait_timeout=wait_timeout, **kwargs)
            finally:
                self._connecting_thread = None
            if again and self._stop.is_set():  # disconnect() came while this reconnection was under way
                Client.disconnect(self)

        def disconnect(self) -> None:
            if self._connecting_thread != threading.get_ident():  # not socket.io giving up on one attempt
                self._stop.set()
                if getattr(self, "_reconnect_task", None) and getattr(self, "_reconnect_abort", None):
                    self._reconnect_abort.set()  # socket.io's reconnection stops too
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
                self._connecting_again.set()
                try:
                    self.connect(self.connection_url, headers=self.connection_headers,
                                 namespaces=self.connection_namespaces, socketio_path=self.socketio_path)
                    logger.info("event stream: connected again after %d attempt(s)", attempt)
                    return not self._stop.is_set()
                except SocketIOConnectionError as error:
                    logger.info("event stream: reconnection attempt %d failed: %s", attempt, error)
                finally:
                    self._connecting_again.clear()
                if self.reconnection_attempts and attempt >= self.reconnection_attempts:
                    return False
            return False

    for cls in (EventStreamConnectionError, EventsNamespace, EventClient):  # named as if defined at module level
        cls.__qualname__ = cls.__name__
    return {"EventStreamConnectionError": EventStreamConnectionError, "EventsNamespace": EventsNamespace,
            "EventClient": EventClient, "Client": Client,
            "ConnectionError": SocketIOConnectionError}
