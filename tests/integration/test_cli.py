"""gazu-cli against a real Kitsu: every command, as a CI job runs it.

The commands run through click's CliRunner with the settings a CI job gives
(KITSU_HOST and a token, or KITSU_LOGIN/KITSU_PASSWORD) and a private config
folder; a few run as real ``.venv/bin/gazu-cli`` processes to prove the
entry point. Tables and ``HEADER: value`` lines are checked against the
fields of what gazu reads back (upstream's columns: a field the server's
answer lacks is blank), ``--json`` is parsed and compared whole. Every
failure exits 1 with upstream's message; ``--detailed-exit-codes`` gives
the code of its kind.
"""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import uuid
import zipfile

import pytest
from click.testing import CliRunner

import gazu
import gazu.cli
from tests.conftest import unique

pytestmark = pytest.mark.integration

# Every function of gazu.cli runs below (main through the gazu-cli process).
NOT_EXERCISED: dict[str, str] = {}

GAZU_CLI = os.path.join(os.path.dirname(sys.executable), "gazu-cli")
_SETTINGS = ("KITSU_HOST", "KITSU_ACCESS_TOKEN", "KITSU_LOGIN", "KITSU_PASSWORD", "KITSU_PROJECT", "GAZU_PROJECT", "CI")


def runner() -> CliRunner:
    """A CliRunner keeping stderr apart (click < 8.2, the last for Python 3.9, mixes it in by default)."""
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 always keeps it apart
        return CliRunner()


@pytest.fixture
def env(kitsu_sandbox, admin_client, monkeypatch, tmp_path):
    """A CI job's settings: the sandbox's host and the administrator's token; a private config folder."""
    for name in _SETTINGS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(gazu.cli, "CONFIG_DIR", str(tmp_path / ".gazu"))
    monkeypatch.setattr(gazu.cli, "CONFIG_FILE", str(tmp_path / ".gazu" / "config.json"))
    monkeypatch.setenv("KITSU_HOST", kitsu_sandbox.host)
    monkeypatch.setenv("KITSU_ACCESS_TOKEN", admin_client.access_token)
    return monkeypatch


def run(*args, code=0):
    result = runner().invoke(gazu.cli.cli, [str(arg) for arg in args])
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    return result


def run_json(*args):
    return json.loads(run(*args, "--json").stdout)


def column(result, header):
    """The cells of one column of a printed table: header line, a line of dashes, one line per row."""
    lines = result.stdout.splitlines()
    if lines == ["No results."]:
        return []
    start = lines[0].index(header)
    end = start + len(lines[1][start:].split(" ")[0])
    assert lines[0][start:end].rstrip() == header, (header, lines[:2])
    return [line[start:end].strip() for line in lines[2:]]


def cell(value):
    """A value as upstream's tables show it."""
    return "" if value is None else str(value).replace("\n", " ").strip()


def field(result, header):
    """The value of one ``HEADER: value`` line of a printed object."""
    for line in result.stdout.splitlines():
        if line.startswith(header + ": "):
            return line[len(header) + 2:]
    raise AssertionError("no %s line in %r" % (header, result.stdout))


@pytest.fixture
def production(admin_client, new_project):
    """A tv show with an asset cast in a shot, and a shot task assigned to the administrator."""
    project = new_project
    me = gazu.client.get_current_user()
    gazu.project.add_person_to_team(project, me)
    asset_type = gazu.asset.new_asset_type(unique("Props"))
    episode = gazu.shot.new_episode(project, unique("E"))
    sequence = gazu.shot.new_sequence(project, unique("SQ"), episode=episode)
    shot = gazu.shot.new_shot(project, sequence, unique("SH"), nb_frames=48)
    asset = gazu.asset.new_asset(project, asset_type, unique("chair"), description="a wooden chair", episode=episode)
    gazu.casting.update_shot_casting(project, shot, [{"asset_id": asset["id"], "nb_occurences": 2}])
    task_type = gazu.task.new_task_type(unique("Anim"), for_entity="Shot")
    gazu.project.add_task_type(project, task_type, 1)
    statuses = {status["short_name"]: status for status in gazu.task.all_task_statuses()}
    task = gazu.task.new_task(shot, task_type, task_status=statuses["todo"], assignees=[me])
    return {"project": project, "me": me, "asset_type": asset_type, "episode": episode, "sequence": sequence,
            "shot": shot, "asset": asset, "task_type": task_type, "statuses": statuses, "task": task}


