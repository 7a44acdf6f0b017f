"""gazu.aio against the misbehaving loopback server: the sync client's guarantees hold for async code too."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

from gazu import _aio_client as aio_client
from gazu import aio
from gazu.exception import (
    DownloadFileException,
    FileDoesntExistException,
    HostException,
    NotAuthenticatedException,
    RouteNotFoundException,
    ServerErrorException,
    TimeoutException,
    UnexpectedResponseException,
    UploadFailedException,
)
from tests.faults.server import rewritten_in_place


def run(coroutine_function, server, **settings):
    """Run ``coroutine_function(client)`` with a client of ``server``, closed afterwards."""
    async def main():
        settings.setdefault("retries", 2)
        settings.setdefault("backoff_factor", 0.01)
        async with aio.AsyncKitsuClient(server.url, **settings) as client:
            return await coroutine_function(client)

    return asyncio.run(main())


def test_a_server_that_never_answers_times_out(server):
    started = time.monotonic()
    with pytest.raises(TimeoutException, match="GET hang: no answer"):
        run(lambda client: aio.get("hang", client=client), server, timeout=(1.0, 0.5))
    assert time.monotonic() - started < 3
    assert server.count("GET", "hang") == 1


@pytest.mark.parametrize("path", ["trickle-head", "trickle-body"])
def test_a_trickling_answer_is_cut_at_the_total_timeout(server, path):
    started = time.monotonic()
    with pytest.raises(TimeoutException, match="GET %s: no complete answer within 1s" % path):
        run(lambda client: aio.get(path, client=client), server, timeout=(1.0, 2.0), total_timeout=1.0)
    assert time.monotonic() - started < 6  # not the minutes a trickle lasts (roomy for a busy machine)
    assert server.count("GET", path) == 1


def test_each_byte_received_moves_the_read_timeout_on(server):
    # A byte every 0.25 s never leaves 0.6 s of silence: only the total timeout cuts the trickle.
    with pytest.raises(TimeoutException, match="GET trickle-body: no complete answer within 2s"):
        run(lambda client: aio.get("trickle-body", client=client), server, timeout=(1.0, 0.6), total_timeout=2.0)


def test_a_connection_idle_longer_than_the_read_timeout_serves_the_next_request(server):
    async def two_calls_apart(client):
        first = await aio.get("data/x", client=client)
        await asyncio.sleep(0.6)  # the first answer's read timeout would have passed by now
        return [first, await aio.get("data/x", client=client)]

    assert run(two_calls_apart, server, access_token="t", timeout=(1.0, 0.3)) == [{"token": "t"}] * 2
    assert server.count("GET", "data/x") == 2


def test_a_trickling_download_is_cut_and_leaves_the_previous_file(server, tmp_path):
    target = tmp_path / "plate.exr"
    target.write_bytes(b"previous good version")
    with pytest.raises(DownloadFileException, match=r"download failed \(transfer stalled: less than 1024 bytes"):
        run(lambda client: aio.download("trickle-body", str(target), client=client), server,
            timeout=(1.0, 2.0), total_timeout=1.0)
    assert target.read_bytes() == b"previous good version"
    assert os.listdir(tmp_path) == ["plate.exr"]


def test_a_slow_but_moving_download_outlasts_the_total_timeout(server, tmp_path):
    target = tmp_path / "plate.exr"
    run(lambda client: aio.download("slow-download", str(target), client=client), server,
        timeout=(1.0, 2.0), total_timeout=1.0, retries=0)
    assert target.read_bytes() == server.payload


def test_a_slow_but_moving_upload_outlasts_the_total_timeout(server, tmp_path):
    movie = tmp_path / "movie.mov"
    movie.write_bytes(b"x" * (2 * 1024 * 1024))
    answer = run(lambda client: aio.upload("slow-read", str(movie), client=client), server,
                 timeout=(1.0, 10.0), total_timeout=1.0, retries=0)
    assert answer["received"] > 2 * 1024 * 1024


def test_503_bursts_are_retried_for_get_but_not_for_post(server):
    assert run(lambda client: aio.get("flaky", client=client), server) == {"ok": True}
    assert server.count("GET", "flaky") == 3
    with pytest.raises(ServerErrorException, match="POST flaky: 503"):
        run(lambda client: aio.post("flaky", {}, client=client), server)
    assert server.count("POST", "flaky") == 1


def test_garbage_json_is_reported_with_an_excerpt(server):
    with pytest.raises(UnexpectedResponseException, match=r"not JSON \(application/json\)"):
        run(lambda client: aio.get("garbage", client=client), server)


@pytest.mark.parametrize("verb", ["post", "put"])
def test_a_sign_in_page_instead_of_json_raises(server, verb):
    with pytest.raises(UnexpectedResponseException, match=r"portal: 200 answer is not JSON \(text/html\): <html>"):
        run(lambda client: getattr(aio, verb)("portal", {"name": "x"}, client=client), server)


def test_a_sign_in_page_answering_an_upload_raises(server, tmp_path):
    movie = tmp_path / "movie.mov"
    movie.write_bytes(b"x" * 1000)
    with pytest.raises(UnexpectedResponseException, match=r"POST portal: 200 answer is not JSON \(text/html\)"):
        run(lambda client: aio.upload("portal", str(movie), client=client), server)


def test_a_cut_download_leaves_the_previous_file_untouched(server, tmp_path):
    target = tmp_path / "plate.exr"
    target.write_bytes(b"previous good version")
    with pytest.raises(DownloadFileException, match="GET cut: download failed .*left untouched"):
        run(lambda client: aio.download("cut", str(target), client=client), server)
    assert target.read_bytes() == b"previous good version"
    assert os.listdir(tmp_path) == ["plate.exr"]
    assert server.count("GET", "cut") == 3


def test_a_cut_download_is_resumed_by_a_retry(server, tmp_path):
    target = tmp_path / "plate.exr"
    run(lambda client: aio.download("cut-once", str(target), client=client), server)
    assert target.read_bytes() == server.payload


def test_many_tasks_hitting_401_send_one_refresh(server):
    async def sixteen_calls(client):
        client.tokens = {"refresh_token": "refresh-token"}  # no access token: every first call gets a 401
        return await asyncio.gather(*(aio.get("data/x", client=client) for _ in range(16)))

    assert run(sixteen_calls, server) == [{"token": "refreshed"}] * 16
    assert server.count("GET", "auth/refresh-token") == 1


def test_a_refresh_answered_without_a_token_is_not_authenticated(server):
    server.refresh_answer = b"{}"
    called = []

    async def call(client):
        client.callback_not_authenticated = lambda *args: called.append(args)
        client.tokens = {"refresh_token": "refresh-token"}
        with pytest.raises(NotAuthenticatedException, match="GET data/x: 401"):
            await aio.get("data/x", client=client)
        with pytest.raises(NotAuthenticatedException, match="auth/refresh-token: .*no access token"):
            await client.refresh_access_token()

    run(call, server)
    assert [path for _client, path in called] == ["data/x"]


def test_a_download_whose_final_rename_fails_leaves_no_temporary_file(server, tmp_path, monkeypatch):
    target = tmp_path / "plate.exr"
    target.write_bytes(b"previous good version")

    def locked(source, destination):
        raise PermissionError(13, "The process cannot access the file", str(destination))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(DownloadFileException, match="PermissionError"):
        run(lambda client: aio.download("file", str(target), client=client), server)
    assert os.listdir(tmp_path) == ["plate.exr"] and target.read_bytes() == b"previous good version"


def test_a_download_onto_a_symlink_replaces_the_file_it_points_to(server, tmp_path):
    real = tmp_path / "plate_v001.exr"
    real.write_bytes(b"previous good version")
    link = tmp_path / "plate.exr"
    link.symlink_to(real)
    run(lambda client: aio.download("file", str(link), client=client), server)
    assert link.is_symlink() and real.read_bytes() == server.payload


def test_an_html_page_answering_a_download_is_not_saved_as_the_file(server, tmp_path):
    target = tmp_path / "plate.exr"
    target.write_bytes(b"previous good version")
    with pytest.raises(DownloadFileException, match=r"GET portal: .*HTML page \(text/html\).*<html><body><form"):
        run(lambda client: aio.download("portal", str(target), client=client), server)
    assert target.read_bytes() == b"previous good version" and os.listdir(tmp_path) == ["plate.exr"]


def test_a_file_rewritten_in_place_at_the_same_size_during_upload_fails(server, tmp_path):
    movie = tmp_path / "movie.mov"
    rewrite = rewritten_in_place(movie)
    with pytest.raises(UploadFailedException, match="movie.mov changed while it was sent"):
        run(lambda client: aio.upload("upload", str(movie), client=client, progress_callback=rewrite), server)


def test_an_extra_file_deleted_before_it_is_sent_is_named(server, tmp_path, monkeypatch):
    movie, extra = tmp_path / "movie.mov", tmp_path / "movie_hd.mov"
    movie.write_bytes(b"a" * 1000)
    extra.write_bytes(b"b" * 1000)
    checked = aio_client.upload_parts

    def check_then_lose_the_extra(*args, **kwargs):
        parts = checked(*args, **kwargs)
        extra.unlink()  # between the check and the sending
        return parts

    monkeypatch.setattr(aio_client, "upload_parts", check_then_lose_the_extra)
    with pytest.raises(FileDoesntExistException, match="movie_hd.mov"):
        run(lambda client: aio.upload("upload", str(movie), extra_files=[str(extra)], client=client), server)


def test_a_log_in_redirected_to_another_host_does_not_follow_with_the_password(server):
    server.login_redirect = "http://localhost:%d/auth/login"
    with pytest.raises(HostException, match="POST http://127.0.0.1:.*/auth/login: the server redirected to "
                                            "http://localhost:.*not followed"):
        run(lambda client: aio.log_in("me@example.com", "s3cret", client=client), server)
    assert server.logins == []


def test_a_log_in_redirected_on_the_same_host_is_followed(server):
    server.login_redirect = "http://127.0.0.1:%d/auth/login-moved"
    answer = run(lambda client: aio.log_in("me@example.com", "s3cret", client=client), server)
    assert answer["access_token"] == "token-1" and [login["host"] for login in server.logins] == ["127.0.0.1"]


def test_a_delete_done_behind_a_503_is_done_when_its_replay_finds_nothing(server):
    assert run(lambda client: aio.delete("deleted-behind-503", client=client), server) == ""
    assert server.count("DELETE", "deleted-behind-503") == 2
    with pytest.raises(RouteNotFoundException):
        run(lambda client: aio.delete("missing", client=client), server)
