"""Every snippet under snippets/ prints exactly its expected output, both in a fresh
interpreter (what a reader's ``python name.py`` does) and in a forked child of a pre-warmed
worker (what the build does): the two runners cannot drift apart unnoticed."""

import sys
from pathlib import Path

import pytest

import snippet_runner
from conftest import SNIPPETS


def snippet_id(path: Path) -> str:
    return str(path.relative_to(snippet_runner.SNIPPETS_DIR))


def skip_if_too_old(snippet: Path) -> None:
    required = snippet_runner.required_version(snippet)
    if required and sys.version_info[:2] < required:
        pytest.skip(f"needs Python {snippet_runner.version_name(required)} or newer")


@pytest.mark.parametrize("runner", ["fresh", "forked"])
@pytest.mark.parametrize("snippet", SNIPPETS, ids=snippet_id)
def test_snippet_prints_its_expected_output(snippet: Path, runner: snippet_runner.Runner) -> None:
    skip_if_too_old(snippet)
    snippet_runner.verify_snippet(snippet, runner=runner)


def test_snippets_exist() -> None:
    assert SNIPPETS, "no snippets found under snippets/"


# Snippets whose event loops wait longer than this are not re-run on the real clock.
REALTIME_BUDGET_S = 10.0


@pytest.mark.realtime
@pytest.mark.parametrize("snippet", SNIPPETS, ids=snippet_id)
def test_snippet_prints_the_same_on_the_real_clock(snippet: Path) -> None:
    skip_if_too_old(snippet)
    virtual = snippet_runner.run_snippet(snippet, clock=snippet_runner.clock_for(snippet))
    if virtual.loop_seconds >= REALTIME_BUDGET_S:
        pytest.skip(f"waits {virtual.loop_seconds:g} s; over the {REALTIME_BUDGET_S:g} s real-time budget")
    limits = snippet_runner.Limits(timeout_s=REALTIME_BUDGET_S + 10)
    real = snippet_runner.run_snippet(snippet, clock="real", limits=limits)
    _, expected = snippet_runner.read_expected(snippet, snippet_runner.interpreter_version(sys.executable))
    assert snippet_runner.matches_with_tolerance(expected, real.output), snippet_runner.unified_diff(
        expected, real.output, "expected (virtual clock)", "real clock"
    )