# Connecting ---------------------------------------------------------------------------------

NOT_LOGGED_IN = "Not logged in. Run: gazu-cli login --host <URL>\n"


def test_login_status_logout_with_a_private_stored_session(kitsu_sandbox, env, admin_client):
    env.delenv("KITSU_ACCESS_TOKEN")
    env.delenv("KITSU_HOST")
    assert run("status", code=1).stderr == NOT_LOGGED_IN
    assert run("--detailed-exit-codes", "status", code=3).stderr == NOT_LOGGED_IN

    # The sandbox is a bare Zou, serving its API at its root: given as is with the group's --host
    # (login's own --host adds /api, as upstream's).
    result = run("--host", kitsu_sandbox.host, "login", "--email", kitsu_sandbox.admin_email,
                 "--password", kitsu_sandbox.admin_password)
    assert result.stdout == "Logged in to %s\n" % kitsu_sandbox.host
    assert kitsu_sandbox.admin_password not in result.output
    path = gazu.cli.config_path()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700
    stored = gazu.cli.load_config()
    assert stored["host"] == kitsu_sandbox.host and stored["email"] == kitsu_sandbox.admin_email
    assert kitsu_sandbox.admin_password not in open(path).read()

    me = gazu.client.get_current_user()
    status = run("status")
    assert status.stdout == "Host:    %s\nAPI:     %s\nUser:    %s %s (%s)\n" % (
        kitsu_sandbox.host, gazu.client.get_api_version(), me["first_name"], me["last_name"], me["email"])
    assert stored["tokens"]["access_token"] not in status.output
    data = run_json("status")
    assert data == {"host": kitsu_sandbox.host, "api_version": gazu.client.get_api_version(),
                    "user": gazu.client.get_current_user()}

    assert run("logout").stdout == "Logged out.\n"
    assert not os.path.exists(path)
    # The session is closed on the server too: its token no longer works.
    probe = gazu.client.create_client(kitsu_sandbox.host, tokens={"access_token": stored["tokens"]["access_token"]})
    assert gazu.user.is_authenticated(client=probe) is False
    assert run("projects", code=1).stderr == NOT_LOGGED_IN


def test_settings_from_the_environment_need_no_login(kitsu_sandbox, env, new_project):
    env.delenv("KITSU_ACCESS_TOKEN")
    env.setenv("KITSU_LOGIN", kitsu_sandbox.admin_email)
    env.setenv("KITSU_PASSWORD", kitsu_sandbox.admin_password)
    assert new_project["id"] in [project["id"] for project in run_json("projects")]
    assert run_json("status")["user"]["email"] == kitsu_sandbox.admin_email
    assert not os.path.exists(gazu.cli.config_path())

    env.setenv("KITSU_PASSWORD", "wrong-password")
    assert run("projects", code=1).stderr == "Authentication failed.\n"
    run("--detailed-exit-codes", "projects", code=3)


def test_an_explicit_host_beats_the_environment(kitsu_sandbox, env):
    env.setenv("KITSU_HOST", "http://127.0.0.1:9/api")  # nothing listens there
    assert run_json("--host", kitsu_sandbox.host, "status")["host"] == kitsu_sandbox.host
    assert "cannot reach" in run("status", code=1).stderr
    env.setenv("GAZU_CLI_EXIT_CODES", "detailed")
    run("status", code=6)


