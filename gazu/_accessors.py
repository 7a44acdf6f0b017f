"""Domain modules bound to one client: ``kitsu.asset.all_assets_for_project(p)``.

A studio that talks to two Kitsu servers (staging and production, two sites
being synchronised) can hold one :class:`~gazu.client.KitsuClient` per server
and call every domain function through it, instead of passing ``client=``
to each call. One implementation serves every module: an accessor looks the
function up in its module and binds ``client`` — nothing is written per
function, so the accessors can never drift from the module functions.
:class:`~gazu.client.KitsuClient` imports this module on the first use of
an accessor, not at ``import gazu`` (it needs :mod:`inspect`).
"""

from __future__ import annotations

import functools
import importlib
import inspect
from types import ModuleType
from typing import Any, Callable

DOMAIN_MODULES = (
    "asset", "casting", "concept", "context", "edit", "entity", "events", "files", "person", "playlist",
    "project", "project_template", "scene", "search", "shot", "studio", "sync", "task", "user",
)


def bind(function: Callable, client: Any) -> Callable:
    """Return ``function`` with its ``client`` argument set, its signature showing the rest."""
    signature = inspect.signature(function)
    if "client" not in signature.parameters:
        return function

    @functools.wraps(function)
    def bound(*args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("client", client)
        return function(*args, **kwargs)

    bound.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[parameter for name, parameter in signature.parameters.items() if name != "client"])
    return bound


def _belongs_to(module: ModuleType, value: Any) -> bool:
    """Tell whether ``value`` is a function of ``module`` (or of a private module it re-exports)."""
    function = inspect.unwrap(value)
    owner = getattr(function, "__module__", "") or ""
    return inspect.isfunction(function) and (owner == module.__name__ or owner.startswith("gazu._"))


class ModuleAccessor:
    """The functions of one domain module, bound to one client."""

    def __init__(self, module: ModuleType, client: Any) -> None:
        self._module = module
        self._client = client

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self._module, name)
        if inspect.isfunction(inspect.unwrap(value)) and getattr(value, "__module__", "").startswith("gazu"):
            value = bind(value, self._client)
            self.__dict__[name] = value  # bound once, then a plain attribute
        return value

    def __dir__(self) -> list[str]:
        return sorted(name for name, value in vars(self._module).items()
                      if not name.startswith("_") and _belongs_to(self._module, value))

    def __repr__(self) -> str:
        return "<%s bound to %r>" % (self._module.__name__, self._client)


def accessor(client: Any, name: str) -> ModuleAccessor:
    """Return the accessor of domain module ``name`` for ``client``."""
    return ModuleAccessor(importlib.import_module("gazu." + name), client)
