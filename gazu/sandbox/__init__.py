"""A sandbox Kitsu: a real Zou server, provisioned and started unattended, for tests and demos.

::

    from gazu.sandbox import KitsuSandbox

    with KitsuSandbox() as kitsu:
        print(kitsu.host, kitsu.event_host, kitsu.admin_email, kitsu.admin_password)

or from a shell: ``python -m gazu.sandbox`` (foreground, Ctrl-C stops it) and
``python -m gazu.sandbox -- CMD ARGS...`` (runs CMD with KITSU_HOST,
KITSU_EVENT_HOST, KITSU_LOGIN and KITSU_PASSWORD set).

What it needs and does:

- Zou (pinned, see :data:`ZOU_VERSION`) in its own venv under
  ``${XDG_CACHE_HOME:-~/.cache}/gazu-sandbox/zou-<version>/``, with a ready
  database cluster kept beside it; both are built on first use (see
  :func:`provision`) and reused after.
- PostgreSQL server binaries (``/usr/lib/postgresql/*/bin`` or ``PG_BIN``) and
  ``redis-server``; as root, missing ones are installed with apt-get and
  PostgreSQL runs as the ``postgres`` account. ``ffmpeg`` too, for movie
  previews (only reported when it cannot be had).
- Every service listens on 127.0.0.1 only, on free ports, with its data in a
  temporary folder removed by :meth:`KitsuSandbox.stop`.

Only the standard library and requests are used here: this package never
imports the rest of gazu, and ``import gazu`` never imports it.
"""

from ._process import SandboxError
from ._provision import DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD, ZOU_VERSION, Provisioned, cache_dir, provision
from ._sandbox import KEEP_LOGS_VARIABLE, KitsuSandbox

__all__ = [
    "DEFAULT_ADMIN_EMAIL",
    "DEFAULT_ADMIN_PASSWORD",
    "KEEP_LOGS_VARIABLE",
    "KitsuSandbox",
    "Provisioned",
    "SandboxError",
    "ZOU_VERSION",
    "cache_dir",
    "provision",
]