@pytest.mark.parametrize("token", ["not-a-token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"])
def test_a_bad_token_exits_1(env, token):
    env.setenv("KITSU_ACCESS_TOKEN", token)
    result = run("projects", code=1)  # Zou answers 422: its token library cannot read the token
    assert result.stderr.startswith("Error: GET data/projects/open: 422") and token not in result.output
    run("--detailed-exit-codes", "projects", code=3)


# Listing and showing ------------------------------------------------------------------------------


def test_projects_and_project(env, production):
    project = production["project"]
    table = run("projects")
    listed = {row["id"]: row for row in gazu.project.all_open_projects()}
    assert column(table, "ID") == list(listed)
    assert column(table, "NAME") == [cell(row["name"]) for row in listed.values()]
    assert column(table, "STYLE") == [cell(row.get("production_style")) for row in listed.values()]
    assert project["id"] in [item["id"] for item in run_json("projects")]
    gazu.project.close_project(project)
    assert project["id"] not in [item["id"] for item in run_json("projects")]
    assert project["id"] in [item["id"] for item in run_json("projects", "--all")]
    assert project["id"] in column(run("projects", "--all"), "ID")

    # By name, the project comes from the list (without a status name); by id, whole.
    for argument, read in ((project["name"], gazu.project.get_project_by_name(project["name"])),
                           (project["id"], gazu.project.get_project(project["id"]))):
        assert run("project", argument).stdout == "NAME: %s\nTYPE: %s\nSTYLE: %s\nSTATUS: %s\nID: %s\n" % tuple(
            read.get(key, "") for key in ("name", "production_type", "production_style", "project_status_name", "id"))
    assert read["project_status_name"] == "Closed"
    assert run_json("project", project["id"]) == read
    name = unique("nothing")
    assert run("project", name, code=1).stderr == "Project not found: %s\n" % name
    missing = str(uuid.uuid4())
    assert run("project", missing, code=1).stderr == "Not found: data/projects/%s\n" % missing
    run("--detailed-exit-codes", "project", missing, code=4)


def test_assets_and_asset(env, production):
    project, asset, asset_type = production["project"], production["asset"], production["asset_type"]
    table = run("assets", "-p", project["name"])
    listed = gazu.asset.all_assets_for_project(project)
    assert column(table, "NAME") == [asset["name"]]
    assert column(table, "TYPE") == [cell(listed[0].get("asset_type_name"))]
    assert column(table, "DESCRIPTION") == ["a wooden chair"]
    assert [item["id"] for item in run_json("assets", "-p", project["id"], "--type", asset_type["name"])] == [
        asset["id"]]
    empty = gazu.asset.new_asset_type(unique("Empty"))
    assert run_json("assets", "-p", project["id"], "--type", empty["name"]) == []
    assert run("assets", "-p", project["id"], "--type", empty["name"]).stdout == "No results.\n"
    assert run("assets", "-p", project["id"], "--type", "no-type", code=1).stderr == "Asset type not found: no-type\n"

    shown = run("asset", asset["id"])
    assert (field(shown, "NAME"), field(shown, "TYPE"), field(shown, "PROJECT"), field(shown, "ID")) == (
        asset["name"], asset_type["name"], project["name"], asset["id"])
    assert run_json("asset", asset["id"]) == gazu.asset.get_asset(asset["id"])
    by_name = run("asset", asset["name"], "-p", project["name"])
    assert field(by_name, "ID") == asset["id"]
    assert run("asset", "no-such-chair", "-p", project["name"], code=1).stderr == "Asset not found: no-such-chair\n"
    assert run("asset", "no-such-chair", code=1).stderr == "Project required: use --project or set GAZU_PROJECT.\n"


