"""Kitsu edit functions (being written)."""
