"""The one place that decides how a snippet runs, what its output is, and whether it is right.

The Sphinx build (``exec_snippet``), the test suite and the command line below all call
:func:`verify_snippet` or :func:`run_snippet`, so a page and its test cannot disagree.

A run is contained: a fresh temporary working directory, an allow-listed environment (nothing
from the build's own environment leaks in), limits on real time, CPU time, memory, written
files and output size, and its own process group so that nothing it starts survives it.
The virtual clock is installed by ``snippet_bootstrap/sitecustomize.py``.

Command line (run from the repository root)::

    python conf/snippet_runner.py snippets/coroutines_and_tasks      # check
    python conf/snippet_runner.py --update snippets/                  # rewrite expected outputs
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import difflib
import errno
import functools
import hashlib
import json
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

import snippet_forkserver

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


@dataclass(frozen=True)
class Limits:
    """Resource limits for one snippet run. Every limit stops the snippet with a clear error."""

    timeout_s: float = 10.0
    cpu_s: int = 10
    memory_bytes: int = 1 << 30
    output_bytes: int = 64 * 1024
    file_bytes: int = 1 << 20


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
# ``name.py`` has ``name.out``; ``name.py312.out`` overrides it for Python 3.12 only.


def expected_base_path(snippet: Path) -> Path:
    return snippet.with_suffix(".out")


def expected_override_path(snippet: Path, version: tuple[int, int]) -> Path:
    return snippet.with_suffix(f".py{version[0]}{version[1]}.out")


def expected_path(snippet: Path, version: tuple[int, int]) -> Path:
    """The expected-output file that applies to ``version``: its override, else the base."""
    override = expected_override_path(snippet, version)
    return override if override.exists() else expected_base_path(snippet)


def expected_files(snippet: Path) -> list[Path]:
    """Every expected-output file of a snippet (base and overrides) that exists."""
    # One directory listing, not a glob per pattern: a build asks this of every snippet twice.
    names = os.listdir(snippet.parent)
    base = [f"{snippet.stem}.out"] if f"{snippet.stem}.out" in names else []
    overrides = sorted(
        name for name in names if name.startswith(f"{snippet.stem}.py3") and name.endswith(".out")
    )
    return [snippet.parent / name for name in base + overrides]


def discover_snippets(root: Path = SNIPPETS_DIR) -> list[Path]:
    """All snippet programs under ``root`` (a file or a folder), in a stable order."""
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


# -- Interpreters ----------------------------------------------------------------------------


@functools.cache
def interpreter_version(python: str) -> tuple[int, int]:
    """The (major, minor) version of an interpreter, asked once per interpreter."""
    if python == sys.executable:
        return sys.version_info[:2]
    out = subprocess.run(
        [python, "-c", "import sys; print(*sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return int(out[0]), int(out[1])


# -- Normalisation ---------------------------------------------------------------------------

_STDLIB_FRAME = re.compile(r'File "[^"]*?/lib/python3\.\d+/([^"]+)"')
_STDLIB_FRAME_LINE = re.compile(r'^\s*File "<stdlib>/')
_CARET_LINE = re.compile(r"^\s*[~^]+\s*$")
_FRAME_LINE = re.compile(r'^\s*File "')
_WORKER_FRAME_LINE = re.compile(rf'^\s*File "[^"]*/{re.escape(snippet_forkserver.WORKER.name)}", line')
STDLIB_FRAMES = "  [... frames inside the standard library ...]"


def normalise(text: str, workdir: Path) -> str:
    """Make output independent of the machine, the run and the patch release of Python.

    The rules, in order (each has a test in tests/test_normalise.py):
    1. ``\\r\\n`` becomes ``\\n``; trailing spaces and trailing blank lines are dropped.
    2. The temporary working directory disappears from paths, so a traceback names the
       snippet as ``File "name.py"``, as it would for a reader running ``python name.py``.
    3. In tracebacks, a run of standard-library frames (their line numbers change with every
       patch release) becomes one line: ``[... frames inside the standard library ...]``.
    4. Caret lines under traceback source lines (``^^^^``, ``~~~^^``; they differ between
       3.11, 3.12 and 3.13) are dropped.
    5. A frame of the pre-warmed worker (``snippet_worker.py``, the outermost frame of a forked
       run, shown by tracemalloc) is dropped with its source line: ``python name.py`` has none.
    """
    text = text.replace("\r\n", "\n")
    for prefix in {str(workdir) + os.sep, str(workdir.resolve()) + os.sep}:
        text = text.replace(prefix, "")
    text = _STDLIB_FRAME.sub(r'File "<stdlib>/\1"', text)
    lines: list[str] = []
    in_stdlib_frame = in_worker_frame = False
    for line in text.split("\n"):
        line = line.rstrip()
        if _CARET_LINE.match(line):
            continue
        if _WORKER_FRAME_LINE.match(line):
            in_worker_frame = True
            continue
        if in_worker_frame:
            in_worker_frame = False
            if line.startswith("    ") and not _FRAME_LINE.match(line):
                continue  # the worker's source line
        if _STDLIB_FRAME_LINE.match(line):
            if lines[-1:] != [STDLIB_FRAMES]:
                lines.append(STDLIB_FRAMES)
            in_stdlib_frame = True
            continue
        if in_stdlib_frame and line.startswith("    ") and not _FRAME_LINE.match(line):
            continue  # the source line of a standard-library frame
        in_stdlib_frame = False
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


# -- Running ---------------------------------------------------------------------------------


def _rlimits(limits: Limits) -> dict[str, tuple[int, int]]:
    """The kernel enforces these in the snippet's process: (soft, hard) per resource."""
    return {
        "RLIMIT_CPU": (limits.cpu_s, limits.cpu_s + 1),
        "RLIMIT_AS": (limits.memory_bytes, limits.memory_bytes),
        "RLIMIT_FSIZE": (limits.file_bytes, limits.file_bytes),
        "RLIMIT_CORE": (0, 0),
    }


