"""Kitsu search functions (being written)."""
