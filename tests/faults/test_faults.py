"""The transport against a real, misbehaving server on loopback: nothing hangs, nothing is lost."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import tracemalloc

import pytest

import gazu
from gazu import client as raw
from gazu.exception import (
    DownloadFileException,
    FileDoesntExistException,
    HostException,
    InvalidArgumentException,
    NetworkException,
    NotAuthenticatedException,
    RouteNotFoundException,
    ServerErrorException,
    TimeoutException,
    UnexpectedResponseException,
    UploadFailedException,
)
from tests.faults.server import rewritten_in_place


@pytest.fixture
def client(server):
    return raw.create_client(server.url, timeout=(1.0, 0.5), retries=2, backoff_factor=0.01)


def test_a_server_that_never_answers_times_out(client, server):
    started = time.monotonic()
    with pytest.raises(TimeoutException, match="GET hang: no answer"):
        raw.get("hang", client=client)
    assert time.monotonic() - started < 3
    assert server.count("GET", "hang") == 1  # a read timeout is not retried


def test_an_unreachable_host_fails_fast_after_bounded_retries():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = raw.create_client("http://127.0.0.1:%d" % port, timeout=(0.5, 0.5), retries=2, backoff_factor=0.01)
    started = time.monotonic()
    with pytest.raises(NetworkException, match="POST data/x: cannot reach"):
        raw.post("data/x", {}, client=client)
    assert time.monotonic() - started < 3


def test_503_bursts_are_retried_for_get(client, server):
    assert raw.get("flaky", client=client) == {"ok": True}
    assert server.count("GET", "flaky") == 3


def test_503_is_not_retried_for_post(client, server):
    with pytest.raises(ServerErrorException, match="POST flaky: 503 X: busy"):
        raw.post("flaky", {"name": "x"}, client=client)
    assert server.count("POST", "flaky") == 1


def test_garbage_json_is_reported_with_an_excerpt(client):
    with pytest.raises(UnexpectedResponseException, match=r"not JSON \(application/json\): \{\"id\": \"1\", oops"):
        raw.get("garbage", client=client)


@pytest.mark.parametrize("call", [
    lambda client: raw.get("portal", client=client),
    lambda client: raw.post("portal", {"name": "x"}, client=client),
    lambda client: raw.put("portal", {"name": "x"}, client=client),
], ids=["get", "post", "put"])
def test_a_sign_in_page_instead_of_json_raises(client, call):
    with pytest.raises(UnexpectedResponseException, match=r"portal.*: 200 answer is not JSON \(text/html\): <html>"):
        call(client)


def test_a_sign_in_page_answering_an_upload_raises(client, tmp_path):
    movie = tmp_path / "movie.mov"
    movie.write_bytes(b"x" * 1000)
    with pytest.raises(UnexpectedResponseException, match=r"POST portal: 200 answer is not JSON \(text/html\)"):
        raw.upload("portal", str(movie), client=client)


def test_an_html_error_page_is_reported_readably(server):
    client = raw.create_client(server.url, retries=0)
    with pytest.raises(ServerErrorException) as caught:
        raw.get("html503", client=client)
    assert str(caught.value) == (
        "GET html503: 503 X: No additional information (<html><body><h1>503 Service Unavailable</h1>nginx</body></html>)")


def test_a_slow_body_within_the_read_timeout_succeeds(client):
    # 30 pieces, 50 ms apart: 1.5 s in all, longer than the 0.5 s read timeout,
    # which bounds each silence, not the whole transfer.
    assert raw.get("slow", client=client) == {"pieces": list(range(10))}


def test_a_cut_download_leaves_the_previous_file_untouched(client, server, tmp_path):
    target = tmp_path / "plate.exr"
    target.write_bytes(b"previous good version")
    with pytest.raises(DownloadFileException, match="GET cut: download failed .*left untouched"):
        raw.download("cut", str(target), client=client)
    assert target.read_bytes() == b"previous good version"
    assert os.listdir(tmp_path) == ["plate.exr"]
    assert server.count("GET", "cut") == 3  # retried, then given up


def test_a_cut_download_is_resumed_by_a_retry(client, server, tmp_path):
    target = tmp_path / "plate.exr"
    raw.download("cut-once", str(target), client=client)
    assert target.read_bytes() == server.payload
    assert os.listdir(tmp_path) == ["plate.exr"]


def test_upload_streams_in_constant_memory(client, tmp_path):
    movie = tmp_path / "movie.mov"
    size = 64 * 1024 * 1024
    with open(movie, "wb") as handle:
        handle.truncate(size)
    tracemalloc.start()
    try:
        answer = raw.upload("upload", str(movie), data={"name": "v1"}, client=client)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert answer["received"] > size and not answer["chunked"]
    assert peak < 8 * 1024 * 1024, "upload held %d bytes in memory" % peak


def test_a_file_that_shrinks_during_upload_fails_instead_of_truncating(client, tmp_path):
    movie = tmp_path / "movie.mov"
    movie.write_bytes(b"x" * (4 * 1024 * 1024))

    def shrink(sent, total):
        if sent > 1024 * 1024 and movie.stat().st_size:
            with open(movie, "r+b") as handle:
                handle.truncate(1024)

    with pytest.raises(UploadFailedException, match="changed size"):
        raw.upload("upload", str(movie), client=client, progress_callback=shrink)


# Log-in and tokens ----------------------------------------------------------------


def test_threads_first_using_an_environment_client_share_one_log_in(server, monkeypatch):
    monkeypatch.setenv("KITSU_HOST", server.url)
    monkeypatch.setenv("KITSU_LOGIN", "ci@example.com")
    monkeypatch.setenv("KITSU_PASSWORD", "secret")
    client = raw.KitsuClient.from_env(retries=0)
    barrier = threading.Barrier(16)
    results, errors = [], []

    def first_call():
        barrier.wait(timeout=5)
        try:
            results.append(client.get("data/x"))
        except Exception as error:  # noqa: BLE001 - the test reports what each thread got
            errors.append(error)

    threads = [threading.Thread(target=first_call) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert errors == []
    assert results == [{"token": "token-1"}] * 16
    assert server.logins == [{"email": "ci@example.com", "password": "secret", "totp": None, "email_otp": None,
                              "fido_authentication_response": None, "recovery_code": None, "host": "127.0.0.1"}]


# A total deadline per request: a trickling server does not hold a call for ever -----


@pytest.fixture
def impatient(server):
    """A client whose reads may each wait 2 s, and whose requests may take 1 s in all."""
    return raw.create_client(server.url, timeout=(1.0, 2.0), total_timeout=1.0, retries=2, backoff_factor=0.01)


@pytest.mark.parametrize("path", ["trickle-head", "trickle-body"])
def test_a_trickling_answer_is_cut_at_the_total_timeout(impatient, server, path):
    started = time.monotonic()
    with pytest.raises(TimeoutException, match="GET %s: no complete answer within 1s" % path):
        raw.get(path, client=impatient)
    assert time.monotonic() - started < 6  # not the minutes a trickle lasts (roomy for a busy machine)
    assert server.count("GET", path) == 1  # like a read timeout, not retried


def test_a_trickling_download_is_cut_and_leaves_the_previous_file(impatient, server, tmp_path):
    target = tmp_path / "plate.exr"
    target.write_bytes(b"previous good version")
    started = time.monotonic()
    with pytest.raises(DownloadFileException, match=r"GET trickle-body: download failed \(transfer stalled: less than 1024 bytes moved in 1s\)"):
        raw.download("trickle-body", str(target), client=impatient)
    assert time.monotonic() - started < 6  # not the minutes a trickle lasts (roomy for a busy machine)
    assert target.read_bytes() == b"previous good version"
    assert os.listdir(tmp_path) == ["plate.exr"]


def test_a_slow_but_moving_download_outlasts_the_total_timeout(server, tmp_path):
    client = raw.create_client(server.url, timeout=(1.0, 2.0), total_timeout=1.0, retries=0)
    target = tmp_path / "plate.exr"
    raw.download("slow-download", str(target), client=client)  # 1.6 s
    assert target.read_bytes() == server.payload


def test_a_slow_but_moving_upload_outlasts_the_total_timeout(server, tmp_path):
    # The socket's buffers take much of the file at once: the server reads it for 3 s after that.
    client = raw.create_client(server.url, timeout=(1.0, 10.0), total_timeout=1.0, retries=0)
    movie = tmp_path / "movie.mov"
    movie.write_bytes(b"x" * (2 * 1024 * 1024))
    assert raw.upload("slow-read", str(movie), client=client)["received"] > 2 * 1024 * 1024


def test_an_upload_whose_answer_trickles_is_cut(impatient, server, tmp_path):
    movie = tmp_path / "movie.mov"
    movie.write_bytes(b"x" * (4 * 1024 * 1024))
    started = time.monotonic()
    with pytest.raises(TimeoutException, match="POST trickle-answer: transfer stalled: less than 1024 bytes moved in 1s"):
        raw.upload("trickle-answer", str(movie), client=impatient)
    assert time.monotonic() - started < 5
    assert server.upload_received > 4 * 1024 * 1024


def test_requests_sent_after_a_cut_one_reuse_the_pool_safely(impatient, server):
    with pytest.raises(TimeoutException):
        raw.get("trickle-head", client=impatient)
    assert [raw.get("ok", client=impatient) for _ in range(3)] == [[{"id": 1}]] * 3


@pytest.mark.parametrize("answer", [b"{}", b'{"access_token": null}', b"[]", b'"ok"', b""])
def test_a_refresh_answered_without_a_token_is_not_authenticated(server, answer):
    server.refresh_answer = answer
    called = []
    client = raw.create_client(server.url, retries=0, callback_not_authenticated=lambda *args: called.append(args))
    client.tokens = {"refresh_token": "refresh-token"}
    with pytest.raises(NotAuthenticatedException, match="GET data/x: 401"):
        raw.get("data/x", client=client)
    assert called == [(client, "data/x")]
    with pytest.raises(NotAuthenticatedException, match="auth/refresh-token: .*no access token"):
        client.refresh_access_token()


# Files: never a half-written, mixed or misplaced file ---------------------------------------


def test_a_download_onto_a_folder_fails_before_the_request_and_leaves_nothing(client, server, tmp_path):
    (tmp_path / "plate.exr").mkdir()
    with pytest.raises(InvalidArgumentException, match="file_path: .*plate.exr is a folder"):
        raw.download("file", str(tmp_path / "plate.exr"), client=client)
    assert os.listdir(tmp_path) == ["plate.exr"] and server.count("GET", "file") == 0


def test_a_download_whose_final_rename_fails_leaves_no_temporary_file(client, tmp_path, monkeypatch):
    target = tmp_path / "plate.exr"
    target.write_bytes(b"previous good version")

    def locked(source, destination):  # as Windows answers while another program holds the target open
        raise PermissionError(13, "The process cannot access the file", str(destination))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(DownloadFileException, match="PermissionError"):
        raw.download("file", str(target), client=client)
    assert os.listdir(tmp_path) == ["plate.exr"]
    assert target.read_bytes() == b"previous good version"


def test_a_download_onto_a_symlink_replaces_the_file_it_points_to(client, server, tmp_path):
    (tmp_path / "store").mkdir()
    real = tmp_path / "store" / "plate_v001.exr"
    real.write_bytes(b"previous good version")
    link = tmp_path / "plate.exr"
    link.symlink_to(real)
    raw.download("file", str(link), client=client)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == server.payload
    assert sorted(os.listdir(tmp_path / "store")) == ["plate_v001.exr"]


@pytest.mark.parametrize("name, saved", [("plate.exr", False), ("thumbnail.png", False), ("page.html", True)])
def test_an_html_page_answering_a_download_is_not_saved_as_the_file(client, tmp_path, name, saved):
    target = tmp_path / name
    target.write_bytes(b"previous good version")
    if saved:
        raw.download("portal", str(target), client=client)
        assert target.read_bytes().startswith(b"<html>")
        return
    with pytest.raises(DownloadFileException, match=r"GET portal: .*HTML page \(text/html\).*<html><body><form"):
        raw.download("portal", str(target), client=client)
    assert target.read_bytes() == b"previous good version"
    assert os.listdir(tmp_path) == [name]


def test_a_file_rewritten_in_place_at_the_same_size_during_upload_fails(client, tmp_path):
    movie = tmp_path / "movie.mov"
    rewrite = rewritten_in_place(movie)
    with pytest.raises(UploadFailedException, match="movie.mov changed while it was sent"):
        raw.upload("upload", str(movie), client=client, progress_callback=rewrite)


def test_an_extra_file_deleted_before_its_turn_is_named(client, tmp_path):
    movie, extra = tmp_path / "movie.mov", tmp_path / "movie_hd.mov"
    movie.write_bytes(b"a" * (8 * 1024 * 1024))
    extra.write_bytes(b"b" * 1000)

    def delete_extra(sent, total):
        if extra.exists():
            extra.unlink()

    with pytest.raises(FileDoesntExistException, match="movie_hd.mov"):
        raw.upload("upload", str(movie), extra_files=[str(extra)], client=client, progress_callback=delete_extra)


def test_retry_warnings_stay_silent_when_the_application_configured_no_logging():
    script = (
        "from tests.faults.server import FaultServer\n"
        "from gazu import client as raw\n"
        "with FaultServer() as server:\n"
        "    client = raw.create_client(server.url, retries=2, backoff_factor=0.01)\n"
        "    assert raw.get('flaky', client=client) == {'ok': True}\n"
        "    assert server.count('GET', 'flaky') == 3\n"
    )
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    finished = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=60)
    assert finished.returncode == 0, finished.stderr
    assert finished.stderr == ""  # the library's NullHandler: warnings only where the application asks for them


def test_a_log_in_redirected_to_another_host_does_not_follow_with_the_password(client, server):
    server.login_redirect = "http://localhost:%d/auth/login"  # same server, another host name
    with pytest.raises(HostException, match="POST http://127.0.0.1:.*/auth/login: the server redirected to http://localhost:.*not followed"):
        gazu.log_in("me@example.com", "s3cret", client=client)
    assert server.logins == []


def test_a_log_in_redirected_on_the_same_host_is_followed(client, server):
    server.login_redirect = "http://127.0.0.1:%d/auth/login-moved"
    assert gazu.log_in("me@example.com", "s3cret", client=client)["access_token"] == "token-1"
    assert server.logins == [{"email": "me@example.com", "password": "s3cret", "totp": None, "email_otp": None,
                              "fido_authentication_response": None, "recovery_code": None, "host": "127.0.0.1"}]


def test_a_delete_done_behind_a_503_is_done_when_its_replay_finds_nothing(client, server):
    assert raw.delete("deleted-behind-503", client=client) == ""
    assert server.count("DELETE", "deleted-behind-503") == 2


def test_a_delete_of_nothing_is_still_a_404(client, server):
    with pytest.raises(RouteNotFoundException):
        raw.delete("missing", client=client)
    assert server.count("DELETE", "missing") == 1
