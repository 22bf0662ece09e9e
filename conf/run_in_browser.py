"""The Run button: a snippet runs in the reader's browser, on the build's virtual clock.

Under each snippet's code, the build writes a marker: for a program that can run in a browser,
an empty ``div.run-in-browser`` that ``static/run-in-browser.js`` turns into the Run button, an
editor and the output; for the others, one line saying why not (:func:`why_not`, from the
code itself: threads, processes, subprocesses, signals, sockets, the platform's own event
loop classes, the real clock, a newer Python, a library other than the clock). The program
runs in Pyodide, CPython 3.14 compiled to WebAssembly, in a Web Worker
(``static/run-in-browser-worker.js``), with ``browser_runner.py``.

Pyodide comes from npm (``package-lock.json``; ``npm ci --ignore-scripts``). After an HTML
build its files are copied into ``_static/run-in-browser/`` (its standard library with byte code
added, see pyodide_stdlib.py), with the Python files the runner
needs, taken from where the build's own runs take them (the bootstrap, the installed looptime,
the normalisation rules), and each runnable snippet's verified output for Python 3.14. A page
loads none of it until a reader presses Run. Without ``node_modules/pyodide`` the site builds
without the buttons and says so in one line.
"""

from __future__ import annotations

import ast
import html
import json
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging
from sphinx_exec_code.configuration.values import EXAMPLE_DIR

import interpreters
import pyodide_stdlib
import snippet_packages
import snippet_runner

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)

CONF_DIR = Path(__file__).resolve().parent
PYODIDE_DIR = snippet_runner.REPO_ROOT / "node_modules" / "pyodide"
# What the browser needs of the npm package (the rest is for Node and for type checkers).
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
# The Python version Pyodide 314.x carries: its outputs are compared with this version's.
BROWSER_PYTHON = (3, 14)
# Where it all goes in the site.
STATIC_FOLDER = "_static/run-in-browser"

# Modules and calls a browser's Python cannot run, and how a reader is told.
_MODULES = {
    "threading": "threads",
    "_thread": "threads",
    "concurrent": "threads or worker processes",
    "multiprocessing": "worker processes",
    "subprocess": "subprocesses",
    "signal": "signals",
    "socket": "network connections",
    "ssl": "network connections",
}
# Of the snippets' libraries (snippets/requirements.txt), the page ships only the clock.
_SHIPPED_LIBRARIES = {"looptime"}
_CALLS = {
    "to_thread": "threads",
    "run_in_executor": "threads",
    "run_coroutine_threadsafe": "threads",
    "create_subprocess_exec": "subprocesses",
    "create_subprocess_shell": "subprocesses",
    "add_signal_handler": "signals",
    "open_connection": "network connections",
    "start_server": "network connections",
    "open_unix_connection": "network connections",
    "start_unix_server": "network connections",
}


# The platform's own event loop classes (and the policy that makes them) need a socket pair for
# their self-pipe; a browser's runner has its own loop instead (browser_runner.py).
_PLATFORM_LOOPS = {
    "SelectorEventLoop",
    "EventLoop",
    "ProactorEventLoop",
    "DefaultEventLoopPolicy",
    "set_event_loop_policy",
}


def why_not(snippet: Path) -> str | None:
    """Why a snippet cannot run in the page (a phrase for "Not runnable here: ..."), or None."""
    required = snippet_runner.required_version(snippet)
    if required and required > BROWSER_PYTHON:
        needed, browser = snippet_runner.version_name(required), interpreters.minor_name(BROWSER_PYTHON)
        return f"it needs Python {needed}, and the browser's Python is {browser}"
    if snippet_runner.clock_for(snippet) == "real":
        return "it shows real elapsed time, and runs in the browser are on the virtual clock"
    tree = ast.parse(snippet.read_text(encoding="utf-8"), str(snippet))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        for name in names:
            if (root := name.partition(".")[0]) in _MODULES:
                return f"it uses {_MODULES[root]} ({name}), which a browser's Python does not have"
            if root not in sys.stdlib_module_names and root not in _SHIPPED_LIBRARIES:
                return f"it imports {root}, a library the page's Python does not have"
        named = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)
        if named in _PLATFORM_LOOPS:
            return (
                f"it uses the platform's own event loop ({named}), which needs sockets, "
                "and a browser's Python has none"
            )
        called = node.func if isinstance(node, ast.Call) else None
        attribute = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", None)
        if attribute in _CALLS:
            return f"it uses {_CALLS[attribute]} ({attribute}), which a browser's Python does not have"
    return None


def available() -> bool:
    return all((PYODIDE_DIR / name).is_file() for name in PYODIDE_FILES)


def pyodide_version() -> str:
    return str(json.loads((PYODIDE_DIR / "package.json").read_text(encoding="utf-8"))["version"])


class run_marker(nodes.General, nodes.Element):
    """Under a snippet's code: where its Run button goes, or why it has none."""


def marker(snippet: Path) -> run_marker:
    relative = snippet.relative_to(Path(EXAMPLE_DIR.value).resolve()).as_posix()
    return run_marker(snippet=relative, reason=why_not(snippet) or "")


