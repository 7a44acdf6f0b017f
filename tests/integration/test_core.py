"""The core against a real Kitsu: authentication, the raw client, errors, files, cache, studios.

Everything here goes through ``gazu`` / ``gazu.client`` only, so it checks the
transport and the top-level API on the server itself: what it answers, what it
stores, and the exception each real error status becomes.
"""

from __future__ import annotations

import asyncio
import datetime
import hashlib
import socket
import uuid

import pytest

import gazu
from gazu import client as raw
from gazu.exception import (
    AuthFailedException,
    NotAllowedException,
    NotAuthenticatedException,
    ParameterException,
    RouteNotFoundException,
)
from tests.conftest import unique
from tests.pictures import pixels, png

pytestmark = pytest.mark.integration

NOT_EXERCISED = {
    "cli.handle_errors": "a decorator, applied when gazu.cli's commands are built (test_cli runs every command)",
    "cli.main": "the console script: test_cli runs it as a real process, which the profile hook cannot see",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_log_in_refresh_and_log_out(kitsu_sandbox):
    client = raw.create_client(kitsu_sandbox.host)
    result = gazu.log_in(kitsu_sandbox.admin_email, kitsu_sandbox.admin_password, client=client)
    assert result["user"]["email"] == kitsu_sandbox.admin_email
    assert raw.get_current_user(client)["id"] == result["user"]["id"]
    first = client.access_token
    assert gazu.refresh_access_token(client)["access_token"] != first
    assert raw.get_current_user(client)["email"] == kitsu_sandbox.admin_email
    gazu.log_out(client)
    assert client.tokens == {}
    with pytest.raises(NotAuthenticatedException) as caught:
        raw.get_current_user(client)
    assert caught.value.status == 401 and caught.value.path == "auth/authenticated"


def test_wrong_password_is_refused(kitsu_sandbox):
    with pytest.raises(AuthFailedException, match="log-in refused for %s" % kitsu_sandbox.admin_email):
        gazu.create_session(kitsu_sandbox.host, kitsu_sandbox.admin_email, "not the password")


def test_create_session_and_a_revoked_token_refreshed_on_401(kitsu_sandbox):
    first = gazu.create_session(kitsu_sandbox.host, kitsu_sandbox.admin_email, kitsu_sandbox.admin_password)
    second = gazu.create_session(kitsu_sandbox.host, kitsu_sandbox.admin_email, kitsu_sandbox.admin_password)
    assert first is not raw.default_client
    # A client whose access token gets revoked, but whose refresh token (another session's) is still good.
    client = raw.create_client(kitsu_sandbox.host, tokens={"access_token": first.access_token,
                                                            "refresh_token": second.refresh_token})
    gazu.log_out(first)
    assert raw.get_current_user(client)["email"] == kitsu_sandbox.admin_email  # one refresh, one replay
    assert client.access_token not in (first.access_token, None)


def test_send_email_otp(admin_client, kitsu_sandbox):
    # Zou answers the same whether or not the user has e-mail OTP on (it tells nothing about accounts).
    assert gazu.send_email_otp(kitsu_sandbox.admin_email) == {"success": True}


def test_hosts_version_and_urls(admin_client, kitsu_sandbox):
    assert raw.host_is_up() and raw.host_is_valid()
    dead = raw.create_client("http://127.0.0.1:%d" % free_port(), timeout=(1, 1), retries=0)
    assert not raw.host_is_up(dead) and not raw.host_is_valid(dead)
    assert raw.get_api_version() == "1.0.97"
    assert gazu.get_host() == kitsu_sandbox.host == raw.get_api_url_from_host()
    assert gazu.get_event_host() == kitsu_sandbox.event_host
    assert raw.get_full_url("data/projects") == kitsu_sandbox.host + "/data/projects"
    assert raw.make_auth_header() == {"User-Agent": "CGWire Gazu 1.3.1",
                                      "Authorization": "Bearer " + admin_client.access_token}


def test_raw_create_read_update_delete(admin_client):
    name = unique("studio")
    studio = raw.create("studios", {"name": name, "color": "#112233"})
    assert raw.fetch_one("studios", studio["id"])["name"] == name
    assert raw.fetch_first("studios", {"name": name})["id"] == studio["id"]
    assert studio["id"] in [item["id"] for item in raw.fetch_all("studios")]
    assert raw.update("studios", studio["id"], {"color": "#445566"})["color"] == "#445566"
    raw.delete("data/studios/%s" % studio["id"])
    with pytest.raises(RouteNotFoundException):
        raw.fetch_one("studios", studio["id"])


def test_studio_module(admin_client):
    names = [unique("b-studio"), unique("A-studio")]
    for name in names:
        raw.create("studios", {"name": name, "color": "#123456"})
    listed = [studio["name"] for studio in gazu.studio.all_studios() if studio["name"] in names]
    assert listed == sorted(names, key=str.lower)
    studio = gazu.studio.get_studio_by_name(names[0])
    assert gazu.studio.get_studio(studio["id"])["name"] == names[0]
    studio["color"] = "#abcdef"
    assert gazu.studio.update_studio(studio)["color"] == "#abcdef"
    gazu.studio.remove_studio(studio, force=True)
    assert gazu.studio.get_studio_by_name(names[0]) is None


def test_import_data_keeps_the_given_id(admin_client, new_project):
    project_id = str(uuid.uuid4())
    name = unique("imported")
    raw.import_data("projects", [{"id": project_id, "name": name, "project_status_id":
                                  new_project["project_status_id"]}])
    assert raw.fetch_one("projects", project_id)["name"] == name


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_real_error_statuses_raise_their_exception(kitsu_sandbox, admin_client, status):
    if status == 400:
        with pytest.raises(ParameterException) as caught:
            raw.post("data/projects", {"name": None})
    elif status == 401:
        with pytest.raises(NotAuthenticatedException) as caught:
            raw.get("data/projects", client=raw.create_client(kitsu_sandbox.host))
    elif status == 403:
        email = "%s@example.com" % unique("artist")
        gazu.person.new_person("Art", "Ist", email, role="user", password="artist-password-1")
        artist = gazu.create_session(kitsu_sandbox.host, email, "artist-password-1")
        with pytest.raises(NotAllowedException) as caught:
            raw.post("data/projects", {"name": unique("forbidden")}, client=artist)
    else:
        with pytest.raises(RouteNotFoundException) as caught:
            raw.fetch_one("projects", str(uuid.uuid4()))
    error = caught.value
    assert error.status == status and error.response.status_code == status
    assert str(error).startswith("%s %s: %d" % (error.method, error.path, status))


def test_check_status_on_a_real_answer(admin_client):
    response = admin_client.request("GET", "data/projects/%s" % uuid.uuid4(), raise_for_status=False)
    with pytest.raises(RouteNotFoundException):
        raw.check_status(response, "data/projects/x")
    ok = admin_client.request("GET", "data/projects")
    assert raw.check_status(ok, "data/projects") == (200, False)


def new_preview(task: dict, status: dict) -> dict:
    comment = raw.post("actions/tasks/%s/comment" % task["id"], {"task_status_id": status["id"], "comment": "v"})
    return raw.post("actions/tasks/%s/comments/%s/add-preview" % (task["id"], comment["id"]), {})


def test_a_picture_uploaded_as_a_preview_comes_back_byte_for_byte(admin_client, new_project, tmp_path):
    asset_type = raw.post("data/entity-types", {"name": unique("Prop")})
    asset = raw.post("data/projects/%s/asset-types/%s/assets/new" % (new_project["id"], asset_type["id"]),
                     {"name": unique("lamp")})
    task_type = raw.fetch_first("task-types", {"name": "Modeling"})
    task = raw.post("actions/projects/%s/task-types/%s/assets/create-tasks" % (new_project["id"], task_type["id"]),
                    [asset["id"]])[0]
    status = raw.fetch_first("task-status", {"short_name": "wfa"})
    source = tmp_path / "lamp_v001.png"
    source.write_bytes(png())
    progress = []
    first = new_preview(task, status)
    raw.upload("pictures/preview-files/%s" % first["id"], str(source),
               progress_callback=lambda sent, total: progress.append((sent, total)))
    assert progress[-1] == (len(source.read_bytes()), len(source.read_bytes()))  # the file's bytes, as upstream
    stored = tmp_path / "stored.png"
    raw.download("pictures/originals/preview-files/%s/download" % first["id"], str(stored))
    # Zou re-encodes every uploaded picture as an sRGB PNG: the pixels must come back untouched...
    assert pixels(stored.read_bytes()) == pixels(source.read_bytes())
    # ...and a picture already in Zou's own encoding is stored and served back byte for byte.
    second = new_preview(task, status)
    raw.upload("pictures/preview-files/%s" % second["id"], str(stored))
    back = tmp_path / "back.png"
    raw.download("pictures/originals/preview-files/%s/download" % second["id"], str(back))
    assert hashlib.sha256(back.read_bytes()).hexdigest() == hashlib.sha256(stored.read_bytes()).hexdigest()
    thumbnail = raw.get_file_data_from_url("pictures/thumbnails/preview-files/%s.png" % first["id"])
    assert thumbnail.startswith(b"\x89PNG")


def test_cache_on_the_real_server(admin_client, new_project):
    gazu.cache.enable()
    try:
        read = gazu.studio.all_studios
        before = read()
        raw.create("studios", {"name": unique("cached"), "color": "#123456"})  # a write clears every cache
        assert len(read()) == len(before) + 1
        assert not gazu.cache.is_cache_expired(
            {"k": {"date_accessed": datetime.datetime.now()}}, {"expire": 120}, "k")
        counted = gazu.cache.cache(lambda: raw.get_api_version())
        assert counted() == counted() == "1.0.97"
        assert (counted.get_cache_infos()["misses"], counted.get_cache_infos()["hits"]) == (1, 1)
    finally:
        gazu.cache.disable()
        gazu.cache.clear_all()


def test_helpers_on_real_entities(admin_client, new_project):
    assert gazu.helpers.normalize_model_parameter(new_project)["id"] == new_project["id"]
    assert gazu.helpers.normalize_list_of_models_for_links([new_project, new_project["id"]]) == [
        new_project["id"]] * 2


def test_map_calls_fans_reads_out_on_one_client(admin_client):
    projects = [raw.create("projects", {"name": unique("fan")}) for _ in range(6)]
    names = gazu.concurrency.map_calls(lambda project: raw.fetch_one("projects", project["id"])["name"], projects)
    assert names == [project["name"] for project in projects]


def test_events_connect_error_names_the_cause():
    assert "refused" in gazu.events.connect_error("refused")


def test_async_raw_calls(kitsu_sandbox):
    async def scenario():
        client = await gazu.aio.create_session(kitsu_sandbox.host, kitsu_sandbox.admin_email,
                                               kitsu_sandbox.admin_password)
        try:
            assert gazu.aio.get_full_url("data/studios", client) == kitsu_sandbox.host + "/data/studios"
            studio = await gazu.aio.post("data/studios", {"name": unique("async"), "color": "#123456"},
                                         client=client)
            changed = await gazu.aio.put("data/studios/%s" % studio["id"], {"color": "#010203"}, client=client)
            response = await client.request("GET", "data/studios/%s" % studio["id"])
            assert await gazu.aio.check_status(response, "data/studios") == (200, False)
            return changed
        finally:
            await client.close()

    assert asyncio.run(scenario())["color"] == "#010203"


def test_bot_token_and_plain_url_helpers(admin_client, kitsu_sandbox, tmp_path):
    bot = raw.create_client(kitsu_sandbox.host)
    gazu.set_token(admin_client.access_token, client=bot)
    assert raw.get_current_user(bot)["email"] == kitsu_sandbox.admin_email
    url = raw.build_path_with_params(raw.get_full_url("data/projects"), {"name": "nothing-by-this-name"})
    assert raw.get(url.split(kitsu_sandbox.host + "/", 1)[1]) == []
    target = tmp_path / gazu.helpers.sanitize_filename("index: the API's.json")
    assert gazu.helpers.download_file(kitsu_sandbox.host + "/", str(target)) == str(target)
    assert b'"api": "Zou"' in target.read_bytes() or b'"api":"Zou"' in target.read_bytes()
    assert gazu.helpers.validate_date_format("2026-11-23") == "2026-11-23"
