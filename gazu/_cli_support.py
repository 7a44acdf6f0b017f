"""The part of ``gazu-cli`` that needs no click: settings, exit codes, printing and failures.

:mod:`gazu.cli` re-exports every public name here, as upstream's module has
them; a test that patches one there (``mock.patch.object(gazu.cli,
"load_config")``, ``CONFIG_FILE``) patches it here too, so the functions
below see it. Modules of the CLI that must see such patches call those
names through this module (``_cli_support.setup_client()``), not a copy.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import stat
import sys
import tempfile
from typing import TYPE_CHECKING, Any, Callable, NoReturn
from urllib.parse import urlsplit

import gazu
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

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import Project


class NotFoundException(GazuException):
    """A name given on the command line matches nothing on the server."""


(EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_AUTH, EXIT_NOT_FOUND, EXIT_NOT_ALLOWED, EXIT_SERVER,
 EXIT_BAD_INPUT) = range(8)

# Set to "detailed" for the exit code of each failure kind (as --detailed-exit-codes does).
EXIT_CODES_VARIABLE = "GAZU_CLI_EXIT_CODES"

EXIT_MEANINGS = {
    EXIT_OK: "success",
    EXIT_FAILURE: "failure: any failure by default, as upstream; with detailed codes, an unexpected one",
    EXIT_USAGE: "usage error: unknown command or option, missing argument; with detailed codes, no project given",
    EXIT_AUTH: "not logged in, no host set, credentials refused, expired or unreadable (401, 422)",
    EXIT_NOT_FOUND: "not found: no object with this id or name on the server",
    EXIT_NOT_ALLOWED: "not allowed: the user lacks the rights for this",
    EXIT_SERVER: "server or network error: unreachable, timed out, 5xx, a failed upload or download",
    EXIT_BAD_INPUT: "bad input: the server refused a value (400), a file missing, unreadable or too big",
}

# Detailed exit codes, from failure kinds: the first class the error is an instance of decides.
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

# What upstream's commands print for the failures they catch; others print ``Error: <message>``.
ERROR_MESSAGES: tuple[tuple[type[BaseException], str], ...] = (
    (AuthFailedException, "Authentication failed."),
    (NotAuthenticatedException, "Session expired. Run: gazu-cli login"),
    (NotAllowedException, "Permission denied."),
    (RouteNotFoundException, "Not found: {route}"),
    (ServerErrorException, "Server error. Check your Kitsu instance."),
)

NOT_LOGGED_IN = "Not logged in. Run: gazu-cli login --host <URL>"
_TOKEN_KEYS = ("access_token", "refresh_token")

# Where ``login`` stores the session: upstream's folder and file (tests patch both, as upstream's do).
CONFIG_DIR = os.path.join(os.path.expanduser("~"), ".gazu")
CONFIG_FILE = os.path.join(CONFIG_DIR, "config.json")


def detailed_exit_codes() -> bool:
    """Tell whether failures exit with the code of their kind: ``--detailed-exit-codes`` or
    ``GAZU_CLI_EXIT_CODES=detailed``; otherwise every failure exits 1, as upstream's."""
    return bool(_option("detailed_exit_codes")) or os.environ.get(EXIT_CODES_VARIABLE, "").lower() == "detailed"


def exit_code_for(error: BaseException) -> int:
    """Return the detailed exit code of a failure, from :data:`EXIT_CODES`.

    A 422 is the one answer read apart: Zou never sends it itself; its
    token library does, for an access token it cannot decode or verify.
    """
    if isinstance(error, ValidationException) and error.status == 422:
        return EXIT_AUTH
    for kind, code in EXIT_CODES:
        if isinstance(error, kind):
            return code
    return EXIT_FAILURE


