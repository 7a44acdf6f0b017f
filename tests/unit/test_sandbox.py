"""The sandbox's process helpers: what they write in logs and errors (no server started here)."""

from __future__ import annotations

import stat
import sys

import pytest

from gazu.sandbox._process import Process, SandboxError, run_logged

SECRET = "Corr3ct-Horse-Battery"


def test_a_password_given_to_a_command_is_neither_logged_nor_raised(tmp_path):
    log = tmp_path / "zou-cli.log"
    command = [sys.executable, "-c", "import sys; print('cannot create admin'); sys.exit(3)",
               "create-admin", "me@example.com", "--password", SECRET]
    with pytest.raises(SandboxError) as caught:
        run_logged(command, log, what="zou create-admin")
    assert "cannot create admin" in str(caught.value)  # the log's tail is in the error...
    assert SECRET not in str(caught.value)  # ...but not the password
    assert SECRET not in log.read_text()
    assert "--password ***" in log.read_text()


def test_the_password_option_is_hidden_in_its_equals_form_too(tmp_path):
    log = tmp_path / "zou-cli.log"
    run_logged([sys.executable, "-c", "pass", "--password=%s" % SECRET], log)
    assert SECRET not in log.read_text() and "--password=***" in log.read_text()


def test_logs_are_readable_by_their_owner_only(tmp_path):
    run_logged([sys.executable, "-c", "print('hello')"], tmp_path / "zou-cli.log")
    process = Process("echo", tmp_path / "service.log")
    process.start([sys.executable, "-c", "print('hello')"], env={}, cwd=tmp_path)
    process.popen.wait(10)
    for name in ("zou-cli.log", "service.log"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
