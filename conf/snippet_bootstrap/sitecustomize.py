"""Interpreter start-up hook for snippet runs: installs the virtual clock.

The runner makes this module the interpreter's ``sitecustomize`` (in the sandbox, bound into
its site-packages; without it, through PYTHONPATH), so Python imports it before the snippet
starts. The snippet itself stays plain asyncio and never mentions the clock.

The clock goes in without an event-loop policy (deprecated in 3.14, on their way out): the
function every ``asyncio.run()`` and ``asyncio.Runner`` calls to make its loop,
``asyncio.events.new_event_loop``, is wrapped. A snippet that passes its own ``loop_factory``
or builds a loop class directly gets that loop, on the real clock, as a reader would.

The runner's settings arrive as environment variables and leave the environment as soon as
they are read (:func:`take_settings`), so a snippet's ``os.environ`` is a reader's:

- HANDBOOK_CLOCK: "virtual" (default) or "real".
- HANDBOOK_STATS: a file path; each event loop appends its final time there,
  so the runner knows how much waiting the snippet did.
- HANDBOOK_TRACE: a file path; if set, the task lifecycle is recorded there
  (see handbook_trace.py) for the timeline drawn under the output.
"""

import asyncio
import asyncio.events
import functools
import os
import sys
from typing import Any

_settings: dict[str, str] = {}


# A fresh run gets its settings in a memory file at this descriptor, so that not even
# /proc/self/environ shows them (the runner's SETTINGS_FD and SETTINGS_NAME).
_SETTINGS_FD = 3
_SETTINGS_NAME = "/memfd:handbook-settings"


def take_settings() -> None:
    """Read the runner's settings (its memory file, else its variables, which a forked run's
    worker sets), then close the file and remove the variables."""
    for name in ("HANDBOOK_CLOCK", "HANDBOOK_STATS", "HANDBOOK_TRACE"):
        value = os.environ.pop(name, None)
        if value is not None:
            _settings[name] = value
    try:
        ours = os.readlink(f"/proc/self/fd/{_SETTINGS_FD}").startswith(_SETTINGS_NAME)
    except OSError:
        return  # no such descriptor: a reader's run, or a forked one
    if ours:
        with os.fdopen(_SETTINGS_FD, "rb") as settings:
            for line in settings.read().decode().splitlines():
                name, _, value = line.partition("=")
                _settings[name] = value


def _handbook_loop(loop: asyncio.AbstractEventLoop) -> asyncio.AbstractEventLoop:
    """The virtual clock, the loop-time record and the trace, on a new event loop."""
    if _settings.get("HANDBOOK_CLOCK", "virtual") == "virtual":
        looptime = import_looptime()
        loop = looptime.patch_event_loop(loop)
        _real_time_for_executor_shutdown(loop)
    start = loop.time()
    original_close = loop.close
    stats_path = _settings.get("HANDBOOK_STATS")
    trace_path = _settings.get("HANDBOOK_TRACE")
    finish_trace = None
    if trace_path:
        import handbook_trace

        finish_trace = handbook_trace.install(loop, trace_path)

    def close(*args: Any, **kwargs: Any) -> None:
        # Record the time the loop spent (virtual or real) before closing.
        if stats_path and not loop.is_closed():
            with open(stats_path, "a", encoding="utf-8") as stats:
                stats.write(f"{loop.time() - start:.6f}\n")
        if finish_trace is not None and not loop.is_closed():
            finish_trace()
        original_close(*args, **kwargs)

    loop.close = close  # type: ignore[method-assign]
    return loop


def import_looptime() -> Any:
    """Import the clock library without pytest: looptime defines a pytest fixture whenever
    pytest is importable, which would load pytest (about 0.2 s and 200 modules) into every
    snippet run in an environment that has the test tools. A None entry in sys.modules makes
    that one import fail, as it would where pytest is not installed."""
    if "looptime" in sys.modules:
        return sys.modules["looptime"]
    hidden = "pytest" not in sys.modules
    if hidden:
        sys.modules["pytest"] = None  # type: ignore[assignment]
    try:
        import looptime
    finally:
        if hidden:
            del sys.modules["pytest"]
    return looptime


def _real_time_for_executor_shutdown(loop: Any) -> None:
    """From 3.12, asyncio.run joins the default executor's threads under a 300 s timeout.
    The threads run in real time while the virtual clock would skip those 300 s at once and
    report a join that did not finish. asyncio.run's own call therefore waits without a
    timeout, as 3.11 does; a real thread that hangs is still stopped by the runner's limit.
    This returns the original coroutine, so nothing about it shows in any output."""
    shutdown = loop.shutdown_default_executor

    @functools.wraps(shutdown)  # keeps the signature that a snippet may inspect
    def shutdown_default_executor(*args: Any, **kwargs: Any) -> Any:
        from asyncio import constants

        if args == (getattr(constants, "THREAD_JOIN_TIMEOUT", None),):
            args = (None,)
        return shutdown(*args, **kwargs)

    loop.shutdown_default_executor = shutdown_default_executor


def _install() -> None:
    """Wrap the loop maker that asyncio.run and asyncio.Runner call (and its public alias)."""
    make_loop = asyncio.events.new_event_loop

    @functools.wraps(make_loop)
    def new_event_loop() -> asyncio.AbstractEventLoop:
        return _handbook_loop(make_loop())

    asyncio.events.new_event_loop = new_event_loop
    asyncio.new_event_loop = new_event_loop


take_settings()
_install()
