"""Verify the snippets of the pages about to be read, in a process beside the build.

Reading pages one by one would run their snippets one by one, and the real-clock snippets
(which sleep for real, up to about two seconds a run) would add up. Instead, before reading
starts, the build starts this file as a separate process with every snippet it is about to
need. It verifies them concurrently (the real-clock ones side by side, since they mostly wait;
the virtual-clock ones one per core, each making two runs at once) and leaves each
result in a hand-off folder, while Sphinx reads pages. A separate process, not threads:
Sphinx's parallel reading forks the build, and a fork taken while threads run snippets
would copy their half-finished state (and the write ends of their output pipes).

Meanwhile the directive shows the snippet's expected output (which is what a verified run
prints) and leaves a placeholder for its timeline, so reading never waits. Timelines are drawn
from the results as pages are written. At the end of the build, every result must be in; a
snippet that failed here is verified again alone (which also settles a real-clock snippet whose
times drifted under the load of the concurrent runs), and if it fails again, the pages showing
it are removed and the build fails with the page line; Sphinx then discards its saved
environment, so the next build checks those pages again. A snippet the scan misses is
verified by the directive itself, as before.
"""

from __future__ import annotations

import ctypes
import dataclasses
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import interpreters
import snippet_runner

# An exec_code fence and its option lines (MyST): ```{exec_code}\n:filename: x.py\n:timeline:\n
_EXEC_CODE = re.compile(r"^(`{3,}|~{3,})\{exec_code\}[^\n]*\n((?:[ \t]*:[^\n]*\n)*)", re.MULTILINE)
_FILENAME = re.compile(r"^[ \t]*:filename:[ \t]*(\S+)", re.MULTILINE)
_TIMELINE = re.compile(r"^[ \t]*:timeline:", re.MULTILINE)

Key = tuple[Path, bool]  # the snippet and whether its timeline is traced


def snippets_in(sources: Iterable[Path], example_dir: Path) -> dict[Key, str]:
    """The snippets that the exec_code blocks of these page sources name, in order, each with
    the place it is first shown (``docs/page.md:12``, the line of the directive)."""
    found: dict[Key, str] = {}
    for source in sources:
        text = source.read_text(encoding="utf-8")
        for match in _EXEC_CODE.finditer(text):
            options = match.group(2)
            if name := _FILENAME.search(options):
                snippet = (example_dir / name.group(1)).resolve()
                if snippet.is_file():
                    line = text.count("\n", 0, match.start()) + 1
                    key = (snippet, bool(_TIMELINE.search(options)))
                    found.setdefault(key, f"{snippet_runner.display_path(source)}:{line}")
    return found


@dataclasses.dataclass
class Prefetch:
    """The build's handle on the prefetch process (copied into forked readers)."""

    handoff: Path
    process: subprocess.Popen[bytes] | None  # None when every result came from the cache
    locations: dict[Key, str]  # each snippet it verifies, and the page line that shows it
    # Each snippet's cache key, computed once at the start (a build does not edit snippets),
    # and the results already in the cache then: forked readers inherit both.
    keys: dict[Key, str] = dataclasses.field(default_factory=dict)
    cached: dict[str, snippet_runner.RunResult] = dataclasses.field(default_factory=dict)

    @classmethod
    def start(
        cls, locations: dict[Key, str], handoff: Path, limits: snippet_runner.Limits, cache_dir: Path | None
    ) -> Prefetch:
        handoff.mkdir(parents=True, exist_ok=True)
        prefetch = cls(handoff, None, locations)
        to_run = []
        for snippet, trace in locations:
            # Verified before under the same inputs: handed over at once, no process needed.
            key = prefetch.keys[snippet, trace] = snippet_runner.cache_key(
                snippet, python=interpreters.build(), limits=limits, trace=trace
            )
            cached = snippet_runner.read_cached(cache_dir, key) if cache_dir else None
            if cached is not None:
                prefetch.cached[key] = cached
            else:
                to_run.append([str(snippet), trace])
        if not to_run:
            (handoff / "done").touch()
            return prefetch
        order = {
            "handoff": str(handoff),
            "cache_dir": str(cache_dir) if cache_dir else None,
            "limits": dataclasses.asdict(limits),
            "keys": to_run,
        }
        prefetch.process = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE)
        assert prefetch.process.stdin is not None
        with prefetch.process.stdin:
            prefetch.process.stdin.write(json.dumps(order).encode())
        return prefetch

    def covers(self, snippet: Path, trace: bool) -> bool:
        return (snippet, trace) in self.locations

    def result(self, snippet: Path, trace: bool) -> snippet_runner.RunResult | None:
        """The verified result, once the prefetch has one; None if it failed or is not
        covered (then "verify it yourself")."""
        key = self.keys.get((snippet, trace))
        if key is None:
            return None
        if key in self.cached:
            return self.cached[key]
        while True:
            if (found := snippet_runner.read_cached(self.handoff, key)) is not None:
                return found
            if (self.handoff / f"{key}.failed").exists() or not self._running():
                return None
            time.sleep(0.005)

    def accept(self, snippet: Path, trace: bool, result: snippet_runner.RunResult) -> None:
        """Record a result verified by the build itself after the prefetch failed it."""
        snippet_runner.write_cached(self.handoff, self.keys[snippet, trace], result)

    def _running(self) -> bool:
        if (self.handoff / "done").exists() or self.process is None:
            return False
        try:
            state = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False  # gone (or no /proc: the done marker and results still end the wait)
        return state != "Z"  # a zombie has exited

    def stop(self) -> None:
        """At the end of the build (the main process only): nothing it verifies is needed now."""
        if self.process is not None:
            # SIGTERM first: it kills its runs and removes their folders before it exits.
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            # Whatever it could not remove itself (killed outright): found by its pid.
            snippet_runner.remove_leftovers_of(self.process.pid)
        shutil.rmtree(self.handoff, ignore_errors=True)


