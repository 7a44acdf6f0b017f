"""Full-text search over the assets, shots and persons Kitsu indexes.

Every entity argument is a dict with an ``"id"`` or an id string.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from gazu import _api
from gazu.client import KitsuClient, default_client

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import SearchResults


def search_entities(query: str, project: str | Mapping | None = None,
                    entity_types: Collection[str | Mapping] | None = None,
                    client: KitsuClient = default_client) -> SearchResults:
    """Search assets, shots and persons whose names match ``query`` (3 characters at least).

    Args:
        project: search the assets and shots of this project only (persons are studio-wide).
        entity_types: entity types (dicts or ids), sent as ``entity_types`` ids as upstream
            does; Zou 1.0.97 ignores them and searches every index.

    Returns:
        ``{"assets": [...], "shots": [...], "persons": [...]}``;
        an empty dict for a query shorter than 3 characters.
    """
    body = {"query": query, **_api.query(project_id=_api.optional_id(project, "project"))}
    if entity_types is not None:
        body["entity_types"] = _api.to_ids(entity_types, "entity_types")
    return _api.post("data/search", client, body)
