"""Every snippet under snippets/ prints exactly its expected output on every supported Python
found here, both in a fresh interpreter (what a reader's ``python name.py`` does) and in a
forked child of a pre-warmed worker (what the build does): the two runners cannot drift apart
unnoticed, and a new patch release that changes an output fails here with both releases named."""

from pathlib import Path

import pytest

import interpreters
import snippet_runner
from conftest import INTERPRETERS, SNIPPETS


def snippet_id(path: Path) -> str:
    return str(path.relative_to(snippet_runner.SNIPPETS_DIR))


def skip_if_too_old(snippet: Path, python: interpreters.Interpreter) -> None:
    required = snippet_runner.required_version(snippet)
    if required and python.minor < required:
        pytest.skip(f"needs Python {snippet_runner.version_name(required)} or newer")


@pytest.mark.parametrize("runner", ["fresh", "forked"])
@pytest.mark.parametrize("snippet", SNIPPETS, ids=snippet_id)
@pytest.mark.parametrize("python", INTERPRETERS, ids=lambda i: i.name)
def test_snippet_prints_its_expected_output(
    python: interpreters.Interpreter, snippet: Path, runner: snippet_runner.Runner
) -> None:
    skip_if_too_old(snippet, python)
    # A fresh interpreter runs once: the forked test already proves that both hash seeds
    # print the same; this one proves a reader's plain `python name.py` prints it too.
    seeds = snippet_runner.DETERMINISM_SEEDS if runner == "forked" else snippet_runner.DETERMINISM_SEEDS[:1]
    if snippet_runner.clock_for(snippet) == "virtual" or len(seeds) == 1:
        snippet_runner.verify_snippet(snippet, python=python, runner=runner, seeds=seeds)
        return
    # A real-clock snippet waits for real: its two runs go side by side, as the build's
    # prefetch runs them; only if the load skewed them past the tolerance, one after the other.
    try:
        snippet_runner.verify_snippet(snippet, python=python, runner=runner, seeds=seeds, side_by_side=True)
    except (snippet_runner.OutputMismatch, snippet_runner.NondeterministicOutput):
        snippet_runner.verify_snippet(snippet, python=python, runner=runner, seeds=seeds)


def test_snippets_exist() -> None:
    assert SNIPPETS, "no snippets found under snippets/"


def test_every_release_found_has_recorded_outputs() -> None:
    # A release found here whose minor version has no recorded outputs would go unchecked.
    recorded = {release[:2] for release in snippet_runner.recorded_releases()}
    assert {i.minor for i in INTERPRETERS} <= recorded, "run `nox -s update_outputs`"


# Snippets whose event loops wait longer than this are not re-run on the real clock.
REALTIME_BUDGET_S = 10.0


# The real-clock check runs on each supported version's newest release found here: what
# readers run (an older patch release of the same version differs in output, not in timing).
NEWEST_RELEASES = tuple(interpreters.main_releases(INTERPRETERS).values())


@pytest.mark.realtime
@pytest.mark.parametrize("snippet", SNIPPETS, ids=snippet_id)
@pytest.mark.parametrize("python", NEWEST_RELEASES, ids=lambda i: i.name)
def test_snippet_prints_the_same_on_the_real_clock(python: interpreters.Interpreter, snippet: Path) -> None:
    skip_if_too_old(snippet, python)
    virtual = snippet_runner.run_snippet(snippet, python=python, clock=snippet_runner.clock_for(snippet))
    if virtual.loop_seconds >= REALTIME_BUDGET_S:
        pytest.skip(f"waits {virtual.loop_seconds:g} s; over the {REALTIME_BUDGET_S:g} s real-time budget")
    limits = snippet_runner.Limits(timeout_s=REALTIME_BUDGET_S + 10)
    real = snippet_runner.run_snippet(snippet, python=python, clock="real", limits=limits)
    _, expected = snippet_runner.read_expected(snippet, python.release)
    assert snippet_runner.matches_with_tolerance(expected, real.output), snippet_runner.unified_diff(
        expected, real.output, "expected (virtual clock)", "real clock"
    )
