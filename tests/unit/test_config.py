"""Configuration from the environment: one test per variable, and explicit settings win."""

from __future__ import annotations

import subprocess
import sys

import pytest
import responses

from gazu import _config
from gazu import client as raw
from gazu.exception import InvalidArgumentException, ServerErrorException

HOST = "http://env.test/api"


@pytest.fixture
def env(monkeypatch):
    for variable, _setting, _parse in _config.SETTINGS:
        monkeypatch.delenv(variable, raising=False)
    for variable in _config.CREDENTIALS:
        monkeypatch.delenv(variable, raising=False)
    return monkeypatch


def test_kitsu_host(env):
    env.setenv("KITSU_HOST", HOST)
    assert raw.KitsuClient.from_env().host == HOST


def test_kitsu_event_host(env):
    env.setenv("KITSU_HOST", HOST)
    env.setenv("KITSU_EVENT_HOST", "http://events.test")
    client = raw.KitsuClient.from_env()
    assert raw.get_event_host(client) == "http://events.test"


@responses.activate
def test_kitsu_access_token(env):
    env.setenv("KITSU_HOST", HOST)
    env.setenv("KITSU_ACCESS_TOKEN", "bot-token")
    responses.add("GET", HOST + "/data/projects", json=[])
    client = raw.KitsuClient.from_env()
    assert raw.get("data/projects", client=client) == []
    assert responses.calls[0].request.headers["Authorization"] == "Bearer bot-token"
    assert "bot-token" not in repr(client)


@responses.activate
def test_kitsu_login_and_password_log_in_on_the_first_request(env):
    env.setenv("KITSU_HOST", HOST)
    env.setenv("KITSU_LOGIN", "ci@example.com")
    env.setenv("KITSU_PASSWORD", "secret")
    responses.add("POST", HOST + "/auth/login", json={"login": True, "access_token": "A", "refresh_token": "R"})
    responses.add("GET", HOST + "/data/projects", json=[])
    client = raw.KitsuClient.from_env()
    assert raw.get("data/projects", client=client) == []
    assert [call.request.url for call in responses.calls] == [HOST + "/auth/login", HOST + "/data/projects"]
    assert responses.calls[1].request.headers["Authorization"] == "Bearer A"
    raw.get("data/projects", client=client)
    assert len(responses.calls) == 3  # logged in once


@responses.activate
def test_a_failed_environment_log_in_is_tried_again_on_the_next_request(env):
    env.setenv("KITSU_HOST", HOST)
    env.setenv("KITSU_LOGIN", "ci@example.com")
    env.setenv("KITSU_PASSWORD", "secret")
    responses.add("POST", HOST + "/auth/login", status=500, json={"message": "database is down"})
    responses.add("POST", HOST + "/auth/login", json={"login": True, "access_token": "A"})
    responses.add("GET", HOST + "/data/projects", json=[])
    client = raw.KitsuClient.from_env(retries=0)
    with pytest.raises(ServerErrorException, match="database is down"):
        raw.get("data/projects", client=client)
    assert raw.get("data/projects", client=client) == []
    assert responses.calls[-1].request.headers["Authorization"] == "Bearer A"


def test_kitsu_timeout(env):
    env.setenv("KITSU_TIMEOUT", "3,45")
    assert raw.KitsuClient.from_env().timeout == (3.0, 45.0)
    env.setenv("KITSU_TIMEOUT", "10")
    assert raw.KitsuClient.from_env().timeout == 10.0


def test_kitsu_total_timeout(env):
    env.setenv("KITSU_TOTAL_TIMEOUT", "600")
    assert raw.KitsuClient.from_env().total_timeout == 600.0
    assert raw.KitsuClient.from_env(total_timeout=30).total_timeout == 30  # the code's setting wins


def test_kitsu_retries(env):
    env.setenv("KITSU_RETRIES", "0")
    assert raw.KitsuClient.from_env().retries == 0


def test_kitsu_backoff(env):
    env.setenv("KITSU_BACKOFF", "0.25")
    assert raw.KitsuClient.from_env().backoff_factor == 0.25


@pytest.mark.parametrize("variable, value, words", [
    ("KITSU_RETRIES", "many", "a whole number"), ("KITSU_TIMEOUT", "1,2,3", "seconds"),
    ("KITSU_BACKOFF", "-1", "seconds"), ("KITSU_HOST", "kitsu.test/api", "an http:// or https:// URL"),
    ("KITSU_EVENT_HOST", "ftp://kitsu.test", "an http:// or https:// URL"),
])
def test_bad_values_name_the_variable(env, variable, value, words):
    env.setenv(variable, value)
    with pytest.raises(InvalidArgumentException, match="^%s: expected %s" % (variable, words)):
        _ = raw.KitsuClient.from_env().host


def test_explicit_settings_win_over_the_environment(env):
    env.setenv("KITSU_HOST", HOST)
    env.setenv("KITSU_RETRIES", "9")
    env.setenv("KITSU_ACCESS_TOKEN", "env-token")
    client = raw.KitsuClient.from_env(retries=1, tokens={"access_token": "code-token"})
    assert client.retries == 1 and client.access_token == "code-token"
    assert client.host == HOST
    later = raw.KitsuClient.from_env()
    raw.set_host("http://code.test/api", later)
    assert later.host == "http://code.test/api"


def test_the_default_client_reads_the_environment_on_first_use(env):
    code = ("import gazu; print(gazu.get_host()); gazu.set_host('http://code.test/api');"
            "print(gazu.get_host())")
    env.setenv("KITSU_HOST", HOST)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == [HOST, "http://code.test/api"]


def test_plain_clients_ignore_the_environment(env):
    env.setenv("KITSU_RETRIES", "9")
    assert raw.create_client(HOST).retries == raw.DEFAULT_RETRIES
