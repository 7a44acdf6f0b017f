"""Async access to Kitsu, for tools that fan many requests out at once (the ``async`` extra: aiohttp).

Every function takes the :class:`AsyncKitsuClient` to use as ``client``;
there is no process-wide default, since an aiohttp session belongs to one
event loop. Functions are coroutines, except :func:`get_full_url`::

    import asyncio
    from gazu import aio

    async def main():
        async with await aio.create_session(host, email, password) as client:
            ids = [asset["id"] for asset in await aio.fetch_all("assets", client=client)]
            assets = await asyncio.gather(*(aio.fetch_one("assets", id, client=client) for id in ids))

    asyncio.run(main())

The client follows the sync client's rules (timeouts, retries, one token
refresh on a 401, streaming uploads, atomic downloads) and raises the same
:mod:`gazu.exception` errors with the same messages; see
:mod:`gazu._aio_client`. aiohttp is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from gazu._aio_client import AsyncKitsuClient, AsyncResponse
from gazu._aio_client import aiohttp_module as _aiohttp_module
from gazu.client import KitsuClient, model_path, raise_for_response
from gazu.exception import (
    GazuException,
    InvalidArgumentException,
    ParameterException,
)

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import LoginAnswer

if TYPE_CHECKING:  # pragma: no cover
    import aiohttp

__all__ = [
    "AsyncKitsuClient", "check_server_status", "check_status", "create", "create_session", "delete", "download",
    "fetch_all", "fetch_first", "fetch_one", "get", "get_full_url", "log_in", "log_out", "post", "put",
    "update", "upload",
]


def __getattr__(name: str) -> Any:
    if name == "aiohttp":  # as upstream's module has it, for code that patches gazu.aio.aiohttp.<name>
        return _aiohttp_module()
    raise AttributeError("module %r has no attribute %r" % (__name__, name))


def _client(client: Any) -> AsyncKitsuClient:
    """Return ``client`` (any object with the async client's methods), or say why it cannot be used.

    None and a sync :class:`~gazu.client.KitsuClient` are refused before
    any request (upstream crashes on both with an AttributeError or
    blocks on a sync request).
    """
    if client is not None and not isinstance(client, KitsuClient):
        return client
    raise InvalidArgumentException(
        "client: expected an AsyncKitsuClient (gazu.aio has no default client: pass client=, made with "
        "gazu.aio.create_session() or AsyncKitsuClient(host)), got %r" % (client,))


async def create_session(
    host: str,
    email: str,
    password: str,
    totp: str | None = None,
    email_otp: str | None = None,
    fido_authentication_response=None,
    recovery_code: str | None = None,
    ssl_verify: bool = True,
    use_refresh_token: bool = False,
    callback_not_authenticated: Callable | None = None,
) -> AsyncKitsuClient:
    """Return a new async client for ``host``, logged in as ``email`` (close it when done).

    Raises:
        AuthFailedException: the server refused the credentials.
    """
    client = AsyncKitsuClient(host, ssl_verify=ssl_verify, use_refresh_token=use_refresh_token,
                              callback_not_authenticated=callback_not_authenticated)
    try:
        await log_in(email, password, totp=totp, email_otp=email_otp,
                     fido_authentication_response=fido_authentication_response, recovery_code=recovery_code,
                     client=client)
    except BaseException:
        await client.close()
        raise
    return client


async def log_in(
    email: str,
    password: str,
    totp: str | None = None,
    email_otp: str | None = None,
    fido_authentication_response=None,
    recovery_code: str | None = None,
    client: AsyncKitsuClient | None = None,
) -> LoginAnswer:
    """Log in and keep the tokens on the client; return the server's answer (user and tokens).

    Raises:
        AuthFailedException: the server refused the credentials.
    """
    return await _client(client).log_in(email, password, totp=totp, email_otp=email_otp,
                                        fido_authentication_response=fido_authentication_response,
                                        recovery_code=recovery_code)


async def log_out(client: AsyncKitsuClient) -> dict:
    """Revoke the session on the server, then forget the tokens; return them (None both), as upstream.

    A 400 (the server no longer knows the session) logs out too, as
    upstream; after any other failure, the tokens are kept (a new attempt
    can still revoke them).
    """
    client = _client(client)
    try:
        await client.get("auth/logout")
    except ParameterException as error:
        if error.status != 400:
            raise
    client.tokens = {"access_token": None, "refresh_token": None}
    return client.tokens


async def check_server_status(client: AsyncKitsuClient) -> bool:
    """Tell whether the host answers (below 500) at all; False without a usable client, as upstream."""
    try:
        client = _client(client)
        if not client.host:
            return False
        # the host itself, with aiohttp's own User-Agent, as upstream's bare aiohttp session asks it
        response = await client.request("HEAD", client.host, full=True, authenticated=False, retry=False,
                                        raise_for_status=False,
                                        headers={"User-Agent": _aiohttp_module().http.SERVER_SOFTWARE})
    except GazuException:
        return False
    return response.status_code < 500


async def check_status(response: aiohttp.ClientResponse, path: str,
                       client: AsyncKitsuClient | None = None) -> tuple[int, bool]:
    """Raise for an error status of an aiohttp answer; return ``(status, retry)``.

    The answer may also be any object with a ``status`` and ``json()`` /
    ``text()`` coroutines. With a client, a 401 is answered by a token
    refresh and ``retry`` is true when the request should be sent again.
    """
    answer = response if isinstance(response, AsyncResponse) else AsyncResponse(response)
    if answer.status_code == 401 and client is not None and client.refresh_token:
        try:
            await client.refresh_access_token()
            return answer.status_code, True
        except GazuException:
            pass
    if answer.status_code >= 400:
        await answer.read()
    raise_for_response(answer, getattr(answer.raw, "method", None) or "GET", path)
    return answer.status_code, False


def get_full_url(path: str, client: AsyncKitsuClient) -> str:
    """Return the absolute URL of an API path."""
    return _client(client).full_url(path)


async def get(path: str, json_response: bool = True, params: dict | None = None,
              client: AsyncKitsuClient | None = None) -> Any:
    """GET a path; return its decoded JSON, or its text when ``json_response`` is false."""
    return await _client(client).get(path, json_response=json_response, params=params)


async def post(path: str, data: Any, client: AsyncKitsuClient | None = None) -> Any:
    """POST JSON data to a path; return the decoded answer."""
    return await _client(client).post(path, data)


async def put(path: str, data: dict, client: AsyncKitsuClient | None = None) -> Any:
    """PUT JSON data to a path; return the decoded answer."""
    return await _client(client).put(path, data)


async def delete(path: str, params: dict | None = None, client: AsyncKitsuClient | None = None) -> str:
    """DELETE a path; return the answer's text."""
    return await _client(client).delete(path, params=params)


async def fetch_all(path: str, params: dict | None = None, client: AsyncKitsuClient | None = None,
                    paginated: bool = False, limit: int | None = None,
                    fields: list[str] | str | None = None) -> list[dict[str, Any]]:
    """GET every object at ``data/<path>``; with ``paginated``, page after page of ``limit`` objects."""
    return await _client(client).fetch_all(path, params=params, paginated=paginated, limit=limit, fields=fields)


async def fetch_first(path: str, params: dict | None = None,
                      client: AsyncKitsuClient | None = None) -> dict[str, Any] | None:
    """Return the first object at ``data/<path>``, or None."""
    results = await _client(client).fetch_all(path, params=params)
    return results[0] if results else None


async def fetch_one(model_name: str, id: str, params: dict | None = None,
                    client: AsyncKitsuClient | None = None) -> dict[str, Any]:
    """Return the object ``data/<model_name>/<id>``."""
    return await _client(client).get(model_path(model_name, id=id), params=params)


async def create(model_name: str, data: dict, client: AsyncKitsuClient | None = None) -> dict[str, Any]:
    """Create an object of ``model_name`` from ``data``."""
    return await _client(client).post(model_path(model_name), data)


async def update(model_name: str, model_id: str, data: dict, client: AsyncKitsuClient | None = None) -> dict[str, Any]:
    """Update the object ``data/<model_name>/<model_id>`` with ``data``."""
    return await _client(client).put(model_path(model_name, model_id=model_id), data)


async def upload(path: str, file_path: str | None = None, data: dict | None = None, extra_files: list | None = None,
                 client: AsyncKitsuClient | None = None, progress_callback: Callable | None = None) -> Any:
    """Upload files to a path as a streamed multipart form; return the decoded answer."""
    return await _client(client).upload(path, file_path=file_path, data=data, extra_files=extra_files,
                                         progress_callback=progress_callback)


async def download(path: str, file_path: str, params: dict | None = None, client: AsyncKitsuClient | None = None,
                   progress_callback: Callable | None = None) -> None:
    """Download a path into ``file_path`` atomically (nothing is left behind on failure)."""
    await _client(client).download(path, file_path, params=params, progress_callback=progress_callback)
