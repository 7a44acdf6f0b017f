"""Kitsu aio functions (being written)."""
