"""What the sandbox needs from the system: PostgreSQL and Redis binaries, and an unprivileged account.

Missing packages are installed with apt-get when running as root; otherwise
the error names the package to install.
"""

from __future__ import annotations

import glob
import logging
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from ._process import SandboxError, ServiceUser, run_logged

logger = logging.getLogger("gazu.sandbox")

SERVICE_ACCOUNT = "gazu-sandbox"
_apt_lock = threading.Lock()
_apt_updated = False


def is_root() -> bool:
    return os.geteuid() == 0


def apt_install(*packages: str) -> None:
    """Install Debian packages (root only), running ``apt-get update`` once per process first."""
    global _apt_updated
    if shutil.which("apt-get") is None:
        raise SandboxError("%s is missing and this system has no apt-get: install it by hand" % " ".join(packages))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    log_path = Path(tempfile.gettempdir()) / "gazu-sandbox-apt.log"
    with _apt_lock:
        if not _apt_updated:
            logger.info("running apt-get update")
            run_logged(["apt-get", "update"], log_path, env=env, timeout=600)
            _apt_updated = True
        logger.info("installing %s with apt-get", " ".join(packages))
        run_logged(["apt-get", "install", "-y", *packages], log_path, env=env, timeout=900)


def _version_key(path: str) -> tuple:
    return tuple(int(part) for part in re.findall(r"\d+", path))


def _postgres_candidates() -> list[Path]:
    candidates = []
    if os.environ.get("PG_BIN"):
        candidates.append(Path(os.environ["PG_BIN"]))
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)]
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(os.path.realpath(on_path)).parent)
    return candidates


def _has_postgres_server(folder: Path) -> bool:
    return all(os.access(folder / name, os.X_OK) for name in ("initdb", "pg_ctl", "postgres"))


def find_postgres_bin() -> Path:
    """Return the folder holding ``initdb``, ``pg_ctl`` and ``postgres`` (``PG_BIN`` first, newest first)."""
    explicit = os.environ.get("PG_BIN")
    if explicit and not _has_postgres_server(Path(explicit)):
        raise SandboxError("PG_BIN=%s does not hold initdb, pg_ctl and postgres" % explicit)
    for folder in _postgres_candidates():
        if _has_postgres_server(folder):
            return folder
    if is_root():
        apt_install("postgresql")
        for folder in _postgres_candidates():
            if _has_postgres_server(folder):
                return folder
    raise SandboxError(
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in /usr/lib/postgresql/*/bin nor on PATH. "
        "Install them (Debian/Ubuntu: sudo apt-get install postgresql) or set PG_BIN to their folder."
    )


def postgres_major_version(bin_dir: Path) -> str:
    """Return the major version of the PostgreSQL binaries in ``bin_dir``, e.g. ``"15"``."""
    output = subprocess.run(
        [str(bin_dir / "postgres"), "--version"], capture_output=True, text=True, check=False
    ).stdout
    match = re.search(r"(\d+)(?:\.\d+)?", output)
    if not match:
        raise SandboxError("cannot tell the version of %s/postgres: %r" % (bin_dir, output))
    return match.group(1)


def find_redis_server() -> str:
    """Return the path of ``redis-server``, installing Debian's package when root."""
    for candidate in (shutil.which("redis-server"), "/usr/bin/redis-server", "/usr/sbin/redis-server"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    if is_root():
        apt_install("redis-server")
        found = shutil.which("redis-server") or "/usr/bin/redis-server"
        if os.access(found, os.X_OK):
            return found
    raise SandboxError(
        "redis-server not found on PATH. Install it (Debian/Ubuntu: sudo apt-get install redis-server)."
    )


def ensure_ffmpeg() -> bool:
    """Make sure Zou can process movie previews (it runs ``ffmpeg``/``ffprobe``); tell whether it can.

    Installed with Debian's package when root; elsewhere its absence only
    means movie previews stay unprocessed, so it is reported, not fatal.
    """
    if shutil.which("ffmpeg") and shutil.which("ffprobe"):
        return True
    if is_root():
        try:
            apt_install("ffmpeg")
        except SandboxError as error:
            logger.warning("ffmpeg could not be installed, movie previews will not be processed: %s", error)
        return bool(shutil.which("ffmpeg") and shutil.which("ffprobe"))
    logger.warning("ffmpeg not found: movie previews will not be processed (Debian: apt-get install ffmpeg)")
    return False


def service_user() -> ServiceUser | None:
    """Return the account PostgreSQL runs as when we are root (``postgres``, else one we create), else None."""
    if not is_root():
        return None
    for name in ("postgres", SERVICE_ACCOUNT):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return ServiceUser(name, entry.pw_uid, entry.pw_gid)
    if shutil.which("useradd") is None:
        raise SandboxError("running as root, no 'postgres' account to run PostgreSQL as, and no useradd to create one")
    logger.info("creating the system account %s to run PostgreSQL", SERVICE_ACCOUNT)
    subprocess.run(
        ["useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
         "--shell", "/usr/sbin/nologin", SERVICE_ACCOUNT],
        check=True, capture_output=True,
    )
    entry = pwd.getpwnam(SERVICE_ACCOUNT)
    return ServiceUser(SERVICE_ACCOUNT, entry.pw_uid, entry.pw_gid)


def scratch_parent(user: ServiceUser | None) -> str:
    """Return where to make the sandbox's temporary folder: one the service account can reach."""
    parent = tempfile.gettempdir()
    if user is None:
        return parent
    path = Path(parent).resolve()
    for folder in [path, *path.parents]:
        if not os.stat(folder).st_mode & 0o001:  # not traversable by other accounts
            return "/tmp"
    return parent
