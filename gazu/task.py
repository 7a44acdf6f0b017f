"""Kitsu task functions (being written)."""
