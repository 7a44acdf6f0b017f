"""A requests session that reads the environment once per server address, instead of on every request.

requests looks at the environment for each request it sends: the proxies
(``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY`` and ``NO_PROXY``, each
lookup a walk through ``os.environ``), the CA bundle (``REQUESTS_CA_BUNDLE``,
``CURL_CA_BUNDLE``) and the ``~/.netrc`` credentials (``NETRC``, files
looked for on disk), and on Windows and macOS the system's proxy settings —
about a third of what a small request costs a client.
:class:`EnvironmentOnceSession` reads them on its first request to a server
address (``scheme://host:port``) and keeps the answers for that address, so
they still apply as requests applies them, read at one moment instead of
each time: a client created before a change of the environment keeps what it
read (as a client keeps its host), and a new client, or a new host, reads
the environment again. With ``trust_env`` off, nothing is read, as in requests.

The session's settings (headers, cookies, query) are merged into each
request as requests merges them, without its runtime protocol checks, which
cost a fifth of preparing a request on Python 3.11.
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from collections.abc import Mapping
from http.cookiejar import CookieJar
from typing import Any, NamedTuple
from urllib.parse import urlencode

import requests
from requests.cookies import RequestsCookieJar
from requests.sessions import merge_hooks, merge_setting
from requests.structures import CaseInsensitiveDict
from requests.utils import get_environ_proxies, get_netrc_auth


class Environment(NamedTuple):
    """What the environment says for requests to one server address."""

    proxies: dict
    ca_bundle: str | None
    netrc_auth: tuple[str, str] | None


# ``scheme://user@host:port`` at the start of an absolute URL: what the environment is read for.
_ORIGIN = re.compile(r"[^:/?#]*://[^/?#]*")


def _origin(url: str) -> str:
    """Return the server address an absolute URL starts with."""
    found = _ORIGIN.match(url)
    return found.group() if found else url


def _no_auth(request: Any) -> Any:
    """An authentication that adds nothing: the server address has no netrc credentials."""
    return request


def _encoded_query(params: dict) -> str | None:
    """Return the query string requests makes of ``params`` (None values left out), or None when empty.

    Given as a string (or None), the query skips requests' runtime protocol
    checks of a dict's encoding; the result is the same string.
    """
    pairs = []
    for key, values in params.items():
        if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
            values = [values]
        for value in values:
            if value is not None:
                pairs.append((key.encode("utf-8") if isinstance(key, str) else key,
                              value.encode("utf-8") if isinstance(value, str) else value))
    return urlencode(pairs, doseq=True) if pairs else None


class EnvironmentOnceSession(requests.Session):
    """A :class:`requests.Session` that reads the environment once per server address (see the module)."""

    def __init__(self) -> None:
        super().__init__()
        self._environments: dict[str, Environment] = {}
        self._environments_lock = threading.Lock()

    def environment(self, url: str) -> Environment:
        """Return what the environment says for requests to ``url``'s server, read on the first one."""
        origin = _origin(url)
        found = self._environments.get(origin)
        if found is None:
            found = Environment(get_environ_proxies(url),
                                os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE"),
                                get_netrc_auth(url))
            with self._environments_lock:  # the first reading is kept: every request then sees the same
                found = self._environments.setdefault(origin, found)
        return found

    def forget_environment(self) -> None:
        """Read the environment again on the next request (after a change of proxies, CA bundle or netrc)."""
        with self._environments_lock:
            self._environments = {}

    def prepare_request(self, request: requests.Request) -> requests.PreparedRequest:
        if self.trust_env and not request.auth and not self.auth:
            request.auth = self.environment(request.url).netrc_auth or _no_auth
        if (request.cookies or self.auth is not None or self.params or type(request.params) is not dict
                or type(request.headers) is not dict or not isinstance(self.headers, Mapping)
                or not isinstance(self.cookies, CookieJar)):
            return super().prepare_request(request)
        # What requests merges from the session, merged as it does, without its runtime protocol checks
        # (a fifth of the preparing): the session's headers updated with the request's, those set to None
        # left out; the session's cookies copied; the request's query without its None values, encoded here.
        headers = CaseInsensitiveDict(self.headers)
        headers.update(request.headers)
        for name in [name for name, value in headers.items() if value is None]:
            del headers[name]
        cookies = RequestsCookieJar()
        cookies.update(self.cookies)
        prepared = requests.PreparedRequest()
        prepared.prepare(method=request.method.upper(), url=request.url, files=request.files, data=request.data,
                         json=request.json, headers=headers, auth=request.auth, cookies=cookies,
                         params=_encoded_query(request.params),
                         hooks=merge_hooks(request.hooks, self.hooks))
        return prepared

    def merge_environment_settings(self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any) -> Any:
        if not self.trust_env or (proxies and "no_proxy" in proxies):  # rare: requests reads it all
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        environment = self.environment(url)
        proxies = {**environment.proxies, **(proxies or {})}
        if (verify is True or verify is None) and environment.ca_bundle:
            verify = environment.ca_bundle
        if self.proxies:
            proxies = merge_setting(proxies, self.proxies)
        elif self.proxies is not None:  # as merge_setting leaves them, without its protocol checks
            proxies = OrderedDict((key, value) for key, value in proxies.items() if value is not None)
        return {"proxies": proxies, "stream": merge_setting(stream, self.stream),
                "verify": merge_setting(verify, self.verify), "cert": merge_setting(cert, self.cert)}
