"""Fixtures for the real-browser tests: the built site served on 127.0.0.1, Debian's Chromium.

Run with ``nox -s browser`` (it builds the site first), or against a site you built:
``HANDBOOK_SITE_DIR=/path/to/html pytest tests/browser``. Chromium comes from the system
(``HANDBOOK_CHROMIUM``, default /usr/bin/chromium), never from ``playwright install``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Playwright, ViewportSize, sync_playwright

from browser.site import base_path, html_pages, serve
from browser.visit import runnable_snippets_on, snippets_on

REPO_ROOT = Path(__file__).resolve().parents[2]
SITE_DIR = Path(os.environ.get("HANDBOOK_SITE_DIR", REPO_ROOT / "build" / "html")).resolve()
CHROMIUM = os.environ.get("HANDBOOK_CHROMIUM", "/usr/bin/chromium")
NODE_MODULES = REPO_ROOT / "node_modules"

# Headless, and quiet: Chromium's own traffic (updates, sync, safe browsing...) cannot resolve
# any host, so the only requests left are the page's, and any to another host fails the tests.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]

PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}


def _site_pages() -> list[str]:
    if not (SITE_DIR / "index.html").is_file():
        raise pytest.UsageError(
            f"no built site in {SITE_DIR}: run `nox -s browser` (it builds one) or set HANDBOOK_SITE_DIR"
        )
    return html_pages(SITE_DIR)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``page_name``: one test per page of the site; ``snippet``: one per snippet on a page;
    ``runnable``: one per snippet a page offers to run in the browser (page, snippet path)."""
    if "page_name" in metafunc.fixturenames:
        metafunc.parametrize("page_name", _site_pages())
    if "snippet" in metafunc.fixturenames:
        found = [(page, anchor) for page in _site_pages() for anchor in snippets_on(SITE_DIR / page)]
        metafunc.parametrize("snippet", found, ids=[f"{page}#{anchor}" for page, anchor in found])
    if "runnable" in metafunc.fixturenames:
        offered = [(page, path) for page in _site_pages() for path in runnable_snippets_on(SITE_DIR / page)]
        metafunc.parametrize("runnable", offered, ids=[path for _, path in offered])


@pytest.fixture(scope="session")
def site_dir() -> Path:
    return SITE_DIR


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    """The site's URL on 127.0.0.1, under the same base path as on the host (see site.base_path)."""
    with serve(SITE_DIR) as url:
        yield url


@pytest.fixture(scope="session")
def site_prefix() -> str:
    return base_path(SITE_DIR)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"no Chromium at {CHROMIUM}: install Debian's (apt-get install chromium) or set HANDBOOK_CHROMIUM"
        )
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


NewContext = Callable[..., BrowserContext]


@pytest.fixture
def new_context(browser: Browser) -> Iterator[NewContext]:
    """Open browser contexts (a desktop in light mode unless told otherwise); closed after the test."""
    opened: list[BrowserContext] = []

    def open_context(**options: object) -> BrowserContext:
        settings: dict[str, object] = {"viewport": DESKTOP, "color_scheme": "light", **options}
        context = browser.new_context(**settings)  # type: ignore[arg-type]
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()
