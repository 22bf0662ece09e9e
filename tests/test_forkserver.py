"""The pre-warmed worker: each forked run starts from a pristine process, like a fresh one."""

import multiprocessing
import os
import shutil
import signal
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import sandbox
import snippet_forkserver
import snippet_packages
import snippet_runner
from conftest import fixture_snippet


def report(runner: snippet_runner.Runner) -> str:
    return snippet_runner.run_snippet(fixture_snippet("reports_process_state"), runner=runner).output


def worker_pids() -> set[int]:
    return {worker.process.pid for worker in snippet_forkserver._workers.values()}


def test_a_run_that_changes_process_state_leaves_the_next_run_unaffected() -> None:
    # Globals of a stdlib module, the event-loop policy, sys.modules, sys.path, builtins,
    # environment variables, the working directory and its files, the Task-N counter.
    before = report("forked")
    pids = worker_pids()
    changed = snippet_runner.run_snippet(fixture_snippet("changes_process_state"), runner="forked")
    assert changed.output == "changed"
    after = report("forked")
    assert worker_pids() == pids, "the same workers served every run"
    assert after == before == report("fresh")
    assert "first task: Task-2" in after  # Task-1 is asyncio.run's main task


def test_a_snippet_sees_the_modules_of_a_fresh_start_only() -> None:
    # The worker imports json for its own protocol; a snippet must not find it imported.
    assert "json imported: False" in report("forked")


def test_each_hash_seed_gets_its_own_worker() -> None:
    for seed in snippet_runner.DETERMINISM_SEEDS:
        snippet_runner.run_snippet(fixture_snippet("hello"), runner="forked", hash_seed=seed)
    seeds = {dict(key[2])["PYTHONHASHSEED"] for key in snippet_forkserver._workers}  # type: ignore[call-overload]
    assert seeds >= set(snippet_runner.DETERMINISM_SEEDS)


def test_a_worker_that_died_is_replaced() -> None:
    snippet_runner.run_snippet(fixture_snippet("hello"), runner="forked")
    for pid in worker_pids():
        os.kill(pid, signal.SIGKILL)
    for worker in snippet_forkserver._workers.values():
        worker.process.wait()
    assert snippet_runner.run_snippet(fixture_snippet("hello"), runner="forked").output == "hello"


def _run_hello_in_forked_copy(results: "multiprocessing.Queue[str]") -> None:
    results.put(snippet_runner.run_snippet(fixture_snippet("hello"), runner="forked").output)


# The test process has threads of its own (pytest-xdist's); the forked copies use none of them.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_forked_copy_of_the_build_starts_its_own_workers() -> None:
    # Sphinx's parallel reading forks the build process: the copy must not talk to the
    # parent's workers (their replies would go to whichever process read first).
    snippet_runner.run_snippet(fixture_snippet("hello"), runner="forked")
    context = multiprocessing.get_context("fork")
    results: multiprocessing.Queue[str] = context.Queue()
    copies = [context.Process(target=_run_hello_in_forked_copy, args=(results,)) for _ in range(2)]
    for copy in copies:
        copy.start()
    assert snippet_runner.run_snippet(fixture_snippet("hello"), runner="forked").output == "hello"
    outputs = [results.get(timeout=30) for _ in copies]
    for copy in copies:
        copy.join(timeout=30)
        assert copy.exitcode == 0
    assert outputs == ["hello", "hello"]


def _scheduling_groups_at_nice_5(results: "multiprocessing.Queue[list[str]]") -> None:
    os.nice(5)  # as the build's prefetch lowers its runs' priority (to nice 10)
    snippet = fixture_snippet("reports_its_scheduling_group")
    clocks: list[snippet_runner.Clock] = ["virtual", "virtual", "real"]
    results.put([snippet_runner.run_snippet(snippet, runner="forked", clock=c).output for c in clocks])


@pytest.mark.skipif(not os.path.exists("/proc/self/autogroup"), reason="the kernel has no autogroups")
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_virtual_clock_runs_keep_the_lower_priority_and_real_clock_runs_a_group_of_their_own() -> None:
    # With autogroups, the kernel first shares the CPU equally between sessions, whatever their
    # nice values: a worker's session must carry the worker's nice value, and its virtual-clock
    # runs must stay in it. A real-clock run gets a session of its own, so that the sleeps it
    # times do not wait for the build.
    context = multiprocessing.get_context("fork")  # a fresh copy starts workers at its own nice
    results: multiprocessing.Queue[list[str]] = context.Queue()
    copy = context.Process(target=_scheduling_groups_at_nice_5, args=(results,))
    copy.start()
    first, second, real = (line.split() for line in results.get(timeout=60))
    copy.join(timeout=30)
    assert copy.exitcode == 0
    assert first == second and first[1:] == ["nice", "5"]  # the worker's group, at its nice
    assert real[0] != first[0]


