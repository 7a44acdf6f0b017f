"""Match request paths against the routes an OpenAPI document declares."""

from __future__ import annotations

import re


def compile_routes(openapi: dict) -> list[tuple[set[str], re.Pattern]]:
    """Return each declared route as (its methods, a regex matching concrete paths)."""
    routes = []
    for template, operations in openapi.get("paths", {}).items():
        pattern = "".join(
            "[^/]+" if part.startswith("{") else re.escape(part)
            for part in re.split(r"(\{[^}]+\})", template))
        methods = {method.upper() for method in operations if method.lower() != "parameters"}
        routes.append((methods, re.compile("^" + pattern.rstrip("/") + "/?$")))
    return routes


def route_exists(routes: list[tuple[set[str], re.Pattern]], method: str, path: str) -> bool:
    """Tell whether ``method path`` matches a declared route (HEAD is served wherever GET is)."""
    path = "/" + path.strip("/")
    wanted = {method.upper()} | ({"GET"} if method.upper() == "HEAD" else set())
    return any(methods & wanted and pattern.match(path) for methods, pattern in routes)


def unknown_routes(openapi: dict, sent: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return the (method, path) pairs no declared route matches."""
    routes = compile_routes(openapi)
    return sorted((method, path) for method, path in sent if not route_exists(routes, method, path))
