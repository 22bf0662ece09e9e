"""The Sphinx side of the Run button (conf/run_in_browser.py): which snippets a browser can run,
the files the browser's runner gets, and builds with and without Pyodide.

The runs themselves are tested in Chromium (tests/browser/test_run.py, `nox -s browser`).
"""

from __future__ import annotations

import json
import textwrap
from io import StringIO
from pathlib import Path

import pytest
from sphinx.application import Sphinx

import pyodide_stdlib
import run_in_browser
import snippet_packages
import snippet_runner
from conftest import fixture_snippet

CONF_DIR = Path(__file__).resolve().parent.parent / "conf"


def program(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "demo.py"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("import asyncio\nasyncio.run(asyncio.sleep(100))\n", None),
        ("import threading\n", "threads (threading)"),
        ("from concurrent.futures import ProcessPoolExecutor\n", "(concurrent.futures)"),
        ("import asyncio\nasync def f():\n    await asyncio.to_thread(print)\n", "threads (to_thread)"),
        ("import asyncio\nasync def f(loop):\n    loop.run_in_executor(None, print)\n", "(run_in_executor)"),
        ("import asyncio\nasyncio.create_subprocess_exec('ls')\n", "subprocesses"),
        ("import signal\n", "signals (signal)"),
        (
            "import asyncio\nasyncio.run(main(), loop_factory=asyncio.EventLoop)\n",
            "platform's own event loop",
        ),
        ("# Runs on the real clock: it blocks.\nimport time\n", "real elapsed time"),
        ("# Requires Python 3.15 or newer.\nimport asyncio\n", "needs Python 3.15"),
        ("import anyio\n", "imports anyio"),
        ("from pytest import main\n", "imports pytest"),
        ("import looptime\nimport asyncio\n", None),  # the page ships the clock
    ],
)
def test_what_a_browser_cannot_run_is_found_in_the_code(
    tmp_path: Path, code: str, reason: str | None
) -> None:
    found = run_in_browser.why_not(program(tmp_path, code))
    if reason is None:
        assert found is None
    else:
        assert found is not None and reason in found


def test_the_browser_gets_the_very_clock_and_rules_the_build_runs_with() -> None:
    """One implementation: the bootstrap the sandbox binds, the installed looptime, the
    normalisation module: the same files, not copies kept in the repository."""
    files = run_in_browser.python_files()
    assert files["sitecustomize.py"] == snippet_runner.BOOTSTRAP_DIR / "sitecustomize.py"
    assert files["snippet_output.py"] == CONF_DIR / "snippet_output.py"
    looptime = snippet_packages.ensure() / "looptime"  # the copy every run imports
    shipped = {name: path for name, path in files.items() if name.startswith("looptime/")}
    assert sorted(shipped.values()) == sorted(looptime.rglob("*.py"))
    assert (looptime / "_internal" / "loops.py") in shipped.values()


def build(root: Path) -> tuple[str, Path]:
    """A throwaway site with one snippet; returns the build's status output and its HTML folder."""
    src, out = root / "src", root / "out"
    (src / "snippets").mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(CONF_DIR)!r})\n"
        'extensions = ["myst_parser", "exec_snippet"]\nexec_code_example_dir = "snippets"\n'
    )
    (src / "snippets" / "hello.py").write_bytes(fixture_snippet("hello").read_bytes())
    (src / "snippets" / "hello.out").write_text("hello\n")
    (src / "index.md").write_text("# A page\n\n```{exec_code}\n:filename: hello.py\n```\n")
    status = StringIO()
    app = Sphinx(src, src, out / "html", out / "doctrees", "html", status=status, warning=StringIO(),
                 warningiserror=True)  # fmt: skip
    app.build()
    return status.getvalue(), out / "html"


def test_without_pyodide_the_site_builds_without_buttons_and_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run_in_browser, "PYODIDE_DIR", tmp_path / "no-node-modules")
    status, html = build(tmp_path)
    said = [line for line in status.splitlines() if "Run buttons" in line]
    assert len(said) == 1 and "npm ci --ignore-scripts" in said[0]
    page = (html / "index.html").read_text()
    assert "run-in-browser" not in page
    assert not (html / run_in_browser.STATIC_FOLDER).exists()


@pytest.mark.skipif(
    not run_in_browser.available(), reason="Pyodide is not installed: npm ci --ignore-scripts"
)
def test_with_pyodide_the_snippet_gets_its_button_and_the_site_the_runtime(tmp_path: Path) -> None:
    status, html = build(tmp_path)
    assert "Run buttons" not in status
    page = (html / "index.html").read_text()
    assert '<div class="run-in-browser" data-snippet="hello.py"></div>' in page
    assert "run-in-browser.js" in page
    static = html / run_in_browser.STATIC_FOLDER
    settings = json.loads((static / "snippets.json").read_text())
    assert settings["snippets"] == {"hello.py": {"output": "hello"}}
    assert settings["pyodide"] == run_in_browser.pyodide_version()
    for name, source in run_in_browser.python_files().items():
        assert (static / "python" / name).read_bytes() == source.read_bytes()
    for name in run_in_browser.PYODIDE_FILES:
        shipped = run_in_browser.PYODIDE_DIR / name
        if name == pyodide_stdlib.NAME:  # with its byte code, where Node could make it
            shipped = pyodide_stdlib.compiled(run_in_browser.PYODIDE_DIR) or shipped
        assert (static / "pyodide" / name).read_bytes() == shipped.read_bytes()


@pytest.mark.skipif(
    not run_in_browser.available(), reason="Pyodide is not installed: npm ci --ignore-scripts"
)
def test_removing_pyodide_rewrites_the_pages_without_buttons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, html = build(tmp_path)
    assert "run-in-browser" in (html / "index.html").read_text()
    monkeypatch.setattr(run_in_browser, "PYODIDE_DIR", tmp_path / "no-node-modules")
    _, html = build(tmp_path)  # incremental, in the same folders
    assert "run-in-browser" not in (html / "index.html").read_text()
    assert not (html / run_in_browser.STATIC_FOLDER).exists()
