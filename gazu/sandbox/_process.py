"""Child processes of the sandbox: spawn in their own process group, stop the whole group.

Every service runs in a session of its own, so stopping it signals the whole
group (a gunicorn master and its workers, a postmaster and its backends) and
nothing is orphaned. Started from the main thread, children also get a
parent-death signal: if the Python process is killed outright, they go too.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO


class SandboxError(RuntimeError):
    """The sandbox could not be provisioned, started or stopped; the message says why and what to do."""


_PR_SET_PDEATHSIG = 1
# Options whose value is a secret: shown as *** in logs and errors.
_SECRET_OPTIONS = ("--password",)


def _load_prctl() -> Callable[..., int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        return libc.prctl
    except (OSError, AttributeError):
        return None


_prctl = _load_prctl()


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def printable(command: Sequence[str]) -> str:
    """Return a command line to show in logs and errors, the values of secret options hidden."""
    shown: list[str] = []
    hide_next = False
    for argument in command:
        name, equals, _value = argument.partition("=")
        if hide_next:
            argument = "***"
        elif name in _SECRET_OPTIONS and equals:
            argument = name + "=***"
        hide_next = argument in _SECRET_OPTIONS
        shown.append(argument)
    return " ".join(shown)


def open_log(path: Path) -> BinaryIO:
    """Open a log file for appending, readable by its owner only (it may quote what a service was given)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    os.fchmod(descriptor, 0o600)
    return os.fdopen(descriptor, "ab")


def tail(path: Path, lines: int = 40) -> str:
    """Return the last ``lines`` lines of a log file, or a note saying it is missing."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 64 * 1024))
            text = handle.read().decode("utf-8", "replace")
    except OSError as error:
        return "(no log: %s)" % error
    return "\n".join(text.splitlines()[-lines:])


def describe_logs(paths: Sequence[Path], lines: int = 40) -> str:
    """Return the tails of several log files, each under a header naming it."""
    parts = []
    for path in paths:
        parts.append("----- last lines of %s -----\n%s" % (path, tail(path, lines)))
    return "\n".join(parts)


class ServiceUser:
    """The unprivileged account a service runs as when the sandbox runs as root."""

    def __init__(self, name: str, uid: int, gid: int):
        self.name = name
        self.uid = uid
        self.gid = gid

    def chown_tree(self, root: Path) -> None:
        """Give ``root`` and everything below it to this account."""
        os.chown(root, self.uid, self.gid)
        for folder, dirnames, filenames in os.walk(root):
            for name in dirnames + filenames:
                os.chown(os.path.join(folder, name), self.uid, self.gid, follow_symlinks=False)


class Process:
    """One service: a command in its own process group whose output goes to a log file."""

    def __init__(self, name: str, log_path: Path):
        self.name = name
        self.log_path = log_path
        self.popen: subprocess.Popen | None = None

    def start(
        self,
        command: Sequence[str],
        env: dict[str, str],
        cwd: Path,
        user: ServiceUser | None = None,
        death_signal: int = signal.SIGTERM,
    ) -> None:
        """Spawn ``command``; its stdout and stderr are appended to the log file."""
        use_death_signal = _prctl is not None and threading.current_thread() is threading.main_thread()

        def arm_death_signal():  # runs in the child, after the user switch
            _prctl(_PR_SET_PDEATHSIG, int(death_signal), 0, 0, 0)

        extra: dict[str, Any] = {}
        if user is not None:
            extra = {"user": user.uid, "group": user.gid, "extra_groups": []}
        with open_log(self.log_path) as log:
            try:
                self.popen = subprocess.Popen(
                    list(command),
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    env=env,
                    cwd=str(cwd),
                    start_new_session=True,
                    preexec_fn=arm_death_signal if use_death_signal else None,
                    **extra,
                )
            except OSError as error:
                raise SandboxError("cannot start %s (%s): %s" % (self.name, command[0], error)) from error

    @property
    def pid(self) -> int | None:
        return self.popen.pid if self.popen is not None else None

    def exited(self) -> bool:
        """Return True if the process was started and has ended."""
        return self.popen is not None and self.popen.poll() is not None

    def signal_group(self, signum: int) -> bool:
        """Send ``signum`` to the whole process group; return False if nothing was left to signal."""
        if self.popen is None:
            return False
        try:
            os.killpg(self.popen.pid, signum)
        except OSError as error:
            if error.errno == errno.ESRCH:
                return False
            raise
        return True

    def group_alive(self) -> bool:
        """Return True while any process of the group is alive (zombies of ours are reaped first)."""
        if self.popen is None:
            return False
        self.popen.poll()
        return self.signal_group(0)

    def stop(self, first_signal: int = signal.SIGTERM, grace: float = 10.0) -> None:
        """Signal the group, wait up to ``grace`` seconds, then kill whatever is left of it."""
        if self.popen is None:
            return
        if self.signal_group(first_signal):
            deadline = time.monotonic() + grace
            while time.monotonic() < deadline and self.group_alive():
                time.sleep(0.05)
            if self.group_alive():
                self.signal_group(signal.SIGKILL)
                deadline = time.monotonic() + 5
                while time.monotonic() < deadline and self.group_alive():
                    time.sleep(0.05)
        try:
            self.popen.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self.popen = None


def run_logged(
    command: Sequence[str],
    log_path: Path,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    user: ServiceUser | None = None,
    timeout: float = 600.0,
    what: str | None = None,
) -> None:
    """Run a command to completion with its output appended to ``log_path``; raise SandboxError on failure."""
    what = what or printable(command)
    extra: dict[str, Any] = {}
    if user is not None:
        extra = {"user": user.uid, "group": user.gid, "extra_groups": []}
    with open_log(log_path) as log:
        log.write(("\n$ %s\n" % printable(command)).encode())
        log.flush()
        try:
            completed = subprocess.run(
                list(command),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=str(cwd) if cwd else None,
                timeout=timeout,
                start_new_session=True,
                **extra,
            )
        except subprocess.TimeoutExpired as error:
            raise SandboxError(
                "%s took more than %d s\n%s" % (what, timeout, describe_logs([log_path]))
            ) from error
        except OSError as error:
            raise SandboxError("cannot run %s: %s" % (what, error)) from error
    if completed.returncode != 0:
        raise SandboxError(
            "%s failed with exit code %d\n%s" % (what, completed.returncode, describe_logs([log_path]))
        )


def wait_until(
    check: Callable[[], bool],
    timeout: float,
    what: str,
    process: Process | None = None,
    logs: Sequence[Path] = (),
    interval: float = 0.1,
) -> None:
    """Poll ``check`` until it returns True; fail early if ``process`` dies, and late at ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        if check():
            return
        if process is not None and process.exited():
            raise SandboxError(
                "%s exited with code %s before it was ready\n%s"
                % (process.name, process.popen.returncode if process.popen else None, describe_logs(logs))
            )
        if time.monotonic() >= deadline:
            raise SandboxError("%s was not ready after %d s\n%s" % (what, timeout, describe_logs(logs)))
        time.sleep(interval)
