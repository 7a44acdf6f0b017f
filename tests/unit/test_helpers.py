"""Public helpers, sorting, encoder, the cache and the shared domain helpers."""

from __future__ import annotations

import datetime
import json
import uuid

import pytest

import gazu
from gazu import _api, cache, helpers
from gazu.encoder import CustomJSONEncoder
from gazu.exception import InvalidArgumentException
from gazu.sorting import sort_by_name

ID = str(uuid.uuid4())


def test_normalize_model_parameter():
    assert helpers.normalize_model_parameter(ID) == {"id": ID}
    assert helpers.normalize_model_parameter({"id": ID, "name": "x"}) == {"id": ID, "name": "x"}
    assert helpers.normalize_model_parameter(None) is None
    for bad in ("a/b", 42, ["x"]):
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


def test_sanitize_filename():
    assert helpers.sanitize_filename('sh010: "final"?.mov') == "sh010_ _final__.mov"
    assert helpers.sanitize_filename("a/b\\c") == "a_b_c"


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
        calls.append(x)
        return {"x": x}

    try:
        read(1), read(1)
        assert calls == [1, 1]
        assert cache.enable() is True
        first = read(1)
        first["x"] = "changed by caller"
        assert read(1) == {"x": 1}  # a copy is handed out
        assert calls == [1, 1, 1]
        read.clear_cache()
        read(1)
        assert calls == [1, 1, 1, 1]
        read.set_expire(0)
        assert read.get_expire() == 0
    finally:
        assert cache.disable() is False
        cache.clear_all()


def test_cache_keys_separate_clients():
    one, two = gazu.client.create_client("http://a/api"), gazu.client.create_client("http://b/api")
    assert cache.get_cache_key((), {"client": one}) != cache.get_cache_key((), {"client": two})
    assert cache.get_cache_key((1,), {}) == cache.get_cache_key((1,), {})


def test_cache_expiry_and_eviction(monkeypatch):
    memo = {"a": {"value": 1, "date_accessed": 0.0}, "b": {"value": 2, "date_accessed": 5.0}}
    state = {"enabled": True, "expire": 10}
    monkeypatch.setattr(cache.time, "monotonic", lambda: 11.0)
    assert cache.is_cache_expired(memo, state, "a") and not cache.is_cache_expired(memo, state, "b")
    assert cache.remove_oldest_entry(memo, 1) == "a" and list(memo) == ["b"]
    assert cache.remove_oldest_entry(memo, 1) is None
    assert cache.get_value(memo, "b") == 2
    store = {}
    assert cache.insert_value(lambda x: x * 2, store, (3,), {}) == 6
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
    (None, "project: expected a project dict or id string, got None"),
    ("", "project: expected a project dict or id string, got ''"),
    ({"name": "x"}, "project: expected a project dict with an 'id', got a dict with no 'id' key"),
    ({"id": None}, "project: expected a project dict with an 'id', got a dict with id None"),
    (3.5, "project: expected a project dict or id string, got 3.5"),
])
def test_to_id_names_the_argument(value, message):
    with pytest.raises(InvalidArgumentException) as caught:
        _api.to_id(value, "project")
    assert str(caught.value) == message


def test_api_helpers():
    assert _api.to_id({"id": ID}, "asset") == ID
    assert _api.optional_id(None, "asset") is None
    assert _api.to_dict(ID, "asset") == {"id": ID}
    assert _api.to_ids([ID, {"id": ID}], "assets") == [ID, ID]
    assert _api.to_ids(ID, "assets") == [ID]
    assert _api.path("data/projects/{}/assets/{}", project=ID, asset={"id": ID}) == "data/projects/%s/assets/%s" % (ID, ID)
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


def test_update_data_merges_onto_fresh_data(kitsu):
    kitsu.on("GET", "data/entities/" + ID, json={"id": ID, "data": {"kept": 1, "changed": 1}})
    kitsu.on("PUT", "data/entities/" + ID, json={"id": ID})
    _api.update_data("data/entities/{}", gazu.client.default_client, {"changed": 2}, entity=ID)
    assert kitsu.last[3] == {"data": {"kept": 1, "changed": 2}}


def test_create_if_missing():
    assert _api.create_if_missing(lambda: {"id": 1}, lambda: pytest.fail("created")) == {"id": 1}
    assert _api.create_if_missing(lambda: None, lambda: {"id": 2}) == {"id": 2}
