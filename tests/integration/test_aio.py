"""gazu.aio against the sandbox Kitsu: log in, read, write, files, a 401 answered by a refresh, the sync errors."""

from __future__ import annotations

import asyncio
import uuid

import pytest

import gazu
from gazu import aio
from gazu.exception import AuthFailedException, GazuException, NotAuthenticatedException, RouteNotFoundException
from tests.conftest import unique
from tests.pictures import png

pytestmark = pytest.mark.integration

NOT_EXERCISED: dict[str, str] = {}


@pytest.fixture
def session(kitsu_sandbox):
    """Run ``async body(client)`` with an async client logged in as the sandbox's administrator."""

    def run(body):
        async def main():
            client = await aio.create_session(kitsu_sandbox.host, kitsu_sandbox.admin_email,
                                              kitsu_sandbox.admin_password)
            async with client:
                return await body(client)
        return asyncio.run(main())

    return run


def test_log_in_read_and_log_out(kitsu_sandbox, session):
    async def body(client):
        user = await aio.get("auth/authenticated", client=client)
        up = await aio.check_server_status(client)
        await aio.log_out(client)
        with pytest.raises(NotAuthenticatedException):
            await aio.get("data/projects", client=client)
        return user, up

    user, up = session(body)
    assert user["user"]["email"] == kitsu_sandbox.admin_email and up is True


def test_wrong_password_is_refused(kitsu_sandbox):
    with pytest.raises(AuthFailedException, match="log-in refused for %s" % kitsu_sandbox.admin_email):
        asyncio.run(aio.create_session(kitsu_sandbox.host, kitsu_sandbox.admin_email, "not-the-password"))


def test_create_read_update_remove_and_fan_out(admin_client, new_project, session):
    names = [unique("aio-type") for _ in range(12)]

    async def body(client):
        created = await asyncio.gather(*(aio.create("task-types", {"name": name}, client=client) for name in names))
        read = await asyncio.gather(*(aio.fetch_one("task-types", item["id"], client=client) for item in created))
        await aio.update("task-types", created[0]["id"], {"color": "#123456"}, client=client)
        listed = await aio.fetch_all("task-types", client=client)
        first = await aio.fetch_first("task-types", params={"name": names[1]}, client=client)
        projects = await aio.fetch_all("projects", client=client)
        await aio.delete("data/task-types/%s" % created[2]["id"], client=client)
        return created, read, listed, first, projects

    created, read, listed, first, projects = session(body)
    assert [item["name"] for item in read] == names
    assert set(names) <= {item["name"] for item in listed}
    assert first["id"] == created[1]["id"] and new_project["id"] in {item["id"] for item in projects}
    assert gazu.client.fetch_one("task-types", created[0]["id"])["color"] == "#123456"  # read back by the sync client
    with pytest.raises(RouteNotFoundException):
        gazu.client.fetch_one("task-types", created[2]["id"])


def test_errors_are_the_sync_clients(admin_client, session):
    path = "data/task-types/%s" % uuid.uuid4()
    with pytest.raises(GazuException) as sync_error:
        gazu.client.get(path)

    async def body(client):
        with pytest.raises(GazuException) as async_error:
            await aio.get(path, client=client)
        return async_error.value

    error = session(body)
    assert type(error) is type(sync_error.value) is RouteNotFoundException
    assert str(error) == str(sync_error.value) and str(error).startswith("GET %s: 404 NOT FOUND" % path)


def test_a_revoked_token_is_refreshed_once_for_concurrent_requests(kitsu_sandbox, session):
    async def body(client):
        other = await aio.create_session(kitsu_sandbox.host, kitsu_sandbox.admin_email, kitsu_sandbox.admin_password)
        async with other:
            revoked = other.access_token
            await aio.log_out(other)  # the server now answers 401 to this token
        client.tokens["access_token"] = revoked
        answers = await asyncio.gather(*(aio.get("auth/authenticated", client=client) for _ in range(8)))
        return revoked, client.access_token, answers

    revoked, current, answers = session(body)
    assert current != revoked
    assert all(answer["user"]["email"] == kitsu_sandbox.admin_email for answer in answers)


def test_upload_then_download_an_avatar(kitsu_sandbox, session, tmp_path):
    source, target = tmp_path / "avatar.png", tmp_path / "back.png"
    source.write_bytes(png())
    progress = []

    async def body(client):
        me = (await aio.get("auth/authenticated", client=client))["user"]
        await aio.upload("pictures/thumbnails/persons/%s" % me["id"], str(source), client=client,
                         progress_callback=lambda sent, total: progress.append((sent, total)))
        await aio.download("pictures/thumbnails/persons/%s.png" % me["id"], str(target), client=client)
        person = await aio.fetch_one("persons", me["id"], client=client)
        return person

    person = session(body)
    assert person["has_avatar"] is True
    assert target.read_bytes().startswith(b"\x89PNG") and sorted(p.name for p in tmp_path.iterdir()) == [
        "avatar.png", "back.png"]
    assert progress[-1] == (source.stat().st_size, source.stat().st_size)
