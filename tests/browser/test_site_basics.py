"""What search engines, link previews and browsers read from each page, and the sitemap."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from browser.site import base_path, html_pages

# Pages made by Sphinx or an extension rather than written: no description, not in the sitemap.
GENERATED = {"404.html", "genindex.html", "search.html"}


def head(site_dir: Path, page_name: str) -> str:
    html = (site_dir / page_name).read_text(encoding="utf-8")
    return html[: html.index("</head>")]


def meta(head_html: str, key: str, value: str) -> list[str]:
    """The content of every <meta key="value" content="..."> (in either attribute order)."""
    found = []
    for tag in re.findall(r"<meta\b[^>]*>", head_html):
        if f'{key}="{value}"' in tag and (content := re.search(r'content="([^"]*)"', tag)):
            found.append(content.group(1))
    return found


def test_the_page_has_a_title_description_and_link_preview(page_name: str, site_dir: Path) -> None:
    html = head(site_dir, page_name)
    title = re.search(r"<title>([^<]+)</title>", html)
    assert title and "Asyncio Task Handbook" in title.group(1)
    assert '<link rel="icon"' in html or 'rel="shortcut icon"' in html, "a favicon"
    assert meta(html, "property", "og:image") == [], "no generated social images"
    if page_name in GENERATED:
        return
    assert meta(html, "property", "og:title")
    (url,) = meta(html, "property", "og:url")
    assert url.endswith(base_path(site_dir) + page_name)
    descriptions = meta(html, "name", "description")
    assert len(descriptions) == 1 and len(descriptions[0]) > 40, descriptions


def test_the_sitemap_lists_every_written_page_under_the_site_url(site_dir: Path) -> None:
    sitemap = site_dir / "sitemap.xml"
    assert sitemap.is_file()
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text or "" for loc in ElementTree.parse(sitemap).getroot().findall("s:url/s:loc", namespace)]
    listed = {url.rsplit(base_path(site_dir), 1)[-1] for url in urls}
    assert listed == set(html_pages(site_dir)) - GENERATED
    assert all(url.startswith("https://") for url in urls)


@pytest.mark.parametrize("name", ["404.html", "_static/favicon.svg", "objects.inv", "searchindex.js"])
def test_the_site_has(name: str, site_dir: Path) -> None:
    assert (site_dir / name).is_file()
