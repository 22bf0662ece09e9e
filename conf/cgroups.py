"""Limits for a run as a whole: every process it starts counts (kernel control groups).

A process's resource limits (``setrlimit``) count per process, and the count of processes
does not hold at all for the sandbox's user, which is the host's root. A control group does:
``pids.max`` caps the processes of the whole run (a fork bomb stops there), and the memory
controller caps the memory of all of them together. It also gives a way to kill everything a
run started, whatever it did to leave its process group.

Used where the build may create groups (root, cgroup v1 controllers mounted writable, as on
the machines here); elsewhere :func:`available` is False and runs keep the per-process limits.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import time
import uuid
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
CONTROLLERS = ("pids", "memory")


@functools.cache
def available() -> bool:
    """Whether this process can make groups under both controllers."""
    for controller in CONTROLLERS:
        probe = ROOT / controller / f"handbook-probe-{os.getpid()}"
        try:
            probe.mkdir()
            probe.rmdir()
        except OSError:
            return False
    return True


# Groups this process made and has not removed: a cancelled build removes them (close_all).
_live: set[Group] = set()


_closing = False


def close_all(*, final: bool = False) -> None:
    """Kill every process in this process's groups and remove the groups (``final``: and
    make no more, as the process is about to end)."""
    global _closing
    _closing = _closing or final
    for group in list(_live):
        group.close()


def remove_owned_by(pid: int) -> None:
    """Kill and remove the groups that a process which is gone made (their names say whose)."""
    if available():
        for controller in CONTROLLERS:
            for path in (ROOT / controller).glob(f"handbook-{pid}-*"):
                _remove(path)


class Group:
    """One control group per controller, made for one run (or one worker and its runs)."""

    def __init__(self, *, pids: int, memory_bytes: int) -> None:
        if _closing:
            raise RuntimeError("this process is ending: no new control group")
        name = f"handbook-{os.getpid()}-{uuid.uuid4().hex[:8]}"  # whose it is, for clean-up checks
        self.paths = [ROOT / controller / name for controller in CONTROLLERS]
        for path in self.paths:
            path.mkdir()
        _live.add(self)
        (self.paths[0] / "pids.max").write_text(str(pids))
        (self.paths[1] / "memory.limit_in_bytes").write_text(str(memory_bytes))
        with contextlib.suppress(OSError):  # no swap accounting on some kernels
            (self.paths[1] / "memory.memsw.limit_in_bytes").write_text(str(memory_bytes))

    def join(self) -> None:
        """Put the calling process in the group (between fork and exec: all it starts follows)."""
        for path in self.paths:
            with open(path / "cgroup.procs", "w") as procs:
                procs.write(str(os.getpid()))

    def pids_maxed(self) -> bool:
        """Whether the run tried to start more processes than allowed."""
        try:
            events = (self.paths[0] / "pids.events").read_text()
        except OSError:
            return False
        counts = dict(line.split() for line in events.splitlines() if line.strip())
        return int(counts.get("max", "0")) > 0

    def memory_maxed(self) -> bool:
        try:
            return int((self.paths[1] / "memory.failcnt").read_text()) > 0
        except (OSError, ValueError):
            return False

    def close(self) -> None:
        """Kill whatever is left in the group and the groups inside it (a forked run's), then
        remove them all."""
        for path in self.paths:
            _remove(path)
        _live.discard(self)


def _members(path: Path) -> list[int]:
    try:
        return [int(line) for line in (path / "cgroup.procs").read_text().split()]
    except (OSError, ValueError):
        return []


def _remove(path: Path) -> None:
    """Kill every process in a group and its subgroups, then remove them, deepest first. A
    group whose processes are still dying cannot be removed yet: try for up to a second."""
    try:
        inner = [p for p in path.iterdir() if p.is_dir()]
    except OSError:
        return  # already removed (another cleanup got there first)
    for group in inner:
        _remove(group)
    for _ in range(100):
        for pid in _members(path):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        try:
            path.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:
            time.sleep(0.01)
