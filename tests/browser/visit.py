"""Loading a page in the browser and recording everything that goes wrong while it loads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@dataclass
class Visit:
    """A loaded page and what happened while loading it."""

    page: Page
    status: int | None
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def problems(self, *, allow_console: tuple[str, ...] = ()) -> list[str]:
        errors = [e for e in self.console_errors if not any(allowed in e for allowed in allow_console)]
        return (
            [f"console error: {e}" for e in errors]
            + [f"request to another host: {url}" for url in self.foreign_requests]
            + [f"failed request: {r}" for r in self.failed_requests]
        )


def page_loader(context: BrowserContext, site_url: str) -> Callable[[str], Page]:
    """Loads each page of the site once in ``context`` (just loaded, not idle) and returns the
    same tab on every later call: for tests that visit every snippet of a page in turn."""
    pages: dict[str, Page] = {}

    def load(page_name: str) -> Page:
        if page_name not in pages:
            visit = open_page(context, site_url + page_name, idle=False)
            assert visit.status == 200
            pages[page_name] = visit.page
        return pages[page_name]

    return load


def open_page(context: BrowserContext, url: str, *, idle: bool = True) -> Visit:
    """Load ``url`` in a new tab of ``context``; wait until its network is idle (or just loaded)."""
    page = context.new_page()
    visit = Visit(page=page, status=None)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            visit.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_request(request: Request) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in LOCAL_HOSTS:
            visit.foreign_requests.append(request.url)

    def on_response(response: Response) -> None:
        if response.status >= 400 and response.url != url:
            visit.failed_requests.append(f"{response.status} {response.url}")

    def on_failed(request: Request) -> None:
        visit.failed_requests.append(f"{request.failure} {request.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: visit.console_errors.append(f"uncaught: {error}"))
    page.on("request", on_request)
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    response = page.goto(url, wait_until="networkidle" if idle else "load")
    visit.status = response.status if response else None
    return visit


class _SnippetFinder(HTMLParser):
    """Collects the id of each block that wraps a snippet's Python code (``div.highlight-python``)."""

    def __init__(self) -> None:
        super().__init__()
        self.div_ids: list[str | None] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "div":
            return
        attributes = dict(attrs)
        if "highlight-python" in (attributes.get("class") or "").split():
            wrapper = next((i for i in reversed(self.div_ids) if i), None)
            if wrapper and wrapper.startswith("snippet-") and wrapper not in self.found:
                self.found.append(wrapper)
        self.div_ids.append(attributes.get("id"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.div_ids:
            self.div_ids.pop()


def snippets_on(page_file: Path) -> list[str]:
    """The anchors (``snippet-<page>-<stem>``) of the snippets a built page shows, in order."""
    finder = _SnippetFinder()
    finder.feed(page_file.read_text(encoding="utf-8"))
    return finder.found


class _RunMarkerFinder(HTMLParser):
    """Collects the snippet of each Run button's place (``div.run-in-browser``, run_in_browser.py)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "div" and "run-in-browser" in (attributes.get("class") or "").split():
            self.found.append(attributes.get("data-snippet") or "")


def runnable_snippets_on(page_file: Path) -> list[str]:
    """The snippets (``page/NN_name.py``) that a built page offers to run in the browser."""
    finder = _RunMarkerFinder()
    finder.feed(page_file.read_text(encoding="utf-8"))
    return finder.found


# Returns, for every piece of text inside the given elements, its colour, its effective
# background and where it is; the Python side computes the WCAG contrast ratio.
TEXT_COLOURS_JS = """
(selector) => {
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const [r, g, b, a = 1] = parse(getComputedStyle(e).backgroundColor);
      if (a > 0) return [r, g, b];
    }
    return [255, 255, 255];
  };
  const seen = [];
  for (const root of document.querySelectorAll(selector)) {
    if (!root.getClientRects().length) continue;  // hidden (e.g. an unselected tab)
    for (const el of [root, ...root.querySelectorAll("*")]) {
      const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join("").trim();
      if (!text || !el.getClientRects().length) continue;
      const [r, g, b] = parse(getComputedStyle(el).color);
      seen.push({text: text.slice(0, 40), color: [r, g, b], background: background(el),
                 where: (root.closest("[id]") || {}).id || selector});
    }
  }
  return seen;
}
"""
