"""Comments on tasks: posting (with a status change), batches, replies, attachments.

Part of :mod:`gazu.task`, which re-exports every public name. Entity
arguments are dicts with an ``"id"`` or id strings. Posting a comment is how
a task changes status: every comment carries a task status.

Files (attachments) are sent through :meth:`KitsuClient.upload`, streamed
from disk; every local path is checked before the first request, so a typo
in a path never leaves a half-posted comment behind.
"""

from __future__ import annotations

import json
import mimetypes
import os
import pathlib
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any, Callable

from gazu import _api
from gazu._transfer import existing_paths
from gazu.cache import cache
from gazu.client import KitsuClient, default_client
from gazu.exception import InvalidArgumentException

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import Comment, CommentAttachment, Reply

# The server files the uploads of a batch by a name that must contain
# "attachment_file-<index>" (or "preview_file-<index>"): from index 10 on,
# "…-1" also matches "…-10" (upstream then attaches comment 10's files to
# comment 1 too), so a batch with files is sent ten comments at a time.
_BATCH_SIZE_WITH_FILES = 10
_BATCH_FILE_KEYS = {"attachment_files": "attachment_file", "preview_files": "preview_file"}


# Helpers ------------------------------------------


def _form(body: dict) -> dict:
    """Return a JSON body as multipart form fields (lists and dicts JSON-encoded, as the server reads them).

    A false ``for_client`` is left out: the server reads any text there as true.
    """
    return {key: json.dumps(value) if isinstance(value, (list, dict)) else value for key, value in body.items()
            if key != "for_client" or value}


def _attachment(path: str) -> tuple:
    """Return the form part of a file attached to a comment: with the Content-Type its name says.

    Zou stores that type as the attachment's mimetype and makes a thumbnail
    of a picture only when it says so; upstream sends none (CHANGELOG,
    deliberate differences).
    """
    return os.path.basename(path), pathlib.Path(path), mimetypes.guess_type(path)[0]


def _attachment_fields(paths: list[str]) -> dict:
    """Name files as upstream does: the last one ``file``, the others ``file-1``, ``file-2``, … in order."""
    return {"file": _attachment(paths[-1]),
            **{"file-%d" % number: _attachment(path) for number, path in enumerate(paths[:-1], 1)}}


def _comment_body(task_status: Any, comment: str, person: Any, checklist: Collection[Mapping] | None,
                  created_at: str | None, links: list | None, for_client: bool) -> dict:
    """Return the body of a new comment (author and date only when given)."""
    return {"task_status_id": _api.to_id(task_status, "task_status"), "comment": comment,
            "checklist": checklist or [], "links": links or [], "for_client": for_client,
            **_api.query(person_id=_api.optional_id(person, "person"), created_at=created_at)}


def _batch_files(entries: list[Mapping]) -> dict:
    """Return the local files of batch comments by field name (``attachment_file-<comment>-<file>``, …),
    each checked first, followed by the comments themselves as a JSON part, as upstream sends them."""
    files = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise InvalidArgumentException("comments: expected a list of comment dicts, got %r" % (entry,))
        for key, prefix in _BATCH_FILE_KEYS.items():
            for number, path in enumerate(existing_paths(entry[key], key) if entry.get(key) else []):
                part = _attachment(path) if key == "attachment_files" else pathlib.Path(path)
                files["%s-%d-%d" % (prefix, index, number)] = part
    return {**files, "comments": (None, json.dumps(entries), "application/json")}


# Reading ------------------------------------------------------------------------------


@cache
def all_comments_for_task(task: str | Mapping, client: KitsuClient = default_client) -> list[Comment]:
    """Return the comments of a task, newest first."""
    return _api.fetch_list("data/tasks/{task}/comments", client, task=task)


@cache
def get_last_comment_for_task(task: str | Mapping, client: KitsuClient = default_client) -> Comment | None:
    """Return the newest comment of a task, or None."""
    return _api.fetch_first("data/tasks/{task}/comments", client, task=task)


@cache
def all_comments_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[Comment]:
    """Return every comment of a project's tasks, last updated first."""
    return _api.fetch_list("data/projects/{project}/comments", client, project=project)


def get_comment(comment_id: str, client: KitsuClient = default_client) -> Comment:
    """Return the comment with this id."""
    return _api.fetch("data/comments/{comment_id}", client, comment_id=comment_id)


# Writing ------------------------------------------------------------------------------


def add_comment(task: str | Mapping, task_status: str | Mapping, comment: str = "", person: str | Mapping | None = None,
                checklist: Collection[Mapping] | None = None, attachments: list[str] | None = None,
                created_at: str | None = None, links: list[str] | None = None, for_client: bool = False,
                client: KitsuClient = default_client, progress_callback: Callable | None = None) -> Comment:
    """Post a comment on a task, setting the task to ``task_status``; return the comment.

    ``person`` and ``created_at`` (``YYYY-MM-DDTHH:MM:SS``) are honoured for
    managers only. ``attachments`` are local files sent with the comment.
    """
    route = _api.path("actions/tasks/{task}/comment", task=task)
    body = _comment_body(task_status, comment, person, checklist, created_at, links, for_client)
    if not attachments:
        return client.post(route, body)
    files = _attachment_fields(existing_paths(attachments, "attachments"))
    return client.upload(route, data=_form(body), files=files, progress_callback=progress_callback)


