"""Full-text search over the assets, shots and persons Kitsu indexes.

Every entity argument is a dict with an ``"id"`` or an id string.
"""

from __future__ import annotations

from gazu import _api
from gazu.client import KitsuClient, default_client
from gazu.exception import InvalidArgumentException

_INDEXES = {"asset": "assets", "shot": "shots", "person": "persons"}


def _index_name(entity_type: str | dict) -> str:
    """Return the server's index for an entity type: ``"Asset"``, ``"assets"`` or ``{"name": "Asset"}`` → assets."""
    name = entity_type.get("name") if isinstance(entity_type, dict) else entity_type
    index = _INDEXES.get(name.lower().rstrip("s")) if isinstance(name, str) else None
    if index is None:
        raise InvalidArgumentException("entity_types: expected asset, shot or person (or an entity type dict "
                                       "with one of these names), got %r" % (entity_type,))
    return index


def search_entities(query: str, project: str | dict | None = None, entity_types: list[str | dict] | None = None,
                    client: KitsuClient = default_client) -> dict[str, list]:
    """Search assets, shots and persons whose names match ``query`` (3 characters at least).

    Args:
        project: search the assets and shots of this project only (persons are studio-wide).
        entity_types: the kinds to search, among ``asset``, ``shot`` and ``person``; all by default.

    Returns:
        ``{"assets": [...], "shots": [...], "persons": [...]}`` with the kinds searched;
        an empty dict for a query shorter than 3 characters.
    """
    kinds = None if entity_types is None else _api.require(entity_types, "entity_types", (list, tuple))
    body = {"query": _api.require(query, "query"), **_api.query(
        project_id=_api.optional_id(project, "project"), index_names=kinds and [_index_name(kind) for kind in kinds])}
    return _api.post("data/search", client, body)
