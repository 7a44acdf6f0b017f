"""gazu-cli (gazu/cli.py and the gazu/_cli_*.py modules behind it) on the mocked Kitsu.

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
from tests.unit.conftest import HOST, NO_FACTORS, body_bytes, new_id
from tests.unit.test_task_comments import multipart

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOKEN = "secret-access-token-123"
PROJECT = {"id": new_id(), "name": "Agent 327", "production_type": "tvshow", "fps": "24", "project_status_id": None}
OTHER_PROJECT = {"id": new_id(), "name": "Spring", "production_type": "short", "fps": "25"}
SEQUENCE = {"id": new_id(), "name": "SQ01", "parent_id": None}
SHOT = {"id": new_id(), "name": "SH010", "parent_id": SEQUENCE["id"], "project_id": PROJECT["id"], "nb_frames": 48,
        "sequence_name": "SQ01"}
ASSET_TYPE = {"id": new_id(), "name": "Props"}
ASSET = {"id": new_id(), "name": "Chair", "entity_type_id": ASSET_TYPE["id"], "description": "a\nwooden chair",
         "asset_type_name": "Props"}
TASK_TYPE = {"id": new_id(), "name": "Animation", "short_name": "anim", "for_entity": "Shot"}
WIP = {"id": new_id(), "name": "Work In Progress", "short_name": "wip", "is_done": False}
WFA = {"id": new_id(), "name": "Waiting For Approval", "short_name": "wfa", "is_feedback_request": True}
PERSON = {"id": new_id(), "full_name": "Ada Lovelace", "first_name": "Ada", "last_name": "Lovelace",
          "email": "ada@example.com", "role": "admin", "active": True}
TASK = {"id": new_id(), "entity_id": SHOT["id"], "task_type_id": TASK_TYPE["id"], "task_status_id": WIP["id"],
        "assignees": [PERSON["id"]], "due_date": None}
NAMED_TASK = {**TASK, "entity_name": "SH010", "task_type_name": "Animation", "task_status_name": "Work In Progress"}
FULL_TASK = {**NAMED_TASK, "project": PROJECT, "entity": SHOT, "task_type": TASK_TYPE, "task_status": WIP,
             "persons": [PERSON], "project_name": "Agent 327"}


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
    assert gazu.cli.cli.name == "cli"  # upstream's group name; the console script shows gazu-cli
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


HTTP_FAILURES = [
    (401, 3, "Session expired. Run: gazu-cli login\n"),
    (403, 5, "Permission denied.\n"),
    (404, 4, "Not found: data/projects/open\n"),
    (500, 6, "Server error. Check your Kitsu instance.\n"),
    (502, 6, "Server error. Check your Kitsu instance.\n"),
    (503, 6, "Server error. Check your Kitsu instance.\n"),  # upstream prints the body as data and exits 0
    (400, 7, "Error: GET data/projects/open: 400 Bad Request: nope\n"),  # upstream: a traceback
    (422, 3, "Error: GET data/projects/open: 422 Unprocessable Entity: nope\n"),
]


@pytest.mark.parametrize("status, detailed, message", HTTP_FAILURES)
def test_http_failures_exit_1_with_upstreams_message(kitsu, env, no_retries, status, detailed, message):
    kitsu.on("GET", "data/projects/open", json={"message": "nope"}, status=status)
    kitsu.on("GET", "auth/refresh-token", json={"message": "no"}, status=401)
    result = run("projects")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message)
    assert TOKEN not in result.output


@pytest.mark.parametrize("status, detailed, message", HTTP_FAILURES)
def test_detailed_exit_codes_tell_failures_apart(kitsu, env, no_retries, status, detailed, message):
    kitsu.on("GET", "data/projects/open", json={"message": "nope"}, status=status)
    kitsu.on("GET", "auth/refresh-token", json={"message": "no"}, status=401)
    result = run("--detailed-exit-codes", "projects")
    assert (result.exit_code, result.stderr) == (detailed, message)
    env.setenv("GAZU_CLI_EXIT_CODES", "detailed")
    assert run("projects").exit_code == detailed
    env.setenv("GAZU_CLI_EXIT_CODES", "")
    assert run("projects").exit_code == 1


def test_a_route_not_found_is_named_with_its_query(kitsu, env):
    kitsu.on("GET", "data/projects", json=[PROJECT])
    kitsu.on("GET", "data/tasks", json={"message": "nope"}, status=404)
    result = run("tasks", "-p", "Agent 327")
    assert (result.exit_code, result.stderr) == (1, "Not found: data/tasks?project_id=%s\n" % PROJECT["id"])


def test_unreachable_server_exits_1(kitsu, env, no_retries):
    kitsu.on("GET", "data/projects/open", body=requests.exceptions.ConnectionError("refused"))
    result = run("projects")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: GET data/projects/open: cannot reach")
    assert run("--detailed-exit-codes", "projects").exit_code == 6


def test_an_unexpected_error_exits_1_and_names_it(kitsu, env, monkeypatch):
    import logging

    monkeypatch.setattr(logging.getLogger("gazu"), "level", logging.getLogger("gazu").level)  # --verbose sets it
    monkeypatch.setattr(gazu.project, "all_open_projects", lambda: 1 / 0)
    result = run("projects")
    assert result.exit_code == 1
    assert result.stderr == "Error: unexpected ZeroDivisionError: division by zero\n"
    assert "Traceback" in run("--verbose", "projects").stderr


def test_usage_errors_exit_2_and_no_project_exits_1_as_upstream(kitsu, env):
    assert run("no-such-command").exit_code == 2
    assert run("projects", "--bogus").exit_code == 2
    result = run("assets")
    assert (result.exit_code, result.stderr) == (1, "Project required: use --project or set GAZU_PROJECT.\n")
    assert run("--detailed-exit-codes", "assets").exit_code == 2
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
    assert (result.exit_code, result.stderr) == (1, "Not logged in. Run: gazu-cli login --host <URL>\n")
    assert run("--detailed-exit-codes", "projects").exit_code == 3
    assert kitsu.sent == []


def test_setup_client_returns_nothing_as_upstream(kitsu, env):
    assert gazu.cli.setup_client() is None
    assert gazu.client.default_client.tokens == {"access_token": TOKEN}


def test_setup_client_prints_and_exits_1_when_not_logged_in(env, capsys):
    """As upstream's: a message on stderr and SystemExit(1), not an exception to catch."""
    env.delenv("KITSU_HOST")
    env.delenv("KITSU_ACCESS_TOKEN")
    with pytest.raises(SystemExit) as stopped:
        gazu.cli.setup_client()
    assert stopped.value.code == 1
    assert capsys.readouterr() == ("", "Not logged in. Run: gazu-cli login --host <URL>\n")
    env.setenv("GAZU_CLI_EXIT_CODES", "detailed")
    with pytest.raises(SystemExit) as stopped:
        gazu.cli.setup_client()
    assert stopped.value.code == 3


