"""Write one API page per public module into docs/api/ (run by the docs build)."""

import os

MODULES = [
    "gazu", "gazu.client", "gazu.exception", "gazu.cache", "gazu.helpers", "gazu.sorting",
    "gazu.encoder", "gazu.asset", "gazu.casting", "gazu.concept", "gazu.context", "gazu.edit",
    "gazu.entity", "gazu.events", "gazu.files", "gazu.person", "gazu.playlist", "gazu.project",
    "gazu.project_template", "gazu.scene", "gazu.search", "gazu.shot", "gazu.studio", "gazu.sync",
    "gazu.task", "gazu.user", "gazu.aio", "gazu.cli", "gazu.concurrency", "gazu.sandbox",
    "gazu.sandbox.pytest_plugin",
]

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> None:
    folder = os.path.join(HERE, "api")
    os.makedirs(folder, exist_ok=True)
    for module in MODULES:
        with open(os.path.join(folder, module + ".rst"), "w") as page:
            page.write("%s\n%s\n\n.. automodule:: %s\n   :members:\n" % (module, "=" * len(module), module))
    with open(os.path.join(folder, "index.rst"), "w") as index:
        index.write("API reference\n=============\n\n.. toctree::\n   :maxdepth: 1\n\n")
        index.writelines("   %s\n" % module for module in MODULES)


if __name__ == "__main__":
    main()