def _before_exec(limits: Limits) -> None:
    """Runs in a fresh interpreter's process between fork and exec: the signal state of a
    terminal, then the limits."""
    snippet_forkserver.reset_signals()
    for name, value in _rlimits(limits).items():
        resource.setrlimit(getattr(resource, name), value)


def _kill_group(proc: Launched) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


class Launched(Protocol):
    """A started run: a fresh interpreter (``subprocess.Popen``) or a forked worker child."""

    pid: int

    def wait(self, timeout: float | None = None) -> int: ...


def _launch(
    runner: Runner, python: str, script: Path, env: dict[str, str], limits: Limits, output_fd: int
) -> Launched:
    if runner == "forked":
        return snippet_forkserver.launch(python, script, env, _rlimits(limits), output_fd)
    return subprocess.Popen(
        [python, script.name],
        cwd=script.parent,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=output_fd,
        stderr=output_fd,
        start_new_session=True,
        preexec_fn=lambda: _before_exec(limits),
    )


def snippet_environment(
    workdir: Path, *, clock: Clock, hash_seed: str, stats: Path, trace: Path | None = None
) -> dict[str, str]:
    """The whole environment of a snippet: the allow-list plus the runner's own settings."""
    return {
        **({"HANDBOOK_TRACE": str(trace)} if trace else {}),
        **ALLOWED_ENV,
        "HOME": str(workdir),
        "TMPDIR": str(workdir),
        "PYTHONPATH": str(BOOTSTRAP_DIR),
        "PYTHONHASHSEED": hash_seed,
        # Unbuffered, and stderr shares stdout's pipe: lines appear in the order written.
        "PYTHONUNBUFFERED": "1",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHON_COLORS": "0",
        "NO_COLOR": "1",
        "HANDBOOK_CLOCK": clock,
        "HANDBOOK_STATS": str(stats),
    }


