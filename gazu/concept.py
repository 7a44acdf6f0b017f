"""Concepts: the concept art of a project, which may be linked to the assets it depicts.

Every entity argument is a dict with an ``"id"`` or an id string.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from gazu import _api
from gazu.cache import cache
from gazu.client import KitsuClient, default_client

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import Concept, EntityPreviewFile


@cache
def all_concepts(client: KitsuClient = default_client) -> list[Concept]:
    """Return the concepts of every project the user can see, sorted by name."""
    return _api.fetch_list("data/concepts", client, sort=True)


@cache
def all_concepts_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[Concept]:
    """Return the concepts of a project, sorted by name."""
    return _api.fetch_list("data/projects/{project}/concepts", client, sort=True, project=project)


@cache
def all_previews_for_concept(concept: str | Mapping,
                             client: KitsuClient = default_client) -> dict[str, list[EntityPreviewFile]]:
    """Return the previews published on a concept's tasks, grouped by task type id."""
    return _api.fetch("data/concepts/{concept}/preview-files", client, concept=concept)


@cache
def get_concept(concept_id: str, client: KitsuClient = default_client) -> Concept:
    """Return the concept with this id."""
    return _api.fetch("data/concepts/{concept_id}", client, concept_id=concept_id)


@cache
def get_concept_by_name(project: str | Mapping, concept_name: str,
                        client: KitsuClient = default_client) -> Concept | None:
    """Return the project's concept with this name, or None."""
    return _api.fetch_first("data/concepts", client, params=_api.plain_query(
        project_id=_api.to_id(project, "project"), name=concept_name))


def new_concept(project: str | Mapping, name: str, description: str | None = None, data: dict | None = None,
                entity_concept_links: Collection[str | Mapping] | None = None,
                client: KitsuClient = default_client) -> Concept:
    """Create a concept, or return the project's concept with this name.

    ``entity_concept_links`` are the entities (assets, usually) the concept
    depicts; they are sent as ``{"id": …}`` dicts, which Zou 1.0.97 requires
    (upstream sent bare ids, which it refuses).
    """
    body = {"name": name, "data": _api.data_dict(data),
            "entity_concept_links": [{"id": entity_id} for entity_id in
                                     _api.to_ids(entity_concept_links, "entity_concept_links")],
            **_api.query(description=description)}
    existing = get_concept_by_name(project, name, client=client)
    return existing or _api.post("data/projects/{project}/concepts", client, body, project=project)


def update_concept(concept: Mapping, client: KitsuClient = default_client) -> Concept:
    """Save a modified concept dict."""
    return _api.update("data/entities/{concept}", client, concept, "concept")


def remove_concept(concept: str | Mapping, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a concept."""
    return _api.delete("data/concepts/{concept}", client, force=force, concept=concept)