def _prefetch(order: dict[str, object]) -> None:
    handoff = Path(str(order["handoff"]))
    cache_dir = Path(str(order["cache_dir"])) if order["cache_dir"] else None
    limits_fields = order["limits"]
    assert isinstance(limits_fields, dict)
    limits = snippet_runner.Limits(**limits_fields)
    entries = order["keys"]
    assert isinstance(entries, list)
    keys = [(Path(snippet), bool(trace)) for snippet, trace in entries]

    def verify(key: Key) -> None:
        snippet, trace = key
        cache_key = snippet_runner.cache_key(snippet, python=interpreters.build(), limits=limits, trace=trace)
        try:
            # Both runs side by side even on the real clock: if load skews them, the build
            # verifies the snippet again alone, one run after the other.
            result = snippet_runner.verify_snippet(
                snippet,
                python=interpreters.build(),
                limits=limits,
                trace=trace,
                cache_dir=cache_dir,
                side_by_side=True,
            )
        except Exception:
            if not _cancelled:
                (handoff / f"{cache_key}.failed").touch()
            return
        if not _cancelled:
            snippet_runner.write_cached(handoff, cache_key, result)

    real = [key for key in keys if snippet_runner.clock_for(key[0]) == "real"]
    # Timelines are drawn while pages are written, the rest is checked at the end of the
    # build: traced snippets go first, so that writing does not wait for them.
    virtual = sorted((key for key in keys if key not in real), key=lambda key: not key[1])
    # Two runs in flight per core: each run also waits (for its worker's fork, for its output
    # to be read), and one per core left the cores idle in between. Four paired cold builds on
    # 2 cores: 15.2 s on average against 16.9 s; three per core was no better than two.
    per_core = max(1, (os.cpu_count() or 1) // len(snippet_runner.DETERMINISM_SEEDS)) * 2
    try:
        with ThreadPoolExecutor(max(1, len(real))) as waiting, ThreadPoolExecutor(per_core) as busy:
            for key in real:
                waiting.submit(verify, key)
            for key in virtual:
                busy.submit(verify, key)
    finally:
        (handoff / "done").touch()


# What cancels this process (the build's stop(), Ctrl-C, the build's death), and what the
# thread doing the work sends the main thread when it is done.
CANCEL_SIGNALS = {signal.SIGTERM, signal.SIGINT, signal.SIGHUP}
DONE_SIGNAL = signal.SIGUSR1
PR_SET_PDEATHSIG = 1
_cancelled = False


def _main(order: dict[str, object]) -> None:
    """Verify in a thread; the main thread only waits for the end or a cancel signal.

    A Python signal handler runs in the main thread, and only once the kernel interrupts that
    thread: a process-directed signal that lands on another thread leaves the main thread
    asleep in a join until a hanging run times out, and the build kills this process with its
    runs' folders and groups still there. Blocked in every thread and taken with sigwait,
    a cancel signal ends this process at once, whichever thread it reached.
    """
    global _cancelled
    handoff = Path(str(order["handoff"]))
    main_thread = threading.get_ident()

    def work() -> None:
        try:
            _prefetch(order)
        finally:
            signal.pthread_kill(main_thread, DONE_SIGNAL)

    # The build gone (killed outright): this process gets SIGTERM from the kernel.
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() == 1:  # the build ended before the line above took effect
        os.kill(os.getpid(), signal.SIGTERM)
    threading.Thread(target=work, daemon=True).start()
    signum = signal.sigwait(CANCEL_SIGNALS | {DONE_SIGNAL})
    if signum != DONE_SIGNAL:
        _cancelled = True  # no thread hands over another result (which would make the folder again)
        shutil.rmtree(handoff, ignore_errors=True)
        snippet_runner.end_everything(signum)


if __name__ == "__main__":
    # Before any thread starts, so that every thread inherits it (the runs' processes get a
    # clean mask from snippet_forkserver.reset_signals).
    signal.pthread_sigmask(signal.SIG_BLOCK, CANCEL_SIGNALS | {DONE_SIGNAL})
    # Below the build's priority (its workers and runs inherit this): Sphinx reads at full
    # speed, and the runs take the CPU it leaves idle, most of all while pages are written.
    os.nice(10)
    _main(json.loads(sys.stdin.buffer.read()))
