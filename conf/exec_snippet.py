"""Run every ``exec_code`` snippet through the handbook's runner and keep pages fresh.

sphinx-exec-code shows the code and the output blocks; this extension changes four things:

- execution goes through ``snippet_runner.verify_snippet`` (contained, virtual clock, checked
  against the expected-output file), so the page shows exactly what the tests check;
- the snippet file, its expected outputs and the runner become dependencies of the page, so an
  incremental build re-executes the snippet and re-renders only the pages that use it;
- where Python versions print different output, the output becomes one tab per version (newest
  first); the other versions' tabs come from expected outputs the tests verified on them;
- a snippet must come from a file under ``snippets/`` and show every line it runs.
"""

from __future__ import annotations

import html
import os
import re
import signal
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.errors import ExtensionError
from sphinx_exec_code import sphinx_exec
from sphinx_exec_code.code_format import get_show_exec_code
from sphinx_exec_code.configuration.values import EXAMPLE_DIR
from sphinx_exec_code.sphinx_spec import SpecOutput, SphinxSpecBase

import interpreters
import run_in_browser
import snippet_prefetch
import snippet_runner
import timeline
from snippet_runner import version_name

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class SnippetBuildError(ExtensionError):
    """Stops the build: a snippet is missing, fails, hangs or prints the wrong thing."""

    category = "Snippet error"


BUILD = interpreters.build()
BUILD_VERSION = BUILD.release
RUNNER_FILES = [*snippet_runner.RUNNER_SOURCES, Path(timeline.__file__), Path(run_in_browser.__file__)]
_limits = snippet_runner.Limits()
_cache_dir: Path | None = None


# Outputs the directive verified, handed to sphinx-exec-code's output block below.
_verified: dict[Path, str] = {}
# The process verifying this build's snippets beside the reading (snippet_prefetch.py), and
# the pages that show each snippet it verifies.
_prefetch_process: snippet_prefetch.Prefetch | None = None
_pages_showing: dict[snippet_prefetch.Key, set[str]] = {}


def _run_through_runner(code: str, file: Path, first_loc: int) -> str:
    """Stands in for sphinx-exec-code's ``execute_code``: it has no hook for its executor.
    The directive already ran and verified the file (exactly the code shown) through the runner."""
    del code, first_loc
    return _verified.pop(file)


def _verify(snippet: Path, *, trace: bool) -> snippet_runner.RunResult:
    if os.environ.get("HANDBOOK_SNIPPET_EXECUTION") == "off" or not snippet_runner.runs_on(
        snippet, BUILD_VERSION
    ):
        # Execution off (for the benchmark only, like a literalinclude), or the build's Python
        # is too old to run it: show the output the tests verified, for this Python if it is
        # one the snippet runs on, else for the newest.
        versions = snippet_runner.versions_for(snippet)
        shown = BUILD_VERSION if snippet_runner.runs_on(snippet, BUILD_VERSION) else versions[-1]
        return snippet_runner.RunResult(snippet_runner.read_expected(snippet, shown)[1], loop_seconds=0)
    if _prefetch_process and (prefetched := _prefetch_process.result(snippet, trace)) is not None:
        return prefetched
    return snippet_runner.verify_snippet(
        snippet, python=BUILD, limits=_limits, trace=trace, cache_dir=_cache_dir
    )


def snippet_label(snippet: Path) -> str:
    """``snippets/waiting-for-many/03_first.py`` is labelled ``snippet-waiting-for-many-03_first``."""
    return f"snippet-{snippet.parent.name}-{snippet.stem}"


