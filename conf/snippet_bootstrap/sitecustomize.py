"""Interpreter start-up hook for snippet runs: installs the virtual clock.

The runner puts this folder on PYTHONPATH, so Python imports it before the
snippet starts. The snippet itself stays plain asyncio and never mentions the
clock. Environment variables (set only by the runner):

- HANDBOOK_CLOCK: "virtual" (default) or "real".
- HANDBOOK_STATS: a file path; each event loop appends its final time there,
  so the runner knows how much waiting the snippet did.
- HANDBOOK_TRACE: a file path; if set, the task lifecycle is recorded there
  (see handbook_trace.py) for the timeline drawn under the output.
"""

import asyncio
import functools
import os
import sys
from typing import Any


class _HandbookPolicy(asyncio.DefaultEventLoopPolicy):
    """Creates event loops whose clock jumps over idle waits (virtual mode)."""

    def new_event_loop(self) -> asyncio.AbstractEventLoop:
        loop = super().new_event_loop()
        if os.environ.get("HANDBOOK_CLOCK", "virtual") == "virtual":
            looptime = import_looptime()
            loop = looptime.patch_event_loop(loop)
            _real_time_for_executor_shutdown(loop)
        start = loop.time()
        original_close = loop.close
        trace_path = os.environ.get("HANDBOOK_TRACE")
        finish_trace = None
        if trace_path:
            import handbook_trace

            finish_trace = handbook_trace.install(loop, trace_path)

        def close(*args: Any, **kwargs: Any) -> None:
            # Record the time the loop spent (virtual or real) before closing.
            stats_path = os.environ.get("HANDBOOK_STATS")
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


asyncio.set_event_loop_policy(_HandbookPolicy())