def test_episodes_sequences_and_shots(env, production):
    project, episode, sequence, shot = (production[key] for key in ("project", "episode", "sequence", "shot"))
    env.setenv("GAZU_PROJECT", project["name"])
    assert column(run("episodes"), "NAME") == [item["name"] for item in gazu.shot.all_episodes_for_project(project)]
    assert episode["name"] in column(run("episodes"), "NAME")
    assert episode["id"] in [item["id"] for item in run_json("episodes")]

    table = run("sequences")
    listed = gazu.shot.all_sequences_for_project(project)
    assert (column(table, "NAME"), column(table, "EPISODE")) == (
        [sequence["name"]], [cell(listed[0].get("episode_name"))])
    assert [item["id"] for item in run_json("sequences", "--episode", episode["name"])] == [sequence["id"]]

    table = run("shots")
    listed = gazu.shot.all_shots_for_project(project)
    assert column(table, "NAME") == [shot["name"]]
    assert column(table, "SEQUENCE") == [cell(listed[0].get("sequence_name"))]
    assert column(table, "FRAMES") == ["48"]
    assert [item["id"] for item in run_json("shots", "-s", sequence["name"], "-e", episode["name"])] == [shot["id"]]
    assert [item["id"] for item in run_json("shots", "-e", episode["name"])] == [shot["id"]]
    assert run("shots", "-s", "SQ-nothing", code=1).stderr == "Sequence not found: SQ-nothing\n"
    assert run("shots", "-e", "E-nothing", code=1).stderr == "Episode not found: E-nothing\n"


def test_shot_casting(env, production):
    project, sequence, shot, asset = (production[key] for key in ("project", "sequence", "shot", "asset"))
    assert run("shot-casting", shot["id"]).stdout == "  %s (x2)\n" % asset["name"]
    by_name = run_json("shot-casting", shot["name"], "-p", project["name"], "-s", sequence["name"])
    assert [(item["asset_id"], item["nb_occurences"]) for item in by_name] == [(asset["id"], 2)]
    assert by_name == gazu.casting.get_shot_casting(gazu.shot.get_shot(shot["id"]))


def test_tasks_task_and_my_tasks(env, production):
    project, task, shot, task_type = (production[key] for key in ("project", "task", "shot", "task_type"))
    table = run("tasks", "-p", project["name"])
    listed = gazu.client.fetch_all("tasks", params={"project_id": project["id"]})
    assert column(table, "ID") == [task["id"]]
    for header, key in (("ENTITY", "entity_name"), ("TYPE", "task_type_name"), ("STATUS", "task_status_name"),
                        ("ASSIGNEES", "assignees")):
        assert column(table, header) == [cell(listed[0].get(key))], header
    assert [item["id"] for item in run_json("tasks", "-p", project["id"], "-t", task_type["name"], "-s", "todo")] == [
        task["id"]]
    assert run_json("tasks", "-p", project["id"], "--status", "done") == []

    shown = run("task", task["id"])
    full = gazu.task.get_task(task["id"])
    assert (field(shown, "ENTITY"), field(shown, "TYPE"), field(shown, "PROJECT"), field(shown, "ID")) == (
        str(full.get("entity_name", "")), str(full.get("task_type_name", "")), str(full.get("project_name", "")),
        task["id"])
    assert run_json("task", task["id"]) == full
    missing = str(uuid.uuid4())
    assert run("task", missing, code=1).stderr == "Not found: data/tasks/%s/full\n" % missing

    mine = run("my-tasks")
    assert task["id"] in column(mine, "ID")
    assert project["name"] in column(mine, "PROJECT")
    assert task["id"] in [item["id"] for item in run_json("my-tasks")]
    assert task["id"] not in [item["id"] for item in run_json("my-tasks", "--done")]


