"""Ordering of lists returned by the server."""

from __future__ import annotations


def sort_by_name(dicts: list[dict]) -> list[dict]:
    """Return the dicts sorted by their ``name``, ignoring case; a missing name sorts first."""
    return sorted(dicts, key=lambda item: str(item.get("name") or "").lower())
