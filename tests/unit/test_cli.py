"""gazu-cli (gazu/cli.py, gazu/_cli_commands.py, gazu/_cli_previews.py) on the mocked Kitsu.

Every command runs through click's CliRunner with the settings a CI job
would give (KITSU_HOST, KITSU_ACCESS_TOKEN) and a private config folder.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from unittest import mock

import pytest
import requests
from click.testing import CliRunner

import gazu
import gazu.cli
from gazu import exception
from tests.unit.conftest import HOST, body_bytes, new_id
from tests.unit.test_task_comments import multipart

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOKEN = "secret-access-token-123"
PROJECT = {"id": new_id(), "name": "Agent 327", "production_type": "tvshow", "fps": "24", "project_status_id": None}
OTHER_PROJECT = {"id": new_id(), "name": "Spring", "production_type": "short", "fps": "25"}
SEQUENCE = {"id": new_id(), "name": "SQ01", "parent_id": None}
SHOT = {"id": new_id(), "name": "SH010", "parent_id": SEQUENCE["id"], "project_id": PROJECT["id"], "nb_frames": 48}
ASSET_TYPE = {"id": new_id(), "name": "Props"}
ASSET = {"id": new_id(), "name": "Chair", "entity_type_id": ASSET_TYPE["id"], "description": "a\nwooden chair"}
TASK_TYPE = {"id": new_id(), "name": "Animation", "short_name": "anim", "for_entity": "Shot"}
WIP = {"id": new_id(), "name": "Work In Progress", "short_name": "wip", "is_done": False}
WFA = {"id": new_id(), "name": "Waiting For Approval", "short_name": "wfa", "is_feedback_request": True}
PERSON = {"id": new_id(), "full_name": "Ada Lovelace", "email": "ada@example.com", "role": "admin", "active": True}
TASK = {"id": new_id(), "entity_id": SHOT["id"], "task_type_id": TASK_TYPE["id"], "task_status_id": WIP["id"],
        "assignees": [PERSON["id"]], "due_date": None}
FULL_TASK = {**TASK, "project": PROJECT, "entity": SHOT, "task_type": TASK_TYPE, "task_status": WIP,
             "persons": [PERSON]}


def runner() -> CliRunner:
    """A CliRunner keeping stderr apart (click < 8.2, the last for Python 3.9, mixes it in by default)."""
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 always keeps it apart
        return CliRunner()


@pytest.fixture
def env(monkeypatch, tmp_path):
    """The environment of a CI job: host and bot token from the environment, a private config folder."""
    for name in ("KITSU_HOST", "KITSU_ACCESS_TOKEN", "KITSU_LOGIN", "KITSU_PASSWORD", "KITSU_PROJECT", "GAZU_PROJECT",
                 "CI"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(gazu.cli, "CONFIG_DIR", str(tmp_path / ".gazu"))  # as upstream's tests do
    monkeypatch.setattr(gazu.cli, "CONFIG_FILE", str(tmp_path / ".gazu" / "config.json"))
    monkeypatch.setenv("KITSU_HOST", HOST)
    monkeypatch.setenv("KITSU_ACCESS_TOKEN", TOKEN)
    return monkeypatch


@pytest.fixture
def no_retries(monkeypatch):
    monkeypatch.setattr(gazu.client.default_client, "retries", 0)


def run(*args, input=None):
    return runner().invoke(gazu.cli.cli, [str(arg) for arg in args], input=input)


def auth_headers(kitsu):
    return [call.request.headers.get("Authorization") for call in kitsu.mock.calls]


def table(result):
    """The rows of a printed table, split on runs of 2+ spaces."""
    return [re.split(r"\s{2,}", line.strip()) for line in result.stdout.splitlines() if line.strip()]


# Import cost and surface -----------------------------------------------------------------


@pytest.mark.parametrize("module", ["gazu", "gazu.cli"])
def test_importing_does_not_import_click(module):
    code = "import sys, %s; print('click' in sys.modules)" % module
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_the_group_is_built_on_first_use():
    assert gazu.cli.cli.name == "gazu-cli"
    with pytest.raises(AttributeError):
        gazu.cli.no_such_thing  # noqa: B018


def test_main_is_the_console_script(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["gazu-cli", "--version"])
    with pytest.raises(SystemExit) as stopped:
        gazu.cli.main()
    assert stopped.value.code == 0
    assert "gazu-cli, version %s" % gazu.__version__ in capsys.readouterr().out


# Exit codes --------------------------------------------------------------------------------


@pytest.mark.parametrize("error, code", [
    (exception.AuthFailedException("x"), 3),
    (exception.NotAuthenticatedException("x"), 3),
    (exception.RouteNotFoundException("x"), 4),
    (exception.ProjectDoesntExistException("x"), 4),
    (exception.TaskStatusNotFoundException("x"), 4),
    (gazu.cli.NotFoundException("x"), 4),
    (exception.NotAllowedException("x"), 5),
    (exception.NetworkException("x"), 6),
    (exception.TimeoutException("x"), 6),
    (exception.HostException("x"), 6),
    (exception.ServerErrorException("x"), 6),
    (exception.MethodNotAllowedException("x"), 6),
    (exception.UnexpectedResponseException("x"), 6),
    (exception.UploadFailedException("x"), 6),
    (exception.DownloadFileException("x"), 6),
    (exception.PreviewFileProcessingException("x"), 6),
    (exception.ParameterException("x", status=400), 7),
    (exception.ValidationException("Not enough segments", status=422), 3),
    (exception.InvalidArgumentException("x"), 7),
    (exception.TooBigFileException("x"), 7),
    (exception.FileDoesntExistException("x"), 7),
    (PermissionError("x"), 7),
    (exception.GazuException("x"), 1),
    (KeyError("x"), 1),
])
def test_exit_code_table(error, code):
    assert gazu.cli.exit_code_for(error) == code


def test_exit_codes_are_documented_in_help_and_docs(env):
    help_text = run("--help").stdout
    with open(os.path.join(ROOT, "docs", "cli.md"), encoding="utf-8") as handle:
        docs = handle.read()
    for code, meaning in gazu.cli.EXIT_MEANINGS.items():
        assert "%d  %s" % (code, meaning) in help_text
        assert "| %d | %s |" % (code, meaning) in docs


@pytest.mark.parametrize("status, code", [(401, 3), (422, 3), (403, 5), (404, 4), (400, 7), (500, 6), (502, 6)])
def test_http_failures_exit_with_their_code(kitsu, env, no_retries, status, code):
    kitsu.on("GET", "data/projects/open", json={"message": "nope"}, status=status)
    result = run("projects")
    assert result.exit_code == code
    assert result.stderr.startswith("Error: GET data/projects/open: %d" % status)
    assert ("Hint:" in result.stderr) == (code == 3)
    assert TOKEN not in result.output


def test_unreachable_server_exits_6(kitsu, env, no_retries):
    kitsu.on("GET", "data/projects/open", body=requests.exceptions.ConnectionError("refused"))
    result = run("projects")
    assert result.exit_code == 6
    assert "cannot reach" in result.stderr


def test_an_unexpected_error_exits_1_and_names_it(kitsu, env, monkeypatch):
    import logging

    monkeypatch.setattr(logging.getLogger("gazu"), "level", logging.getLogger("gazu").level)  # --verbose sets it
    monkeypatch.setattr(gazu.project, "all_open_projects", lambda: 1 / 0)
    result = run("projects")
    assert result.exit_code == 1
    assert result.stderr == "Error: unexpected ZeroDivisionError: division by zero\n"
    assert "Traceback" in run("--verbose", "projects").stderr


def test_usage_errors_exit_2(kitsu, env):
    assert run("no-such-command").exit_code == 2
    assert run("projects", "--bogus").exit_code == 2
    result = run("assets")
    assert result.exit_code == 2
    assert "no project: pass --project" in result.stderr
    assert kitsu.sent == []


# Stored log-in ---------------------------------------------------------------------------------


def stored(access_token=TOKEN, host=HOST, **more):
    """A log-in as ``login`` stores it, in upstream's format."""
    return {"host": host, "tokens": {"access_token": access_token, **more}}


