"""Ordering of lists returned by the server."""

from __future__ import annotations

from collections.abc import Collection, Mapping


def sort_by_name(dicts: Collection[Mapping]) -> list[dict]:
    """Return the dicts sorted by their ``name``, ignoring case; a missing name sorts first."""
    return sorted(dicts, key=lambda item: str(item.get("name") or "").lower())
