"""Benchmark the build and the snippet tests; print medians and write them to a JSON file.

Run with ``nox -s bench`` (or ``python benchmarks/bench.py`` where sphinx and pytest are
installed). Figures, not pass/fail: the targets are compared in the printed table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "conf"))

import snippet_runner  # noqa: E402  (conf/ is not a package)


def build(out: Path, env: dict[str, str], *, jobs: str = "auto") -> tuple[float, int, list[float]]:
    """One sphinx-build into ``out``; return seconds, snippet runs made, and each run's seconds."""
    with tempfile.NamedTemporaryFile(suffix=".log", delete=False) as log:
        run_log = Path(log.name)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-j", jobs, "-c", "conf", "docs", str(out)],
        cwd=REPO_ROOT,
        env={**os.environ, **env, "HANDBOOK_RUN_LOG": str(run_log)},
        check=True,
    )
    seconds = time.perf_counter() - started
    runs = [float(line.split()[0]) for line in run_log.read_text().splitlines()]
    run_log.unlink()
    return seconds, len(runs), runs


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="repetitions per figure (median)")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "build" / "bench.json")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    cache = work / "cache"
    cold = {"HANDBOOK_SNIPPET_CACHE": "off"}
    figures: dict[str, float] = {}

    def clean_build(env: dict[str, str]) -> float:
        out = work / "out"
        shutil.rmtree(out, ignore_errors=True)
        return build(out, env)[0]

    figures["clean_build_without_execution_s"] = median_of(
        args.runs, lambda: clean_build({"HANDBOOK_SNIPPET_EXECUTION": "off"})
    )
    figures["clean_build_cold_s"] = median_of(args.runs, lambda: clean_build(cold))
    # Warm: the same cache directory for every build (the first one fills it).
    warm_env = {"HANDBOOK_SNIPPET_CACHE": "on", "HANDBOOK_SNIPPET_CACHE_DIR": str(cache)}
    clean_build(warm_env)
    figures["clean_build_warm_s"] = median_of(args.runs, lambda: clean_build(warm_env))
    figures["execution_overhead_cold"] = (
        figures["clean_build_cold_s"] / figures["clean_build_without_execution_s"]
    )
    figures["execution_overhead_warm"] = (
        figures["clean_build_warm_s"] / figures["clean_build_without_execution_s"]
    )

    # Incremental: a no-op rebuild, then one edited snippet, in the same output folder.
    out = work / "incremental"
    build(out, cold)
    noop_seconds, noop_runs, _ = build(out, cold)
    figures["noop_rebuild_s"], figures["noop_rebuild_snippets_run"] = noop_seconds, noop_runs
    plain = work / "incremental-plain"
    build(plain, {"HANDBOOK_SNIPPET_EXECUTION": "off"})
    figures["noop_rebuild_without_execution_s"] = build(plain, {"HANDBOOK_SNIPPET_EXECUTION": "off"})[0]
    edited = snippet_runner.discover_snippets()[0]
    original = edited.read_bytes()
    try:
        edited.write_bytes(original + b"# edited by the benchmark\n")
        seconds, runs, _ = build(out, cold)
    finally:
        edited.write_bytes(original)
    figures["one_snippet_edit_rebuild_s"] = seconds
    # Each snippet runs twice (the determinism check): one edited snippet is two runs.
    figures["one_snippet_edit_snippets_run"] = runs / len(snippet_runner.DETERMINISM_SEEDS)

    _, _, costs = build(work / "serial", cold, jobs="1")
    figures["median_snippet_run_ms"] = statistics.median(costs) * 1000
    figures["build_peak_memory_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    def pytest_run(*extra: str) -> float:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "tests/test_snippets.py", *extra],
            cwd=REPO_ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return time.perf_counter() - started

    figures["snippet_tests_serial_s"] = median_of(args.runs, lambda: pytest_run("-p", "no:xdist"))
    figures["snippet_tests_parallel_s"] = median_of(args.runs, lambda: pytest_run("-n", "auto"))
    figures["parallel_speed_up"] = figures["snippet_tests_serial_s"] / figures["snippet_tests_parallel_s"]

    # Virtual clock: the time the snippets take vs the waiting they do (what the real clock costs).
    started = time.perf_counter()
    waited = sum(snippet_runner.run_snippet(s).loop_seconds for s in snippet_runner.discover_snippets())
    figures["virtual_clock_s"] = time.perf_counter() - started
    figures["real_clock_waiting_s"] = waited
    figures["virtual_clock_speed_up"] = waited / figures["virtual_clock_s"]

    shutil.rmtree(work, ignore_errors=True)
    report = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "snippets": len(snippet_runner.discover_snippets()),
        "runs_per_figure": args.runs,
        "figures": {name: round(value, 3) for name, value in figures.items()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    width = max(len(name) for name in figures)
    for name, value in figures.items():
        print(f"{name:<{width}}  {value:10.3f}")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
