"""gazu: a Python client for Kitsu, a drop-in replacement for upstream gazu 1.3.1.

Configure the process-wide client, then call the domain modules::

    import gazu
    gazu.set_host("https://kitsu.example.com/api")
    gazu.log_in("me@example.com", "secret")
    projects = gazu.project.all_open_projects()

``gazu.raw`` is :mod:`gazu.client`, the transport. Optional layers
(:mod:`gazu.events`, :mod:`gazu.aio`, :mod:`gazu.cli`) import their heavy
dependencies only when used.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Callable, cast

from gazu import (
    _auth,
    asset,
    cache,
    casting,
    client,
    concept,
    context,
    edit,
    entity,
    events,
    files,
    person,
    playlist,
    project,
    project_template,
    scene,
    search,
    shot,
    sorting,
    studio,
    sync,
    task,
    user,
)
from gazu import client as raw
from gazu.__version__ import __version__
from gazu.client import KitsuClient, create_client, default_client
from gazu.exception import (
    AuthFailedException,
    GazuException,
    NotAuthenticatedException,
    ParameterException,
)
from gazu.exception import InvalidArgumentException as _InvalidArgumentException

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import LoginAnswer, Success

__all__ = [
    "AuthFailedException", "GazuException", "KitsuClient", "NotAuthenticatedException",
    "ParameterException", "__version__", "asset", "cache", "casting", "client", "concept",
    "context", "create_client", "create_session", "default_client", "edit", "entity", "events",
    "files", "get_event_host", "get_host", "log_in", "log_out", "person", "playlist", "project",
    "project_template", "raw", "refresh_access_token", "scene", "search", "send_email_otp",
    "set_event_host", "set_host", "set_token", "shot", "sorting", "studio", "sync", "task", "user",
]


def get_host(client: KitsuClient = default_client) -> str:
    """Return the API URL the client talks to."""
    return raw.get_host(client)


def set_host(url: str, client: KitsuClient = default_client) -> None:
    """Point the client at a Kitsu API URL (``https://…/api``)."""
    raw.set_host(raw.checked_url(url, "url", scheme_required=False), client)


def get_event_host(client: KitsuClient = default_client) -> str:
    """Return the URL of the event stream."""
    return raw.get_event_host(client)


def set_event_host(url: str, client: KitsuClient = default_client) -> None:
    """Point the client's event stream at a URL."""
    raw.set_event_host(None if url is None else raw.checked_url(url, "url", scheme_required=False), client)


def set_token(token: str | Mapping, client: KitsuClient = default_client) -> dict:
    """Use an access token (a bot's, for instance) instead of logging in."""
    if isinstance(token, dict):
        return raw.set_tokens(token, client)
    if token is not None and not isinstance(token, str):
        raise _InvalidArgumentException("token: expected an access token string or a dict of tokens, got %s"
                                       % type(token).__name__)
    return raw.set_tokens({"access_token": token}, client)


def log_in(
    email: str,
    password: str,
    totp: str | None = None,
    email_otp: str | None = None,
    fido_authentication_response: dict | None = None,
    recovery_code: str | None = None,
    client: KitsuClient = default_client,
) -> LoginAnswer:
    """Log in and keep the tokens on the client; return the server's answer (user and tokens).

    Raises:
        AuthFailedException: the server refused the credentials.
    """
    return client.log_in(email, password, totp=totp, email_otp=email_otp,
                         fido_authentication_response=fido_authentication_response, recovery_code=recovery_code)


def send_email_otp(email: str, client: KitsuClient = default_client) -> Success:
    """Ask the server to e-mail a one-time password for ``email``."""
    _auth.text(email, "email")
    return client.get("auth/email-otp", params={"email": email})


def log_out(client: KitsuClient = default_client) -> dict[str, bool]:
    """Revoke the session on the server and forget the tokens; return the tokens left (``{}``), as upstream.

    As upstream, a 400 or 401 (a session the server no longer knows) still
    logs out; after any other failure the error is raised and the tokens kept.
    """
    try:
        if client.access_token:
            client.get("auth/logout")
    except (ParameterException, NotAuthenticatedException):
        pass
    raw.set_tokens({}, client)
    return {}


def refresh_access_token(client: KitsuClient = default_client) -> LoginAnswer:
    """Get a new access token from the refresh token; return the server's answer, as upstream."""
    return cast("LoginAnswer", client.refresh_access_token())  # the server's answer to auth/refresh-token


def create_session(
    host: str,
    email: str,
    password: str,
    totp: str | None = None,
    email_otp: str | None = None,
    fido_authentication_response: dict | None = None,
    recovery_code: str | None = None,
    ssl_verify: bool = True,
    cert: str | None = None,
    use_refresh_token: bool = False,
    callback_not_authenticated: Callable | None = None,
) -> KitsuClient:
    """Return a new client for ``host``, logged in as ``email``."""
    session = raw.create_client(host, ssl_verify=ssl_verify, cert=cert, use_refresh_token=use_refresh_token,
                                callback_not_authenticated=callback_not_authenticated)
    log_in(email, password, totp=totp, email_otp=email_otp,
           fido_authentication_response=fido_authentication_response,
           recovery_code=recovery_code, client=session)
    return session
