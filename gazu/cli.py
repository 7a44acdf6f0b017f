"""``gazu-cli``: Kitsu from a terminal or a CI job.

This module holds what every command shares: where the settings come from,
how results are printed and which exit code each failure kind gets. The
commands themselves (a click group) are built on first use, so
``import gazu.cli`` does not import click; ``gazu.cli.cli`` is the group.

Settings, first found wins:

- the host: ``--host``, then ``KITSU_HOST``, then the file ``login`` wrote;
- the credentials: ``KITSU_ACCESS_TOKEN`` (a bot's token), then
  ``KITSU_LOGIN`` with ``KITSU_PASSWORD`` (a log-in per run, nothing stored),
  then the tokens ``login`` stored — used only for the host they were issued by;
- the project of commands that need one: ``--project``, then ``KITSU_PROJECT``,
  then ``GAZU_PROJECT`` (upstream's name).

The stored log-in lives where upstream's ``gazu-cli`` keeps it,
:data:`CONFIG_FILE` (``~/.gazu/config.json``), in upstream's format
(``{"host": …, "tokens": {…}}``), so either tool reads the other's;
it is written atomically and readable by its owner only (0600, in a 0700
folder). No command prints a token or a password.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import stat
import sys
import tempfile
from typing import Any, Callable
from urllib.parse import urlsplit

import gazu
from gazu import asset as gazu_asset  # noqa: F401  (upstream's names for the modules, which tests patch through)
from gazu import casting as gazu_casting  # noqa: F401
from gazu import client as raw  # noqa: F401
from gazu import person as gazu_person  # noqa: F401
from gazu import project as gazu_project  # noqa: F401
from gazu import search as gazu_search  # noqa: F401
from gazu import shot as gazu_shot  # noqa: F401
from gazu import task as gazu_task  # noqa: F401
from gazu import user as gazu_user  # noqa: F401
from gazu.exception import (
    AuthFailedException,
    DownloadFileException,
    FileDoesntExistException,
    GazuException,
    HostException,
    MethodNotAllowedException,
    NotAllowedException,
    NotAuthenticatedException,
    ParameterException,
    PreviewFileProcessingException,
    ProjectDoesntExistException,
    RouteNotFoundException,
    ServerErrorException,
    TaskMustBeADictException,
    TaskStatusNotFoundException,
    TooBigFileException,
    UnexpectedResponseException,
    UploadFailedException,
    ValidationException,
)
from gazu.helpers import is_id


class NotFoundException(GazuException):
    """A name given on the command line matches nothing on the server."""


(EXIT_OK, EXIT_UNEXPECTED, EXIT_USAGE, EXIT_AUTH, EXIT_NOT_FOUND, EXIT_NOT_ALLOWED, EXIT_SERVER,
 EXIT_BAD_INPUT) = range(8)

EXIT_MEANINGS = {
    EXIT_OK: "success",
    EXIT_UNEXPECTED: "unexpected error (a bug, or an answer gazu cannot read)",
    EXIT_USAGE: "usage error: unknown command or option, missing argument, no project given",
    EXIT_AUTH: "not logged in, no host set, credentials refused, expired or unreadable (401, 422)",
    EXIT_NOT_FOUND: "not found: no object with this id or name on the server",
    EXIT_NOT_ALLOWED: "not allowed: the user lacks the rights for this",
    EXIT_SERVER: "server or network error: unreachable, timed out, 5xx, an upload or download that failed",
    EXIT_BAD_INPUT: "bad input: the server refused a value (400), a file missing, unreadable or too big",
}

# The one table from failure kinds to exit codes: the first class the error is an instance of decides.
EXIT_CODES: tuple[tuple[type[BaseException], int], ...] = (
    (AuthFailedException, EXIT_AUTH),
    (NotAuthenticatedException, EXIT_AUTH),
    (NotAllowedException, EXIT_NOT_ALLOWED),
    (RouteNotFoundException, EXIT_NOT_FOUND),
    (ProjectDoesntExistException, EXIT_NOT_FOUND),
    (TaskStatusNotFoundException, EXIT_NOT_FOUND),
    (NotFoundException, EXIT_NOT_FOUND),
    (FileDoesntExistException, EXIT_BAD_INPUT),
    (ParameterException, EXIT_BAD_INPUT),  # 400 and InvalidArgumentException
    (ValidationException, EXIT_BAD_INPUT),
    (TooBigFileException, EXIT_BAD_INPUT),
    (TaskMustBeADictException, EXIT_BAD_INPUT),
    (HostException, EXIT_SERVER),  # NetworkException, TimeoutException
    (ServerErrorException, EXIT_SERVER),
    (MethodNotAllowedException, EXIT_SERVER),
    (UnexpectedResponseException, EXIT_SERVER),
    (UploadFailedException, EXIT_SERVER),
    (DownloadFileException, EXIT_SERVER),
    (PreviewFileProcessingException, EXIT_SERVER),
    (OSError, EXIT_BAD_INPUT),  # a local file that cannot be read or written
)

_LOGIN_HINT = ("run `gazu-cli login`, or set KITSU_HOST with KITSU_ACCESS_TOKEN "
               "(or KITSU_LOGIN and KITSU_PASSWORD)")
_TOKEN_KEYS = ("access_token", "refresh_token")

# Where ``login`` stores the session: upstream's folder and file (tests patch both, as upstream's do).
CONFIG_DIR = os.path.join(os.path.expanduser("~"), ".gazu")
CONFIG_FILE = os.path.join(CONFIG_DIR, "config.json")


def exit_code_for(error: BaseException) -> int:
    """Return the exit code of a failure, from :data:`EXIT_CODES`.

    A 422 is the one answer read apart: Zou never sends it itself; its
    token library does, for an access token it cannot decode or verify.
    """
    if isinstance(error, ValidationException) and error.status == 422:
        return EXIT_AUTH
    for kind, code in EXIT_CODES:
        if isinstance(error, kind):
            return code
    return EXIT_UNEXPECTED


# Stored log-in -------------------------------------------------------------------------


def config_path() -> str:
    """Return the file ``login`` writes: :data:`CONFIG_FILE`."""
    return CONFIG_FILE


def load_config() -> dict:
    """Return the settings ``login`` stored, ``{}`` when there are none.

    A file others could read is made private again (with a warning); an
    unreadable one is ignored (with a warning), as if nobody had logged in.
    """
    path = config_path()
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        _warn("ignoring %s: %s" % (path, error))
        return {}
    if os.name == "posix" and stat.S_IMODE(os.stat(path).st_mode) & 0o077:
        os.chmod(path, 0o600)
        _warn("%s was readable by others; it is now readable by you only" % path)
    return data if isinstance(data, dict) else {}


def save_config(data: dict) -> None:
    """Store settings for the next runs in :data:`CONFIG_FILE`, atomically and readable by the owner only."""
    path = config_path()
    folder = os.path.dirname(path)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".config.", suffix=".tmp")  # created 0600
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def clear_config() -> None:
    """Forget the stored log-in, if any."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(config_path())


