"""The libraries a snippet may import besides the standard library: the virtual clock (looptime),
AnyIO and Trio for the comparison chapter, pytest and pytest-asyncio for the testing chapter.

They are pinned, with hashes, in ``snippets/requirements.txt`` (made from
``snippets/requirements.in`` by ``nox -s lock_snippet_packages``), and installed once per lock
into a folder beside the interpreters (``pythons_dir()/packages/<digest>``), outside the
repository. Every run sees that folder read-only: bound into the interpreter's site-packages in
the sandbox, on ``PYTHONPATH`` without one. All of them are pure Python, so one folder serves
every supported interpreter; the lock is universal, and every package it lists for Linux on any
supported version is installed (a backport the newer versions do not need is harmless there).

    python conf/snippet_packages.py      # install now (nox -s pythons does), print the folder
"""

from __future__ import annotations

import ast
import contextlib
import fcntl
import functools
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from packaging.requirements import Requirement

import interpreters
import snippet_output
from interpreters import Interpreter

LOCK = interpreters.REPO_ROOT / "snippets" / "requirements.txt"
# Where a run finds them, relative to its site-packages folder (the .pth file there names it).
SITE_NAME = snippet_output.PACKAGES_SITE_NAME
FINISHED = "handbook-packages-finished"  # written last: a folder without it is not used


# A forked run of a snippet that imports one of LIBRARIES comes from a worker that has imported
# PRELOAD before forking (snippet_worker.py): pytest with the plugins it loads at start-up, AnyIO
# (whose plugin imports Trio). That spares each such run about 250 ms of imports; the default
# worker stays lean, as every fork copies the worker's page tables. The tests run each snippet
# fresh as well, and both must print the same.
LIBRARIES = frozenset({"anyio", "trio", "pytest", "pytest_asyncio"})
PRELOAD = ("pytest", "pytest_asyncio", "pytest_asyncio.plugin", "anyio", "anyio.pytest_plugin", "trio")


@functools.lru_cache(maxsize=1024)
def preload_for(source: bytes) -> tuple[str, ...]:
    """What the worker of a snippet with this source imports before forking."""
    if not any(name.encode() in source for name in LIBRARIES):
        return ()  # most snippets: no need to parse them (a build asks for each)
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return ()  # the run reports it
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            imported.add(node.module.partition(".")[0])
    return PRELOAD if imported & LIBRARIES else ()


class PackagesUnavailable(RuntimeError):
    """The pinned packages are not installed and could not be installed (offline, no pip)."""


def digest() -> str:
    """Names the installed folder and enters every cache key: a new lock is a new folder."""
    return hashlib.sha256(LOCK.read_bytes()).hexdigest()[:16]


def folder() -> Path:
    return interpreters.pythons_dir() / "packages" / digest()


def _linux_environments() -> list[dict[str, str]]:
    """The marker environments of every supported version on Linux CPython."""
    return [
        {
            "os_name": "posix",
            "sys_platform": "linux",
            "platform_system": "Linux",
            "implementation_name": "cpython",
            "platform_python_implementation": "CPython",
            "python_version": minor,
            "python_full_version": f"{minor}.0",
        }
        for minor in (f"{major}.{minor}" for major, minor in interpreters.supported_minors())
    ]


def wanted_lines(lock_text: str) -> list[str]:
    """The lock's requirements (with their hashes) that any supported Linux CPython needs,
    markers dropped: one folder serves every version."""
    environments = _linux_environments()
    wanted = []
    # A requirement spans its line and the `--hash` continuation lines after it.
    for entry in lock_text.replace("\\\n", " ").splitlines():
        entry = entry.split("#", 1)[0].strip()
        if not entry:
            continue
        spec, _, hashes = entry.partition(" --hash")
        requirement = Requirement(spec.strip())
        if requirement.marker is None or any(requirement.marker.evaluate(env) for env in environments):
            requirement.marker = None
            wanted.append(" ".join([str(requirement), *(f"--hash{hashes}".split() if hashes else [])]))
    return wanted


@contextlib.contextmanager
def _locked(parent: Path) -> Iterator[None]:
    """Parallel builds and test workers all ask at once: one works, the others wait for it."""
    parent.mkdir(parents=True, exist_ok=True)
    with open(parent / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@functools.cache
def ensure() -> Path:
    """The installed folder, installing it first if this lock was never installed here."""
    target = folder()
    if not (target / FINISHED).exists():
        with _locked(target.parent):
            if not (target / FINISHED).exists():
                _install(target)
    return target


@functools.cache
def ensure_compiled(interpreter: Interpreter) -> Path:
    """The installed folder, with byte code for ``interpreter``'s version beside the sources
    (``__pycache__/*.cpython-3XX.pyc``, and pytest's rewritten byte code of its plugins: see
    pytest_rewrite_cache.py): runs see the folder read-only, so without it every fresh run
    would compile each library it imports again."""
    target = ensure()
    marker = target / f"handbook-compiled-{interpreter.release[0]}{interpreter.release[1]}-v2"
    if not marker.exists():
        with _locked(target.parent):
            if not marker.exists():
                _compile(target, interpreter)
                marker.touch()
    return target


# Run with the folder as argv[1]: byte code for every module, then pytest's for its plugins.
COMPILE_ALL = "import compileall, sys; sys.exit(not compileall.compile_dir(sys.argv[1], quiet=1))"
REWRITE_CACHE = Path(__file__).with_name("pytest_rewrite_cache.py")


def _compile(target: Path, interpreter: Interpreter) -> None:
    import sandbox  # imports this module: only called once both are loaded

    for code in (COMPILE_ALL, REWRITE_CACHE.read_text()):
        if interpreter.root is None:
            command = [interpreter.executable, "-I", "-c", code, str(target)]
        else:  # a Debian interpreter runs only inside its root filesystem
            inside = "/mnt"  # an empty folder in every Debian root filesystem
            command = [
                *sandbox.probe_command(interpreter.root, interpreter.executable, code, (target, inside)),
                inside,
            ]
        done = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
        if done.returncode != 0:
            raise PackagesUnavailable(
                f"{LOCK}: Python {interpreter.name} could not compile the snippets' packages in "
                f"{target}:\n{(done.stdout + done.stderr).strip()[-2000:]}"
            )


def _install(target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".installing-") as tmp:
        requirements = Path(tmp, "requirements.txt")
        requirements.write_text("\n".join(wanted_lines(LOCK.read_text())) + "\n")
        staging = Path(tmp, "packages")
        command = [
            sys.executable,
            *("-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input"),
            *("--no-deps", "--require-hashes", "--only-binary=:all:", "--no-compile"),
            *("--target", str(staging), "-r", str(requirements)),
        ]
        done = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise PackagesUnavailable(
                f"{LOCK}: the snippets' packages could not be installed into {target} "
                f"(pip exited with {done.returncode}):\n{done.stderr.strip()[-2000:]}"
            )
        shutil.rmtree(staging / "bin", ignore_errors=True)  # console scripts: no run calls them
        (staging / FINISHED).write_text(LOCK.read_text())
        os.chmod(staging, 0o755)
        staging.rename(target)


if __name__ == "__main__":
    print(ensure())
