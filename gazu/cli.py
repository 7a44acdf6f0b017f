"""Kitsu cli functions (being written)."""
