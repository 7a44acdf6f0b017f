"""The shapes every domain module is built from.

Domain functions (``gazu.asset``, ``gazu.task``, …) are one or two lines on
these helpers. Each takes a route template written as a literal next to
the function that uses it, its placeholders named after the entity
arguments, which it takes by their own names, so that a bad argument is
reported by the name the caller used::

    def all_assets_for_project(project, client=default_client):
        return _api.fetch_list("data/projects/{project}/assets", client, sort=True, project=project)

Ids are taken where upstream takes them: an entity argument is a dict with
an ``"id"`` (any string) or an id string of UUID shape (:func:`to_id`); an
entity named ``id`` or ``…_id`` is an id as given (:func:`given_id`). The
names ``route``, ``client``, ``params``, ``sort``, ``body``, ``force``,
``whole``, and for uploads and downloads ``file_path``, ``argument``,
``data``, ``optional`` and ``progress_callback``, are the helpers' own;
entity keywords use any other name.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Callable, Literal, overload
from urllib.parse import urlparse

from gazu._transfer import existing_paths
from gazu.client import KitsuClient, get_api_url_from_host
from gazu.exception import InvalidArgumentException
from gazu.helpers import download_file, is_id, is_url_safe_id, sanitize_filename
from gazu.sorting import sort_by_name

if TYPE_CHECKING:  # pragma: no cover
    import requests


def _describe(name: str) -> str:
    return name.replace("_", " ")


def _a(name: str) -> str:
    """Return ``name`` described with its article: ``an asset``, ``a shot``."""
    described = _describe(name)
    return ("an " if described[:1] in "aeiou" else "a ") + described


def to_id(value: Any, name: str, uuid: bool = False) -> str:
    """Return the id of a dict-or-id argument, or raise naming the argument.

    As upstream: a dict's id may be any string (studios' test doubles use
    ``{"id": "shot-01"}``), but an id string given bare must have a UUID's
    shape, where upstream raises ``ValueError("Wrong format: …")`` before
    any request. With ``uuid``, a dict's id must have it too (where upstream
    checks it: ``task.update_task_data``). An id that would change the URL is
    refused either way.
    """
    if isinstance(value, dict):
        if "id" not in value:
            raise InvalidArgumentException(
                "%s: expected a %s dict with an 'id', got a dict with no 'id' key" % (name, _describe(name)))
        entity_id = value["id"]
        if is_id(entity_id) if uuid else is_url_safe_id(entity_id):
            return entity_id
        raise InvalidArgumentException("%s: expected a %s dict with an 'id'%s, got a dict with id %r"
                                       % (name, _describe(name), " of UUID shape" if uuid else "", entity_id))
    if is_id(value):
        return value
    raise InvalidArgumentException(
        "%s: expected a %s dict or an id string of UUID shape, got %r" % (name, _describe(name), value))


def given_id(value: Any, name: str) -> str:
    """Return an id upstream puts in the request as it is given: a ``*_id`` parameter, or an id read from a dict.

    Any non-empty string that cannot change the URL (the server judges its
    format); a dict stands for its ``"id"``. :func:`path` takes the entities
    named ``id`` or ``…_id`` this way.
    """
    if isinstance(value, dict):
        return to_id(value, name)
    if is_url_safe_id(value):
        return value
    raise InvalidArgumentException("%s: expected an id string, got %r" % (name, value))


def optional_id(value: Any, name: str, given: bool = False) -> str | None:
    """Like :func:`to_id` (:func:`given_id` with ``given``), but None stays None."""
    if value is None:
        return None
    return given_id(value, name) if given else to_id(value, name)


def to_dict(value: Any, name: str) -> dict:
    """Return a dict for a dict-or-id argument (``{"id": …}`` for an id)."""
    entity_id = to_id(value, name)
    return value if isinstance(value, dict) else {"id": entity_id}


def to_ids(values: Any, name: str, given: bool = False) -> list[str]:
    """Return the ids of a list of dicts or ids (a single one is taken as a list of one).

    Each as :func:`to_id`, as upstream checks the items of most lists; with
    ``given``, as :func:`given_id`, where upstream sends them as given.
    """
    if values is None:
        return []
    if not isinstance(values, (list, tuple, set)):
        values = [values]
    return [given_id(value, name) if given else to_id(value, name) for value in values]


def given(value: Any, name: str) -> Any:
    """Return a value upstream sends as it is given (``""`` and numbers too), refusing only None."""
    if value is None:
        raise InvalidArgumentException("%s: expected a value, got None" % name)
    return value


def require(value: Any, name: str, expected: type | tuple = str) -> Any:
    """Return ``value`` if it is a non-empty ``expected``, or raise naming the argument."""
    if not isinstance(value, expected) or (isinstance(value, (str, list, dict)) and not value):
        kind = " or ".join(t.__name__ for t in (expected if isinstance(expected, tuple) else (expected,)))
        raise InvalidArgumentException("%s: expected a non-empty %s, got %r" % (name, kind, value))
    return value


def entity(value: Any, name: str) -> dict:
    """Return an entity dict argument, or raise naming it."""
    if isinstance(value, dict):
        return value
    raise InvalidArgumentException("%s: expected %s dict, got %r" % (name, _a(name), value))


def field(value: Any, name: str, key: str, any_value: bool = False) -> Any:
    """Return what an entity dict argument holds under ``key``, or raise naming the argument.

    An id string (a ``project_id``), or anything with ``any_value`` (a
    ``name``, a ``parent_id`` that may be None), but the key must be there.
    """
    if isinstance(value, dict) and key in value and (any_value or is_url_safe_id(value[key])):
        return value[key]
    raise InvalidArgumentException("%s: expected %s dict with its %r, got %r" % (name, _a(name), key, value))


def _entity_id(name: str, value: Any) -> str:
    """Return the id of an entity keyword: as given for ``id`` or ``…_id``, else a dict-or-id argument."""
    return given_id(value, name) if name == "id" or name.endswith("_id") else to_id(value, name)


def check_ids(**entities: Any) -> None:
    """Check entity arguments as :func:`path` takes them, before anything is downloaded or sent."""
    for name, value in entities.items():
        _entity_id(name, value)


def path(route: str, /, **entities: Any) -> str:
    """Fill the named placeholders of ``route`` (``"data/shots/{shot}"``) with the ids of the entities of those names.

    An entity named ``id`` or ``…_id`` is an id as given (:func:`given_id`:
    upstream's ``shot_id`` parameters, and ids read from a dict); any other
    is a dict-or-id argument (:func:`to_id`). A route with no entities is a
    path already filled in, returned as it is.
    """
    if not entities:
        return route
    return route.format_map({name: _entity_id(name, value) for name, value in entities.items()})


def query(**values: Any) -> dict:
    """Return query parameters without the ones that are None."""
    return {key: value for key, value in values.items() if value is not None}


def plain_query(**values: Any) -> dict:
    """Return query parameters as upstream writes them in the URL: every key kept, None as ``None``.

    For look-ups by name, where upstream sends ``name=None`` (which finds
    nothing) rather than leaving the name out (which would find anything).
    """
    return {key: "None" if value is None else value for key, value in values.items()}


def fetch(route: str, /, client: KitsuClient, *, params: dict | None = None, **entities: Any) -> Any:
    """GET a route and return its decoded JSON."""
    return client.get(path(route, **entities), params=params)


def fetch_list(route: str, /, client: KitsuClient, *, params: dict | None = None, sort: bool = False,
               **entities: Any) -> list:
    """GET a list; sorted by name when ``sort`` is true.

    Unsorted, the server's answer is returned as it is, as upstream does
    (an empty ``{}`` stays a dict); sorted, an empty answer is ``[]``.
    """
    results = client.get(path(route, **entities), params=params)
    return sort_by_name(results or []) if sort else results


def fetch_first(route: str, /, client: KitsuClient, *, params: dict | None = None, **entities: Any) -> Any:
    """GET a list and return its first item, or None."""
    results = client.get(path(route, **entities), params=params)
    return results[0] if results else None


def post(route: str, /, client: KitsuClient, body: Any = None, **entities: Any) -> Any:
    """POST ``body`` as JSON to a route."""
    return client.post(path(route, **entities), {} if body is None else body)


def put(route: str, /, client: KitsuClient, body: Any = None, **entities: Any) -> Any:
    """PUT ``body`` as JSON to a route."""
    return client.put(path(route, **entities), {} if body is None else body)


def with_ids(entity: Any, *keys: str) -> Any:
    """Return a copy of an entity dict whose lists of entities under ``keys`` hold ids, as upstream saves them.

    Each item is a dict or an id string, taken as :func:`to_id`; None is an
    empty list, a single item a list of one. Anything but a dict is returned
    as it is (for the caller to refuse).
    """
    if not isinstance(entity, dict):
        return entity
    return {**entity, **{key: to_ids(entity[key], key) for key in keys if key in entity}}


def update(route: str, /, client: KitsuClient, value: Any, name: str, ids: tuple[str, ...] = ()) -> Any:
    """PUT a whole entity dict (which must carry its ``id``) back to its route, its lists under ``ids`` as ids."""
    return client.put(route.format_map({name: to_id(entity(value, name), name)}), with_ids(value, *ids))


def delete(route: str, /, client: KitsuClient, *, force: bool = False, params: dict | None = None,
           **entities: Any) -> str:
    """DELETE a route; with ``force``, ask the server to delete for good (``?force=True``, as upstream)."""
    params = dict(params or {})
    if force:
        params["force"] = "True"
    return client.delete(path(route, **entities), params=params or None)


def data_dict(data: Any, name: str = "data") -> dict:
    """Return a free-form data dict argument (``{}`` for None), or raise naming it."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InvalidArgumentException("%s: expected a dict, got %r" % (name, data))
    return data


def with_merged_data(route: str, /, client: KitsuClient, data: Any, *, whole: bool = False, **entities: Any) -> dict:
    """Read an entity fresh from ``route`` and return it to save back with ``data`` merged into its own ``data``.

    ``{"id", "data"}`` only, or the whole entity with ``whole``; ``data`` is
    checked (:func:`data_dict`) before the read.
    """
    changes = data_dict(data)
    current = fetch(route, client, **entities)
    return {**(current if whole else {"id": current["id"]}), "data": {**(current.get("data") or {}), **changes}}


# Kitsu web addresses --------------------------------------------------------------------------


def web_url(client: KitsuClient, page: str) -> str:
    """Return the address of a page of the Kitsu web application (``people/<id>/``) on the client's host."""
    return "%s/%s" % (get_api_url_from_host(client), page)


def production_url(client: KitsuClient, project_id: str, page: str, episode: str | None = None) -> str:
    """Return the address of a production's page (``assets/``, ``shots/<id>/``) in Kitsu.

    With ``episode``, the page sits under that episode (``episodes/<id>/``):
    each caller says which episode upstream puts there.
    """
    return web_url(client, "productions/%s/%s%s" % (project_id, "episodes/%s/" % episode if episode else "", page))


# Uploads and downloads ------------------------------------------------------------------------


def local_path(value: Any, name: str = "file_path", optional: bool = False) -> Any:
    """Return a local file path argument (a non-empty ``str`` or ``os.PathLike``; None with ``optional``).

    Checked before any request, naming the argument; whether the file
    exists (uploads) or its folder does (downloads) the client checks.
    """
    if value is None and optional:
        return None
    if not isinstance(value, (str, os.PathLike)) or not os.fspath(value):
        raise InvalidArgumentException("%s: expected a file path, got %r" % (name, value))
    return value


def upload(route: str, /, client: KitsuClient, file_path: Any, *, argument: str = "file_path",
           data: dict | None = None, progress_callback: Callable | None = None, **entities: Any) -> Any:
    """POST a local file as the ``file`` field of a streamed multipart form (``data`` as text fields).

    ``argument`` is the caller's name for ``file_path``, in errors.
    """
    return client.upload(path(route, **entities), local_path(file_path, argument), data=data,
                         progress_callback=progress_callback)


def download(route: str, /, client: KitsuClient, file_path: Any, *, argument: str = "file_path",
             optional: bool = False, params: dict | None = None, progress_callback: Callable | None = None,
             **entities: Any) -> requests.Response:
    """Stream a route into ``file_path`` through the client's atomic download; return the response.

    With ``optional``, no ``file_path`` keeps the body in the response
    (``response.content``): still a download, with its Accept header, so that
    the server's "still processing" answers are waited for.
    """
    return client.download(path(route, **entities), local_path(file_path, argument, optional), params=params,
                           progress_callback=progress_callback)


@contextlib.contextmanager
def preview_source(preview_file_path: Any, preview_file_url: Any, caller: str) -> Iterator[str]:
    """Yield a local file to upload: the URL downloaded to a folder removed afterwards, or else the path given.

    A URL wins over a path when both are given, as upstream's.
    """
    if preview_file_url is None:
        if preview_file_path is None:
            raise InvalidArgumentException("%s requires either preview_file_path or preview_file_url" % caller)
        yield existing_paths(preview_file_path, "preview_file_path")[0]
        return
    if not isinstance(preview_file_url, str) or not preview_file_url:
        raise InvalidArgumentException("preview_file_url: expected a URL, got %r" % (preview_file_url,))
    folder = tempfile.mkdtemp(prefix="gazu-preview-")
    try:
        # named as upstream names it: the URL's last segment, as written, made a safe file name
        name = sanitize_filename(os.path.basename(urlparse(preview_file_url).path)) or "preview"
        yield download_file(preview_file_url, os.path.join(folder, name))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@overload
def date(value: Any, name: str, optional: Literal[False] = False) -> str: ...
@overload
def date(value: Any, name: str, optional: bool) -> str | None: ...
def date(value: Any, name: str, optional: bool = False) -> str | None:
    """Return a date argument as sent: a :class:`datetime.date` as ``YYYY-MM-DD``, a string as given.

    The server judges a string's format, as upstream lets it; raises, naming
    the argument, for anything else (None too, unless ``optional``) and for
    a string that would change the URL it is put in.
    """
    if value is None and optional:
        return None
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    if is_url_safe_id(value):
        return value
    raise InvalidArgumentException("%s: expected a date YYYY-MM-DD (or a datetime.date), got %r" % (name, value))


def segment(value: Any, name: str, width: int = 0) -> str:
    """Return a value (a year, a month, a week) as upstream puts it in a route: ``str(value)``, zero-padded to
    ``width``; raises, naming the argument, for None and for what would change the URL."""
    text = None if value is None else str(value).zfill(width)
    if not is_url_safe_id(text):
        raise InvalidArgumentException("%s: expected a number, got %r" % (name, value))
    return text


def flag(value: Any) -> str:
    """Return a boolean query value as upstream sends it: Python's ``"True"``/``"False"`` (Zou reads both cases)."""
    return "True" if value else "False"


def number(value: Any, name: str) -> int:
    """Return a whole number (digit strings accepted: years, months, weeks), or raise naming the argument."""
    if isinstance(value, str) and value.isdigit():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise InvalidArgumentException("%s: expected a number, got %r" % (name, value))


def deprecated(reason: str) -> Callable[[Callable], Callable]:
    """Make a function warn through the ``deprecated`` package, imported at its first call.

    ``import deprecated`` costs about 60 ms, so it never happens at
    ``import gazu``; the warning points at the caller's line.
    """
    def decorate(function: Callable) -> Callable:
        warned: list[Callable] = []

        @functools.wraps(function)
        def call(*args: Any, **kwargs: Any) -> Any:
            if not warned:
                from deprecated import deprecated as wrap

                try:
                    warned.append(wrap(reason=reason, extra_stacklevel=1)(function))
                except TypeError:  # Deprecated < 1.2.15 has no extra_stacklevel
                    warned.append(wrap(reason=reason)(function))
            return warned[0](*args, **kwargs)
        return call
    return decorate
