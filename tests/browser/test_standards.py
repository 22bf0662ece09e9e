"""Accessibility (axe-core, WCAG 2.1 A and AA) in both themes, and valid HTML (Nu HTML checker).

Both checkers come from npm (package.json, installed with ``npm ci``) and run from
node_modules/: axe-core is injected into the page from there, never from a CDN.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from browser.conftest import NODE_MODULES, NewContext
from browser.site import html_pages
from browser.visit import open_page

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_21_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _needs(path: Path) -> None:
    if not path.is_file():
        pytest.fail(f"{path.relative_to(NODE_MODULES.parent)} is missing: run `npm ci` in the repository")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_no_wcag_violation(
    page_name: str, theme: str, site_url: str, new_context: NewContext
) -> None:
    _needs(AXE)
    context = new_context(color_scheme=theme)
    context.add_init_script(f"localStorage.setItem('theme', '{theme}')")  # furo reads it first
    page = open_page(context, site_url + page_name).page
    assert page.evaluate("document.body.dataset.theme") == theme
    page.add_script_tag(path=AXE)
    violations: list[dict[str, Any]] = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
        WCAG_21_A_AA,
    )
    report = [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(f"{n['target']}: {n['failureSummary']}" for n in v["nodes"][:5])
        for v in violations
    ]
    assert report == []


@pytest.fixture(scope="session")
def nu_errors(site_dir: Path) -> dict[str, list[str]]:
    """Run the Nu HTML checker once over every page; its errors, by page."""
    _needs(VNU)
    java = shutil.which("java")
    if java is None:
        pytest.fail("the Nu HTML checker needs Java (Debian: apt-get install default-jre-headless)")
    pages = [str(site_dir / page) for page in html_pages(site_dir)]
    # Quick start flags: the JVM's defaults make this single run several times slower.
    # The checker needs a larger thread stack than the default for its HTML schema.
    command = [java, "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", str(VNU)]
    done = subprocess.run(
        [*command, "--errors-only", "--format", "json", "--stdout", *pages],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode not in (0, 1) or (done.returncode == 1 and not done.stdout.strip()):
        pytest.fail(f"the Nu HTML checker failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    messages = json.loads(done.stdout)["messages"] if done.stdout.strip() else []
    errors: dict[str, list[str]] = defaultdict(list)
    for message in messages:
        page = Path(unquote(urlsplit(message.get("url", "")).path)).relative_to(site_dir).as_posix()
        where = f"line {message.get('lastLine', '?')}"
        errors[page].append(f"{where}: {message['message']} {message.get('extract', '')!r}")
    return errors


def test_nu_html_checker_finds_no_error(page_name: str, nu_errors: dict[str, list[str]]) -> None:
    assert nu_errors.get(page_name, []) == []
