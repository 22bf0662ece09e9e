"""Copying a snippet gives the whole program, and that program prints what the page shows.

For each snippet on each page: click its copy button, read the clipboard, run the text with
the project's runner on the virtual clock, and compare with the output shown under it (for
output that differs by version, the tab of the Python running the tests).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page

import interpreters
import snippet_runner
from browser.conftest import DESKTOP, NewContext
from browser.visit import open_page, page_loader, snippets_on

# The copy runs on the newest Python here: a page's first (selected) output tab is the newest.
NEWEST = max(interpreters.discover())
RUNNING = NEWEST.name
REAL_CLOCK_TRIES = 3

# From a snippet's code block, the block that shows its output: the next output block
# (highlight-none) or set of version tabs, skipping anything in between (a download link, a
# timeline), but never past the next snippet's code.
OUTPUT_OF_JS = """
(wrapper) => {
  for (let el = wrapper.nextElementSibling; el; el = el.nextElementSibling) {
    if (el.querySelector("div.highlight-python") || el.matches("div.highlight-python")) return null;
    if (el.matches(".snippet-output-versions") || el.querySelector(".sd-tab-set")) {
      el.setAttribute("data-test-output", wrapper.id);
      return "tabs";
    }
    if (el.matches("div.highlight-none") || el.querySelector("div.highlight-none")) {
      el.setAttribute("data-test-output", wrapper.id);
      return "single";
    }
  }
  return null;
}
"""


def allow_clipboard(context: BrowserContext, site_url: str) -> BrowserContext:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    return context


@pytest.fixture(scope="module")
def loaded_page(browser: Browser, site_url: str) -> Iterator[Callable[[str], Page]]:
    """A page with clipboard access, loaded once for all the snippets it shows."""
    context = allow_clipboard(browser.new_context(viewport=DESKTOP, color_scheme="light"), site_url)
    yield page_loader(context, site_url)
    context.close()


def copy_snippet(page: Page, wrapper: Locator) -> str:
    """Click the snippet's copy button and return what it put on the clipboard."""
    page.evaluate("navigator.clipboard.writeText('(nothing copied)')")
    buttons = wrapper.locator("button.copybtn")
    buttons.first.wait_for(state="attached")  # sphinx-copybutton adds them once its script loads
    assert buttons.count() == 1, "a snippet's code has exactly one copy button"
    buttons.click()
    text: str = page.evaluate("navigator.clipboard.readText()")
    return text


def shown_output(page: Page, wrapper_id: str) -> str | None:
    """The output shown under the snippet for the running Python; None: not run on this Python."""
    kind = page.locator(f"#{wrapper_id}").evaluate(OUTPUT_OF_JS)
    assert kind, f"no output block under snippet {wrapper_id}"
    output = page.locator(f"[data-test-output='{wrapper_id}']")
    if kind == "tabs":
        tab = output.locator("label.sd-tab-label", has_text=f"Python {RUNNING}")
        if tab.count() == 0:
            return None
        tab.click()
        pre = output.locator(".sd-tab-content:visible pre")
    else:
        pre = output.locator("div.highlight-none pre")
    assert pre.count() == 1, f"expected one visible output under {wrapper_id}"
    return pre.inner_text()


def run_copied(program: str, name: str, workdir: Path, shown: str) -> str | None:
    """Run the copied text as the reader would, under the snippet's own file name, with the
    runner and clock the site used; return a diff if it prints something else than ``shown``."""
    file = workdir / name
    file.write_text(program + "\n", encoding="utf-8")
    required = snippet_runner.required_version(file)
    if required and required > NEWEST.minor:
        pytest.skip(f"{name} needs Python {snippet_runner.version_name(required)}; running {RUNNING}")
    clock = snippet_runner.clock_for(file)
    expected = shown.rstrip("\n")
    # On the real clock (a snippet that says so), printed durations may differ a little, and a
    # machine busy with other tests can delay a run more: such a snippet gets three tries.
    for _ in range(REAL_CLOCK_TRIES if clock == "real" else 1):
        printed = snippet_runner.run_snippet(file, python=NEWEST, clock=clock).output.rstrip("\n")
        if printed == expected or (
            clock == "real" and snippet_runner.matches_with_tolerance(expected, printed)
        ):
            return None
    lines = difflib.unified_diff(
        expected.splitlines(),
        printed.splitlines(),
        "shown on the page",
        f"printed by the copy ({clock} clock)",
    )
    return "\n".join(line.rstrip("\n") for line in lines)


def check_snippet(page: Page, wrapper_id: str, workdir: Path) -> None:
    wrapper = page.locator(f"#{wrapper_id}")
    download = page.locator(f"#{wrapper_id} ~ p.snippet-download a").first
    name = download.inner_text().removeprefix("Download ").strip()
    program = page.request.get(download.evaluate("a => a.href")).text()

    copied = copy_snippet(page, wrapper)
    # The button drops the final newline so that pasting into a REPL does not run the code.
    assert copied == program.removesuffix("\n"), "the copy button must copy the whole program, exactly"

    shown = shown_output(page, wrapper_id)
    if shown is None:
        pytest.skip(f"{name} shows no output for Python {RUNNING}")
    diff = run_copied(copied, name, workdir, shown)
    if diff:
        pytest.fail(f"the copied {name} does not print what the page shows:\n{diff}")


def test_the_copied_snippet_prints_the_output_shown_under_it(
    snippet: tuple[str, str], loaded_page: Callable[[str], Page], tmp_path: Path
) -> None:
    page_name, wrapper_id = snippet
    check_snippet(loaded_page(page_name), wrapper_id, tmp_path)


def test_only_snippet_code_has_a_copy_button(page_name: str, site_url: str, new_context: NewContext) -> None:
    """Outputs are not programs: a copy button there would invite pasting them into a file."""
    page = open_page(new_context(), site_url + page_name).page
    code_blocks = page.locator("div.highlight-python").count()
    if code_blocks:
        page.locator("button.copybtn").first.wait_for(state="attached")
    assert page.locator("div.highlight-python button.copybtn").count() == code_blocks
    assert page.locator("button.copybtn").count() == code_blocks


def test_a_copy_that_misses_a_line_fails_the_check(
    site_dir: Path, site_url: str, new_context: NewContext, tmp_path: Path
) -> None:
    """Hide the snippet's first line from the page, as a hide-marker would: the check must fail."""
    page_name = next((p for p in sorted(site_dir.glob("*.html")) if snippets_on(p)), None)
    if page_name is None:
        pytest.skip("no page shows a snippet yet")
    wrapper_id = snippets_on(page_name)[0]
    page = open_page(allow_clipboard(new_context(), site_url), site_url + page_name.name).page
    page.locator(f"#{wrapper_id} div.highlight-python pre").evaluate(
        "pre => { const lines = pre.innerHTML.split('\\n'); pre.innerHTML = lines.slice(1).join('\\n'); }"
    )
    with pytest.raises(AssertionError, match="copy button must copy the whole program"):
        check_snippet(page, wrapper_id, tmp_path)
