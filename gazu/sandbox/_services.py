"""The four services of a sandbox: PostgreSQL, Redis, the Zou API and Zou's event stream.

Each knows how to start itself on a loopback port, tell when it is ready, and
stop without leaving a process behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path

import requests

from ._process import Process, SandboxError, ServiceUser, run_logged, wait_until

DATABASE_NAME = "zoudb"
DATABASE_USER = "postgres"


def _can_connect(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class Postgres:
    """A private throw-away cluster: trust auth, 127.0.0.1 only, its socket in its own data folder."""

    def __init__(self, bin_dir: Path, data_dir: Path, port: int, log_path: Path, user: ServiceUser | None):
        self.bin_dir = bin_dir
        self.data_dir = data_dir
        self.port = port
        self.log_path = log_path
        self.user = user
        self.process = Process("postgres", log_path)

    def initdb(self) -> None:
        """Create an empty cluster in the (empty or missing) data folder."""
        self.data_dir.mkdir(mode=0o700, exist_ok=True)
        if self.user is not None:
            os.chown(self.data_dir, self.user.uid, self.user.gid)
        run_logged(
            [str(self.bin_dir / "initdb"), "-D", str(self.data_dir), "-A", "trust", "-U", DATABASE_USER,
             "-E", "UTF8", "--locale=C", "--no-sync"],
            self.log_path, env=self._env(), cwd=self.data_dir, user=self.user, timeout=120, what="initdb",
        )

    def adopt(self, template: Path) -> None:
        """Fill the data folder with a copy of a ready, cleanly stopped cluster."""
        shutil.copytree(template, self.data_dir, symlinks=True)
        os.chmod(self.data_dir, 0o700)
        if self.user is not None:
            self.user.chown_tree(self.data_dir)

    def _env(self) -> dict[str, str]:
        return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

    def start(self, timeout: float = 60.0) -> None:
        """Run the postmaster as a child of ours and wait until it accepts connections."""
        self.process.start(
            [str(self.bin_dir / "postgres"), "-D", str(self.data_dir), "-p", str(self.port),
             "-k", str(self.data_dir), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200",
             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
            env=self._env(), cwd=self.data_dir, user=self.user, death_signal=signal.SIGQUIT,
        )
        wait_until(self._ready, timeout, "PostgreSQL", self.process, [self.log_path])

    def _ready(self) -> bool:
        pg_isready = self.bin_dir / "pg_isready"
        if not os.access(pg_isready, os.X_OK):
            return _can_connect(self.port) and (self.data_dir / "postmaster.pid").exists()
        return subprocess.run(
            [str(pg_isready), "-q", "-h", "127.0.0.1", "-p", str(self.port), "-U", DATABASE_USER],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
        ).returncode == 0

    def create_database(self, name: str = DATABASE_NAME) -> None:
        run_logged(
            [str(self.bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", DATABASE_USER, name],
            self.log_path, env=self._env(), timeout=60, what="createdb %s" % name,
        )

    def stop(self) -> None:
        """Stop the cluster cleanly with ``pg_ctl stop -m fast``; kill its process group if that fails."""
        if self.process.popen is None:
            return
        if not self.process.exited() and (self.data_dir / "postmaster.pid").exists():
            try:
                run_logged(
                    [str(self.bin_dir / "pg_ctl"), "stop", "-D", str(self.data_dir), "-m", "fast", "-w", "-t", "30"],
                    self.log_path, env=self._env(), user=self.user, timeout=40, what="pg_ctl stop",
                )
            except SandboxError:
                pass  # the group kill below finishes the job
        self.process.stop(signal.SIGQUIT, grace=5)


class Redis:
    """A Redis server on a loopback port that keeps nothing on disk."""

    def __init__(self, executable: str, port: int, work_dir: Path, log_path: Path):
        self.executable = executable
        self.port = port
        self.work_dir = work_dir
        self.log_path = log_path
        self.process = Process("redis-server", log_path)

    def start(self, timeout: float = 30.0) -> None:
        self.work_dir.mkdir(exist_ok=True)
        self.process.start(
            [self.executable, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--daemonize", "no", "--dir", str(self.work_dir), "--protected-mode", "yes"],
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")}, cwd=self.work_dir,
        )
        wait_until(self._ready, timeout, "Redis", self.process, [self.log_path])

    def _ready(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(64).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        self.process.stop(signal.SIGTERM, grace=5)


def zou_environment(
    scratch: Path,
    postgres_port: int,
    redis_port: int,
    event_port: int,
    secret_key: str,
    settings: dict[str, str] | None = None,
) -> dict[str, str]:
    """Return the environment every Zou process of a sandbox runs with (nothing else leaks in)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(scratch),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "DB_HOST": "127.0.0.1",
        "DB_PORT": str(postgres_port),
        "DB_USERNAME": DATABASE_USER,
        "DB_PASSWORD": "",
        "DB_DATABASE": DATABASE_NAME,
        "DB_POOL_SIZE": "5",
        "DB_MAX_OVERFLOW": "10",
        "KV_HOST": "127.0.0.1",
        "KV_PORT": str(redis_port),
        "SECRET_KEY": secret_key,
        "PREVIEW_FOLDER": str(scratch / "previews"),
        "TMP_DIR": str(scratch / "tmp"),
        "EVENT_HANDLERS_FOLDER": str(scratch / "event_handlers"),
        "PLUGIN_FOLDER": str(scratch / "plugins"),
        "EVENT_STREAM_HOST": "127.0.0.1",
        "EVENT_STREAM_PORT": str(event_port),
        "BCRYPT_LOG_ROUNDS": "4",
        "MAIL_ENABLED": "false",
        "MAIL_CHECK_DELIVERABILITY": "false",
        "ENABLE_JOB_QUEUE": "false",
        "USER_LIMIT": "100000",
        "DOMAIN_PROTOCOL": "http",
        "DOMAIN_NAME": "127.0.0.1",
        # No INDEXER_KEY: Zou then never builds a Meilisearch client, so nothing waits on one.
        "INDEXER_HOST": "127.0.0.1",
        "INDEXER_PORT": "9",
        "TELEMETRY_URL": "http://127.0.0.1:9/",
        "PYTHONUNBUFFERED": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    for folder in ("previews", "tmp", "event_handlers", "plugins"):
        (scratch / folder).mkdir(exist_ok=True)
    env.update(settings or {})
    return env


