"""The commands of ``gazu-cli``, as a click group (imported by :mod:`gazu.cli` on first use only).

Each command is a thin layer over the public gazu API: it resolves the
names given on the command line, makes the calls, and hands the result to
:func:`gazu.cli.output`. Every failure goes through
:func:`gazu.cli.handle_errors`, which picks the exit code.
"""

from __future__ import annotations

import functools
import os
import sys
from typing import Any, Callable

import click

import gazu
import gazu.cli
from gazu.cli import (  # the configuration functions are called as gazu.cli.<name>, which tests patch
    EXIT_AUTH,
    EXIT_MEANINGS,
    NotFoundException,
    _stored_tokens,
    _wants_json,
    get_project_from_option,
    handle_errors,
    normalize_host,
    output,
    resolve_project,
)
from gazu.exception import GazuException, NotAuthenticatedException
from gazu.helpers import is_id

_ENVIRONMENT = {
    "KITSU_HOST": "the Kitsu API URL (https://kitsu.example.com/api), when --host is not given",
    "KITSU_ACCESS_TOKEN": "an access token (a bot's): no log-in needed",
    "KITSU_LOGIN, KITSU_PASSWORD": "log in on each run, storing nothing",
    "KITSU_PROJECT, GAZU_PROJECT": "the project of commands that need one, when --project is not given",
    "CI": "when set, no progress bar is drawn",
}


def _epilog() -> str:
    lines = ["\b", "Environment (an option given on the command line always wins):"]
    lines += ["  %-28s %s" % item for item in _ENVIRONMENT.items()]
    lines += ["", "\b", "Exit codes:"] + ["  %d  %s" % item for item in EXIT_MEANINGS.items()]
    return "\n".join(lines)


