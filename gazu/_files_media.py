"""Media files the server stores: preview files, comment attachments and avatars.

Part of :mod:`gazu.files`, which re-exports every public name. Entity
arguments are dicts with an ``"id"`` or id strings. The ``*_url`` functions
return API paths relative to the host (``movies/originals/preview-files/<id>.mp4``),
ready for :func:`gazu.client.get_file_data_from_url` or :func:`gazu.client.download`.

Every upload goes through :meth:`KitsuClient.upload` (streamed from disk) and
every download through :meth:`KitsuClient.download`, which writes the file
atomically: a failed download leaves neither a partial file nor a clobbered
earlier one.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Literal
from urllib.parse import quote

from gazu import _api
from gazu.cache import cache
from gazu.client import KitsuClient, default_client
from gazu.exception import PreviewFileProcessingException

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import AttachmentFile, PreviewFile

if TYPE_CHECKING:
    import requests

_MOVIE_EXTENSION = "mp4"
_PROCESSING_STATUS = "processing"


# Preview files -------------------------------------------------------------------


def _fresh_preview(preview_file: str | Mapping, client: KitsuClient) -> PreviewFile:
    """Read a preview file from the server, never from the cache."""
    return _api.fetch("data/preview-files/{preview_file}", client, preview_file=preview_file)


def _movie_path(preview_file: str | Mapping, lowdef: bool, client: KitsuClient) -> str:
    """Return the API path of a preview's movie, as upstream builds it whatever the preview's kind.

    The original keeps the preview's extension; the low definition is always
    an ``.mp4``. For a picture preview the server answers 404, as it does
    upstream: nothing is refused here.
    """
    preview = _fresh_preview(preview_file, client)
    if lowdef:
        return "movies/low/preview-files/%s.%s" % (preview["id"], _MOVIE_EXTENSION)
    return "movies/originals/preview-files/%s.%s" % (preview["id"], preview.get("extension"))


@cache
def get_preview_file(preview_file_id: str, client: KitsuClient = default_client) -> PreviewFile:
    """Return the preview file with this id."""
    return _api.fetch("data/preview-files/{preview_file_id}", client, preview_file_id=preview_file_id)


@cache
def get_all_preview_files_for_task(task: str | Mapping, client: KitsuClient = default_client) -> list[PreviewFile]:
    """Return every preview file uploaded for a task."""
    return _api.fetch_list("data/preview-files", client, params={"task_id": _api.to_id(task, "task")})


@cache
def get_running_preview_files(client: KitsuClient = default_client) -> list[PreviewFile]:
    """Return the preview files of open productions still processing, broken or missing (admins only)."""
    return _api.fetch_list("data/playlists/preview-files/running", client)


def update_preview(preview_file: str | Mapping, data: dict, client: KitsuClient = default_client) -> PreviewFile:
    """Write ``data`` onto a preview file's fields."""
    return client.put(_api.path("data/preview-files/{preview_file}", preview_file=preview_file), data)


def update_preview_position(preview_file: str | Mapping, position: float,
                            client: KitsuClient = default_client) -> list[PreviewFile]:
    """Move a preview file to ``position`` (from 1) among the previews of its revision."""
    return _api.put("actions/preview-files/{preview_file}/update-position", client, {"position": position},
                    preview_file=preview_file)


def update_preview_annotations(preview_file: str | Mapping, additions: Collection[Mapping] | None = None,
                               updates: Collection[Mapping] | None = None, deletions: list[str] | None = None,
                               client: KitsuClient = default_client) -> PreviewFile:
    """Add, change and delete drawings on a preview file; only the lists given are sent."""
    body = _api.query(additions=additions, updates=updates, deletions=deletions)
    return _api.put("actions/preview-files/{preview_file}/update-annotations", client, body, preview_file=preview_file)


