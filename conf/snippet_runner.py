"""The one place that decides how a snippet runs, what its output is, and whether it is right.

The Sphinx build (``exec_snippet``), the test suite and the command line below all call
:func:`verify_snippet` or :func:`run_snippet`, so a page and its test cannot disagree.

A run is contained: in a bubblewrap sandbox (``sandbox.py``) where the kernel allows one, with
a fresh working folder, an allow-listed environment (nothing from the build's own environment
leaks in), limits on real time, CPU time, memory, processes, written files and output size
(``cgroups.py`` for the run as a whole), and nothing it starts survives it. Which Pythons it
runs on is ``interpreters.py``'s business; the virtual clock is installed by
``snippet_bootstrap/sitecustomize.py``.

Command line (run from the repository root)::

    python conf/snippet_runner.py snippets/coroutines_and_tasks      # check on every Python found
    python conf/snippet_runner.py --update snippets/                  # rewrite expected outputs
    python conf/snippet_runner.py --python 3.14 snippets/taskgroup    # one Python
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import dataclasses
import difflib
import errno
import fcntl
import functools
import hashlib
import json
import multiprocessing.util
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import cgroups
import interpreters
import sandbox
import snippet_forkserver
import snippet_output
import snippet_packages
from interpreters import Interpreter
from snippet_output import normalise

REPO_ROOT = Path(__file__).resolve().parent.parent
SNIPPETS_DIR = REPO_ROOT / "snippets"
BOOTSTRAP_DIR = Path(__file__).resolve().parent / "snippet_bootstrap"

Clock = Literal["virtual", "real"]

# "forked": a child of a pre-warmed worker (snippet_forkserver.py), a few milliseconds a run;
# "fresh": a new interpreter per run, exactly ``python name.py``, over 100 ms a run. The tests
# check every snippet both ways; HANDBOOK_RUNNER=fresh makes fresh the default.
Runner = Literal["fresh", "forked"]


def default_runner() -> Runner:
    return "fresh" if os.environ.get("HANDBOOK_RUNNER") == "fresh" else "forked"


# Hash seeds of the two runs that check determinism: output that depends on set or dict
# ordering of strings differs between them, as it would between a reader's runs.
DETERMINISM_SEEDS = ("1", "2")

# Printed values a reader could never reproduce. Each pattern names what it catches.
NONDETERMINISTIC_PATTERNS = {
    "a memory address": re.compile(r"\b0x[0-9a-fA-F]{6,}\b"),
    "a wall-clock time": re.compile(r"\b\d{1,2}:\d{2}:\d{2}\b"),
    "a calendar date": re.compile(r"\b(19|20)\d{2}-\d{2}-\d{2}\b"),
}

# Environment variables a snippet may see: the allow-list. Everything else, including CI
# tokens and credentials in the build's environment, stays out of reach.
ALLOWED_ENV = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC", "PATH": os.defpath}


# Every run creates and removes its own folders, several hundred times a build. In memory
# (tmpfs) that costs a fraction of what a disk's journal does; elsewhere, the usual temp folder.
RUN_DIRS_IN = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
_runs_parent: str | None = None
_runs_parent_lock = threading.Lock()


def _run_dirs() -> str:
    """This process's folder for its runs' folders: one place to remove if it is cancelled."""
    global _runs_parent
    with _runs_parent_lock:
        if _runs_parent is None:
            _runs_parent = tempfile.mkdtemp(prefix=f"handbook-runs-{os.getpid()}-", dir=RUN_DIRS_IN)
            atexit.register(close_everything)
            # A forked copy of a process (Sphinx's parallel readers) ends with os._exit and
            # runs no atexit hook, but multiprocessing runs its finalizers first.
            multiprocessing.util.Finalize(None, close_everything, exitpriority=100)
        return _runs_parent


def _forget_runs_parent() -> None:
    global _runs_parent, _runs_parent_lock
    _runs_parent, _runs_parent_lock = None, threading.Lock()


os.register_at_fork(after_in_child=_forget_runs_parent)  # a forked copy makes its own


def close_everything() -> None:
    """At the end of a process that ran snippets: its workers closed, its folders and control
    groups removed (atexit does the same, where the process runs its atexit hooks)."""
    global _runs_parent
    snippet_forkserver.close_all()
    cgroups.close_all()
    if _runs_parent is not None:
        shutil.rmtree(_runs_parent, ignore_errors=True)
        _runs_parent = None


def remove_leftovers_of(pid: int) -> None:
    """After a process that ran snippets was killed outright, so that it could not clean up:
    kill what its runs left running and remove their groups and folders (named by its pid)."""
    cgroups.remove_owned_by(pid)
    for folder in Path(RUN_DIRS_IN or tempfile.gettempdir()).glob(f"handbook-runs-{pid}-*"):
        shutil.rmtree(folder, ignore_errors=True)


def end_everything(signum: int, frame: object = None) -> None:
    """A cancelled build (SIGTERM, SIGINT, SIGHUP): kill every run this process started, with
    all they started, remove their folders, and exit at once (no thread waits for a run)."""
    del frame
    # Twice: a thread that was starting a run while the first pass went may have made one more.
    for _ in range(2):
        cgroups.close_all(final=True)  # kills every process in the runs' groups
        snippet_forkserver.close_all(kill=True)
        if _runs_parent is not None:
            shutil.rmtree(_runs_parent, ignore_errors=True)
        time.sleep(0.05)
    os._exit(128 + signum)


@dataclass(frozen=True)
class Limits:
    """Resource limits for one snippet run. Every limit stops the snippet with a clear error."""

    timeout_s: float = 10.0
    cpu_s: int = 10
    memory_bytes: int = 1 << 30
    output_bytes: int = 64 * 1024
    file_bytes: int = 1 << 20
    # For the run as a whole, where control groups can be made (cgroups.py): its processes
    # and threads together, and the memory of all of them.
    processes: int = 128


@dataclass(frozen=True)
class RunResult:
    """What one run printed (normalised), how long its event loops waited, and, when asked
    for, the trace of its tasks (events from snippet_bootstrap/handbook_trace.py)."""

    output: str
    loop_seconds: float
    trace: list[dict[str, Any]] | None = None


class SnippetError(Exception):
    """A snippet cannot be shown: the message names the snippet file and says why."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        where = f"{display_path(path)}:{line}" if line else display_path(path)
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class SnippetFailed(SnippetError):
    """The snippet exited with an error (an uncaught exception, a non-zero exit)."""