def test_comment_changes_the_status_on_the_server(env, production):
    task, statuses = production["task"], production["statuses"]
    result = run("comment", "-t", task["id"], "-s", "wip", "-m", "Starting the blocking")  # upstream's options
    posted = gazu.task.get_last_comment_for_task(task)
    assert result.stdout == "Comment posted (ID: %s)\n" % posted["id"]
    assert gazu.task.get_task(task["id"])["task_status_id"] == statuses["wip"]["id"]
    run("comment", task["id"], "Still going")  # keeps the status
    posted = gazu.task.get_last_comment_for_task(task)
    assert (posted["text"], posted["task_status_id"]) == ("Still going", statuses["wip"]["id"])
    result = run("comment", task["id"], "x", "--status", "no-such-status", code=1)
    assert result.stderr == "Task status not found: no-such-status\n"
    assert gazu.task.get_last_comment_for_task(task)["id"] == posted["id"]


def test_a_user_outside_the_production_is_not_allowed(kitsu_sandbox, env, production):
    password = "artist-password-1"
    artist = gazu.person.new_person("Ada", unique("artist"), "%s@example.com" % unique("artist"), password=password)
    env.delenv("KITSU_ACCESS_TOKEN")
    env.setenv("KITSU_LOGIN", artist["email"])
    env.setenv("KITSU_PASSWORD", password)
    result = run("comment", production["task"]["id"], "let me in", code=1)
    assert result.stderr == "Permission denied.\n"
    run("--detailed-exit-codes", "comment", production["task"]["id"], "let me in", code=5)


def test_persons_and_studio_lists(env, production):
    me = production["me"]
    table = run("persons")
    assert me["email"] in column(table, "EMAIL") and me["first_name"] in column(table, "FIRST NAME")
    assert me["id"] in [item["id"] for item in run_json("persons")]

    project, asset_type, task_type = production["project"], production["asset_type"], production["task_type"]
    assert asset_type["name"] in column(run("asset-types"), "NAME")
    assert [item["id"] for item in run_json("asset-types", "-p", project["name"])] == [asset_type["id"]]
    assert task_type["name"] in column(run("task-types"), "NAME")
    assert [item["id"] for item in run_json("task-types", "-p", project["name"])] == [task_type["id"]]
    table = run("task-statuses")
    assert {"todo", "wip", "wfa", "done"} <= set(column(table, "SHORT"))
    assert {item["short_name"] for item in run_json("task-statuses")} >= {"todo", "wip", "wfa", "done"}
    gazu.project.add_task_status(project, production["statuses"]["wfa"])
    assert [item["short_name"] for item in run_json("task-statuses", "-p", project["id"])] == ["wfa"]


def test_search(env, production):
    # Zou answers short queries itself; longer ones need its indexer, which the sandbox does not run.
    assert run("search", "ch", "-p", production["project"]["name"]).stdout == ""
    assert run_json("search", "ch", "-t", "asset") == {}
    result = run("search", production["asset"]["name"], "-t", "asset", code=1)
    assert result.stderr == "Server error. Check your Kitsu instance.\n"


# Publishing and downloading -----------------------------------------------------------------------


def a_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("scene.txt", "frame 1-48\n" * 200)
        archive.writestr("data.bin", bytes(range(256)) * 400)
    return buffer.getvalue()


def test_publish_then_download_round_trip_byte_for_byte(env, production, tmp_path):
    task, statuses = production["task"], production["statuses"]
    package = tmp_path / "layout_v1.zip"
    package.write_bytes(a_zip())

    result = run("publish", task["id"], package, "-m", "layout v1", "--status", "wfa")
    assert result.stdout.startswith("Published layout_v1.zip as revision 1 of task %s (status: wfa)" % task["id"])
    assert result.stderr == ""  # no progress bar outside a terminal
    assert gazu.task.get_task(task["id"])["task_status_id"] == statuses["wfa"]["id"]
    comment = gazu.task.get_last_comment_for_task(task)
    assert comment["text"] == "layout v1"

    second = run_json("publish", task["id"], package, "-m", "layout v2", "--wait", "30")
    assert second["preview_file"]["revision"] == 2 and second["comment"]["text"] == "layout v2"
    assert second["comment"]["task_status_id"] == statuses["wfa"]["id"]  # kept
    assert gazu.client.get("data/comments/" + second["comment"]["id"])["previews"] == [second["preview_file"]["id"]]

    target = tmp_path / "out" / "fetched.zip"
    target.parent.mkdir()
    result = run("download", task["id"], target)
    assert result.stdout == "Downloaded revision 2 (preview %s) to %s\n" % (second["preview_file"]["id"], target)
    assert target.read_bytes() == package.read_bytes()
    assert os.listdir(target.parent) == ["fetched.zip"]

    folder = tmp_path / "folder"
    folder.mkdir()
    data = run_json("download", task["id"], folder)
    assert data["path"] == str(folder / "layout_v1.zip") and data["size"] == len(package.read_bytes())
    assert (folder / "layout_v1.zip").read_bytes() == package.read_bytes()


