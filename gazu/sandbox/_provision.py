"""Build, once per machine, what every sandbox start reuses: Zou's own venv and a ready database cluster.

Both live in ``${XDG_CACHE_HOME:-~/.cache}/gazu-sandbox/zou-<version>/``:

- ``venv/`` — Zou and its servers (gunicorn, gevent-websocket), never the
  project's environment; ``venv.ready`` is written only after a complete,
  verified install, so a partial venv is rebuilt.
- ``postgres-<major>-cluster/`` — a cleanly stopped cluster after
  ``zou init-db``, ``zou init-data`` and ``zou create-admin`` (the migrations
  alone take ~20 s); each start copies it. ``postgres-<major>-cluster.json``
  marks it complete and records the administrator's credentials.

A file lock (``.lock``) keeps concurrent provisions from colliding.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ._process import SandboxError, free_port, run_logged
from ._services import Postgres, Redis, run_zou, zou_environment
from ._system import (
    ensure_ffmpeg,
    find_postgres_bin,
    find_redis_server,
    postgres_major_version,
    scratch_parent,
    service_user,
)

logger = logging.getLogger("gazu.sandbox")

ZOU_VERSION = "1.0.97"
DEFAULT_ADMIN_EMAIL = "admin@example.com"
DEFAULT_ADMIN_PASSWORD = "mysecretpassword"

# Zou declares gunicorn, gevent and gevent-websocket itself; the check after
# install proves the servers and the event-stream worker import.
_REQUIRED_MODULES = ("zou", "gunicorn", "gevent", "geventwebsocket.gunicorn.workers", "psycopg")
_ZOU_PYTHONS = ((3, 10), (3, 15))  # zou 1.0.97: Requires-Python >=3.10, <3.15
_ENV_LEAKS = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "PIP_USER", "PIP_TARGET", "PIP_PREFIX")


@dataclass(frozen=True)
class Provisioned:
    """Everything a sandbox start needs, all ready on disk."""

    venv: Path
    cluster_template: Path
    postgres_bin: Path
    redis_server: str
    admin_email: str
    admin_password: str


def cache_dir() -> Path:
    """Return this Zou version's cache folder (it is created on first use)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gazu-sandbox" / ("zou-%s" % ZOU_VERSION)


