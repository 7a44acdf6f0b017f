"""Casting (breakdown): which assets appear in which shots, episodes and assets, and how often.

Every entity argument is a dict with an ``"id"`` or an id string, except
where a function takes an entity dict alone: that dict must also carry the
``project_id`` of its project. A casting is a list of entries such as
``{"asset_id": …, "nb_occurences": 2, "label": "animate"}`` (an entry
without ``nb_occurences`` counts once).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from gazu import _api
from gazu.cache import cache
from gazu.client import KitsuClient, default_client
from gazu.exception import InvalidArgumentException

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import CastIn, CastingEntry, EntityLink, EntityLinksPage


def _casting_list(casting: Any) -> Any:
    """Return a casting argument as sent: each entry dict counts once unless it says otherwise.

    The server silently skips an entry without ``nb_occurences``: it gets 1
    here, as on the server's own asset casting route. Anything else is sent
    as given, as upstream does, for the server to judge.
    """
    if not isinstance(casting, list):
        return casting
    return [{"nb_occurences": 1, **entry} if isinstance(entry, dict) else entry for entry in casting]


def _entity_ids(entities: Any) -> list[str]:
    """Return the ids of the entities to cast in (an empty list is sent as it is, as upstream), or raise."""
    if entities is None:
        raise InvalidArgumentException("entities: expected entity dicts or ids, got None")
    return _api.to_ids(entities, "entities")


# Reading castings ----------------------------------------------------------------


@cache
def get_asset_casting(asset: Mapping, client: KitsuClient = default_client) -> list[CastingEntry]:
    """Return the casting of an asset dict: the assets it contains."""
    return _api.fetch("data/projects/{project_id}/entities/{asset}/casting", client,
                      project_id=_api.field(asset, "asset", "project_id"), asset=asset)


@cache
def get_shot_casting(shot: Mapping, client: KitsuClient = default_client) -> list[CastingEntry]:
    """Return the casting of a shot dict: the assets that appear in it."""
    return _api.fetch("data/projects/{project_id}/entities/{shot}/casting", client,
                      project_id=_api.field(shot, "shot", "project_id"), shot=shot)


@cache
def get_episode_casting(episode: Mapping, client: KitsuClient = default_client) -> list[CastingEntry]:
    """Return the casting of an episode dict: the assets used in it."""
    return _api.fetch("data/projects/{project_id}/entities/{episode}/casting", client,
                      project_id=_api.field(episode, "episode", "project_id"), episode=episode)


@cache
def get_sequence_casting(sequence: Mapping, client: KitsuClient = default_client) -> dict[str, list[CastingEntry]]:
    """Return the castings of the shots of a sequence dict, by shot id."""
    return _api.fetch("data/projects/{project_id}/sequences/{sequence}/casting", client,
                      project_id=_api.field(sequence, "sequence", "project_id"), sequence=sequence)


@cache
def get_sequence_shots_casting(project: str | Mapping, sequence: str | Mapping,
                               client: KitsuClient = default_client) -> dict[str, list[CastingEntry]]:
    """Return the castings of the shots of a sequence, by shot id."""
    return _api.fetch("data/projects/{project}/sequences/{sequence}/casting", client, project=project,
                      sequence=sequence)


@cache
def get_project_shots_casting(project: str | Mapping,
                              client: KitsuClient = default_client) -> dict[str, list[CastingEntry]]:
    """Return the castings of every shot of a project, by shot id."""
    return _api.fetch("data/projects/{project}/sequences/all/casting", client, project=project)


@cache
def get_episode_shots_casting(project: str | Mapping, episode: str | Mapping,
                              client: KitsuClient = default_client) -> dict[str, list[CastingEntry]]:
    """Return the castings of every shot of an episode, by shot id."""
    return _api.fetch("data/projects/{project}/episodes/{episode}/sequences/all/casting", client, project=project,
                      episode=episode)


@cache
def get_episodes_casting(project: str | Mapping, client: KitsuClient = default_client) -> dict[str, list[CastingEntry]]:
    """Return the castings of every episode of a project, by episode id."""
    return _api.fetch("data/projects/{project}/episodes/casting", client, project=project)


def get_asset_type_casting(project: str | Mapping, asset_type: str | Mapping,
                           client: KitsuClient = default_client) -> dict[str, list[CastingEntry]]:
    """Return the castings of the project's assets of this type, by asset id."""
    return _api.fetch("data/projects/{project}/asset-types/{asset_type}/casting", client, project=project,
                      asset_type=asset_type)


