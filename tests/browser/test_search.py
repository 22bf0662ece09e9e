"""Full-text search works in the browser, from the site's own files, with no network."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from browser.conftest import NewContext
from browser.visit import open_page

# A reader searching for the word must find the page that teaches it among the first results.
EXPECTED = {
    "gather": "waiting-for-many.html",
    "TaskGroup": "taskgroup.html",
    "cancel": "cancellation.html",
}
TOP = 3


def results(page: Page) -> list[str]:
    """Wait for Sphinx's search to finish; return the pages it found, best first."""
    page.wait_for_function(
        "() => /Search finished/.test(document.querySelector('#search-results .search-summary')?.textContent)"
    )
    hrefs: list[str] = page.eval_on_selector_all(
        "#search-results ul.search > li > a", "links => links.map(a => a.getAttribute('href'))"
    )
    return [href.split("#")[0].split("?")[0] for href in hrefs]


@pytest.mark.parametrize("term", sorted(EXPECTED))
def test_search_finds_the_page_about(
    term: str, site_dir: Path, site_url: str, new_context: NewContext
) -> None:
    expected = EXPECTED[term]
    if not (site_dir / expected).is_file():
        pytest.skip(f"{expected} is not written yet")
    visit = open_page(new_context(), f"{site_url}search.html?q={term}")
    found = results(visit.page)
    assert visit.problems() == []
    assert expected in found[:TOP], f"searching {term!r} gives {found[:TOP]}"
    assert all((site_dir / page).is_file() for page in found), "every result is a page of the site"


# Queries that a page's title contains (conf/search_scorer.js): that page comes first, before
# the pages and the Snippet index sections that only mention the word.
NAMED_BY_A_TITLE = {
    "TaskGroup": "taskgroup.html",
    "cancellation": "cancellation.html",
    "eager tasks": "eager-tasks.html",
}


@pytest.mark.parametrize("query", sorted(NAMED_BY_A_TITLE))
def test_the_page_whose_title_names_the_query_comes_first(
    query: str, site_url: str, new_context: NewContext
) -> None:
    visit = open_page(new_context(), f"{site_url}search.html?q={query}")
    found = results(visit.page)
    assert visit.problems() == []
    assert found[:1] == [NAMED_BY_A_TITLE[query]], f"searching {query!r} gives {found[:3]}"


def test_search_works_from_files_opened_directly(site_dir: Path, new_context: NewContext) -> None:
    """The built site opened from disk (file://, no server at all) still finds pages.

    (The browser refuses fetch() on file: URLs, so the text previews under each result stay
    empty there; served by any web server, the test above shows them with no error.)
    """
    page = new_context().new_page()
    page.goto((site_dir / "search.html").as_uri() + "?q=TaskGroup")
    found = results(page)
    assert found, "no result for TaskGroup"
    assert all((site_dir / result).is_file() for result in found)
