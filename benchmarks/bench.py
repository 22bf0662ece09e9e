"""Benchmark the build, the snippet tests and the Run button; print medians, write them to JSON.

Run with ``nox -s bench`` (or ``python benchmarks/bench.py`` where sphinx, pytest and playwright
are installed). Figures, not pass/fail: the targets are compared in the printed table.
``--run-button-only`` times just the Run button, in Chromium, on the site in build/html.
"""

from __future__ import annotations

import argparse
import fnmatch
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
from typing import Any, NamedTuple

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "conf"))

import interpreters  # noqa: E402  (conf/ is not a package)
import snippet_runner  # noqa: E402

# As `nox -s tests` runs them (noxfile.py's TEST_WORKERS): twice the cores.
TEST_WORKERS = str(max(2, (os.cpu_count() or 1) * 2))


class Build(NamedTuple):
    seconds: float
    run_seconds: list[float]  # each snippet run's wall time
    run_cpu_seconds: list[float]  # each forked run's CPU time (user + system)


def build(out: Path, env: dict[str, str]) -> Build:
    """One sphinx-build into ``out``: its seconds, and the snippet runs it made."""
    with tempfile.NamedTemporaryFile(suffix=".log", delete=False) as log:
        run_log = Path(log.name)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-j", "auto", "-c", "conf", "docs", str(out)],
        cwd=REPO_ROOT,
        env={**os.environ, **env, "HANDBOOK_RUN_LOG": str(run_log)},
        check=True,
    )
    seconds = time.perf_counter() - started
    runs = [line.split() for line in run_log.read_text().splitlines()]
    run_log.unlink()
    return Build(seconds, [float(run[0]) for run in runs], [float(run[1]) for run in runs if run[1] != "-"])


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


# The targets for this machine: (figure, comparison, limit).
TARGETS = [
    ("execution_overhead_cold", "<=", 1.5),
    ("execution_overhead_warm", "<=", 1.1),
    ("median_snippet_run_cpu_ms", "<=", 15.0),  # with the sandbox (10 ms before it)
    ("noop_rebuild_snippets_run", "==", 0.0),
    ("noop_rebuild_ratio", "<=", 1.2),
    ("one_snippet_edit_snippets_run", "==", 1.0),
    ("parallel_speed_up_py*", ">=", 1.6),
    ("virtual_clock_speed_up", ">=", 50.0),
    ("test_matrix_vs_cold_build", "<=", 15.0),
    ("run_button_first_output_s", "<=", 3.0),
    ("run_button_later_run_ms", "<=", 100.0),
]


# From a press of a snippet's Run button to the first output text under it, and to the end
# of the run, in the page's own clock (milliseconds).
TIME_A_RUN_JS = """
async (path) => {
  const place = document.querySelector(`div.run-in-browser[data-snippet='${path}']`);
  const button = document.querySelector(`button[aria-label='Run ${path.split("/").pop()}']`);
  const started = performance.now();
  let first = null;
  const watcher = new MutationObserver(() => {
    if (first === null && place.querySelector(".run-output pre").textContent) first = performance.now();
  });
  watcher.observe(place, {childList: true, characterData: true, subtree: true});
  button.click();
  while (!["done", "stopped"].includes(place.dataset.state)) await new Promise((r) => setTimeout(r, 2));
  watcher.disconnect();
  if (place.dataset.state !== "done") throw new Error(place.querySelector(".run-status").textContent);
  return {first: (first ?? performance.now()) - started, done: performance.now() - started};
}
"""


def run_button_figures(site_dir: Path, later_runs: int = 7) -> dict[str, float]:
    """The Run button in Chromium, the site served on 127.0.0.1: a fresh browser (cold cache)
    presses Run on the first runnable snippet; then, each time the spare interpreter is ready,
    the next runnable snippets of that page (later runs)."""
    sys.path.insert(0, str(REPO_ROOT / "tests"))
    from browser.conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP
    from browser.site import serve
    from browser.visit import runnable_snippets_on
    from playwright.sync_api import sync_playwright

    page_file = max(site_dir.glob("*.html"), key=lambda page: len(runnable_snippets_on(page)))
    paths = runnable_snippets_on(page_file)
    if not paths:
        raise SystemExit(f"no Run buttons in {site_dir}: build with Pyodide (npm ci --ignore-scripts)")
    with serve(site_dir) as url, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport=DESKTOP).new_page()
        page.goto(url + page_file.name, wait_until="load")
        first = page.evaluate(TIME_A_RUN_JS, paths[0])
        later = []
        for path in (paths[1:] * later_runs)[:later_runs]:
            page.wait_for_function("document.body.dataset.runInBrowser === 'ready'", timeout=120_000)
            later.append(page.evaluate(TIME_A_RUN_JS, path))
        browser.close()
    return {
        "run_button_first_output_s": first["first"] / 1000,
        "run_button_first_run_done_s": first["done"] / 1000,
        "run_button_later_run_ms": statistics.median(run["first"] for run in later),
        "run_button_later_run_done_ms": statistics.median(run["done"] for run in later),
    }


