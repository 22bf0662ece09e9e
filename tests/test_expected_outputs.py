"""Per-version expected outputs: overrides only where a version differs, and they are checked."""

import tomllib
from pathlib import Path

import pytest

import interpreters
import snippet_runner
from conftest import fixture_snippet

PYTHON = interpreters.current()
THIS = PYTHON.minor
NEWEST = snippet_runner.newest_supported_version()
OLDER = snippet_runner.supported_versions()[0]


@pytest.fixture
def hello(tmp_path: Path) -> Path:
    snippet = tmp_path / "hello.py"
    snippet.write_bytes(fixture_snippet("hello").read_bytes())
    return snippet


def test_an_override_for_this_version_is_what_gets_checked(hello: Path) -> None:
    hello.with_suffix(".out").write_text("hello\n")
    override = snippet_runner.expected_override_path(hello, THIS)
    override.write_text("something this version does not print\n")
    with pytest.raises(snippet_runner.OutputMismatch, match=override.name):
        snippet_runner.verify_snippet(hello)


def test_an_override_for_another_version_is_ignored(hello: Path) -> None:
    hello.with_suffix(".out").write_text("hello\n")
    other = next(v for v in snippet_runner.supported_versions() if v != THIS)
    snippet_runner.expected_override_path(hello, other).write_text("something else\n")
    assert snippet_runner.verify_snippet(hello).output == "hello"


def test_an_override_for_this_release_comes_before_its_minor_version(hello: Path) -> None:
    # Two patch releases of one minor version that print differently: the older one's file.
    hello.with_suffix(".out").write_text("hello\n")
    snippet_runner.expected_override_path(hello, THIS).write_text("what the newest patch prints\n")
    release = snippet_runner.expected_override_path(hello, PYTHON.release)
    assert release.name == f"hello.py{PYTHON.name}.out"
    release.write_text("hello\n")
    assert snippet_runner.verify_snippet(hello).output == "hello"
    assert snippet_runner.expected_path(hello, (*THIS, 999)).name == f"hello.py{THIS[0]}{THIS[1]}.out"


def test_update_writes_the_base_when_there_is_none(hello: Path) -> None:
    snippet_runner.update_expected(hello, python=PYTHON, main=True)
    assert hello.with_suffix(".out").read_text() == "hello\n"
    assert snippet_runner.expected_files(hello) == [hello.with_suffix(".out")]


@pytest.mark.skipif(THIS == NEWEST, reason="checks what an older interpreter writes")
def test_an_older_version_writes_an_override_only_where_it_differs(hello: Path) -> None:
    base = hello.with_suffix(".out")
    base.write_text("what the newest version prints\n")
    snippet_runner.update_expected(hello, python=PYTHON, main=True)
    assert snippet_runner.expected_override_path(hello, THIS).read_text() == "hello\n"
    base.write_text("hello\n")
    assert snippet_runner.update_expected(hello, python=PYTHON, main=True) == [
        f"removed {snippet_runner.expected_override_path(hello, THIS)}"
    ]
    assert snippet_runner.expected_files(hello) == [base]


def test_an_older_patch_release_writes_its_own_file_only_where_it_differs(hello: Path) -> None:
    base = hello.with_suffix(".out")
    base.write_text("what the newest patch release prints\n")
    snippet_runner.update_expected(hello, python=PYTHON, main=False)
    own = snippet_runner.expected_override_path(hello, PYTHON.release)
    assert own.read_text() == "hello\n"
    base.write_text("hello\n")
    snippet_runner.update_expected(hello, python=PYTHON, main=False)
    assert not own.exists()


