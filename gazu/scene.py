"""Kitsu scene functions (being written)."""