@pytest.mark.parametrize("name", ["hello", "interleaves_streams", "raises", "prints_pending_task_repr"])
def test_forked_and_fresh_runs_print_the_same(name: str) -> None:
    def output(runner: snippet_runner.Runner) -> str:
        try:
            return snippet_runner.run_snippet(fixture_snippet(name), runner=runner).output
        except snippet_runner.SnippetError as error:
            return str(error)

    assert output("forked") == output("fresh")


def test_one_worker_runs_overlapping_snippets_side_by_side(monkeypatch: pytest.MonkeyPatch) -> None:
    # Eight runs at once meet at a folder outside their own: each waits until all eight have
    # signed in, which can only happen if the worker runs them side by side. The sandbox
    # forbids exactly such a meeting, so this one test runs its worker without it.
    monkeypatch.setattr(sandbox, "mode", lambda: "none")
    meeting_point = Path("/tmp/handbook-overlap-test")
    shutil.rmtree(meeting_point, ignore_errors=True)
    meeting_point.mkdir()
    before = worker_pids()
    try:
        snippet = fixture_snippet("waits_for_seven_others")
        with ThreadPoolExecutor(8) as pool:
            runs = [pool.submit(snippet_runner.run_snippet, snippet, runner="forked") for _ in range(8)]
            outputs = [run.result().output for run in runs]
    finally:
        shutil.rmtree(meeting_point, ignore_errors=True)
    assert outputs == ["all eight were running at once"] * 8
    assert len(worker_pids() - before) <= 1, "one worker served all eight"


def test_a_forked_run_reports_the_cpu_time_its_process_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The benchmark's per-run cost comes from this log: wall seconds, CPU seconds, snippet.
    run_log = tmp_path / "runs.log"
    monkeypatch.setenv("HANDBOOK_RUN_LOG", str(run_log))
    for name in ("hello", "computes_briefly"):
        snippet_runner.run_snippet(fixture_snippet(name), runner="forked")
    snippet_runner.run_snippet(fixture_snippet("hello"), runner="fresh")
    (hello, computes, fresh) = [line.split() for line in run_log.read_text().splitlines()]
    assert 0 < float(hello[1]) < 0.1
    # The figure adds the child's, the worker's and the runner's threads' CPU time; they run
    # on different cores at once, so it may pass the wall time by a hair, but the 0.2 s the
    # child computed must be in it exactly once.
    assert 0.2 <= float(computes[1]) < 0.4
    assert fresh[1] == "-", "a fresh interpreter's CPU time is not known to the runner"


@pytest.mark.parametrize(
    ("source", "preloaded"),
    [
        ("import asyncio\n", False),
        ("import pytest\n", True),
        ("from anyio import create_task_group\n", True),
        ("import trio.testing\n", True),
        ("import looptime\n", False),  # every worker has the clock
        ("from . import anyio\n", False),  # a relative import is the snippet's own module
        ("import anyio_helpers\n", False),
        ("def broken(:\n", False),  # the run reports the syntax error
    ],
)
def test_a_snippet_that_imports_a_library_is_forked_from_a_worker_that_has_it(
    source: str, preloaded: bool
) -> None:
    assert snippet_packages.preload_for(source.encode()) == (snippet_packages.PRELOAD if preloaded else ())


def test_the_library_worker_and_the_lean_one_each_show_a_run_what_a_fresh_start_would(
    tmp_path: Path,
) -> None:
    # What a run finds imported before its own imports differs by worker; what it imports and
    # prints does not: the same output as a fresh interpreter, for a snippet with and without
    # a library.
    probe = "import sys\nprint(sorted({'anyio', 'trio', 'pytest'} & set(sys.modules)))\n"
    lean = tmp_path / "lean.py"
    lean.write_text(probe)
    with_library = tmp_path / "with_library.py"
    with_library.write_text("import anyio\n" + probe.replace("print(", "print('anyio' in sys.modules, "))
    for snippet, expected in ((lean, "[]"), (with_library, "True ['anyio', 'pytest', 'trio']")):
        forked = snippet_runner.run_snippet(snippet, runner="forked").output
        assert forked == expected, snippet.name
    assert snippet_runner.run_snippet(lean, runner="fresh").output == "[]"
    preloading = [key for key in snippet_forkserver._workers if key[3] == snippet_packages.PRELOAD]
    assert preloading, "the snippet that imports anyio came from a worker with the libraries imported"
