"""Sphinx configuration: the API pages are generated from the docstrings."""

import os
import sys

sys.path.insert(0, os.path.abspath(".."))

project = "gazu"
author = "The gazu developers"
copyright = "The gazu developers, LGPL-3.0-or-later"
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.viewcode"]
autodoc_typehints = "signature"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
exclude_patterns = ["_build", "writing-a-domain-module.md"]
html_theme = "alabaster"
suppress_warnings = ["ref.python"]
