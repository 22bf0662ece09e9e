"""The ``snippet-index`` directive: a table of every snippet, its summary, page and minimum Python."""

from __future__ import annotations

import ast
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

import snippet_runner

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def summary(snippet: Path) -> str:
    """The first line of the snippet's docstring, else its file name in words."""
    docstring = ast.get_docstring(ast.parse(snippet.read_text(encoding="utf-8")))
    if docstring:
        return docstring.strip().splitlines()[0]
    return snippet.stem.split("_", 1)[-1].replace("_", " ").capitalize()


class SnippetIndex(SphinxDirective):
    """Lists snippets/<page>/*.py grouped by page; the page is the folder's namesake."""

    def run(self) -> list[nodes.Node]:
        # New or removed snippets change this table without touching this page: always re-read.
        self.env.note_reread()
        page_dir = Path(self.env.doc2path(self.env.docname)).parent
        oldest = snippet_runner.supported_versions()[0]
        rows = ["| Snippet | What it shows | Page | Python |", "| --- | --- | --- | --- |"]
        for snippet in snippet_runner.discover_snippets():
            relative = os.path.relpath(snippet, page_dir)
            minimum = snippet_runner.required_version(snippet) or oldest
            rows.append(
                f"| {{download}}`{snippet.name} <{relative}>` | {summary(snippet)} "
                f"| {{doc}}`/{snippet.parent.name}` | {snippet_runner.version_name(minimum)}+ |"
            )
        container = nodes.container(classes=["snippet-index"])
        self.state.nested_parse(StringList(rows), self.content_offset, container)
        return [container]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("snippet-index", SnippetIndex)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