def test_a_refresh_token_alone_is_a_stored_session_as_upstream(kitsu, env):
    env.delenv("KITSU_HOST")
    env.delenv("KITSU_ACCESS_TOKEN")
    gazu.cli.save_config({"host": HOST, "tokens": {"refresh_token": "r"}})
    assert gazu.cli.setup_client() is None
    assert gazu.client.default_client.tokens == {"refresh_token": "r"}


def test_upstreams_module_names_exist(env):
    import click

    assert gazu.cli.click is click and gazu.cli.raw is gazu.client and gazu.cli.gazu_task is gazu.task
    assert gazu.cli.tasks is gazu.cli.cli.commands["tasks"] and gazu.cli.my_tasks.name == "my-tasks"
    with pytest.raises(AttributeError):
        gazu.cli._private_name  # noqa: B018


def test_a_name_patched_on_gazu_cli_is_the_one_the_commands_use_until_undone(kitsu, env):
    """As in upstream's single module, though the functions live in gazu._cli_support."""
    from gazu import _cli_support

    real_setup_client = gazu.cli.setup_client
    assert _cli_support.CONFIG_FILE == gazu.cli.CONFIG_FILE == gazu.cli.config_path()  # patched by env
    with mock.patch.object(gazu.cli, "setup_client") as setup, mock.patch.object(gazu.cli, "is_id") as is_id:
        kitsu.on("GET", "data/projects/open", json=[])
        assert run("projects").exit_code == 0
        assert setup.call_count == 1 and _cli_support.is_id is is_id
    assert _cli_support.setup_client is gazu.cli.setup_client is real_setup_client
    assert _cli_support.is_id is gazu.cli.is_id is gazu.helpers.is_id


# login, logout, status ----------------------------------------------------------------------

LOGIN_ANSWER = {"login": True, "user": PERSON, "access_token": TOKEN, "refresh_token": "secret-refresh"}


def test_login_stores_a_private_session_and_prints_no_secret(kitsu, env):
    env.delenv("KITSU_ACCESS_TOKEN")
    kitsu.on("POST", "auth/login", json=LOGIN_ANSWER)
    result = run("login", "--email", "ada@example.com", "--password", "pw0rd!")
    assert result.exit_code == 0, result.output
    assert kitsu.sent == [("POST", "auth/login", {}, {"email": "ada@example.com", "password": "pw0rd!", **NO_FACTORS})]
    path = gazu.cli.config_path()
    assert result.stdout == "Logged in to %s\n" % HOST
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
    assert result.stdout == "Host: %s/\nEmail: ada@example.com\nPassword: \nLogged in to %s\n" % (HOST, HOST)
    assert kitsu.sent == [("POST", "auth/login", {}, {"email": "ada@example.com", "password": "hidden-pw",
                                                     **NO_FACTORS, "totp": "123456"})]
    assert gazu.cli.load_config()["host"] == HOST