class SnippetTimeout(SnippetError):
    """The snippet ran longer than the real-time limit (it hangs)."""


class SnippetLimitExceeded(SnippetError):
    """The snippet used more CPU time, memory, file space or output than allowed."""


class NondeterministicOutput(SnippetError):
    """The snippet prints something a reader could not reproduce."""


class OutputMismatch(SnippetError):
    """The snippet's real output differs from its expected-output file."""


class MissingExpectedOutput(SnippetError):
    """The snippet has no expected-output file yet."""


def display_path(path: Path) -> str:
    """The path as a maintainer would type it: relative to the repository when inside it."""
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


# -- Expected outputs ------------------------------------------------------------------------
# ``name.py`` has ``name.out``: what the newest supported Python prints. ``name.py312.out``
# overrides it for Python 3.12 (its newest release here), ``name.py3.13.0.out`` for the one
# release 3.13.0, where an older patch release of a minor version prints something else.
# Lookup: the release's file, else its minor version's, else the base.

# The releases whose outputs the expected files record, written by ``--update``: the newest of
# each minor version is that version's tab; older ones are shown where they differ.
RELEASES_FILE = SNIPPETS_DIR / "verified-releases.json"


def expected_base_path(snippet: Path) -> Path:
    return snippet.with_suffix(".out")


def expected_override_path(snippet: Path, version: tuple[int, ...]) -> Path:
    """``name.py312.out`` for a minor version; ``name.py3.13.0.out`` for one release."""
    if len(version) == 2:
        return snippet.with_suffix(f".py{version[0]}{version[1]}.out")
    return snippet.with_name(f"{snippet.stem}.py{'.'.join(map(str, version))}.out")


def expected_path(snippet: Path, version: tuple[int, ...]) -> Path:
    """The expected-output file that applies to ``version`` (a release or a minor version)."""
    for candidate in (version, version[:2]) if len(version) == 3 else (version,):
        override = expected_override_path(snippet, candidate)
        if override.exists():
            return override
    return expected_base_path(snippet)


def expected_files(snippet: Path) -> list[Path]:
    """Every expected-output file of a snippet (base and overrides) that exists."""
    # One directory listing, not a glob per pattern: a build asks this of every snippet twice.
    names = os.listdir(snippet.parent)
    base = [f"{snippet.stem}.out"] if f"{snippet.stem}.out" in names else []
    overrides = sorted(
        name for name in names if name.startswith(f"{snippet.stem}.py3") and name.endswith(".out")
    )
    return [snippet.parent / name for name in base + overrides]


