"""Which Pythons the handbook runs snippets on, and where they come from.

An interpreter is a value: a root filesystem (``None`` for this machine's own), the executable
inside it, and facts probed by running it once (its release, ``sys.version``, its prefix).
It knows nothing of how a run is launched: that is ``sandbox.py``'s job.

Where they come from, for each supported minor version (pyproject.toml's classifiers):

- this machine: pyenv's versions (``$PYENV_ROOT/versions/3.X.Y``) and ``python3.X`` on PATH;
- Debian's archive: ``nox -s pythons`` bootstraps suite ``sid`` into a root filesystem under
  the user's cache folder (``provision_pythons.py``); its ``/usr/bin/python3.X`` run there only
  (they need a newer C library than the machine's).

Several patch releases of one minor version may be found (pyenv's 3.13.0, Debian's 3.13.18):
all of them are tested. The newest of each minor version is its *main* release: the tab a
page shows for that version, and the one whose output ``NAME.py313.out`` records.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

Release = tuple[int, int, int]
Minor = tuple[int, int]


@dataclass(frozen=True, order=True)
class Interpreter:
    """One Python: ``executable`` is its path as seen inside ``root`` (on this machine when
    ``root`` is None); ``prefix`` is ``sys.base_prefix`` there (the standard library's home)."""

    release: Release
    executable: str
    root: Path | None = None
    prefix: str = ""
    sys_version: str = ""
    origin: str = "this machine"
    # Where the handbook's start-up hook and the clock library go so that a plain
    # ``python name.py`` imports them: its first site-packages folder, and the file of an
    # existing ``sitecustomize`` module that would shadow ours (Debian has one), if any.
    site_dir: str = ""
    sitecustomize: str = ""

    @property
    def minor(self) -> Minor:
        return self.release[:2]

    @property
    def name(self) -> str:
        """``3.13.18``: what a tab and a message call it."""
        return ".".join(map(str, self.release))

    @property
    def fingerprint(self) -> str:
        """What decides its behaviour, for cache keys: the full version and where it lives."""
        return f"{self.sys_version}\n{self.root}\n{self.executable}\n"

    def __str__(self) -> str:
        return f"Python {self.name} ({self.origin})"


def minor_name(minor: Minor) -> str:
    return f"{minor[0]}.{minor[1]}"


def parse_release(text: str) -> Release:
    major, minor, micro = (int(part) for part in text.split("."))
    return major, minor, micro


@functools.cache
def supported_minors() -> tuple[Minor, ...]:
    """The minor versions the site supports, oldest first: pyproject.toml's classifiers, the one
    list every other place (tabs, captions, README, tests, hosting) follows."""
    import tomllib

    data = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found = []
    for classifier in data["project"]["classifiers"]:
        if match := re.fullmatch(r"Programming Language :: Python :: 3\.(\d+)", classifier):
            found.append((3, int(match.group(1))))
    return tuple(sorted(found))


# -- Where provisioned interpreters live -------------------------------------------------------


def pythons_dir() -> Path:
    """Root filesystems made by ``nox -s pythons``: outside the repository (a clone or a CI run
    reuses them) and where no snippet can write (runs see nothing of this folder but one
    interpreter's root, read-only)."""
    if configured := os.environ.get("HANDBOOK_PYTHONS_DIR"):
        return Path(configured).resolve()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "asyncio-task-handbook" / "pythons"


def debian_root() -> Path:
    return pythons_dir() / "debian-sid" / "root"


# -- Probing -------------------------------------------------------------------------------------

_PROBE = (
    "import sys, json, os, site, importlib.util as u; s = u.find_spec('sitecustomize'); "
    "print(json.dumps([list(sys.version_info[:3]), sys.version, sys.base_prefix, site.getsitepackages()[0], "
    "os.path.realpath(s.origin) if s and s.origin else '']))"
)


def _probe(executable: str, root: Path | None, origin: str) -> Interpreter | None:
    """Run the interpreter once to learn what it is; None when it does not start."""
    if root is None:
        argv = [executable, "-I", "-c", _PROBE]
    else:
        import sandbox

        argv = sandbox.probe_command(root, executable, _PROBE)
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    release, version, prefix, site_dir, sitecustomize = json.loads(done.stdout)
    return Interpreter(
        (release[0], release[1], release[2]),
        executable,
        root,
        prefix,
        version,
        origin,
        site_dir,
        sitecustomize,
    )


def _host_candidates(minor: Minor) -> dict[str, str]:
    """Executables of one minor version on this machine, by real path: pyenv's, then PATH's."""
    found: dict[str, str] = {}
    pyenv_root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    pattern = re.compile(rf"^{minor[0]}\.{minor[1]}\.\d+$")
    versions = pyenv_root / "versions"
    if versions.is_dir():
        for folder in sorted(versions.iterdir()):
            executable = folder / "bin" / f"python{minor_name(minor)}"
            if pattern.match(folder.name) and executable.is_file():
                found.setdefault(os.path.realpath(executable), "pyenv")
    on_path = shutil.which(f"python{minor_name(minor)}")
    if on_path and "shims" not in Path(on_path).parts:
        found.setdefault(os.path.realpath(on_path), "PATH")
    if sys.version_info[:2] == minor:
        found.setdefault(os.path.realpath(sys.executable), "the build's Python")
    return found


@functools.cache
def discover() -> tuple[Interpreter, ...]:
    """Every interpreter of a supported minor version found here, one per release, oldest
    first. A root filesystem's interpreter wins over a host one of the same release."""
    by_release: dict[Release, Interpreter] = {}
    root = debian_root()
    for minor in supported_minors():
        if (root / "usr" / "bin" / f"python{minor_name(minor)}").is_file():
            found = _probe(f"/usr/bin/python{minor_name(minor)}", root, "Debian sid")
            if found is not None:
                by_release[found.release] = found
        for executable, origin in _host_candidates(minor).items():
            found = _probe(executable, None, origin)
            if found is not None and found.minor == minor:
                by_release.setdefault(found.release, found)
    return tuple(sorted(by_release.values()))


def main_releases(found: tuple[Interpreter, ...] | None = None) -> dict[Minor, Interpreter]:
    """The newest release found of each supported minor version."""
    newest: dict[Minor, Interpreter] = {}
    for interpreter in found if found is not None else discover():
        newest[interpreter.minor] = interpreter  # sorted oldest first: the last one wins
    return newest


@functools.cache
def current() -> Interpreter:
    """The Python running this code (the build's), as an interpreter on this machine. A virtual
    environment's ``python`` is the same binary as its base: runs get no site-packages of it."""
    found = _probe(os.path.realpath(sys.executable), None, "the build's Python")
    if found is None:
        raise RuntimeError(f"{sys.executable} does not start in isolated mode")
    return found


def by_name(name: str) -> Interpreter:
    """``3.13``, ``3.13.18`` or a path: the interpreter meant (for command lines)."""
    if name in ("", "current", sys.executable):
        return current()
    candidates = discover()
    if re.fullmatch(r"3\.\d+", name):
        minor = parse_release(name + ".0")[:2]
        if minor in (mains := main_releases(candidates)):
            return mains[minor]
    for interpreter in candidates:
        if name in (interpreter.name, interpreter.executable):
            return interpreter
    if os.path.isfile(name):
        found = _probe(os.path.realpath(name), None, "given")
        if found is not None:
            return found
    known = ", ".join(str(i) for i in candidates) or "none"
    raise LookupError(f"no Python {name} here (found: {known}); `nox -s pythons` provisions them")


def missing_minors(found: tuple[Interpreter, ...] | None = None) -> list[Minor]:
    have = {i.minor for i in (found if found is not None else discover())}
    return [minor for minor in supported_minors() if minor not in have]


@functools.cache
def build() -> Interpreter:
    """The Python that verifies a build's snippets: the build's own, or the one
    HANDBOOK_BUILD_PYTHON names (``3.15``, ``3.13.18``: e.g. a provisioned Debian one)."""
    return by_name(os.environ.get("HANDBOOK_BUILD_PYTHON", ""))