def test_login_takes_host_and_credentials_from_the_environment(kitsu, env):
    env.setenv("KITSU_LOGIN", "ada@example.com")
    env.setenv("KITSU_PASSWORD", "pw")
    kitsu.on("POST", "auth/login", json=LOGIN_ANSWER)
    result = run("login")
    assert result.exit_code == 0, result.output
    assert kitsu.last[3] == {"email": "ada@example.com", "password": "pw", **NO_FACTORS}


@pytest.mark.parametrize("given", ["http://kitsu.test", "http://kitsu.test/", "http://kitsu.test/api/"])
def test_login_host_gets_api_added_as_upstreams(kitsu, env, given):
    env.delenv("KITSU_HOST")
    kitsu.on("POST", "auth/login", json=LOGIN_ANSWER)
    assert run("login", "--host", given, "-e", "ada@example.com", "--password", "pw").stdout == (
        "Logged in to %s\n" % HOST)
    assert run("login", "-e", "ada@example.com", "--password", "pw", input=given + "\n").exit_code == 0
    assert [call.request.url for call in kitsu.mock.calls] == [HOST + "/auth/login"] * 2
    assert gazu.cli.load_config()["host"] == HOST


def test_a_host_of_ours_is_taken_as_given_by_login(kitsu, env):
    """--host of the group and KITSU_HOST are the API URL itself (a bare Zou serves it at its root)."""
    kitsu.mock.add("POST", "http://kitsu.test/auth/login", json=LOGIN_ANSWER)
    assert run("--host", "http://kitsu.test", "login", "-e", "ada@example.com", "--password", "pw").exit_code == 0
    env.setenv("KITSU_HOST", "http://kitsu.test")
    assert run("login", "-e", "ada@example.com", "--password", "pw").exit_code == 0
    assert [call.request.url for call in kitsu.mock.calls] == ["http://kitsu.test/auth/login"] * 2


def test_login_option_beats_the_environment(kitsu, env):
    env.setenv("KITSU_HOST", "http://elsewhere.test/api")
    kitsu.on("POST", "auth/login", json=LOGIN_ANSWER)
    assert run("login", "--host", HOST, "-e", "ada@example.com", "--password", "pw").exit_code == 0
    assert run("--host", HOST, "login", "-e", "ada@example.com", "--password", "pw").exit_code == 0
    assert [call.request.url for call in kitsu.mock.calls] == [HOST + "/auth/login"] * 2


@pytest.mark.parametrize("status", [400, 401])
def test_refused_login_exits_1_and_stores_nothing(kitsu, env, status):
    kitsu.on("POST", "auth/login", json={"login": False, "message": "Wrong password"}, status=status)
    result = run("login", "-e", "ada@example.com", "--password", "bad")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "Authentication failed.\n")
    assert not os.path.exists(gazu.cli.config_path())
    assert run("--detailed-exit-codes", "login", "-e", "ada@example.com", "--password", "bad").exit_code == 3


def test_logout_closes_the_session_and_forgets_it(kitsu, env):
    env.delenv("KITSU_HOST")
    env.delenv("KITSU_ACCESS_TOKEN")
    gazu.cli.save_config({**stored(), "email": "ada@example.com"})
    kitsu.on("GET", "auth/logout", json={"logout": True})
    result = run("logout")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Logged out.\n", "")
    assert kitsu.sent == [("GET", "auth/logout", {}, None)]
    assert auth_headers(kitsu) == ["Bearer " + TOKEN]
    assert not os.path.exists(gazu.cli.config_path())
    result = run("logout")  # as upstream's: nothing to close, said on stderr, and done
    assert (result.exit_code, result.stdout) == (0, "Logged out.\n")
    assert result.stderr == "Not logged in. Run: gazu-cli login --host <URL>\n"


@pytest.mark.parametrize("status", [400, 401])
def test_logout_of_a_session_the_server_no_longer_knows_forgets_it(kitsu, env, no_retries, status):
    env.delenv("KITSU_ACCESS_TOKEN")
    gazu.cli.save_config(stored())
    kitsu.on("GET", "auth/logout", json={"message": "gone"}, status=status)
    kitsu.on("GET", "auth/refresh-token", json={"message": "gone"}, status=401)
    assert (run("logout").exit_code, os.path.exists(gazu.cli.config_path())) == (0, False)


def test_logout_keeps_the_session_when_the_server_fails(kitsu, env, no_retries):
    """As upstream's: the session may still be open on the server, so it is not forgotten."""
    gazu.cli.save_config(stored())
    kitsu.on("GET", "auth/logout", json={"message": "down"}, status=500)
    result = run("logout")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "Server error. Check your Kitsu instance.\n")
    assert os.path.exists(gazu.cli.config_path())


def _status_routes(kitsu):
    kitsu.on("GET", "auth/authenticated", json={"authenticated": True, "user": PERSON})
    kitsu.on("GET", "", json={"api": "Zou", "version": "1.0.97"})


