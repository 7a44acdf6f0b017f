"""An opt-in, in-process cache for read functions, with upstream's semantics.

Reads decorated with :func:`cache` remember their results once
:func:`enable` is called; nothing is cached by default. An entry expires
``expire`` seconds after it was stored (0: never); past ``maxsize`` entries
the oldest stored goes. Each cached function offers ``clear_cache()``,
``enable_cache()``, ``disable_cache()``, ``set_cache_expire(seconds)``,
``set_cache_max_size(size)`` and ``get_cache_infos()``.

Two things upstream does not: any request that changes data on the server
(POST, PUT, DELETE sent through a :class:`~gazu.client.KitsuClient`) clears
every cache, so a read never returns what a write made stale; and cached
values are handed out as copies, so changing a returned dict never changes
what the cache holds.
"""

from __future__ import annotations

import copy
import datetime
import functools
import hashlib
import json
import threading
from typing import TYPE_CHECKING, Any, Callable, Literal, cast

if TYPE_CHECKING:  # pragma: no cover
    from typing import TypeVar

    from typing_extensions import ParamSpec, Protocol

    Parameters = ParamSpec("Parameters")
    Answer = TypeVar("Answer", covariant=True)

    class CachedFunction(Protocol[Parameters, Answer]):
        """A function wrapped by :func:`cache`: its own signature and answer, and the cache's controls."""

        def __call__(self, *args: Parameters.args, **kwargs: Parameters.kwargs) -> Answer: ...
        def clear_cache(self) -> None: ...
        def enable_cache(self) -> None: ...
        def disable_cache(self) -> None: ...
        def set_cache_expire(self, seconds: int) -> None: ...
        def set_cache_max_size(self, size: int) -> None: ...
        def get_cache_infos(self) -> dict[str, Any]: ...

cache_settings: dict[str, bool] = {"enabled": False}
_cached_functions: list[CachedFunction[..., Any]] = []
# The cached functions that ever stored a result: all that clear_all has to clear. Every write clears the
# caches, and most programs never turn them on: then a write clears nothing instead of hundreds of empty ones.
_holding: set[CachedFunction[..., Any]] = set()


def enable() -> Literal[True]:
    """Turn caching on for every cached function."""
    cache_settings["enabled"] = True
    return True


def disable() -> Literal[False]:
    """Turn caching off (what is stored is kept until cleared or expired)."""
    cache_settings["enabled"] = False
    return False


def clear_all() -> None:
    """Forget every cached result."""
    for function in list(_holding):
        function.clear_cache()


def _client_identity(client: Any) -> Any:
    """Key a client by its host and a hash of its access token: other credentials, other entries.

    A test double without a host string is keyed by identity.
    """
    host, token = getattr(client, "host", None), getattr(client, "access_token", None)
    if not isinstance(host, str):
        return _identity(client)
    token_hash = hashlib.sha256(token.encode("utf-8")).hexdigest() if isinstance(token, str) and token else None
    return [host, token_hash]


def _identity(value: Any) -> str:
    return "<%s:%x>" % (type(value).__name__, id(value))


def _key_part(value: Any) -> Any:
    """Encode what JSON cannot (upstream raises): dates as ISO strings, clients as above, the rest by identity."""
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if hasattr(value, "access_token") and hasattr(value, "host"):
        return _client_identity(value)
    return _identity(value)


def get_cache_key(args: Any, kwargs: Any) -> str:
    """Return the key under which a call's result is stored, as upstream writes it.

    ``""`` for no argument, the JSON of the positional arguments alone, of
    the keyword arguments alone, or of both as ``[args, kwargs]``. A
    ``client`` is written as its host and a hash of its access token.
    """
    if not args and not kwargs:
        return ""
    if kwargs and "client" in kwargs:
        kwargs = {**kwargs, "client": _client_identity(kwargs["client"])}
    if not kwargs:
        data: Any = list(args)
    elif not args:
        data = kwargs
    else:
        data = [list(args), kwargs]
    return json.dumps(data, default=_key_part)