def _fence(text: str) -> str:
    """A backtick fence longer than any run of backticks in ``text``."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def timeline_nodes(snippet: Path, result: snippet_runner.RunResult) -> list[Node]:
    """The picture of a run's tasks (from its trace), with a text alternative."""
    if snippet_runner.clock_for(snippet) == "real":
        return []  # real-clock times jitter between runs: the picture would not be reproducible
    lanes = timeline.lanes_from_trace(result.trace or [])
    if not lanes:
        return []  # nothing ran in a task: no picture
    element_id = nodes.make_id(f"timeline-{snippet.parent.name}-{snippet.stem}")
    title = f"Timeline of the tasks in {snippet.name}, on the loop clock"
    svg = timeline.render_svg(lanes, element_id, title)
    items = "".join(f"<li>{html.escape(line)}</li>" for line in timeline.describe(lanes))
    markup = (
        # The scroll box takes keyboard focus: on a phone the picture scrolls sideways.
        f'<figure class="task-timeline-figure"><div class="task-timeline-scroll" tabindex="0" '
        f'role="region" aria-label="{html.escape(title)}">{svg}</div>'
        f"<figcaption>Tasks of {html.escape(snippet.name)} over loop time (recorded from the run above)."
        f"<details><summary>Timeline as text</summary><ul>{items}</ul></details></figcaption></figure>"
    )
    return [nodes.raw("", markup, format="html")]


class timeline_placeholder(nodes.General, nodes.Element):
    """Where a timeline goes once its snippet's verified run is in (see _fill_timelines)."""


