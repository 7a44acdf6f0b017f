"""Ordering of lists returned by the server."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

Named = TypeVar("Named", bound=Mapping[str, Any])


def sort_by_name(dicts: Iterable[Named]) -> list[Named]:
    """Return the dicts sorted by their ``name``, ignoring case; a missing name sorts first."""
    return sorted(dicts, key=lambda item: str(item.get("name") or "").lower())
