"""Shared paths for the tests. The runner lives in conf/ (on pytest's pythonpath)."""

from pathlib import Path

import pytest

import snippet_runner

# Misbehaving programs for the runner's failure tests: kept here, never under snippets/.
FIXTURE_SNIPPETS = Path(__file__).parent / "fixtures" / "snippets"

SNIPPETS = snippet_runner.discover_snippets()


def fixture_snippet(name: str) -> Path:
    path = FIXTURE_SNIPPETS / f"{name}.py"
    assert path.is_file(), path
    return path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-snapshots", action="store_true", help="rewrite SVG snapshots from real runs")
