"""The commands of ``gazu-cli`` that list, show and comment, registered on the group of :mod:`gazu._cli_app`.

Upstream's commands answer as upstream's do: the same requests, tables,
messages and exit codes. Each is a thin layer over the public gazu API: it
resolves the names given on the command line, makes the calls, and hands
the result to :func:`gazu.cli.output`. Every failure goes through
:func:`gazu.cli.handle_errors` or :func:`gazu.cli.fail`, which pick the
exit code.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

import gazu
from gazu import _cli_support  # the configuration functions are called through it, as tests patch them
from gazu._cli_app import command, current_status
from gazu._cli_support import (
    EXIT_NOT_FOUND,
    fail,
    get_project_from_option,
    normalize_host,
    output,
    print_json,
    resolve_project,
    wants_json,
)
from gazu.exception import NotAuthenticatedException, ParameterException
from gazu.helpers import is_id

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import Episode, Project, TaskStatus

Found = TypeVar("Found")

# Look-ups by name ------------------------------------------------------------------------


def _named(kind: str, name: str, found: Found | None) -> Found:
    """Return what a look-up by name found; nothing: print ``<Kind> not found: NAME`` and exit 1, as upstream."""
    if not found:
        fail("%s not found: %s" % (kind, name), EXIT_NOT_FOUND)
    return found


def _status_by_short_name(short_name: str) -> TaskStatus:
    return _named("Task status", short_name, gazu.task.get_task_status_by_short_name(short_name))


def _episode(project: Mapping, name: str) -> Episode:
    return _named("Episode", name, gazu.shot.get_episode_by_name(project, name))


def _project_if_given(project_opt: str | None) -> Project | None:
    return resolve_project(project_opt) if project_opt else None


# Session --------------------------------------------------------------------------------


def _api_url(host: str) -> str:
    """Return the API URL of a Kitsu given to ``login --host``, as upstream's: ``/api`` added when missing."""
    host = host.strip().rstrip("/")
    return host if host.endswith("/api") else host + "/api"


@command("login", connect=False, json=False)
@click.option("--host", "login_host", metavar="URL",
              help="Kitsu URL; /api is added when missing (default: --host of gazu-cli or $KITSU_HOST, as given).")
@click.option("--email", "-e", help="Your e-mail (default: $KITSU_LOGIN, else asked).")
@click.option("--password", help="Your password (default: $KITSU_PASSWORD, else asked without echo).")
@click.option("--totp", metavar="CODE", help="Two-factor code, if your account uses one.")
def login(ctx: click.Context, login_host: str | None, email: str | None, password: str | None,
          totp: str | None) -> None:
    """Log in and store the session for the next runs.

    The session is stored readable by you only; the password never is.
    """
    host = ctx.find_root().params.get("host") or os.environ.get("KITSU_HOST")  # ours: the API URL as given
    if login_host or not host:  # upstream's --host and prompt: a Kitsu URL, its API under /api
        host = _api_url(login_host or click.prompt("Host"))
    email = email or os.environ.get("KITSU_LOGIN") or click.prompt("Email")
    password = password or os.environ.get("KITSU_PASSWORD") or click.prompt("Password", hide_input=True)
    gazu.set_host(normalize_host(host))
    gazu.log_in(email, password, totp=totp)
    tokens = {key: value for key, value in gazu.client.default_client.tokens.items()
              if key in ("access_token", "refresh_token")}
    _cli_support.save_config({"host": gazu.get_host(), "email": email, "tokens": tokens})
    click.echo("Logged in to %s" % gazu.get_host())


@command("logout", connect=False, json=False)
def logout(ctx: click.Context) -> None:
    """Close the stored session on the server and forget it."""
    try:
        _cli_support.setup_client()
    except SystemExit:  # not logged in: upstream's line is printed, and there is nothing to close
        pass
    else:
        try:
            gazu.log_out()
        except (NotAuthenticatedException, ParameterException):  # the session was no longer open
            pass
    _cli_support.clear_config()
    click.echo("Logged out.")


