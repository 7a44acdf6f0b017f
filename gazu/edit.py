"""Edits: the cuts of a production (a trailer, an episode's edit), with their previews.

Every entity argument is a dict with an ``"id"`` or an id string. An edit
belongs to a project and, in a TV show, may belong to an episode (its
``parent_id``, returned as ``episode_id``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gazu import _api
from gazu.cache import cache
from gazu.client import KitsuClient, default_client

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import Edit, EntityPreviewFile


@cache
def all_edits_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[Edit]:
    """Return the edits of a project, sorted by name."""
    return _api.fetch_list("data/projects/{project}/edits", client, sort=True, project=project)


@cache
def all_previews_for_edit(edit: str | Mapping,
                          client: KitsuClient = default_client) -> dict[str, list[EntityPreviewFile]]:
    """Return the edit's preview files, grouped by task type id as the server sends them."""
    return _api.fetch("data/edits/{edit}/preview-files", client, edit=edit)


@cache
def get_edit(edit_id: str, client: KitsuClient = default_client) -> Edit:
    """Return the edit with this id, with its project and episode names and ids, and its tasks."""
    return _api.fetch("data/edits/{edit_id}", client, edit_id=edit_id)


@cache
def get_edit_by_name(project: str | Mapping, edit_name: str, client: KitsuClient = default_client) -> Edit | None:
    """Return the project's edit with this name, or None."""
    return _api.fetch_first("data/edits/all", client, params=_api.plain_query(
        project_id=_api.to_id(project, "project"), name=edit_name))


@cache
def get_edit_url(edit: str | Mapping, client: KitsuClient = default_client) -> str:
    """Return the address of the edit's page in Kitsu (under its episode, in a TV show; the edit is read fresh)."""
    edit = get_edit(_api.to_id(edit, "edit"), client=client)
    return _api.production_url(client, edit["project_id"], "edits/%s/" % edit["id"], episode=edit.get("episode_id"))


def new_edit(project: str | Mapping, name: str, description: str | None = None, data: dict | None = None,
             episode: str | Mapping | None = None, client: KitsuClient = default_client) -> Edit:
    """Create an edit (in an episode, if given), or return the project's edit that has this name.

    The episode is sent as ``episode_id``, which Zou 1.0.97 reads (upstream
    sends ``parent_id``, which it ignores: the edit landed outside its episode).
    """
    body = {"name": name, "data": _api.data_dict(data),
            **_api.query(description=description, episode_id=_api.optional_id(episode, "episode"))}
    existing = get_edit_by_name(project, name, client=client)
    return existing or _api.post("data/projects/{project}/edits", client, body, project=project)


def update_edit(edit: Mapping, client: KitsuClient = default_client) -> Edit:
    """Save a modified edit dict (its ``data`` keys are merged into the stored ones)."""
    return _api.update("data/entities/{edit}", client, edit, "edit")


def update_edit_data(edit: str | Mapping, data: dict | None = None, client: KitsuClient = default_client) -> Edit:
    """Merge ``data`` into the edit's free-form ``data`` field (read fresh), keeping its other keys."""
    return update_edit(_api.with_merged_data("data/edits/{edit}", client, data, edit=edit), client=client)


def remove_edit(edit: str | Mapping, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete an edit; without ``force``, an edit with tasks is only marked as canceled."""
    return _api.delete("data/edits/{edit}", client, force=force, edit=edit)
