"""Kitsu events functions (being written)."""
