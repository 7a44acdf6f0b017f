"""Kitsu shot functions (being written)."""
