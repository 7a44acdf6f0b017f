"""A small studio pipeline library, written with plain gazu calls."""
