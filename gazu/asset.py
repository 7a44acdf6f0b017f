"""Kitsu asset functions (being written)."""