def recorded_releases() -> list[interpreters.Release]:
    """The releases the expected outputs were produced on, oldest first."""
    try:
        names = json.loads(RELEASES_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    return sorted(interpreters.parse_release(name) for name in names)


def recorded_main_releases() -> dict[tuple[int, int], interpreters.Release]:
    """For each minor version, the newest recorded release: the one its tab names."""
    return {release[:2]: release for release in recorded_releases()}


def discover_snippets(root: Path = SNIPPETS_DIR) -> list[Path]:
    """All snippet programs under ``root`` (a file or a folder), in a stable order."""
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


# -- Normalisation ---------------------------------------------------------------------------
# The rules live in snippet_output.py, which the browser's runner (browser_runner.py) ships too.

# -- Running ---------------------------------------------------------------------------------


def _rlimits(limits: Limits) -> dict[str, tuple[int, int]]:
    """The kernel enforces these in the snippet's process: (soft, hard) per resource."""
    return {
        "RLIMIT_CPU": (limits.cpu_s, limits.cpu_s + 1),
        "RLIMIT_AS": (limits.memory_bytes, limits.memory_bytes),
        "RLIMIT_FSIZE": (limits.file_bytes, limits.file_bytes),
        "RLIMIT_CORE": (0, 0),
    }


def _before_exec(limits: Limits, group: cgroups.Group | None, settings_fd: int) -> None:
    """Runs in a fresh interpreter's process between fork and exec: the run's control group,
    the settings' descriptor in its place, the signal state of a terminal, then the limits."""
    if group is not None:
        group.join()
    os.dup2(settings_fd, SETTINGS_FD)
    snippet_forkserver.reset_signals()
    for name, value in _rlimits(limits).items():
        resource.setrlimit(getattr(resource, name), value)


def _kill(proc: Launched) -> None:
    """Kill a run and everything it started: the fresh run's process group (in a sandbox,
    bwrap, whose namespace then dies with all in it), or a forked run through its worker."""
    if isinstance(proc, snippet_forkserver.ForkedRun):
        proc.kill()
        return
    if sandbox.mode() == "bwrap" and getattr(proc, "returncode", None) is not None:
        # bwrap has ended and its namespace with everything in it. Its process group is empty,
        # so its number may already belong to another run's new process: never kill it then.
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


class Launched(Protocol):
    """A started run: a fresh interpreter (``subprocess.Popen``) or a forked worker child."""

    pid: int

    def wait(self, timeout: float | None = None) -> int: ...


@dataclass(frozen=True)
class Launch:
    """How one run starts: the runner, the interpreter, whether it is sandboxed, and where
    its working folder is as the snippet sees it (for normalising paths)."""

    runner: Runner
    interpreter: Interpreter
    sandboxed: bool
    workdir_inside: str


def _launch(
    how: Launch,
    script: Path,
    env: dict[str, str],
    limits: Limits,
    output_fd: int,
    side_files: dict[str, int],
    group: cgroups.Group | None,
) -> Launched:
    """Start a run. ``side_files`` maps the bootstrap's variables (HANDBOOK_STATS, ...) to
    descriptors of the runner's files, open for this run only."""
    with open(script, "rb") as source:
        if how.runner == "forked":
            preload = snippet_packages.preload_for(source.read())
            source.seek(0)
            return snippet_forkserver.launch(
                how.interpreter,
                script.name,
                how.workdir_inside,
                env,
                _rlimits(limits),
                [output_fd, source.fileno(), *side_files.values()],
                list(side_files),
                how.sandboxed,
                {"processes": limits.processes, "memory_bytes": limits.memory_bytes},
                preload,
            )
        # The runner's settings reach the bootstrap through a memory file at descriptor 3,
        # not the environment: /proc/self/environ then shows a reader's environment. The
        # other descriptors move above 10 first, so that placing it cannot overwrite them.
        keep = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (source.fileno(), *side_files.values())]
        script_fd, *side_high = keep
        settings = {"HANDBOOK_CLOCK": env.pop("HANDBOOK_CLOCK", "virtual")}
        settings |= {name: f"/proc/self/fd/{fd}" for name, fd in zip(side_files, side_high, strict=True)}
        memfd = os.memfd_create(SETTINGS_NAME, os.MFD_CLOEXEC)
        os.write(memfd, "".join(f"{name}={value}\n" for name, value in settings.items()).encode())
        os.lseek(memfd, 0, os.SEEK_SET)
        if how.sandboxed:
            argv = sandbox.fresh_command(how.interpreter, script.name, script_fd)
        else:
            argv = [how.interpreter.executable, script.name]
        try:
            return subprocess.Popen(
                argv,
                cwd=script.parent,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=output_fd,
                stderr=output_fd,
                pass_fds=[SETTINGS_FD, *keep],
                start_new_session=True,
                preexec_fn=lambda: _before_exec(limits, group, memfd),
            )
        finally:
            for fd in (*keep, memfd):
                os.close(fd)


# Where a fresh run's bootstrap finds the runner's settings (see sitecustomize.take_settings).
SETTINGS_FD = 3
SETTINGS_NAME = "handbook-settings"


