"""The cache of verified results: a hit skips the run; any change to the key runs again."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import interpreters
import sandbox
import snippet_runner
from conftest import fixture_snippet


class Counter:
    """Counts real runs by wrapping run_deterministic."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.runs = 0
        real: Callable[..., snippet_runner.RunResult] = snippet_runner.run_deterministic

        def counted(*args: Any, **kwargs: Any) -> snippet_runner.RunResult:
            self.runs += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(snippet_runner, "run_deterministic", counted)


@pytest.fixture
def hello(tmp_path: Path) -> Path:
    snippet = tmp_path / "hello.py"
    snippet.write_bytes(fixture_snippet("hello").read_bytes())
    snippet.with_suffix(".out").write_text("hello\n")
    return snippet


def verify(snippet: Path, cache: Path, **kwargs: Any) -> str:
    return snippet_runner.verify_snippet(snippet, cache_dir=cache, **kwargs).output


def test_a_second_verification_is_served_from_the_cache(
    hello: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = Counter(monkeypatch)
    cache = tmp_path / "cache"
    assert verify(hello, cache) == "hello"
    assert verify(hello, cache) == "hello"
    assert counter.runs == 1


def test_without_a_cache_dir_every_verification_runs(hello: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = Counter(monkeypatch)
    snippet_runner.verify_snippet(hello)
    snippet_runner.verify_snippet(hello)
    assert counter.runs == 2


def test_a_failed_verification_is_not_cached(hello: Path, tmp_path: Path) -> None:
    hello.with_suffix(".out").write_text("wrong\n")
    with pytest.raises(snippet_runner.OutputMismatch):
        verify(hello, tmp_path / "cache")
    assert not list((tmp_path / "cache").glob("*.json"))


def change_snippet(snippet: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    snippet.write_text(snippet.read_text().replace('"hello"', '"hello" if True else ""'))
    return {}


def change_expected(snippet: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    this = interpreters.current().minor
    snippet_runner.expected_override_path(snippet, this).write_text("hello\n")
    return {}


def change_runner(snippet: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    extra = snippet.parent / "runner_part.py"
    extra.write_text("# a change to the runner or its normalisation\n")
    monkeypatch.setattr(snippet_runner, "RUNNER_SOURCES", (*snippet_runner.RUNNER_SOURCES, extra))
    return {}


def change_interpreter(snippet: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setattr(snippet_runner, "_interpreter_fingerprint", lambda python: "3.99.0\nlooptime 9.9\n")
    return {}


def change_sandbox(snippet: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    # A result verified in the sandbox must not satisfy an unsandboxed build (and back).
    if sandbox.mode() != "bwrap":
        pytest.skip("no sandbox here to switch off")
    monkeypatch.setattr(sandbox, "mode", lambda: "none")
    return {}


def change_limits(snippet: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    return {"limits": snippet_runner.Limits(timeout_s=9)}


def change_trace(snippet: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    return {"trace": True}


@pytest.mark.parametrize(
    "change",
    [
        change_snippet,
        change_expected,
        change_runner,
        change_interpreter,
        change_sandbox,
        change_limits,
        change_trace,
    ],
)
def test_changing_any_part_of_the_key_runs_the_snippet_again(
    change: Callable[[Path, pytest.MonkeyPatch], dict[str, Any]],
    hello: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counter = Counter(monkeypatch)
    cache = tmp_path / "cache"
    verify(hello, cache)
    options = change(hello, monkeypatch)
    verify(hello, cache, **options)
    assert counter.runs == 2