def test_save_config_is_private_and_atomic(env, tmp_path):
    assert gazu.cli.save_config(stored()) is None
    path = gazu.cli.config_path()
    assert path == gazu.cli.CONFIG_FILE == str(tmp_path / ".gazu" / "config.json")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700
    assert os.listdir(os.path.dirname(path)) == ["config.json"]
    assert gazu.cli.load_config() == stored()
    gazu.cli.save_config({"host": "other"})
    assert gazu.cli.load_config() == {"host": "other"}
    assert os.listdir(os.path.dirname(path)) == ["config.json"]


def test_save_config_tightens_an_existing_folder_and_cleans_up_on_failure(env, tmp_path, monkeypatch):
    folder = tmp_path / ".gazu"
    folder.mkdir(parents=True, mode=0o755)
    os.chmod(folder, 0o755)
    monkeypatch.setattr(gazu.cli.json, "dump", lambda *args, **kwargs: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        gazu.cli.save_config({"host": HOST})
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert os.listdir(folder) == []


def test_load_config_without_file_and_with_a_broken_one(env, capsys):
    assert gazu.cli.load_config() == {}
    path = gazu.cli.config_path()
    os.makedirs(os.path.dirname(path))
    with open(path, "w") as handle:
        handle.write("{not json")
    assert gazu.cli.load_config() == {}
    assert "Warning: ignoring %s" % path in capsys.readouterr().err


def test_load_config_makes_a_readable_file_private_again(env, capsys):
    gazu.cli.save_config({"host": HOST})
    path = gazu.cli.config_path()
    os.chmod(path, 0o644)
    assert gazu.cli.load_config() == {"host": HOST}
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert "readable by others" in capsys.readouterr().err


def test_clear_config(env):
    assert gazu.cli.clear_config() is None
    gazu.cli.save_config({"host": HOST})
    assert gazu.cli.clear_config() is None
    assert not os.path.exists(gazu.cli.config_path())


def test_the_config_is_where_upstreams_gazu_cli_keeps_it(tmp_path):
    code = "import gazu.cli; print(gazu.cli.CONFIG_DIR); print(gazu.cli.CONFIG_FILE)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                         env={**os.environ, "HOME": str(tmp_path)})
    assert out.stdout.splitlines() == [str(tmp_path / ".gazu"), str(tmp_path / ".gazu" / "config.json")]


def test_a_session_stored_by_upstreams_gazu_cli_is_used(kitsu, env):
    """Upstream stores ``{"host", "tokens"}``; its tests patch load_config with that shape."""
    env.delenv("KITSU_HOST")
    env.delenv("KITSU_ACCESS_TOKEN")
    kitsu.on("GET", "data/projects/open", json=[])
    with mock.patch.object(gazu.cli, "load_config", return_value={"host": HOST, "tokens": {"access_token": "x"}}):
        assert run("projects").exit_code == 0
    assert auth_headers(kitsu) == ["Bearer x"]


@pytest.mark.parametrize("config", [{"host": HOST, "tokens": None}, {"host": HOST, "tokens": {"access_token": 3}},
                                    {"host": HOST, "access_token": TOKEN}])
def test_a_stored_session_without_usable_tokens_is_no_log_in(kitsu, env, config):
    env.delenv("KITSU_ACCESS_TOKEN")
    gazu.cli.save_config(config)
    result = run("projects")
    assert result.exit_code == 3 and "not logged in to" in result.stderr
    assert kitsu.sent == []


def test_setup_client_returns_nothing_as_upstream(kitsu, env):
    assert gazu.cli.setup_client() is None
    assert gazu.client.default_client.tokens == {"access_token": TOKEN}
    assert gazu.cli._connect() == {"host": HOST, "credentials": "KITSU_ACCESS_TOKEN"}


def test_upstreams_module_names_exist(env):
    import click

    assert gazu.cli.click is click and gazu.cli.raw is gazu.client and gazu.cli.gazu_task is gazu.task
    assert gazu.cli.tasks is gazu.cli.cli.commands["tasks"] and gazu.cli.my_tasks.name == "my-tasks"
    with pytest.raises(AttributeError):
        gazu.cli._private_name  # noqa: B018


# login, logout, status ----------------------------------------------------------------------

LOGIN_ANSWER = {"login": True, "user": PERSON, "access_token": TOKEN, "refresh_token": "secret-refresh"}


def test_login_stores_a_private_session_and_prints_no_secret(kitsu, env):
    env.delenv("KITSU_ACCESS_TOKEN")
    kitsu.on("POST", "auth/login", json=LOGIN_ANSWER)
    result = run("login", "--email", "ada@example.com", "--password", "pw0rd!")
    assert result.exit_code == 0, result.output
    assert kitsu.sent == [("POST", "auth/login", {}, {"email": "ada@example.com", "password": "pw0rd!"})]
    path = gazu.cli.config_path()
    assert result.stdout == "Logged in to %s as Ada Lovelace <ada@example.com>; session stored in %s\n" % (HOST, path)
    for secret in (TOKEN, "secret-refresh", "pw0rd!"):
        assert secret not in result.output
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert gazu.cli.load_config() == {"host": HOST, "email": "ada@example.com",
                                      "tokens": {"access_token": TOKEN, "refresh_token": "secret-refresh"}}
    assert "pw0rd!" not in open(path).read()


def test_login_prompts_for_what_is_missing_and_hides_the_password(kitsu, env):
    env.delenv("KITSU_ACCESS_TOKEN")
    env.delenv("KITSU_HOST")
    kitsu.on("POST", "auth/login", json=LOGIN_ANSWER)
    result = run("login", "--totp", "123456", input=HOST + "/\nada@example.com\nhidden-pw\n")
    assert result.exit_code == 0, result.output
    assert "hidden-pw" not in result.output
    assert kitsu.sent == [("POST", "auth/login", {}, {"email": "ada@example.com", "password": "hidden-pw",
                                                     "totp": "123456"})]
    assert gazu.cli.load_config()["host"] == HOST


def test_login_takes_host_and_credentials_from_the_environment(kitsu, env):
    env.setenv("KITSU_LOGIN", "ada@example.com")
    env.setenv("KITSU_PASSWORD", "pw")
    kitsu.on("POST", "auth/login", json=LOGIN_ANSWER)
    result = run("login")
    assert result.exit_code == 0, result.output
    assert kitsu.last[3] == {"email": "ada@example.com", "password": "pw"}


def test_login_option_beats_the_environment(kitsu, env):
    env.setenv("KITSU_HOST", "http://elsewhere.test/api")
    kitsu.on("POST", "auth/login", json=LOGIN_ANSWER)
    assert run("login", "--host", HOST, "-e", "ada@example.com", "--password", "pw").exit_code == 0
    assert run("--host", HOST, "login", "-e", "ada@example.com", "--password", "pw").exit_code == 0
    assert [call.request.url for call in kitsu.mock.calls] == [HOST + "/auth/login"] * 2


def test_refused_login_exits_3_and_stores_nothing(kitsu, env):
    kitsu.on("POST", "auth/login", json={"login": False, "message": "Wrong password"}, status=400)
    result = run("login", "-e", "ada@example.com", "--password", "bad")
    assert result.exit_code == 3
    assert "Wrong password" in result.stderr
    assert "bad" not in result.output.replace("ada@example.com", "")
    assert not os.path.exists(gazu.cli.config_path())


def test_logout_closes_the_session_and_forgets_it(kitsu, env):
    gazu.cli.save_config({**stored(), "email": "ada@example.com"})
    kitsu.on("GET", "auth/logout", json={"logout": True})
    result = run("logout")
    assert result.exit_code == 0
    assert kitsu.sent == [("GET", "auth/logout", {}, None)]
    assert auth_headers(kitsu) == ["Bearer " + TOKEN]
    assert not os.path.exists(gazu.cli.config_path())
    assert run("logout").stdout.startswith("Not logged in")


def test_logout_forgets_the_session_even_when_the_server_fails(kitsu, env, no_retries):
    gazu.cli.save_config(stored())
    kitsu.on("GET", "auth/logout", json={"message": "down"}, status=500)
    result = run("logout")
    assert result.exit_code == 0
    assert "Warning: the server did not close the session" in result.stderr
    assert not os.path.exists(gazu.cli.config_path())


def _status_routes(kitsu):
    kitsu.on("GET", "auth/authenticated", json={"authenticated": True, "user": PERSON})
    kitsu.on("GET", "", json={"api": "Zou", "version": "1.0.97"})


def test_status(kitsu, env):
    _status_routes(kitsu)
    result = run("status")
    assert result.exit_code == 0
    assert table(result) == [["HOST", HOST], ["VERSION", "1.0.97"], ["USER", "Ada Lovelace"],
                             ["EMAIL", "ada@example.com"], ["ROLE", "admin"], ["CREDENTIALS", "KITSU_ACCESS_TOKEN"]]
    data = json.loads(run("status", "--json").stdout)
    assert data == {"logged_in": True, "host": HOST, "credentials": "KITSU_ACCESS_TOKEN", "api_version": "1.0.97",
                    "user": {key: PERSON[key] for key in ("id", "full_name", "email", "role")}}


def test_status_when_not_logged_in_exits_3(kitsu, env):
    env.delenv("KITSU_ACCESS_TOKEN")
    result = run("status", "--json")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert data["logged_in"] is False and "not logged in to %s" % HOST in data["reason"]
    assert kitsu.sent == []


# Where the settings come from ------------------------------------------------------------------


def test_the_stored_session_is_used_when_the_environment_has_none(kitsu, env):
    env.delenv("KITSU_HOST")
    env.delenv("KITSU_ACCESS_TOKEN")
    gazu.cli.save_config({**stored("stored-token"), "email": "ada@example.com"})
    kitsu.on("GET", "data/projects/open", json=[])
    assert run("projects").exit_code == 0
    assert auth_headers(kitsu) == ["Bearer stored-token"]


def test_the_environment_beats_the_stored_session(kitsu, env):
    gazu.cli.save_config(stored("stored-token", host="http://stored.test/api"))
    kitsu.on("GET", "data/projects/open", json=[])
    assert run("projects").exit_code == 0
    assert auth_headers(kitsu) == ["Bearer " + TOKEN]


def test_the_host_option_beats_the_environment(kitsu, env):
    env.setenv("KITSU_HOST", "http://elsewhere.test/api")
    kitsu.on("GET", "data/projects/open", json=[])
    assert run("--host", HOST, "projects").exit_code == 0
    assert kitsu.mock.calls[0].request.url == HOST + "/data/projects/open"


def test_a_stored_token_is_never_sent_to_another_host(kitsu, env):
    env.delenv("KITSU_ACCESS_TOKEN")
    gazu.cli.save_config(stored("stored-token", host="http://stored.test/api"))
    result = run("projects")
    assert result.exit_code == 3
    assert "not logged in to %s" % HOST in result.stderr
    assert kitsu.sent == []


def test_login_and_password_from_the_environment_log_in_each_run(kitsu, env):
    env.delenv("KITSU_ACCESS_TOKEN")
    env.setenv("KITSU_LOGIN", "bot@example.com")
    env.setenv("KITSU_PASSWORD", "pw")
    kitsu.on("POST", "auth/login", json=LOGIN_ANSWER)
    kitsu.on("GET", "data/projects/open", json=[])
    assert run("projects").exit_code == 0
    assert [request[:2] for request in kitsu.sent] == [("POST", "auth/login"), ("GET", "data/projects/open")]
    assert not os.path.exists(gazu.cli.config_path())


@pytest.mark.parametrize("unset, set_, message", [
    (["KITSU_HOST", "KITSU_ACCESS_TOKEN"], {}, "no Kitsu host"),
    (["KITSU_ACCESS_TOKEN"], {"KITSU_LOGIN": "bot@example.com"}, "KITSU_LOGIN and KITSU_PASSWORD must be set"),
])
def test_missing_settings_exit_3(kitsu, env, unset, set_, message):
    for name in unset:
        env.delenv(name)
    for name, value in set_.items():
        env.setenv(name, value)
    result = run("projects")
    assert result.exit_code == 3
    assert message in result.stderr
    assert kitsu.sent == []


def test_a_refreshed_token_is_stored_for_the_next_run(kitsu, env):
    env.delenv("KITSU_ACCESS_TOKEN")
    gazu.cli.save_config({**stored("expired", refresh_token="refresh"), "email": "ada@example.com"})
    kitsu.on("GET", "data/projects/open", json={"message": "expired"}, status=401)
    kitsu.on("GET", "auth/refresh-token", json={"access_token": "fresh"})
    kitsu.on("GET", "data/projects/open", json=[])
    assert run("projects").exit_code == 0
    assert gazu.cli.load_config() == {**stored("fresh", refresh_token="refresh"), "email": "ada@example.com"}


@pytest.mark.parametrize("given, expected", [
    ("https://kitsu.example.com/api/", "https://kitsu.example.com/api"),
    (" http://localhost:5000 ", "http://localhost:5000"),
    ("https://example.com/kitsu/api", "https://example.com/kitsu/api"),
])
def test_normalize_host(given, expected):
    assert gazu.cli.normalize_host(given) == expected


@pytest.mark.parametrize("bad", ["kitsu.example.com", "ftp://kitsu.example.com", "https://", ""])
def test_a_host_that_is_no_url_exits_7(kitsu, env, bad):
    with pytest.raises(exception.ParameterException, match="^host: expected a Kitsu API URL"):
        gazu.cli.normalize_host(bad)
    env.setenv("KITSU_HOST", bad)
    assert run("projects").exit_code == (7 if bad else 3)
    assert kitsu.sent == []


# Projects, names and printing ------------------------------------------------------------------


def test_resolve_project_by_id_and_name(kitsu):
    kitsu.on("GET", "data/projects/" + PROJECT["id"], json=PROJECT)
    kitsu.on("GET", "data/projects", json=[PROJECT])
    assert gazu.cli.resolve_project(PROJECT["id"]) == PROJECT
    assert gazu.cli.resolve_project("Agent 327") == PROJECT
    assert kitsu.last == ("GET", "data/projects", {"name": "Agent 327"}, None)


def test_resolve_project_unknown_name(kitsu):
    kitsu.on("GET", "data/projects", json=[])
    with pytest.raises(exception.ProjectDoesntExistException, match="no project named 'Nope'"):
        gazu.cli.resolve_project("Nope")


def test_get_project_from_option_falls_back_on_kitsu_project(kitsu, env):
    import click

    kitsu.on("GET", "data/projects", json=[PROJECT])
    assert gazu.cli.get_project_from_option("Agent 327") == PROJECT
    env.setenv("GAZU_PROJECT", "Agent 327")  # upstream's name
    assert gazu.cli.get_project_from_option(None) == PROJECT
    env.setenv("KITSU_PROJECT", "Agent 327")
    env.setenv("GAZU_PROJECT", "Spring")
    assert gazu.cli.get_project_from_option(None) == PROJECT
    assert kitsu.sent[-1] == ("GET", "data/projects", {"name": "Agent 327"}, None)
    env.delenv("KITSU_PROJECT")
    env.delenv("GAZU_PROJECT")
    with pytest.raises(click.UsageError):
        gazu.cli.get_project_from_option(None)


def test_print_table_aligns_columns(capsys):
    rows = [{"name": "Chair", "tags": ["a", "b"], "done": True, "owner": {"name": "Ada"}, "note": None},
            {"name": "Big table", "tags": [], "done": False, "owner": None, "note": "x" * 80}]
    gazu.cli.print_table(rows, ["name", ("TAGS", "tags"), "done", ("OWNER", lambda row: row["owner"]), "note"])
    assert capsys.readouterr().out.splitlines() == [
        "NAME       TAGS  DONE  OWNER  NOTE",
        "Chair      a, b  yes   Ada",
        "Big table        no           " + "x" * 59 + "…",
    ]


def test_output_prints_json_when_asked(capsys):
    class Context:
        def __init__(self, params, parent=None):
            self.params, self.parent = params, parent

    gazu.cli.output(Context({"as_json": True}), [{"name": "é"}], ["name"])
    assert json.loads(capsys.readouterr().out) == [{"name": "é"}]
    gazu.cli.output(Context({}, parent=Context({"as_json": True})), {"id": 1}, ["id"])
    assert json.loads(capsys.readouterr().out) == {"id": 1}
    gazu.cli.output(Context({}), {"id": 1, "name": "Chair"}, ["name", ("IDENTIFIER", "id")])
    assert capsys.readouterr().out == "NAME        Chair\nIDENTIFIER  1\n"


def test_handle_errors_lets_click_exits_through():
    import click

    @gazu.cli.handle_errors
    def stop():
        raise click.exceptions.Exit(0)

    with pytest.raises(click.exceptions.Exit):
        stop()


# Every listing command: table and --json ----------------------------------------------------

PID = PROJECT["id"]
BY_NAME = ("data/projects", [PROJECT])
LISTINGS = [
    (["projects"], [("data/projects/open", [PROJECT, OTHER_PROJECT]), ("data/project-status", [])],
     [["NAME", "TYPE", "STATUS", "FPS", "ID"], ["Agent 327", "tvshow", "24", PID]],
     [("GET", "data/projects/open", {}, None), ("GET", "data/project-status", {}, None)]),
    (["projects", "--all"], [("data/projects", [PROJECT]), ("data/project-status", [])],
     [["NAME", "TYPE", "STATUS", "FPS", "ID"]], None),
    (["project", "Agent 327"], [BY_NAME, ("data/project-status", [{"id": "st", "name": "Open"}])],
     [["NAME", "Agent 327"], ["ID", PID]], [("GET", "data/projects", {"name": "Agent 327"}, None)]),
    (["assets", "-p", "Agent 327"], [BY_NAME, ("data/projects/%s/assets" % PID, [ASSET]),
                                    ("data/asset-types", [ASSET_TYPE])],
     [["NAME", "TYPE", "DESCRIPTION", "ID"], ["Chair", "Props", "a wooden chair", ASSET["id"]]], None),
    (["assets", "-p", PID, "--type", "Props"],
     [("data/projects/" + PID, PROJECT), ("data/entity-types", [ASSET_TYPE]),
      ("data/projects/%s/asset-types/%s/assets" % (PID, ASSET_TYPE["id"]), [ASSET]), ("data/asset-types", [])],
     [["NAME", "TYPE", "DESCRIPTION", "ID"]],
     [("GET", "data/projects/" + PID, {}, None), ("GET", "data/entity-types", {"name": "Props"}, None),
      ("GET", "data/projects/%s/asset-types/%s/assets" % (PID, ASSET_TYPE["id"]), {}, None)]),
    (["asset", ASSET["id"]], [("data/assets/" + ASSET["id"], {**ASSET, "asset_type_name": "Props"})],
     [["NAME", "Chair"], ["ID", ASSET["id"]], ["TYPE", "Props"]], [("GET", "data/assets/" + ASSET["id"], {}, None)]),
    (["asset", "Chair", "-p", "Agent 327"], [BY_NAME, ("data/assets/all", [ASSET]),
                                             ("data/assets/" + ASSET["id"], {**ASSET, "asset_type_name": "Props"})],
     [["NAME", "Chair"], ["TYPE", "Props"]],
     [("GET", "data/projects", {"name": "Agent 327"}, None),
      ("GET", "data/assets/all", {"project_id": PID, "name": "Chair"}, None),
      ("GET", "data/assets/" + ASSET["id"], {}, None)]),
    (["episodes", "-p", "Agent 327"], [BY_NAME, ("data/projects/%s/episodes" % PID, [{"id": "e", "name": "E01"}])],
     [["NAME", "STATUS", "DESCRIPTION", "ID"], ["E01", "e"]], None),
    (["sequences", "-p", "Agent 327"], [BY_NAME, ("data/projects/%s/sequences" % PID, [SEQUENCE]),
                                       ("data/projects/%s/episodes" % PID, [])],
     [["NAME", "EPISODE", "DESCRIPTION", "ID"], ["SQ01", SEQUENCE["id"]]], None),
    (["shots", "-p", "Agent 327"], [BY_NAME, ("data/projects/%s/shots" % PID, [SHOT]),
                                   ("data/projects/%s/sequences" % PID, [SEQUENCE])],
     [["NAME", "SEQUENCE", "FRAMES", "DESCRIPTION", "ID"], ["SH010", "SQ01", "48", SHOT["id"]]], None),
    (["shots", "-p", "Agent 327", "-s", "SQ01"],
     [BY_NAME, ("data/sequences", [SEQUENCE]), ("data/sequences/%s/shots" % SEQUENCE["id"], [SHOT]),
      ("data/projects/%s/sequences" % PID, [SEQUENCE])],
     [["NAME", "SEQUENCE", "FRAMES", "DESCRIPTION", "ID"], ["SH010", "SQ01", "48", SHOT["id"]]],
     [("GET", "data/projects", {"name": "Agent 327"}, None),
      ("GET", "data/sequences", {"project_id": PID, "name": "SQ01"}, None),
      ("GET", "data/sequences/%s/shots" % SEQUENCE["id"], {}, None)]),
    (["shot-casting", SHOT["id"]],
     [("data/shots/" + SHOT["id"], SHOT), ("data/projects/%s/entities/%s/casting" % (PID, SHOT["id"]),
                                          [{"asset_id": ASSET["id"], "asset_name": "Chair", "asset_type_name": "Props",
                                            "nb_occurences": 2, "label": "animate"}])],
     [["ASSET", "TYPE", "OCCURRENCES", "LABEL", "ASSET ID"], ["Chair", "Props", "2", "animate", ASSET["id"]]], None),
    (["tasks", "-p", "Agent 327"],
     [BY_NAME, ("data/tasks", [TASK]), ("data/projects/%s/assets" % PID, []),
      ("data/projects/%s/shots" % PID, [SHOT]), ("data/task-types", [TASK_TYPE]), ("data/task-status", [WIP]),
      ("data/persons", [PERSON])],
     [["ENTITY", "TASK TYPE", "STATUS", "ASSIGNEES", "DUE", "ID"],
      ["SH010", "Animation", "wip", "Ada Lovelace", TASK["id"]]], None),
    (["tasks", "-p", "Agent 327", "--task-type", "anim", "--status", "wip"],
     [BY_NAME, ("data/task-status", [WIP]), ("data/task-types", [TASK_TYPE]), ("data/tasks", [TASK]),
      ("data/projects/%s/assets" % PID, []), ("data/projects/%s/shots" % PID, [SHOT]), ("data/persons", [PERSON])],
     [["ENTITY", "TASK TYPE", "STATUS", "ASSIGNEES", "DUE", "ID"],
      ["SH010", "Animation", "wip", "Ada Lovelace", TASK["id"]]],
     [("GET", "data/projects", {"name": "Agent 327"}, None), ("GET", "data/task-types", {"name": "anim"}, None),
      ("GET", "data/task-status", {"short_name": "wip"}, None),
      ("GET", "data/tasks", {"project_id": PID, "task_type_id": TASK_TYPE["id"], "task_status_id": WIP["id"],
                             "relations": "true"}, None)]),
    (["task", TASK["id"]], [("data/tasks/%s/full" % TASK["id"], FULL_TASK)],
     [["ID", TASK["id"]], ["PROJECT", "Agent 327"], ["ENTITY", "SH010"], ["TASK TYPE", "Animation"],
      ["STATUS", "wip"], ["ASSIGNEES", "Ada Lovelace"]], [("GET", "data/tasks/%s/full" % TASK["id"], {}, None)]),
    (["my-tasks"], [("data/user/tasks", [{"id": TASK["id"], "project_name": "Agent 327", "entity_name": "SH010",
                                          "task_type_name": "Animation", "task_status_short_name": "wip"}])],
     [["PROJECT", "ENTITY", "TASK TYPE", "STATUS", "DUE", "ID"], ["Agent 327", "SH010", "Animation", "wip",
                                                                 TASK["id"]]],
     [("GET", "data/user/tasks", {}, None)]),
    (["my-tasks", "--done"], [("data/user/done-tasks", [])],
     [["PROJECT", "ENTITY", "TASK TYPE", "STATUS", "DUE", "ID"]],
     [("GET", "data/user/done-tasks", {}, None)]),
    (["persons"], [("data/persons", [PERSON])],
     [["NAME", "EMAIL", "ROLE", "ACTIVE", "ID"], ["Ada Lovelace", "ada@example.com", "admin", "yes", PERSON["id"]]],
     None),
    (["asset-types"], [("data/asset-types", [ASSET_TYPE])], [["NAME", "ID"], ["Props", ASSET_TYPE["id"]]], None),
    (["asset-types", "-p", PID], [("data/projects/" + PID, PROJECT),
                                  ("data/projects/%s/asset-types" % PID, [ASSET_TYPE])],
     [["NAME", "ID"], ["Props", ASSET_TYPE["id"]]], None),
    (["task-types"], [("data/task-types", [TASK_TYPE])],
     [["NAME", "SHORT NAME", "FOR", "ID"], ["Animation", "anim", "Shot", TASK_TYPE["id"]]], None),
    (["task-types", "-p", PID], [("data/projects/" + PID, PROJECT), ("data/projects/%s/task-types" % PID, [])],
     [["NAME", "SHORT NAME", "FOR", "ID"]], None),
    (["task-statuses"], [("data/task-status", [WIP])],
     [["NAME", "SHORT NAME", "DONE", "FEEDBACK", "ID"], ["Work In Progress", "wip", "no", WIP["id"]]], None),
    (["task-statuses", "-p", PID], [("data/projects/" + PID, PROJECT),
                                    ("data/projects/%s/settings/task-status" % PID, [WFA])],
     [["NAME", "SHORT NAME", "DONE", "FEEDBACK", "ID"], ["Waiting For Approval", "wfa", "yes", WFA["id"]]], None),
]


def _answer(kitsu, routes):
    for path, answer in routes:
        kitsu.on("GET", path, json=answer)


@pytest.mark.parametrize("args, routes, expected, requests_sent", LISTINGS, ids=[" ".join(c[0][:2]) for c in LISTINGS])
def test_listing_commands(kitsu, env, args, routes, expected, requests_sent):
    _answer(kitsu, routes)
    result = run(*args)
    assert result.exit_code == 0, result.output
    rows = table(result)
    for expected_row in expected:
        assert any(row[:len(expected_row)] == expected_row or set(expected_row) <= set(row) for row in rows), (
            expected_row, rows)
    assert auth_headers(kitsu)[0] == "Bearer " + TOKEN
    if requests_sent is not None:
        assert kitsu.sent[:len(requests_sent)] == requests_sent


# The route whose answer each listing prints (with --json: whole; a look-up by name: its one object).
PRINTED = ["data/projects/open", "data/projects", "data/projects", "data/projects/%s/assets" % PID,
           "data/projects/%s/asset-types/%s/assets" % (PID, ASSET_TYPE["id"]), "data/assets/" + ASSET["id"],
           "data/assets/all", "data/projects/%s/episodes" % PID, "data/projects/%s/sequences" % PID,
           "data/projects/%s/shots" % PID, "data/sequences/%s/shots" % SEQUENCE["id"],
           "data/projects/%s/entities/%s/casting" % (PID, SHOT["id"]), "data/tasks",
           "data/tasks", "data/tasks/%s/full" % TASK["id"], "data/user/tasks", "data/user/done-tasks",
           "data/persons", "data/asset-types", "data/projects/%s/asset-types" % PID, "data/task-types",
           "data/projects/%s/task-types" % PID, "data/task-status", "data/projects/%s/settings/task-status" % PID]


@pytest.mark.parametrize("args, routes, printed", [(c[0], c[1], path) for c, path in zip(LISTINGS, PRINTED)],
                         ids=[" ".join(c[0][:2]) for c in LISTINGS])
def test_listing_commands_print_the_servers_json(kitsu, env, args, routes, printed):
    _answer(kitsu, routes)
    answer = dict(routes)[printed]
    if args[0] in ("project", "asset") and isinstance(answer, list):  # a look-up by name: its one object
        answer = answer[0]
    for argv in (args + ["--json"], ["--json"] + args):
        kitsu.mock.calls.reset()
        result = run(*argv)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == answer
        # Names are looked up for tables only: the last request is the one printed.
        assert kitsu.sent[-1][1] == printed


def test_tasks_filter_by_status(kitsu, env):
    """As upstream's: a --status alone is filtered here; with a --type, the server filters both."""
    done = {**TASK, "id": new_id(), "task_status_id": WFA["id"]}
    _answer(kitsu, [BY_NAME, ("data/tasks", [TASK, done]), ("data/task-status", [WFA]), ("data/task-types", [TASK_TYPE])])
    data = json.loads(run("tasks", "-p", "Agent 327", "--status", "wfa", "--json").stdout)
    assert data == [done]
    assert kitsu.sent == [("GET", "data/projects", {"name": "Agent 327"}, None),
                          ("GET", "data/task-status", {"short_name": "wfa"}, None),
                          ("GET", "data/tasks", {"project_id": PID}, None)]
    kitsu.mock.calls.reset()
    data = json.loads(run("tasks", "-p", "Agent 327", "--status", "wfa", "--type", "anim", "--json").stdout)
    assert data == [TASK, done]  # what the server answers
    assert kitsu.last == ("GET", "data/tasks", {"project_id": PID, "task_type_id": TASK_TYPE["id"],
                                                "task_status_id": WFA["id"]}, None)


def test_tasks_takes_upstreams_type_option(kitsu, env):
    _answer(kitsu, [BY_NAME, ("data/tasks", [TASK]), ("data/task-types", [TASK_TYPE])])
    assert json.loads(run("--json", "tasks", "-p", "Agent 327", "--type", "anim").stdout) == [TASK]
    assert kitsu.last == ("GET", "data/tasks", {"project_id": PID, "task_type_id": TASK_TYPE["id"]}, None)


def test_unknown_names_exit_4(kitsu, env):
    _answer(kitsu, [("data/projects", []), ("data/task-status", []), ("data/tasks/%s/full" % TASK["id"], FULL_TASK)])
    result = run("assets", "-p", "Nope")
    assert result.exit_code == 4
    assert result.stderr == "Error: no project named 'Nope'\n"
    result = run("comment", TASK["id"], "hi", "--status", "nope")
    assert result.exit_code == 4
    assert result.stderr == "Error: no task status named 'nope'\n"


def test_project_comes_from_kitsu_project(kitsu, env):
    env.setenv("KITSU_PROJECT", "Agent 327")
    _answer(kitsu, [BY_NAME, ("data/projects/%s/episodes" % PID, [])])
    assert run("episodes").exit_code == 0
    assert kitsu.sent[0] == ("GET", "data/projects", {"name": "Agent 327"}, None)
    kitsu.mock.calls.reset()
    _answer(kitsu, [("data/projects/" + PID, PROJECT)])
    assert run("episodes", "-p", PID).exit_code == 0
    assert kitsu.sent[0] == ("GET", "data/projects/" + PID, {}, None)


def test_shot_casting_by_name_needs_the_sequence(kitsu, env):
    assert run("shot-casting", "SH010", "-p", "Agent 327").exit_code == 2
    _answer(kitsu, [BY_NAME, ("data/sequences", [SEQUENCE]), ("data/shots/all", [{"id": SHOT["id"]}]),
                    ("data/shots/" + SHOT["id"], SHOT),
                    ("data/projects/%s/entities/%s/casting" % (PID, SHOT["id"]), [])])
    result = run("shot-casting", "SH010", "-p", "Agent 327", "-s", "SQ01", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    assert ("GET", "data/shots/all", {"sequence_id": SEQUENCE["id"], "name": "SH010"}, None) in kitsu.sent


def test_search(kitsu, env):
    answer = {"assets": [ASSET], "persons": [PERSON], "shots": [SHOT]}
    kitsu.mock.add("POST", HOST + "/data/search", json=answer)
    _answer(kitsu, [BY_NAME])
    result = run("search", "chair", "-p", "Agent 327", "-t", "asset", "-t", "person")
    assert result.exit_code == 0, result.output
    assert table(result) == [["KIND", "NAME", "ID"], ["asset", "Chair", ASSET["id"]],
                             ["person", "Ada Lovelace", PERSON["id"]]]
    assert kitsu.last == ("POST", "data/search", {}, {"query": "chair", "project_id": PID})
    assert json.loads(run("search", "chair", "--json").stdout) == answer
    assert json.loads(run("search", "chair", "-t", "shot", "--json").stdout) == {"shots": [SHOT]}
    assert run("search", "chair", "-t", "edit").exit_code == 2


# comment, publish, download ---------------------------------------------------------------------

NO_EXTRAS = {"checklist": [], "links": [], "for_client": False}  # what add_comment sends besides
COMMENT = {"id": new_id(), "object_id": TASK["id"], "text": "hi"}
PREVIEW = {"id": new_id(), "revision": 3, "extension": "png", "original_name": "render", "task_id": TASK["id"],
           "created_at": "2024-01-02T00:00:00"}
UPLOAD = "pictures/preview-files/" + PREVIEW["id"]
ADD_PREVIEW = "actions/tasks/%s/comments/%s/add-preview" % (TASK["id"], COMMENT["id"])


def test_comment_keeps_the_status_by_default(kitsu, env):
    _answer(kitsu, [("data/tasks/%s/full" % TASK["id"], FULL_TASK)])
    kitsu.mock.add("POST", HOST + "/actions/tasks/%s/comment" % TASK["id"], json=COMMENT, status=201)
    result = run("comment", TASK["id"], "Looks good")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Commented on task %s (status: wip); comment %s\n" % (TASK["id"], COMMENT["id"])
    assert kitsu.last == ("POST", "actions/tasks/%s/comment" % TASK["id"], {},
                          {"task_status_id": WIP["id"], "comment": "Looks good", **NO_EXTRAS})


def test_comment_with_a_status_change_as_json(kitsu, env):
    _answer(kitsu, [("data/task-status", [WFA])])
    kitsu.mock.add("POST", HOST + "/actions/tasks/%s/comment" % TASK["id"], json=COMMENT, status=201)
    result = run("comment", TASK["id"], "Please review", "-s", "wfa", "--json")
    assert json.loads(result.stdout) == COMMENT
    assert kitsu.sent == [("GET", "data/task-status", {"short_name": "wfa"}, None),
                          ("POST", "actions/tasks/%s/comment" % TASK["id"], {},
                           {"task_status_id": WFA["id"], "comment": "Please review", **NO_EXTRAS})]


def test_comment_takes_upstreams_options(kitsu, env):
    _answer(kitsu, [("data/task-status", [WFA])])
    kitsu.mock.add("POST", HOST + "/actions/tasks/%s/comment" % TASK["id"], json=COMMENT, status=201)
    result = run("comment", "-t", TASK["id"], "-s", "wfa", "-m", "Please review")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Commented on task %s (status: wfa); comment %s\n" % (TASK["id"], COMMENT["id"])
    assert kitsu.sent == [("GET", "data/task-status", {"short_name": "wfa"}, None),
                          ("POST", "actions/tasks/%s/comment" % TASK["id"], {},
                           {"task_status_id": WFA["id"], "comment": "Please review", **NO_EXTRAS})]


@pytest.mark.parametrize("args", [["comment"], ["comment", "ID", "-t", "ID"], ["comment", "ID", "text", "-m", "text"]])
def test_comment_needs_the_task_and_the_text_once(kitsu, env, args):
    result = run(*args)
    assert result.exit_code == 2 and "once" in result.stderr
    assert kitsu.sent == []


@pytest.fixture
def media(tmp_path):
    path = tmp_path / "render.png"
    path.write_bytes(b"\x89PNG" + bytes(range(256)) * 64)
    return path


def _publish_routes(kitsu, upload_status=201):
    _answer(kitsu, [("data/tasks/%s/full" % TASK["id"], FULL_TASK), ("data/task-status", [WFA])])
    kitsu.mock.add("POST", HOST + "/actions/tasks/%s/comment" % TASK["id"], json=COMMENT, status=201)
    kitsu.mock.add("POST", HOST + "/" + ADD_PREVIEW, json={"id": PREVIEW["id"], "revision": 3}, status=201)
    kitsu.mock.add("POST", HOST + "/" + UPLOAD, json=PREVIEW, status=upload_status)


def test_publish_posts_the_comment_then_uploads_the_preview(kitsu, env, media):
    _publish_routes(kitsu)
    kitsu.mock.add("PUT", HOST + "/actions/preview-files/%s/set-main-preview" % PREVIEW["id"], json=SHOT)
    result = run("publish", TASK["id"], media, "-m", "v3", "--status", "wfa", "--set-thumbnail")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Published render.png as revision 3 of task %s (status: wfa); preview %s\n" % (
        TASK["id"], PREVIEW["id"])
    assert result.stderr == ""  # no progress bar when the output is not a terminal
    assert [request[:2] for request in kitsu.sent] == [
        ("GET", "data/tasks/%s/full" % TASK["id"]), ("GET", "data/task-status"),
        ("POST", "actions/tasks/%s/comment" % TASK["id"]), ("POST", ADD_PREVIEW), ("POST", UPLOAD),
        ("PUT", "actions/preview-files/%s/set-main-preview" % PREVIEW["id"])]
    assert kitsu.sent[2][3] == {"task_status_id": WFA["id"], "comment": "v3", **NO_EXTRAS}
    assert multipart(kitsu, -2) == {"file": ("render.png", media.read_bytes())}


def test_publish_as_json_with_a_forced_progress_bar(kitsu, env, media):
    def read_whole_body(request):
        sent = body_bytes(request)  # as a server would
        assert media.read_bytes() in sent
        return 201, {}, json.dumps(PREVIEW)

    _publish_routes(kitsu)
    kitsu.mock.remove("POST", HOST + "/" + UPLOAD)
    kitsu.mock.add_callback("POST", HOST + "/" + UPLOAD, callback=read_whole_body)
    result = run("publish", TASK["id"], media, "--json", "--progress", "--no-normalize")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"comment": COMMENT, "preview_file": PREVIEW}
    assert result.stderr.startswith("\rUploading render.png [")
    assert re.search(r"\r\S+ render.png \[#{30}\] 100%  0.0/0.0 MB\n$", result.stderr), result.stderr
    assert result.stderr.count("\r") <= 101  # redrawn when the percentage changes, not per chunk
    assert kitsu.sent[-1][:3] == ("POST", UPLOAD, {"normalize": "false"})
    assert kitsu.sent[1][3] == {"task_status_id": WIP["id"], "comment": "", **NO_EXTRAS}