def _stored_tokens(config: dict) -> dict:
    """Return the tokens of a stored log-in (upstream's ``{"tokens": {…}}``), ``{}`` when there are none."""
    tokens = config.get("tokens")
    if not isinstance(tokens, dict):
        return {}
    return {key: tokens[key] for key in _TOKEN_KEYS if isinstance(tokens.get(key), str) and tokens[key]}


# Connecting ---------------------------------------------------------------------------


def normalize_host(host: str) -> str:
    """Return a host URL without its trailing slash, or raise if it is no http(s) URL.

    The path is kept as given: Kitsu serves its API under ``/api`` behind
    its web server, but a bare Zou serves it at the root.
    """
    host = host.strip().rstrip("/")
    parts = urlsplit(host)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ParameterException("host: expected a Kitsu API URL such as https://kitsu.example.com/api, got %r"
                                 % host)
    return host


def _root_context() -> Any:
    """Return the click context of the running ``gazu-cli`` command, or None outside one."""
    context = sys.modules["click"].get_current_context(silent=True) if "click" in sys.modules else None
    return context.find_root() if context is not None else None


def _option(name: str) -> Any:
    """Return an option given to the ``gazu-cli`` group in this run, or None outside a command."""
    context = _root_context()
    return context.params.get(name) if context is not None else None


