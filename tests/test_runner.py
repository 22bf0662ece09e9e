"""The runner's guarantees: failures are reported, never embedded; runs are contained.
Each test runs once per runner (fresh interpreter, forked worker child)."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import interpreters
import snippet_runner
from conftest import INTERPRETERS, fixture_snippet
from snippet_runner import Limits


@pytest.fixture(autouse=True, params=["fresh", "forked"])
def runner(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every guarantee holds for both runners: a fresh interpreter and a forked worker child."""
    monkeypatch.setenv("HANDBOOK_RUNNER", request.param)
    assert snippet_runner.default_runner() == request.param
    return str(request.param)


def test_a_raising_snippet_is_reported_with_its_path_line_and_traceback() -> None:
    with pytest.raises(snippet_runner.SnippetFailed) as caught:
        snippet_runner.run_snippet(fixture_snippet("raises"))
    message = str(caught.value)
    assert message.startswith("tests/fixtures/snippets/raises.py:6: exited with status 1")
    assert 'File "raises.py", line 6, in main' in message
    assert message.rstrip().endswith("ValueError: boom")
    assert caught.value.line == 6


@pytest.mark.parametrize("name", ["hangs_blocking_sleep", "hangs_on_event"])
def test_a_hanging_snippet_is_stopped_after_the_timeout(name: str) -> None:
    started = time.monotonic()
    with pytest.raises(snippet_runner.SnippetTimeout, match=rf"{name}\.py: still running after 1 s"):
        snippet_runner.run_snippet(fixture_snippet(name), limits=Limits(timeout_s=1))
    assert time.monotonic() - started < 5


def test_the_default_timeout_is_at_most_ten_seconds() -> None:
    assert 0 < Limits().timeout_s <= 10


def test_the_virtual_clock_skips_idle_waits_and_reports_them() -> None:
    started = time.monotonic()
    result = snippet_runner.run_snippet(fixture_snippet("sleeps_long"))
    assert result.output == "slept 3600.0 s"
    assert result.loop_seconds == pytest.approx(3600)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("prints_address", "two runs printed different output|contains a memory address"),
        ("prints_id", "two runs printed different output"),
        ("prints_unseeded_random", "two runs printed different output"),
        ("prints_set_order", "two runs printed different output"),
        ("prints_clock_time", "contains a wall-clock time|two runs printed different output"),
    ],
)
def test_nondeterministic_output_is_rejected(name: str, reason: str) -> None:
    with pytest.raises(snippet_runner.NondeterministicOutput, match=reason):
        snippet_runner.run_deterministic(fixture_snippet(name))


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ("<object object at 0x7f3a12345678>", "a memory address"),
        ("started at 17:13:52", "a wall-clock time"),
        ("today is 2026-11-25", "a calendar date"),
    ],
)
def test_unreproducible_values_are_named(line: str, what: str) -> None:
    assert snippet_runner.find_nondeterminism(f"fine\n{line}") == f"output line 2 contains {what}: {line!r}"


def test_plain_output_is_not_flagged() -> None:
    assert snippet_runner.find_nondeterminism("took 3.0 s\nresults: [1, 2, 3]") is None


def test_stdout_and_stderr_are_interleaved_in_the_order_written() -> None:
    lines = snippet_runner.run_snippet(fixture_snippet("interleaves_streams")).output.splitlines()
    assert lines[:4] == ["stdout 1", "stderr 1", "stdout 2", "Task exception was never retrieved"]
    assert lines[-2:] == ["RuntimeError: nobody awaited me", "stdout 3"]


def test_output_that_differs_from_the_expected_output_fails_with_a_diff(tmp_path: Path) -> None:
    snippet = tmp_path / "hello.py"
    snippet.write_bytes(fixture_snippet("hello").read_bytes())
    snippet.with_suffix(".out").write_text("goodbye\n")
    with pytest.raises(snippet_runner.OutputMismatch) as caught:
        snippet_runner.verify_snippet(snippet)
    message = str(caught.value)
    assert message.startswith(f"{snippet}: real output on Python ")
    assert "\n-goodbye\n+hello" in message
    assert re.search(r"^--- .*hello\.out$", message, re.MULTILINE)


def test_a_snippet_without_expected_output_fails(tmp_path: Path) -> None:
    snippet = tmp_path / "hello.py"
    snippet.write_bytes(fixture_snippet("hello").read_bytes())
    with pytest.raises(snippet_runner.MissingExpectedOutput, match="has no expected output"):
        snippet_runner.verify_snippet(snippet)


