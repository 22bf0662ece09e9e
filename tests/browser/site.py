"""The built site as files: its pages, its base path, a local server, and a link checker.

Nothing here needs a browser; the tests in this folder use it to find what to load and check.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import posixpath
import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Folders of the build that hold assets and copies, not pages.
NOT_PAGES = {"_static", "_sources", "_downloads", "_images"}

# Elements whose URL the browser loads by itself (as opposed to links a reader follows).
LOADED_BY_THE_BROWSER = {"script": "src", "img": "src", "source": "src", "iframe": "src", "video": "src"}
LOADED_LINK_RELS = {"stylesheet", "icon", "shortcut", "preload", "modulepreload", "manifest", "prefetch"}


def html_pages(site_dir: Path) -> list[str]:
    """Every page of the site, as a path relative to its root (``index.html``, ``a/b.html``)."""
    return sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if not NOT_PAGES & set(path.relative_to(site_dir).parts)
    )


@functools.cache
def base_path(site_dir: Path) -> str:
    """The path the site is served under (``/asyncio-task-handbook/``), from its canonical URL.

    Sphinx writes ``<link rel="canonical">`` from ``html_baseurl``, the same setting that gives
    the 404 page its absolute links, so serving the site here tests what the host will serve.
    """
    index = (site_dir / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<link rel="canonical" href="([^"]+)"', index)
    if not match:
        return "/"
    return posixpath.dirname(urlsplit(match.group(1)).path).rstrip("/") + "/"


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under its base path; anything else gets 404.html, as GitHub Pages does."""

    site_dir: Path
    prefix: str

    def _missing(self) -> str:
        return str(self.site_dir / ".not-served" / "missing")

    def translate_path(self, path: str) -> str:
        url_path = unquote(urlsplit(path).path)
        if not url_path.startswith(self.prefix):
            return self._missing()
        relative = posixpath.normpath(url_path[len(self.prefix) :]).lstrip("/")
        if relative.startswith(".."):
            return self._missing()
        return str(self.site_dir / relative) if relative not in ("", ".") else str(self.site_dir)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (self.site_dir / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: failures show up in the tests' own messages


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # Chromium drops a connection it no longer needs mid-transfer (a page left before all
        # its files arrived): not the site's failure, and not worth a traceback on the console.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 (a free port) under its base path; yield the site's URL."""
    prefix = base_path(site_dir)
    handler = type("Handler", (_Handler,), {"site_dir": site_dir, "prefix": prefix})
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class ParsedPage:
    """What the link checker needs from one page: its anchors and the URLs it uses."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag, url) followed by readers
    loads: list[tuple[str, str]] = field(default_factory=list)  # (tag, url) loaded by the browser


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        for anchor in (attributes.get("id"), attributes.get("name") if tag == "a" else None):
            if anchor:
                self.page.ids.add(anchor)
        if tag == "a" and "href" in attributes:
            self.page.links.append((tag, attributes["href"]))
        elif tag == "link" and "href" in attributes:
            rels = set(attributes.get("rel", "").lower().split())
            if rels & LOADED_LINK_RELS:
                self.page.loads.append((tag, attributes["href"]))
            elif not rels & {"canonical", "alternate"}:  # the hosted address, never loaded
                self.page.links.append((tag, attributes["href"]))
        elif tag in LOADED_BY_THE_BROWSER and LOADED_BY_THE_BROWSER[tag] in attributes:
            self.page.loads.append((tag, attributes[LOADED_BY_THE_BROWSER[tag]]))
        elif tag == "form" and "action" in attributes:
            self.page.links.append((tag, attributes["action"]))


def parse_page(path: Path) -> ParsedPage:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def is_external(url: str) -> bool:
    """A URL with a scheme or a host of its own (``https://...``, ``//cdn...``, ``mailto:``)."""
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


class LinkChecker:
    """Resolves a page's internal links and anchors against the built files."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.prefix = base_path(site_dir)
        self._pages: dict[Path, ParsedPage] = {}

    def parsed(self, path: Path) -> ParsedPage:
        if path not in self._pages:
            self._pages[path] = parse_page(path)
        return self._pages[path]

    def target(self, page: str, url: str) -> tuple[Path | None, str]:
        """The file a link on ``page`` points to (None: outside the site) and its fragment."""
        page_url = f"http://site{self.prefix}{page}"
        resolved = urlsplit(urljoin(page_url, url))
        path = unquote(resolved.path)
        if resolved.netloc != "site" or not path.startswith(self.prefix):
            return None, resolved.fragment
        file = self.site_dir / path[len(self.prefix) :]
        if file.is_dir():
            file /= "index.html"
        return file, unquote(resolved.fragment)

    def broken(self, page: str) -> list[str]:
        """Every internal link or anchor on ``page`` that leads nowhere, described for a reader."""
        problems = []
        for tag, url in self.parsed(self.site_dir / page).links:
            if is_external(url) or url in ("", "#"):
                continue
            file, fragment = self.target(page, url)
            if file is None:
                problems.append(f"<{tag}> {url!r} leaves the site's base path {self.prefix}")
            elif not file.is_file():
                problems.append(f"<{tag}> {url!r}: no file {file.relative_to(self.site_dir)}")
            elif fragment and file.suffix == ".html" and fragment not in self.parsed(file).ids:
                problems.append(f"<{tag}> {url!r}: {file.relative_to(self.site_dir)} has no id {fragment!r}")
        return problems


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour with 0-255 channels."""

    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """WCAG 2.1 contrast ratio, from 1 (none) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
