"""The theme toggle switches light and dark, and code and output stay readable in both."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from browser.conftest import NewContext
from browser.site import contrast_ratio, relative_luminance
from browser.visit import TEXT_COLOURS_JS, open_page

# WCAG 2.1 AA for normal-size text (1.4.3): code is small text.
MINIMUM_CONTRAST = 4.5
# Code blocks, their captions, output blocks and the version tabs over them.
CODE_AND_OUTPUT = "div.highlight, .code-block-caption, .snippet-output-versions"


def background_luminance(page: Page) -> float:
    rgb = page.evaluate(
        "() => getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).slice(0, 3).map(Number)"
    )
    return relative_luminance((rgb[0], rgb[1], rgb[2]))


def unreadable(page: Page) -> list[str]:
    found: list[dict[str, Any]] = page.evaluate(TEXT_COLOURS_JS, CODE_AND_OUTPUT)
    assert found, "no code or output text on the page"
    return [
        f"{item['where']}: {item['text']!r} {item['color']} on {item['background']}: {ratio:.2f}"
        for item in found
        if (ratio := contrast_ratio(tuple(item["color"]), tuple(item["background"]))) < MINIMUM_CONTRAST
    ]


def click_theme_toggle_until(page: Page, theme: str) -> None:
    """Click the visible toggle (furo cycles auto, dark, light) until the page is in ``theme``."""
    for _ in range(3):
        if page.evaluate("document.body.dataset.theme") == theme:
            return
        page.locator(".theme-toggle:visible").first.click()
    assert page.evaluate("document.body.dataset.theme") == theme


def test_the_toggle_switches_theme_and_code_stays_readable(
    page_name: str, site_url: str, new_context: NewContext
) -> None:
    page = open_page(new_context(), site_url + page_name).page
    if page.locator("div.highlight").count() == 0:
        return  # nothing to read in code blocks here; axe checks the rest of the page
    # Measure the colours each theme settles on, not the frames of a colour transition.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    click_theme_toggle_until(page, "dark")
    assert background_luminance(page) < 0.05, "the dark theme has a dark background"
    assert unreadable(page) == []
    click_theme_toggle_until(page, "light")
    assert background_luminance(page) > 0.8, "the light theme has a light background"
    assert unreadable(page) == []
    # The choice survives a reload.
    page.reload()
    assert page.evaluate("document.body.dataset.theme") == "light"
