"""Public helpers, sorting, encoder, the cache and the shared domain helpers."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import tempfile
import uuid

import pytest
import requests
import responses

import gazu
from gazu import _api, cache, helpers
from gazu.encoder import CustomJSONEncoder
from gazu.exception import DownloadFileException, InvalidArgumentException
from gazu.sorting import sort_by_name

ID = str(uuid.uuid4())


def test_normalize_model_parameter():
    assert helpers.normalize_model_parameter(ID) == {"id": ID}
    assert helpers.normalize_model_parameter({"id": ID, "name": "x"}) == {"id": ID, "name": "x"}
    assert helpers.normalize_model_parameter(None) is None
    assert helpers.normalize_model_parameter(ID.upper()) == {"id": ID.upper()}
    assert helpers.normalize_model_parameter({"id": "shot-01"}) == {"id": "shot-01"}
    # As upstream: a bare id string has the 8-4-4-4-12 shape, hyphens and nothing else included.
    for bad in ("a/b", "shot-01", ID.replace("-", ""), "{%s}" % ID, ID + "\n", " " + ID, 42, ["x"]):
        with pytest.raises(ValueError, match="expected an id string or a dict"):
            helpers.normalize_model_parameter(bad)


def test_normalize_list_of_models_for_links():
    assert helpers.normalize_list_of_models_for_links(None) == []
    assert helpers.normalize_list_of_models_for_links([ID, {"id": ID}]) == [ID, ID]


def test_validate_date_format():
    assert helpers.validate_date_format("2024-01-31") == "2024-01-31"
    assert helpers.validate_date_format("2024-01-31T10:20:30") == "2024-01-31T10:20:30"
    for bad in ("31/01/2024", "2024-13-01", None):
        with pytest.raises(ValueError, match="Incorrect date format"):
            helpers.validate_date_format(bad)


@pytest.mark.parametrize("name, clean", [
    ("shot 010: take/2?.ma", "shot 010 take2.ma"),
    (" @|():%/,\\[]<>*?;`\nbonjour..", "bonjour_"),
    ("a....b", "a__b"), ("..a..", "_a_"), ("...", "_."), ("a.:.b", "a..b"),
    ('sh010 "final"\t', 'sh010 "final"'), ("???", ""), ("é/è", "éè"),
])
def test_sanitize_filename_as_upstream(name, clean):
    assert helpers.sanitize_filename(name) == clean
    with pytest.raises(InvalidArgumentException, match="filename: expected a string"):
        helpers.sanitize_filename(None)


@responses.activate
def test_download_file_names_the_file_as_upstream(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    responses.add("GET", "http://files.test/dir/pic", body=b"PNG", content_type="image/png")
    responses.add("GET", "http://files.test/dir/a%20b.jpg", body=b"JPG", content_type="image/png")
    responses.add("GET", "http://files.test/", body=b"BIN", content_type="application/octet-stream")
    downloaded = helpers.download_file("http://files.test/dir/pic")
    folder, name = os.path.split(downloaded)
    assert name == "pic.png" and os.path.basename(folder).startswith("gazu_")  # a private folder
    assert os.path.dirname(folder) == tempfile.gettempdir() and open(downloaded, "rb").read() == b"PNG"
    shutil.rmtree(folder)
    assert helpers.download_file("http://files.test/dir/pic", "copy.png") == str(tmp_path / "copy.png")
    assert helpers.download_file("http://files.test/dir/pic", "copy") == str(tmp_path / "copy.png")
    assert helpers.download_file("http://files.test/dir/a%20b.jpg", str(tmp_path)) == str(tmp_path / "a20b.jpg")
    assert helpers.download_file("http://files.test/", ".") == str(tmp_path / "file.bin")
    assert "Authorization" not in responses.calls[0].request.headers
    # requests' own User-Agent, as upstream's bare requests.get sends it
    assert responses.calls[0].request.headers["User-Agent"] == requests.utils.default_user_agent()


@responses.activate
def test_download_file_error_statuses_raise_download_file_exception(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    responses.add("GET", "http://files.test/gone", status=404)
    with pytest.raises(DownloadFileException, match=r"File \(http://files.test/gone\) can't be downloaded \(GET"):
        helpers.download_file("http://files.test/gone", headers={"X-A": "1"})
    assert responses.calls[0].request.headers["X-A"] == "1"
    with pytest.raises(DownloadFileException):
        helpers.download_file("http://files.test/gone", headers={"User-Agent": "studio-tool"})
    assert responses.calls[1].request.headers["User-Agent"] == "studio-tool"  # the one given wins
    assert os.listdir(tmp_path) == []  # no folder left behind


def test_download_file_rejects_relative_urls():
    with pytest.raises(InvalidArgumentException, match="url: expected an absolute URL"):
        helpers.download_file("url-value")


def test_sort_by_name_ignores_case_and_missing_names():
    assert sort_by_name([{"name": "b"}, {"name": "A"}, {}, {"name": None}]) == [
        {}, {"name": None}, {"name": "A"}, {"name": "b"}]


def test_encoder():
    value = {"when": datetime.datetime(2024, 1, 2, 3, 4, 5), "day": datetime.date(2024, 1, 2),
             "id": uuid.UUID(ID)}
    assert json.loads(json.dumps(value, cls=CustomJSONEncoder)) == {
        "when": "2024-01-02T03:04:05", "day": "2024-01-02", "id": ID}


def test_cache_is_off_by_default_and_caches_when_enabled():
    calls = []

    @cache.cache
    def read(x, client=None):
        """Read x."""
        calls.append(x)
        return {"x": x}

    try:
        assert (read.__name__, read.__doc__) == ("read", "Read x.")
        read(1), read(1)
        assert calls == [1, 1] and read.get_cache_infos()["misses"] == 0  # off: nothing counted
        assert cache.enable() is True
        first = read(1)
        first["x"] = "changed by caller"
        assert read(1) == {"x": 1}  # a copy is handed out
        assert calls == [1, 1, 1]
        read.clear_cache()
        read(1)
        assert calls == [1, 1, 1, 1]
        read.disable_cache()
        read(1)
        read.enable_cache()
        read(1)
        assert calls == [1, 1, 1, 1, 1]
        assert read.get_cache_infos() == {"enabled": True, "expire": 120, "maxsize": 300, "hits": 2, "misses": 2,
                                          "expired_hits": 0, "current_size": 1}
    finally:
        assert cache.disable() is False
        cache.clear_all()


def test_cache_expiry_max_size_and_counters(monkeypatch):
    now = [datetime.datetime(2026, 1, 1)]
    monkeypatch.setattr(cache.datetime, "datetime", type("FrozenClock", (datetime.datetime,), {
        "now": classmethod(lambda cls, tz=None: now[0])}))
    calls = []

    @cache.cache
    def read(x):
        calls.append(x)
        return x

    cache.enable()
    try:
        read.set_cache_max_size(2)
        read.set_cache_expire(10)
        for x in (1, 1, 2, 2, 1):
            now[0] += datetime.timedelta(seconds=1)
            read(x)
        assert calls == [1, 2]
        now[0] += datetime.timedelta(seconds=1)
        read(3)  # the oldest stored entry (1) goes, however recently it was read
        read(1)
        assert calls == [1, 2, 3, 1]
        now[0] += datetime.timedelta(seconds=11)
        read(1)  # stored 11 s ago: expired
        assert calls == [1, 2, 3, 1, 1]
        assert read.get_cache_infos() == {"enabled": True, "expire": 10, "maxsize": 2, "hits": 3, "misses": 4,
                                          "expired_hits": 1, "current_size": 2}
        read.clear_cache()
        assert read.get_cache_infos()["current_size"] == 0 and read.get_cache_infos()["hits"] == 3
    finally:
        cache.disable()
        cache.clear_all()


def test_clear_all_reaches_what_was_stored_and_skips_what_never_was(monkeypatch):
    calls = []

    @cache.cache
    def read(x):
        calls.append(x)
        return x

    @cache.cache
    def never_cached(x):
        return x

    monkeypatch.setattr(never_cached, "clear_cache", lambda: calls.append("cleared in vain"))
    never_cached(1)  # the cache is off: nothing stored
    try:
        cache.enable()
        read(1)
        cache.disable()
        cache.clear_all()  # what was stored while on is forgotten, even with the cache off now
        cache.enable()
        read(1)
        assert calls == [1, 1]
    finally:
        cache.disable()
        cache.clear_all()


def test_cache_keys_as_upstream():
    assert cache.get_cache_key((), {}) == ""
    assert cache.get_cache_key(("a", 1), {}) == '["a", 1]'
    assert cache.get_cache_key((), {"b": 1, "a": 2}) == '{"b": 1, "a": 2}'
    assert cache.get_cache_key(("x",), {"a": 1}) == '[["x"], {"a": 1}]'
    client = gazu.client.create_client("http://host/api")
    client.access_token = "t"
    assert cache.get_cache_key((), {"client": client}) == (
        '{"client": ["http://host/api", "e3b98a4da31a127d4bde6e43033f66ba274cab0eb7eb1c70ec41402bf6273dd8"]}')
    # What upstream cannot encode (it raises) gets a key too.
    assert cache.get_cache_key((datetime.date(2026, 1, 2),), {}) == '["2026-01-02"]'
    assert cache.get_cache_key((client,), {}) == cache.get_cache_key((), {"client": client}).replace(
        '{"client": ', "[").replace("]}", "]]")


def test_cache_keys_separate_clients_by_host_and_token():
    one, two = gazu.client.create_client("http://a/api"), gazu.client.create_client("http://b/api")
    assert cache.get_cache_key((), {"client": one}) != cache.get_cache_key((), {"client": two})
    same_host = gazu.client.create_client("http://a/api", tokens={"access_token": "other"})
    assert cache.get_cache_key((), {"client": one}) != cache.get_cache_key((), {"client": same_host})
    assert cache.get_cache_key((1,), {}) == cache.get_cache_key((1,), {})


def test_cache_expiry_and_eviction_helpers():
    day = datetime.datetime(2026, 1, 1)
    memo = {"a": {"value": 1, "date_accessed": day}, "b": {"value": 2, "date_accessed": day.replace(day=2)}}
    state = {"enabled": True, "expire": 10}
    assert cache.is_cache_expired(memo, state, "a")
    memo["b"]["date_accessed"] = datetime.datetime.now()
    assert not cache.is_cache_expired(memo, state, "b")
    assert not cache.is_cache_expired(memo, {"expire": 0}, "a")  # 0: never
    assert cache.remove_oldest_entry(memo, 1) == "a" and list(memo) == ["b"]
    assert cache.remove_oldest_entry(memo, 1) is None
    assert cache.get_value(memo, "b") == 2
    store = {}
    assert cache.insert_value(lambda x: x * 2, store, (3,), {}) == 6 and store["[3]"]["value"] == 6
    assert cache.is_cache_enabled(state) is False  # globally off


def test_writes_clear_the_caches(kitsu):
    project_id = str(uuid.uuid4())
    kitsu.on("GET", "data/studios", json=[{"name": "A"}])
    kitsu.on("DELETE", "data/studios/" + project_id, body="")
    cache.enable()
    gazu.studio.all_studios()
    gazu.studio.all_studios()
    assert len(kitsu.sent) == 1
    gazu.studio.remove_studio(project_id)
    gazu.studio.all_studios()
    assert len(kitsu.sent) == 3


@pytest.mark.parametrize("value, message", [
    (None, "project: expected a project dict or an id string of UUID shape, got None"),
    ("", "project: expected a project dict or an id string of UUID shape, got ''"),
    ("project-01", "project: expected a project dict or an id string of UUID shape, got 'project-01'"),
    ({"name": "x"}, "project: expected a project dict with an 'id', got a dict with no 'id' key"),
    ({"id": None}, "project: expected a project dict with an 'id', got a dict with id None"),
    ({"id": "a/b"}, "project: expected a project dict with an 'id', got a dict with id 'a/b'"),
    (3.5, "project: expected a project dict or an id string of UUID shape, got 3.5"),
])
def test_to_id_names_the_argument(value, message):
    with pytest.raises(InvalidArgumentException) as caught:
        _api.to_id(value, "project")
    assert str(caught.value) == message


def test_ids_are_taken_where_upstream_takes_them():
    # A dict's id may be any string, a bare id string must have a UUID's shape (upstream's ValueError).
    assert _api.to_id({"id": "project-01"}, "project") == "project-01"
    assert _api.to_ids([{"id": "shot-01"}, ID], "shots") == ["shot-01", ID]
    with pytest.raises(InvalidArgumentException, match="^shots: "):
        _api.to_ids(["shot-01"], "shots")
    # An id upstream sends as given (a *_id parameter, an id read from a dict): any string that keeps the URL.
    assert _api.given_id("project-01", "project_id") == "project-01"
    assert _api.given_id({"id": "project-01"}, "project_id") == "project-01"
    assert _api.optional_id("project-01", "project", given=True) == "project-01"
    assert _api.to_ids(["person-01"], "team", given=True) == ["person-01"]
    assert _api.path("data/projects/{project}/persons/{person_id}", project={"id": "p-1"}, person_id="x") == "data/projects/p-1/persons/x"
    assert _api.path("data/persons/{id}", id="person-01") == "data/persons/person-01"
    for bad in ("a/b", "..", "", None, 3):
        with pytest.raises(InvalidArgumentException, match="^project_id: expected an id string, got "):
            _api.given_id(bad, "project_id")
    with pytest.raises(InvalidArgumentException, match="^project: "):
        _api.path("data/projects/{project}", project="project-01")
    # The lists of entities a saved dict carries, as ids (a copy).
    assert _api.with_ids({"id": "p-1", "team": [{"id": "person-01"}], "fps": 24}, "team", "task_types") == {
        "id": "p-1", "team": ["person-01"], "fps": 24}
    assert _api.with_ids("p-1", "team") == "p-1"
    # Where upstream checks a dict's id too (task.update_task_data).
    assert _api.to_id({"id": ID}, "task", uuid=True) == ID
    with pytest.raises(InvalidArgumentException, match="^task: expected a task dict with an 'id' of UUID shape, got a dict with id 'task-01'"):
        _api.to_id({"id": "task-01"}, "task", uuid=True)


def test_api_helpers():
    assert _api.to_id({"id": ID}, "asset") == ID
    assert _api.optional_id(None, "asset") is None
    assert _api.to_dict(ID, "asset") == {"id": ID}
    assert _api.to_ids([ID, {"id": ID}], "assets") == [ID, ID]
    assert _api.to_ids(ID, "assets") == [ID]
    assert _api.path("data/projects/{project}/assets/{asset}", asset={"id": ID}, project=ID) == "data/projects/%s/assets/%s" % (ID, ID)
    assert _api.query(a=1, b=None) == {"a": 1}
    assert _api.require("x", "name") == "x"
    with pytest.raises(InvalidArgumentException, match="name: expected a non-empty str"):
        _api.require("", "name")


def test_values_upstream_sends_as_given_pass_through():
    assert [_api.given(value, "name") for value in ("", 42, "x")] == ["", 42, "x"]
    with pytest.raises(InvalidArgumentException, match="^name: expected a value, got None"):
        _api.given(None, "name")
    assert _api.date(datetime.date(2024, 3, 1), "date") == "2024-03-01"
    assert _api.date("2024-3-1", "date") == "2024-3-1"  # the server judges the format, as upstream lets it
    assert _api.date(None, "date", optional=True) is None
    for bad in (None, "01/03/2024", "", 42):
        with pytest.raises(InvalidArgumentException, match="^date: expected a date"):
            _api.date(bad, "date")


def test_dict_arguments_name_the_argument():
    assert _api.entity({"id": "x"}, "comment") == {"id": "x"}
    assert _api.field({"project_id": "p-1"}, "shot", "project_id") == "p-1"
    assert _api.field({"parent_id": None}, "sequence", "parent_id", any_value=True) is None
    for value, key, message in [
        ("x", None, "asset: expected an asset dict, got 'x'"),
        ({"id": "x"}, "project_id", "shot: expected a shot dict with its 'project_id', got {'id': 'x'}"),
        ({"project_id": "a/b"}, "project_id", "shot: expected a shot dict with its 'project_id', got"),
    ]:
        with pytest.raises(InvalidArgumentException, match="^" + re.escape(message)):
            _api.field(value, message.partition(":")[0], key) if key else _api.entity(value, "asset")


def test_web_addresses():
    client = gazu.client.KitsuClient("https://kitsu.example.com/api")
    assert _api.web_url(client, "people/p-1/") == "https://kitsu.example.com/people/p-1/"
    assert _api.production_url(client, "p-1", "assets/") == "https://kitsu.example.com/productions/p-1/assets/"
    assert (_api.production_url(client, "p-1", "shots", episode="e-1")
            == "https://kitsu.example.com/productions/p-1/episodes/e-1/shots")


def test_merged_data_is_read_fresh_and_checked_first(kitsu):
    kitsu.on("GET", "data/shots/%s" % ID, json={"id": ID, "name": "SH01", "data": {"a": 1, "b": 2}})
    assert _api.with_merged_data("data/shots/{shot}", gazu.client.default_client, {"b": 3}, shot=ID) == {
        "id": ID, "data": {"a": 1, "b": 3}}
    assert _api.with_merged_data("data/shots/{shot}", gazu.client.default_client, None, whole=True, shot=ID) == {
        "id": ID, "name": "SH01", "data": {"a": 1, "b": 2}}
    with pytest.raises(InvalidArgumentException, match="^data: expected a dict"):
        _api.with_merged_data("data/shots/{shot}", gazu.client.default_client, [1], shot=ID)
    assert len(kitsu.sent) == 2


def test_local_paths_are_checked_before_any_request():
    assert _api.local_path("a.png") == "a.png"
    assert _api.local_path(None, optional=True) is None
    for bad in (None, "", 42):
        with pytest.raises(InvalidArgumentException, match="^csv_file_path: expected a file path"):
            _api.local_path(bad, "csv_file_path")
