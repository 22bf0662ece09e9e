"""Sphinx configuration of the Asyncio Task Handbook (``sphinx-build -c conf docs <out>``)."""

import sys
from pathlib import Path

CONF_DIR = Path(__file__).resolve().parent
REPO_ROOT = CONF_DIR.parent
# The project's own small extensions live beside this file.
sys.path.insert(0, str(CONF_DIR))

# -- Project information ---------------------------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#project-information

project = "Asyncio Task Handbook"
author = "The Asyncio Task Handbook contributors"
copyright = "2026, The Asyncio Task Handbook contributors"

# -- General configuration -------------------------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#general-configuration

extensions = [
    "myst_parser",
    "exec_snippet",  # sphinx-exec-code, routed through conf/snippet_runner.py
    "snippet_index",  # the snippet-index directive
]
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
nitpicky = True

# -- Snippets --------------------------------------------------------------------------------
# https://sphinx-exec-code.readthedocs.io/en/latest/configuration.html

exec_code_example_dir = str(REPO_ROOT / "snippets")
snippets_timeout = 10.0  # seconds of real time before a snippet counts as hung

# -- Options for HTML output -----------------------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#options-for-html-output

html_theme = "furo"
html_title = "Asyncio Task Handbook"
html_static_path: list[str] = []
html_last_updated_fmt = None
