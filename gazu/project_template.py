"""Kitsu project_template functions (being written)."""