def test_publish_shows_no_bar_in_ci_even_on_a_terminal(monkeypatch):
    from gazu import _cli_previews

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("CI", raising=False)
    assert _cli_previews._show_progress(None) is True
    monkeypatch.setenv("CI", "true")
    assert _cli_previews._show_progress(None) is False
    assert _cli_previews._show_progress(True) is True


def test_publish_removes_the_empty_preview_when_the_upload_fails(kitsu, env, media):
    _publish_routes(kitsu, upload_status=400)
    remove = "actions/tasks/%s/comments/%s/preview-files/%s" % (TASK["id"], COMMENT["id"], PREVIEW["id"])
    kitsu.mock.add("DELETE", HOST + "/" + remove, body="", status=204)
    result = run("publish", TASK["id"], media)
    assert result.exit_code == 7
    assert kitsu.last[:2] == ("DELETE", remove)


def test_publish_waits_for_the_processing_when_asked(kitsu, env, media):
    _publish_routes(kitsu)
    kitsu.on("GET", "data/preview-files/" + PREVIEW["id"], json={**PREVIEW, "status": "ready"})
    result = run("publish", TASK["id"], media, "--wait", "5", "--json")
    assert json.loads(result.stdout)["preview_file"]["status"] == "ready"


def test_publish_says_when_the_processing_failed(kitsu, env, media):
    _publish_routes(kitsu)
    kitsu.on("GET", "data/preview-files/" + PREVIEW["id"], json={**PREVIEW, "status": "broken"})
    result = run("publish", TASK["id"], media, "--wait", "5")
    assert result.exit_code == 6 and "processing failed (status broken)" in result.output


