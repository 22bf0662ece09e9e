"""Records each task's lifecycle on the loop clock, for the timelines under snippet outputs.

Imported by ``sitecustomize`` only when the runner asks for a trace (HANDBOOK_TRACE is a file
path). Nothing here changes what a snippet prints: the runner compares this run's output with
an untraced run's. Events, one JSON object a line:

- ``created``: a task was created (``loop.create_task``, used by create_task, TaskGroup,
  gather, wait_for, ...); ``resumed`` / ``suspended``: its coroutine started or continued /
  gave control back; ``timeout``: an ``asyncio.timeout`` (and so, from 3.12, ``wait_for``)
  expired in this task; ``done``: it ended, with ``outcome`` ``result``, ``cancelled`` or the
  exception's type name; ``pending``: it had not ended when the loop closed.
"""

from __future__ import annotations

import asyncio
import asyncio.timeouts
import json
import sys
import types
import weakref
from collections.abc import Callable, Coroutine
from dis import opmap
from typing import Any

Task = asyncio.Task[Any]
YIELD_VALUE = opmap["YIELD_VALUE"]
RESUME = opmap["RESUME"]


def _suspended(frame: types.FrameType) -> bool:
    """Whether a coroutine frame that just returned control yielded (else it finished).
    At a yield, 3.11 and 3.12 stop on YIELD_VALUE; 3.13 already points at the RESUME after it."""
    code, last = frame.f_code.co_code, frame.f_lasti
    return code[last] == YIELD_VALUE or (code[last] == RESUME and last >= 2 and code[last - 2] == YIELD_VALUE)


class Tracer:
    def __init__(self, loop: asyncio.AbstractEventLoop, path: str) -> None:
        self.loop = loop
        self.path = path
        self.start = loop.time()
        self.events: list[dict[str, Any]] = []
        # Weak references only: holding a task would keep alive what a snippet lets go of.
        self.ids: weakref.WeakKeyDictionary[Task, int] = weakref.WeakKeyDictionary()
        self.count = 0
        self.frames: dict[int, weakref.ref[Task]] = {}
        self.finishing: list[tuple[weakref.ref[Task], float]] = []

    def record(self, task: Task, event: str, time: float | None = None, **extra: Any) -> None:
        now = self.loop.time() if time is None else time
        self.events.append({"task": self.ids[task], "event": event, "t": round(now - self.start, 6), **extra})

    def created(self, task: Task) -> None:
        coro = task.get_coro()
        qualname = getattr(coro, "__qualname__", "")
        if qualname.startswith("BaseEventLoop.shutdown_"):
            return  # asyncio.run's own clean-up after main() ended, not the snippet's tasks
        self.ids[task] = self.count
        self.count += 1
        self.record(task, "created", name=task.get_name(), coro=qualname)
        frame = getattr(coro, "cr_frame", None)
        if frame is not None:
            self.frames[id(frame)] = weakref.ref(task)

    def profile(self, frame: types.FrameType, event: str, arg: object) -> None:
        # No done-callback: it would show in the task's repr and, while queued, keep the task
        # alive. A task's end is seen when its coroutine frame leaves for good, and its outcome
        # at the next profiled event, once the task has stored its result.
        if self.finishing:
            self.settle()
        if event not in ("call", "return"):
            return
        ref = self.frames.get(id(frame))
        task = ref() if ref is not None else None
        # A freed frame's id can be reused: trust the entry only if it is still this task's frame.
        if task is None or getattr(task.get_coro(), "cr_frame", None) is not frame:
            return
        if event == "call":
            self.record(task, "resumed")
        elif _suspended(frame):
            self.record(task, "suspended")
        else:  # returned or raised: the coroutine is finished
            self.finishing.append((weakref.ref(task), self.loop.time()))

    def settle(self) -> None:
        """Record the end of finished coroutines whose task has stored its outcome."""
        still: list[tuple[weakref.ref[Task], float]] = []
        for ref, time in self.finishing:
            task = ref()
            if task is None:
                continue  # collected before its outcome could be read
            if not task.done():
                still.append((ref, time))
                continue
            if task.cancelled():
                outcome = "cancelled"
            else:
                # The private field, because task.exception() would mark the exception as
                # retrieved and silence asyncio's "Task exception was never retrieved".
                exception = getattr(task, "_exception", None)
                outcome = "result" if exception is None else type(exception).__name__
            self.record(task, "done", time, outcome=outcome, name=task.get_name())
        self.finishing = still

    def close(self) -> None:
        self.settle()
        for task in list(self.ids):
            if not task.done():
                self.record(task, "pending", name=task.get_name())
        with open(self.path, "w", encoding="utf-8") as trace:
            for event in self.events:
                trace.write(json.dumps(event, sort_keys=True) + "\n")


def install(loop: asyncio.AbstractEventLoop, path: str) -> Callable[[], None]:
    """Start tracing ``loop``; return the function that writes the trace at loop close."""
    tracer = Tracer(loop, path)
    create_task = loop.create_task

    def traced_create_task(coro: Coroutine[Any, Any, Any], **kwargs: Any) -> Task:
        task = create_task(coro, **kwargs)
        tracer.created(task)
        return task

    loop.create_task = traced_create_task  # type: ignore[method-assign, assignment]

    on_timeout = asyncio.timeouts.Timeout._on_timeout  # type: ignore[attr-defined]

    def traced_on_timeout(self: asyncio.timeouts.Timeout) -> None:
        task = getattr(self, "_task", None)
        if task is not None and task in tracer.ids:
            tracer.record(task, "timeout")
        on_timeout(self)

    asyncio.timeouts.Timeout._on_timeout = traced_on_timeout  # type: ignore[attr-defined]
    sys.setprofile(tracer.profile)

    def finish() -> None:
        sys.setprofile(None)
        tracer.close()

    return finish
