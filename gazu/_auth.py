"""The log-in steps of ``KitsuClient.log_in`` and ``AsyncKitsuClient.log_in``: one flow for both clients."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from gazu._exchange import decode_json, get_message_from_data
from gazu.exception import AuthFailedException, GazuException, InvalidArgumentException, NotAuthenticatedException

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import LoginAnswer


class LogIn:
    """One log-in, as both clients send it: its body checked before anything is sent, then its answer read."""

    def __init__(self, email: str, password: str, **factors: Any) -> None:
        self.email = email
        self.payload = login_payload(email, password, **factors)
        self.result: LoginAnswer = {}

    def refused(self, error: GazuException) -> AuthFailedException:
        """Return the error to raise for a 400 or 401 answer: the credentials were refused."""
        return refused(error, self.email)

    def tokens(self, response: Any) -> dict:
        """Return the tokens a client keeps of the answer (kept as :attr:`result`, which the log-in returns)."""
        self.result = cast("LoginAnswer", decode_json(response, "POST", "auth/login") or {})
        return tokens_from(self.result, self.email)


def login_payload(email: str, password: str, **factors: Any) -> dict:
    """Return the body of ``POST auth/login``: the credentials and every second factor, null when not given
    (as upstream sends it)."""
    text(email, "email")
    text(password, "password")
    return {"email": email, "password": password, **factors}


def refused(error: GazuException, email: str) -> AuthFailedException:
    """Return the error to raise when the server answers a log-in with a 400 or 401."""
    return AuthFailedException(
        "log-in refused for %s: %s" % (email, error.server_message or error.status),
        method=error.method, path=error.path, status=error.status,
        server_message=error.server_message, response=error.response)


def tokens_from(result: Any, email: str) -> dict:
    """Return what a client keeps as its tokens after a log-in: the whole answer, as upstream.

    Raises:
        AuthFailedException: the answer is empty, not a dict, or says ``"login": false``.
    """
    if not isinstance(result, dict) or not result or result.get("login") is False:
        raise AuthFailedException("log-in refused for %s: %s" % (email, get_message_from_data(result)))
    return dict(result)


def refreshed_access_token(result: Any) -> str:
    """Return the access token of a refresh answer, or raise when there is none (a failed refresh)."""
    token = result.get("access_token") if isinstance(result, dict) else None
    if not token or not isinstance(token, str):
        raise NotAuthenticatedException(
            "GET auth/refresh-token: the answer carries no access token: %.200r" % (result,),
            method="GET", path="auth/refresh-token")
    return token


def text(value: Any, name: str) -> str:
    """Return a credential that must be a string, or raise naming it (never quoting a password)."""
    if not isinstance(value, str):
        shown = repr(value) if name == "email" else type(value).__name__
        raise InvalidArgumentException("%s: expected a string, got %s" % (name, shown))
    return value
