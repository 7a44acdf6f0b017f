"""``python -m gazu.sandbox``: run a sandbox Kitsu in the foreground, or around one command.

    python -m gazu.sandbox                      # serve until Ctrl-C or SIGTERM
    python -m gazu.sandbox -- pytest tests/     # serve while the command runs; exit with its code
    python -m gazu.sandbox --provision-only     # just build the cached venv and database
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import subprocess
import sys
import time

from . import KEEP_LOGS_VARIABLE, ZOU_VERSION, KitsuSandbox, SandboxError, cache_dir, provision


class _Terminated(Exception):
    """SIGTERM arrived: unwind so the sandbox stops cleanly."""


def _raise_terminated(signum, frame):
    raise _Terminated()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m gazu.sandbox",
        description="Start a throw-away Kitsu (Zou %s) on loopback ports: in the foreground until Ctrl-C, "
        "or around a command given after '--', which then sees KITSU_HOST, KITSU_EVENT_HOST, "
        "KITSU_LOGIN and KITSU_PASSWORD and whose exit code is returned." % ZOU_VERSION,
    )
    parser.add_argument("--provision-only", action="store_true",
                        help="build the cached venv and database (in %s) and exit" % cache_dir())
    parser.add_argument("--keep-logs", action="store_true", default=None,
                        help="keep the servers' logs after stopping (also: %s=1)" % KEEP_LOGS_VARIABLE)
    parser.add_argument("--workers", type=int, default=2, help="API worker processes (default: 2)")
    parser.add_argument("--admin-email", help="administrator's e-mail (default: the cached admin@example.com)")
    parser.add_argument("--admin-password", help="administrator's password")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors and the connection details")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="command to run against the sandbox, after '--'")
    return parser


def _print_details(sandbox: KitsuSandbox, stream) -> None:
    for name, value in sandbox.env().items():
        print("%s=%s" % (name, value), file=stream)
    if sandbox.keep_logs:
        print("# logs: %s" % sandbox.log_dir, file=stream)
    stream.flush()


def _run_command(sandbox: KitsuSandbox, command: list[str]) -> int:
    try:
        child = subprocess.Popen(command, env=dict(os.environ, **sandbox.env()))
    except OSError as error:
        print("gazu.sandbox: cannot run %s: %s" % (command[0], error), file=sys.stderr)
        return 127
    try:
        returncode = child.wait()
    except (KeyboardInterrupt, _Terminated):
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        raise
    return 128 - returncode if returncode < 0 else returncode


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    command = arguments.command
    if command and command[0] == "--":
        command = command[1:]
    logging.basicConfig(level=logging.WARNING if arguments.quiet else logging.INFO,
                        format="gazu.sandbox: %(message)s", stream=sys.stderr)
    signal.signal(signal.SIGTERM, _raise_terminated)
    signal.signal(signal.SIGHUP, _raise_terminated)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in the background, where it is ignored

    if arguments.provision_only:
        try:
            ready = provision()
        except SandboxError as error:
            print("gazu.sandbox: %s" % error, file=sys.stderr)
            return 1
        print("zou %s venv: %s\nready database: %s" % (ZOU_VERSION, ready.venv, ready.cluster_template))
        return 0

    sandbox = KitsuSandbox(arguments.admin_email, arguments.admin_password, api_workers=arguments.workers,
                           keep_logs=arguments.keep_logs)
    try:
        sandbox.start()
        if command:
            _print_details(sandbox, sys.stderr)
            return _run_command(sandbox, command)
        _print_details(sandbox, sys.stdout)
        print("# Kitsu sandbox (zou %s) running; Ctrl-C to stop." % ZOU_VERSION, flush=True)
        while True:
            time.sleep(3600)
    except SandboxError as error:
        print("gazu.sandbox: %s" % error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 128 + signal.SIGINT if command else 0
    except _Terminated:
        return 128 + signal.SIGTERM if command else 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean stop short
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        sandbox.stop()


if __name__ == "__main__":
    sys.exit(main())
