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
from typing import Any

Task = asyncio.Task[Any]


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

    def record(self, task: Task, event: str, **extra: Any) -> None:
        time = round(self.loop.time() - self.start, 6)
        self.events.append({"task": self.ids[task], "event": event, "t": time, **extra})

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
        task.add_done_callback(self.done)

    def done(self, task: Task) -> None:
        if task not in self.ids:
            return
        if task.cancelled():
            outcome = "cancelled"
        else:
            # Read the private field: task.exception() would mark the exception as retrieved
            # and silence asyncio's "Task exception was never retrieved" report.
            exception = getattr(task, "_exception", None)
            outcome = "result" if exception is None else type(exception).__name__
        self.record(task, "done", outcome=outcome, name=task.get_name())

    def profile(self, frame: types.FrameType, event: str, arg: object) -> None:
        if event not in ("call", "return"):
            return
        ref = self.frames.get(id(frame))
        task = ref() if ref is not None else None
        # A freed frame's id can be reused: trust the entry only if it is still this task's frame.
        if task is not None and getattr(task.get_coro(), "cr_frame", None) is frame:
            self.record(task, "resumed" if event == "call" else "suspended")

    def close(self) -> None:
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

    # Run the recorder's done-callback at once instead of queueing it: a queued callback holds
    # the task, which would keep alive a task the snippet lets go of (and delay asyncio's
    # "never retrieved" and "destroyed but pending" reports).
    call_soon = loop.call_soon

    def traced_call_soon(callback: Callable[..., object], *args: Any, **kwargs: Any) -> asyncio.Handle:
        if callback == tracer.done:
            tracer.done(*args)
            return asyncio.Handle(lambda: None, (), loop)
        return call_soon(callback, *args, **kwargs)

    loop.call_soon = traced_call_soon  # type: ignore[method-assign, assignment]

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
