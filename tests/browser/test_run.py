"""The Run button: each runnable snippet prints its verified output in the browser (Pyodide, on
the build's virtual clock); edits run; runaway programs are stopped; the keyboard reaches all of
it; nothing comes from another host, and nothing of Pyodide loads before a reader presses Run.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page

import interpreters
import run_in_browser
import snippet_runner
from browser.conftest import DESKTOP, PHONE, NewContext
from browser.test_standards import AXE, WCAG_21_A_AA
from browser.visit import open_page, page_loader, runnable_snippets_on, snippets_on

# A fresh Pyodide per run: loading one takes seconds on a busy machine, far more on a cold one.
RUN_TIMEOUT_MS = 120_000
FINISHED_JS = "(place) => ['done', 'stopped'].includes(place.dataset.state)"


def verified_output(path: str) -> str:
    """What the build verified for the browser's Python version (Python 3.14's expected output)."""
    release = snippet_runner.recorded_main_releases()[run_in_browser.BROWSER_PYTHON]
    return snippet_runner.read_expected(snippet_runner.SNIPPETS_DIR / path, release)[1]


def marker(page: Page, path: str) -> Locator:
    return page.locator(f"div.run-in-browser[data-snippet='{path}']")


def run_button(page: Page, path: str) -> Locator:
    return page.get_by_role("button", name=f"Run {path.rsplit('/', 1)[-1]}", exact=True)


def wait_finished(page: Page, path: str, timeout: float = RUN_TIMEOUT_MS) -> Locator:
    place = marker(page, path)
    page.wait_for_function(
        f"() => ({FINISHED_JS})(document.querySelector(\"div.run-in-browser[data-snippet='{path}']\"))",
        timeout=timeout,
    )
    return place


def press_run(page: Page, path: str) -> Locator:
    run_button(page, path).click()
    return wait_finished(page, path)


def shown(place: Locator) -> str:
    text: str = place.locator(".run-output pre").first.evaluate("pre => pre.textContent")
    return text


def ran(place: Locator) -> str:
    """The output of the run that just finished; a run that did not finish fails with its status."""
    status = place.locator(".run-status").inner_text()
    assert place.get_attribute("data-state") == "done", status
    return shown(place)


def first_runnable(site_dir: Path) -> tuple[str, str]:
    for page in sorted(site_dir.glob("*.html")):
        if found := runnable_snippets_on(page):
            return page.name, found[0]
    pytest.fail("no page offers a snippet to run: build the site with Pyodide (npm ci --ignore-scripts)")


@pytest.fixture(scope="module")
def loaded_page(browser: Browser, site_url: str) -> Iterator[Callable[[str], Page]]:
    """A page loaded once for all the snippets it offers to run."""
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    yield page_loader(context, site_url)
    context.close()


def test_run_prints_the_verified_output(
    runnable: tuple[str, str], loaded_page: Callable[[str], Page], site_dir: Path
) -> None:
    """The run in the page prints the build's verified output for Python 3.14; where Pyodide's
    patch release prints something else, its recorded output (``NAME.py3.14.2.out``), and the
    page says so. ``HANDBOOK_RECORD_BROWSER_OUTPUTS=1`` records those files from the runs (then
    review ``git diff snippets/``)."""
    page_name, path = runnable
    page = loaded_page(page_name)
    place = press_run(page, path)
    caption = place.locator(".run-output-caption").inner_text()
    assert "produced in this browser" in caption
    printed = ran(place)
    settings = json.loads((site_dir / run_in_browser.STATIC_FOLDER / "snippets.json").read_text())
    release = interpreters.parse_release(settings["browser_release"])
    own = snippet_runner.expected_override_path(snippet_runner.SNIPPETS_DIR / path, release)
    expected = verified_output(path)
    if os.environ.get("HANDBOOK_RECORD_BROWSER_OUTPUTS") == "1":
        if printed != expected:
            own.write_text(printed + "\n", encoding="utf-8")
        else:
            own.unlink(missing_ok=True)
        pytest.skip(f"recorded what Python {settings['browser_release']} prints: review git diff snippets/")
    verdict = place.locator(".run-verdict").inner_text()
    if own.is_file():
        expected = own.read_text(encoding="utf-8").rstrip("\n")
    if printed != expected:
        diff = snippet_runner.unified_diff(expected, printed, "verified", "run in the browser")
        pytest.fail(f"{path} prints something else in the browser ({caption}):\n{diff}")
    if own.is_file():
        assert place.get_attribute("data-verdict") == "patch-release"
        assert settings["release"] in verdict and f"runs Python {settings['browser_release']}" in verdict
        assert own.name in verdict
    else:
        assert place.get_attribute("data-verdict") == "same"
        assert "The same as the verified output" in verdict


def test_every_snippet_either_runs_or_says_why_not(page_name: str, site_dir: Path) -> None:
    html = (site_dir / page_name).read_text(encoding="utf-8")
    shown = len(snippets_on(site_dir / page_name))
    offered = len(runnable_snippets_on(site_dir / page_name))
    reasons = html.count('<p class="run-in-browser-unavailable">Not runnable in this page: it ')
    assert offered + reasons == shown


def test_nothing_of_pyodide_loads_before_run_and_nothing_from_another_host_after(
    site_dir: Path, site_url: str, new_context: NewContext
) -> None:
    page_name, path = first_runnable(site_dir)
    requests: list[str] = []
    context = new_context()
    context.on("request", lambda request: requests.append(request.url))
    visit = open_page(context, site_url + page_name)
    page = visit.page
    assert [url for url in requests if "/_static/run-in-browser/" in url] == []
    press_run(page, path)
    assert visit.problems() == []
    loaded = [url for url in requests if "/_static/run-in-browser/" in url]
    assert any(url.endswith("pyodide.asm.wasm") for url in loaded)
    assert all(url.startswith(site_url) for url in requests)


def test_an_edited_line_changes_the_output_and_reset_restores_the_snippet(
    site_dir: Path, site_url: str, new_context: NewContext
) -> None:
    page_name, path = first_runnable(site_dir)
    page = open_page(new_context(), site_url + page_name).page
    name = path.rsplit("/", 1)[-1]
    page.get_by_role("button", name=f"Edit {name}", exact=True).click()
    editor = page.get_by_label(f"Your version of {name}", exact=True)
    original = editor.input_value()
    assert original == (snippet_runner.SNIPPETS_DIR / path).read_text(encoding="utf-8")
    editor.fill(original + 'print("edited in this browser")\n')
    place = press_run(page, path)
    assert ran(place) == verified_output(path) + "\nedited in this browser"
    assert "Your version prints something else" in place.locator(".run-verdict").inner_text()
    assert "of your version" in place.locator(".run-output-caption").inner_text()
    place.get_by_role("button", name="Reset").click()
    assert editor.input_value() == original
    place = press_run(page, path)
    assert ran(place) == verified_output(path)


def start_program(page: Page, path: str, program: str) -> Locator:
    name = path.rsplit("/", 1)[-1]
    page.get_by_role("button", name=f"Edit {name}", exact=True).click()
    page.get_by_label(f"Your version of {name}", exact=True).fill(program)
    run_button(page, path).click()
    return marker(page, path)


def still_responds(page: Page) -> float:
    """Seconds the page takes to answer a script while the program runs: it must not freeze."""
    started = time.perf_counter()
    assert page.evaluate("1 + 1") == 2
    return time.perf_counter() - started


def test_a_program_that_prints_forever_is_stopped(
    site_dir: Path, site_url: str, new_context: NewContext
) -> None:
    page_name, path = first_runnable(site_dir)
    page = open_page(new_context(), site_url + page_name).page
    place = start_program(page, path, "while True:\n    print('again and again')\n")
    wait_finished(page, path)
    settings = json.loads((site_dir / run_in_browser.STATIC_FOLDER / "snippets.json").read_text())
    assert place.get_attribute("data-state") == "stopped"
    assert "printed more than" in place.locator(".run-status").inner_text()
    assert 0 < len(shown(place).encode()) <= settings["output_bytes"]
    assert still_responds(page) < 1


def test_an_endless_loop_is_stopped_by_stop_and_by_the_time_limit(
    site_dir: Path, site_url: str, new_context: NewContext
) -> None:
    page_name, path = first_runnable(site_dir)
    page = open_page(new_context(), site_url + page_name).page
    place = start_program(page, path, "while True:\n    pass\n")
    state = f"document.querySelector(\"div.run-in-browser[data-snippet='{path}']\").dataset.state"
    page.wait_for_function(f"() => {state} === 'running'", timeout=RUN_TIMEOUT_MS)
    assert still_responds(page) < 1
    place.get_by_role("button", name="Stop").click()
    assert place.get_attribute("data-state") == "stopped"
    assert "you pressed Stop" in place.locator(".run-status").inner_text()
    settings = json.loads((site_dir / run_in_browser.STATIC_FOLDER / "snippets.json").read_text())
    run_button(page, path).click()
    wait_finished(page, path, timeout=RUN_TIMEOUT_MS + settings["timeout_s"] * 1000)
    assert place.get_attribute("data-state") == "stopped"
    assert f"Stopped after {settings['timeout_s']:g} s" in place.locator(".run-status").inner_text()


def focused(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName, label: e.getAttribute('aria-label'), text: e.textContent}; }"
    )
    return found


def test_the_keyboard_alone_runs_edits_and_resets(
    site_dir: Path, site_url: str, new_context: NewContext
) -> None:
    page_name, path = first_runnable(site_dir)
    name = path.rsplit("/", 1)[-1]
    page = open_page(new_context(), site_url + page_name).page
    # From the top of the page, only keys: Tab reaches the Run button.
    for _ in range(300):
        page.keyboard.press("Tab")
        if focused(page)["label"] == f"Run {name}":
            break
    else:
        pytest.fail(f"Tab never reached the Run button of {name}")
    page.keyboard.press("Enter")
    place = wait_finished(page, path)
    assert ran(place) == verified_output(path)
    page.keyboard.press("Tab")
    assert focused(page)["label"] == f"Edit {name}"
    page.keyboard.press("Enter")
    assert focused(page)["tag"] == "TEXTAREA"
    page.keyboard.press("Control+End")
    page.keyboard.type('print("typed")\n')
    page.keyboard.press("Control+Enter")
    wait_finished(page, path)
    assert ran(place) == verified_output(path) + "\ntyped"
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Reset"
    page.keyboard.press("Enter")
    editor = page.get_by_label(f"Your version of {name}", exact=True)
    assert editor.input_value() == (snippet_runner.SNIPPETS_DIR / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_no_violation_in_a_run_with_the_editor_open(
    theme: str, site_dir: Path, site_url: str, new_context: NewContext
) -> None:
    if not AXE.is_file():
        pytest.fail("node_modules/axe-core is missing: run `npm ci --ignore-scripts`")
    page_name, path = first_runnable(site_dir)
    context = new_context(color_scheme=theme)
    context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
    page = open_page(context, site_url + page_name).page
    place = start_program(page, path, (snippet_runner.SNIPPETS_DIR / path).read_text() + "print('edited')\n")
    wait_finished(page, path)
    assert place.get_attribute("data-verdict") == "different"  # the diff is shown too
    place.locator("details summary").click()
    page.add_script_tag(path=AXE)
    violations: list[dict[str, Any]] = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
        WCAG_21_A_AA,
    )
    assert [f"{v['id']}: {[n['target'] for n in v['nodes'][:5]]}" for v in violations] == []


def test_a_run_fits_a_phone(site_dir: Path, site_url: str, new_context: NewContext) -> None:
    page_name, path = first_runnable(site_dir)
    page = open_page(new_context(viewport=PHONE), site_url + page_name).page
    long_line = "print('" + "a long line " * 20 + "')\n"
    start_program(page, path, (snippet_runner.SNIPPETS_DIR / path).read_text() + long_line)
    wait_finished(page, path)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