def test_status(kitsu, env):
    _status_routes(kitsu)
    result = run("status")
    assert result.exit_code == 0
    assert result.stdout == "Host:    %s\nAPI:     1.0.97\nUser:    Ada Lovelace (ada@example.com)\n" % HOST
    assert [request[:2] for request in kitsu.sent] == [("GET", "auth/authenticated"), ("GET", "")]
    data = json.loads(run("--json", "status").stdout)
    assert data == {"host": HOST, "api_version": "1.0.97", "user": PERSON}


def test_status_when_not_logged_in_exits_1(kitsu, env):
    env.delenv("KITSU_ACCESS_TOKEN")
    result = run("status", "--json")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "Not logged in. Run: gazu-cli login --host <URL>\n")
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
    assert (result.exit_code, result.stderr) == (1, "Not logged in. Run: gazu-cli login --host <URL>\n")
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
    (["KITSU_HOST", "KITSU_ACCESS_TOKEN"], {}, "Not logged in. Run: gazu-cli login --host <URL>"),
    (["KITSU_ACCESS_TOKEN"], {"KITSU_LOGIN": "bot@example.com"}, "KITSU_LOGIN and KITSU_PASSWORD must be set together"),
])
def test_missing_settings_exit_1(kitsu, env, unset, set_, message):
    for name in unset:
        env.delenv(name)
    for name, value in set_.items():
        env.setenv(name, value)
    result = run("projects")
    assert (result.exit_code, result.stderr) == (1, message + "\n")
    assert run("--detailed-exit-codes", "projects").exit_code == 3
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
def test_a_host_that_is_no_url_exits_1(kitsu, env, bad):
    with pytest.raises(exception.ParameterException, match="^host: expected a Kitsu API URL"):
        gazu.cli.normalize_host(bad)
    env.setenv("KITSU_HOST", bad)
    result = run("projects")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: host: expected a Kitsu API URL" if bad else "Not logged in.")
    assert run("--detailed-exit-codes", "projects").exit_code == (7 if bad else 3)
    assert kitsu.sent == []


# Projects, names and printing ------------------------------------------------------------------


def test_resolve_project_by_id_and_name(kitsu):
    kitsu.on("GET", "data/projects/" + PROJECT["id"], json=PROJECT)
    kitsu.on("GET", "data/projects", json=[PROJECT])
    assert gazu.cli.resolve_project(PROJECT["id"]) == PROJECT
    assert gazu.cli.resolve_project("Agent 327") == PROJECT
    assert kitsu.last == ("GET", "data/projects", {"name": "Agent 327"}, None)


@pytest.mark.parametrize("name, detailed", [("Nope", 4)])
def test_resolve_project_unknown_name_prints_and_exits_1(kitsu, env, capsys, name, detailed):
    kitsu.on("GET", "data/projects", json=[])
    with pytest.raises(SystemExit) as stopped:
        gazu.cli.resolve_project(name)
    assert stopped.value.code == 1
    assert capsys.readouterr() == ("", "Project not found: Nope\n")
    env.setenv("GAZU_CLI_EXIT_CODES", "detailed")
    with pytest.raises(SystemExit) as stopped:
        gazu.cli.resolve_project(name)
    assert stopped.value.code == detailed


def test_resolve_project_unknown_id_raises_as_upstream(kitsu, env):
    kitsu.on("GET", "data/projects/" + PROJECT["id"], json={"message": "nope"}, status=404)
    with pytest.raises(exception.RouteNotFoundException):
        gazu.cli.resolve_project(PROJECT["id"])


def test_get_project_from_option_takes_gazu_project_then_kitsu_project(kitsu, env, capsys):
    kitsu.on("GET", "data/projects", json=[PROJECT])
    assert gazu.cli.get_project_from_option("Agent 327") == PROJECT
    env.setenv("KITSU_PROJECT", "Agent 327")
    assert gazu.cli.get_project_from_option(None) == PROJECT
    env.setenv("GAZU_PROJECT", "Spring")  # upstream's name comes first
    assert gazu.cli.get_project_from_option(None) == PROJECT
    assert kitsu.sent[-1] == ("GET", "data/projects", {"name": "Spring"}, None)
    env.delenv("KITSU_PROJECT")
    env.delenv("GAZU_PROJECT")
    with pytest.raises(SystemExit) as stopped:
        gazu.cli.get_project_from_option(None)
    assert stopped.value.code == 1
    assert capsys.readouterr() == ("", "Project required: use --project or set GAZU_PROJECT.\n")