@command("status")
def status(ctx: click.Context, as_json: bool) -> None:
    """Show the host, the server's version and who is logged in."""
    user = gazu.client.get_current_user()
    data = {"host": gazu.get_host(), "api_version": gazu.client.get_api_version(), "user": user}
    if wants_json(ctx):
        print_json(data)
        return
    click.echo("Host:    %s" % data["host"])
    click.echo("API:     %s" % data["api_version"])
    click.echo("User:    %s %s (%s)" % (user.get("first_name"), user.get("last_name"), user.get("email")))


# Projects and their entities ---------------------------------------------------------


@command("projects")
@click.option("--all", "include_closed", is_flag=True, help="Closed projects too.")
def projects(ctx: click.Context, include_closed: bool, as_json: bool) -> None:
    """List the open projects (all with --all)."""
    rows = gazu.project.all_projects() if include_closed else gazu.project.all_open_projects()
    output(ctx, rows, [("NAME", "name"), ("TYPE", "production_type"), ("STYLE", "production_style"), ("ID", "id")])


@command("project")
@click.argument("name_or_id")
def project(ctx: click.Context, name_or_id: str, as_json: bool) -> None:
    """Show a project."""
    output(ctx, resolve_project(name_or_id), [("NAME", "name"), ("TYPE", "production_type"),
                                              ("STYLE", "production_style"), ("STATUS", "project_status_name"),
                                              ("ID", "id")])


_ASSET_COLUMNS = [("NAME", "name"), ("TYPE", "asset_type_name"), ("DESCRIPTION", "description")]


@command("assets", project=True)
@click.option("--type", "-t", "asset_type", metavar="NAME", help="Only assets of this type.")
def assets(ctx: click.Context, project_opt: str | None, asset_type: str | None, as_json: bool) -> None:
    """List a project's assets."""
    found = get_project_from_option(project_opt)
    if asset_type:
        kind = _named("Asset type", asset_type, gazu.asset.get_asset_type_by_name(asset_type))
        rows = gazu.asset.all_assets_for_project_and_type(found, kind)
    else:
        rows = gazu.asset.all_assets_for_project(found)
    output(ctx, rows, _ASSET_COLUMNS + [("ID", "id")])


@command("asset", project=True)
@click.argument("name_or_id")
def asset(ctx: click.Context, project_opt: str | None, name_or_id: str, as_json: bool) -> None:
    """Show an asset (by id, or by name in --project)."""
    if is_id(name_or_id):
        found = gazu.asset.get_asset(name_or_id)
    else:
        found = _named("Asset", name_or_id,
                       gazu.asset.get_asset_by_name(get_project_from_option(project_opt), name_or_id))
    output(ctx, found, _ASSET_COLUMNS + [("PROJECT", "project_name"), ("ID", "id")])


@command("episodes", project=True)
def episodes(ctx: click.Context, project_opt: str | None, as_json: bool) -> None:
    """List a project's episodes."""
    output(ctx, gazu.shot.all_episodes_for_project(get_project_from_option(project_opt)),
           [("NAME", "name"), ("ID", "id")])


@command("sequences", project=True)
@click.option("--episode", "-e", metavar="NAME", help="Only sequences of this episode.")
def sequences(ctx: click.Context, project_opt: str | None, episode: str | None, as_json: bool) -> None:
    """List a project's sequences."""
    found = get_project_from_option(project_opt)
    if episode:
        rows = gazu.shot.all_sequences_for_episode(_episode(found, episode))
    else:
        rows = gazu.shot.all_sequences_for_project(found)
    output(ctx, rows, [("NAME", "name"), ("EPISODE", "episode_name"), ("ID", "id")])