def setup_client() -> None:
    """Point gazu's default client at Kitsu, logged in.

    Raises:
        NotAuthenticatedException: no host, or no credentials for it.
        AuthFailedException: ``KITSU_LOGIN``/``KITSU_PASSWORD`` were refused.
    """
    _connect()


def _connect() -> dict:
    """Do what :func:`setup_client` does; return ``{"host", "credentials"}``: where they came from."""
    config = load_config()
    host = _option("host") or os.environ.get("KITSU_HOST") or config.get("host")
    if not host:
        raise NotAuthenticatedException("no Kitsu host: " + _LOGIN_HINT)
    host = normalize_host(host)
    gazu.set_host(host)
    token = os.environ.get("KITSU_ACCESS_TOKEN")
    email, password = os.environ.get("KITSU_LOGIN"), os.environ.get("KITSU_PASSWORD")
    if token:
        gazu.set_token(token)
        return {"host": host, "credentials": "KITSU_ACCESS_TOKEN"}
    if email or password:
        if not (email and password):
            raise NotAuthenticatedException("KITSU_LOGIN and KITSU_PASSWORD must be set together")
        gazu.log_in(email, password)
        return {"host": host, "credentials": "KITSU_LOGIN (%s)" % email}
    tokens = _stored_tokens(config)
    if tokens.get("access_token") and config.get("host") and normalize_host(config["host"]) == host:
        gazu.client.set_tokens(tokens)
        _keep_refreshed_tokens(config, tokens)
        return {"host": host, "credentials": "stored log-in of %s (%s)" % (config.get("email", "?"), config_path())}
    raise NotAuthenticatedException("not logged in to %s: %s" % (gazu.client.redacted_url(host), _LOGIN_HINT))


def _keep_refreshed_tokens(config: dict, stored: dict) -> None:
    """Once the command is done, store the access token again if the client refreshed it."""
    context = _root_context()
    if context is None:
        return

    def store_if_refreshed() -> None:
        tokens = gazu.client.default_client.tokens
        if tokens.get("access_token") and tokens.get("access_token") != stored.get("access_token"):
            with contextlib.suppress(OSError):
                save_config({**config, "tokens": {**config["tokens"], **{key: tokens[key] for key in _TOKEN_KEYS
                                                                         if tokens.get(key)}}})

    context.call_on_close(store_if_refreshed)


def resolve_project(name_or_id: str) -> dict:
    """Return the project with this id or name.

    Raises:
        ProjectDoesntExistException: no project has this name.
        RouteNotFoundException: no project has this id.
    """
    if is_id(name_or_id):
        return gazu.project.get_project(name_or_id)
    project = gazu.project.get_project_by_name(name_or_id)
    if project is None:
        raise ProjectDoesntExistException("no project named %r" % name_or_id)
    return project


def get_project_from_option(project_opt: str | None) -> dict:
    """Return the project of ``--project``, else of ``KITSU_PROJECT``, else of ``GAZU_PROJECT``.

    Raises:
        click.UsageError: none is set.
    """
    name_or_id = project_opt or os.environ.get("KITSU_PROJECT") or os.environ.get("GAZU_PROJECT")
    if not name_or_id:
        import click

        raise click.UsageError("no project: pass --project NAME (or an id), or set KITSU_PROJECT")
    return resolve_project(name_or_id)


# Printing ------------------------------------------------------------------------------

_CELL_WIDTH = 60