def test_print_table_lays_out_as_upstreams(capsys):
    rows = [{"name": "Chair", "tags": ["a", "b"], "done": True, "frames": 0, "note": None},
            {"name": "Big table", "tags": [], "done": False, "note": "  two\nlines " + "x" * 80}]
    gazu.cli.print_table(rows, [("NAME", "name"), ("TAGS", "tags"), ("DONE", "done"), ("FRAMES", "frames"),
                                ("NOTE", "note")])
    note = ("two lines " + "x" * 80)[:57] + "..."
    assert capsys.readouterr().out.splitlines() == [
        "NAME       TAGS        DONE   FRAMES  " + "NOTE".ljust(60),
        "---------  ----------  -----  ------  " + "-" * 60,
        "Chair      ['a', 'b']  True   0       " + " " * 60,
        "Big table  []          False          " + note,
    ]


def test_print_table_of_nothing_says_so(capsys):
    gazu.cli.print_table([], [("NAME", "name")])
    assert capsys.readouterr().out == "No results.\n"


def test_output_prints_json_when_asked(capsys):
    class Context:
        def __init__(self, params, parent=None):
            self.params, self.parent = params, parent

    gazu.cli.output(Context({"as_json": True}), [{"name": "é"}], [("NAME", "name")])
    assert capsys.readouterr().out == '[\n  {\n    "name": "\\u00e9"\n  }\n]\n'  # as upstream's: escaped
    gazu.cli.output(Context({}, parent=Context({"as_json": True})), {"id": 1}, [("ID", "id")])
    assert json.loads(capsys.readouterr().out) == {"id": 1}
    gazu.cli.output(Context({}), {"id": 1, "name": "Chair\nwood", "note": None},
                    [("NAME", "name"), ("IDENTIFIER", "id"), ("NOTE", "note"), ("MISSING", "missing")])
    assert capsys.readouterr().out == "NAME: Chair\nwood\nIDENTIFIER: 1\nNOTE: None\nMISSING: \n"


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
    (["projects"], [("data/projects/open", [PROJECT, OTHER_PROJECT])],
     [["NAME", "TYPE", "STYLE", "ID"], ["Agent 327", "tvshow", PID]],
     [("GET", "data/projects/open", {}, None)]),
    (["projects", "--all"], [("data/projects", [PROJECT])],
     [["NAME", "TYPE", "STYLE", "ID"]], [("GET", "data/projects", {}, None)]),
    (["project", "Agent 327"], [BY_NAME],
     [["NAME: Agent 327"], ["TYPE: tvshow"], ["STYLE:"], ["STATUS:"], ["ID: " + PID]],
     [("GET", "data/projects", {"name": "Agent 327"}, None)]),
    (["assets", "-p", "Agent 327"], [BY_NAME, ("data/projects/%s/assets" % PID, [ASSET])],
     [["NAME", "TYPE", "DESCRIPTION", "ID"], ["Chair", "Props", "a wooden chair", ASSET["id"]]],
     [("GET", "data/projects", {"name": "Agent 327"}, None), ("GET", "data/projects/%s/assets" % PID, {}, None)]),
    (["assets", "-p", PID, "--type", "Props"],
     [("data/projects/" + PID, PROJECT), ("data/entity-types", [ASSET_TYPE]),
      ("data/projects/%s/asset-types/%s/assets" % (PID, ASSET_TYPE["id"]), [ASSET])],
     [["NAME", "TYPE", "DESCRIPTION", "ID"]],
     [("GET", "data/projects/" + PID, {}, None), ("GET", "data/entity-types", {"name": "Props"}, None),
      ("GET", "data/projects/%s/asset-types/%s/assets" % (PID, ASSET_TYPE["id"]), {}, None)]),
    (["asset", ASSET["id"]], [("data/assets/" + ASSET["id"], {**ASSET, "asset_type_name": "Props",
                                                              "project_name": "Agent 327"})],
     [["NAME: Chair"], ["TYPE: Props"], ["DESCRIPTION: a"], ["wooden chair"], ["PROJECT: Agent 327"],
      ["ID: " + ASSET["id"]]], [("GET", "data/assets/" + ASSET["id"], {}, None)]),
    (["asset", "Chair", "-p", "Agent 327"], [BY_NAME, ("data/assets/all", [ASSET])],
     [["NAME: Chair"], ["TYPE: Props"]],
     [("GET", "data/projects", {"name": "Agent 327"}, None),
      ("GET", "data/assets/all", {"project_id": PID, "name": "Chair"}, None)]),
    (["episodes", "-p", "Agent 327"], [BY_NAME, ("data/projects/%s/episodes" % PID, [{"id": "e", "name": "E01"}])],
     [["NAME", "ID"], ["E01", "e"]], None),
    (["sequences", "-p", "Agent 327"], [BY_NAME, ("data/projects/%s/sequences" % PID,
                                                  [{**SEQUENCE, "episode_name": "E01"}])],
     [["NAME", "EPISODE", "ID"], ["SQ01", "E01", SEQUENCE["id"]]],
     [("GET", "data/projects", {"name": "Agent 327"}, None), ("GET", "data/projects/%s/sequences" % PID, {}, None)]),
    (["shots", "-p", "Agent 327"], [BY_NAME, ("data/projects/%s/shots" % PID, [SHOT])],
     [["SEQUENCE", "NAME", "FRAMES", "DESCRIPTION", "ID"], ["SQ01", "SH010", "48", SHOT["id"]]],
     [("GET", "data/projects", {"name": "Agent 327"}, None), ("GET", "data/projects/%s/shots" % PID, {}, None)]),
    (["shots", "-p", "Agent 327", "-s", "SQ01"],
     [BY_NAME, ("data/sequences", [SEQUENCE]), ("data/sequences/%s/shots" % SEQUENCE["id"], [SHOT])],
     [["SEQUENCE", "NAME", "FRAMES", "DESCRIPTION", "ID"], ["SQ01", "SH010", "48", SHOT["id"]]],
     [("GET", "data/projects", {"name": "Agent 327"}, None),
      ("GET", "data/sequences", {"project_id": PID, "name": "SQ01"}, None),
      ("GET", "data/sequences/%s/shots" % SEQUENCE["id"], {}, None)]),
    (["shot-casting", SHOT["id"]],
     [("data/shots/" + SHOT["id"], SHOT), ("data/projects/%s/entities/%s/casting" % (PID, SHOT["id"]),
                                          [{"asset_id": ASSET["id"], "asset_name": "Chair", "asset_type_name": "Props",
                                            "nb_occurences": 2, "label": "animate"}])],
     [["Chair (x2)"]], None),
    (["tasks", "-p", "Agent 327"], [BY_NAME, ("data/tasks", [NAMED_TASK])],
     [["ENTITY", "TYPE", "STATUS", "ASSIGNEES", "ID"],
      ["SH010", "Animation", "Work In Progress", "['%s']" % PERSON["id"], TASK["id"]]],
     [("GET", "data/projects", {"name": "Agent 327"}, None), ("GET", "data/tasks", {"project_id": PID}, None)]),
    (["tasks", "-p", "Agent 327", "--task-type", "Animation", "--status", "wip"],
     [BY_NAME, ("data/task-status", [WIP]), ("data/task-types", [TASK_TYPE]), ("data/tasks", [NAMED_TASK])],
     [["ENTITY", "TYPE", "STATUS", "ASSIGNEES", "ID"]],
     [("GET", "data/projects", {"name": "Agent 327"}, None), ("GET", "data/task-types", {"name": "Animation"}, None),
      ("GET", "data/task-status", {"short_name": "wip"}, None),
      ("GET", "data/tasks", {"project_id": PID, "task_type_id": TASK_TYPE["id"], "task_status_id": WIP["id"]},
       None)]),
    (["task", TASK["id"]], [("data/tasks/%s/full" % TASK["id"], FULL_TASK)],
     [["ENTITY: SH010"], ["TYPE: Animation"], ["STATUS: Work In Progress"], ["ASSIGNEES: ['%s']" % PERSON["id"]],
      ["PROJECT: Agent 327"], ["DESCRIPTION:"], ["ID: " + TASK["id"]]],
     [("GET", "data/tasks/%s/full" % TASK["id"], {}, None)]),
    (["my-tasks"], [("data/user/tasks", [{"id": TASK["id"], "project_name": "Agent 327", "entity_name": "SH010",
                                          "task_type_name": "Animation", "task_status_name": "Work In Progress"}])],
     [["PROJECT", "ENTITY", "TYPE", "STATUS", "ID"], ["Agent 327", "SH010", "Animation", "Work In Progress",
                                                      TASK["id"]]],
     [("GET", "data/user/tasks", {}, None)]),
    (["my-tasks", "--done"], [("data/user/done-tasks", [])], [["No results."]],
     [("GET", "data/user/done-tasks", {}, None)]),
    (["persons"], [("data/persons", [PERSON])],
     [["FIRST NAME", "LAST NAME", "EMAIL", "ROLE", "ID"], ["Ada", "Lovelace", "ada@example.com", "admin",
                                                          PERSON["id"]]], None),
    (["asset-types"], [("data/asset-types", [ASSET_TYPE])], [["NAME", "ID"], ["Props", ASSET_TYPE["id"]]], None),
    (["asset-types", "-p", PID], [("data/projects/" + PID, PROJECT),
                                  ("data/projects/%s/asset-types" % PID, [ASSET_TYPE])],
     [["NAME", "ID"], ["Props", ASSET_TYPE["id"]]], None),
    (["task-types"], [("data/task-types", [TASK_TYPE])],
     [["NAME", "FOR", "ID"], ["Animation", "Shot", TASK_TYPE["id"]]], None),
    (["task-types", "-p", PID], [("data/projects/" + PID, PROJECT), ("data/projects/%s/task-types" % PID, [])],
     [["No results."]], None),
    (["task-statuses"], [("data/task-status", [WIP])],
     [["NAME", "SHORT", "ID"], ["Work In Progress", "wip", WIP["id"]]], None),
    (["task-statuses", "-p", PID], [("data/projects/" + PID, PROJECT),
                                    ("data/projects/%s/settings/task-status" % PID, [WFA])],
     [["NAME", "SHORT", "ID"], ["Waiting For Approval", "wfa", WFA["id"]]], None),
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


