"""Configuration from the environment, for CI jobs and render-farm workers.

The default client (and any client made with ``KitsuClient.from_env()``)
reads these variables on first use — the first time a setting is read or a
request is sent — and never overrides a setting the code gave explicitly:

===================== ================ =================================================
variable              setting          value
===================== ================ =================================================
``KITSU_HOST``        host             the API URL, ``https://kitsu.example.com/api``
``KITSU_EVENT_HOST``  event_host       the event-stream URL (default: the host)
``KITSU_ACCESS_TOKEN`` tokens          an access token (a bot's): no log-in needed
``KITSU_LOGIN``       (log-in)         e-mail to log in with on the first request,
``KITSU_PASSWORD``    (log-in)         with this password, when no token is known
``KITSU_TIMEOUT``     timeout          seconds: ``30`` for both, or ``connect,read``
``KITSU_TOTAL_TIMEOUT`` total_timeout  seconds each attempt of a request may take in all
``KITSU_RETRIES``     retries          retries of idempotent requests (``0``: none)
``KITSU_BACKOFF``     backoff_factor   first retry delay in seconds (doubles each time)
===================== ================ =================================================
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping
from typing import Any, Callable

from gazu.exception import InvalidArgumentException


def _number(kind: type, words: str) -> Callable[[str, str], Any]:
    def parse(variable: str, value: str) -> Any:
        try:
            number = kind(value)
        except ValueError:
            raise InvalidArgumentException("%s: expected %s, got %r" % (variable, words, value)) from None
        if number < 0:
            raise InvalidArgumentException("%s: expected %s, got %r" % (variable, words, value))
        return number

    return parse


def _timeout(variable: str, value: str) -> Any:
    parts = [_number(float, "seconds, or connect,read seconds")(variable, part.strip()) for part in value.split(",")]
    if len(parts) > 2:
        raise InvalidArgumentException("%s: expected seconds, or connect,read seconds, got %r" % (variable, value))
    return tuple(parts) if len(parts) == 2 else parts[0]


# The user information of a URL (``scheme://user:password@``), or of a text starting as one without its scheme.
_URL_CREDENTIALS = re.compile(r"(\b[a-zA-Z][a-zA-Z0-9+.-]*://|^)[^/\s@?#]+@")


def redacted_url(text: str) -> str:
    """Return a URL, or a message quoting URLs, with the credentials they may carry hidden.

    ``https://user:password@kitsu.example.com/api`` becomes
    ``https://***@kitsu.example.com/api`` (in these settings' errors and in
    every message of the clients).
    """
    return _URL_CREDENTIALS.sub(r"\1***@", text) if "@" in text else text


def _url(variable: str, value: str) -> str:
    value = value.strip()
    if not value[:8].lower().startswith(("http://", "https://")) or any(c.isspace() for c in value):
        raise InvalidArgumentException(
            "%s: expected an http:// or https:// URL, got %r" % (variable, redacted_url(value)))
    return value


SETTINGS: list[tuple[str, str, Callable[[str, str], Any]]] = [
    ("KITSU_HOST", "host", _url),
    ("KITSU_EVENT_HOST", "event_host", _url),
    ("KITSU_ACCESS_TOKEN", "tokens", lambda variable, value: {"access_token": value.strip()}),
    ("KITSU_TIMEOUT", "timeout", _timeout),
    ("KITSU_TOTAL_TIMEOUT", "total_timeout", _number(float, "seconds")),
    ("KITSU_RETRIES", "retries", _number(int, "a whole number")),
    ("KITSU_BACKOFF", "backoff_factor", _number(float, "seconds")),
]
CREDENTIALS = ("KITSU_LOGIN", "KITSU_PASSWORD")


def read(environ: Mapping[str, str] | None = None, skip: Collection[str] = frozenset()) -> tuple[dict, tuple | None]:
    """Return the settings the environment gives (but those in ``skip``) and log-in credentials, if any."""
    environ = os.environ if environ is None else environ
    settings = {}
    for variable, setting, parse in SETTINGS:
        value = environ.get(variable)
        if value and setting not in skip:
            settings[setting] = parse(variable, value)
    login, password = (environ.get(name) for name in CREDENTIALS)
    credentials = (login, password) if login and password else None
    return settings, credentials
