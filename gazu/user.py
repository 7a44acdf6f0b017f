"""Kitsu user functions (being written)."""