def run_snippet(
    snippet: Path,
    *,
    python: str = sys.executable,
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
    started, thread_started = time.perf_counter(), time.thread_time()
    cpu: dict[str, float] = {}  # "process" (known for forked runs) and "reader" seconds
    try:
        return _run_contained(
            snippet, python, clock, limits, hash_seed, trace, runner or default_runner(), cpu
        )
    finally:
        # The benchmark counts and times the runs a build really makes: wall time, and the CPU
        # time the run cost where the runner knows it ("-" otherwise): the snippet's process,
        # the worker's forking, and this side's threads (waiting for the CPU costs none).
        if run_log := os.environ.get("HANDBOOK_RUN_LOG"):
            with open(run_log, "a", encoding="utf-8") as log:
                ours = time.thread_time() - thread_started + cpu.get("reader", 0.0)
                cpu_text = f"{cpu['process'] + ours:.6f}" if "process" in cpu else "-"
                log.write(f"{time.perf_counter() - started:.6f} {cpu_text} {display_path(snippet)}\n")


def _run_contained(
    snippet: Path,
    python: str,
    clock: Clock,
    limits: Limits,
    hash_seed: str,
    trace: bool,
    runner: Runner,
    cpu: dict[str, float],
) -> RunResult:
    with tempfile.TemporaryDirectory(prefix="snippet-", dir=RUN_DIRS_IN) as tmp:
        workdir = Path(tmp) / "run"  # holds only the snippet: a fresh, empty place to run
        workdir.mkdir()
        script = workdir / snippet.name
        shutil.copyfile(snippet, script)
        stats = Path(tmp) / "loop-times"
        trace_file = Path(tmp) / "trace.jsonl" if trace else None
        env = snippet_environment(workdir, clock=clock, hash_seed=hash_seed, stats=stats, trace=trace_file)
        read_end, write_end = os.pipe()  # stdout and stderr both: lines in the order written
        try:
            proc = _launch(runner, python, script, env, limits, write_end)
        except BaseException:
            os.close(read_end)
            raise
        finally:
            os.close(write_end)
        captured = bytearray()
        flooded = threading.Event()

        def read_output() -> None:
            reading_started = time.thread_time()
            try:
                while chunk := os.read(read_end, 65536):
                    captured.extend(chunk)
                    if len(captured) > limits.output_bytes:
                        flooded.set()
                        _kill_group(proc)
                        return
            finally:
                cpu["reader"] = time.thread_time() - reading_started

        reader = threading.Thread(target=read_output, daemon=True)
        reader.start()
        try:
            returncode = proc.wait(timeout=limits.timeout_s)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            proc.wait()
            raise SnippetTimeout(
                snippet,
                f"still running after {limits.timeout_s:g} s of real time, so it was stopped "
                "(does it block, or await something that never happens?)",
            ) from None
        finally:
            # Children that outlive the snippet must not outlive the run.
            _kill_group(proc)
            reader.join(timeout=5)
            if (cpu_seconds := getattr(proc, "cpu_seconds", None)) is not None:
                cpu["process"] = cpu_seconds
            os.close(read_end)
        output = normalise(captured.decode("utf-8", errors="replace"), workdir)
        loop_seconds = sum(float(x) for x in stats.read_text().split()) if stats.exists() else 0.0
        events = None
        if trace_file is not None:
            lines = trace_file.read_text().splitlines() if trace_file.exists() else []
            events = [json.loads(line) for line in lines]

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
    python: str = sys.executable,
    clock: Clock = "virtual",
    limits: Limits = Limits(),
    trace: bool = False,
    runner: Runner | None = None,
    side_by_side: bool | None = None,
) -> RunResult:
    """Run a snippet twice (different hash seeds) and demand identical output.

    With ``trace``, the first run also records its tasks; the second, untraced run proves
    that tracing changed nothing the snippet prints. The runs go side by side, except on the
    real clock, where they go one after the other unless ``side_by_side`` says otherwise.
    """

    def run(seed: str) -> RunResult:
        traced = trace and seed == DETERMINISM_SEEDS[0]
        return run_snippet(
            snippet, python=python, clock=clock, limits=limits, hash_seed=seed, trace=traced, runner=runner
        )

    if not (side_by_side if side_by_side is not None else clock == "virtual"):
        # Real time: one run after the other, so they do not slow each other down, and printed
        # times compared with the documented tolerance.
        runs = [run(seed) for seed in DETERMINISM_SEEDS]
    else:
        with ThreadPoolExecutor(max_workers=len(DETERMINISM_SEEDS)) as pool:
            runs = list(pool.map(run, DETERMINISM_SEEDS))
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


def read_expected(snippet: Path, version: tuple[int, int]) -> tuple[Path, str]:
    path = expected_path(snippet, version)
    if not path.exists():
        raise MissingExpectedOutput(
            snippet,
            f"has no expected output ({display_path(path)}); run `nox -s update_outputs`, "
            "then review the new file",
        )
    return path, path.read_text(encoding="utf-8").rstrip("\n")


def verify_snippet(
    snippet: Path,
    *,
    python: str = sys.executable,
    limits: Limits = Limits(),
    trace: bool = False,
    cache_dir: Path | None = None,
    runner: Runner | None = None,
    side_by_side: bool | None = None,
) -> RunResult:
    """Run a snippet, check it is deterministic and matches its expected output.

    With ``cache_dir``, a result verified before under exactly the same inputs (see
    :func:`cache_key`) is reused instead of running the snippet again.
    """
    key = cache_key(snippet, python=python, limits=limits, trace=trace) if cache_dir else ""
    if cache_dir is not None and (cached := read_cached(cache_dir, key)) is not None:
        return cached
    result = run_deterministic(
        snippet,
        python=python,
        clock=clock_for(snippet),
        limits=limits,
        trace=trace,
        runner=runner,
        side_by_side=side_by_side,
    )
    path, expected = read_expected(snippet, interpreter_version(python))
    if clock_for(snippet) == "real" and matches_with_tolerance(expected, result.output):
        # Within the documented real-clock tolerance: show the reviewed output, so a page does
        # not change with the machine's load (and two builds stay byte-identical).
        result = dataclasses.replace(result, output=expected)
    if result.output != expected:
        raise OutputMismatch(
            snippet,
            "real output differs from the expected output; if the change is intended, run "
            "`nox -s update_outputs` and review the diff:\n"
            + unified_diff(expected, result.output, display_path(path), "real output"),
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
    *sorted(BOOTSTRAP_DIR.glob("*.py")),
)


