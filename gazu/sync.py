"""Kitsu sync functions (being written)."""
