"""Kitsu files functions (being written)."""