@pytest.mark.parametrize("args, message", [
    (["assets", "-p", "Nope"], "Project not found: Nope"),
    (["assets", "-p", "Agent 327", "-t", "Nope"], "Asset type not found: Nope"),
    (["asset", "Nope", "-p", "Agent 327"], "Asset not found: Nope"),
    (["sequences", "-p", "Agent 327", "-e", "Nope"], "Episode not found: Nope"),
    (["shots", "-p", "Agent 327", "-e", "Nope"], "Episode not found: Nope"),
    (["shots", "-p", "Agent 327", "-s", "Nope"], "Sequence not found: Nope"),
    (["tasks", "-p", "Agent 327", "-t", "Nope"], "Task type not found: Nope"),
    (["tasks", "-p", "Agent 327", "-s", "nope"], "Task status not found: nope"),
    (["comment", "-t", TASK["id"], "-s", "Work In Progress"], "Task status not found: Work In Progress"),
])
def test_unknown_names_exit_1_with_upstreams_message(kitsu, env, args, message):
    """As upstream's: looked up by name (a status by its short name), never sent on when not found."""
    projects = [] if "Project" in message else [PROJECT]
    _answer(kitsu, [("data/projects", projects)] + [(path, []) for path in (
        "data/entity-types", "data/assets/all", "data/episodes", "data/sequences", "data/task-types",
        "data/task-status")])
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message + "\n")
    assert run("--detailed-exit-codes", *args).exit_code == 4
    assert not [request for request in kitsu.sent if request[0] == "POST" or request[1] == "data/tasks"]