def get_value(cache_store: dict, key: str) -> Any:
    """Return a copy of the value stored under ``key``."""
    return copy.deepcopy(cache_store[key]["value"])


def insert_value(function: Callable, cache_store: dict, args: Any, kwargs: Any) -> Any:
    """Call ``function``, store its result under the call's key and return it."""
    value = function(*args, **kwargs)
    cache_store[get_cache_key(args, kwargs)] = {"date_accessed": datetime.datetime.now(), "value": value}
    return copy.deepcopy(value)


def is_cache_enabled(state: dict) -> bool:
    """Tell whether the cache is on, globally and for the function owning ``state``."""
    return bool(cache_settings["enabled"] and state["enabled"])


def is_cache_expired(memo: dict, state: dict, key: str) -> bool:
    """Tell whether the entry under ``key`` was stored more than the function's expiry ago (0: never)."""
    expire = state["expire"]
    age = datetime.datetime.now() - memo[key]["date_accessed"]
    return expire > 0 and age > datetime.timedelta(seconds=expire)


def remove_oldest_entry(memo: dict, maxsize: int) -> Any:
    """Drop the oldest entry once ``memo`` holds more than ``maxsize``; return its key or None."""
    if maxsize > 0 and len(memo) > maxsize:
        oldest = min(memo, key=lambda key: memo[key]["date_accessed"])
        del memo[oldest]
        return oldest
    return None


def cache(function: Callable[Parameters, Answer], maxsize: int = 300,
          expire: int = 120) -> CachedFunction[Parameters, Answer]:
    """Wrap a read function so its results are cached while caching is enabled.

    The wrapper keeps the function's name, signature and docstring (and its
    types, for type checkers).
    """
    memo: dict[str, dict] = {}
    state: dict[str, Any] = {"enabled": True, "expire": expire, "maxsize": maxsize,
                             "hits": 0, "misses": 0, "expired_hits": 0}
    lock = threading.RLock()

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not is_cache_enabled(state):
            return function(*args, **kwargs)
        key = get_cache_key(args, kwargs)
        with lock:
            if key not in memo:
                state["misses"] += 1
            elif is_cache_expired(memo, state, key):
                state["expired_hits"] += 1
            else:
                state["hits"] += 1
                return get_value(memo, key)
        _holding.add(cached)  # before storing: a clear_all from now on reaches this function
        value = insert_value(function, memo, args, kwargs)
        with lock:
            remove_oldest_entry(memo, state["maxsize"])
        return value

    def clear_cache() -> None:
        """Forget what this function cached (its counters stay)."""
        with lock:
            memo.clear()

    def set_cache_expire(seconds: int) -> None:
        """Let entries live ``seconds`` after they are stored (0: for ever)."""
        state["expire"] = seconds

    def set_cache_max_size(size: int) -> None:
        """Keep at most ``size`` entries (0: no limit), the oldest going first."""
        state["maxsize"] = size

    def get_cache_infos() -> dict:
        """Return the settings and counters: enabled, expire, maxsize, hits, misses, expired_hits, current_size."""
        return {**state, "current_size": len(memo)}

    wrapper.clear_cache = clear_cache  # type: ignore[attr-defined]
    wrapper.enable_cache = lambda: state.__setitem__("enabled", True)  # type: ignore[attr-defined]
    wrapper.disable_cache = lambda: state.__setitem__("enabled", False)  # type: ignore[attr-defined]
    wrapper.set_cache_expire = set_cache_expire  # type: ignore[attr-defined]
    wrapper.set_cache_max_size = set_cache_max_size  # type: ignore[attr-defined]
    wrapper.get_cache_infos = get_cache_infos  # type: ignore[attr-defined]
    cached = cast("CachedFunction[Parameters, Answer]", wrapper)
    _cached_functions.append(cached)
    return cached