def test_the_newest_version_rewrites_the_base_and_drops_its_own_override(
    hello: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend this interpreter is the newest supported one: it owns the base file.
    monkeypatch.setattr(snippet_runner, "newest_supported_version", lambda: THIS)
    own = snippet_runner.expected_override_path(hello, THIS)
    own.write_text("stale\n")
    needed = snippet_runner.expected_override_path(hello, (3, 98))
    needed.write_text("a real difference\n")
    snippet_runner.update_expected(hello, python=PYTHON, main=True)
    assert hello.with_suffix(".out").read_text() == "hello\n"
    assert not own.exists()
    assert needed.exists()


def test_a_snippet_states_its_minimum_python_in_a_visible_comment(tmp_path: Path) -> None:
    snippet = tmp_path / "new.py"
    snippet.write_text("# Requires Python 3.13 or newer.\nimport asyncio\n")
    assert snippet_runner.required_version(snippet) == (3, 13)
    assert snippet_runner.versions_for(snippet) == [
        r for r in snippet_runner.recorded_releases() if r[:2] >= (3, 13)
    ]
    assert snippet_runner.required_version(fixture_snippet("hello")) is None


def test_updating_outputs_skips_a_snippet_this_python_cannot_run(tmp_path: Path) -> None:
    # `nox -s update_outputs` runs the whole folder on every supported Python, oldest included.
    future = tmp_path / "future.py"
    future.write_text("# Requires Python 3.99 or newer.\nraise SystemExit('ran on an older Python')\n")
    (tmp_path / "hello.py").write_bytes(fixture_snippet("hello").read_bytes())
    assert snippet_runner.main(["--update", "--python", PYTHON.name, str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.py", "hello.out", "hello.py"]


def test_supported_versions_come_from_pyproject() -> None:
    project = tomllib.loads((snippet_runner.REPO_ROOT / "pyproject.toml").read_text())["project"]
    listed = [c.rsplit(":: ", 1)[1] for c in project["classifiers"] if c.count(".") == 1]
    assert [interpreters.minor_name(v) for v in snippet_runner.supported_versions()] == listed
    assert project["requires-python"] == f">={listed[0]}"


def test_every_recorded_release_is_a_supported_version() -> None:
    recorded = {release[:2] for release in snippet_runner.recorded_releases()}
    assert recorded == set(snippet_runner.supported_versions())


def test_a_snippet_can_ask_for_the_real_clock_in_a_visible_comment(tmp_path: Path) -> None:
    snippet = tmp_path / "blocking.py"
    snippet.write_text(
        "# Runs on the real clock: a blocking call takes real time.\n"
        "import asyncio\nimport time\n\n\nasync def main() -> None:\n"
        "    loop = asyncio.get_running_loop()\n    start = loop.time()\n"
        "    time.sleep(0.3)  # noqa: ASYNC251\n"
        '    print(f"{loop.time() - start:.1f} s")\n\n\nasyncio.run(main())\n'
    )
    assert snippet_runner.clock_for(snippet) == "real"
    snippet.with_suffix(".out").write_text("0.3 s\n")
    assert snippet_runner.verify_snippet(snippet).output == "0.3 s"
    assert snippet_runner.clock_for(fixture_snippet("hello")) == "virtual"


def test_real_clock_output_within_the_tolerance_shows_the_reviewed_output(tmp_path: Path) -> None:
    snippet = tmp_path / "blocking.py"
    snippet.write_text(
        "# Runs on the real clock: a blocking call takes real time.\n"
        "import asyncio\nimport time\n\n\nasync def main() -> None:\n"
        "    loop = asyncio.get_running_loop()\n    start = loop.time()\n"
        "    time.sleep(0.3)  # noqa: ASYNC251\n"
        '    print(f"{loop.time() - start:.1f} s")\n\n\nasyncio.run(main())\n'
    )
    snippet.with_suffix(".out").write_text("0.4 s\n")  # 0.1 away from what it prints
    assert snippet_runner.verify_snippet(snippet).output == "0.4 s"
    snippet.with_suffix(".out").write_text("0.6 s\n")  # beyond the tolerance
    with pytest.raises(snippet_runner.OutputMismatch):
        snippet_runner.verify_snippet(snippet)


def test_the_readme_names_the_supported_range_from_pyproject() -> None:
    versions = [interpreters.minor_name(v) for v in snippet_runner.supported_versions()]
    readme = (snippet_runner.REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"({versions[0]} to {versions[-1]})" in readme
