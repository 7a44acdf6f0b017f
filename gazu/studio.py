"""Studios: the companies or sites a Kitsu instance serves.

Every entity argument is a dict with an ``"id"`` or an id string.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gazu import _api
from gazu.cache import cache
from gazu.client import KitsuClient, default_client

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import Studio


@cache
def all_studios(client: KitsuClient = default_client) -> list[Studio]:
    """Return every studio, sorted by name."""
    return _api.fetch_list("data/studios", client, sort=True)


@cache
def get_studio(studio_id: str, client: KitsuClient = default_client) -> Studio:
    """Return the studio with this id."""
    return _api.fetch("data/studios/{studio_id}", client, studio_id=studio_id)


@cache
def get_studio_by_name(studio_name: str, client: KitsuClient = default_client) -> Studio | None:
    """Return the studio with this name, or None."""
    return _api.fetch_first("data/studios", client, params=_api.plain_query(name=studio_name))


def update_studio(studio: Mapping, client: KitsuClient = default_client) -> Studio:
    """Save a modified studio dict."""
    return _api.update("data/studios/{studio}", client, studio, "studio")


def remove_studio(studio: str | Mapping, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a studio."""
    return _api.delete("data/studios/{studio}", client, force=force, studio=studio)
