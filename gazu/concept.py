"""Kitsu concept functions (being written)."""
