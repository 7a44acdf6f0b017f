"""Every error gazu raises, rooted at :class:`GazuException`.

The hierarchy, at a glance::

    GazuException
    ├── HostException                  the host is unset, unreachable or not a Kitsu API
    │   └── NetworkException           the connection failed or dropped (also a
    │       │                          requests.exceptions.ConnectionError)
    │       └── TimeoutException       no answer in time (also requests.exceptions.Timeout)
    ├── AuthFailedException            log-in refused
    ├── NotAuthenticatedException      401: no valid token
    ├── NotAllowedException            403
    ├── MethodNotAllowedException      405
    ├── RouteNotFoundException         404
    ├── ParameterException             400: the server rejected the parameters
    │   └── InvalidArgumentException   bad argument, caught before any request (also a ValueError)
    ├── ValidationException            422: the server could not process the data
    ├── ServerErrorException           5xx
    ├── UnexpectedResponseException    a body that is not the JSON the call expects (also a
    │                                  requests JSONDecodeError, so a ValueError)
    ├── UploadFailedException
    ├── TooBigFileException            413
    ├── DownloadFileException          a download failed; nothing was written
    ├── TaskStatusNotFoundException
    ├── ProjectStatusNotFoundException (also a ValueError)
    ├── TaskMustBeADictException
    ├── FileDoesntExistException
    ├── ProjectDoesntExistException
    └── PreviewFileProcessingException

Errors raised for an HTTP answer carry ``method``, ``path``, ``status``,
``server_message`` and ``response`` (the :class:`requests.Response`), and
their message reads as one line: ``GET data/projects/42: 404 Not Found: ...``.
"""

from __future__ import annotations

from typing import Any

import requests


class GazuException(Exception):
    """Root of every gazu error."""

    def __init__(
        self,
        message: Any = "",
        *,
        method: str | None = None,
        path: str | None = None,
        status: int | None = None,
        server_message: str | None = None,
        response: Any = None,
    ) -> None:
        self._init_base(message)
        self.method = method
        self.path = path
        self.status = status
        self.server_message = server_message
        self.response = response

    def _init_base(self, message: Any) -> None:
        super().__init__(message)

    @property
    def status_code(self) -> int | None:
        """The HTTP status of the answer, as requests names it."""
        return self.status


class HostException(GazuException):
    """The host is not set, not reachable, or not a Kitsu API."""


class NetworkException(HostException, requests.exceptions.ConnectionError):
    """The connection to the host failed or was cut."""

    def __init__(self, message: Any = "", **kwargs: Any) -> None:
        GazuException.__init__(self, message, **kwargs)
        self.request = None


class TimeoutException(NetworkException, requests.exceptions.Timeout):
    """The host did not answer within the client's timeout."""


class AuthFailedException(GazuException):
    """The server refused the credentials."""


class NotAuthenticatedException(GazuException):
    """The request needs a valid access token (HTTP 401)."""


class NotAllowedException(GazuException):
    """The user may not do this (HTTP 403)."""


class MethodNotAllowedException(GazuException):
    """The route does not accept this method (HTTP 405)."""


class RouteNotFoundException(GazuException):
    """The route or the object does not exist (HTTP 404)."""


class ServerErrorException(GazuException):
    """The server failed (HTTP 5xx)."""


class ParameterException(GazuException):
    """The server rejected the parameters (HTTP 400)."""


class InvalidArgumentException(ParameterException, ValueError):
    """An argument is wrong; raised before any request is sent."""


class ValidationException(GazuException):
    """The server could not process the data (HTTP 422)."""


class UnexpectedResponseException(GazuException, requests.exceptions.JSONDecodeError):
    """The server answered with a body the call cannot read (not JSON, cut short).

    Also a ``requests.exceptions.JSONDecodeError`` (so a ``json.JSONDecodeError``
    and a ``ValueError``): where upstream let the decoding error out, handlers
    written for it still catch this.
    """

    def _init_base(self, message: Any) -> None:
        requests.exceptions.JSONDecodeError.__init__(self, str(message), "", 0)
        self.args = (message,)  # the message alone, without the decoder's "line 1 column 1 (char 0)"

    def __reduce__(self) -> Any:
        return (_rebuild, (type(self), self.args[0] if self.args else "", self.__dict__))


class UploadFailedException(GazuException):
    """The server did not accept an upload."""


class TooBigFileException(GazuException):
    """The file is larger than the server accepts (HTTP 413)."""


class TaskStatusNotFoundException(GazuException):
    """No task status matches."""


class ProjectStatusNotFoundException(GazuException, ValueError):
    """No project status matches (a ValueError, as upstream raised)."""


class DownloadFileException(GazuException):
    """A download failed; no partial file was left behind."""


class TaskMustBeADictException(GazuException):
    """A task dict was expected."""


class FileDoesntExistException(GazuException, FileNotFoundError):
    """A local file to send, or the folder of a file to write, does not exist."""

    def __init__(self, message: Any = "", **kwargs: Any) -> None:
        GazuException.__init__(self, message, **kwargs)


class ProjectDoesntExistException(GazuException):
    """No project matches."""


class PreviewFileProcessingException(GazuException):
    """The server could not process a preview file in time."""


# One table decides which statuses raise and as what: every status from 400
# up raises; the ones upstream named keep upstream's class.
STATUS_EXCEPTIONS: dict[int, type[GazuException]] = {
    400: ParameterException,
    401: NotAuthenticatedException,
    403: NotAllowedException,
    404: RouteNotFoundException,
    405: MethodNotAllowedException,
    413: TooBigFileException,
    422: ValidationException,
}


def exception_for_status(status: int) -> type[GazuException] | None:
    """Return the exception class an HTTP status maps to, None for success."""
    if status < 400:
        return None
    if status in STATUS_EXCEPTIONS:
        return STATUS_EXCEPTIONS[status]
    return ServerErrorException if status >= 500 else GazuException


def _rebuild(cls: type, message: Any, state: dict) -> GazuException:
    """Unpickle an exception whose base classes take other constructor arguments."""
    error = cls(message)
    error.__dict__.update(state)
    return error
