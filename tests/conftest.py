"""Shared paths for the tests, and the interpreters the snippets are verified on.

The runner lives in conf/ (on pytest's pythonpath). Snippet tests run on every supported
Python found here (``interpreters.discover()``); the summary at the end names the releases
that ran and the supported versions that were missing, and why. ``HANDBOOK_PYTHONS=required``
(set by CI) makes a missing version an error instead.
"""

import os
from pathlib import Path

import pytest

import interpreters
import snippet_runner

# Misbehaving programs for the runner's failure tests: kept here, never under snippets/.
FIXTURE_SNIPPETS = Path(__file__).parent / "fixtures" / "snippets"

SNIPPETS = snippet_runner.discover_snippets()
INTERPRETERS = interpreters.discover()
MISSING = interpreters.missing_minors(INTERPRETERS)
# HANDBOOK_TEST_PYTHONS=3.14.10,3.15.2 narrows the snippet tests to those releases (the
# benchmark times them one by one); the summary still names what was left out.
if only := os.environ.get("HANDBOOK_TEST_PYTHONS"):
    INTERPRETERS = tuple(i for i in INTERPRETERS if i.name in only.split(","))


def fixture_snippet(name: str) -> Path:
    path = FIXTURE_SNIPPETS / f"{name}.py"
    assert path.is_file(), path
    return path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-snapshots", action="store_true", help="rewrite SVG snapshots from real runs")


def pytest_sessionstart(session: pytest.Session) -> None:
    if MISSING and os.environ.get("HANDBOOK_PYTHONS") == "required":
        names = ", ".join(interpreters.minor_name(m) for m in MISSING)
        raise pytest.UsageError(
            f"HANDBOOK_PYTHONS=required, but no Python {names} here: run `nox -s pythons`"
        )


def pytest_unconfigure(config: pytest.Config) -> None:
    # Each test process (pytest-xdist's workers too, which may end without running atexit
    # hooks) closes its snippet workers and removes its runs' folders and control groups.
    snippet_runner.close_everything()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    ran = ", ".join(f"{i.name} ({i.origin})" for i in INTERPRETERS) or "none"
    terminalreporter.write_line(f"snippets verified on Python {ran}")
    for minor in MISSING:
        terminalreporter.write_line(
            f"Python {interpreters.minor_name(minor)} SKIPPED: no interpreter found here "
            "(pyenv, python3.X on PATH, or Debian's via `nox -s pythons`)",
            yellow=True,
        )