def test_publish_of_a_missing_file_is_a_usage_error(kitsu, env):
    assert run("publish", TASK["id"], "/no/such/file.png").exit_code == 2
    assert kitsu.sent == []


def _download_routes(kitsu, content):
    older = {**PREVIEW, "id": new_id(), "revision": 2}
    _answer(kitsu, [("data/tasks/%s/full" % TASK["id"], FULL_TASK), ("data/preview-files", [older, PREVIEW]),
                    ("data/preview-files/" + PREVIEW["id"], PREVIEW)])
    kitsu.mock.add("GET", HOST + "/pictures/originals/preview-files/%s.png" % PREVIEW["id"], body=content,
                   headers={"Content-Length": str(len(content))})


def test_download_the_latest_preview_of_a_task(kitsu, env, tmp_path):
    content = bytes(range(256)) * 100
    _download_routes(kitsu, content)
    target = tmp_path / "out.png"
    result = run("download", TASK["id"], target)
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == content
    assert result.stdout == "Downloaded revision 3 (preview %s) to %s\n" % (PREVIEW["id"], target)
    assert ("GET", "data/preview-files", {"task_id": TASK["id"]}, None) in kitsu.sent
    assert os.listdir(tmp_path) == ["out.png"]


def test_download_into_a_folder_as_json_with_progress(kitsu, env, tmp_path):
    content = b"x" * 5000
    _download_routes(kitsu, content)
    result = run("download", TASK["id"], tmp_path, "--json", "--progress")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == {"path": str(tmp_path / "render.png"), "size": 5000, "preview_file": PREVIEW}
    assert (tmp_path / "render.png").read_bytes() == content
    assert "Downloading render.png" in result.stderr


