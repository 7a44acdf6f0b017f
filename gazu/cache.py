"""An opt-in, in-process cache for read functions.

Reads decorated with :func:`cache` remember their results for ``expire``
seconds once :func:`enable` is called; nothing is cached by default. Any
request that changes data on the server (POST, PUT, DELETE sent through a
:class:`~gazu.client.KitsuClient`) clears every cache, so a read never
returns what a write made stale. Cached values are handed out as copies:
changing a returned dict never changes what the cache holds.
"""

from __future__ import annotations

import copy
import functools
import json
import threading
import time
from typing import Any, Callable, Literal

cache_settings: dict[str, bool] = {"enabled": False}
_cached_functions: list[Callable] = []


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
    for function in list(_cached_functions):
        function.clear_cache()


def _key_part(value: Any) -> str:
    return "<%s:%x>" % (type(value).__name__, id(value))


def get_cache_key(args: Any, kwargs: Any) -> str:
    """Return the key under which a call's result is stored.

    Objects JSON cannot encode (a client, for instance) are keyed by
    identity, so two clients never share a cached result.
    """
    if not args and not kwargs:
        return ""
    return json.dumps([args, kwargs], sort_keys=True, default=_key_part)


def get_value(cache_store: dict, key: str) -> Any:
    """Return a copy of the value stored under ``key``."""
    return copy.deepcopy(cache_store[key]["value"])


def insert_value(function: Callable, cache_store: dict, args: Any, kwargs: Any) -> Any:
    """Call ``function``, store its result under the call's key and return it."""
    value = function(*args, **kwargs)
    cache_store[get_cache_key(args, kwargs)] = {
        "value": value,
        "date_accessed": time.monotonic(),
    }
    return copy.deepcopy(value)


def is_cache_enabled(state: dict) -> bool:
    """Tell whether the cache is on, globally and for the function owning ``state``."""
    return bool(cache_settings["enabled"] and state["enabled"])


def is_cache_expired(memo: dict, state: dict, key: str) -> bool:
    """Tell whether the entry under ``key`` is older than the function's expiry (0: never)."""
    expire = state["expire"]
    return expire > 0 and time.monotonic() - memo[key]["date_accessed"] > expire


def remove_oldest_entry(memo: dict, maxsize: int) -> Any:
    """Drop the oldest entry once ``memo`` holds more than ``maxsize``; return its key or None."""
    if maxsize > 0 and len(memo) > maxsize:
        oldest = min(memo, key=lambda key: memo[key]["date_accessed"])
        del memo[oldest]
        return oldest
    return None


def cache(function: Callable, maxsize: int = 300, expire: int = 120) -> Callable:
    """Wrap a read function so its results are cached while caching is enabled.

    The wrapper keeps the function's signature and docstring, and offers
    ``clear_cache()``, ``set_expire(seconds)``, ``get_expire()``,
    ``enable_cache()`` and ``disable_cache()``.
    """
    memo: dict[str, dict] = {}
    state = {"enabled": True, "expire": expire, "maxsize": maxsize}
    lock = threading.RLock()

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not is_cache_enabled(state):
            return function(*args, **kwargs)
        key = get_cache_key(args, kwargs)
        with lock:
            if key in memo and not is_cache_expired(memo, state, key):
                return get_value(memo, key)
        value = insert_value(function, memo, args, kwargs)
        with lock:
            remove_oldest_entry(memo, state["maxsize"])
        return value

    def clear_cache() -> None:
        with lock:
            memo.clear()

    def set_expire(seconds: int) -> None:
        state["expire"] = seconds

    wrapper.clear_cache = clear_cache  # type: ignore[attr-defined]
    wrapper.set_expire = set_expire  # type: ignore[attr-defined]
    wrapper.get_expire = lambda: state["expire"]  # type: ignore[attr-defined]
    wrapper.enable_cache = lambda: state.__setitem__("enabled", True)  # type: ignore[attr-defined]
    wrapper.disable_cache = lambda: state.__setitem__("enabled", False)  # type: ignore[attr-defined]
    wrapper.cache_state = state  # type: ignore[attr-defined]
    _cached_functions.append(wrapper)
    return wrapper
