"""The kernel's walls around a snippet run: bubblewrap (``bwrap``, what Flatpak uses).

A snippet is untrusted code. In the sandbox a run sees, read-only, the interpreter's files and
nothing else of the machine (a root filesystem of its own, or just ``/usr`` and the
interpreter's prefix of this machine's); a writable, size-limited, private ``/home/reader``
that is its working directory and holds a copy of the snippet; private, size-limited ``/tmp``
and ``/dev/shm``; everything else read-only. It has its own user (uid 1000, no capabilities),
mount, PID, network (a loopback of its own and nothing else), IPC and UTS namespaces, so it
can neither read the build's environment or files nor write anything that outlives it, and
everything it starts dies with it.

The handbook's start-up hook and the snippets' libraries (the clock among them) reach the
interpreter as a reader's installed packages would: bound into its site-packages folder, with no
``PYTHONPATH``.

``HANDBOOK_SANDBOX``: ``auto`` (default: the sandbox where the kernel allows it, else one line
on stderr and the older containment: limits, allow-listed environment, process group),
``required`` (no sandbox is an error; CI sets it) or ``off``.

The fork server (``snippet_forkserver``) starts its worker in the same view, but as the
sandbox's root: each forked child then builds its own private view (``snippet_worker.py``
does the same steps with the kernel's calls) before it drops to uid 1000.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Literal

import snippet_packages
from interpreters import Interpreter

BOOTSTRAP_DIR = Path(__file__).resolve().parent / "snippet_bootstrap"
# What a run sees of the handbook: these files in the interpreter's site-packages folder.
BOOTSTRAP_FILES = ("sitecustomize.py", "handbook_trace.py")
PACKAGES_PTH = "handbook-packages.pth"
HOME = "/home/reader"  # the working directory and home of every sandboxed run
UID = GID = 1000
# Total bytes a run may store in each of its writable places (/home/reader, /tmp, /dev/shm).
WRITABLE_BYTES = 8 << 20

Mode = Literal["bwrap", "none"]


class SandboxUnavailable(RuntimeError):
    """HANDBOOK_SANDBOX=required, and this machine cannot give a run its own namespaces."""


@functools.cache
def why_unavailable() -> str | None:
    """None when bubblewrap can isolate a run here; else the reason, in a few words."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return "bubblewrap is not installed (Debian: apt-get install bubblewrap)"
    probe = [bwrap, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "--proc", "/proc", "true"]
    try:
        done = subprocess.run(probe, capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"bwrap does not start: {error}"
    if done.returncode != 0:
        return f"the kernel refuses new namespaces: {done.stderr.strip() or done.returncode}"
    return None


@functools.cache
def mode() -> Mode:
    wanted = os.environ.get("HANDBOOK_SANDBOX", "auto")
    if wanted == "off":
        return "none"
    reason = why_unavailable()
    if reason is None:
        return "bwrap"
    if wanted == "required":
        raise SandboxUnavailable(
            f"HANDBOOK_SANDBOX=required, but snippets cannot be sandboxed here: {reason}"
        )
    print(
        f"snippet runs are NOT sandboxed ({reason}); set HANDBOOK_SANDBOX=required to make this an error",
        file=sys.stderr,
    )
    return "none"


def _host_view(interpreter: Interpreter) -> list[str]:
    """This machine's interpreter: /usr (programs and libraries), the dynamic linker's cache,
    and the interpreter's prefix. Not /etc, /home, /root, /var, the repository or the cache."""
    args = ["--ro-bind", "/usr", "/usr"]
    for top in ("bin", "lib", "lib32", "lib64", "sbin"):
        path = Path("/", top)
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    if os.path.exists("/etc/ld.so.cache"):
        args += ["--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    if not interpreter.prefix.startswith("/usr/"):
        args += ["--ro-bind", interpreter.prefix, interpreter.prefix]
    return args


def view(interpreter: Interpreter) -> list[str]:
    """bwrap arguments for what every run of ``interpreter`` sees, read-only."""
    args = ["--ro-bind", str(interpreter.root), "/"] if interpreter.root else _host_view(interpreter)
    args += ["--proc", "/proc", "--dev", "/dev"]
    # The bootstrap, as installed packages: a fresh site-packages holding only them.
    site = interpreter.site_dir
    args += ["--size", "1048576", "--tmpfs", site]
    for name in BOOTSTRAP_FILES:
        args += ["--ro-bind", str(BOOTSTRAP_DIR / name), f"{site}/{name}"]
    # The pinned libraries (snippet_packages), found through a .pth file as a reader's would be.
    args += ["--ro-bind", str(BOOTSTRAP_DIR / PACKAGES_PTH), f"{site}/{PACKAGES_PTH}"]
    packages = snippet_packages.ensure_compiled(interpreter)
    args += ["--ro-bind", str(packages), f"{site}/{snippet_packages.SITE_NAME}"]
    if interpreter.sitecustomize and not interpreter.sitecustomize.startswith(site + "/"):
        # The interpreter has a sitecustomize of its own earlier on sys.path (Debian's, for
        # apport): ours takes its place, as the one a reader's site would import.
        args += ["--ro-bind", str(BOOTSTRAP_DIR / "sitecustomize.py"), interpreter.sitecustomize]
    return args


def _isolation() -> list[str]:
    return ["--unshare-all", "--die-with-parent", "--new-session", "--hostname", "reader"]


def _writable(path: str) -> list[str]:
    return ["--size", str(WRITABLE_BYTES), "--tmpfs", path]


# PID 1 of a fresh run, instead of bwrap's own init (see the file).
FRESH_INIT = Path(__file__).with_name("sandbox_init.py")
_FRESH_INIT_CODE = FRESH_INIT.read_text()


def fresh_command(interpreter: Interpreter, script_name: str, script_fd: int) -> list[str]:
    """``python name.py`` in a sandbox of its own; the snippet's bytes come from ``script_fd``.
    Its parent, the namespace's init, is sandbox_init.py, which the run cannot inspect."""
    bwrap = shutil.which("bwrap") or "bwrap"
    return [
        bwrap,
        *_isolation(),
        "--as-pid-1",
        "--uid",
        str(UID),
        "--gid",
        str(GID),
        "--cap-drop",
        "ALL",
        *view(interpreter),
        *_writable("/tmp"),
        *_writable("/dev/shm"),
        "--tmpfs",
        "/home",
        *_writable(HOME),
        "--perms",
        "0644",
        "--file",
        str(script_fd),
        f"{HOME}/{script_name}",
        *_read_only(interpreter, "/home"),
        "--chdir",
        HOME,
        *(interpreter.executable, "-I", "-S", "-c", _FRESH_INIT_CODE),
        interpreter.executable,
        script_name,
    ]


def _read_only(interpreter: Interpreter, *also: str) -> list[str]:
    """Once set up, every folder bwrap made is read-only but the run's own: its root (a
    tmpfs for this machine's interpreters), the site folder, /dev, and ``also``."""
    folders = ["/", interpreter.site_dir, "/dev", *also]
    return [arg for folder in folders for arg in ("--remount-ro", folder)]


WORKER_INSIDE = "/run/handbook/snippet_worker.py"


def worker_command(
    interpreter: Interpreter,
    worker: Path,
    control_fd: int,
    groups: list[Path] | None = None,
    preload: tuple[str, ...] = (),
) -> list[str]:
    """The fork server's worker, in the same view; it stays the sandbox's root so that each
    child can build its private view before dropping to uid 1000 (see snippet_worker.py).
    ``groups``: the worker's control groups (pids, memory), for a group per run inside;
    ``preload``: modules it imports before its first fork."""
    bwrap = shutil.which("bwrap") or "bwrap"
    binds = []
    for group in groups or []:
        binds += ["--bind", str(group), f"/run/cgroup/{group.parent.name}"]
    return [
        bwrap,
        *_isolation(),
        *view(interpreter),
        "--tmpfs",
        "/tmp",
        "--tmpfs",
        "/run",
        "--tmpfs",
        "/home",
        "--dir",
        HOME,  # the mount point of each child's private working folder
        "--ro-bind",
        str(worker),
        WORKER_INSIDE,
        *binds,
        *_read_only(interpreter, "/home", "/run", "/tmp"),
        "--chdir",
        "/",
        interpreter.executable,
        WORKER_INSIDE,
        str(control_fd),
        str(WRITABLE_BYTES),
        ",".join(preload),
    ]


def probe_command(
    root: Path, executable: str, code: str, writable: tuple[Path, str] | None = None
) -> list[str]:
    """Run a few lines of trusted Python inside a root filesystem (to learn what the
    interpreter is; to compile the snippet libraries with it: ``writable`` binds a folder of
    this machine's at a path inside)."""
    bwrap = shutil.which("bwrap") or "bwrap"
    binds = ["--bind", str(writable[0]), writable[1]] if writable else []
    return [
        bwrap,
        *_isolation(),
        "--ro-bind",
        str(root),
        "/",
        *binds,
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--tmpfs",
        "/tmp",
        executable,
        "-I",
        "-c",
        code,
    ]
