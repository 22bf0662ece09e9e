"""Every page loads cleanly from the site alone, fits a phone, and links only to what exists."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from browser.conftest import PHONE, NewContext
from browser.site import LinkChecker, is_external, parse_page
from browser.visit import open_page


def test_the_page_loads_with_no_error_and_nothing_from_another_host(
    page_name: str, site_url: str, new_context: NewContext
) -> None:
    visit = open_page(new_context(), site_url + page_name)
    assert visit.status == 200
    assert visit.problems() == []


def test_everything_the_page_loads_comes_from_the_site_itself(page_name: str, site_dir: Path) -> None:
    """No CDN: every stylesheet, script, icon and image is a path on the site, never a host."""
    page = parse_page(site_dir / page_name)
    assert [f"<{tag}> {url}" for tag, url in page.loads if is_external(url)] == []


def test_the_stylesheets_load_nothing_from_another_host(site_dir: Path) -> None:
    """Fonts and images named in CSS (``url(...)``) are data: URIs or files on the site."""
    foreign = [
        f"{css.relative_to(site_dir)}: {url}"
        for css in sorted((site_dir / "_static").rglob("*.css"))
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8"))
        if is_external(url) and not url.startswith("data:")
    ]
    assert foreign == []


def test_every_internal_link_and_anchor_resolves(page_name: str, site_dir: Path) -> None:
    assert LinkChecker(site_dir).broken(page_name) == []


def test_the_link_check_catches_a_broken_anchor_and_a_missing_page(tmp_path: Path) -> None:
    """The check above is only worth something if it fails: give it a site with broken links."""
    (tmp_path / "index.html").write_text(
        '<link rel="canonical" href="https://example.org/handbook/index.html">'
        '<h1 id="top">Top</h1><a href="#top">fine</a><a href="other.html#nowhere">broken anchor</a>'
        '<a href="gone.html">missing page</a><a href="other.html#there">fine</a>'
    )
    (tmp_path / "other.html").write_text('<p id="there">There</p>')
    broken = LinkChecker(tmp_path).broken("index.html")
    assert broken == [
        "<a> 'other.html#nowhere': other.html has no id 'nowhere'",
        "<a> 'gone.html': no file gone.html",
    ]


def test_a_missing_address_shows_the_404_page_with_working_links(
    site_url: str, site_prefix: str, new_context: NewContext
) -> None:
    """GitHub Pages serves 404.html for any missing path, at any depth: its links must still work."""
    missing = site_url + "no/such/folder/page.html"
    visit = open_page(new_context(), missing)
    assert visit.status == 404
    assert visit.problems(allow_console=("404 (Not Found)",)) == []
    assert visit.page.locator("h1").first.inner_text() == "Page not found"
    # The theme's stylesheet applied: furo lays the page out in a flex container.
    assert visit.page.evaluate("getComputedStyle(document.querySelector('.page')).display") == "flex"
    hrefs = visit.page.eval_on_selector_all(
        "article a[href], .sidebar-tree a[href]", "els => els.map(e => e.href)"
    )
    assert hrefs, "the 404 page links nowhere"
    for href in hrefs:
        assert href.startswith(site_url), f"{href} is outside the site at {site_prefix}"
        response = visit.page.request.get(href)
        assert response.status == 200, f"the 404 page links to {href}, which answers {response.status}"


def test_no_page_scrolls_sideways_on_a_phone(page_name: str, site_url: str, new_context: NewContext) -> None:
    """At 390 px the page never scrolls sideways. Only a code block, or a figure drawn to scale
    (a timeline), may scroll inside itself, and the keyboard must reach it to scroll it."""
    visit = open_page(new_context(viewport=PHONE), site_url + page_name)
    page = visit.page
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    scrolling: list[dict[str, Any]] = page.evaluate(
        """() => [...document.querySelectorAll("body *")].filter((el) => {
             const style = getComputedStyle(el);
             return ["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1
               && el.getClientRects().length;
           }).map((el) => ({
             what: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "." + el.className,
             allowed: Boolean(el.closest("div.highlight, figure")),
             focusable: el.tabIndex >= 0 || Boolean(el.querySelector(
               "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])")),
           }))"""
    )
    assert [s["what"] for s in scrolling if not s["allowed"]] == [], (
        "parts that scroll sideways but are not code"
    )
    assert [s["what"] for s in scrolling if not s["focusable"]] == [], (
        "parts that scroll sideways but cannot get keyboard focus (add tabindex=0)"
    )