class SnippetDirective(sphinx_exec.ExecCode):
    """``exec_code`` with ``:filename:``: shows a snippet file and its verified output.

    ``:timeline:`` adds the picture of its tasks' lifecycles under the output.
    """

    option_spec: ClassVar = {**sphinx_exec.ExecCode.option_spec, "timeline": directives.flag}

    def run(self) -> list[Node]:
        location = f"{snippet_runner.display_path(self.env.doc2path(self.env.docname))}:{self.lineno}"
        filename = self.options.get("filename")
        if not filename:
            raise SnippetBuildError(f"{location}: exec_code needs :filename: (a file under snippets/)")
        snippet = (EXAMPLE_DIR.value / filename).resolve()
        if not snippet.is_file():
            raise SnippetBuildError(
                f"{location}: the page names a snippet that does not exist: "
                f"{snippet_runner.display_path(snippet)}"
            )
        self._check_shows_everything(snippet, location)
        self._snippet = snippet
        # Sphinx re-reads this page when any of these files changes (its mtime moves on):
        # the snippet, its expected outputs, and the code that runs and normalises it.
        for dependency in [snippet, *snippet_runner.expected_files(snippet), *RUNNER_FILES]:
            self.env.note_dependency(str(dependency))
        # A stable label per snippet, so any page can link to the proof: {ref}`snippet-<folder>-<stem>`.
        self.options.setdefault("name", snippet_label(snippet))
        self.options.setdefault("caption", self._code_caption(snippet, filename))
        try:
            self._expected = snippet_runner.expected_by_version(snippet)
        except snippet_runner.SnippetError as error:
            raise SnippetBuildError(f"{location}: {error}") from None
        versions = snippet_runner.and_list([version_name(v) for v in self._expected])
        self.options.setdefault("caption_output", f"Output (the same on Python {versions})")
        wants_timeline = "timeline" in self.options
        self.options.pop("timeline", None)  # not an option sphinx-exec-code knows
        picture: list[Node]
        if _prefetch_process and _prefetch_process.covers(snippet, wants_timeline):
            # Verified beside the reading and writing; the build fails unless it passes
            # (_check_prefetched). A verified output is the expected output, shown now.
            _verified[snippet] = snippet_runner.read_expected(snippet, BUILD_VERSION)[1]
            picture = [timeline_placeholder(snippet=str(snippet))] if wants_timeline else []
        else:
            try:
                result = _verify(snippet, trace=wants_timeline)
            except snippet_runner.SnippetError as error:
                raise SnippetBuildError(f"{location}: {error}") from None
            _verified[snippet] = result.output
            picture = timeline_nodes(snippet, result) if wants_timeline else []
        shown = super().run()
        # The code block first, then a download link to the very file, the Run button (or why
        # there is none: run_in_browser.py), then the output.
        marker = run_in_browser.marker(snippet)
        return [shown[0], self._download_link(snippet), marker, *shown[1:], *picture]

    def _download_link(self, snippet: Path) -> nodes.Element:
        page_dir = Path(self.env.doc2path(self.env.docname)).parent
        relative = os.path.relpath(snippet, page_dir)
        paragraph = nodes.paragraph(classes=["snippet-download"])
        self.state.nested_parse(
            StringList([f"{{download}}`Download {snippet.name} <{relative}>`"]),
            self.content_offset,
            paragraph,
        )
        # nested_parse wraps the link in its own paragraph: keep just its contents.
        inner = paragraph.children[0]
        paragraph.children = []
        paragraph.extend(inner.children)
        return paragraph

    @staticmethod
    def _code_caption(snippet: Path, filename: str) -> str:
        notes = []
        required = snippet_runner.required_version(snippet)
        if required:
            notes.append(f"Python {version_name(required)}+")
        if snippet_runner.clock_for(snippet) == "real":
            notes.append("timed on the real clock")
        return f"{filename} ({', '.join(notes)})" if notes else filename

    @staticmethod
    def _check_shows_everything(snippet: Path, location: str) -> None:
        lines = snippet.read_text(encoding="utf-8").splitlines()
        shown, executed = get_show_exec_code(lines)
        if shown != executed or shown != "\n".join(line.rstrip() for line in lines).strip():
            raise SnippetBuildError(
                f"{location}: {snippet_runner.display_path(snippet)} uses hide/skip markers; "
                "a snippet must show every line it runs"
            )

    def create_literal_block(self, objs: list[Node], code: str, spec: SphinxSpecBase, line: int) -> None:
        if isinstance(spec, SpecOutput) and not spec.hide and len(set(self._expected.values())) > 1:
            objs.extend(self._version_tabs(code))
            return
        super().create_literal_block(objs, code, spec, line)

    def _version_tabs(self, built_output: str) -> list[Node]:
        """One tab per recorded release, newest first (selected), named by the exact release
        that printed it; the build's release shows its real run."""
        outputs = dict(self._expected)
        if BUILD_VERSION in outputs:
            outputs[BUILD_VERSION] = built_output
        lines = ["::::{tab-set}", ":sync-group: python", ""]
        for version, text in sorted(outputs.items(), reverse=True):
            fence = _fence(text)
            lines += [
                f":::{{tab-item}} Python {version_name(version)}",
                f":sync: py{'-'.join(map(str, version))}",
                "",
                f"{fence}none",
                *text.splitlines(),
                fence,
                ":::",
            ]
        lines.append("::::")
        container = nodes.container(classes=["snippet-output-versions"])
        container += nodes.paragraph(text="Output differs by Python version:", classes=["caption-text"])
        self.state.nested_parse(StringList(lines), self.content_offset, container)
        return [container]


def _end_on_cancel() -> None:
    """A build cancelled with SIGTERM or SIGHUP (Ctrl-C is Sphinx's own KeyboardInterrupt) ends
    its prefetch and every run at once, with their folders (snippet_runner.end_everything)."""

    def cancelled(signum: int, frame: object) -> None:
        if _prefetch_process is not None:
            _prefetch_process.stop()
        snippet_runner.end_everything(signum, frame)

    if threading.current_thread() is threading.main_thread():
        for number in (signal.SIGTERM, signal.SIGHUP):
            if signal.getsignal(number) == signal.SIG_DFL:
                signal.signal(number, cancelled)


def _configure(app: Sphinx) -> None:
    global _limits, _cache_dir
    _end_on_cancel()
    _limits = snippet_runner.Limits(timeout_s=float(app.config.snippets_timeout))
    # A clean build reuses results verified under identical inputs; HANDBOOK_SNIPPET_CACHE=off
    # (or snippets_cache_dir = "") runs every snippet again; HANDBOOK_SNIPPET_CACHE_DIR moves it.
    directory = os.environ.get("HANDBOOK_SNIPPET_CACHE_DIR") or app.config.snippets_cache_dir
    wanted = os.environ.get("HANDBOOK_SNIPPET_CACHE", "on") != "off" and directory
    _cache_dir = Path(directory) if wanted else None