def readme_block(report: dict[str, Any]) -> str:
    """The figures as a Markdown table for README.md, each with its target where it has one."""
    figures: dict[str, float] = report["figures"]
    lines = [
        f"Latest figures (`nox -s bench`, {report['cpus']} CPUs, Python {report['python']}, "
        f"{report['snippets']} snippets, medians of {report['runs_per_figure']} rounds of clean "
        f"builds and {report['test_runs']} runs of each test suite):",
        "",
        "| figure | value | target |",
        "| --- | ---: | --- |",
    ]
    for name, value in figures.items():
        target = ""
        for pattern, comparison, limit in TARGETS:
            if fnmatch.fnmatch(name, pattern):
                met = {"<=": value <= limit, ">=": value >= limit, "==": value == limit}[comparison]
                target = f"{comparison} {limit:g} ({'met' if met else 'not met'})"
        lines.append(f"| `{name}` | {value:g} | {target} |")
    return "\n".join(lines)


def update_readme(report: dict[str, Any]) -> None:
    readme = REPO_ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- bench-start -->\n", "\n<!-- bench-end -->"
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    readme.write_text(before + start + readme_block(report) + end + after, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="rounds of clean builds (median)")
    parser.add_argument("--test-runs", type=int, default=3, help="runs of each snippet test suite (median)")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "build" / "bench.json")
    parser.add_argument(
        "--update-readme", action="store_true", help="write the figures into README.md's table"
    )
    parser.add_argument("--from-json", action="store_true", help="measure nothing: use the figures in --out")
    parser.add_argument(
        "--run-button-only",
        action="store_true",
        help="time only the Run button, on the site already built in build/html",
    )
    parser.add_argument(
        "--python",
        action="append",
        help="a release to time the snippet tests on, e.g. 3.14.10 (repeatable; default: every "
        "supported Python found here)",
    )
    args = parser.parse_args()
    if args.from_json:
        report = json.loads(args.out.read_text())
        if args.update_readme:
            update_readme(report)
        print(readme_block(report))
        return 0

    if args.run_button_only:
        for name, value in run_button_figures(REPO_ROOT / "build" / "html").items():
            print(f"{name:<32}  {value:10.3f}")
        return 0

    work = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    cache = work / "cache"
    cold = {"HANDBOOK_SNIPPET_CACHE": "off"}
    figures: dict[str, float] = {}

    def clean_build(env: dict[str, str]) -> Build:
        out = work / "out"
        shutil.rmtree(out, ignore_errors=True)
        return build(out, env)

    # Clean builds without execution, with a cold cache and with a warm one, taken in turns so
    # that a change in the machine's load falls on all three alike; each overhead is the median
    # of the rounds' ratios. Warm: one cache directory, filled by a first build.
    plain_env = {"HANDBOOK_SNIPPET_EXECUTION": "off"}
    warm_env = {"HANDBOOK_SNIPPET_CACHE": "on", "HANDBOOK_SNIPPET_CACHE_DIR": str(cache)}
    clean_build(warm_env)
    rounds = [(clean_build(plain_env), clean_build(cold), clean_build(warm_env)) for _ in range(args.runs)]
    plain_s = [plain.seconds for plain, _, _ in rounds]
    cold_s = [cold_build.seconds for _, cold_build, _ in rounds]
    warm_s = [warm_build.seconds for _, _, warm_build in rounds]
    figures["clean_build_without_execution_s"] = statistics.median(plain_s)
    figures["clean_build_cold_s"] = statistics.median(cold_s)
    figures["clean_build_warm_s"] = statistics.median(warm_s)
    figures["execution_overhead_cold"] = statistics.median(
        c / p for p, c in zip(plain_s, cold_s, strict=True)
    )
    figures["execution_overhead_warm"] = statistics.median(
        w / p for p, w in zip(plain_s, warm_s, strict=True)
    )

    # Incremental, as a maintainer works: the result cache on (its default), a no-op rebuild,
    # then one edited snippet, in the same output folder.
    out, incremental = work / "incremental", {**warm_env, "HANDBOOK_SNIPPET_CACHE_DIR": str(work / "cache2")}
    build(out, incremental)
    noop = build(out, incremental)
    figures["noop_rebuild_s"], figures["noop_rebuild_snippets_run"] = noop.seconds, len(noop.run_seconds)
    plain = work / "incremental-plain"
    build(plain, {"HANDBOOK_SNIPPET_EXECUTION": "off"})
    figures["noop_rebuild_without_execution_s"] = build(plain, {"HANDBOOK_SNIPPET_EXECUTION": "off"}).seconds
    figures["noop_rebuild_ratio"] = figures["noop_rebuild_s"] / figures["noop_rebuild_without_execution_s"]
    edited = snippet_runner.discover_snippets()[0]
    original = edited.read_bytes()
    try:
        edited.write_bytes(original + b"# edited by the benchmark\n")
        after_edit = build(out, incremental)
    finally:
        edited.write_bytes(original)
    figures["one_snippet_edit_rebuild_s"] = after_edit.seconds
    # Each snippet runs twice (the determinism check): one edited snippet is two runs.
    figures["one_snippet_edit_snippets_run"] = len(after_edit.run_seconds) / len(
        snippet_runner.DETERMINISM_SEEDS
    )

    # Per run, in the cold builds above: the CPU time it cost (the snippet's process, the
    # worker's fork, the runner's threads) and its wall time, which also counts the waits for a
    # core while Sphinx and the other runs use both (the runs go at a lower priority on purpose).
    figures["median_snippet_run_cpu_ms"] = (
        statistics.median(cpu for _, result, _ in rounds for cpu in result.run_cpu_seconds) * 1000
    )
    figures["median_snippet_run_wall_ms"] = (
        statistics.median(wall for _, result, _ in rounds for wall in result.run_seconds) * 1000
    )
    figures["build_peak_memory_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    def pytest_run(*extra: str, pythons: str = "") -> float:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "tests/test_snippets.py", *extra],
            cwd=REPO_ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "HANDBOOK_TEST_PYTHONS": pythons},
        )
        return time.perf_counter() - started

    # Each release alone (serial and parallel, for the speed-up), then the whole matrix: every
    # supported Python found here, as `nox -s tests` runs it.
    found = [i for i in interpreters.discover() if not args.python or i.name in args.python]
    for interpreter in found:
        version = interpreter.name.replace(".", "")
        name = interpreter.name
        serial = median_of(args.test_runs, lambda: pytest_run("-p", "no:xdist", pythons=name))  # noqa: B023
        parallel = median_of(args.test_runs, lambda: pytest_run("-n", TEST_WORKERS, pythons=name))  # noqa: B023
        figures[f"snippet_tests_serial_s_py{version}"] = serial
        figures[f"snippet_tests_parallel_s_py{version}"] = parallel
        figures[f"parallel_speed_up_py{version}"] = serial / parallel
    names = ",".join(i.name for i in found)
    figures["snippet_tests_all_pythons_s"] = median_of(
        args.test_runs, lambda: pytest_run("-n", TEST_WORKERS, pythons=names)
    )
    figures["test_matrix_vs_cold_build"] = (
        figures["snippet_tests_all_pythons_s"] / figures["clean_build_cold_s"]
    )

    # Virtual clock: the time the virtual-clock snippets take vs the waiting they do, which is
    # the least the same runs would take on the real clock.
    runnable = [
        snippet
        for snippet in snippet_runner.discover_snippets()
        if snippet_runner.clock_for(snippet) == "virtual"
        and snippet_runner.runs_on(snippet, sys.version_info[:3])
    ]
    started = time.perf_counter()
    waited, alone = 0.0, []
    for snippet in runnable:
        run_started = time.perf_counter()
        waited += snippet_runner.run_snippet(snippet).loop_seconds
        alone.append(time.perf_counter() - run_started)
    figures["virtual_clock_s"] = time.perf_counter() - started
    # The same forked runs one at a time, without a build around them competing for the CPU.
    figures["median_snippet_run_alone_ms"] = statistics.median(alone) * 1000
    figures["real_clock_waiting_s"] = waited
    figures["virtual_clock_speed_up"] = waited / figures["virtual_clock_s"]

    # The Run button, on a site built into the work folder (with Pyodide, where npm installed it).
    site = work / "site"
    build(site, warm_env)
    figures.update(run_button_figures(site))

    shutil.rmtree(work, ignore_errors=True)
    report = {
        "python": platform.python_version(),
        "test_pythons": [i.name for i in found],
        "cpus": os.cpu_count(),
        "snippets": len(snippet_runner.discover_snippets()),
        "runs_per_figure": args.runs,
        "test_runs": args.test_runs,
        "figures": {name: round(value, 3) for name, value in figures.items()},
        # Every clean build's seconds, round by round: the spread behind the medians.
        "clean_build_rounds_s": {
            "without_execution": [round(seconds, 3) for seconds in plain_s],
            "cold": [round(seconds, 3) for seconds in cold_s],
            "warm": [round(seconds, 3) for seconds in warm_s],
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    width = max(len(name) for name in figures)
    for name, value in figures.items():
        print(f"{name:<{width}}  {value:10.3f}")
    print(f"written to {args.out}")
    if args.update_readme:
        update_readme(report)
        print("README.md updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
