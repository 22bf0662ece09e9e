"""Client side of the pre-warmed snippet workers (the worker is ``snippet_worker.py``).

One worker per interpreter and start-up environment (which includes the hash seed) stays
alive for the life of this process and forks a pristine child per run. :func:`launch`
returns a handle shaped like ``subprocess.Popen`` (``pid``, ``wait(timeout)``), so the runner
treats a forked run and a fresh interpreter the same way: same limits, same output pipe,
same process-group kill.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
from pathlib import Path

WORKER = Path(__file__).resolve().parent / "snippet_worker.py"

# Variables a worker cannot know at start-up: the child sets them for its own run. Every other
# variable is read by the interpreter while starting, so it is part of the worker's identity.
PER_RUN_ENV = ("HOME", "TMPDIR", "HANDBOOK_STATS", "HANDBOOK_TRACE", "HANDBOOK_CLOCK")


class WorkerCrashed(RuntimeError):
    """The worker process itself died (not the snippet): its log says why."""


class _Worker:
    def __init__(self, python: str, env: dict[str, str]) -> None:
        self.home = Path(tempfile.mkdtemp(prefix="snippet-worker-"))
        self.log = self.home / "worker.log"
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        startup_env = {**env, "HOME": str(self.home), "TMPDIR": str(self.home)}
        with theirs, open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [python, str(WORKER), str(theirs.fileno())],
                pass_fds=[theirs.fileno()],
                env=startup_env,
                cwd=self.home,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.control = ours
        self.lock = threading.Lock()  # one run at a time per worker

    def receive(self, timeout: float | None) -> int:
        self.control.settimeout(timeout)
        try:
            reply = self.control.recv(64)
        except TimeoutError:
            raise
        except OSError:
            reply = b""
        if not reply:
            raise WorkerCrashed(f"snippet worker stopped; its log:\n{self.log.read_text(errors='replace')}")
        return int(reply)

    def close(self) -> None:
        self.control.close()  # the worker sees the end of the stream and exits
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.home, ignore_errors=True)


class ForkedRun:
    """One snippet run in a child of a worker, with the interface of ``subprocess.Popen``."""

    def __init__(self, worker: _Worker, pid: int) -> None:
        self._worker = worker
        self.pid = pid
        self.returncode: int | None = None

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            try:
                status = self._worker.receive(timeout)
            except TimeoutError:
                raise subprocess.TimeoutExpired(["snippet"], timeout or 0) from None
            self.returncode = os.waitstatus_to_exitcode(status)
            self._worker.lock.release()
        return self.returncode


_workers: dict[tuple[str, tuple[tuple[str, str], ...]], list[_Worker]] = {}
_workers_pid = os.getpid()
_workers_lock = threading.Lock()


def _acquire_worker(python: str, env: dict[str, str]) -> _Worker:
    """An idle worker for this interpreter and start-up environment, reserved for one run;
    another worker starts when all are busy (concurrent runs each need their own)."""
    global _workers, _workers_pid
    key = (python, tuple(sorted((k, v) for k, v in env.items() if k not in PER_RUN_ENV)))
    with _workers_lock:
        if _workers_pid != os.getpid():
            # A forked copy of this process (Sphinx's parallel reading): the parent's workers
            # answer the parent only, so this process starts its own.
            _workers, _workers_pid = {}, os.getpid()
        pool = _workers.setdefault(key, [])
        pool[:] = [worker for worker in pool if worker.process.poll() is None]  # drop dead ones
        for worker in pool:
            if worker.lock.acquire(blocking=False):
                return worker
        worker = _Worker(python, dict(key[1]))
        worker.lock.acquire()
        pool.append(worker)
        return worker


def launch(
    python: str, script: Path, env: dict[str, str], limits: dict[str, tuple[int, int]], output_fd: int
) -> ForkedRun:
    """Run ``script`` (inside its working directory) in a fresh child of a pre-warmed worker,
    writing stdout and stderr to ``output_fd``. ``limits`` maps ``resource.RLIMIT_*`` names
    to (soft, hard) values."""
    worker = _acquire_worker(python, env)
    request = {
        "script": script.name,
        "workdir": str(script.parent),
        "env": {k: v for k, v in env.items() if k in PER_RUN_ENV},
        "limits": limits,
    }
    try:
        socket.send_fds(worker.control, [json.dumps(request).encode()], [output_fd])
        pid = worker.receive(timeout=30)
    except BaseException:
        worker.lock.release()
        raise
    return ForkedRun(worker, pid)


@atexit.register
def _close_workers() -> None:
    if _workers_pid == os.getpid():
        for pool in _workers.values():
            for worker in pool:
                worker.close()
