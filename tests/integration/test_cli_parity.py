"""gazu-cli next to upstream 1.3.1's, on the same Kitsu: same output, same exit status.

Both CLIs run as real processes (upstream's from its cached environment,
tests/upstream_oracle.py), each with its own home folder, logged in with the
same ``gazu-cli login`` command through a front serving the sandbox at
``/api`` (tests/api_prefix_proxy.py). Every case runs the same arguments
through both, and compares the exit status, stdout and stderr exactly.
Options only ours has (``--host``, ``--verbose``, ``--detailed-exit-codes``,
``download``, ``publish``) are tested in test_cli.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

import gazu
from tests import upstream_oracle
from tests.api_prefix_proxy import ApiPrefixFront
from tests.integration.test_cli import production  # noqa: F401  (a fixture)

pytestmark = pytest.mark.integration

OURS = os.path.join(os.path.dirname(sys.executable), "gazu-cli")

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

# Arguments run through both CLIs; {name} is a field of the production fixture
# (an entity's id, or its name with {name.name}).
CASES = [
    ("status",),
    ("projects",),
    ("projects", "--all"),
    ("--json", "projects"),
    ("project", "{project.name}"),
    ("project", "{project}"),
    ("--json", "project", "{project}"),
    ("project", "No such project"),
    ("asset-types",),
    ("asset-types", "-p", "{project.name}"),
    ("task-types",),
    ("task-types", "-p", "{project}"),
    ("task-statuses",),
    ("persons",),
    ("--json", "persons"),
    ("assets", "-p", "{project.name}"),
    ("assets", "-p", "{project}", "-t", "{asset_type.name}"),
    ("assets", "-p", "{project}", "-t", "No such type"),
    ("assets",),
    ("--json", "assets", "-p", "{project}"),
    ("asset", "{asset}"),
    ("asset", "{asset.name}", "-p", "{project.name}"),
    ("asset", "{asset.name}"),
    ("--json", "asset", "{asset}"),
    ("episodes", "-p", "{project}"),
    ("sequences", "-p", "{project}"),
    ("sequences", "-p", "{project}", "-e", "{episode.name}"),
    ("shots", "-p", "{project}"),
    ("shots", "-p", "{project}", "-s", "{sequence.name}"),
    ("shots", "-p", "{project}", "-e", "{episode.name}"),
    ("shots", "-p", "{project}", "-s", "No such sequence"),
    ("--json", "shots", "-p", "{project}"),
    ("shot-casting", "{shot}"),
    ("--json", "shot-casting", "{shot}"),
    ("tasks", "-p", "{project}"),
    ("tasks", "-p", "{project}", "-t", "{task_type.name}"),
    ("tasks", "-p", "{project}", "-s", "todo"),
    ("--json", "tasks", "-p", "{project}"),
    ("task", "{task}"),
    ("--json", "task", "{task}"),
    ("task", "00000000-0000-0000-0000-000000000000"),
    ("my-tasks",),
    ("my-tasks", "--done"),
    ("search", "{asset.name}"),
    ("search", "{shot.name}", "-p", "{project}"),
    ("no-such-command",),
]


def fill(argument: str, entities: dict) -> str:
    if not (argument.startswith("{") and argument.endswith("}")):
        return argument
    name, _, field = argument[1:-1].partition(".")
    return entities[name][field or "id"]


class Cli:
    """One CLI in its own home folder."""

    def __init__(self, program: str, home: str):
        self.program, self.home = program, home
        self.env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "LANG": "C.UTF-8", "COLUMNS": "200"}

    def __call__(self, *args: str) -> tuple[int, str, str]:
        done = subprocess.run([self.program, *args], env=self.env, cwd=self.home, capture_output=True, text=True,
                              timeout=120)
        return done.returncode, done.stdout, done.stderr


@pytest.fixture(scope="module")
def front(kitsu_sandbox):
    front = ApiPrefixFront(kitsu_sandbox.host)
    yield front
    front.close()


@pytest.fixture(scope="module")
def upstream_program():
    try:
        return upstream_oracle.upstream_cli()
    except upstream_oracle.OracleUnavailable as error:
        pytest.fail(str(error))


@pytest.fixture
def clis(kitsu_sandbox, front, upstream_program, tmp_path):
    """Upstream's CLI and ours, each logged in with the same command."""
    pair = []
    for side, program in (("upstream", upstream_program), ("ours", OURS)):
        home = tmp_path / side
        home.mkdir()
        pair.append(Cli(program, str(home)))
    login = ("login", "--host", front.url, "--email", kitsu_sandbox.admin_email,
             "--password", kitsu_sandbox.admin_password)
    theirs, ours = (cli(*login) for cli in pair)
    assert ours == theirs and theirs[0] == 0, (theirs, ours)
    return pair


def test_every_case_prints_what_upstream_prints(clis, production):  # noqa: F811
    upstream, ours = clis
    differing = []
    for case in CASES:
        args = [fill(argument, production) for argument in case]
        theirs, mine = upstream(*args), ours(*args)
        if mine != theirs:
            differing.append("gazu-cli %s\n  upstream: %r\n  ours:     %r" % (" ".join(args), theirs, mine))
    assert not differing, "\n".join(differing)


def test_without_a_log_in_both_say_so(tmp_path, upstream_program):
    for args in (("status",), ("projects",), ("task", "00000000-0000-0000-0000-000000000000")):
        outcomes = []
        for side, program in (("upstream", upstream_program), ("ours", OURS)):
            (tmp_path / side).mkdir(exist_ok=True)
            outcomes.append(Cli(program, str(tmp_path / side))(*args))
        assert outcomes[0] == outcomes[1], (args, outcomes)



def test_comment_then_logout_as_upstream(clis, production):  # noqa: F811
    upstream, ours = clis
    task = production["task"]["id"]
    # Ours also takes the task and text as arguments, so its usage line shows them; the error is upstream's.
    theirs, mine = upstream("comment", "-s", "wip"), ours("comment", "-s", "wip")
    assert mine[:2] == theirs[:2] == (2, "")
    assert mine[2].splitlines()[-1] == theirs[2].splitlines()[-1] == "Error: Missing option '--task' / '-t'."
    for args in (("comment", "-t", task, "-s", "wip", "-m", "Blocking done"),
                 ("comment", "-t", task, "-s", "no-such-status"),
                 ("logout",), ("status",), ("logout",)):
        theirs, mine = (without_ids(outcome) for outcome in (upstream(*args), ours(*args)))
        assert mine == theirs, (args, theirs, mine)
    comments = gazu.task.all_comments_for_task(production["task"])
    assert [comment["text"] for comment in comments] == ["Blocking done", "Blocking done"]
    # Logged out, a usage error still comes first.
    theirs, mine = upstream("comment", "-s", "wip"), ours("comment", "-s", "wip")
    assert mine[:2] == theirs[:2] == (2, "")
    assert mine[2].splitlines()[-1] == theirs[2].splitlines()[-1]


def without_ids(outcome: tuple[int, str, str]) -> tuple[int, str, str]:
    """The outcome with each new object's id (different on each side) replaced by ``<id>``."""
    code, out, err = outcome
    return code, UUID.sub("<id>", out), UUID.sub("<id>", err)
