"""KitsuSandbox: one private Kitsu (Zou API, event stream, PostgreSQL, Redis) on loopback ports."""

from __future__ import annotations

import atexit
import logging
import os
import secrets
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path

from ._process import SandboxError, free_port
from ._provision import ZOU_VERSION, provision, reading_template
from ._services import Postgres, Redis, ZouServer, run_zou, zou_environment
from ._system import scratch_parent, service_user

logger = logging.getLogger("gazu.sandbox")

KEEP_LOGS_VARIABLE = "GAZU_SANDBOX_KEEP_LOGS"


# The event stream app is built on the whole API app, so in zou 1.0.97 its
# "GET /" answers the API's index; a socket.io polling handshake proves it is up.
EVENT_STREAM_HANDSHAKE = "/socket.io/?EIO=4&transport=polling"


def _is_zou_index(response) -> bool:
    return response.json().get("api") == "Zou"


def _is_socketio_handshake(response) -> bool:
    return response.text.startswith("0{") and '"sid"' in response.text


SCRATCH_PREFIX = "gazu-sandbox-"
OWNER_FILE = "owner.pid"


def _remove_abandoned_scratch(parent: str) -> None:
    """Remove the temporary folders of sandboxes whose process died without stopping them (kill -9)."""
    for folder in Path(parent).glob(SCRATCH_PREFIX + "*"):
        try:
            owner = int((folder / OWNER_FILE).read_text())
            os.kill(owner, 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (OSError, ValueError):
            continue  # not ours, kept logs, or a live owner


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


class KitsuSandbox:
    """A throw-away Kitsu server for tests and demos, provisioned and started unattended.

    Usage::

        with KitsuSandbox() as kitsu:
            gazu.set_host(kitsu.host)
            gazu.set_event_host(kitsu.event_host)
            gazu.log_in(kitsu.admin_email, kitsu.admin_password)

    The first start on a machine installs Zou in a cached venv and builds a
    ready database (a few minutes at most); later starts take seconds.

    Args:
        admin_email: the administrator to log in as (created if not the cached one).
        admin_password: its password (at least 8 characters).
        api_workers: gunicorn worker processes of the API (each with 4 threads).
        keep_logs: keep the log folder after :meth:`stop` (default: the
            ``GAZU_SANDBOX_KEEP_LOGS`` environment variable). Logs are always
            kept when the start fails.
        start_timeout: seconds each server may take to answer after it is spawned.
        settings: extra Zou settings (environment variables) for its processes.
    """

    def __init__(
        self,
        admin_email: str | None = None,
        admin_password: str | None = None,
        *,
        api_workers: int = 2,
        keep_logs: bool | None = None,
        start_timeout: float = 120.0,
        settings: dict[str, str] | None = None,
    ):
        self.admin_email = admin_email
        self.admin_password = admin_password
        self.api_workers = api_workers
        self.keep_logs = _env_flag(KEEP_LOGS_VARIABLE) if keep_logs is None else keep_logs
        self.start_timeout = start_timeout
        self.settings = dict(settings or {})
        self.zou_version = ZOU_VERSION
        self.host: str | None = None
        self.event_host: str | None = None
        self.scratch_dir: Path | None = None
        self.log_dir: Path | None = None
        self._lock = threading.RLock()
        self._services: list = []
        self._events: ZouServer | None = None
        self._zou_env: dict[str, str] = {}
        self._running = False
        self._failed = False

    def __repr__(self) -> str:
        state = "running at %s" % self.host if self._running else "stopped"
        return "<KitsuSandbox zou %s, %s>" % (self.zou_version, state)

    def __enter__(self) -> KitsuSandbox:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._running

    def env(self) -> dict[str, str]:
        """Return KITSU_HOST, KITSU_EVENT_HOST, KITSU_LOGIN and KITSU_PASSWORD: what a client reads to reach us."""
        self._require_running()
        values = {
            "KITSU_HOST": self.host,
            "KITSU_EVENT_HOST": self.event_host,
            "KITSU_LOGIN": self.admin_email,
            "KITSU_PASSWORD": self.admin_password,
        }
        return {name: value for name, value in values.items() if value is not None}  # all set while running

    def start(self) -> KitsuSandbox:
        """Provision what is missing, start every service and wait until the API and event stream answer."""
        with self._lock:
            if self._running:
                raise SandboxError("this sandbox is already running at %s" % self.host)
            started = time.monotonic()
            ready = provision()
            user = service_user()
            parent = scratch_parent(user)
            _remove_abandoned_scratch(parent)
            self.scratch_dir = scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=parent))
            (scratch / OWNER_FILE).write_text(str(os.getpid()))
            if user is not None:
                os.chmod(scratch, 0o711)  # PostgreSQL's account must reach its data folder inside
            self.log_dir = logs = scratch / "logs"
            logs.mkdir(mode=0o700)  # private: the services' logs may quote what they were given
            self._failed = False
            atexit.register(self.stop)
            try:
                self._start_services(ready, user, scratch, logs)
            except BaseException as error:
                self._failed = True
                self.stop()
                if isinstance(error, SandboxError):
                    raise SandboxError("%s\n(logs kept in %s)" % (error, self.log_dir)) from error
                raise
            self._running = True
            logger.info("Kitsu sandbox ready at %s in %.1f s", self.host, time.monotonic() - started)
            return self

    def _start_services(self, ready, user, scratch: Path, logs: Path) -> None:
        redis = Redis(ready.redis_server, free_port(), scratch / "redis", logs / "redis.log")
        self._services.append(redis)
        redis.start()
        postgres = Postgres(ready.postgres_bin, scratch / "pgdata", free_port(), logs / "postgres.log", user)
        with reading_template():
            postgres.adopt(ready.cluster_template)
        self._services.append(postgres)
        postgres.start()

        api_port, event_port = free_port(), free_port()
        while event_port == api_port:
            event_port = free_port()
        env = zou_environment(scratch, postgres.port, redis.port, event_port, secrets.token_hex(32), self.settings)
        work_dir = scratch / "work"
        work_dir.mkdir()
        self._zou_env = env
        self._set_admin(ready, env, work_dir, logs / "zou-cli.log")

        api = ZouServer(
            "zou-api", ready.venv, "zou.app:app", api_port,
            ["--workers", str(self.api_workers), "--threads", "4", "--timeout", "300", "--graceful-timeout", "5"],
            work_dir, logs / "api.log", "/", _is_zou_index,
        )
        events = ZouServer(
            "zou-events", ready.venv, "zou.event_stream:app", event_port,
            ["--workers", "1", "--worker-class", "geventwebsocket.gunicorn.workers.GeventWebSocketWorker",
             "--timeout", "300", "--graceful-timeout", "2"],
            work_dir, logs / "events.log", EVENT_STREAM_HANDSHAKE, _is_socketio_handshake,
        )
        self._services += [events, api]
        self._events = events
        api.spawn(env)
        events.spawn(env)
        api.wait_ready(self.start_timeout)
        events.wait_ready(self.start_timeout)
        self.host, self.event_host = api.url, events.url

    def _set_admin(self, ready, env, work_dir: Path, log_path: Path) -> None:
        """Use the cached administrator, or make the one asked for (one ``zou`` command, ~3 s)."""
        email = self.admin_email or ready.admin_email
        password = self.admin_password or (ready.admin_password if email == ready.admin_email else None)
        if password is None:
            raise SandboxError("admin_password is required with an admin_email other than %s" % ready.admin_email)
        if email != ready.admin_email:
            run_zou(ready.venv, ["create-admin", email, "--password", password], env, work_dir, log_path)
        elif password != ready.admin_password:
            run_zou(ready.venv, ["change-password", email, "--password", password], env, work_dir, log_path)
        self.admin_email, self.admin_password = email, password

    def restart_event_server(self, downtime: float = 0.0) -> None:
        """Kill the event-stream server at once and start it again on the same port.

        Its clients see the connection drop and must reconnect by themselves;
        ``downtime`` seconds pass between the kill and the new start.
        """
        with self._lock:
            self._require_running()
            events = self._events
            assert events is not None  # set while running
            events.stop(quick=True)
            if downtime > 0:
                time.sleep(downtime)
            events.spawn(self._zou_env)
            events.wait_ready(self.start_timeout)

    def stop(self) -> None:
        """Stop every service, leave no process behind and remove the temporary folder; safe to call twice."""
        with self._lock:
            atexit.unregister(self.stop)
            errors = []
            for service in self._services:
                if isinstance(service, ZouServer):
                    service.process.signal_group(signal.SIGTERM)  # both servers wind down side by side
            while self._services:
                service = self._services.pop()
                try:
                    service.stop()
                except Exception as error:  # stop the others all the same
                    errors.append("%s: %s" % (type(service).__name__, error))
            self._running = False
            self._events = None
            if self.scratch_dir is not None:
                self._remove_scratch(self.scratch_dir, keep_logs=self.keep_logs or self._failed)
                self.scratch_dir = None
            if errors:
                raise SandboxError("stopping the sandbox: " + "; ".join(errors))

    def _remove_scratch(self, scratch: Path, keep_logs: bool) -> None:
        if not keep_logs:
            shutil.rmtree(scratch, ignore_errors=True)
            return
        for entry in scratch.iterdir():
            if entry != self.log_dir:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink()
        logger.info("sandbox logs kept in %s", self.log_dir)

    def _require_running(self) -> None:
        if not self._running:
            raise SandboxError("the sandbox is not running: call start() first")