def _visit_marker(translator: HTML5Translator, node: run_marker) -> None:
    if not _enabled:
        raise nodes.SkipNode
    if node["reason"]:
        reason = html.escape(node["reason"])
        line = f"Not runnable in this page: {reason}."
        translator.body.append(f'<p class="run-in-browser-unavailable">{line}</p>')
    else:
        snippet = html.escape(node["snippet"])
        translator.body.append(f'<div class="run-in-browser" data-snippet="{snippet}"></div>')
    raise nodes.SkipNode


def _skip(translator: Any, node: run_marker) -> None:
    raise nodes.SkipNode


_enabled = False


def _configure(app: Sphinx) -> None:
    global _enabled
    _enabled = app.builder.format == "html" and available()
    if app.builder.format == "html" and not _enabled:
        logger.info(
            "run in browser: no Run buttons in this build (Pyodide is not in node_modules/; "
            "`npm ci --ignore-scripts` installs it)"
        )


def _outdated(app: Sphinx, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Pages written with the buttons must be written again without them, and the reverse."""
    before = getattr(env, "run_in_browser_enabled", None)
    env.run_in_browser_enabled = _enabled
    if before is None or before == _enabled:
        return []
    return sorted(env.found_docs)


def _page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Only pages with a runnable snippet load the (small) script and style sheet."""
    runnable = doctree is not None and any(not node["reason"] for node in doctree.findall(run_marker))
    if _enabled and runnable:
        app.add_js_file("run-in-browser.js", type="module")
        app.add_css_file("run-in-browser.css")


def python_files() -> dict[str, Path]:
    """The files the browser's runner imports, by their path in Pyodide's site-packages: the
    very files the build's runs use."""
    files = {
        "sitecustomize.py": snippet_runner.BOOTSTRAP_DIR / "sitecustomize.py",
        "snippet_output.py": CONF_DIR / "snippet_output.py",
        "browser_runner.py": CONF_DIR / "browser_runner.py",
    }
    looptime = snippet_packages.ensure() / "looptime"  # the copy every run imports
    for source in sorted(looptime.rglob("*.py")):
        files[f"looptime/{source.relative_to(looptime).as_posix()}"] = source
    return files


def browser_release() -> interpreters.Release:
    """The CPython release inside this Pyodide (its lock file says so)."""
    lock = json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text(encoding="utf-8"))
    return interpreters.parse_release(lock["info"]["python"])


def expected_outputs() -> dict[str, Any]:
    """Each runnable snippet's verified output on the browser's Python version (and the release
    it was verified on), and where Pyodide's patch release prints something else, what it
    prints: ``NAME.py3.14.2.out``, recorded from a run in the browser and checked by the
    browser tests (tests/browser/test_run.py)."""
    release, own = snippet_runner.recorded_main_releases()[BROWSER_PYTHON], browser_release()
    outputs: dict[str, dict[str, str]] = {}
    root = Path(EXAMPLE_DIR.value).resolve()
    for snippet in snippet_runner.discover_snippets(root):
        if why_not(snippet) is None:
            relative = snippet.relative_to(root).as_posix()
            outputs[relative] = {"output": snippet_runner.read_expected(snippet, release)[1]}
            override = snippet_runner.expected_override_path(snippet, own)
            if own != release and override.is_file():
                outputs[relative]["browser_output"] = override.read_text(encoding="utf-8").rstrip("\n")
                outputs[relative]["browser_file"] = override.name
    return {
        "release": snippet_runner.version_name(release),
        "browser_release": snippet_runner.version_name(own),
        "snippets": outputs,
    }


def _copy(source: Path, target: Path) -> None:
    if target.is_file() and target.read_bytes() == source.read_bytes():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _write(target: Path, text: str) -> None:
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def _copy_runtime(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir) / STATIC_FOLDER
    if not _enabled:
        shutil.rmtree(out, ignore_errors=True)  # left by an earlier build with Pyodide
        return
    for name in PYODIDE_FILES:
        source = PYODIDE_DIR / name
        if name == pyodide_stdlib.NAME:
            if (with_byte_code := pyodide_stdlib.compiled(PYODIDE_DIR)) is not None:
                source = with_byte_code
            else:
                logger.info("run in browser: Node is not on PATH, so the standard library ships "
                            "without byte code (a first Run takes about 2 s longer)")  # fmt: skip
        _copy(source, out / "pyodide" / name)
    files = python_files()
    for name, source in files.items():
        _copy(source, out / "python" / name)
    limits = snippet_runner.Limits(timeout_s=float(app.config.snippets_timeout))
    settings = {
        "pyodide": pyodide_version(),
        "python_files": sorted(files),
        "timeout_s": limits.timeout_s,
        "output_bytes": limits.output_bytes,
        **expected_outputs(),
    }
    _write(out / "snippets.json", json.dumps(settings, indent=1, sort_keys=True) + "\n")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(run_marker, html=(_visit_marker, None), text=(_skip, None), latex=(_skip, None))
    app.connect("builder-inited", _configure)
    app.connect("env-get-outdated", _outdated)
    app.connect("html-page-context", _page_assets)
    app.connect("build-finished", _copy_runtime)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
