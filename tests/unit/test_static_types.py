"""A type checker reading answers through gazu.types: a misspelled key is an error, correct use is clean, and
the package itself type-checks."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, "tests", "typing")

pytest.importorskip("mypy", reason="mypy comes with the test extra")


def mypy(path: str) -> tuple[int, str]:
    command = [sys.executable, "-m", "mypy", "--follow-imports=silent", "--ignore-missing-imports",
               "--no-error-summary", "--cache-dir", os.path.join(ROOT, ".mypy_cache"), path]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout + done.stderr


def test_correct_use_of_typed_answers_is_clean():
    code, output = mypy(os.path.join(EXAMPLES, "correct_use.py"))
    assert (code, output) == (0, "")


def test_a_misspelled_key_on_a_returned_shot_is_an_error():
    code, output = mypy(os.path.join(EXAMPLES, "misspelled_key.py"))
    assert code == 1
    assert 'misspelled_key.py:10: error: TypedDict "Shot" has no key "nb_frame"' in output
    assert 'Did you mean "nb_frames"?' in output
    assert 'misspelled_key.py:14: error: TypedDict "Task" has no key "task_status"' in output
    assert 'misspelled_key.py:18: error: "nb_frame" is not a valid TypedDict key' in output  # from gazu.shot.get_shot
    assert 'misspelled_key.py:22: error: TypedDict "Shot" has no key "nb_frame"' in output  # through an accessor


def pyright(*paths: str) -> tuple[int, str]:
    """Run pyright (Pylance's checker, what VS Code users see) on ``paths``; skip when it cannot start."""
    pytest.importorskip("pyright", reason="pyright comes with the test extra")
    command = [sys.executable, "-m", "pyright", "--pythonpath", sys.executable]
    try:
        version = subprocess.run(command + ["--version"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        pytest.skip("pyright did not start in time")
    if version.returncode:  # it needs Node.js, and downloads it when the machine has none
        pytest.skip("pyright cannot run here: %s" % (version.stderr or version.stdout).strip()[-300:])
    done = subprocess.run(command + list(paths), cwd=ROOT, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout + done.stderr


def test_pyright_reads_the_types_as_mypy_does():
    code, output = pyright(os.path.join(EXAMPLES, "correct_use.py"))
    assert (code, output.strip().splitlines()[-1:]) == (0, ["0 errors, 0 warnings, 0 informations"]), output
    code, output = pyright(os.path.join(EXAMPLES, "misspelled_key.py"))
    errors = [line.strip().split(" - ")[0].rsplit(":", 1)[0] for line in output.splitlines() if " - error: " in line]
    assert code == 1
    assert [os.path.basename(error) for error in errors] == ["misspelled_key.py:%d" % line for line in (10, 14, 18, 22)]
    assert '"nb_frame" is not a defined key in "Shot"' in output


def test_the_package_itself_type_checks():
    # The files and settings are pyproject.toml's [tool.mypy]: what a contributor's plain `mypy` checks.
    command = [sys.executable, "-m", "mypy", "--no-error-summary", "--cache-dir", os.path.join(ROOT, ".mypy_cache")]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_the_readme_example_is_clean_but_for_its_misspelled_key(tmp_path):
    with open(os.path.join(ROOT, "README.md")) as readme:
        text = readme.read()
    example = re.search(r"### Typed answers\n.*?```python\n(.*?)```", text, re.S).group(1)
    lines = example.splitlines()
    path = tmp_path / "readme_example.py"
    path.write_text('shot_id = "an id"\n' + example)
    code, output = mypy(str(path))
    misspelled = next(number for number, line in enumerate(lines, 2) if '["nb_frame"]' in line)
    errors = [os.path.basename(line) for line in output.splitlines() if ": error:" in line]
    assert code == 1
    assert 'Did you mean "nb_frames"?' in output
    assert errors == ['readme_example.py:%d: error: TypedDict "Shot" has no key "nb_frame"  [typeddict-item]'
                      % misspelled]
