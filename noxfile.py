"""Sessions for building, previewing, checking and testing the Asyncio Task Handbook.

Dependencies live once, in pyproject.toml's [dependency-groups]; sessions only name a group.
"""

from __future__ import annotations

import difflib
import filecmp
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "venv"
nox.options.sessions = ["lint", "tests", "docs"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
# The supported Pythons (pyproject's classifiers). Sessions run on the Python nox runs on; the
# snippets run on every supported interpreter found here (conf/interpreters.py), which
# `nox -s pythons` provisions.
PYTHONS = nox.project.python_versions(PYPROJECT)
SPHINX_BUILD = ["sphinx-build", "-c", "conf", "docs"]
# pytest-xdist workers for the test suite: twice the cores, since much of the snippet tests'
# time is real-clock runs that sleep (threads, processes, timeouts) and leave their core idle
# (2 cores: 3 workers took 48 s for one release's snippet tests, 4 took 37 s, 6 took 36 s).
# benchmarks/bench.py times the tests the same way.
TEST_WORKERS = str(max(2, (os.cpu_count() or 1) * 2))
LINT_PATHS = ["snippets", "conf", "tests", "benchmarks", "noxfile.py"]


def install_group(session: nox.Session, group: str) -> None:
    session.install(*nox.project.dependency_groups(PYPROJECT, group))


def source_date_epoch() -> str | None:
    """The last commit's time: what the build uses for "now", so a commit always builds the same."""
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None  # not a git checkout (e.g. an unpacked archive): nothing to pin
    return done.stdout.strip() or None


def build_site(
    session: nox.Session,
    out: str = "build/html",
    *extra: str,
    env: dict[str, str] | None = None,
    jobs: str = "auto",
) -> None:
    """The strict build every session and host uses (docs, browser, reproducible, CI, Pages, RTD).
    Pages are read in parallel, one process per core (``jobs``)."""
    epoch = source_date_epoch()
    session.run(
        *SPHINX_BUILD,
        out,
        "--builder=html",
        "--doctree-dir",  # outside the output folder, so the published site holds only the site
        str(Path(out).parent / "doctrees"),
        "-n",  # nitpicky: every cross-reference must resolve
        "-W",  # warnings are errors
        "--keep-going",  # but report all of them before failing
        f"--jobs={jobs}",
        *extra,
        env={**({"SOURCE_DATE_EPOCH": epoch} if epoch else {}), **(env or {})},
    )


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site strictly into build/html: any warning or snippet problem fails."""
    install_group(session, "docs")
    build_site(session, "build/html", *session.posargs)


@nox.session(name="docs-live", default=False)
def docs_live(session: nox.Session) -> None:
    """Preview the site with live reload; snippet and conf edits rebuild the pages that use them."""
    install_group(session, "docs-live")
    session.run(
        "sphinx-autobuild",
        *SPHINX_BUILD,
        "build/live",
        "--watch=snippets",  # a snippet or expected-output edit re-runs that snippet
        "--watch=conf",  # so does a change to the runner or an extension
        *session.posargs,
    )


@nox.session(default=False)
def pythons(session: nox.Session) -> None:
    """Provision the interpreters: pyenv's where present, Debian sid's root filesystem for the rest.

    Idempotent and cached outside the repository; needs root and Debian (it says what to do
    elsewhere)."""
    install_group(session, "snippets")
    session.run("python", "conf/provision_pythons.py", *session.posargs)
    session.run("python", "conf/snippet_packages.py")  # the libraries snippets import, pinned


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite: every snippet on every supported Python found here (the summary says
    which ran and which are missing), and the pipeline's own tests."""
    install_group(session, "tests")
    session.run("pytest", "-n", TEST_WORKERS, *session.posargs)


@nox.session(default=False)
def realtime(session: nox.Session) -> None:
    """Run snippets on the real clock, on each supported version's newest release found here,
    and check they print what the pages show."""
    install_group(session, "tests")
    # Three at a time: the runs mostly wait, so three share two cores without skewing their
    # clocks past the ±0.1 s tolerance (all five versions passed so on a loaded 2-core machine).
    session.run("pytest", "-m", "realtime", "-n", "3", *session.posargs)


@nox.session(name="update_outputs", default=False)
def update_outputs(session: nox.Session) -> None:
    """Rewrite expected outputs from real runs on every Python found (newest first); review the
    diff after. `-- --python 3.14 snippets/page` narrows it."""
    install_group(session, "snippets")
    session.run("python", "conf/snippet_runner.py", "--update", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style, formatting and strict typing of snippets and project code."""
    install_group(session, "lint")
    session.install("-r", "snippets/requirements.txt")  # mypy checks the snippets' imports too
    session.run("ruff", "check", *LINT_PATHS)
    session.run("ruff", "format", "--check", *LINT_PATHS)
    session.run("mypy", "--strict", *LINT_PATHS)


@nox.session(name="lock_snippet_packages", default=False)
def lock_snippet_packages(session: nox.Session) -> None:
    """Pin what snippets may import (snippets/requirements.in) into snippets/requirements.txt:
    exact versions and hashes, one lock for every supported version (uv's universal resolution).
    `-- --upgrade` moves every pin to the newest release; then update the expected outputs."""
    session.install("uv")
    session.run(
        *("uv", "pip", "compile", "snippets/requirements.in", "--universal", "--generate-hashes"),
        *("--python-version", PYTHONS[0], "--no-header", "-o", "snippets/requirements.txt"),
        *session.posargs,
    )


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Benchmark builds, snippet tests and the Run button; print the figures, write build/bench.json.

    The snippet tests run on every supported Python found here, as in `nox -s tests`; the Run
    button is timed in Chromium (as `nox -s browser`: Debian's Chromium and `npm ci`).
    """
    install_group(session, "browser")
    session.run("python", "benchmarks/bench.py", *session.posargs)


@nox.session(default=False)
def browser(session: nox.Session) -> None:
    """Test the built site in Chromium: copy and Run buttons, themes, search, phone width, axe, HTML checker.

    Needs Debian's Chromium (/usr/bin/chromium, or HANDBOOK_CHROMIUM), Java, and `npm ci`.
    """
    install_group(session, "browser")
    build_site(session, "build/html")  # incremental: next to nothing to do after `nox -s docs`
    # One Chromium per xdist worker (each has its own clipboard); `-- -n 0` runs them in series.
    session.run(
        "pytest", "tests/browser", "-n", "auto", *session.posargs, env={"HANDBOOK_SITE_DIR": "build/html"}
    )


@nox.session(default=False)
def reproducible(session: nox.Session) -> None:
    """Build the site twice from copies of the tree in two folders; the outputs must be byte-identical.

    The builds differ in everything that must not matter: the folder, the hash seed, serial
    or parallel reading (``-j 1`` / ``-j auto``), and the snippet cache is off (every snippet
    runs again in both).
    """
    install_group(session, "docs")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        check=True,
    ).stdout.decode()
    tracked = [name for name in listed.split("\0") if name and Path(name).is_file()]
    epoch = source_date_epoch()  # the copies are not git checkouts: pin the same date in both
    with tempfile.TemporaryDirectory(prefix="reproducible-") as tmp:
        outputs = []
        for folder, seed, jobs in (("one", "1", "1"), ("two/a-longer-path", "2", "auto")):
            source = Path(tmp, folder, "handbook")
            for name in tracked:
                (source / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(name, source / name)
            if Path("node_modules").is_dir():  # npm's packages (Pyodide, for the Run buttons)
                (source / "node_modules").symlink_to(Path("node_modules").resolve())
            env = {"PYTHONHASHSEED": seed, "HANDBOOK_SNIPPET_CACHE": "off"}
            with session.chdir(source):
                build_site(
                    session,
                    "build/html",
                    "-q",
                    env={**env, **({"SOURCE_DATE_EPOCH": epoch} if epoch else {})},
                    jobs=jobs,
                )
            outputs.append(source / "build" / "html")
        different = _differences(*outputs)
        for name in different[:3]:
            session.log(_diff_excerpt(outputs[0] / name, outputs[1] / name))
        if different:
            session.error("two builds of the same tree differ: " + ", ".join(different))
        session.log(f"identical: {sum(1 for p in outputs[0].rglob('*') if p.is_file())} files")


def _differences(first: Path, second: Path) -> list[str]:
    """Paths (relative) that exist in one tree only or whose bytes differ."""
    found = []
    names = {p.relative_to(first) for p in first.rglob("*") if p.is_file()}
    others = {p.relative_to(second) for p in second.rglob("*") if p.is_file()}
    found += [f"{name}" for name in sorted(names ^ others)]
    found += [
        str(name)
        for name in sorted(names & others)
        if not filecmp.cmp(first / name, second / name, shallow=False)
    ]
    return found


def _diff_excerpt(first: Path, second: Path, lines: int = 20) -> str:
    """The start of a unified diff between two builds of one file, to show what moves."""
    if not (first.is_file() and second.is_file()):
        return f"{first.name}: only in one build"
    try:
        a, b = first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return f"{first.name}: binary files differ"
    diff = difflib.unified_diff(
        a.splitlines(), b.splitlines(), "first build", "second build", lineterm="", n=0
    )
    return "\n".join(line[:300] for line in itertools.islice(diff, lines))
