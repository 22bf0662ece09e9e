"""Runs one snippet in the reader's browser (the Run button), as ``python name.py`` runs it in
the build: on the same virtual clock, with the same normalisation of its output.

Imported only inside Pyodide (CPython compiled to WebAssembly), in a Web Worker, by
``conf/static/run-in-browser-worker.js``; the build copies this file, the bootstrap's
``sitecustomize.py``, the installed looptime package and ``snippet_output.py`` into the site
unchanged (``conf/run_in_browser.py``), so the page runs the very code the build runs.
One interpreter runs one program: a new one is loaded for every run, as the build starts a
new process (the ``Task-N`` counter, logging and warnings filters start afresh).

What differs from the build is only what a browser lacks. There are no sockets, pipes or
threads, so the platform's event loop (``SelectorEventLoop``, which needs a socket pair) is
replaced by :class:`BrowserEventLoop`, a ``BaseEventLoop`` with nothing to wait for but timers;
the bootstrap then patches it with looptime exactly as it patches the platform's loop. Pyodide's
own loop and event-loop policy are put aside, so ``asyncio.run`` and ``get_event_loop`` behave
as in a plain interpreter.
"""

from __future__ import annotations

import asyncio
import asyncio.events
import atexit
import builtins
import contextlib
import gc
import importlib.machinery
import os
import selectors
import sys
import types
from pathlib import Path
from typing import Any

import snippet_output

# The folder a snippet runs in, as in the build's sandbox: normalisation removes it from paths.
WORKDIR = Path("/home/reader")


class NoIOSelector(selectors.BaseSelector):
    """A page's Python has no files to watch: ``select`` finds nothing ready, at once. The
    virtual clock (looptime, which wraps ``select``) moves time to the next timer instead."""

    def register(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        raise OSError("no sockets or pipes in a browser")

    def unregister(self, fileobj: Any) -> selectors.SelectorKey:
        raise KeyError(fileobj)

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        return []

    def get_map(self) -> dict[Any, selectors.SelectorKey]:
        return {}


class BrowserEventLoop(asyncio.BaseEventLoop):
    """The platform's loop in a browser: timers and callbacks only."""

    def __init__(self) -> None:
        super().__init__()
        self._selector = NoIOSelector()

    def _process_events(self, event_list: list[Any]) -> None:
        pass  # no I/O events exist

    def _write_to_self(self) -> None:
        pass  # call_soon_threadsafe wakes a selector; nothing here sleeps


# Python 3.14's names (the public ones are deprecated), not in the type stubs of older versions.
_BASE_POLICY: Any = vars(asyncio.events)["_BaseDefaultEventLoopPolicy"]
_set_event_loop_policy: Any = vars(asyncio.events)["_set_event_loop_policy"]


class BrowserEventLoopPolicy(_BASE_POLICY):  # type: ignore[misc]
    """The default policy of a plain interpreter, making the browser's loop."""

    _loop_factory = BrowserEventLoop


def prepare() -> None:
    """Once per interpreter, before the reader presses Run (a spare worker does it ahead):
    a plain interpreter's asyncio, then the bootstrap that every build run imports at start-up."""
    asyncio.events._set_running_loop(None)  # Pyodide marks its own loop as running
    _set_event_loop_policy(BrowserEventLoopPolicy())
    import sitecustomize  # the virtual clock: wraps asyncio.events.new_event_loop

    sitecustomize.import_looptime()  # as the build's pre-warmed worker does


def _exit_status(stop: SystemExit) -> int:
    """The status the interpreter gives ``sys.exit(code)``, printing a message code as it does."""
    if stop.code is None:
        return 0
    if isinstance(stop.code, int):
        return stop.code
    print(stop.code, file=sys.stderr)
    return 1


def run(source: str, name: str) -> int:
    """Run ``source`` as the script ``name`` in :data:`WORKDIR`; return its exit status.
    Its output goes to the worker's stdout and stderr handlers, in the order written."""
    WORKDIR.mkdir(parents=True, exist_ok=True)
    path = WORKDIR / name
    path.write_text(source, encoding="utf-8")
    os.chdir(WORKDIR)
    sys.argv[:] = [name]
    sys.path.insert(0, str(WORKDIR))
    module = types.ModuleType("__main__")
    module.__dict__.update(
        __file__=str(path),
        __cached__=None,
        __builtins__=builtins,
        __loader__=importlib.machinery.SourceFileLoader("__main__", str(path)),
    )
    sys.modules["__main__"] = module
    try:
        code = compile(source, str(path), "exec", dont_inherit=True)
        exec(code, module.__dict__)
    except SystemExit as stop:
        status = _exit_status(stop)
    except BaseException as error:
        # As the interpreter reports an uncaught exception: from the snippet's own frame on.
        traceback = error.__traceback__.tb_next if error.__traceback__ else None
        sys.excepthook(type(error), error.with_traceback(traceback), traceback)
        status = 1
    else:
        status = 0
    _finish()
    return status


def _finish() -> None:
    """What a program can observe of interpreter shutdown, in its order (as the build's
    forked runs do): threads joined, atexit functions, garbage collected, output flushed."""
    threading = sys.modules.get("threading")
    if threading is not None:
        threading._shutdown()
    atexit._run_exitfuncs()
    gc.collect()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()


def normalised(captured: str) -> str:
    """The run's output as pages show it (the build's rules: snippet_output.normalise)."""
    return snippet_output.normalise(captured, WORKDIR)
