"""The log-in steps the sync (``gazu.log_in``) and async (``gazu.aio.log_in``) clients share."""

from __future__ import annotations

from typing import Any

from gazu.exception import AuthFailedException, GazuException


def login_payload(email: str, password: str, **factors: Any) -> dict:
    """Return the body of ``POST auth/login``: the credentials and the second factors given."""
    payload = {"email": email, "password": password, **factors}
    return {key: value for key, value in payload.items() if value is not None}


def refused(error: GazuException, email: str) -> AuthFailedException:
    """Return the error to raise when the server answers a log-in with a 400 or 401."""
    return AuthFailedException(
        "log-in refused for %s: %s" % (email, error.server_message or error.status),
        method=error.method, path=error.path, status=error.status,
        server_message=error.server_message, response=error.response)


def tokens_from(result: Any, email: str) -> dict:
    """Return the tokens of a log-in answer, or raise when it says the log-in failed."""
    from gazu.client import get_message_from_data

    result = result or {}
    if not result.get("login", True) or "access_token" not in result:
        raise AuthFailedException("log-in refused for %s: %s" % (email, get_message_from_data(result)))
    return {key: result[key] for key in ("access_token", "refresh_token") if key in result}
