"""Entities of any kind (assets, shots, sequences, episodes, edits, concepts…) and entity types.

Every entity argument is a dict with an ``"id"`` or an id string.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from gazu import _api
from gazu.cache import cache
from gazu.client import KitsuClient, default_client

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import Entity, EntityType, LinkedEntity


@cache
def all_entities(client: KitsuClient = default_client) -> list[Entity]:
    """Return every entity."""
    return _api.fetch_list("data/entities", client)


@cache
def get_entity(entity_id: str, client: KitsuClient = default_client) -> Entity:
    """Return the entity with this id, whatever its kind."""
    return _api.fetch("data/entities/{entity_id}", client, entity_id=entity_id)


@cache
def get_entity_by_name(entity_name: str, project: str | Mapping | None = None,
                       client: KitsuClient = default_client) -> Entity | None:
    """Return an entity with this name (in this project, if given), or None."""
    return _api.fetch_first("data/entities", client, params={
        **_api.plain_query(name=entity_name), **_api.query(project_id=_api.optional_id(project, "project"))})


def all_entities_with_tasks_linked_to_entity(entity: str | Mapping,
                                             client: KitsuClient = default_client) -> list[LinkedEntity]:
    """Return the entities linked to an entity by casting, each with its tasks."""
    return _api.fetch_list("data/entities/{entity}/entities-linked/with-tasks", client, entity=entity)


@cache
def guess_from_path(project_id: str, path: str, sep: str = "/",
                    client: KitsuClient = default_client) -> list[dict[str, str]]:
    """Return the entities and file tree templates of the project that a file path matches."""
    return _api.post("data/entities/guess_from_path", client, {
        "project_id": _api.given_id(project_id, "project_id"), "file_path": path, "sep": sep})


def remove_entity(entity: str | Mapping, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete an entity; with ``force``, its tasks and files too."""
    return _api.delete("data/entities/{entity}", client, force=force, entity=entity)


def remove_entities(project: str | Mapping, entities: Collection[str | Mapping], force: bool = False,
                    client: KitsuClient = default_client) -> list[str]:
    """Delete assets, shots, edits and concepts of a project in one request; return the ids deleted.

    Without ``force``, an entity with tasks is only marked as canceled (and
    deleted for real when removed again).
    """
    return _api.post("actions/projects/{project}/delete-entities" + ("?force=true" if force else ""), client,
                     _api.to_ids(entities, "entities"), project=project)


# Entity types ------------------------------------------------------------------


@cache
def all_entity_types(client: KitsuClient = default_client) -> list[EntityType]:
    """Return every entity type (asset types and the built-in Shot, Sequence, Episode…), sorted by name."""
    return _api.fetch_list("data/entity-types", client, sort=True)


@cache
def get_entity_type(entity_type_id: str, client: KitsuClient = default_client) -> EntityType:
    """Return the entity type with this id."""
    return _api.fetch("data/entity-types/{entity_type_id}", client, entity_type_id=entity_type_id)


@cache
def get_entity_type_by_name(entity_type_name: str, client: KitsuClient = default_client) -> EntityType | None:
    """Return the entity type with this name, or None."""
    return _api.fetch_first("data/entity-types", client,
                            params=_api.plain_query(name=entity_type_name))


def new_entity_type(name: str, client: KitsuClient = default_client) -> EntityType:
    """Create an entity type (an asset type)."""
    return _api.post("data/entity-types", client, {"name": name})


def remove_entity_type(entity_type: str | Mapping, client: KitsuClient = default_client) -> str:
    """Delete an entity type no entity uses."""
    return _api.delete("data/entity-types/{entity_type}", client, entity_type=entity_type)
