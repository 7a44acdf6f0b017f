"""Previews of tasks: revisions attached to comments, extra previews, the entity's main preview.

Part of :mod:`gazu.task`, which re-exports every public name. Entity
arguments are dicts with an ``"id"`` or id strings. A preview is created in
two steps: an empty preview file is added to a comment (which numbers the
revision), then the media is uploaded into it; the server turns pictures
into PNG thumbnails and movies into normalised MP4s.

Uploads go through :meth:`KitsuClient.upload`, streamed from disk. The
source (a local file, or a URL fetched first) is checked before the first
request, so a bad path never leaves an empty preview behind.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Callable

from gazu import _api
from gazu._transfer import existing_paths
from gazu.cache import cache
from gazu.client import KitsuClient, build_path_with_params, default_client

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import Entity, PreviewFile


def _upload_options(normalize_movie: bool, no_job: bool) -> dict:
    """Return the upload's query flags that differ from the server's defaults."""
    return _api.query(normalize=None if normalize_movie else "false", no_job="true" if no_job else None)


# Reading ------------------------------------------------------------------------------


@cache
def all_previews_for_task(task: str | Mapping, client: KitsuClient = default_client) -> list[PreviewFile]:
    """Return the preview files of a task."""
    return _api.fetch_list("data/tasks/{task}/previews", client, task=task)


@cache
def all_preview_files_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[PreviewFile]:
    """Return every preview file of a project (administrators only)."""
    return _api.fetch_list("data/projects/{project}/preview-files", client, project=project)


# Previews on comments --------------------------------------------------------------------


def create_preview(task: str | Mapping, comment: str | Mapping, revision: int | None = None,
                   client: KitsuClient = default_client) -> PreviewFile:
    """Add an empty preview file to a comment, as the next revision unless ``revision`` is given; return it."""
    return _api.post("actions/tasks/{task}/comments/{comment}/add-preview", client, _api.query(revision=revision),
                     task=task, comment=comment)


def create_extra_preview(task: str | Mapping, comment: str | Mapping, preview_file: str | Mapping,
                         client: KitsuClient = default_client) -> PreviewFile:
    """Add an empty preview file to a comment, in the same revision as ``preview_file``; return it."""
    return _api.post("actions/tasks/{task}/comments/{comment}/preview-files/{preview_file}", client, task=task,
                     comment=comment, preview_file=preview_file)


def upload_preview_file(preview_file: str | Mapping, file_path: str, normalize_movie: bool = True, no_job: bool = False,
                        client: KitsuClient = default_client, progress_callback: Callable | None = None) -> PreviewFile:
    """Upload the media of an empty preview file; return the preview file.

    A preview file takes one upload only. ``normalize_movie=False`` keeps a
    movie as sent; ``no_job`` asks the server to process it at once rather
    than in a background job.
    """
    route = _api.path("pictures/preview-files/{preview_file}", preview_file=preview_file)
    return client.upload(build_path_with_params(route, _upload_options(normalize_movie, no_job)),
                         file_path=existing_paths(file_path, "file_path")[0], progress_callback=progress_callback)


def add_preview(task: str | Mapping, comment: str | Mapping, preview_file_path: str | None = None,
                preview_file_url: str | None = None, normalize_movie: bool = True, revision: int | None = None,
                no_job: bool = False, client: KitsuClient = default_client) -> PreviewFile:
    """Add a preview to a comment from a local file or a URL; return the preview file."""
    _api.check_ids(task=task, comment=comment)
    with _api.preview_source(preview_file_path, preview_file_url, "add_preview") as source:
        preview_file = create_preview(task, comment, revision=revision, client=client)
        return upload_preview_file(preview_file, source, normalize_movie, no_job, client=client)


def add_extra_preview(task: str | Mapping, comment: str | Mapping, preview_file: str | Mapping,
                      preview_file_path: str | None = None, preview_file_url: str | None = None,
                      normalize_movie: bool = True, no_job: bool = False,
                      client: KitsuClient = default_client) -> PreviewFile:
    """Add another preview to ``preview_file``'s revision, from a local file or a URL; return the new preview file."""
    _api.check_ids(task=task, comment=comment, preview_file=preview_file)
    with _api.preview_source(preview_file_path, preview_file_url, "add_extra_preview") as source:
        extra = create_extra_preview(task, comment, preview_file, client=client)
        return upload_preview_file(extra, source, normalize_movie, no_job, client=client)


def remove_preview_from_comment(task: str | Mapping, comment: str | Mapping, preview_file: str | Mapping,
                                client: KitsuClient = default_client) -> str:
    """Delete a preview file of a comment."""
    return _api.delete("actions/tasks/{task}/comments/{comment}/preview-files/{preview_file}", client, task=task,
                       comment=comment, preview_file=preview_file)


def set_main_preview(preview_file: str | Mapping, frame_number: int | None = None,
                     client: KitsuClient = default_client) -> Entity:
    """Make a preview its entity's thumbnail (for a movie, the frame ``frame_number``); return the entity."""
    return _api.put("actions/preview-files/{preview_file}/set-main-preview", client,
                    _api.query(frame_number=frame_number), preview_file=preview_file)