def snippet_environment(
    workdir: str, *, python: Interpreter, sandboxed: bool, clock: Clock, hash_seed: str
) -> dict[str, str]:
    """The whole environment of a snippet: the allow-list plus the runner's own settings
    (which the bootstrap removes from the environment as it starts)."""
    env = {
        **ALLOWED_ENV,
        "HOME": workdir,
        "PWD": workdir,  # as a shell sets it (and bwrap does for its working folder)
        "PYTHONHASHSEED": hash_seed,
        # Unbuffered, and stderr shares stdout's pipe: lines appear in the order written.
        "PYTHONUNBUFFERED": "1",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHON_COLORS": "0",
        "NO_COLOR": "1",
        "HANDBOOK_CLOCK": clock,
    }
    if not sandboxed:
        # No sandbox to bind the bootstrap into site-packages: the older way, a search path.
        packages = snippet_packages.ensure_compiled(python)
        env["PYTHONPATH"] = os.pathsep.join([str(BOOTSTRAP_DIR), str(packages)])
        env["TMPDIR"] = workdir
    return env


def run_snippet(
    snippet: Path,
    *,
    python: Interpreter | None = None,
    clock: Clock = "virtual",
    limits: Limits = Limits(),
    hash_seed: str = DETERMINISM_SEEDS[0],
    trace: bool = False,
    runner: Runner | None = None,
) -> RunResult:
    """Run one snippet once, contained, and return its normalised output.

    Raises a :class:`SnippetError` subclass that names the file when the snippet fails,
    hangs or exceeds a limit.
    """
    snippet = snippet.resolve()
    interpreter = python or interpreters.current()
    started, thread_started = time.perf_counter(), time.thread_time()
    cpu: dict[str, float] = {}  # "process" (known for forked runs) and "reader" seconds
    try:
        return _run_contained(
            snippet, interpreter, clock, limits, hash_seed, trace, runner or default_runner(), cpu
        )
    except snippet_forkserver.WorkerCrashed as error:
        raise SnippetFailed(snippet, f"the run's worker failed: {error}") from None
    finally:
        # The benchmark counts and times the runs a build really makes: wall time, and the CPU
        # time the run cost where the runner knows it ("-" otherwise): the snippet's process,
        # the worker's forking, and this side's threads (waiting for the CPU costs none).
        if run_log := os.environ.get("HANDBOOK_RUN_LOG"):
            with open(run_log, "a", encoding="utf-8") as log:
                ours = time.thread_time() - thread_started + cpu.get("reader", 0.0)
                cpu_text = f"{cpu['process'] + ours:.6f}" if "process" in cpu else "-"
                log.write(f"{time.perf_counter() - started:.6f} {cpu_text} {display_path(snippet)}\n")


def _read_side_files(snippet: Path, stats: Path, trace_file: Path | None) -> tuple[float, list[Any] | None]:
    """What the bootstrap recorded. The snippet could have written anything there: data that
    is not what the bootstrap writes is an error naming the snippet, never a crash."""
    try:
        loop_seconds = sum(float(x) for x in stats.read_text().split()) if stats.exists() else 0.0
        events = None
        if trace_file is not None:
            lines = trace_file.read_text().splitlines() if trace_file.exists() else []
            events = [json.loads(line) for line in lines]
            if not all(isinstance(event, dict) for event in events):
                raise ValueError("a trace event is not an object")
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise SnippetFailed(snippet, f"the run's loop-time or trace record is malformed ({error})") from None
    return loop_seconds, events