def test_publish_a_thumbnail_and_download_the_entitys_previews(env, production, tmp_path):
    from tests.integration.test_task import png, png_size

    task, shot, task_type = production["task"], production["shot"], production["task_type"]
    run("download", shot["id"], tmp_path, code=1)  # no main preview yet
    picture = tmp_path / "still.png"
    picture.write_bytes(png(32, 18))
    published = run_json("publish", task["id"], picture, "--set-thumbnail", "--wait", "60")
    assert published["preview_file"]["status"] == "ready"
    assert gazu.entity.get_entity(shot["id"])["preview_file_id"] == published["preview_file"]["id"]

    main = tmp_path / "main.png"
    run("download", shot["id"], main)
    assert png_size(main.read_bytes()) == (32, 18)
    by_type = tmp_path / "by_type.png"
    run("download", shot["id"], by_type, "--task-type", task_type["name"])
    assert by_type.read_bytes() == main.read_bytes()
    run("--detailed-exit-codes", "download", shot["id"], tmp_path / "none.png", "--task-type", "Modeling", code=4)
    assert not (tmp_path / "none.png").exists()


def test_publish_of_a_file_the_server_refuses_leaves_no_empty_preview(env, production, tmp_path):
    task = production["task"]
    odd = tmp_path / "notes.xyz"
    odd.write_bytes(b"not a preview")
    result = run("publish", task["id"], odd, "-m", "odd file", code=1)
    assert "Wrong file format" in result.stderr or "400" in result.stderr
    assert gazu.files.get_all_preview_files_for_task(task) == []


# The installed entry point ----------------------------------------------------------------------


def test_the_gazu_cli_process(kitsu_sandbox, admin_client, production, tmp_path):
    settings = {name: value for name, value in os.environ.items() if name not in _SETTINGS}
    settings.update(KITSU_HOST=kitsu_sandbox.host, KITSU_ACCESS_TOKEN=admin_client.access_token,
                    HOME=str(tmp_path), KITSU_PROJECT=production["project"]["name"])

    def gazu_cli(*args):
        return subprocess.run([GAZU_CLI, *args], env=settings, capture_output=True, text=True, timeout=120)

    listed = gazu_cli("shots", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [shot["id"] for shot in json.loads(listed.stdout)] == [production["shot"]["id"]]
    table = gazu_cli("tasks")
    assert table.returncode == 0 and production["task"]["id"] in table.stdout
    assert gazu_cli("task", str(uuid.uuid4())).returncode == 1
    assert gazu_cli("--detailed-exit-codes", "task", str(uuid.uuid4())).returncode == 4
    assert gazu_cli("assets", "--bogus").returncode == 2
    assert gazu_cli("--version").stdout.strip() == "gazu-cli, version %s" % gazu.__version__
    settings.pop("KITSU_ACCESS_TOKEN")
    stopped = gazu_cli("status")
    assert (stopped.returncode, stopped.stderr) == (1, "Not logged in. Run: gazu-cli login --host <URL>\n")
    settings["GAZU_CLI_EXIT_CODES"] = "detailed"
    assert gazu_cli("status").returncode == 3