def test_project_comes_from_kitsu_project(kitsu, env):
    env.setenv("KITSU_PROJECT", "Agent 327")
    _answer(kitsu, [BY_NAME, ("data/projects/%s/episodes" % PID, [])])
    assert run("episodes").exit_code == 0
    assert kitsu.sent[0] == ("GET", "data/projects", {"name": "Agent 327"}, None)
    kitsu.mock.calls.reset()
    _answer(kitsu, [("data/projects/" + PID, PROJECT)])
    assert run("episodes", "-p", PID).exit_code == 0
    assert kitsu.sent[0] == ("GET", "data/projects/" + PID, {}, None)


def test_shot_casting_takes_an_id_or_a_name_with_its_sequence(kitsu, env):
    kitsu.on("GET", "data/shots/SH010", json={"message": "nope"}, status=404)
    result = run("shot-casting", "SH010")  # as upstream's: taken as an id
    assert (result.exit_code, result.stderr) == (1, "Not found: data/shots/SH010\n")
    _answer(kitsu, [BY_NAME, ("data/sequences", [SEQUENCE]), ("data/shots/all", [{"id": SHOT["id"]}]),
                    ("data/shots/" + SHOT["id"], SHOT),
                    ("data/projects/%s/entities/%s/casting" % (PID, SHOT["id"]), [])])
    result = run("shot-casting", "SH010", "-p", "Agent 327", "-s", "SQ01", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    assert run("shot-casting", "SH010", "-p", "Agent 327", "-s", "SQ01").stdout == "No casting for this shot.\n"
    assert ("GET", "data/shots/all", {"sequence_id": SEQUENCE["id"], "name": "SH010"}, None) in kitsu.sent


def test_search(kitsu, env):
    answer = {"assets": [ASSET], "persons": [PERSON], "shots": [SHOT]}
    kitsu.mock.add("POST", HOST + "/data/search", json=answer)
    _answer(kitsu, [BY_NAME])
    result = run("search", "chair", "-p", "Agent 327", "-t", "asset", "-t", "person")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("\nASSETS (1)\n%s\n  Chair  (%s)\n\nPERSONS (1)\n%s\n  Ada Lovelace  (%s)\n"
                             % ("-" * 40, ASSET["id"], "-" * 40, PERSON["id"]))
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
    assert result.stdout == "Comment posted (ID: %s)\n" % COMMENT["id"]
    assert kitsu.last == ("POST", "actions/tasks/%s/comment" % TASK["id"], {},
                          {"task_status_id": WIP["id"], "comment": "Looks good", **NO_EXTRAS})


def test_comment_with_a_status_change_prints_the_same_line_with_json(kitsu, env):
    _answer(kitsu, [("data/task-status", [WFA])])
    kitsu.mock.add("POST", HOST + "/actions/tasks/%s/comment" % TASK["id"], json=COMMENT, status=201)
    result = run("--json", "comment", TASK["id"], "Please review", "-s", "wfa")
    assert result.stdout == "Comment posted (ID: %s)\n" % COMMENT["id"]  # as upstream's
    assert kitsu.sent == [("GET", "data/task-status", {"short_name": "wfa"}, None),
                          ("POST", "actions/tasks/%s/comment" % TASK["id"], {},
                           {"task_status_id": WFA["id"], "comment": "Please review", **NO_EXTRAS})]


def test_comment_takes_upstreams_options(kitsu, env):
    _answer(kitsu, [("data/task-status", [WFA])])
    kitsu.mock.add("POST", HOST + "/actions/tasks/%s/comment" % TASK["id"], json=COMMENT, status=201)
    result = run("comment", "-t", TASK["id"], "-s", "wfa", "-m", "Please review")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Comment posted (ID: %s)\n" % COMMENT["id"]
    assert kitsu.sent == [("GET", "data/task-status", {"short_name": "wfa"}, None),
                          ("POST", "actions/tasks/%s/comment" % TASK["id"], {},
                           {"task_status_id": WFA["id"], "comment": "Please review", **NO_EXTRAS})]


@pytest.mark.parametrize("args", [["comment", "ID", "-t", "ID"], ["comment", "ID", "text", "-m", "text"]])
def test_comment_needs_the_task_and_the_text_once(kitsu, env, args):
    result = run(*args)
    assert result.exit_code == 2 and "once" in result.stderr
    assert kitsu.sent == []


def test_comment_without_a_task_says_what_upstream_says(kitsu, env):
    result = run("comment", "-s", "wip")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: Missing option '--task' / '-t'."
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
    assert (result.exit_code, result.stderr) == (1, "Error: POST %s: 400 Bad Request: No additional information\n" % UPLOAD)
    assert kitsu.last[:2] == ("DELETE", remove)
    assert run("--detailed-exit-codes", "publish", TASK["id"], media).exit_code == 7


def test_publish_waits_for_the_processing_when_asked(kitsu, env, media):
    _publish_routes(kitsu)
    kitsu.on("GET", "data/preview-files/" + PREVIEW["id"], json={**PREVIEW, "status": "ready"})
    result = run("publish", TASK["id"], media, "--wait", "5", "--json")
    assert json.loads(result.stdout)["preview_file"]["status"] == "ready"


def test_publish_says_when_the_processing_failed(kitsu, env, media):
    _publish_routes(kitsu)
    kitsu.on("GET", "data/preview-files/" + PREVIEW["id"], json={**PREVIEW, "status": "broken"})
    result = run("publish", TASK["id"], media, "--wait", "5")
    assert result.exit_code == 1 and "processing failed (status broken)" in result.stderr
    assert run("--detailed-exit-codes", "publish", TASK["id"], media, "--wait", "5").exit_code == 6


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
def test_download_of_nothing_exits_1(kitsu, env, tmp_path, entity, task_answer, message):
    kitsu.on("GET", "data/tasks/%s/full" % SHOT["id"], json={"message": "not found"}, status=404)
    _answer(kitsu, [("data/entities/" + SHOT["id"], entity)])
    result = run("download", SHOT["id"], tmp_path)
    assert (result.exit_code, result.stderr) == (1, "Error: %s\n" % message)
    assert os.listdir(tmp_path) == []
    assert run("--detailed-exit-codes", "download", SHOT["id"], tmp_path).exit_code == 4


def test_download_of_a_task_without_preview_exits_1(kitsu, env, tmp_path):
    _answer(kitsu, [("data/tasks/%s/full" % TASK["id"], FULL_TASK), ("data/preview-files", [])])
    result = run("download", TASK["id"], tmp_path)
    assert (result.exit_code, result.stderr) == (1, "Error: task %s has no preview\n" % TASK["id"])
    assert run("--detailed-exit-codes", "download", TASK["id"], tmp_path).exit_code == 4


def test_download_needs_an_id(kitsu, env):
    assert run("download", "SH010").exit_code == 2
    assert kitsu.sent == []


def test_a_cut_download_leaves_nothing_and_exits_1(kitsu, env, no_retries, tmp_path):
    _download_routes(kitsu, b"short")
    kitsu.mock.replace("GET", HOST + "/pictures/originals/preview-files/%s.png" % PREVIEW["id"], body=b"short",
                       headers={"Content-Length": "999"})
    result = run("download", TASK["id"], tmp_path / "out.png")
    assert result.exit_code == 1
    assert os.listdir(tmp_path) == []
    assert run("--detailed-exit-codes", "download", TASK["id"], tmp_path / "out.png").exit_code == 6
    assert os.listdir(tmp_path) == []


def test_comment_usage_errors_come_before_the_log_in_check(tmp_path, monkeypatch):
    """As upstream's click checks its required --task first: exit 2 even when not logged in."""
    for name in ("KITSU_HOST", "KITSU_ACCESS_TOKEN", "KITSU_LOGIN", "KITSU_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(gazu.cli, "CONFIG_DIR", str(tmp_path / ".gazu"))
    monkeypatch.setattr(gazu.cli, "CONFIG_FILE", str(tmp_path / ".gazu" / "config.json"))
    result = run("comment", "-s", "wip")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: Missing option '--task' / '-t'."