def _run_contained(
    snippet: Path,
    interpreter: Interpreter,
    clock: Clock,
    limits: Limits,
    hash_seed: str,
    trace: bool,
    runner: Runner,
    cpu: dict[str, float],
) -> RunResult:
    sandboxed = sandbox.mode() == "bwrap"
    with tempfile.TemporaryDirectory(prefix="snippet-", dir=_run_dirs()) as tmp:
        # The runner's own folder: the bootstrap's records (written through descriptors the
        # run gets), and, without a sandbox, the run's working folder.
        workdir = Path(tmp) / "run"  # holds only the snippet: a fresh, empty place to run
        workdir.mkdir()
        script = workdir / snippet.name
        shutil.copyfile(snippet, script)
        how = Launch(runner, interpreter, sandboxed, sandbox.HOME if sandboxed else str(workdir))
        stats = Path(tmp) / "loop-times"
        trace_file = Path(tmp) / "trace.jsonl" if trace else None
        env = snippet_environment(
            how.workdir_inside, python=interpreter, sandboxed=sandboxed, clock=clock, hash_seed=hash_seed
        )
        side = {"HANDBOOK_STATS": stats, **({"HANDBOOK_TRACE": trace_file} if trace_file else {})}
        side_fds = {
            name: os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600) for name, path in side.items()
        }
        read_end, write_end = os.pipe()  # stdout and stderr both: lines in the order written
        # A fresh run's own control group; a forked run counts in its worker's (see the fork server).
        group = (
            cgroups.Group(pids=limits.processes, memory_bytes=limits.memory_bytes)
            if runner == "fresh" and cgroups.available()
            else None
        )
        try:
            proc = _launch(how, script, env, limits, write_end, side_fds, group)
        except BaseException:
            os.close(read_end)
            if group is not None:
                group.close()
            raise
        finally:
            os.close(write_end)
            for fd in side_fds.values():
                os.close(fd)
        captured = bytearray()
        flooded = threading.Event()

        def read_output() -> None:
            reading_started = time.thread_time()
            try:
                while chunk := os.read(read_end, 65536):
                    captured.extend(chunk)
                    if len(captured) > limits.output_bytes:
                        flooded.set()
                        _kill(proc)
                        return
            finally:
                cpu["reader"] = time.thread_time() - reading_started

        reader = threading.Thread(target=read_output, daemon=True)
        reader.start()
        try:
            returncode = proc.wait(timeout=limits.timeout_s)
        except subprocess.TimeoutExpired:
            _kill(proc)
            with contextlib.suppress(subprocess.TimeoutExpired, snippet_forkserver.WorkerCrashed):
                proc.wait(timeout=snippet_forkserver.KILL_GRACE_S)
            raise SnippetTimeout(
                snippet,
                f"still running after {limits.timeout_s:g} s of real time, so it was stopped "
                "(does it block, or await something that never happens?)",
            ) from None
        finally:
            # Children that outlive the snippet must not outlive the run.
            _kill(proc)
            if group is not None:
                pids_maxed, memory_maxed = group.pids_maxed(), group.memory_maxed()
                group.close()  # kills whatever is left in it, wherever it went
            else:
                hit = getattr(proc, "limit_hit", "-")
                pids_maxed, memory_maxed = hit == "processes", hit == "memory"
            reader.join(timeout=5)
            if (cpu_seconds := getattr(proc, "cpu_seconds", None)) is not None:
                cpu["process"] = cpu_seconds
            if reader.is_alive():
                # Something still holds the output pipe: without a sandbox, a process that
                # left the run's process group. Its output is no longer this run's.
                flooded.clear()
            else:
                os.close(read_end)
        if how.sandboxed and how.runner == "fresh" and returncode > 128:
            returncode = 128 - returncode  # bwrap reports a child killed by signal N as 128 + N
        output = normalise(captured.decode("utf-8", errors="replace"), workdir, how.workdir_inside)
        loop_seconds, events = _read_side_files(snippet, stats, trace_file)

    if returncode != 0 and pids_maxed:
        raise SnippetLimitExceeded(
            snippet,
            f"tried to run more than {limits.processes} processes and threads at once, so it was stopped",
        )
    if returncode != 0 and memory_maxed:
        raise SnippetLimitExceeded(
            snippet, f"ran out of memory (limit {limits.memory_bytes // 2**20} MiB for the whole run)"
        )
    if flooded.is_set():
        raise SnippetLimitExceeded(
            snippet, f"printed more than {limits.output_bytes} bytes, so it was stopped"
        )
    # Python ignores SIGXFSZ, so an oversized write fails with EFBIG instead.
    if returncode == -signal.SIGXFSZ or (returncode and output.endswith(os.strerror(errno.EFBIG))):
        raise SnippetLimitExceeded(
            snippet, f"wrote a file larger than {limits.file_bytes} bytes, so it was stopped"
        )
    if returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise SnippetLimitExceeded(snippet, f"used more than {limits.cpu_s} s of CPU time, so it was stopped")
    if returncode != 0:
        if output.endswith("MemoryError"):
            raise SnippetLimitExceeded(
                snippet, f"ran out of memory (limit {limits.memory_bytes // 2**20} MiB):\n{output}"
            )
        # Point at the innermost snippet line of the traceback, then show all it printed.
        frames = re.findall(rf'File "{re.escape(snippet.name)}", line (\d+)', output)
        raise SnippetFailed(
            snippet,
            f"exited with status {returncode}; its output:\n{output}",
            line=int(frames[-1]) if frames else None,
        )
    return RunResult(output=output, loop_seconds=loop_seconds, trace=events)


def find_nondeterminism(output: str) -> str | None:
    """Name the first unreproducible value in ``output`` and the line it is on, if any."""
    for what, pattern in NONDETERMINISTIC_PATTERNS.items():
        for number, line in enumerate(output.splitlines(), start=1):
            if pattern.search(line):
                return f"output line {number} contains {what}: {line!r}"
    return None