def remove_preview_file(preview_file: str | Mapping, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a preview file."""
    return _api.delete("data/preview-files/{preview_file}", client, force=force, preview_file=preview_file)


def wait_for_preview_file(preview_file: str | Mapping, timeout: float = 60, poll_interval: float = 5,
                          client: KitsuClient = default_client) -> PreviewFile:
    """Poll a preview file until the server is done processing it, and return it.

    A preview whose processing failed is returned too, as upstream: its
    ``status`` says ``broken`` (or ``missing``).

    Raises:
        PreviewFileProcessingException: it is still processing after ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    while True:
        preview = _fresh_preview(preview_file, client)
        status = preview.get("status")
        if status != _PROCESSING_STATUS:
            return preview
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise PreviewFileProcessingException("preview file %s: still %s after %ss" % (
                preview.get("id"), status, timeout))
        time.sleep(max(0.0, min(poll_interval, remaining)))


def get_preview_file_url(preview_file: str | Mapping, client: KitsuClient = default_client) -> str:
    """Return the API path of a preview's original file (a movie or a picture)."""
    preview = _fresh_preview(preview_file, client)
    extension = preview.get("extension")
    kind = "movies" if extension == _MOVIE_EXTENSION else "pictures"
    return "%s/originals/preview-files/%s.%s" % (kind, preview["id"], extension)


def get_preview_movie_url(preview_file: str | Mapping, lowdef: bool = False,
                          client: KitsuClient = default_client) -> str:
    """Return the API path of a movie preview, in low definition when ``lowdef`` is true."""
    return _movie_path(preview_file, lowdef, client)


def get_preview_lowdef_movie_url(preview_file: str | Mapping, client: KitsuClient = default_client) -> str:
    """Return the API path of a movie preview in low definition."""
    return _movie_path(preview_file, True, client)


def download_preview_file(preview_file: str | Mapping, file_path: str, client: KitsuClient = default_client,
                          progress_callback=None) -> requests.Response:
    """Save a preview's original file (movie or picture) at ``file_path``."""
    _api.local_path(file_path)
    return _api.download(get_preview_file_url(preview_file, client=client), client, file_path,
                         progress_callback=progress_callback)


def download_preview_movie(preview_file: str | Mapping, file_path: str, client: KitsuClient = default_client,
                           progress_callback=None) -> requests.Response:
    """Save a movie preview at ``file_path``."""
    _api.local_path(file_path)
    return _api.download(_movie_path(preview_file, False, client), client, file_path,
                         progress_callback=progress_callback)


def download_preview_lowdef_movie(preview_file: str | Mapping, file_path: str, client: KitsuClient = default_client,
                                  progress_callback=None) -> requests.Response:
    """Save the low-definition version of a movie preview at ``file_path``."""
    _api.local_path(file_path)
    return _api.download(_movie_path(preview_file, True, client), client, file_path,
                         progress_callback=progress_callback)


def download_preview_file_thumbnail(preview_file: str | Mapping, file_path: str, client: KitsuClient = default_client,
                                    progress_callback=None) -> requests.Response:
    """Save a preview's thumbnail (PNG) at ``file_path``."""
    return _api.download("pictures/thumbnails/preview-files/{preview_file}.png", client, file_path,
                         progress_callback=progress_callback, preview_file=preview_file)


def download_preview_file_cover(preview_file: str | Mapping, file_path: str, client: KitsuClient = default_client,
                                progress_callback=None) -> requests.Response:
    """Save a preview's full-size picture (PNG; a movie's first frame) at ``file_path``."""
    return _api.download("pictures/originals/preview-files/{preview_file}.png", client, file_path,
                         progress_callback=progress_callback, preview_file=preview_file)


def extract_frame_from_preview(preview_file: str | Mapping, frame_number: int, file_path: str | None = None,
                               client: KitsuClient = default_client, progress_callback=None) -> requests.Response:
    """Have the server extract a movie frame as a PNG; save it at ``file_path``.

    Without ``file_path`` nothing is written: the response is returned with
    the picture in its ``content``.
    """
    params = {"frame_number": _api.given(frame_number, "frame_number")}
    return _api.download("actions/preview-files/{preview_file}/extract-frame", client, file_path, optional=True,
                         progress_callback=progress_callback, params=params, preview_file=preview_file)


def extract_tile_from_preview(preview_file: str | Mapping, file_path: str | None = None,
                              client: KitsuClient = default_client, progress_callback=None) -> requests.Response:
    """Have the server build a movie's tile of frames as a PNG; save it at ``file_path``.

    Without ``file_path`` nothing is written: the response is returned with
    the picture in its ``content``.
    """
    return _api.download("actions/preview-files/{preview_file}/extract-tile", client, file_path, optional=True,
                         progress_callback=progress_callback, preview_file=preview_file)


# Attachments ---------------------------------------------------------------------


def get_attachment_file(attachment_file_id: str, client: KitsuClient = default_client) -> AttachmentFile:
    """Return the attachment file with this id."""
    return _api.fetch("data/attachment-files/{attachment_file_id}", client, attachment_file_id=attachment_file_id)


@cache
def get_all_attachment_files_for_task(task: str | Mapping,
                                      client: KitsuClient = default_client) -> list[AttachmentFile]:
    """Return the files attached to the comments of a task."""
    return _api.fetch_list("data/tasks/{task}/attachment-files", client, task=task)


def get_all_attachment_files_for_project(project: str | Mapping,
                                         client: KitsuClient = default_client) -> list[AttachmentFile]:
    """Return the files attached to the comments of a project."""
    return _api.fetch_list("data/projects/{project}/attachment-files", client, project=project)


def get_attachment_thumbnail_url(attachment_file: str | Mapping, client: KitsuClient = default_client) -> str:
    """Return the API path of an attachment's thumbnail (no request is sent)."""
    return _api.path("pictures/thumbnails/attachment-files/{attachment_file}.png", attachment_file=attachment_file)


def download_attachment_file(attachment_file: str | Mapping, file_path: str, client: KitsuClient = default_client,
                             progress_callback=None) -> requests.Response:
    """Save an attachment file at ``file_path``."""
    _api.local_path(file_path)
    attachment = _api.fetch("data/attachment-files/{attachment_file}", client, attachment_file=attachment_file)
    # The server ignores the name segment; it only has to be a safe, non-empty one.
    return _api.download("data/attachment-files/{attachment_file}/file/%s" % quote(attachment.get("name") or "file",
                                                                                   safe=""),
                         client, file_path, progress_callback=progress_callback, attachment_file=attachment)


def download_attachment_thumbnail(attachment_file: str | Mapping, file_path: str, client: KitsuClient = default_client,
                                  progress_callback=None) -> requests.Response:
    """Save an attachment's thumbnail (PNG) at ``file_path``."""
    return _api.download("pictures/thumbnails/attachment-files/{attachment_file}.png", client, file_path,
                         progress_callback=progress_callback, attachment_file=attachment_file)


# Avatars -------------------------------------------------------------------------


def upload_person_avatar(person: str | Mapping, file_path: str, client: KitsuClient = default_client,
                         progress_callback=None) -> dict[Literal['thumbnail_path'], str]:
    """Set a person's avatar from a picture file."""
    return _api.upload("pictures/thumbnails/persons/{person}", client, file_path, progress_callback=progress_callback,
                       person=person)


def upload_project_avatar(project: str | Mapping, file_path: str, client: KitsuClient = default_client,
                          progress_callback=None) -> dict[Literal['thumbnail_path'], str]:
    """Set a project's avatar from a picture file."""
    return _api.upload("pictures/thumbnails/projects/{project}", client, file_path, progress_callback=progress_callback,
                       project=project)


def upload_organisation_avatar(organisation: str | Mapping, file_path: str, client: KitsuClient = default_client,
                               progress_callback=None) -> dict[Literal['thumbnail_path'], str]:
    """Set the organisation's avatar from a picture file."""
    return _api.upload("pictures/thumbnails/organisations/{organisation}", client, file_path,
                       progress_callback=progress_callback, organisation=organisation)


def download_person_avatar(person: str | Mapping, file_path: str, client: KitsuClient = default_client,
                           progress_callback=None) -> requests.Response:
    """Save a person's avatar (PNG) at ``file_path``."""
    return _api.download("pictures/thumbnails/persons/{person}.png", client, file_path,
                         progress_callback=progress_callback, person=person)


def download_project_avatar(project: str | Mapping, file_path: str, client: KitsuClient = default_client,
                            progress_callback=None) -> requests.Response:
    """Save a project's avatar (PNG) at ``file_path``."""
    return _api.download("pictures/thumbnails/projects/{project}.png", client, file_path,
                         progress_callback=progress_callback, project=project)


def download_organisation_avatar(organisation: str | Mapping, file_path: str, client: KitsuClient = default_client,
                                 progress_callback=None) -> requests.Response:
    """Save the organisation's avatar (PNG) at ``file_path``."""
    return _api.download("pictures/thumbnails/organisations/{organisation}.png", client, file_path,
                         progress_callback=progress_callback, organisation=organisation)
