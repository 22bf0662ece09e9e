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
- sphinx-sitemap lists only the pages a build writes (jdillard/sphinx-sitemap#13), so an
  incremental build would leave unchanged pages out of sitemap.xml: after it, the missing
  pages are added from the environment, which knows them all.
"""

from __future__ import annotations

from fnmatch import fnmatch
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator
from sphinx_design.tabs import sd_tab_label

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"

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


def _complete_sitemap(app: Sphinx, exception: Exception | None) -> None:
    """Add every page an incremental build did not write to sitemap.xml, in a stable order."""
    sitemap = Path(app.outdir) / app.config.sitemap_filename
    if exception is not None or app.builder.format != "html" or not sitemap.is_file():
        return
    tree = ElementTree.parse(sitemap)
    urlset = tree.getroot()
    listed = {url.findtext(f"{{{SITEMAP_NS}}}loc"): url for url in urlset.findall(f"{{{SITEMAP_NS}}}url")}
    base = app.config.site_url or app.config.html_baseurl
    for docname in app.env.found_docs:
        link = app.builder.get_target_uri(docname)
        location = base + app.config.sitemap_url_scheme.format(lang="", version="", link=link)
        if location not in listed and not any(fnmatch(link, p) for p in app.config.sitemap_excludes):
            url = ElementTree.Element(f"{{{SITEMAP_NS}}}url")
            ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = location
            listed[location] = url
    urlset[:] = [listed[location] for location in sorted(listed, key=str)]
    ElementTree.register_namespace("", SITEMAP_NS)
    tree.write(sitemap, xml_declaration=True, encoding="utf-8", method="xml")


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_design")
    app.set_translator("html", HandbookHTMLTranslator, override=True)
    app.add_post_transform(DropTabLabelAriaControls)
    app.connect("build-finished", _complete_sitemap, priority=600)  # after sphinx-sitemap's
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