def run_deterministic(
    snippet: Path,
    *,
    python: Interpreter | None = None,
    clock: Clock = "virtual",
    limits: Limits = Limits(),
    trace: bool = False,
    runner: Runner | None = None,
    side_by_side: bool | None = None,
    seeds: tuple[str, ...] = DETERMINISM_SEEDS,
) -> RunResult:
    """Run a snippet twice (different hash seeds) and demand identical output.

    With ``trace``, the first run also records its tasks; the second, untraced run proves
    that tracing changed nothing the snippet prints. The runs go side by side, except on the
    real clock, where they go one after the other unless ``side_by_side`` says otherwise.
    """

    def run(seed: str) -> RunResult:
        traced = trace and seed == seeds[0]
        return run_snippet(
            snippet, python=python, clock=clock, limits=limits, hash_seed=seed, trace=traced, runner=runner
        )

    if not (side_by_side if side_by_side is not None else clock == "virtual"):
        # Real time: one run after the other, so they do not slow each other down, and printed
        # times compared with the documented tolerance.
        runs = [run(seed) for seed in seeds]
    else:
        with ThreadPoolExecutor(max_workers=len(seeds)) as pool:
            runs = list(pool.map(run, seeds))
    first = runs[0]
    same = matches_with_tolerance if clock == "real" else str.__eq__
    for other in runs[1:]:
        if not same(first.output, other.output):
            raise NondeterministicOutput(
                snippet,
                "two runs printed different output, so no page can show it:\n"
                + unified_diff(first.output, other.output, "first run", "second run"),
            )
    problem = find_nondeterminism(first.output)
    if problem:
        raise NondeterministicOutput(snippet, f"{problem}; a reader's run would print something else")
    return first


def unified_diff(expected: str, actual: str, expected_name: str, actual_name: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(), actual.splitlines(), expected_name, actual_name, lineterm=""
    )
    return "\n".join(lines)


def read_expected(snippet: Path, version: tuple[int, ...]) -> tuple[Path, str]:
    path = expected_path(snippet, version)
    if not path.exists():
        raise MissingExpectedOutput(
            snippet,
            f"has no expected output ({display_path(path)}); run `nox -s update_outputs`, "
            "then review the new file",
        )
    return path, path.read_text(encoding="utf-8").rstrip("\n")


def _release_note(interpreter: Interpreter) -> str:
    """Why a mismatch may be a new patch release rather than a broken snippet."""
    recorded = recorded_main_releases().get(interpreter.minor)
    if recorded is None or interpreter.release in recorded_releases():
        return ""
    name = ".".join(map(str, recorded))
    return (
        f"\nNote: this is Python {interpreter.name}, and the expected outputs of "
        f"{interpreters.minor_name(interpreter.minor)} were recorded on Python {name}. "
        "If the new patch release changed the behaviour, `nox -s update_outputs` records it "
        f"(and {display_path(RELEASES_FILE)} then names {interpreter.name})."
    )


def verify_snippet(
    snippet: Path,
    *,
    python: Interpreter | None = None,
    limits: Limits = Limits(),
    trace: bool = False,
    cache_dir: Path | None = None,
    runner: Runner | None = None,
    side_by_side: bool | None = None,
    seeds: tuple[str, ...] = DETERMINISM_SEEDS,
) -> RunResult:
    """Run a snippet, check it is deterministic and matches its expected output (``seeds``:
    one run per hash seed; one seed checks the output only).

    With ``cache_dir``, a result verified before under exactly the same inputs (see
    :func:`cache_key`) is reused instead of running the snippet again.
    """
    interpreter = python or interpreters.current()
    key = cache_key(snippet, python=interpreter, limits=limits, trace=trace) if cache_dir else ""
    if cache_dir is not None and (cached := read_cached(cache_dir, key)) is not None:
        return cached
    result = run_deterministic(
        snippet,
        python=interpreter,
        clock=clock_for(snippet),
        limits=limits,
        trace=trace,
        runner=runner,
        side_by_side=side_by_side,
        seeds=seeds,
    )
    path, expected = read_expected(snippet, interpreter.release)
    if clock_for(snippet) == "real" and matches_with_tolerance(expected, result.output):
        # Within the documented real-clock tolerance: show the reviewed output, so a page does
        # not change with the machine's load (and two builds stay byte-identical).
        result = dataclasses.replace(result, output=expected)
    if result.output != expected:
        raise OutputMismatch(
            snippet,
            f"real output on Python {interpreter.name} differs from the expected output; if the "
            "change is intended, run `nox -s update_outputs` and review the diff:\n"
            + unified_diff(expected, result.output, display_path(path), f"real output ({interpreter.name})")
            + _release_note(interpreter),
        )
    if cache_dir is not None:
        write_cached(cache_dir, key, result)
    return result