@contextlib.contextmanager
def _cache_lock(folder: Path, shared: bool = False) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a+") as handle:
        if not shared:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                logger.info("waiting for another process provisioning %s", folder)
                fcntl.flock(handle, fcntl.LOCK_EX)
        else:
            fcntl.flock(handle, fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read_marker(path: Path) -> dict | None:
    try:
        with open(path) as handle:
            marker = json.load(handle)
    except (OSError, ValueError):
        return None
    return marker if isinstance(marker, dict) and marker.get("zou") == ZOU_VERSION else None


def _write_marker(path: Path, content: dict) -> None:
    partial = path.with_name(path.name + ".partial")
    with open(partial, "w") as handle:
        json.dump(dict(content, zou=ZOU_VERSION, created=time.strftime("%Y-%m-%dT%H:%M:%S")), handle, indent=2)
    os.replace(partial, path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _clean_env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key not in _ENV_LEAKS}


def _base_python() -> str:
    """Return the interpreter to build Zou's venv with: ``GAZU_SANDBOX_PYTHON``, ours, or a python3.1x on PATH."""
    explicit = os.environ.get("GAZU_SANDBOX_PYTHON")
    if explicit:
        return explicit
    low, high = _ZOU_PYTHONS
    if low <= sys.version_info[:2] < high:
        return sys.executable
    for minor in range(high[1] - 1, low[1] - 1, -1):
        found = shutil.which("python3.%d" % minor)
        # A shim (pyenv) may be on PATH for a version it will not run: ask the interpreter itself.
        if found and subprocess.run([found, "-c", "import venv"], capture_output=True, check=False).returncode == 0:
            return found
    raise SandboxError(
        "zou %s needs Python >= 3.10 and < 3.15, this is %s and no python3.10-3.14 is on PATH; "
        "set GAZU_SANDBOX_PYTHON to one" % (ZOU_VERSION, sys.version.split()[0])
    )


def _venv_is_complete(venv: Path, marker: Path) -> bool:
    if _read_marker(marker) is None:
        return False
    python = venv / "bin" / "python"
    if not all(os.access(venv / "bin" / name, os.X_OK) for name in ("python", "gunicorn", "zou")):
        return False
    probe = "import importlib.util as u, sys; sys.exit(not all(u.find_spec(m) for m in %r))" % (
        tuple(m.split(".")[0] for m in _REQUIRED_MODULES),
    )
    completed = subprocess.run(
        [str(python), "-I", "-c", probe], env=_clean_env(), capture_output=True, check=False
    )
    return completed.returncode == 0


def ensure_venv(folder: Path | None = None) -> Path:
    """Return Zou's venv, building it first if it is missing, partial or broken."""
    folder = folder or cache_dir()
    venv, marker = folder / "venv", folder / "venv.ready"
    if _venv_is_complete(venv, marker):
        return venv
    with _cache_lock(folder):
        if _venv_is_complete(venv, marker):
            return venv
        _remove(marker)
        _remove(venv)
        log_path = folder / "install.log"
        _remove(log_path)
        started = time.monotonic()
        python = _base_python()
        logger.info("installing zou %s into %s (about a minute; once per machine)", ZOU_VERSION, venv)
        env = _clean_env()
        run_logged([python, "-m", "venv", str(venv)], log_path, env=env, timeout=300, what="python -m venv")
        run_logged(
            [str(venv / "bin" / "python"), "-m", "pip", "install", "--disable-pip-version-check", "--no-input",
             "zou==%s" % ZOU_VERSION],
            log_path, env=env, timeout=1800, what="pip install zou==%s" % ZOU_VERSION,
        )
        check = "import %s, zou; assert zou.__version__ == %r, zou.__version__" % (
            ", ".join(_REQUIRED_MODULES), ZOU_VERSION,
        )
        run_logged([str(venv / "bin" / "python"), "-I", "-c", check], log_path, env=env, timeout=300,
                   what="the check of zou's venv")
        _write_marker(marker, {"python": python, "seconds": round(time.monotonic() - started, 1)})
        logger.info("zou's venv is ready (%.0f s)", time.monotonic() - started)
    return venv


def _template_paths(folder: Path, major: str) -> tuple[Path, Path]:
    return folder / ("postgres-%s-cluster" % major), folder / ("postgres-%s-cluster.json" % major)


def _template_is_complete(template: Path, marker: Path, major: str) -> dict | None:
    content = _read_marker(marker)
    try:
        version = (template / "PG_VERSION").read_text().strip()
    except OSError:
        return None
    return content if content is not None and version == major else None


def _build_template(folder: Path, venv: Path, postgres_bin: Path, redis_server: str, template: Path) -> None:
    """Bring Zou's database up once in a scratch cluster, stop it cleanly and keep a copy of it."""
    user = service_user()
    scratch = Path(tempfile.mkdtemp(prefix="gazu-sandbox-provision-", dir=scratch_parent(user)))
    if user is not None:
        os.chmod(scratch, 0o711)  # PostgreSQL's account must reach its data folder inside
    log_path = scratch / "provision.log"
    postgres = Postgres(postgres_bin, scratch / "pgdata", free_port(), log_path, user)
    redis = Redis(redis_server, free_port(), scratch / "redis", log_path)
    started = time.monotonic()
    logger.info("initializing zou's database once (migrations and default data, 10-20 s)")
    try:
        redis.start()
        postgres.initdb()
        postgres.start()
        postgres.create_database()
        env = zou_environment(scratch, postgres.port, redis.port, free_port(), secrets.token_hex(32))
        work_dir = scratch / "work"
        work_dir.mkdir()
        run_zou(venv, ["init-db"], env, work_dir, log_path)
        run_zou(venv, ["init-data"], env, work_dir, log_path)
        run_zou(venv, ["create-admin", DEFAULT_ADMIN_EMAIL, "--password", DEFAULT_ADMIN_PASSWORD], env, work_dir,
                log_path)
        postgres.stop()
        partial = template.with_name(template.name + ".partial")
        _remove(partial)
        shutil.copytree(postgres.data_dir, partial, symlinks=True,
                        ignore=shutil.ignore_patterns("postmaster.pid", "postmaster.opts"))
        os.replace(partial, template)
    except SandboxError:
        shutil.copyfile(log_path, folder / "provision.log")
        raise
    finally:
        postgres.stop()
        redis.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    logger.info("zou's database is ready (%.0f s)", time.monotonic() - started)


def ensure_cluster_template(
    venv: Path, postgres_bin: Path, redis_server: str, folder: Path | None = None
) -> tuple[Path, dict]:
    """Return the ready cluster to copy for this PostgreSQL major version, and its marker."""
    folder = folder or cache_dir()
    major = postgres_major_version(postgres_bin)
    template, marker = _template_paths(folder, major)
    content = _template_is_complete(template, marker, major)
    if content is not None:
        return template, content
    with _cache_lock(folder):
        content = _template_is_complete(template, marker, major)
        if content is None:
            _remove(marker)
            _remove(template)
            _build_template(folder, venv, postgres_bin, redis_server, template)
            content = {"postgres": major, "admin_email": DEFAULT_ADMIN_EMAIL,
                       "admin_password": DEFAULT_ADMIN_PASSWORD}
            _write_marker(marker, content)
    return template, content


def provision() -> Provisioned:
    """Make sure the system packages, Zou's venv and the ready cluster are all there; build what is missing."""
    postgres_bin = find_postgres_bin()
    redis_server = find_redis_server()
    ensure_ffmpeg()
    folder = cache_dir()
    venv = ensure_venv(folder)
    template, marker = ensure_cluster_template(venv, postgres_bin, redis_server, folder)
    return Provisioned(venv, template, postgres_bin, redis_server, marker["admin_email"], marker["admin_password"])


@contextlib.contextmanager
def reading_template() -> Iterator[None]:
    """Hold the cache's shared lock while a start copies the cluster template."""
    with _cache_lock(cache_dir(), shared=True):
        yield
