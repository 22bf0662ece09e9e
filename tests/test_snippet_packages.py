"""The libraries a snippet may import: pinned by the lock, installed once per lock, the same in
every run on every interpreter (see also test_sandbox: no run can change them)."""

from __future__ import annotations

from pathlib import Path

import pytest

import interpreters
import snippet_packages
import snippet_runner
from conftest import INTERPRETERS
from interpreters import Interpreter

LOCK_EXCERPT = """\
anyio==4.16.0 \\
    --hash=sha256:aaaa \\
    --hash=sha256:bbbb
    # via -r snippets/requirements.in
colorama==0.4.6 ; sys_platform == 'win32' \\
    --hash=sha256:cccc
exceptiongroup==1.3.1 ; python_full_version < '3.11' \\
    --hash=sha256:dddd
typing-extensions==4.16.0 ; python_full_version < '3.13' \\
    --hash=sha256:eeee
"""


def test_one_folder_holds_what_any_supported_linux_version_needs_and_nothing_for_others() -> None:
    wanted = snippet_packages.wanted_lines(LOCK_EXCERPT)
    assert wanted == [
        "anyio==4.16.0 --hash=sha256:aaaa --hash=sha256:bbbb",
        # 3.11 and 3.12 need the backport; the newer versions ignore it.
        "typing-extensions==4.16.0 --hash=sha256:eeee",
    ]


def test_the_lock_pins_every_package_exactly_and_with_hashes() -> None:
    wanted = snippet_packages.wanted_lines(snippet_packages.LOCK.read_text())
    names = {line.split("==")[0] for line in wanted}
    assert {"looptime", "anyio", "trio", "pytest", "pytest-asyncio"} <= names
    for line in wanted:
        assert "==" in line.split()[0] and "--hash=sha256:" in line, line


def test_a_new_lock_is_a_new_folder_and_a_new_cache_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snippet_packages.folder()
    lock = tmp_path / "requirements.txt"
    lock.write_text(snippet_packages.LOCK.read_text() + "\n# edited\n")
    monkeypatch.setattr(snippet_packages, "LOCK", lock)
    assert snippet_packages.folder() != before
    assert snippet_packages.folder().parent == before.parent


def test_a_lock_that_cannot_be_installed_is_an_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = tmp_path / "requirements.txt"
    lock.write_text("anyio==4.16.0 --hash=sha256:" + "0" * 64 + "\n")  # a hash no file has
    monkeypatch.setattr(snippet_packages, "LOCK", lock)
    monkeypatch.setenv("HANDBOOK_PYTHONS_DIR", str(tmp_path / "pythons"))
    with pytest.raises(snippet_packages.PackagesUnavailable, match=str(lock)):
        snippet_packages._install(snippet_packages.folder())
    assert not snippet_packages.folder().exists()  # nothing half-installed is left to be used


@pytest.mark.parametrize("python", INTERPRETERS, ids=lambda python: python.name)
def test_every_run_imports_the_pinned_versions(tmp_path: Path, python: Interpreter) -> None:
    wanted = snippet_packages.wanted_lines(snippet_packages.LOCK.read_text())
    pins = dict(line.split()[0].split("==") for line in wanted)
    snippet = tmp_path / "versions.py"
    snippet.write_text(
        '"""Prints the versions of the libraries it can import."""\n'
        "import importlib.metadata\n"
        f"for name in {sorted(pins)!r}:\n"
        "    print(name, importlib.metadata.version(name))\n"
    )
    for runner in ("fresh", "forked"):
        output = snippet_runner.run_snippet(snippet, python=python, runner=runner).output
        assert output.splitlines() == [f"{name} {pins[name]}" for name in sorted(pins)], (runner, python)
    assert interpreters.REPO_ROOT not in snippet_packages.folder().parents  # outside the repository


@pytest.mark.parametrize("python", INTERPRETERS, ids=lambda python: python.name)
def test_pytest_reads_its_plugins_rewritten_byte_code_from_the_cache(
    tmp_path: Path, python: Interpreter
) -> None:
    # pytest_rewrite_cache.py wrote it when the folder was compiled; without it, every run of a
    # testing snippet would rewrite AnyIO's and pytest-asyncio's modules again.
    snippet = tmp_path / "rewrites.py"
    snippet.write_text(
        '"""Runs pytest with its trace on and prints how it loaded two plugins."""\n'
        "import contextlib, io, os, pathlib\n"
        "import pytest\n"
        "pathlib.Path('test_nothing.py').write_text('def test_nothing():\\n    pass\\n')\n"
        "os.environ['PYTEST_DEBUG'] = '1'  # the trace, from before the plugins load\n"
        "trace = io.StringIO()\n"
        "with contextlib.redirect_stderr(trace), contextlib.redirect_stdout(io.StringIO()):\n"
        "    pytest.main(['test_nothing.py', '-q', '-p', 'no:cacheprovider'])\n"
        "for line in trace.getvalue().splitlines():\n"
        "    for plugin in ('anyio/pytest_plugin.py', 'pytest_asyncio/plugin.py'):\n"
        "        if plugin in line and ('rewriting' in line or 'cached' in line):\n"
        "            print(plugin, 'rewritten again' if 'rewriting' in line else 'from the cache')\n"
    )
    output = snippet_runner.run_snippet(snippet, python=python, runner="fresh").output
    lines = sorted(line for line in output.splitlines() if line.endswith(("again", "cache")))
    assert lines == [
        "anyio/pytest_plugin.py from the cache",
        "pytest_asyncio/plugin.py from the cache",
    ], output
    # A forked run's worker imported both before forking (snippet_packages.PRELOAD): nothing
    # to rewrite at all.
    output = snippet_runner.run_snippet(snippet, python=python, runner="forked").output
    assert not [line for line in output.splitlines() if line.endswith(("again", "cache"))], output