@click.group("gazu-cli", epilog=_epilog(), context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--host", metavar="URL", help="Kitsu API URL (default: $KITSU_HOST, then the stored log-in).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables, for every command.")
@click.option("--verbose", "-v", is_flag=True, help="Log the requests sent and show tracebacks of errors.")
@click.version_option(gazu.__version__, prog_name="gazu-cli")
def cli(host: str | None, as_json: bool, verbose: bool) -> None:
    """Kitsu from a terminal or a CI job: list, inspect, comment, publish and download."""
    if verbose:
        import logging

        logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(name)s: %(message)s")
        logging.getLogger("gazu").setLevel(logging.DEBUG)


# Shared options and the command decorator ----------------------------------------------

_json_option = click.option("--json", "as_json", is_flag=True,
                            help="Print the server's objects as JSON instead of a table.")
_project_option = click.option("--project", "-p", "project_opt", metavar="NAME|ID",
                               help="Project name or id (default: $KITSU_PROJECT).")


def command(name: str, connect: bool = True, json: bool = True, project: bool = False) -> Callable:
    """Register a command taking the click context: with ``--json`` and ``--project`` if asked,
    connected first (:func:`gazu.cli.setup_client`), its errors mapped to exit codes."""

    def decorate(function: Callable) -> Callable:
        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            if connect:
                gazu.cli.setup_client()
            return function(*args, **kwargs)

        run = handle_errors(run)
        if json:
            run = _json_option(run)
        if project:
            run = _project_option(run)
        return cli.command(name)(click.pass_context(run))

    return decorate


# Names of objects, fetched once and only for tables -------------------------------------


class _Names:
    """Labels of objects by id, fetched on the first look-up (so never in --json mode)."""

    def __init__(self, fetch: Callable[[], list[dict]], label: str = "name"):
        self.fetch, self.label, self.names = fetch, label, None

    def __call__(self, object_id: Any) -> Any:
        if self.names is None:
            self.names = {item["id"]: item.get(self.label) or item.get("name") for item in self.fetch()}
        if isinstance(object_id, (list, tuple)):
            return [self.names.get(one, one) for one in object_id]
        return self.names.get(object_id, object_id)

    def column(self, header: str, key: str) -> tuple[str, Callable[[dict], Any]]:
        return header, lambda row: self(row.get(key))


def _nested(*keys: str) -> Callable[[dict], Any]:
    """Return a getter of ``row[k1][k2]…`` (None when a level is missing)."""

    def get(row: dict) -> Any:
        for key in keys:
            row = row.get(key) if isinstance(row, dict) else None
        return row

    return get


def _find(kind: str, value: str, by_id: Callable[[str], dict], *by_name: Callable[[str], dict | None]) -> dict:
    """Return the object an id or a name designates, trying each name look-up in turn."""
    if is_id(value):
        return by_id(value)
    for look_up in by_name:
        found = look_up(value)
        if found:
            return found
    raise NotFoundException("no %s named %r" % (kind, value))


def _task_status(value: str) -> dict:
    return _find("task status", value, gazu.task.get_task_status, gazu.task.get_task_status_by_short_name,
                 gazu.task.get_task_status_by_name)


def _task_type(value: str) -> dict:
    return _find("task type", value, gazu.task.get_task_type, gazu.task.get_task_type_by_name,
                 gazu.task.get_task_type_by_short_name)


def _episode(project: dict, value: str) -> dict:
    return _find("episode", value, gazu.shot.get_episode, lambda name: gazu.shot.get_episode_by_name(project, name))


def _sequence(project: dict, value: str, episode: dict | None = None) -> dict:
    return _find("sequence", value, gazu.shot.get_sequence,
                 lambda name: gazu.shot.get_sequence_by_name(project, name, episode=episode))


def _project_if_given(project_opt: str | None) -> dict | None:
    return resolve_project(project_opt) if project_opt else None


def _current_status(task: dict) -> dict:
    return task.get("task_status") or {"id": task["task_status_id"]}


# Session --------------------------------------------------------------------------------


@command("login", connect=False, json=False)
@click.option("--host", "login_host", metavar="URL", help="Kitsu API URL (default: --host of gazu-cli, $KITSU_HOST).")
@click.option("--email", "-e", help="Your e-mail (default: $KITSU_LOGIN, else asked).")
@click.option("--password", help="Your password (default: $KITSU_PASSWORD, else asked without echo).")
@click.option("--totp", metavar="CODE", help="Two-factor code, if your account uses one.")
def login(ctx: click.Context, login_host: str | None, email: str | None, password: str | None,
          totp: str | None) -> None:
    """Log in and store the session for the next runs.

    The session is stored readable by you only; the password never is.
    """
    stored = gazu.cli.load_config()
    host = (login_host or ctx.find_root().params.get("host") or os.environ.get("KITSU_HOST")
            or click.prompt("Kitsu API URL", default=stored.get("host")))
    email = email or os.environ.get("KITSU_LOGIN") or click.prompt("E-mail", default=stored.get("email"))
    password = password or os.environ.get("KITSU_PASSWORD") or click.prompt("Password", hide_input=True)
    gazu.set_host(normalize_host(host))
    answer = gazu.log_in(email, password, totp=totp)
    tokens = {key: value for key, value in gazu.client.default_client.tokens.items()
              if key in ("access_token", "refresh_token")}
    gazu.cli.save_config({"host": gazu.get_host(), "email": email, "tokens": tokens})
    user = answer.get("user") or {}
    click.echo("Logged in to %s as %s <%s>; session stored in %s" % (
        gazu.get_host(), user.get("full_name") or email, email, gazu.cli.config_path()))


@command("logout", connect=False, json=False)
def logout(ctx: click.Context) -> None:
    """Close the stored session on the server and forget it."""
    stored = gazu.cli.load_config()
    if not stored:
        click.echo("Not logged in: no stored session in %s" % gazu.cli.config_path())
        return
    tokens = _stored_tokens(stored)
    try:
        if stored.get("host") and tokens.get("access_token"):
            gazu.set_host(stored["host"])
            gazu.client.set_tokens(tokens)
            gazu.log_out()
    except GazuException as error:
        click.echo("Warning: the server did not close the session: %s" % error, err=True)
    finally:
        gazu.cli.clear_config()
    click.echo("Logged out of %s; removed %s" % (stored.get("host", "Kitsu"), gazu.cli.config_path()))


@command("status", connect=False)
def status(ctx: click.Context, as_json: bool) -> None:
    """Show the host, the server's version and who is logged in."""
    try:
        connection = gazu.cli._connect()
    except NotAuthenticatedException as error:
        output(ctx, {"logged_in": False, "reason": str(error)}, [("LOGGED IN", "logged_in"), ("REASON", "reason")])
        raise click.exceptions.Exit(EXIT_AUTH) from None
    user = gazu.client.get_current_user()
    data = {"logged_in": True, **connection, "api_version": gazu.client.get_api_version(),
            "user": {key: user.get(key) for key in ("id", "full_name", "email", "role")}}
    output(ctx, data, [("HOST", "host"), ("VERSION", "api_version"), ("USER", _nested("user", "full_name")),
                       ("EMAIL", _nested("user", "email")), ("ROLE", _nested("user", "role")),
                       ("CREDENTIALS", "credentials")])


# Projects and their entities ---------------------------------------------------------


@command("projects")
@click.option("--all", "include_closed", is_flag=True, help="Closed projects too.")
def projects(ctx: click.Context, include_closed: bool, as_json: bool) -> None:
    """List the open projects (all with --all)."""
    rows = gazu.project.all_projects() if include_closed else gazu.project.all_open_projects()
    output(ctx, rows, ["name", ("TYPE", "production_type"),
                       _Names(gazu.project.all_project_status).column("STATUS", "project_status_id"), "fps", "id"])


_PROJECT_FIELDS = ["name", "id", ("TYPE", "production_type"), "fps", "ratio", "resolution", "start_date",
                   "end_date", "description"]


@command("project")
@click.argument("name_or_id")
def project(ctx: click.Context, name_or_id: str, as_json: bool) -> None:
    """Show a project."""
    found = resolve_project(name_or_id)
    statuses = _Names(gazu.project.all_project_status)
    output(ctx, found, _PROJECT_FIELDS + [statuses.column("STATUS", "project_status_id")])


@command("assets", project=True)
@click.option("--type", "-t", "asset_type", metavar="NAME|ID", help="Only assets of this type.")
def assets(ctx: click.Context, project_opt: str | None, asset_type: str | None, as_json: bool) -> None:
    """List a project's assets."""
    found = get_project_from_option(project_opt)
    if asset_type:
        kind = _find("asset type", asset_type, gazu.asset.get_asset_type, gazu.asset.get_asset_type_by_name)
        rows = gazu.asset.all_assets_for_project_and_type(found, kind)
    else:
        rows = gazu.asset.all_assets_for_project(found)
    output(ctx, rows, ["name", _Names(gazu.asset.all_asset_types).column("TYPE", "entity_type_id"),
                       "description", "id"])


@command("asset", project=True)
@click.argument("name_or_id")
def asset(ctx: click.Context, project_opt: str | None, name_or_id: str, as_json: bool) -> None:
    """Show an asset (by id, or by name in --project)."""
    found = _find("asset", name_or_id, gazu.asset.get_asset,
                  lambda name: gazu.asset.get_asset_by_name(get_project_from_option(project_opt), name))
    if not is_id(name_or_id) and not _wants_json(ctx):  # the table shows the names the full asset carries
        found = gazu.asset.get_asset(found["id"])
    output(ctx, found, ["name", "id", ("TYPE", "asset_type_name"), ("PROJECT", "project_name"), "description"])


@command("episodes", project=True)
def episodes(ctx: click.Context, project_opt: str | None, as_json: bool) -> None:
    """List a project's episodes."""
    rows = gazu.shot.all_episodes_for_project(get_project_from_option(project_opt))
    output(ctx, rows, ["name", "status", "description", "id"])


@command("sequences", project=True)
@click.option("--episode", "-e", metavar="NAME|ID", help="Only sequences of this episode.")
def sequences(ctx: click.Context, project_opt: str | None, episode: str | None, as_json: bool) -> None:
    """List a project's sequences."""
    found = get_project_from_option(project_opt)
    if episode:
        rows = gazu.shot.all_sequences_for_episode(_episode(found, episode))
    else:
        rows = gazu.shot.all_sequences_for_project(found)
    episode_names = _Names(lambda: gazu.shot.all_episodes_for_project(found))
    output(ctx, rows, ["name", episode_names.column("EPISODE", "parent_id"), "description", "id"])


@command("shots", project=True)
@click.option("--sequence", "-s", metavar="NAME|ID", help="Only shots of this sequence.")
@click.option("--episode", "-e", metavar="NAME|ID", help="Only shots of this episode.")
def shots(ctx: click.Context, project_opt: str | None, sequence: str | None, episode: str | None,
          as_json: bool) -> None:
    """List a project's shots."""
    found = get_project_from_option(project_opt)
    in_episode = _episode(found, episode) if episode else None
    if sequence:
        rows = gazu.shot.all_shots_for_sequence(_sequence(found, sequence, in_episode))
    elif in_episode:
        rows = gazu.shot.all_shots_for_episode(in_episode)
    else:
        rows = gazu.shot.all_shots_for_project(found)
    sequence_names = _Names(lambda: gazu.shot.all_sequences_for_project(found))
    output(ctx, rows, ["name", ("SEQUENCE", lambda row: row.get("sequence_name") or sequence_names(row["parent_id"])),
                       ("FRAMES", "nb_frames"), "description", "id"])


@command("shot-casting", project=True)
@click.argument("shot")
@click.option("--sequence", "-s", metavar="NAME|ID", help="The shot's sequence, to find a shot by name.")
def shot_casting(ctx: click.Context, project_opt: str | None, shot: str, sequence: str | None, as_json: bool) -> None:
    """List the assets cast in a shot.

    SHOT is an id, or a name with --sequence (and --project).
    """

    def by_name(name: str) -> dict | None:
        if not sequence:
            raise click.UsageError("to find a shot by name, give its --sequence (and --project)")
        return gazu.shot.get_shot_by_name(_sequence(get_project_from_option(project_opt), sequence), name)

    found = _find("shot", shot, gazu.shot.get_shot, by_name)
    if "project_id" not in found:
        found = gazu.shot.get_shot(found["id"])
    rows = gazu.casting.get_shot_casting(found)
    output(ctx, rows, [("ASSET", "asset_name"), ("TYPE", "asset_type_name"), ("OCCURRENCES", "nb_occurences"),
                       "label", ("ASSET ID", "asset_id")])


# Tasks --------------------------------------------------------------------------------


@command("tasks", project=True)
@click.option("--task-type", "--type", "-t", "task_type", metavar="NAME|ID", help="Only tasks of this type.")
@click.option("--status", "-s", "task_status", metavar="NAME|ID", help="Only tasks at this status (short name ok).")
def tasks(ctx: click.Context, project_opt: str | None, task_type: str | None, task_status: str | None,
          as_json: bool) -> None:
    """List a project's tasks."""
    found = get_project_from_option(project_opt)
    # Upstream's requests: the server filters by type, and by status along with a type; a status alone
    # is filtered here.
    params = {"project_id": found["id"]}
    kind = _task_type(task_type) if task_type else None
    status_id = _task_status(task_status)["id"] if task_status else None
    if kind:
        params["task_type_id"] = kind["id"]
        if status_id:
            params["task_status_id"] = status_id
    if not _wants_json(ctx):
        params["relations"] = "true"  # the assignees, for the table (--json prints what upstream's prints)
    rows = gazu.client.fetch_all("tasks", params=params)
    if status_id and not kind:
        rows = [row for row in rows if row.get("task_status_id") == status_id]
    entities = _Names(lambda: gazu.asset.all_assets_for_project(found) + gazu.shot.all_shots_for_project(found))
    output(ctx, rows, [entities.column("ENTITY", "entity_id"),
                       _Names(gazu.task.all_task_types).column("TASK TYPE", "task_type_id"),
                       _Names(gazu.task.all_task_statuses, "short_name").column("STATUS", "task_status_id"),
                       _Names(gazu.person.all_persons, "full_name").column("ASSIGNEES", "assignees"),
                       ("DUE", "due_date"), "id"])


@command("task")
@click.argument("task_id")
def task(ctx: click.Context, task_id: str, as_json: bool) -> None:
    """Show a task."""
    found = gazu.task.get_task(task_id)
    output(ctx, found, ["id", ("PROJECT", _nested("project", "name")), ("ENTITY", _nested("entity", "name")),
                        ("TASK TYPE", _nested("task_type", "name")), ("STATUS", _nested("task_status", "short_name")),
                        ("ASSIGNEES", "persons"), ("DUE", "due_date"), ("ESTIMATION", "estimation"),
                        ("RETAKES", "retake_count")])


@command("my-tasks")
@click.option("--done", is_flag=True, help="Finished tasks instead of the ones to do.")
def my_tasks(ctx: click.Context, done: bool, as_json: bool) -> None:
    """List the tasks assigned to you."""
    rows = gazu.user.all_done_tasks() if done else gazu.user.all_tasks_to_do()
    output(ctx, rows, [("PROJECT", "project_name"), ("ENTITY", "entity_name"), ("TASK TYPE", "task_type_name"),
                       ("STATUS", "task_status_short_name"), ("DUE", "task_due_date"), "id"])


@command("comment")
@click.argument("task_id", required=False)
@click.argument("text", required=False, default="")
@click.option("--task", "-t", "task_opt", metavar="ID", help="The task (instead of TASK_ID), as upstream's option.")
@click.option("--message", "-m", metavar="TEXT", help="The comment's text (instead of TEXT), as upstream's option.")
@click.option("--status", "-s", "task_status", metavar="NAME|ID",
              help="Set the task to this status (short name ok); default: keep its status.")
def comment(ctx: click.Context, task_id: str | None, text: str, task_opt: str | None, message: str | None,
            task_status: str | None, as_json: bool) -> None:
    """Comment on a task (TASK_ID or --task), optionally changing its status."""
    if bool(task_id) == bool(task_opt):
        raise click.UsageError("give the task once: as TASK_ID or with --task")
    if text and message is not None:
        raise click.UsageError("give the text once: as TEXT or with --message")
    task_id, text = task_id or task_opt, text or message or ""
    # With a status, the task is not read first: the requests are upstream's.
    new_status = _task_status(task_status) if task_status else _current_status(gazu.task.get_task(task_id))
    posted = gazu.task.add_comment(task_id, new_status, text)
    if _wants_json(ctx):
        output(ctx, posted, [])
    else:
        click.echo("Commented on task %s (status: %s); comment %s" % (
            task_id, new_status.get("short_name") or new_status.get("name"), posted.get("id")))


# Studio-wide lists ---------------------------------------------------------------------


@command("persons")
def persons(ctx: click.Context, as_json: bool) -> None:
    """List the studio's people."""
    output(ctx, gazu.person.all_persons(), [("NAME", "full_name"), "email", "role", "active", "id"])


@command("asset-types")
@click.option("--project", "-p", "project_opt", metavar="NAME|ID", help="Only the types this project uses.")
def asset_types(ctx: click.Context, project_opt: str | None, as_json: bool) -> None:
    """List the asset types."""
    found = _project_if_given(project_opt)
    rows = gazu.asset.all_asset_types_for_project(found) if found else gazu.asset.all_asset_types()
    output(ctx, rows, ["name", "id"])


@command("task-types")
@click.option("--project", "-p", "project_opt", metavar="NAME|ID", help="Only the types of this project.")
def task_types(ctx: click.Context, project_opt: str | None, as_json: bool) -> None:
    """List the task types."""
    found = _project_if_given(project_opt)
    rows = gazu.task.all_task_types_for_project(found) if found else gazu.task.all_task_types()
    output(ctx, rows, ["name", "short_name", ("FOR", "for_entity"), "id"])


@command("task-statuses")
@click.option("--project", "-p", "project_opt", metavar="NAME|ID", help="Only the statuses of this project.")
def task_statuses(ctx: click.Context, project_opt: str | None, as_json: bool) -> None:
    """List the task statuses."""
    found = _project_if_given(project_opt)
    rows = gazu.task.all_task_statuses_for_project(found) if found else gazu.task.all_task_statuses()
    output(ctx, rows, ["name", "short_name", ("DONE", "is_done"), ("FEEDBACK", "is_feedback_request"), "id"])


@command("search")
@click.argument("query")
@click.option("--project", "-p", "project_opt", metavar="NAME|ID", help="Only assets and shots of this project.")
@click.option("--type", "-t", "kinds", multiple=True, type=click.Choice(["asset", "shot", "person"]),
              help="What to search (repeatable; default: all).")
def search(ctx: click.Context, project_opt: str | None, query: str, kinds: tuple[str, ...], as_json: bool) -> None:
    """Search assets, shots and people by name.

    Queries shorter than 3 characters find nothing.
    """
    found = _project_if_given(project_opt)
    results = gazu.search.search_entities(query, project=found)  # Zou searches every kind: keep those asked
    results = {kind: items for kind, items in results.items() if not kinds or kind.rstrip("s") in kinds}
    if _wants_json(ctx):
        output(ctx, results, [])
        return
    rows = [{**item, "kind": kind.rstrip("s")} for kind, items in results.items() for item in items]
    output(ctx, rows, ["kind", ("NAME", lambda row: row.get("name") or row.get("full_name")), "id"])


from gazu import _cli_previews  # noqa: E402,F401  (registers publish and download on the group)