def test_download_the_main_preview_of_an_entity(kitsu, env, tmp_path):
    kitsu.on("GET", "data/tasks/%s/full" % SHOT["id"], json={"message": "not found"}, status=404)
    _answer(kitsu, [("data/entities/" + SHOT["id"], {**SHOT, "preview_file_id": PREVIEW["id"]}),
                    ("data/preview-files/" + PREVIEW["id"], PREVIEW)])
    kitsu.mock.add("GET", HOST + "/pictures/originals/preview-files/%s.png" % PREVIEW["id"], body=b"main")
    result = run("download", SHOT["id"], tmp_path / "main.png")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "main.png").read_bytes() == b"main"


def test_download_the_preview_of_an_entitys_task_type(kitsu, env, tmp_path):
    kitsu.on("GET", "data/tasks/%s/full" % SHOT["id"], json={"message": "not found"}, status=404)
    _download_routes(kitsu, b"anim")
    _answer(kitsu, [("data/entities/" + SHOT["id"], SHOT), ("data/task-types", [TASK_TYPE]),
                    ("data/tasks", [TASK])])
    result = run("download", SHOT["id"], tmp_path / "anim.png", "--task-type", "Animation")
    assert result.exit_code == 0, result.output
    assert ("GET", "data/tasks", {"name": "main", "entity_id": SHOT["id"], "task_type_id": TASK_TYPE["id"]},
            None) in kitsu.sent
    assert (tmp_path / "anim.png").read_bytes() == b"anim"