def fail(message: str, detailed_code: int = EXIT_FAILURE) -> NoReturn:
    """Print ``message`` on stderr and end the run: exit 1, or ``detailed_code`` with detailed exit codes."""
    print(message, file=sys.stderr)
    sys.exit(detailed_code if detailed_exit_codes() else EXIT_FAILURE)


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

    Without a host or credentials, print upstream's ``Not logged in`` line
    on stderr and exit 1, as upstream's does.
    """
    config = load_config()
    host = _option("host") or os.environ.get("KITSU_HOST") or config.get("host")
    if not host:
        fail(NOT_LOGGED_IN, EXIT_AUTH)
    try:
        host = normalize_host(host)
    except ParameterException as error:
        fail("Error: %s" % gazu.client.redacted_url(str(error)), EXIT_BAD_INPUT)
    gazu.set_host(host)
    token = os.environ.get("KITSU_ACCESS_TOKEN")
    email, password = os.environ.get("KITSU_LOGIN"), os.environ.get("KITSU_PASSWORD")
    if token:
        gazu.set_token(token)
        return
    if email or password:
        if not (email and password):
            fail("KITSU_LOGIN and KITSU_PASSWORD must be set together", EXIT_AUTH)
        gazu.log_in(email, password)
        return
    tokens = _stored_tokens(config)
    if tokens and config.get("host") and normalize_host(config["host"]) == host:
        gazu.client.set_tokens(tokens)
        _keep_refreshed_tokens(config, tokens)
        return
    fail(NOT_LOGGED_IN, EXIT_AUTH)


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


def resolve_project(name_or_id: str) -> Project:
    """Return the project with this id or name.

    No project of that name: print ``Project not found: NAME`` on stderr and
    exit 1, as upstream's does. An unknown id raises
    :class:`RouteNotFoundException` (``Not found: …`` once handled).
    """
    if is_id(name_or_id):
        return gazu.project.get_project(name_or_id)
    project = gazu.project.get_project_by_name(name_or_id)
    if not project:
        fail("Project not found: %s" % name_or_id, EXIT_NOT_FOUND)
    return project


def get_project_from_option(project_opt: str | None) -> Project:
    """Return the project of ``--project``, else of ``GAZU_PROJECT``, else of ``KITSU_PROJECT``.

    None set: print upstream's ``Project required`` line on stderr and exit 1.
    """
    name_or_id = project_opt or os.environ.get("GAZU_PROJECT") or os.environ.get("KITSU_PROJECT")
    if not name_or_id:
        fail("Project required: use --project or set GAZU_PROJECT.", EXIT_USAGE)
    return resolve_project(name_or_id)


# Printing ------------------------------------------------------------------------------

_CELL_WIDTH = 60  # longer values are cut to 57 characters and "..."


def _warn(message: str) -> None:
    print("Warning: %s" % message, file=sys.stderr)


def _cell(value: Any) -> str:
    """Render one value of a table on one line, as upstream's tables do: None blank, long text cut."""
    if value is None:
        return ""
    text = str(value).replace("\n", " ").strip()
    return text if len(text) <= _CELL_WIDTH else text[: _CELL_WIDTH - 3] + "..."


def print_table(rows: list[dict], columns: list) -> None:
    """Print dicts as a table: a header line, a line of dashes, one line per row.

    Each column is a ``(header, key)`` pair; columns are as wide as their
    widest cell and two spaces apart. No rows print ``No results.``.
    """
    if not rows:
        print("No results.")
        return
    cells = [[_cell(row.get(key)) for _, key in columns] for row in rows]
    widths = [max([len(header)] + [len(line[index]) for line in cells]) for index, (header, _) in enumerate(columns)]
    for line in [[header for header, _ in columns], ["-" * width for width in widths]] + cells:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)))


def wants_json(ctx: Any) -> bool:
    """Tell whether ``--json`` was given to this command or to the group."""
    while ctx is not None:
        if ctx.params.get("as_json"):
            return True
        ctx = ctx.parent
    return False


def print_json(data: Any) -> None:
    """Print data as upstream's ``--json`` does: indented by two, non-ASCII escaped."""
    print(json.dumps(data, indent=2, default=str))


def output(ctx: Any, data: Any, columns: list) -> None:
    """Print a command's result: JSON with ``--json``, else a table (a list) or ``HEADER: value`` lines (one object).

    The JSON is the server's data, whole; the table shows ``columns`` only.
    """
    if wants_json(ctx):
        print_json(data)
    elif isinstance(data, dict):
        for header, key in columns:
            print("%s: %s" % (header, data.get(key, "")))
    else:
        print_table(data, columns)


def _route(error: BaseException) -> str:
    """Return the route a failed request went to, with its query, as upstream's errors name it."""
    route = getattr(error, "path", None) or str(error)
    query = urlsplit(getattr(getattr(error, "response", None), "url", None) or "").query
    return route if "?" in route or not query else "%s?%s" % (route, query)


def error_message(error: BaseException) -> str:
    """Return the line printed for a failure: upstream's for the kinds its commands catch, else ``Error: …``."""
    for kind, message in ERROR_MESSAGES:
        if isinstance(error, kind):
            return message.format(route=_route(error)) if "{route}" in message else message
    text = str(error) or type(error).__name__
    if not isinstance(error, GazuException):
        text = "unexpected %s: %s" % (type(error).__name__, text)
    return "Error: %s" % text


def handle_errors(fn: Callable) -> Callable:
    """Wrap a command: a failure prints one line on stderr (see :func:`error_message`) and exits 1,
    or with its code from :data:`EXIT_CODES` when detailed exit codes are asked for."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import click

        try:
            return fn(*args, **kwargs)
        except (click.exceptions.ClickException, click.exceptions.Abort, click.exceptions.Exit):
            raise
        except Exception as error:
            if _option("verbose"):
                import traceback

                click.echo(traceback.format_exc().rstrip(), err=True)
            fail(error_message(error), exit_code_for(error))

    return wrapper
