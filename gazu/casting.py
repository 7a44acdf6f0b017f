"""Kitsu casting functions (being written)."""