@pytest.mark.parametrize("entity, task_answer, message", [
    ({**SHOT}, None, "SH010 has no main preview: pass --task-type"),
])
def test_download_of_nothing_exits_4(kitsu, env, tmp_path, entity, task_answer, message):
    kitsu.on("GET", "data/tasks/%s/full" % SHOT["id"], json={"message": "not found"}, status=404)
    _answer(kitsu, [("data/entities/" + SHOT["id"], entity)])
    result = run("download", SHOT["id"], tmp_path)
    assert result.exit_code == 4
    assert result.stderr == "Error: %s\n" % message
    assert os.listdir(tmp_path) == []


def test_download_of_a_task_without_preview_exits_4(kitsu, env, tmp_path):
    _answer(kitsu, [("data/tasks/%s/full" % TASK["id"], FULL_TASK), ("data/preview-files", [])])
    result = run("download", TASK["id"], tmp_path)
    assert result.exit_code == 4
    assert result.stderr == "Error: task %s has no preview\n" % TASK["id"]


def test_download_needs_an_id(kitsu, env):
    assert run("download", "SH010").exit_code == 2
    assert kitsu.sent == []


def test_a_cut_download_leaves_nothing_and_exits_6(kitsu, env, no_retries, tmp_path):
    _download_routes(kitsu, b"short")
    kitsu.mock.replace("GET", HOST + "/pictures/originals/preview-files/%s.png" % PREVIEW["id"], body=b"short",
                       headers={"Content-Length": "999"})
    result = run("download", TASK["id"], tmp_path / "out.png")
    assert result.exit_code == 6
    assert os.listdir(tmp_path) == []