def run_zou(venv: Path, arguments: list[str], env: dict[str, str], cwd: Path, log_path: Path) -> None:
    """Run one ``zou`` command-line command (init-db, create-admin, ...) to completion."""
    run_logged([str(venv / "bin" / "zou"), *arguments], log_path, env=env, cwd=cwd, timeout=300,
               what="zou %s" % arguments[0])


class ZouServer:
    """A gunicorn serving one of Zou's WSGI apps on a loopback port."""

    def __init__(self, name: str, venv: Path, app: str, port: int, gunicorn_options: list[str],
                 work_dir: Path, log_path: Path, ready_path: str, ready_check: Callable[[requests.Response], bool]):
        self.name = name
        self.venv = venv
        self.app = app
        self.port = port
        self.gunicorn_options = gunicorn_options
        self.work_dir = work_dir
        self.log_path = log_path
        self.ready_path = ready_path
        self.ready_check = ready_check
        self.process = Process(name, log_path)

    @property
    def url(self) -> str:
        return "http://127.0.0.1:%d" % self.port

    def spawn(self, env: dict[str, str]) -> None:
        """Start gunicorn without waiting (see :meth:`wait_ready`), so several servers boot side by side."""
        self.process.start(
            [str(self.venv / "bin" / "gunicorn"), "--bind", "127.0.0.1:%d" % self.port, *self.gunicorn_options,
             "--chdir", str(self.work_dir), "--no-control-socket", "--access-logfile", "-", "--error-logfile", "-",
             self.app],
            env=env, cwd=self.work_dir,
        )

    def wait_ready(self, timeout: float) -> None:
        """Poll the readiness path until its answer passes the readiness check."""
        wait_until(self._ready, timeout, "%s (%s%s)" % (self.name, self.url, self.ready_path), self.process,
                   [self.log_path], interval=0.2)

    def _ready(self) -> bool:
        try:
            response = requests.get(self.url + self.ready_path, timeout=2)
            return response.status_code == 200 and self.ready_check(response)
        except (requests.RequestException, ValueError):
            return False

    def stop(self, quick: bool = False) -> None:
        """Stop gunicorn: gracefully (SIGTERM), or kill it outright, as when a server crashes."""
        self.process.stop(signal.SIGKILL if quick else signal.SIGTERM, grace=10)
