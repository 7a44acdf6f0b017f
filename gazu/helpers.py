"""Small public helpers: argument normalisation, dates, file names, downloads."""

from __future__ import annotations

import datetime
import os
import re
import tempfile
from urllib.parse import unquote, urlparse

from gazu.exception import InvalidArgumentException

_UUID = re.compile(r"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", re.IGNORECASE)
_UNSAFE_FILENAME_CHARACTERS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S")
# What an id string may not contain: it would change the URL it is put in.
_URL_CHANGING = re.compile(r"[/?#%\s\x00-\x1f\x7f]")


def is_id(value: object) -> bool:
    """Tell whether ``value`` is a Kitsu id (a UUID string)."""
    return isinstance(value, str) and bool(_UUID.match(value))


def is_url_safe_id(value: object) -> bool:
    """Tell whether ``value`` can stand as an id in a route: any non-empty string
    that cannot change the URL (no ``/ ? # %``, white space or control
    characters, not ``.`` or ``..``). The server judges its format."""
    return (isinstance(value, str) and value not in ("", ".", "..")
            and not _URL_CHANGING.search(value))


def normalize_model_parameter(model_parameter: str | dict | None) -> dict | None:
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


def normalize_list_of_models_for_links(models: list[str | dict] | None = None) -> list[str]:
    """Return the ids of a list of dicts or ids (an empty list for None)."""
    if models is None:
        return []
    if not isinstance(models, (list, tuple)):
        models = [models]
    return [normalize_model_parameter(model)["id"] for model in models]


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
    """Return ``filename`` with characters no file system accepts replaced by ``_``."""
    if not isinstance(filename, str):
        raise InvalidArgumentException("filename: expected a string, got %r" % (filename,))
    cleaned = _UNSAFE_FILENAME_CHARACTERS.sub("_", filename).strip().strip(".")
    return cleaned or "_"


def download_file(url: str, file_path: str | None = None, headers: dict | None = None) -> str:
    """Download any URL to ``file_path`` (a temporary folder by default); return the path.

    The file is written atomically, like every gazu download.
    """
    from gazu.client import default_client

    if not isinstance(url, str) or not urlparse(url).scheme:
        raise InvalidArgumentException("url: expected an absolute URL, got %r" % (url,))
    if file_path is None:
        name = sanitize_filename(unquote(os.path.basename(urlparse(url).path)) or "download")
        file_path = os.path.join(tempfile.gettempdir(), name)
    default_client.download(url, file_path, full=True, authenticated=False, headers=headers)
    return file_path
