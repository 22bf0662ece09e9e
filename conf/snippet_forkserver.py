"""Client side of the pre-warmed snippet workers (the worker is ``snippet_worker.py``).

One worker per interpreter and start-up environment (which includes the hash seed) stays
alive for the life of this process and forks a pristine child per run; runs may overlap. :func:`launch`
returns a handle shaped like ``subprocess.Popen`` (``pid``, ``wait(timeout)``), so the runner
treats a forked run and a fresh interpreter the same way: same limits, same output pipe,
same process-group kill.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

WORKER = Path(__file__).resolve().parent / "snippet_worker.py"

# Variables a worker cannot know at start-up: the child sets them for its own run. Every other
# variable is read by the interpreter while starting, so it is part of the worker's identity.
PER_RUN_ENV = ("HOME", "TMPDIR", "HANDBOOK_STATS", "HANDBOOK_TRACE", "HANDBOOK_CLOCK")


def reset_signals() -> None:
    """Between fork and exec: the signal state of a program started from a terminal.

    A build started in the background (``nox -s docs &``) ignores SIGINT and SIGQUIT, and the
    interpreter then keeps ignoring them: Ctrl-C examples would print something else.
    """
    for number in signal.valid_signals():
        with contextlib.suppress(OSError, ValueError):  # SIGKILL and SIGSTOP cannot be set
            if signal.getsignal(number) == signal.SIG_IGN:
                signal.signal(number, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, [])


class WorkerCrashed(RuntimeError):
    """The worker process itself died (not the snippet): its log says why."""


class _Run:
    """One request's replies: the child's pid, then its wait status and CPU seconds."""

    def __init__(self) -> None:
        self.pid: Future[int] = Future()
        self.status: Future[tuple[int, float]] = Future()


class _Worker:
    """A worker process and a thread that hands its replies to the runs waiting for them."""

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
                preexec_fn=reset_signals,  # the children inherit the worker's signal state
            )
        self.control = ours
        self.send_lock = threading.Lock()
        self.runs: dict[int, _Run] = {}
        self.ids = itertools.count()
        self.alive = True
        threading.Thread(target=self._hand_out_replies, daemon=True).start()

    def start(self, request: dict[str, object], output_fd: int) -> _Run:
        run_id = next(self.ids)
        run = self.runs[run_id] = _Run()
        with self.send_lock:
            socket.send_fds(self.control, [json.dumps({**request, "id": run_id}).encode()], [output_fd])
        return run

    def _hand_out_replies(self) -> None:
        while True:
            try:
                reply = self.control.recv(128)
            except OSError:
                reply = b""
            if not reply:
                break
            run_id, kind, value, *cpu = reply.split()
            run = self.runs[int(run_id)]
            if kind == b"pid":
                run.pid.set_result(int(value))
            else:
                del self.runs[int(run_id)]
                run.status.set_result((int(value), float(cpu[0])))
        self.alive = False
        if not self.runs:
            return  # closed with nothing running
        try:
            log = self.log.read_text(errors="replace")
        except OSError:
            log = "(no log)"
        crashed = WorkerCrashed(f"snippet worker stopped; its log:\n{log}")
        for run in self.runs.values():
            for future in (run.pid, run.status):
                if not future.done():
                    future.set_exception(crashed)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.control.shutdown(socket.SHUT_RDWR)  # the worker sees the end and exits
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.control.close()
        shutil.rmtree(self.home, ignore_errors=True)


class ForkedRun:
    """One snippet run in a child of a worker, with the interface of ``subprocess.Popen``."""

    def __init__(self, run: _Run, pid: int) -> None:
        self._run = run
        self.pid = pid
        self.cpu_seconds: float | None = None  # the run's CPU time (child and worker), once it ended

    def wait(self, timeout: float | None = None) -> int:
        try:
            status, self.cpu_seconds = self._run.status.result(timeout)
        except FutureTimeout:
            raise subprocess.TimeoutExpired(["snippet"], timeout or 0) from None
        return os.waitstatus_to_exitcode(status)


_workers: dict[tuple[str, tuple[tuple[str, str], ...]], _Worker] = {}
_workers_lock = threading.Lock()


def _forget_parent_workers() -> None:
    """In a forked copy of this process (Sphinx's parallel reading), the parent's workers
    answer the parent only, and their reply threads do not exist: start afresh."""
    global _workers, _workers_lock
    _workers, _workers_lock = {}, threading.Lock()


os.register_at_fork(after_in_child=_forget_parent_workers)


def _worker_for(python: str, env: dict[str, str]) -> _Worker:
    """The worker for this interpreter and start-up environment, started when needed."""
    key = (python, tuple(sorted((k, v) for k, v in env.items() if k not in PER_RUN_ENV)))
    with _workers_lock:
        worker = _workers.get(key)
        if worker is None or not worker.alive or worker.process.poll() is not None:
            worker = _workers[key] = _Worker(python, dict(key[1]))
        return worker


def launch(
    python: str, script: Path, env: dict[str, str], limits: dict[str, tuple[int, int]], output_fd: int
) -> ForkedRun:
    """Run ``script`` (inside its working directory) in a fresh child of a pre-warmed worker,
    writing stdout and stderr to ``output_fd``. ``limits`` maps ``resource.RLIMIT_*`` names
    to (soft, hard) values."""
    request: dict[str, object] = {
        "script": script.name,
        "workdir": str(script.parent),
        "env": {k: v for k, v in env.items() if k in PER_RUN_ENV},
        "limits": limits,
    }
    run = _worker_for(python, env).start(request, output_fd)
    return ForkedRun(run, run.pid.result(timeout=30))


@atexit.register
def _close_workers() -> None:
    for worker in _workers.values():
        worker.close()
