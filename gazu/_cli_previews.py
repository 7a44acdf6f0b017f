"""``gazu-cli publish`` and ``download``: previews in and out, with a progress bar on a terminal.

Registered on the group of :mod:`gazu._cli_app`, as the commands of :mod:`gazu._cli_commands` are.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Callable

import click

import gazu
from gazu._cli_app import command, current_status, resolve_task_status, resolve_task_type
from gazu._cli_support import NotFoundException, output, wants_json
from gazu.exception import GazuException, PreviewFileProcessingException, RouteNotFoundException
from gazu.helpers import is_id, sanitize_filename

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import PreviewFile


def _show_progress(wanted: bool | None) -> bool:
    """``--progress``/``--no-progress`` decide; by default, a bar only on a terminal and never in CI."""
    if wanted is not None:
        return wanted
    return sys.stdout.isatty() and sys.stderr.isatty() and not os.environ.get("CI")


class _ProgressBar:
    """A one-line bar on stderr, redrawn when the percentage changes: ``label [####----]  42%  1.2/2.9 MB``."""

    WIDTH = 30

    def __init__(self, label: str):
        self.label = label
        self.shown: int | None = None

    def __call__(self, done: int, total: int | None) -> None:
        if not total:
            return
        percent = min(100, done * 100 // total)
        if percent == self.shown:
            return
        self.shown = percent
        filled = self.WIDTH * percent // 100
        sys.stderr.write("\r%s [%s%s] %3d%%  %.1f/%.1f MB" % (
            self.label, "#" * filled, "-" * (self.WIDTH - filled), percent, done / 1e6, total / 1e6))
        sys.stderr.flush()

    def close(self) -> None:
        if self.shown is not None:
            sys.stderr.write("\n")
            sys.stderr.flush()


@contextlib.contextmanager
def _progress(wanted: bool | None, label: str) -> Iterator[Callable[[int, int | None], None] | None]:
    """Yield a ``callback(done, total)`` drawing a bar, or None when no bar is wanted."""
    if not _show_progress(wanted):
        yield None
        return
    bar = _ProgressBar(label)
    try:
        yield bar
    finally:
        bar.close()


_progress_option = click.option("--progress/--no-progress", default=None,
                                help="Draw a progress bar on stderr (default: on a terminal, never when $CI is set).")


@command("publish")
@click.argument("task_id")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, readable=True))
@click.option("--comment", "-m", "text", default="", help="The comment posted with the preview.")
@click.option("--status", "-s", "task_status", metavar="NAME|ID",
              help="Set the task to this status (short name ok, e.g. wfa); default: keep its status.")
@click.option("--set-thumbnail", is_flag=True, help="Make the preview the entity's thumbnail.")
@click.option("--no-normalize", is_flag=True, help="Keep a movie as sent instead of normalising it.")
@click.option("--wait", "wait_seconds", type=float, default=None, metavar="SECONDS",
              help="Wait up to SECONDS for the server to process the preview.")
@_progress_option
def publish(ctx: click.Context, task_id: str, file: str, text: str, task_status: str | None, set_thumbnail: bool,
            no_normalize: bool, wait_seconds: float | None, progress: bool | None, as_json: bool) -> None:
    """Publish FILE as a task's new preview, with a comment.

    FILE becomes the next preview revision of the task TASK_ID, posted with
    a comment that may change the task's status.
    """
    found = gazu.task.get_task(task_id)
    new_status = resolve_task_status(task_status) if task_status else current_status(found)
    posted = gazu.task.add_comment(found, new_status, text)
    preview = gazu.task.create_preview(found, posted)
    try:
        with _progress(progress, "Uploading %s" % os.path.basename(file)) as callback:
            preview = gazu.task.upload_preview_file(preview, file, normalize_movie=not no_normalize,
                                                    progress_callback=callback)
    except Exception:
        with contextlib.suppress(GazuException):  # leave no empty preview behind; the comment stays
            gazu.task.remove_preview_from_comment(found, posted, preview)
        raise
    if wait_seconds is not None:
        preview = gazu.files.wait_for_preview_file(preview, timeout=wait_seconds, poll_interval=1)
        if preview.get("status") in ("broken", "missing"):  # returned as upstream does; a failure here
            raise PreviewFileProcessingException("preview file %s: processing failed (status %s)" % (
                preview.get("id"), preview.get("status")))
    if set_thumbnail:
        gazu.task.set_main_preview(preview)
    if wants_json(ctx):
        output(ctx, {"comment": posted, "preview_file": preview}, [])
    else:
        click.echo("Published %s as revision %s of task %s (status: %s); preview %s" % (
            os.path.basename(file), preview.get("revision"), found["id"],
            new_status.get("short_name") or new_status.get("name"), preview.get("id")))


def _latest_preview(task: Mapping) -> PreviewFile:
    previews = gazu.files.get_all_preview_files_for_task(task)
    if not previews:
        raise NotFoundException("task %s has no preview" % task["id"])
    return max(previews, key=lambda one: (one.get("revision") or 0, one.get("created_at") or ""))


def _preview_of(target: str, task_type: str | None) -> PreviewFile:
    """Return the latest preview of a task, or of an entity (its main one, or its task of ``task_type``)."""
    if not is_id(target):
        raise click.BadParameter("expected a task or entity id, got %r" % target, param_hint="TARGET")
    try:
        return _latest_preview(gazu.task.get_task(target))
    except RouteNotFoundException:
        entity = gazu.entity.get_entity(target)
    if task_type:
        found = gazu.task.get_task_by_entity(entity, resolve_task_type(task_type))
        if found is None:
            raise NotFoundException("%s has no %s task" % (entity.get("name"), task_type))
        return _latest_preview(found)
    main_preview_id = entity.get("preview_file_id")
    if not main_preview_id:
        raise NotFoundException("%s has no main preview: pass --task-type" % entity.get("name"))
    return gazu.files.get_preview_file(main_preview_id)


@command("download")
@click.argument("target")
@click.argument("path", required=False, default=".", type=click.Path(dir_okay=True, writable=True))
@click.option("--task-type", "-t", metavar="NAME|ID",
              help="For an entity: the preview of its task of this type, not its main preview.")
@_progress_option
def download(ctx: click.Context, target: str, path: str, task_type: str | None, progress: bool | None,
             as_json: bool) -> None:
    """Download the latest preview of a task or an entity.

    TARGET is a task id (its latest preview) or an entity id (its main
    preview, or with --task-type the latest preview of that task). PATH is
    a file or a folder (default: here); the file appears whole or not at all.
    """
    preview = _preview_of(target, task_type)
    if os.path.isdir(path):
        name = preview.get("original_name") or preview["id"]
        path = os.path.join(path, sanitize_filename("%s.%s" % (name, preview.get("extension") or "bin")))
    with _progress(progress, "Downloading %s" % os.path.basename(path)) as callback:
        gazu.files.download_preview_file(preview, path, progress_callback=callback)
    if wants_json(ctx):
        output(ctx, {"path": os.path.abspath(path), "size": os.path.getsize(path), "preview_file": preview}, [])
    else:
        click.echo("Downloaded revision %s (preview %s) to %s" % (preview.get("revision"), preview["id"], path))
