"""Kitsu context functions (being written)."""
