"""Run every ``exec_code`` snippet through the handbook's runner and keep pages fresh.

sphinx-exec-code shows the code and the output blocks; this extension changes three things:

- execution goes through ``snippet_runner.verify_snippet`` (contained, virtual clock, checked
  against the expected-output file), so the page shows exactly what the tests check;
- the snippet file and its expected outputs become dependencies of the page, so an
  incremental build re-executes the snippet and re-renders only the pages that use it;
- a snippet must come from a file under ``snippets/`` and show every line it runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import snippet_runner
from sphinx.errors import ExtensionError
from sphinx_exec_code import sphinx_exec
from sphinx_exec_code.code_format import get_show_exec_code
from sphinx_exec_code.configuration import EXAMPLE_DIR

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.application import Sphinx


class SnippetBuildError(ExtensionError):
    """Stops the build: a snippet is missing, fails, hangs or prints the wrong thing."""

    category = "Snippet error"


def _run_through_runner(code: str, file: Path, first_loc: int) -> str:
    """Stands in for sphinx-exec-code's ``execute_code``: it has no hook for its executor."""
    del code, first_loc  # the directive checked that the file is exactly the code shown
    try:
        return snippet_runner.verify_snippet(file, limits=_limits)
    except snippet_runner.SnippetError as error:
        raise SnippetBuildError(str(error)) from None


_limits = snippet_runner.Limits()
RUNNER_FILES = [Path(snippet_runner.__file__), snippet_runner.BOOTSTRAP_DIR / "sitecustomize.py"]


def snippet_label(snippet: Path) -> str:
    """``snippets/waiting-for-many/03_first.py`` is labelled ``snippet-waiting-for-many-03_first``."""
    return f"snippet-{snippet.parent.name}-{snippet.stem}"


class SnippetDirective(sphinx_exec.ExecCode):
    """``exec_code`` with ``:filename:``: shows a snippet file and its verified output."""

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
        # Sphinx re-reads this page when any of these files changes (its mtime moves on):
        # the snippet, its expected outputs, and the code that runs and normalises it.
        for dependency in [snippet, *snippet_runner.expected_files(snippet), *RUNNER_FILES]:
            self.env.note_dependency(str(dependency))
        # A stable label per snippet, so any page can link to the proof: {ref}`snippet-<folder>-<stem>`.
        self.options.setdefault("name", snippet_label(snippet))
        self.options.setdefault("caption", filename)
        self.options.setdefault("caption_output", "Output")
        try:
            return super().run()
        except SnippetBuildError as error:
            raise SnippetBuildError(f"{location}: {error.message}") from None

    @staticmethod
    def _check_shows_everything(snippet: Path, location: str) -> None:
        lines = snippet.read_text(encoding="utf-8").splitlines()
        shown, executed = get_show_exec_code(lines)
        if shown != executed or shown != "\n".join(line.rstrip() for line in lines).strip():
            raise SnippetBuildError(
                f"{location}: {snippet_runner.display_path(snippet)} uses hide/skip markers; "
                "a snippet must show every line it runs"
            )


def _configure(app: Sphinx) -> None:
    global _limits
    _limits = snippet_runner.Limits(timeout_s=float(app.config.snippets_timeout))


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_exec_code")
    app.add_config_value("snippets_timeout", snippet_runner.Limits.timeout_s, "env", float)
    sphinx_exec.execute_code = _run_through_runner  # type: ignore[attr-defined]
    app.add_directive("exec_code", SnippetDirective, override=True)
    app.connect("builder-inited", _configure)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