def _warn(message: str) -> None:
    print("Warning: %s" % message, file=sys.stderr)


def _column(column: Any) -> tuple[str, Callable[[dict], Any]]:
    """Return ``(header, getter)`` for a column given as a key or a ``(header, key or function)`` pair."""
    header, key = column if isinstance(column, tuple) else (column.replace("_", " ").upper(), column)
    return header, key if callable(key) else (lambda row: row.get(key))


def _cell(value: Any) -> str:
    """Render one value on one line: names of dicts, lists joined, long text cut."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        value = value.get("name") or value.get("full_name") or value.get("id", "")
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(item) for item in value)
    text = " ".join(str(value).split())
    return text if len(text) <= _CELL_WIDTH else text[: _CELL_WIDTH - 1] + "…"


def print_table(rows: list[dict], columns: list) -> None:
    """Print dicts as a table aligned in columns.

    A column is a key (its header is the key in capitals) or a
    ``(header, key)`` pair whose key may be a function of the row.
    """
    specs = [_column(column) for column in columns]
    lines = [[header for header, _ in specs]] + [[_cell(get(row)) for _, get in specs] for row in rows]
    widths = [max(len(line[index]) for line in lines) for index in range(len(specs))]
    for line in lines:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())


def _print_fields(data: dict, columns: list) -> None:
    """Print one object as ``HEADER  value`` lines."""
    specs = [_column(column) for column in columns]
    width = max(len(header) for header, _ in specs)
    for header, get in specs:
        print(("%s  %s" % (header.ljust(width), _cell(get(data)))).rstrip())


def _wants_json(ctx: Any) -> bool:
    """Tell whether ``--json`` was given to this command or to the group."""
    while ctx is not None:
        if ctx.params.get("as_json"):
            return True
        ctx = ctx.parent
    return False


def output(ctx: Any, data: Any, columns: list) -> None:
    """Print a command's result: JSON with ``--json``, else a table (a list) or fields (one object).

    The JSON is the server's data, whole; the table shows ``columns`` only.
    """
    if _wants_json(ctx):
        print(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    elif isinstance(data, dict):
        _print_fields(data, columns)
    else:
        print_table(data, columns)


def handle_errors(fn: Callable) -> Callable:
    """Wrap a command: a failure prints one line on stderr and exits with its code from :data:`EXIT_CODES`."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import click

        try:
            return fn(*args, **kwargs)
        except (click.exceptions.ClickException, click.exceptions.Abort, click.exceptions.Exit):
            raise
        except Exception as error:
            code = exit_code_for(error)
            message = str(error) or type(error).__name__
            if code == EXIT_UNEXPECTED:
                message = "unexpected %s: %s" % (type(error).__name__, message)
            click.echo("Error: %s" % message, err=True)
            if code == EXIT_AUTH and not isinstance(error, AuthFailedException) and "gazu-cli login" not in message:
                click.echo("Hint: " + _LOGIN_HINT, err=True)
            if _option("verbose"):
                import traceback

                click.echo(traceback.format_exc().rstrip(), err=True)
            raise click.exceptions.Exit(code) from None

    return wrapper


def main() -> None:
    """Run ``gazu-cli`` (the console script)."""
    from gazu._cli_commands import cli

    cli(prog_name="gazu-cli")


def __getattr__(name: str) -> Any:
    """Build the click group ``cli`` on first access, so importing this module stays light.

    ``click`` and each command (``gazu.cli.tasks``, ``gazu.cli.my_tasks``…)
    are reached here too, as upstream's module has them.
    """
    if name == "click":
        import click

        return click
    if name.startswith("_"):
        raise AttributeError("module %r has no attribute %r" % (__name__, name))
    from gazu._cli_commands import cli

    if name == "cli":
        return cli
    command = cli.commands.get(name.replace("_", "-"))
    if command is not None:
        return command
    raise AttributeError("module %r has no attribute %r" % (__name__, name))
