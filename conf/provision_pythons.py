"""Provision the Pythons the handbook verifies its snippets on (``nox -s pythons``).

pyenv's versions are used where present (``interpreters.py`` finds them). The releases no
machine here can build or download come from Debian's archive, through the apt mirror this
machine already uses: suite ``sid`` bootstrapped into a root filesystem of its own (its
interpreters need a newer C library than the machine's, so they only run inside it, through
bubblewrap). Idempotent: a finished root filesystem is reused (it is marked finished only at
the end), so later runs and later clones cost nothing. ``--refresh`` makes a new one (Debian
moved to new patch releases).

Needs root and Debian's apt (for debootstrap and bubblewrap); elsewhere it says what to do.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import interpreters

# Debian sid carries these minor versions side by side (python3.13, python3.14, python3.15).
DEBIAN_MINORS_FROM = (3, 13)
DEFAULT_MIRROR = "http://deb.debian.org/debian"
FINISHED = "handbook-root-finished"


def apt_mirror() -> str:
    """The Debian mirror apt already uses here (the only archive this machine may reach)."""
    for path in [Path("/etc/apt/sources.list"), *sorted(Path("/etc/apt/sources.list.d").glob("*"))]:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        if path.suffix == ".sources":
            match = re.search(r"^URIs:\s*(\S+/debian)/?\s*$", text, re.MULTILINE)
        elif path.suffix == ".list" or path.name == "sources.list":
            match = re.search(r"^deb\s+(?:\[[^\]]*\]\s+)?(\S+/debian)/?\s", text, re.MULTILINE)
        else:
            continue
        if match:
            return match.group(1)
    return DEFAULT_MIRROR


def wanted_minors() -> list[tuple[int, int]]:
    return [minor for minor in interpreters.supported_minors() if minor >= DEBIAN_MINORS_FROM]


def is_finished(root: Path) -> bool:
    return (root / FINISHED).is_file() and all(
        (root / "usr" / "bin" / f"python{interpreters.minor_name(m)}").is_file() for m in wanted_minors()
    )


def why_not_here() -> str | None:
    if not Path("/etc/debian_version").is_file() or shutil.which("apt-get") is None:
        return (
            "this is not a Debian machine, so Debian's archive cannot be bootstrapped here; install "
            "the missing Pythons yourself (python3.X on PATH, or with pyenv) and the tests find them"
        )
    if os.geteuid() != 0:
        return "debootstrap needs root: run `sudo nox -s pythons` (or as root)"
    return None


def apt_install(*packages: str) -> None:
    missing = [p for p in packages if shutil.which({"bubblewrap": "bwrap"}.get(p, p)) is None]
    if not missing:
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "-q", "update"], check=True, env=env, stdin=subprocess.DEVNULL)
    subprocess.run(
        ["apt-get", "-q", "install", "-y", "--no-install-recommends", *missing],
        check=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def bootstrap(root: Path) -> None:
    """debootstrap sid into a new folder beside ``root``, then move it into place."""
    root.parent.mkdir(parents=True, exist_ok=True)
    packages = ",".join(f"python{interpreters.minor_name(m)}" for m in wanted_minors())
    mirror = apt_mirror()
    building = Path(tempfile.mkdtemp(prefix="root-", dir=root.parent))
    print(f"bootstrapping Debian sid with {packages} from {mirror} into {root} (about a minute)")
    script = Path("/usr/share/debootstrap/scripts/sid")
    command = ["debootstrap", "--variant=minbase", f"--include={packages}", "sid", str(building), mirror]
    if script.is_file():
        command.append(str(script))
    try:
        subprocess.run(command, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        (building / FINISHED).write_text(packages + "\n", encoding="utf-8")
        if root.exists():
            shutil.rmtree(root)
        building.rename(root)
    finally:
        shutil.rmtree(building, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--refresh", action="store_true", help="bootstrap a new root filesystem")
    args = parser.parse_args(argv)
    root = interpreters.debian_root()
    if wanted_minors() and (args.refresh or not is_finished(root)):
        if reason := why_not_here():
            print(f"cannot provision Python from Debian: {reason}", file=sys.stderr)
            return 2
        apt_install("debootstrap", "bubblewrap")
        bootstrap(root)
    else:
        print(f"Debian root filesystem ready: {root}")
        if why_not_here() is None:
            apt_install("bubblewrap")  # the sandbox every run goes through (already there: nothing)
    found = interpreters.discover()
    for interpreter in found:
        print(f"found {interpreter}")
    if missing := interpreters.missing_minors(found):
        names = ", ".join(interpreters.minor_name(m) for m in missing)
        print(f"still missing: Python {names} (pyenv install, or python3.X on PATH)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
