"""Kitsu playlist functions (being written)."""
