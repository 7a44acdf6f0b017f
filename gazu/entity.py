"""Kitsu entity functions (being written)."""
