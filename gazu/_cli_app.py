"""The ``gazu-cli`` click group, the decorator its commands register with, and the look-ups they share.

The command modules (:mod:`gazu._cli_commands`, :mod:`gazu._cli_previews`)
register on :data:`cli` with :func:`command` when imported; :mod:`gazu.cli`
imports them on first use of the group.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Callable, TypeVar

import click

import gazu
from gazu import _cli_support
from gazu._cli_support import EXIT_CODES_VARIABLE, EXIT_MEANINGS, NotFoundException, handle_errors
from gazu.helpers import is_id

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import TaskStatus, TaskType

Found = TypeVar("Found")

_ENVIRONMENT = {
    "KITSU_HOST": "the Kitsu API URL (https://kitsu.example.com/api), when --host is not given",
    "KITSU_ACCESS_TOKEN": "an access token (a bot's): no log-in needed",
    "KITSU_LOGIN, KITSU_PASSWORD": "log in on each run, storing nothing",
    "GAZU_PROJECT, KITSU_PROJECT": "the project of commands that need one, when --project is not given",
    EXIT_CODES_VARIABLE: "'detailed': exit with the code of each failure kind (as --detailed-exit-codes)",
    "CI": "when set, no progress bar is drawn",
}


def _epilog() -> str:
    lines = ["\b", "Environment (an option given on the command line always wins):"]
    lines += ["  %-28s %s" % item for item in _ENVIRONMENT.items()]
    lines += ["", "\b", "Exit codes (3 to 7 with --detailed-exit-codes or %s=detailed only):" % EXIT_CODES_VARIABLE]
    lines += ["  %d  %s" % item for item in EXIT_MEANINGS.items()]
    return "\n".join(lines)


@click.group("cli", epilog=_epilog(), context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--host", metavar="URL", help="Kitsu API URL (default: $KITSU_HOST, then the stored log-in).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables, for every command.")
@click.option("--verbose", "-v", is_flag=True, help="Log the requests sent and show tracebacks of errors.")
@click.option("--detailed-exit-codes", is_flag=True,
              help="Exit with the code of each failure kind (listed below) instead of 1 for all.")
@click.version_option(gazu.__version__, prog_name="gazu-cli")
def cli(host: str | None, as_json: bool, verbose: bool, detailed_exit_codes: bool) -> None:
    """Kitsu from a terminal or a CI job: list, inspect, comment, publish and download."""
    if verbose:
        import logging

        logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(name)s: %(message)s")
        logging.getLogger("gazu").setLevel(logging.DEBUG)


# Shared options and the command decorator ----------------------------------------------

_json_option = click.option("--json", "as_json", is_flag=True,
                            help="Print the server's objects as JSON instead of a table.")
_project_option = click.option("--project", "-p", "project_opt", metavar="NAME|ID",
                               help="Project name or id (default: $GAZU_PROJECT, then $KITSU_PROJECT).")


def command(name: str, connect: bool = True, json: bool = True, project: bool = False) -> Callable:
    """Register a command taking the click context: with ``--json`` and ``--project`` if asked,
    connected first (:func:`gazu.cli.setup_client`), its failures handled (:func:`gazu.cli.handle_errors`)."""

    def decorate(function: Callable) -> Callable:
        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            if connect:
                _cli_support.setup_client()  # through the module: tests patch gazu.cli.setup_client
            return function(*args, **kwargs)

        handled = handle_errors(run)
        if json:
            handled = _json_option(handled)
        if project:
            handled = _project_option(handled)
        return cli.command(name)(click.pass_context(handled))

    return decorate


# Look-ups shared by the commands ---------------------------------------------------------


def _find(kind: str, value: str, by_id: Callable[[str], Found], *by_name: Callable[[str], Found | None]) -> Found:
    """Return the object an id or a name designates, trying each name look-up in turn (our own commands)."""
    if is_id(value):
        return by_id(value)
    for look_up in by_name:
        found = look_up(value)
        if found:
            return found
    raise NotFoundException("no %s named %r" % (kind, value))


def resolve_task_status(value: str) -> TaskStatus:
    """Return the task status with this id, short name or name."""
    return _find("task status", value, gazu.task.get_task_status, gazu.task.get_task_status_by_short_name,
                 gazu.task.get_task_status_by_name)


def resolve_task_type(value: str) -> TaskType:
    """Return the task type with this id, name or short name."""
    return _find("task type", value, gazu.task.get_task_type, gazu.task.get_task_type_by_name,
                 gazu.task.get_task_type_by_short_name)


def current_status(task: Mapping) -> Mapping:
    """Return a task's status as a dict, from the task itself (no request)."""
    return task.get("task_status") or {"id": task["task_status_id"]}
