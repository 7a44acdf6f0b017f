"""Kitsu person functions (being written)."""
