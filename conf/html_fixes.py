"""Small fixes to the HTML output: complete, valid, and meeting WCAG 2.1 AA.

Each fix answers a finding of the browser tests (tests/browser/test_standards.py: the Nu HTML
checker and axe-core) on markup that Sphinx or an extension writes:

- a toctree caption has ``role="heading"`` but no ``aria-level``, which that role requires;
- a code or output block that is wider than the screen scrolls sideways, so it must be
  reachable with the keyboard: every ``<pre>`` gets ``tabindex="0"``;
- sphinx-design puts ``aria-controls`` on a tab's ``<label>``, which HTML forbids on a label
  that belongs to a form control (the tab's radio button);
- on a phone, a table becomes one card per row (conf/static/handbook.css) instead of
  scrolling sideways, so each body cell carries its column's header as ``data-label``;
- an incremental build writes only the pages that changed, and sphinx-sitemap lists only the
  pages written (jdillard/sphinx-sitemap#13): every page is written on every build (rendering
  is quick; nothing is re-read and no snippet re-runs), so sitemap.xml always lists them all.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator
from sphinx_design.tabs import sd_tab_label

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

# Sidebar and page captions of a toctree sit under the page's title: level 2.
TOCTREE_CAPTION_LEVEL = 2


class HandbookHTMLTranslator(HTML5Translator):
    def visit_title(self, node: nodes.title) -> None:
        super().visit_title(node)
        if isinstance(node.parent, addnodes.compact_paragraph) and node.parent.get("toctree"):
            # Sphinx appended the <p role="heading"> start tag, then the caption's <span>.
            start = len(self.body) - 2
            self.body[start] = self.body[start].replace(
                'role="heading"', f'role="heading" aria-level="{TOCTREE_CAPTION_LEVEL}"', 1
            )

    def visit_literal_block(self, node: nodes.literal_block) -> None:
        try:
            super().visit_literal_block(node)
        except nodes.SkipNode:
            # The highlighted block was written in one piece: <div ...><div class="highlight"><pre>
            self.body[-1] = self.body[-1].replace("<pre>", '<pre tabindex="0">', 1)
            raise

    def visit_entry(self, node: nodes.entry) -> None:
        label = _column_header(node)
        super().visit_entry(node)
        if label:
            self.body[-1] = self.body[-1].replace("<td", f'<td data-label="{escape(label)}"', 1)


def _column_header(entry: nodes.entry) -> str | None:
    """The text of the header cell above a body cell, if its table has a header row."""
    row = entry.parent
    section, tgroup = row.parent, row.parent.parent
    if not isinstance(section, nodes.tbody) or not isinstance(tgroup, nodes.tgroup):
        return None
    thead = next((child for child in tgroup.children if isinstance(child, nodes.thead)), None)
    if thead is None or not thead.children:
        return None
    column: int = row.column  # type: ignore[union-attr]  # set by visit_row, counted by visit_entry
    start = 0
    for header in thead.children[-1].children:
        if not isinstance(header, nodes.entry):
            continue
        span = 1 + header.get("morecols", 0)
        if start <= column < start + span:
            return header.astext().strip() or None
        start += span
    return None


class DropTabLabelAriaControls(SphinxPostTransform):
    """Runs after sphinx-design's TabSetHtmlTransform (priority 200), which sets the attribute."""

    default_priority = 210
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for label in self.document.findall(sd_tab_label):
            label.attributes.pop("aria_controls", None)


def _write_every_page(app: Sphinx, env: BuildEnvironment) -> list[str]:
    return sorted(env.found_docs)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_design")
    app.set_translator("html", HandbookHTMLTranslator, override=True)
    app.add_post_transform(DropTabLabelAriaControls)
    app.connect("env-get-updated", _write_every_page)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