@functools.cache
def _interpreter_fingerprint(python: str) -> str:
    """The interpreter's full version and the clock library's version, asked once."""
    if python == sys.executable:  # this interpreter: no need to start another
        import importlib.metadata

        return f"{sys.version}\n{importlib.metadata.version('looptime')}\n"
    probe = "import sys, importlib.metadata as m; print(sys.version); print(m.version('looptime'))"
    return subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True).stdout


@functools.lru_cache(maxsize=4)
def _runner_sources(stamped: tuple[tuple[Path, int], ...]) -> list[bytes]:
    """The runner's source files, read again only when one changes (a build asks per snippet)."""
    return [source.read_bytes() for source, _ in stamped]


def cache_key(snippet: Path, *, python: str, limits: Limits, trace: bool) -> str:
    """A content address for a verified run: the snippet's bytes, its expected outputs, the
    interpreter and clock library versions, the runner and normalisation code, the limits."""
    digest = hashlib.sha256()
    parts: list[bytes] = [snippet.read_bytes(), _interpreter_fingerprint(python).encode()]
    parts += [f"{path.name}\n".encode() + path.read_bytes() for path in expected_files(snippet)]
    parts += _runner_sources(tuple((source, source.stat().st_mtime_ns) for source in RUNNER_SOURCES))
    parts.append(repr((limits, trace, clock_for(snippet))).encode())
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def read_cached(cache_dir: Path, key: str) -> RunResult | None:
    try:
        data = json.loads((cache_dir / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return RunResult(output=data["output"], loop_seconds=data["loop_seconds"], trace=data["trace"])


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


# -- Updating expected outputs ---------------------------------------------------------------


@functools.cache
def supported_versions() -> tuple[tuple[int, int], ...]:
    """The Pythons the site supports, oldest first, read from pyproject.toml's classifiers."""
    import tomllib

    data = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found = []
    for classifier in data["project"]["classifiers"]:
        match = re.fullmatch(r"Programming Language :: Python :: 3\.(\d+)", classifier)
        if match:
            found.append((3, int(match.group(1))))
    return tuple(sorted(found))


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


def versions_for(snippet: Path) -> list[tuple[int, int]]:
    """The supported versions a snippet runs on, oldest first."""
    minimum = required_version(snippet) or (0, 0)
    return [v for v in supported_versions() if v >= minimum]


def expected_by_version(snippet: Path) -> dict[tuple[int, int], str]:
    """The expected output for every version the snippet runs on (verified by the tests)."""
    return {version: read_expected(snippet, version)[1] for version in versions_for(snippet)}


def version_name(version: tuple[int, int]) -> str:
    return f"{version[0]}.{version[1]}"


def update_expected(snippet: Path, *, python: str = sys.executable) -> list[str]:
    """Rewrite a snippet's expected output for ``python``; return what changed.

    The newest supported version writes the base file. Any other version writes an override
    only where its output differs from the base, and removes an override that became equal.
    """
    output = run_deterministic(snippet, python=python, clock=clock_for(snippet)).output + "\n"
    version = interpreter_version(python)
    base = expected_base_path(snippet)
    override = expected_override_path(snippet, version)
    changes: list[str] = []

    def write(path: Path) -> None:
        if not path.exists() or path.read_text(encoding="utf-8") != output:
            path.write_text(output, encoding="utf-8")
            changes.append(f"wrote {display_path(path)}")

    def remove(path: Path) -> None:
        if path.exists():
            path.unlink()
            changes.append(f"removed {display_path(path)}")

    if version == newest_supported_version() or not base.exists():
        write(base)
        remove(override)
        # Overrides that now equal the base say nothing: remove them.
        for other in expected_files(snippet):
            if other != base and other.read_text(encoding="utf-8") == output:
                remove(other)
    elif base.read_text(encoding="utf-8") == output:
        remove(override)
    else:
        write(override)
    return changes


def _iter_targets(paths: Iterable[str]) -> Iterator[Path]:
    for name in paths or [str(SNIPPETS_DIR)]:
        yield from discover_snippets(Path(name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", help="snippet files or folders (default: snippets/)")
    parser.add_argument("--update", action="store_true", help="rewrite expected outputs")
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs the snippets")
    args = parser.parse_args(argv)

    failures = 0
    version = interpreter_version(args.python)
    for snippet in _iter_targets(args.paths):
        needed = required_version(snippet)
        if needed and version < needed:
            # `nox -s update_outputs` runs every snippet on every supported Python.
            print(f"skipped {display_path(snippet)}: needs Python {version_name(needed)} or newer")
            continue
        try:
            if args.update:
                for change in update_expected(snippet, python=args.python):
                    print(change)
            else:
                verify_snippet(snippet, python=args.python)
                print(f"ok {display_path(snippet)}")
        except SnippetError as error:
            failures += 1
            print(f"FAILED {error}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