@command("shots", project=True)
@click.option("--sequence", "-s", metavar="NAME", help="Only shots of this sequence.")
@click.option("--episode", "-e", metavar="NAME", help="Only shots of this episode.")
def shots(ctx: click.Context, project_opt: str | None, sequence: str | None, episode: str | None,
          as_json: bool) -> None:
    """List a project's shots.

    With both --sequence and --episode, the sequence is looked up in that episode.
    """
    found = get_project_from_option(project_opt)
    in_episode = _episode(found, episode) if episode else None
    if sequence:
        chosen = gazu.shot.get_sequence_by_name(found, sequence, episode=in_episode)
        rows = gazu.shot.all_shots_for_sequence(_named("Sequence", sequence, chosen))
    elif in_episode:
        rows = gazu.shot.all_shots_for_episode(in_episode)
    else:
        rows = gazu.shot.all_shots_for_project(found)
    output(ctx, rows, [("SEQUENCE", "sequence_name"), ("NAME", "name"), ("FRAMES", "nb_frames"),
                       ("DESCRIPTION", "description"), ("ID", "id")])


@command("shot-casting")
@click.argument("shot")
@click.option("--project", "-p", "project_opt", metavar="NAME|ID", help="The shot's project, with --sequence.")
@click.option("--sequence", "-s", metavar="NAME", help="The shot's sequence, to find a shot by name.")
def shot_casting(ctx: click.Context, shot: str, project_opt: str | None, sequence: str | None, as_json: bool) -> None:
    """List the assets cast in a shot.

    SHOT is an id, or a name with --sequence (and --project).
    """
    if sequence:
        in_sequence = _named("Sequence", sequence,
                             gazu.shot.get_sequence_by_name(get_project_from_option(project_opt), sequence))
        found = _named("Shot", shot, gazu.shot.get_shot_by_name(in_sequence, shot))
        if "project_id" not in found:
            found = gazu.shot.get_shot(found["id"])
    else:
        found = gazu.shot.get_shot(shot)
    rows = gazu.casting.get_shot_casting(found)
    if wants_json(ctx):
        print_json(rows)
        return
    if not rows:
        click.echo("No casting for this shot.")
    for row in rows:
        click.echo("  %s (x%s)" % (row.get("asset_name", row.get("name", row)), row.get("nb_occurences", 1)))


# Tasks --------------------------------------------------------------------------------


@command("tasks", project=True)
@click.option("--type", "--task-type", "-t", "task_type", metavar="NAME", help="Only tasks of this type.")
@click.option("--status", "-s", "task_status", metavar="SHORT_NAME", help="Only tasks at this status.")
def tasks(ctx: click.Context, project_opt: str | None, task_type: str | None, task_status: str | None,
          as_json: bool) -> None:
    """List a project's tasks."""
    found = get_project_from_option(project_opt)
    # Upstream's requests: the server filters by type, and by status along with a type; a status alone
    # is filtered here.
    params = {"project_id": found["id"]}
    kind = _named("Task type", task_type, gazu.task.get_task_type_by_name(task_type)) if task_type else None
    status_id = _status_by_short_name(task_status)["id"] if task_status else None
    if kind:
        params["task_type_id"] = kind["id"]
        if status_id:
            params["task_status_id"] = status_id
    rows = gazu.client.fetch_all("tasks", params=params)
    if status_id and not kind:
        rows = [row for row in rows if row.get("task_status_id") == status_id]
    output(ctx, rows, [("ENTITY", "entity_name"), ("TYPE", "task_type_name"), ("STATUS", "task_status_name"),
                       ("ASSIGNEES", "assignees"), ("ID", "id")])


@command("task")
@click.argument("task_id")
def task(ctx: click.Context, task_id: str, as_json: bool) -> None:
    """Show a task."""
    output(ctx, gazu.task.get_task(task_id), [("ENTITY", "entity_name"), ("TYPE", "task_type_name"),
                                              ("STATUS", "task_status_name"), ("ASSIGNEES", "assignees"),
                                              ("PROJECT", "project_name"), ("DESCRIPTION", "description"),
                                              ("ID", "id")])


@command("my-tasks")
@click.option("--done", is_flag=True, help="Finished tasks instead of the ones to do.")
def my_tasks(ctx: click.Context, done: bool, as_json: bool) -> None:
    """List the tasks assigned to you."""
    rows = gazu.user.all_done_tasks() if done else gazu.user.all_tasks_to_do()
    output(ctx, rows, [("PROJECT", "project_name"), ("ENTITY", "entity_name"), ("TYPE", "task_type_name"),
                       ("STATUS", "task_status_name"), ("ID", "id")])


