"""Client side of the pre-warmed snippet workers (the worker is ``snippet_worker.py``).

One worker per interpreter, sandbox and start-up environment (which includes the hash seed)
stays alive for the life of this process and forks a pristine child per run; runs may overlap.
:func:`launch` returns a handle shaped like ``subprocess.Popen`` (``pid``, ``wait(timeout)``)
plus ``kill()``, so the runner treats a forked run and a fresh interpreter alike: same limits,
same output pipe. A run's pid belongs to the worker's namespace, so killing goes through the
worker; a worker that stops answering is killed with its sandbox and replaced.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import json
import os
import signal
import socket
import subprocess
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

import cgroups
import sandbox
from interpreters import Interpreter

WORKER = Path(__file__).resolve().parent / "snippet_worker.py"

# Variables a worker cannot know at start-up: the child sets them for its own run. Every other
# variable is read by the interpreter while starting, so it is part of the worker's identity.
PER_RUN_ENV = ("HOME", "PWD", "TMPDIR", "HANDBOOK_STATS", "HANDBOOK_TRACE", "HANDBOOK_CLOCK")


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
        self.status: Future[tuple[int, float, str]] = Future()


class _Worker:
    """A worker process and a thread that hands its replies to the runs waiting for them."""

    def __init__(
        self, interpreter: Interpreter, env: dict[str, str], sandboxed: bool, preload: tuple[str, ...]
    ) -> None:
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (kept for the worker's life; already unlinked)
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        # The worker and all its runs count together against one control group (cgroups.py):
        # a fork bomb in one run stops there, never at the machine's limit.
        self.group = (
            cgroups.Group(pids=WORKER_PROCESSES, memory_bytes=WORKER_MEMORY) if cgroups.available() else None
        )

        def before_exec() -> None:
            if self.group is not None:
                self.group.join()
            reset_signals()  # the children inherit the worker's signal state

        if sandboxed:
            groups = self.group.paths if self.group is not None else None
            argv = sandbox.worker_command(interpreter, WORKER, theirs.fileno(), groups, preload)
        else:
            argv = [interpreter.executable, str(WORKER), str(theirs.fileno()), "-", ",".join(preload)]
        with theirs:
            # Started from a thread that lives as long as this process: bwrap's
            # --die-with-parent kills the worker when the *thread* that started it ends.
            self.process = (
                _spawner()
                .submit(
                    subprocess.Popen,
                    argv,
                    pass_fds=[theirs.fileno()],
                    env=env,
                    cwd="/",
                    stdin=subprocess.DEVNULL,
                    stdout=self.log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                    preexec_fn=before_exec,
                )
                .result()
            )
        self.control = ours
        self.send_lock = threading.Lock()
        self.runs: dict[int, _Run] = {}
        self.ids = itertools.count()
        self.alive = True
        threading.Thread(target=self._hand_out_replies, daemon=True).start()

    def start(self, request: dict[str, object], fds: list[int]) -> tuple[int, _Run]:
        run_id = next(self.ids)
        run = self.runs[run_id] = _Run()
        with self.send_lock:
            socket.send_fds(self.control, [json.dumps({**request, "id": run_id}).encode()], fds)
        return run_id, run

    def kill_run(self, run_id: int) -> None:
        with contextlib.suppress(OSError), self.send_lock:
            self.control.send(json.dumps({"kill": run_id}).encode())

    def _hand_out_replies(self) -> None:
        why = "snippet worker stopped"
        while True:
            try:
                reply = self.control.recv(128)
            except OSError as error:
                why = f"snippet worker's channel failed ({error})"
                break
            if not reply:
                break
            try:
                run_id, kind, value, *cpu = reply.split()
                run = self.runs[int(run_id)]
                if kind == b"pid":
                    run.pid.set_result(int(value))
                else:
                    del self.runs[int(run_id)]
                    limit = cpu[1].decode() if len(cpu) > 1 else "-"
                    run.status.set_result((int(value), float(cpu[0]), limit))
            except (ValueError, KeyError, IndexError):
                why = f"snippet worker sent {reply[:60]!r}, which is not its protocol"
                break
        if self.alive:
            self.fail(why)

    def fail(self, why: str) -> None:
        """The worker is gone or broken: kill it (with its sandbox) and fail its waiting runs."""
        self.alive = False
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=0.2)  # how it ended, if it did
        status = self.process.poll()
        if status is None:  # once reaped, its number may already be another process's
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        if self.group is not None:
            self.group.close()
        try:
            self.log.seek(0)
            log = self.log.read().decode(errors="replace") or "(empty)"
        except (OSError, ValueError):
            log = "(no log)"
        crashed = WorkerCrashed(f"{why} (exit status {status}); its log:\n{log}")
        for run in list(self.runs.values()):
            for future in (run.pid, run.status):
                if not future.done():
                    with contextlib.suppress(Exception):
                        future.set_exception(crashed)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.control.shutdown(socket.SHUT_RDWR)  # the worker sees the end and exits
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)  # with its sandbox and all in it
        self.process.wait()
        if self.group is not None:
            self.group.close()
        self.control.close()
        self.log.close()


class ForkedRun:
    """One snippet run in a child of a worker, with the interface of ``subprocess.Popen``."""

    def __init__(self, worker: _Worker, run_id: int, run: _Run, pid: int) -> None:
        self._worker = worker
        self._id = run_id
        self._run = run
        self.pid = pid  # in the worker's namespace: only the worker can use it
        self.cpu_seconds: float | None = None  # the run's CPU time (child and worker), once it ended
        self.limit_hit = "-"  # "processes" or "memory": a limit of its control group it ran into

    def wait(self, timeout: float | None = None) -> int:
        try:
            status, self.cpu_seconds, self.limit_hit = self._run.status.result(timeout)
        except FutureTimeout:
            raise subprocess.TimeoutExpired(["snippet"], timeout or 0) from None
        return os.waitstatus_to_exitcode(status)

    def kill(self) -> None:
        """Kill the run and all it started. A worker that no longer answers (stopped, say)
        is killed instead, and the next run gets a new one."""
        if self._run.status.done():
            return
        self._worker.kill_run(self._id)
        try:
            self._run.status.result(KILL_GRACE_S)
        except FutureTimeout:
            self._worker.fail("snippet worker did not answer a kill request")
        except Exception:
            pass


# Limits for a worker and all its runs together (one run alone has the runner's per-process limits).
WORKER_PROCESSES = 512
WORKER_MEMORY = 4 << 30

# How long a worker may take to fork a run or confirm a kill before it counts as broken.
START_DEADLINE_S = 30.0
KILL_GRACE_S = 5.0

_workers: dict[tuple[object, ...], _Worker] = {}
_workers_lock = threading.Lock()
_spawner_pool: ThreadPoolExecutor | None = None
_spawner_lock = threading.Lock()


def _spawner() -> ThreadPoolExecutor:
    global _spawner_pool
    with _spawner_lock:
        if _spawner_pool is None:
            _spawner_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="worker-spawner")
        return _spawner_pool


def _forget_parent_workers() -> None:
    """In a forked copy of this process (Sphinx's parallel reading), the parent's workers
    answer the parent only, and their reply threads do not exist: start afresh."""
    global _workers, _workers_lock, _spawner_pool, _spawner_lock
    _workers, _workers_lock, _spawner_pool, _spawner_lock = {}, threading.Lock(), None, threading.Lock()


os.register_at_fork(after_in_child=_forget_parent_workers)


def _worker_for(
    interpreter: Interpreter, env: dict[str, str], sandboxed: bool, preload: tuple[str, ...]
) -> _Worker:
    """The worker for this interpreter, sandbox, start-up environment and preloaded modules,
    started when needed."""
    startup = tuple(sorted((k, v) for k, v in env.items() if k not in PER_RUN_ENV))
    key = (interpreter, sandboxed, startup, preload)
    with _workers_lock:
        worker = _workers.get(key)
        if worker is None or not worker.alive or worker.process.poll() is not None:
            if worker is not None:
                worker.fail("snippet worker replaced")
            worker = _workers[key] = _Worker(interpreter, dict(startup), sandboxed, preload)
        return worker


def launch(
    interpreter: Interpreter,
    script: str,
    workdir: str,
    env: dict[str, str],
    limits: dict[str, tuple[int, int]],
    fds: list[int],
    fd_env: list[str],
    sandboxed: bool,
    group_limits: dict[str, int] | None = None,
    preload: tuple[str, ...] = (),
) -> ForkedRun:
    """Run ``script`` (a file name; the file itself is ``fds[1]``) in a fresh child of a
    pre-warmed worker, working in ``workdir`` (as the child sees it) and writing stdout and
    stderr to ``fds[0]``. The other descriptors are files the bootstrap writes to: ``fd_env``
    names the variable that tells it each one's path. ``limits`` maps ``resource.RLIMIT_*``
    names to (soft, hard) values. ``preload``: modules the worker has imported before forking
    (a worker of its own for each such set)."""
    request: dict[str, object] = {
        "script": script,
        "workdir": workdir,
        "env": {k: v for k, v in env.items() if k in PER_RUN_ENV},
        "fd_env": fd_env,
        "limits": limits,
        "group_limits": group_limits,  # for the run's own control group, where there is one
    }
    worker = _worker_for(interpreter, env, sandboxed, preload)
    run_id, run = worker.start(request, fds)
    try:
        pid = run.pid.result(timeout=START_DEADLINE_S)
    except FutureTimeout:
        worker.fail(f"snippet worker did not start a run within {START_DEADLINE_S:g} s")
        raise WorkerCrashed("snippet worker did not start the run") from None
    return ForkedRun(worker, run_id, run, pid)


def close_all(*, kill: bool = False) -> None:
    """Close every worker of this process (``kill``: at once, with all their runs)."""
    for worker in list(_workers.values()):
        if kill:
            worker.fail("the build was cancelled")
        else:
            worker.close()


@atexit.register
def _close_workers() -> None:
    close_all()
