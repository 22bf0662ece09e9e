"""The ``snippet-index`` directive: every snippet, grouped by the page that explains it.

One section per page, in the order of the site's navigation, each with a table: the snippet
(a download link), the first line of its docstring, and the oldest Python it runs on. The
sections show in the page's "On this page" menu, so a reader can jump to a topic.
"""

from __future__ import annotations

import ast
import os
import re
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles
from sphinx_exec_code.configuration.values import EXAMPLE_DIR

import snippet_runner

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_TOCTREE = re.compile(r"^```\{toctree\}\n(.*?)^```", re.MULTILINE | re.DOTALL)
_TITLE = re.compile(r"^# (.+)$", re.MULTILINE)
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]<>|~#$])")


class SnippetIndexError(ExtensionError):
    """Stops the build: a snippet has no summary, or its folder no page to explain it."""

    category = "Snippet index error"


def summary(snippet: Path) -> str:
    """The first line of the snippet's docstring: one sentence on what the program shows."""
    docstring = ast.get_docstring(ast.parse(snippet.read_text(encoding="utf-8")))
    if not docstring:
        raise SnippetIndexError(
            f"{snippet_runner.display_path(snippet)}:1: the snippet has no docstring; its first "
            "line is the snippet's summary in the snippet index"
        )
    return docstring.strip().splitlines()[0]


def as_markdown_text(text: str) -> str:
    """Plain text inside a Markdown table cell: no emphasis from __aexit__, no cell break."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def navigation_order(root_page: Path) -> list[str]:
    """The pages the root page's toctrees list, in order.

    Read from the source, not from Sphinx's environment: with parallel reading the root page
    may not have been read yet, and the index must come out the same either way.
    """
    if not root_page.is_file():
        return []
    order = []
    for body in _TOCTREE.findall(root_page.read_text(encoding="utf-8")):
        order += [line.strip() for line in body.splitlines() if line.strip() and not line.startswith(":")]
    return order


def page_title(page: Path) -> str:
    match = _TITLE.search(page.read_text(encoding="utf-8"))
    return match.group(1).strip() if match else page.stem


class SnippetIndex(SphinxDirective):
    """Lists <example dir>/<page>/*.py; the page that explains a folder is its namesake."""

    def run(self) -> list[nodes.Node]:
        # New or removed snippets change this index without touching this page: always re-read.
        self.env.note_reread()
        page_dir = Path(self.env.doc2path(self.env.docname)).parent
        order = navigation_order(Path(self.env.doc2path(self.config.root_doc)))
        oldest = snippet_runner.supported_versions()[0]
        snippets = snippet_runner.discover_snippets(EXAMPLE_DIR.value)
        folders = {folder: list(group) for folder, group in groupby(snippets, key=lambda s: s.parent.name)}

        def position(folder: str) -> tuple[int, str]:
            return (order.index(folder) if folder in order else len(order), folder)

        lines: list[str] = []
        for folder in sorted(folders, key=position):
            if folder not in self.env.found_docs:
                page = Path(self.env.srcdir, folder + Path(self.env.doc2path(self.env.docname)).suffix)
                raise SnippetIndexError(
                    f"{self.get_location()}: no page explains the snippets in "
                    f"{snippet_runner.display_path(folders[folder][0].parent)}/ "
                    f"(expected {snippet_runner.display_path(page)})"
                )
            lines += [
                f"## {page_title(Path(self.env.doc2path(folder)))}",
                "",
                f"Explained on the page {{doc}}`/{folder}`.",
                "",
                "| Snippet | What it shows | Python |",
                "| --- | --- | --- |",
            ]
            for snippet in folders[folder]:
                relative = os.path.relpath(snippet, page_dir)
                minimum = snippet_runner.required_version(snippet) or oldest
                lines.append(
                    f"| {{download}}`{snippet.name} <{relative}>` | {as_markdown_text(summary(snippet))} "
                    f"| {snippet_runner.version_name(minimum)}+ |"
                )
            lines.append("")
        # Sections must sit in the page's own section, not in a container: parse them into a
        # scratch node and hand back its children.
        scratch = nodes.Element()
        nested_parse_with_titles(self.state, StringList(lines), scratch)
        for table in scratch.findall(nodes.table):
            table["classes"].append("snippet-index")
        return list(scratch.children)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("snippet-index", SnippetIndex)
    return {"version": "2", "parallel_read_safe": True, "parallel_write_safe": True}