def test_the_snippet_sees_only_allow_listed_variables_in_a_fresh_directory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "secret-token")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret-key")
    output = snippet_runner.run_snippet(fixture_snippet("prints_environment")).output
    names_line, files_line = output.splitlines()
    names = set(eval(names_line))
    assert "GITHUB_TOKEN" not in names and "AWS_SECRET_ACCESS_KEY" not in names
    assert "secret" not in output
    assert names <= set(snippet_runner.ALLOWED_ENV) | {
        "HOME", "PWD", "TMPDIR", "PYTHONPATH", "PYTHONHASHSEED", "PYTHONUNBUFFERED", "PYTHONIOENCODING",
        "PYTHONDONTWRITEBYTECODE", "PYTHON_COLORS", "NO_COLOR",
    }  # fmt: skip
    assert not {name for name in names if name.startswith("HANDBOOK_")}, (
        "the runner's settings leave the environment"
    )
    assert eval(files_line) == ["prints_environment.py"]


def test_endless_output_is_stopped() -> None:
    with pytest.raises(snippet_runner.SnippetLimitExceeded, match="printed more than 4096 bytes"):
        snippet_runner.run_snippet(fixture_snippet("floods_output"), limits=Limits(output_bytes=4096))


def test_endless_allocation_is_stopped() -> None:
    with pytest.raises(snippet_runner.SnippetLimitExceeded, match=r"ran out of memory \(limit 256 MiB\)"):
        snippet_runner.run_snippet(
            fixture_snippet("allocates_forever"), limits=Limits(memory_bytes=256 * 2**20)
        )


def test_endless_computation_is_stopped_by_the_cpu_limit() -> None:
    with pytest.raises(snippet_runner.SnippetLimitExceeded, match="more than 1 s of CPU time"):
        snippet_runner.run_snippet(fixture_snippet("spins_cpu"), limits=Limits(cpu_s=1, timeout_s=10))


def test_a_huge_file_is_stopped_by_the_file_size_limit() -> None:
    with pytest.raises(snippet_runner.SnippetLimitExceeded, match="wrote a file larger than 1048576 bytes"):
        snippet_runner.run_snippet(fixture_snippet("writes_big_file"), limits=Limits(file_bytes=2**20))


def test_children_of_a_snippet_do_not_outlive_it() -> None:
    before = set(_sleeping_children())
    assert snippet_runner.run_snippet(fixture_snippet("spawns_child")).output == "started a child"
    time.sleep(0.2)
    assert set(_sleeping_children()) - before == set()


def _sleeping_children() -> list[str]:
    found = []
    for pid in os.listdir("/proc"):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"time.sleep(600)" in cmdline:
            found.append(pid)
    return found


@pytest.mark.parametrize(
    ("expected", "actual", "same"),
    [
        ("took 3.0 s", "took 3.0 s", True),
        ("took 3.0 s", "took 3.1 s", True),
        ("took 3.0 s", "took 3.2 s", False),
        ("took 3.0 s", "took 3.0 min", False),
        ("a 1.0 b 2.0", "a 1.0 b", False),
    ],
)
def test_real_clock_comparison_tolerates_only_small_number_drift(
    expected: str, actual: str, same: bool
) -> None:
    assert snippet_runner.matches_with_tolerance(expected, actual) is same


def test_the_virtual_clock_does_not_skip_the_executor_shutdown_timeout() -> None:
    # From 3.12 asyncio.run joins executor threads under a 300 s timeout; if the virtual clock
    # skipped ahead while a thread finished, it would warn that the threads did not join.
    for _ in range(4):
        assert snippet_runner.run_snippet(fixture_snippet("uses_a_thread")).output == "done in a thread"


def test_ctrl_c_reaches_the_snippet_even_from_a_build_started_in_the_background(runner: str) -> None:
    # A shell starts a background job (`nox -s docs &`) with SIGINT ignored; the snippet must
    # still get Ctrl-C as when a reader runs it from a terminal.
    conf_dir = Path(snippet_runner.__file__).parent
    program = (
        "import signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); "
        f"sys.path.insert(0, {str(conf_dir)!r}); import snippet_runner; "
        f"print(snippet_runner.run_snippet(snippet_runner.Path({str(fixture_snippet('interrupted_by_ctrl_c'))!r}),"
        f" runner={runner!r}).output)"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "main cancelled\nKeyboardInterrupt\n"


@pytest.mark.parametrize("runner", ["fresh", "forked"])
@pytest.mark.parametrize("python", INTERPRETERS, ids=lambda i: i.name)
def test_the_virtual_clock_goes_in_without_a_warning_even_under_w_error_and_dev_mode(
    python: interpreters.Interpreter, runner: snippet_runner.Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The hook installs no event-loop policy (deprecated in 3.14): under -W error -X dev a
    # deprecation would fail the start-up hook, and the hour of sleep would not be skipped.
    strict = {**snippet_runner.ALLOWED_ENV, "PYTHONWARNINGS": "error", "PYTHONDEVMODE": "1"}
    monkeypatch.setattr(snippet_runner, "ALLOWED_ENV", strict)
    result = snippet_runner.run_snippet(fixture_snippet("sleeps_long"), python=python, runner=runner)
    assert result.output == "slept 3600.0 s"
    assert result.loop_seconds == 3600.0
