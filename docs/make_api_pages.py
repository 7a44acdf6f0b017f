"""Write one API page per public module into docs/api/ (run by the docs build), and one for gazu.types.

The functions' pages show their answers' types as the annotations say them
(``-> Shot``), linked to the gazu.types page (conf.py's type aliases); that
page lists each type's keys: their types, and which ones every answer has.
"""

import inspect
import os
import re
import sys
import typing

MODULES = [
    "gazu", "gazu.client", "gazu.exception", "gazu.cache", "gazu.helpers", "gazu.sorting",
    "gazu.encoder", "gazu.asset", "gazu.casting", "gazu.concept", "gazu.context", "gazu.edit",
    "gazu.entity", "gazu.events", "gazu.files", "gazu.person", "gazu.playlist", "gazu.project",
    "gazu.project_template", "gazu.scene", "gazu.search", "gazu.shot", "gazu.studio", "gazu.sync",
    "gazu.task", "gazu.user", "gazu.aio", "gazu.cli", "gazu.concurrency", "gazu.sandbox",
    "gazu.sandbox.pytest_plugin",
]
TYPES = "gazu.types"

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))


def title(text: str) -> str:
    return "%s\n%s\n\n" % (text, "=" * len(text))


def type_text(annotation: typing.Any) -> str:
    """Say a key's type as the annotations of the functions do: ``str | None``, ``list[Task]``."""
    if typing.get_origin(annotation) is typing.Union:
        return " | ".join(type_text(member) for member in typing.get_args(annotation))
    if annotation is type(None):
        return "None"
    text = inspect.formatannotation(annotation)
    return re.sub(r"\b(?:typing|gazu\.types)\.", "", text)


def model_section(name: str, model: typing.Any) -> str:
    hints = typing.get_type_hints(model)
    rows = "".join("   * - ``%s``\n     - ``%s``\n     - %s\n" % (
        key, type_text(hints[key]), "yes" if key in model.__required_keys__ else "")
        for key in sorted(hints, key=lambda key: (key not in model.__required_keys__, key)))
    return (".. autoclass:: %s.%s\n\n.. list-table::\n   :header-rows: 1\n   :widths: 30 50 20\n\n"
            "   * - Key\n     - Type\n     - In every answer\n%s\n" % (TYPES, name, rows))


def models() -> dict:
    """Return the public TypedDicts of gazu.types, in the order of the module."""
    import gazu.types

    return {name: value for name, value in vars(gazu.types).items()
            if not name.startswith("_") and isinstance(value, type) and hasattr(value, "__total__")}


def types_page() -> str:
    return (title(TYPES) + ".. automodule:: %s\n\n" % TYPES
            + "Which functions answer free-form data (``Any``) instead, and why: see typed-answers.md in the "
              "repository's docs folder.\n\n"
            + "".join(model_section(name, model) for name, model in models().items()))


def main() -> None:
    folder = os.path.join(HERE, "api")
    os.makedirs(folder, exist_ok=True)
    for module in MODULES:
        with open(os.path.join(folder, module + ".rst"), "w") as page:
            page.write(title(module) + ".. automodule:: %s\n   :members:\n" % module)
    with open(os.path.join(folder, TYPES + ".rst"), "w") as page:
        page.write(types_page())
    with open(os.path.join(folder, "index.rst"), "w") as index:
        index.write("API reference\n=============\n\n.. toctree::\n   :maxdepth: 1\n\n")
        index.writelines("   %s\n" % module for module in MODULES + [TYPES])


if __name__ == "__main__":
    main()