@cache
def get_asset_cast_in(asset: str | Mapping, client: KitsuClient = default_client) -> list[CastIn]:
    """Return the shots, episodes and assets an asset is cast in."""
    return _api.fetch("data/assets/{asset}/cast-in", client, asset=asset)


# Changing castings ---------------------------------------------------------------


def update_asset_casting(project: str | Mapping, asset: str | Mapping, casting: Collection[Mapping],
                         client: KitsuClient = default_client) -> list[CastingEntry]:
    """Replace the casting of an asset (the assets it contains); return the new casting."""
    return _api.put("data/projects/{project}/entities/{asset}/casting", client, _casting_list(casting),
                    project=project, asset=asset)


def update_shot_casting(project: str | Mapping, shot: str | Mapping, casting: Collection[Mapping],
                        client: KitsuClient = default_client) -> list[CastingEntry]:
    """Replace the casting of a shot; return the new casting."""
    return _api.put("data/projects/{project}/entities/{shot}/casting", client, _casting_list(casting),
                    project=project, shot=shot)


def update_episode_casting(project: str | Mapping, episode: str | Mapping, casting: Collection[Mapping],
                           client: KitsuClient = default_client) -> list[CastingEntry]:
    """Replace the casting of an episode; return the new casting."""
    return _api.put("data/projects/{project}/entities/{episode}/casting", client, _casting_list(casting),
                    project=project, episode=episode)


def cast_asset(project: str | Mapping, entities: Collection[str | Mapping] | str | Mapping, asset: str | Mapping,
               nb_occurences: int | None = None, label: str | None = None,
               client: KitsuClient = default_client) -> dict[str, list[CastingEntry]]:
    """Cast an asset in one or several entities, leaving the rest of their castings as it is.

    Without ``nb_occurences`` (or ``label``), an entity that already casts
    the asset keeps its count (or label); a new entry counts one. Returns
    each entity's new casting, by entity id.
    """
    body = {"entity_ids": _entity_ids(entities), **_api.query(nb_occurences=nb_occurences, label=label)}
    return _api.put("data/projects/{project}/entities/casting/assets/{asset}", client, body, project=project,
                    asset=asset)


def uncast_asset(project: str | Mapping, entities: Collection[str | Mapping] | str | Mapping, asset: str | Mapping,
                 client: KitsuClient = default_client) -> dict[str, list[CastingEntry]]:
    """Remove an asset from the castings of one or several entities; return their castings by entity id."""
    body = {"entity_ids": _entity_ids(entities), "nb_occurences": 0}
    return _api.put("data/projects/{project}/entities/casting/assets/{asset}", client, body, project=project,
                    asset=asset)


# Entity links --------------------------------------------------------------------


@cache
def all_entity_links_for_project(project: str | Mapping, page: int | None = None, limit: int | None = None,
                                 client: KitsuClient = default_client) -> list[EntityLink] | EntityLinksPage:
    """Return the casting links of a project; with ``page``, one page of them as a dict with ``data``."""
    return _api.fetch("data/projects/{project}/entity-links", client, params=_api.query(page=page, limit=limit),
                      project=project)


def delete_entity_link(entity_link: str | Mapping, client: KitsuClient = default_client) -> dict:
    """Delete one casting link; return the link given (``{"id": …}`` for an id)."""
    _api.delete("data/entity-links/{entity_link}", client, entity_link=entity_link)
    return _api.to_dict(entity_link, "entity_link")
