"""Small public helpers: argument normalisation, dates, file names, downloads."""

from __future__ import annotations

import datetime
import mimetypes
import os
import re
import shutil
import tempfile
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any, overload
from urllib.parse import urlparse

from gazu._exchange import is_url_safe_id  # noqa: F401  (a name of this module's, used by the domain modules)
from gazu.exception import DownloadFileException, GazuException, InvalidArgumentException

if TYPE_CHECKING:  # pragma: no cover
    from typing_extensions import TypeGuard

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
# What sanitize_filename removes, as upstream.
_FILENAME_REMOVED = str.maketrans("", "", "@|():%/,\\[]<>*?;`\n")
_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S")


def is_id(value: object) -> TypeGuard[str]:
    """Tell whether ``value`` is an id string of UUID shape (``8-4-4-4-12`` hexadecimal digits), as upstream checks."""
    return isinstance(value, str) and bool(_UUID.fullmatch(value))


@overload
def normalize_model_parameter(model_parameter: None) -> None: ...
@overload
def normalize_model_parameter(model_parameter: str | Mapping) -> dict: ...
def normalize_model_parameter(model_parameter: str | Mapping | None) -> dict | None:
    """Return ``{"id": …}`` for an id, the dict itself for a dict, None for None.

    Raises:
        InvalidArgumentException (a ValueError): for anything else.
    """
    if model_parameter is None:
        return None
    if isinstance(model_parameter, dict):
        return model_parameter
    if is_id(model_parameter):
        return {"id": model_parameter}
    raise InvalidArgumentException(
        "expected an id string or a dict with an 'id', got %r" % (model_parameter,))


def normalize_list_of_models_for_links(models: Collection[str | Mapping] | None = None) -> list[str]:
    """Return the ids of a list of dicts or ids (an empty list for None; a single one is a list of one)."""
    if models is None:
        return []
    items: Collection[Any] = models if isinstance(models, (list, tuple)) else [models]
    return [normalize_model_parameter(model)["id"] for model in items]


def validate_date_format(date_text: str) -> str:
    """Return ``date_text`` if it is ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS``, else raise."""
    if isinstance(date_text, str):
        for date_format in _DATE_FORMATS:
            try:
                datetime.datetime.strptime(date_text, date_format)
                return date_text
            except ValueError:
                continue
    raise InvalidArgumentException(
        "Incorrect date format for %r, should be YYYY-mm-dd or YYYY-mm-ddTHH:mm:ss" % (date_text,))


def sanitize_filename(filename: str) -> str:
    """Return ``filename`` without the characters upstream removes, as upstream cleans it.

    Each ``..`` becomes ``_``, then ``@|():%/,\\[]<>*?;``, backquotes and
    new lines go, then surrounding white space: ``"shot 010: take/2?.ma"``
    gives ``"shot 010 take2.ma"``. The result may be empty.
    """
    if not isinstance(filename, str):
        raise InvalidArgumentException("filename: expected a string, got %r" % (filename,))
    return filename.replace("..", "_").translate(_FILENAME_REMOVED).strip()


def download_file(url: str, file_path: str | None = None, headers: dict | None = None) -> str:
    """Download any URL (no credentials sent); return the absolute path of the file written.

    The file is named after the URL's last segment (``file`` when it has
    none), in a new private folder ``gazu_*`` of the temporary folder, or in
    ``file_path`` when it is a folder; otherwise ``file_path`` is the file.
    A name without extension gets the one of the answer's Content-Type.
    The file is written atomically, like every gazu download.

    Raises:
        DownloadFileException: the server answered with an error status, or
            the download failed.
    """
    import requests

    from gazu.client import default_client

    if not isinstance(url, str) or not urlparse(url).scheme:
        raise InvalidArgumentException("url: expected an absolute URL, got %r" % (url,))
    name = sanitize_filename(os.path.basename(urlparse(url).path)) or "file"
    folders: list[str] = []
    written: list[str] = []

    def target(response: Any) -> str:
        if file_path is None:
            folders.append(tempfile.mkdtemp(prefix="gazu_"))
            path = os.path.join(folders[0], name)
        else:
            path = os.path.join(file_path, name) if os.path.isdir(file_path) else file_path
        if not os.path.splitext(path)[1]:
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip()
            path += (mimetypes.guess_extension(content_type) or "") if content_type else ""
        written.append(os.path.abspath(path))
        return written[-1]

    try:
        # requests' own User-Agent unless the headers given name one, as upstream's bare requests.get sends it
        default_client.download(url, target, full=True, authenticated=False,
                                headers={"User-Agent": requests.utils.default_user_agent(), **(headers or {})})
    except BaseException as error:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        if isinstance(error, GazuException) and error.status is not None \
                and not isinstance(error, DownloadFileException):
            raise DownloadFileException("File (%s) can't be downloaded (%s)." % (url, error), method="GET",
                                        path=url, status=error.status, server_message=error.server_message,
                                        response=error.response) from error
        raise
    return written[-1]
