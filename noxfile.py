"""Sessions for building, previewing, checking and testing the Asyncio Task Handbook.

Dependencies live once, in pyproject.toml's [dependency-groups]; sessions only name a group.
"""

from __future__ import annotations

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "venv"
nox.options.sessions = ["lint", "tests", "docs"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = nox.project.python_versions(PYPROJECT)
SPHINX_BUILD = ["sphinx-build", "-c", "conf", "docs"]
LINT_PATHS = ["snippets", "conf", "tests", "benchmarks", "noxfile.py"]


def install_group(session: nox.Session, group: str) -> None:
    session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site strictly into build/html: any warning or snippet problem fails."""
    install_group(session, "docs")
    session.run(
        *SPHINX_BUILD,
        "build/html",
        "--builder=html",
        "-n",  # nitpicky: every cross-reference must resolve
        "-W",  # warnings are errors
        "--keep-going",  # but report all of them before failing
        *session.posargs,
    )


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


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the test suite: every snippet against its expected output, and the pipeline's own tests."""
    install_group(session, "tests")
    session.run("pytest", "-n", "auto", *session.posargs)


@nox.session(default=False)
def realtime(session: nox.Session) -> None:
    """Run snippets on the real clock and check they print what the pages show."""
    install_group(session, "tests")
    session.run("pytest", "-m", "realtime", "-n", "auto", *session.posargs)


@nox.session(name="update_outputs", python=sorted(PYTHONS, reverse=True), default=False)
def update_outputs(session: nox.Session) -> None:
    """Rewrite expected outputs from real runs (newest Python first); review the diff after."""
    install_group(session, "snippets")
    session.run("python", "conf/snippet_runner.py", "--update", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style, formatting and strict typing of snippets and project code."""
    install_group(session, "lint")
    session.run("ruff", "check", *LINT_PATHS)
    session.run("ruff", "format", "--check", *LINT_PATHS)
    session.run("mypy", "--strict", *LINT_PATHS)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Benchmark builds and snippet tests; print the figures and write build/bench.json."""
    install_group(session, "tests")
    session.run("python", "benchmarks/bench.py", *session.posargs)