@command("comment", connect=False, json=False)  # connected after its usage checks, as upstream's
@click.argument("task_id", required=False)
@click.argument("text", required=False, default="")
@click.option("--task", "-t", "task_opt", metavar="ID", help="The task (instead of TASK_ID).")
@click.option("--message", "-m", metavar="TEXT", help="The comment's text (instead of TEXT).")
@click.option("--status", "-s", "task_status", metavar="SHORT_NAME",
              help="Set the task to this status (e.g. wip, wfa, done); default: keep its status.")
def comment(ctx: click.Context, task_id: str | None, text: str, task_opt: str | None, message: str | None,
            task_status: str | None) -> None:
    """Comment on a task (TASK_ID or --task), optionally changing its status."""
    if not (task_id or task_opt):
        raise click.UsageError("Missing option '--task' / '-t'.")  # upstream's words
    if task_id and task_opt:
        raise click.UsageError("give the task once: as TASK_ID or with --task")
    if text and message is not None:
        raise click.UsageError("give the text once: as TEXT or with --message")
    task_ref, text = task_id or task_opt or "", text or message or ""  # one of them is given (checked above)
    _cli_support.setup_client()
    # With a status, the task is not read first: the requests are upstream's.
    new_status = (_status_by_short_name(task_status) if task_status
                  else current_status(gazu.task.get_task(task_ref)))
    posted = gazu.task.add_comment(task_ref, new_status, text)
    click.echo("Comment posted (ID: %s)" % posted.get("id"))


# Studio-wide lists ---------------------------------------------------------------------


@command("persons")
def persons(ctx: click.Context, as_json: bool) -> None:
    """List the studio's people."""
    output(ctx, gazu.person.all_persons(), [("FIRST NAME", "first_name"), ("LAST NAME", "last_name"),
                                            ("EMAIL", "email"), ("ROLE", "role"), ("ID", "id")])


@command("asset-types")
@click.option("--project", "-p", "project_opt", metavar="NAME|ID", help="Only the types this project uses.")
def asset_types(ctx: click.Context, project_opt: str | None, as_json: bool) -> None:
    """List the asset types."""
    found = _project_if_given(project_opt)
    rows = gazu.asset.all_asset_types_for_project(found) if found else gazu.asset.all_asset_types()
    output(ctx, rows, [("NAME", "name"), ("ID", "id")])


@command("task-types")
@click.option("--project", "-p", "project_opt", metavar="NAME|ID", help="Only the types of this project.")
def task_types(ctx: click.Context, project_opt: str | None, as_json: bool) -> None:
    """List the task types."""
    found = _project_if_given(project_opt)
    rows = gazu.task.all_task_types_for_project(found) if found else gazu.task.all_task_types()
    output(ctx, rows, [("NAME", "name"), ("FOR", "for_entity"), ("ID", "id")])


@command("task-statuses")
@click.option("--project", "-p", "project_opt", metavar="NAME|ID", help="Only the statuses of this project.")
def task_statuses(ctx: click.Context, project_opt: str | None, as_json: bool) -> None:
    """List the task statuses."""
    found = _project_if_given(project_opt)
    rows = gazu.task.all_task_statuses_for_project(found) if found else gazu.task.all_task_statuses()
    output(ctx, rows, [("NAME", "name"), ("SHORT", "short_name"), ("ID", "id")])


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
    answer = gazu.search.search_entities(query, project=found)  # Zou searches every kind: keep those asked
    by_kind = cast("dict[str, list[Any]]", answer)  # every value is a list
    results = {kind: items for kind, items in by_kind.items() if not kinds or kind.rstrip("s") in kinds}
    if wants_json(ctx):
        print_json(results)
        return
    for kind, items in results.items():
        if not items:
            continue
        click.echo("\n%s (%d)" % (kind.upper(), len(items)))
        click.echo("-" * 40)
        for item in items:
            click.echo("  %s  (%s)" % (item.get("name", item.get("full_name", "")), item.get("id", "")))

