"""``gazu-cli``: Kitsu from a terminal or a CI job.

This module is the CLI's public face, with upstream's names: what every
command shares (where the settings come from, how results are printed and
how failures end a run) and ``gazu.cli.cli``, the click group. The group
and its commands are built on first use, so ``import gazu.cli`` does not
import click.

Commands answer as upstream's ``gazu-cli`` does: same tables, same messages,
exit code 1 for every failure (2 for a usage error, as click gives). With
``--detailed-exit-codes`` or ``GAZU_CLI_EXIT_CODES=detailed`` a failure exits
with the code of its kind instead (:data:`EXIT_CODES`), for CI jobs that
must tell them apart.

Settings, first found wins:

- the host: ``--host``, then ``KITSU_HOST``, then the file ``login`` wrote;
- the credentials: ``KITSU_ACCESS_TOKEN`` (a bot's token), then
  ``KITSU_LOGIN`` with ``KITSU_PASSWORD`` (a log-in per run, nothing stored),
  then the tokens ``login`` stored — used only for the host they were issued by;
- the project of commands that need one: ``--project``, then ``GAZU_PROJECT``
  (upstream's name), then ``KITSU_PROJECT``.

The stored log-in lives where upstream's ``gazu-cli`` keeps it,
:data:`CONFIG_FILE` (``~/.gazu/config.json``), in upstream's format
(``{"host": …, "tokens": {…}}``), so either tool reads the other's;
it is written atomically and readable by its owner only (0600, in a 0700
folder). No command prints a token or a password.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from gazu import _cli_support
from gazu import asset as gazu_asset  # noqa: F401  (upstream's names for the modules, which tests patch through)
from gazu import casting as gazu_casting  # noqa: F401
from gazu import client as raw  # noqa: F401
from gazu import person as gazu_person  # noqa: F401
from gazu import project as gazu_project  # noqa: F401
from gazu import search as gazu_search  # noqa: F401
from gazu import shot as gazu_shot  # noqa: F401
from gazu import task as gazu_task  # noqa: F401
from gazu import user as gazu_user  # noqa: F401
from gazu._cli_support import (
    CONFIG_DIR,
    CONFIG_FILE,
    ERROR_MESSAGES,
    EXIT_AUTH,
    EXIT_BAD_INPUT,
    EXIT_CODES,
    EXIT_CODES_VARIABLE,
    EXIT_FAILURE,
    EXIT_MEANINGS,
    EXIT_NOT_ALLOWED,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_SERVER,
    EXIT_USAGE,
    NOT_LOGGED_IN,
    NotFoundException,
    clear_config,
    config_path,
    detailed_exit_codes,
    error_message,
    exit_code_for,
    fail,
    get_project_from_option,
    handle_errors,
    load_config,
    normalize_host,
    output,
    print_json,
    print_table,
    resolve_project,
    save_config,
    setup_client,
)

__all__ = [  # what the API pages show; every public name of gazu._cli_support is reachable here too
    "CONFIG_DIR", "CONFIG_FILE", "ERROR_MESSAGES", "EXIT_AUTH", "EXIT_BAD_INPUT", "EXIT_CODES", "EXIT_CODES_VARIABLE",
    "EXIT_FAILURE", "EXIT_MEANINGS", "EXIT_NOT_ALLOWED", "EXIT_NOT_FOUND", "EXIT_OK", "EXIT_SERVER", "EXIT_USAGE",
    "NOT_LOGGED_IN", "NotFoundException", "clear_config", "config_path", "detailed_exit_codes", "error_message",
    "exit_code_for", "fail", "get_project_from_option", "handle_errors", "load_config", "main", "normalize_host",
    "output", "print_json", "print_table", "resolve_project", "save_config", "setup_client",
]


def _group() -> Any:
    """Return the click group with every command registered on it (importing click on first use)."""
    from gazu import _cli_commands, _cli_previews  # noqa: F401  (importing them registers their commands)
    from gazu._cli_app import cli

    return cli


def main() -> None:
    """Run ``gazu-cli`` (the console script)."""
    _group()(prog_name="gazu-cli")


def __getattr__(name: str) -> Any:
    """Build the click group ``cli`` on first access, so importing this module stays light.

    ``click`` and each command (``gazu.cli.tasks``, ``gazu.cli.my_tasks``…)
    are reached here too, as upstream's module has them, and so is every
    public name of :mod:`gazu._cli_support`.
    """
    if name == "click":
        import click

        return click
    if name.startswith("_"):
        raise AttributeError("module %r has no attribute %r" % (__name__, name))
    if name in _SHARED:
        return getattr(_cli_support, name)
    group = _group()
    if name == "cli":
        return group
    command = group.commands.get(name.replace("_", "-"))
    if command is not None:
        return command
    raise AttributeError("module %r has no attribute %r" % (__name__, name))


class _Facade(types.ModuleType):
    """This module's type: setting or deleting a public name of :mod:`gazu._cli_support` does it there too.

    Upstream's functions all live in one module, and tests patch them there
    (``mock.patch.object(gazu.cli, "load_config")``, ``CONFIG_DIR``,
    ``CONFIG_FILE``); passed on, such a patch reaches the functions that read
    the name, and undoing it restores both modules.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SHARED:
            setattr(_cli_support, name, value)
        super().__setattr__(name, value)

    def __delattr__(self, name: str) -> None:
        shared = name in _SHARED and name in vars(_cli_support)
        if shared:
            delattr(_cli_support, name)
        if name in self.__dict__ or not shared:
            super().__delattr__(name)


# The public names of gazu._cli_support, fixed now: a patch may remove one for a while.
_SHARED = frozenset(name for name in vars(_cli_support) if not name.startswith("_"))
sys.modules[__name__].__class__ = _Facade