def update_comment(comment: Mapping, client: KitsuClient = default_client) -> Comment:
    """Save a modified comment dict."""
    return _api.update("data/comments/{comment}", client, comment, "comment")


def remove_comment(comment: str | Mapping, client: KitsuClient = default_client) -> str:
    """Delete a comment with its previews, news and notifications (the task status is recomputed)."""
    return _api.delete("data/comments/{comment}", client, comment=comment)


def add_attachment_files_to_comment(task: str | Mapping, comment: str | Mapping,
                                    attachments: str | list[str] | None = None, client: KitsuClient = default_client,
                                    progress_callback: Callable | None = None) -> list[CommentAttachment]:
    """Attach local files to a comment; return the comment's attachment files."""
    route = _api.path("actions/tasks/{task}/comments/{comment}/add-attachment", task=task, comment=comment)
    files = _attachment_fields(existing_paths(attachments, "attachments"))
    return client.upload(route, files=files, progress_callback=progress_callback)


def delete_comment_attachment(task: str | Mapping, comment: str | Mapping, attachment_file: str | Mapping,
                              client: KitsuClient = default_client) -> str:
    """Delete a file attached to a comment."""
    return _api.delete("data/tasks/{task}/comments/{comment}/attachments/{attachment_file}", client, task=task,
                       comment=comment, attachment_file=attachment_file)


def acknowledge_comment(task: str | Mapping, comment: str | Mapping, client: KitsuClient = default_client) -> Comment:
    """Acknowledge a comment as the logged-in user, or withdraw the acknowledgement if given already."""
    return _api.post("data/tasks/{task}/comments/{comment}/ack", client, task=task, comment=comment)


def reply_to_comment(task: str | Mapping, comment: str | Mapping, text: str, person: str | Mapping | None = None,
                     client: KitsuClient = default_client) -> Reply:
    """Reply to a comment; return the reply (the server signs it with the logged-in user)."""
    body = {"text": _api.given(text, "text"), **_api.query(person_id=_api.optional_id(person, "person"))}
    return _api.post("data/tasks/{task}/comments/{comment}/reply", client, body, task=task, comment=comment)


def delete_comment_reply(task: str | Mapping, comment: str | Mapping, reply: str | Mapping,
                         client: KitsuClient = default_client) -> str:
    """Delete a reply to a comment."""
    return _api.delete("data/tasks/{task}/comments/{comment}/reply/{reply}", client, task=task, comment=comment,
                       reply=reply)


def move_comment_to_task(task: str | Mapping, comment: str | Mapping, target_task: str | Mapping,
                         client: KitsuClient = default_client) -> Comment:
    """Move a comment (without previews) to another task of the same entity; return the moved comment."""
    return _api.post("actions/tasks/{task}/comments/{comment}/move", client,
                     {"target_task_id": _api.to_id(target_task, "target_task")}, task=task, comment=comment)


# Batches -------------------------------------------------------------------------------


def batch_comments(comments: Collection[Mapping] | None = None, task: str | Mapping | None = None,
                   client: KitsuClient = default_client, progress_callback: Callable | None = None) -> list[Comment]:
    """Post several comments at once, with their attachments and previews; return the new comments.

    Each comment is a dict sent as it is, with the server's keys:
    ``task_status_id``, ``text``, and ``task_id`` unless ``task`` is given for
    all of them; optionally ``person_id``, ``created_at``, ``checklist``,
    ``links``, and ``attachment_files`` / ``preview_files``: lists of local
    files. Each preview file becomes a new revision of its comment's task.
    """
    route = ("actions/tasks/batch-comment" if task is None
             else _api.path("actions/tasks/{task}/batch-comment", task=task))
    comments = list(comments or [])
    with_files = any(isinstance(entry, dict) and (entry.get("attachment_files") or entry.get("preview_files"))
                     for entry in comments)
    size = _BATCH_SIZE_WITH_FILES if with_files else max(len(comments), 1)
    # Every path is checked before the first request is sent.
    chunks = [_batch_files(comments[start:start + size]) for start in range(0, max(len(comments), 1), size)]
    if len(chunks) == 1:
        return client.upload(route, files=chunks[0], progress_callback=progress_callback)
    return [new for files in chunks for new in client.upload(route, files=files, progress_callback=progress_callback)]


def add_tasks_batch_comments(tasks: Collection[str | Mapping], comments_data: dict,
                             client: KitsuClient = default_client) -> list[Comment]:
    """Post the same comment (``task_status_id``, ``text``, …, as for batch_comments) on several tasks."""
    if not isinstance(comments_data, dict):
        raise InvalidArgumentException("comments_data: expected a comment dict, got %r" % (comments_data,))
    comments = [{**comments_data, "task_id": task_id} for task_id in _api.to_ids(tasks, "tasks")]
    return _api.post("actions/tasks/batch-comment", client, {"comments": comments})


def create_multiple_comments(project: str | Mapping, comments: Collection[Mapping] | None = None,
                             client: KitsuClient = default_client,
                             progress_callback: Callable | None = None) -> list[Comment]:
    """Post several comments on tasks of a project; return the new comments.

    Each comment is a dict with ``object_id`` (the task), ``task_status_id``,
    ``comment`` and optionally ``links``, sent as it is; the server skips one
    that lacks a key. They go as the JSON array Zou 1.0.97 reads (upstream's
    multipart form is refused there). ``progress_callback`` is never called.
    """
    return _api.post("actions/projects/{project}/tasks/comment-many", client, list(comments or []), project=project)
