import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.unit.conftest import new_id


def test_all_studios_sorted_by_name(kitsu):
    kitsu.on("GET", "data/studios", json=[{"name": "b"}, {"name": "A"}])
    assert [s["name"] for s in gazu.studio.all_studios()] == ["A", "b"]
    assert kitsu.sent == [("GET", "data/studios", {}, None)]


def test_get_studio(kitsu):
    studio_id = new_id()
    kitsu.on("GET", "data/studios/" + studio_id, json={"id": studio_id})
    assert gazu.studio.get_studio(studio_id) == {"id": studio_id}


def test_get_studio_by_name(kitsu):
    kitsu.on("GET", "data/studios", json=[{"name": "North"}])
    assert gazu.studio.get_studio_by_name("North") == {"name": "North"}
    assert kitsu.last == ("GET", "data/studios", {"name": "North"}, None)


def test_get_studio_by_name_none_found(kitsu):
    kitsu.on("GET", "data/studios", json=[])
    assert gazu.studio.get_studio_by_name("North") is None


def test_update_studio_sends_whole_dict(kitsu):
    studio = {"id": new_id(), "name": "South"}
    kitsu.on("PUT", "data/studios/" + studio["id"], json=studio)
    assert gazu.studio.update_studio(studio) == studio
    assert kitsu.last == ("PUT", "data/studios/" + studio["id"], {}, studio)


@pytest.mark.parametrize("force, query", [(False, {}), (True, {"force": "True"})])
def test_remove_studio(kitsu, force, query):
    studio_id = new_id()
    kitsu.on("DELETE", "data/studios/" + studio_id, body="")
    gazu.studio.remove_studio({"id": studio_id}, force=force)
    assert kitsu.last == ("DELETE", "data/studios/" + studio_id, query, None)


@pytest.mark.parametrize("bad", [None, "", "a/b", {"name": "x"}, 42])
def test_bad_arguments_rejected_before_any_request(kitsu, bad):
    with pytest.raises(InvalidArgumentException, match="^studio:"):
        gazu.studio.remove_studio(bad)
    assert kitsu.sent == []
