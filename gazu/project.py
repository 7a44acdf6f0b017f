"""Kitsu project functions (being written)."""
