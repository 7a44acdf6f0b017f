"""Sphinx configuration: the API pages are generated from the docstrings."""

import os
import sys

sys.path.insert(0, os.path.abspath(".."))
sys.path.insert(0, os.path.abspath("."))


def _give_the_modules_their_answer_types() -> None:
    import importlib

    from make_api_pages import MODULES, models

    for name in MODULES:
        importlib.import_module(name)
    for name, module in list(sys.modules.items()):
        if name == "gazu" or name.startswith("gazu.") and name != "gazu.types":
            for type_name, model in models().items():
                vars(module).setdefault(type_name, model)


project = "gazu"
author = "The gazu developers"
copyright = "The gazu developers, LGPL-3.0-or-later"
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.viewcode"]
autodoc_typehints = "signature"
autodoc_member_order = "bysource"
python_use_unqualified_type_names = True
# The answers' types are postponed annotations naming gazu.types' TypedDicts (``-> Shot``), which the modules
# import for type checkers only. For this build only, the modules are given those names, so autodoc reads
# ``-> Shot | None`` or ``-> list[Task]`` whole and links each type to its entry on the gazu.types page.
_give_the_modules_their_answer_types()
napoleon_google_docstring = True
exclude_patterns = ["_build", "writing-a-domain-module.md"]
html_theme = "alabaster"
suppress_warnings = ["ref.python"]