def _prefetch(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Start verifying the snippets of the pages about to be read (see snippet_prefetch)."""
    global _prefetch_process
    if os.environ.get("HANDBOOK_SNIPPET_EXECUTION") == "off" or not docnames:
        return
    found: dict[snippet_prefetch.Key, str] = {}
    for docname in sorted(docnames):
        on_page = snippet_prefetch.snippets_in([Path(env.doc2path(docname))], EXAMPLE_DIR.value)
        for key, location in on_page.items():
            found.setdefault(key, location)
            _pages_showing.setdefault(key, set()).add(docname)
    runnable = {
        key: location for key, location in found.items() if snippet_runner.runs_on(key[0], BUILD_VERSION)
    }
    if runnable:
        handoff = Path(tempfile.mkdtemp(prefix=f"snippet-handoff-{os.getpid()}-"))
        _prefetch_process = snippet_prefetch.Prefetch.start(runnable, handoff, _limits, _cache_dir)


def _check_prefetched(app: Sphinx, exception: BaseException | None) -> None:
    """At the end of the build: every prefetched snippet must have passed. One that did not is
    verified again alone here; if it fails again, the pages that show it are removed from the
    output and the build fails with each page line. (Sphinx then deletes its saved
    environment, so the next build reads those pages and checks them again.)"""
    if exception is not None or _prefetch_process is None:
        return
    errors, failed_pages = [], set()
    for (snippet, trace), location in _prefetch_process.locations.items():
        if _prefetch_process.result(snippet, trace) is None:
            try:
                _prefetch_process.accept(snippet, trace, _verify(snippet, trace=trace))
            except snippet_runner.SnippetError as error:
                errors.append(f"{location}: {error}")
                failed_pages |= _pages_showing.get((snippet, trace), set())
    if errors:
        for docname in failed_pages:
            if outfile := getattr(app.builder, "get_outfilename", None):
                Path(outfile(docname)).unlink(missing_ok=True)
        raise SnippetBuildError("\n\n".join(errors))


def _fill_timelines(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """As a page is written, draw its timelines from the verified runs (waiting if needed)."""
    for placeholder in list(doctree.findall(timeline_placeholder)):
        snippet = Path(placeholder["snippet"])
        found = _prefetch_process.result(snippet, True) if _prefetch_process else None
        try:
            result = found or _verify(snippet, trace=True)  # failed there, or not prefetched
        except snippet_runner.SnippetError as error:
            location = _prefetch_process.locations.get((snippet, True)) if _prefetch_process else None
            raise SnippetBuildError(f"{location or docname}: {error}") from None
        placeholder.replace_self(timeline_nodes(snippet, result))


def _end_prefetch(app: Sphinx, exception: BaseException | None) -> None:
    global _prefetch_process
    if _prefetch_process is not None:
        _prefetch_process.stop()
        _prefetch_process = None
    _pages_showing.clear()


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_exec_code")
    app.setup_extension("sphinx_design")
    app.setup_extension("run_in_browser")  # the Run button under each snippet's code
    app.add_config_value("snippets_timeout", snippet_runner.Limits.timeout_s, "env", float)
    app.add_config_value("snippets_cache_dir", "", "", str)
    sphinx_exec.execute_code = _run_through_runner  # type: ignore[attr-defined]
    app.add_directive("exec_code", SnippetDirective, override=True)
    app.connect("builder-inited", _configure)
    app.connect("env-before-read-docs", _prefetch)
    app.connect("build-finished", _check_prefetched, priority=400)  # before _end_prefetch
    app.connect("doctree-resolved", _fill_timelines)
    app.connect("build-finished", _end_prefetch)
    app.add_node(timeline_placeholder)
    app.add_css_file("timeline.css")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
