"""Which public functions the integration tests exercised against the real server.

While a test under tests/integration runs, a profile hook records every call
to a public function of the package. At the end of the session the summary
prints ``real-server coverage: N/M public functions`` and writes those not
exercised, with the reason a test module gives in its ``NOT_EXERCISED``
dict where it gives one, to reports/real-server-not-exercised.txt.

The same hook hands every return of a public function to
tests/realtypes.py, which checks the answer against its declared type.
"""

from __future__ import annotations

import importlib
import inspect
import os
import sys
import threading

from tests.realtypes import AnswerChecker

PUBLIC_MODULES = [
    "gazu", "gazu.client", "gazu.helpers", "gazu.cache", "gazu.sorting", "gazu.asset", "gazu.casting",
    "gazu.concept", "gazu.context", "gazu.edit", "gazu.entity", "gazu.events", "gazu.files", "gazu.person",
    "gazu.playlist", "gazu.project", "gazu.project_template", "gazu.scene", "gazu.search", "gazu.shot",
    "gazu.studio", "gazu.sync", "gazu.task", "gazu.user", "gazu.aio", "gazu.cli", "gazu.concurrency",
]
REPORT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "reports",
                      "real-server-not-exercised.txt")


def public_functions() -> dict:
    """Map each public function's code object to its public name (``gazu.asset.get_asset``)."""
    codes = {}
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if name.startswith("_") or not callable(value) or inspect.isclass(value):
                continue
            function = inspect.unwrap(value)
            owner = getattr(function, "__module__", "") or ""
            if not inspect.isfunction(function):
                continue
            if owner != module_name and not owner.startswith("gazu._"):
                continue  # imported from another public module, counted there
            codes.setdefault(function.__code__, "%s.%s" % (module_name, name))
    return codes


class Recorder:
    def __init__(self):
        self.codes = public_functions()
        self.seen: set[str] = set()
        self.reasons: dict[str, str] = {}
        self.active = False
        self.answers = AnswerChecker()

    def profile(self, frame, event, arg):
        if event == "call":
            name = self.codes.get(frame.f_code)
            if name is not None:
                self.seen.add(name)
        elif event == "return":
            name = self.codes.get(frame.f_code)
            if name is not None:
                self.answers.on_return(name, frame, arg)

    def start(self):
        self.active = True
        sys.setprofile(self.profile)
        threading.setprofile(self.profile)

    def stop(self):
        sys.setprofile(None)
        threading.setprofile(None)
        self.active = False


recorder: Recorder | None = None


def _is_integration(item) -> bool:
    return "integration" in str(getattr(item, "path", item.fspath)).split(os.sep)


def pytest_collection_modifyitems(session, config, items):
    global recorder
    if any(_is_integration(item) for item in items):
        recorder = Recorder()
        for module in {item.module for item in items if _is_integration(item)}:
            for name, reason in getattr(module, "NOT_EXERCISED", {}).items():
                recorder.reasons[name] = reason


def pytest_runtest_setup(item):
    if recorder is not None and _is_integration(item):
        recorder.start()


def pytest_runtest_teardown(item, nextitem):
    if recorder is not None and recorder.active:
        recorder.stop()


def _reason_for(name: str, reasons: dict) -> str:
    short = name.split(".", 1)[1] if name.count(".") > 1 else name
    for key in (name, short, short.split(".")[-1]):
        if key in reasons:
            return reasons[key]
    return "no integration test yet"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if recorder is None:
        return
    every = sorted(set(recorder.codes.values()))
    missing = [name for name in every if name not in recorder.seen]
    os.makedirs(os.path.dirname(REPORT), exist_ok=True)
    with open(REPORT, "w") as report:
        for name in missing:
            report.write("%s: %s\n" % (name, _reason_for(name, recorder.reasons)))
    terminalreporter.write_line("real-server coverage: %d/%d public functions (not exercised: %s)"
                                % (len(every) - len(missing), len(every), os.path.relpath(REPORT)))
    terminalreporter.write_line("real-server answers checked against their declared types: %d"
                                % recorder.answers.checked)
