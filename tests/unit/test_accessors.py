"""KitsuClient's domain accessors send exactly what the module functions send.

Generated over the whole API: every public function of every domain module
is called twice with the same synthetic arguments — once as
``gazu.<module>.<function>(…, client=one)``, once as
``two.<module>.<function>(…)`` — and the requests sent and the outcome
(value or exception) must be identical.
"""

from __future__ import annotations

import datetime
import inspect
import json
import os
import subprocess
import sys

import pytest
import requests

import gazu
from gazu import client as raw
from gazu._accessors import DOMAIN_MODULES

ID = "5f0a3b4c-1d2e-4f60-8a9b-0c1d2e3f4a5b"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# Functions that do not go through KitsuClient.request (they open a socket.io
# connection or wait on one); their binding is still checked by signature.
NOT_CALLED = {"events.init", "events.run_client", "events.add_listener"}


class _FrozenClock(datetime.datetime):
    """The same "now" for both calls (a log-in record sends the time, to the microsecond)."""

    @classmethod
    def now(cls, tz=None):
        return datetime.datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=tz)


def functions():
    for module_name in DOMAIN_MODULES:
        module = getattr(gazu, module_name)
        for name in dir(gazu.KitsuClient("http://x/api").__getattr__(module_name)):
            function = getattr(module, name)
            if "client" in inspect.signature(function).parameters:
                yield pytest.param(module_name, name, id="%s.%s" % (module_name, name))


def synthetic(parameter):
    annotation = str(parameter.annotation)
    if "dict" in annotation and "str" in annotation:
        return ID
    if annotation.startswith("dict") or annotation == "dict":
        return {"id": ID, "name": "name-value", "project_id": ID, "shots": [], "data": {}}
    if annotation.startswith("list"):
        return [ID]
    if annotation.startswith("int"):
        return 1
    if annotation.startswith("bool"):
        return True
    return "name-value" if "name" in parameter.name else ID


class Recorder:
    """Stands in for the network: records what a client sends, answers the same to both."""

    def __init__(self):
        self.sent = []

    def __call__(self, client, method, url, path, retry=True, **kwargs):
        self.sent.append((method, url, json.dumps(kwargs.get("params"), sort_keys=True),
                          kwargs.get("data") if isinstance(kwargs.get("data"), (str, bytes)) else None))
        response = requests.Response()
        response.status_code = 200
        response._content = b'[{"id": "%s", "name": "name-value", "project_id": "%s"}]' % (ID.encode(), ID.encode()) \
            if method == "GET" else b'{"id": "%s", "name": "name-value"}' % ID.encode()
        response.headers["Content-Type"] = "application/json"
        response.url = url
        return response


def outcome(call):
    try:
        return ("value", repr(call()))
    except Exception as error:  # the same failure both ways is what is compared
        return ("error", type(error).__name__, str(error))


@pytest.mark.parametrize("module_name, name", list(functions()))
def test_accessor_sends_what_the_module_function_sends(module_name, name, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(datetime, "datetime", _FrozenClock)
    function = getattr(getattr(gazu, module_name), name)
    one, two = (raw.create_client("http://kitsu.test/api", tokens={"access_token": "t"}, retries=0)
                for _ in range(2))
    bound = getattr(getattr(two, module_name), name)
    signature = inspect.signature(function)
    assert list(inspect.signature(bound).parameters) == [p for p in signature.parameters if p != "client"]
    assert bound.__doc__ == function.__doc__
    if "%s.%s" % (module_name, name) in NOT_CALLED:
        return
    arguments = [synthetic(p) for p in signature.parameters.values()
                 if p.default is p.empty and p.kind is p.POSITIONAL_OR_KEYWORD and p.name != "client"]
    recorders = {}
    for label, call in (("module", lambda: function(*arguments, client=one)),
                        ("accessor", lambda: bound(*arguments))):
        recorder = Recorder()
        monkeypatch.setattr(raw.KitsuClient, "_send", lambda self, *a, recorder=recorder, **k: recorder(self, *a, **k))
        result = outcome(call)
        recorders[label] = (recorder.sent, result)
    assert recorders["accessor"] == recorders["module"]


def test_accessors_reach_every_domain_module_and_nothing_else():
    kitsu = gazu.KitsuClient("http://x/api")
    for module_name in DOMAIN_MODULES:
        assert getattr(kitsu, module_name) is getattr(kitsu, module_name)  # made once per client
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        kitsu.nonsense  # noqa: B018


def test_the_accessors_load_on_first_use_not_at_import():
    code = ("import sys, gazu\n"
            "print(sorted(m for m in ('gazu._accessors', 'inspect') if m in sys.modules))\n"
            "kitsu = gazu.KitsuClient('http://x/api')\n"
            "hasattr(kitsu, '_private'), hasattr(kitsu, '__deepcopy__')\n"
            "print('gazu._accessors' in sys.modules)\n"
            "kitsu.asset\n"
            "print('gazu._accessors' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n") == ["[]", "False", "True", ""]


def test_ping_status_and_me(kitsu):
    kitsu.on("GET", "", json={"api": "Zou", "version": "1.0.97"})
    kitsu.on("GET", "status", json={"name": "Zou", "version": "1.0.97", "database-up": True})
    kitsu.on("GET", "auth/authenticated", json={"user": {"id": ID}})
    client = raw.default_client
    assert 0 <= client.ping() < 5
    assert client.server_status()["database-up"] is True
    assert client.me() == {"id": ID}


def test_the_static_types_are_up_to_date():
    result = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "generate-accessor-types"), "--check"])
    assert result.returncode == 0, "gazu/_accessor_types.pyi is stale: run scripts/generate-accessor-types"



def mypy(path):
    return subprocess.run([sys.executable, "-m", "mypy", "--follow-imports=silent", "--ignore-missing-imports",
                           "--no-incremental", str(path)], capture_output=True, text=True, cwd=ROOT)


def test_a_script_using_accessors_passes_a_static_type_check():
    result = mypy(os.path.join(ROOT, "examples", "two_servers.py"))
    assert result.returncode == 0, result.stdout


def test_the_static_check_catches_misuse_of_an_accessor(tmp_path):
    script = tmp_path / "misuse.py"
    script.write_text("import gazu\nkitsu = gazu.KitsuClient('http://x/api')\n"
                      "kitsu.shot.all_shots_for_project(project=1)\nkitsu.asset.no_such_function()\n")
    result = mypy(script)
    assert 'Argument "project" to "all_shots_for_project"' in result.stdout
    assert '"AssetAccessor" has no attribute "no_such_function"' in result.stdout