# -- Cache of verified results ---------------------------------------------------------------

# Everything that decides how a snippet runs and what its output becomes.
RUNNER_SOURCES = (
    Path(__file__).resolve(),
    snippet_forkserver.WORKER,
    Path(snippet_forkserver.__file__).resolve(),
    Path(sandbox.__file__).resolve(),
    sandbox.FRESH_INIT,
    Path(interpreters.__file__).resolve(),
    Path(snippet_packages.__file__).resolve(),
    snippet_packages.REWRITE_CACHE,
    Path(snippet_output.__file__).resolve(),
    *sorted(BOOTSTRAP_DIR.glob("*.p[yt]*")),
)


@functools.cache
def _interpreter_fingerprint(python: Interpreter) -> str:
    """The interpreter and the snippets' pinned libraries, for cache keys."""
    return f"{python.fingerprint}{snippet_packages.digest()}\n"


@functools.lru_cache(maxsize=4)
def _runner_sources(stamped: tuple[tuple[Path, int], ...]) -> list[bytes]:
    """The runner's source files, read again only when one changes (a build asks per snippet)."""
    return [source.read_bytes() for source, _ in stamped]


def cache_key(snippet: Path, *, python: Interpreter, limits: Limits, trace: bool) -> str:
    """A content address for a verified run: the snippet's bytes, its expected outputs, the
    interpreter and clock library versions, the sandbox, the runner code, the limits."""
    digest = hashlib.sha256()
    parts: list[bytes] = [snippet.read_bytes(), _interpreter_fingerprint(python).encode()]
    # A result verified without the sandbox must not satisfy a sandboxed build.
    parts.append(f"sandbox={sandbox.mode()}".encode())
    parts += [f"{path.name}\n".encode() + path.read_bytes() for path in expected_files(snippet)]
    parts += _runner_sources(tuple((source, source.stat().st_mtime_ns) for source in RUNNER_SOURCES))
    parts.append(repr((limits, trace, clock_for(snippet))).encode())
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def read_cached(cache_dir: Path, key: str) -> RunResult | None:
    try:
        data = json.loads((cache_dir / f"{key}.json").read_text(encoding="utf-8"))
        return RunResult(output=data["output"], loop_seconds=data["loop_seconds"], trace=data["trace"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_cached(cache_dir: Path, key: str, result: RunResult) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    entry = {"output": result.output, "loop_seconds": result.loop_seconds, "trace": result.trace}
    temporary = cache_dir / f"{key}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(entry, sort_keys=True), encoding="utf-8")
    temporary.replace(cache_dir / f"{key}.json")  # atomic: parallel builds never read half a file


# -- Real clock ------------------------------------------------------------------------------

# On the real clock a printed decimal number may be off by this much (documented in README).
REALTIME_TOLERANCE = 0.1
_DECIMAL = re.compile(r"(\d+\.\d+)")


def matches_with_tolerance(expected: str, actual: str, tolerance: float = REALTIME_TOLERANCE) -> bool:
    """Equal text, except that decimal numbers may differ by at most ``tolerance``."""
    expected_parts = _DECIMAL.split(expected)
    actual_parts = _DECIMAL.split(actual)
    if len(expected_parts) != len(actual_parts):
        return False
    for index, (want, got) in enumerate(zip(expected_parts, actual_parts, strict=True)):
        if index % 2 == 0:
            if want != got:
                return False
        elif abs(float(want) - float(got)) > tolerance + 1e-9:
            return False
    return True


# -- Versions --------------------------------------------------------------------------------


def supported_versions() -> tuple[tuple[int, int], ...]:
    """The minor versions the site supports, oldest first (pyproject.toml's classifiers)."""
    return interpreters.supported_minors()


def newest_supported_version() -> tuple[int, int]:
    """The newest Python the site supports: its output is the base expected output."""
    return supported_versions()[-1]


_REQUIRES = re.compile(r"^# Requires Python (3)\.(\d+) or newer", re.MULTILINE)


def required_version(snippet: Path) -> tuple[int, int] | None:
    """A snippet that needs a newer Python than the oldest supported says so in a comment
    the reader sees on its first lines: ``# Requires Python 3.12 or newer.``"""
    head = "\n".join(snippet.read_text(encoding="utf-8").splitlines()[:3])
    match = _REQUIRES.search(head)
    return (int(match.group(1)), int(match.group(2))) if match else None


_REAL_CLOCK = re.compile(r"^# Runs on the real clock", re.MULTILINE)


def clock_for(snippet: Path) -> Clock:
    """Snippets run on the virtual clock, except one that must show real elapsed time (a
    blocking call, a thread) and says so in a comment on its first lines:
    ``# Runs on the real clock: ...``. Its printed times must be rounded to stay stable."""
    head = "\n".join(snippet.read_text(encoding="utf-8").splitlines()[:3])
    return "real" if _REAL_CLOCK.search(head) else "virtual"


def runs_on(snippet: Path, version: tuple[int, ...]) -> bool:
    return version[:2] >= (required_version(snippet) or (0, 0))


def versions_for(snippet: Path) -> list[interpreters.Release]:
    """The recorded releases a snippet runs on, oldest first."""
    return [release for release in recorded_releases() if runs_on(snippet, release)]


def expected_by_version(snippet: Path) -> dict[interpreters.Release, str]:
    """The expected output for every recorded release the snippet runs on (the tests verify
    each on that release)."""
    return {release: read_expected(snippet, release)[1] for release in versions_for(snippet)}


def version_name(version: tuple[int, ...]) -> str:
    return ".".join(map(str, version))


def and_list(names: list[str]) -> str:
    """``3.11.7, 3.12.1 and 3.13.0``: how pages and captions name several versions."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def update_expected(snippet: Path, *, python: Interpreter, main: bool) -> list[str]:
    """Rewrite a snippet's expected output from a run on ``python``; return what changed.

    ``main``: ``python`` is the newest release of its minor version here. The newest supported
    version's main release writes the base file; another main release writes its minor
    version's override only where its output differs from the base; an older patch release
    writes its own override only where it differs from its minor version's. An override that
    became equal to what it overrides is removed. Run the main releases first, newest first.
    """
    output = run_deterministic(snippet, python=python, clock=clock_for(snippet)).output + "\n"
    base = expected_base_path(snippet)
    changes: list[str] = []

    def write(path: Path) -> None:
        if not path.exists() or path.read_text(encoding="utf-8") != output:
            path.write_text(output, encoding="utf-8")
            changes.append(f"wrote {display_path(path)}")

    def remove(path: Path) -> None:
        if path.exists():
            path.unlink()
            changes.append(f"removed {display_path(path)}")

    if not main:
        own = expected_override_path(snippet, python.release)
        remove(own)
        if expected_path(snippet, python.release).read_text(encoding="utf-8") != output:
            write(own)
        return changes
    override = expected_override_path(snippet, python.minor)
    if python.minor == newest_supported_version() or not base.exists():
        write(base)
        remove(override)
    elif base.read_text(encoding="utf-8") == output:
        remove(override)
    else:
        write(override)
    return changes


def record_releases(releases: Iterable[interpreters.Release]) -> None:
    """Name the releases the expected outputs now come from."""
    names = [version_name(release) for release in sorted(set(releases))]
    RELEASES_FILE.write_text(json.dumps(names, indent=2) + "\n", encoding="utf-8")


def _iter_targets(paths: Iterable[str]) -> Iterator[Path]:
    for name in paths or [str(SNIPPETS_DIR)]:
        yield from discover_snippets(Path(name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", help="snippet files or folders (default: snippets/)")
    parser.add_argument("--update", action="store_true", help="rewrite expected outputs")
    parser.add_argument(
        "--python",
        action="append",
        help="3.13, 3.13.0 or a path; repeatable (default: every supported Python found here)",
    )
    args = parser.parse_args(argv)

    found = interpreters.discover()
    chosen = [interpreters.by_name(name) for name in args.python] if args.python else list(found)
    mains = set(interpreters.main_releases(found).values())
    # Main releases newest first, then older patch releases: each update builds on the last.
    chosen.sort(key=lambda i: (i not in mains, tuple(-part for part in i.release)))
    if missing := interpreters.missing_minors(found):
        names = ", ".join(interpreters.minor_name(minor) for minor in missing)
        print(f"no interpreter here for Python {names}: `nox -s pythons` provisions them", file=sys.stderr)
    failures = 0
    for interpreter in chosen:
        print(f"== {interpreter}")
        for snippet in _iter_targets(args.paths):
            if not runs_on(snippet, interpreter.release):
                continue
            try:
                if args.update:
                    for change in update_expected(snippet, python=interpreter, main=interpreter in mains):
                        print(change)
                else:
                    verify_snippet(snippet, python=interpreter)
                    print(f"ok {display_path(snippet)}")
            except SnippetError as error:
                failures += 1
                print(f"FAILED {error}", file=sys.stderr)
    if args.update and not failures and not args.paths:
        record_releases(i.release for i in chosen)
        print(f"recorded {display_path(RELEASES_FILE)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
