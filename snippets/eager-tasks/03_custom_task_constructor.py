# Requires Python 3.12 or newer.
"""create_eager_task_factory makes any task constructor eager; a loop_factory installs it for run()."""

import asyncio
import sys
from collections.abc import Coroutine
from contextvars import Context
from typing import Any

assert sys.version_info >= (3, 12), "eager tasks need Python 3.12 or newer"


def log_failure(task: asyncio.Task[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        print(f"  [log] {task.get_name()} failed: {task.exception()!r}")


def logged_task(
    coro: Coroutine[Any, Any, Any],
    *,
    name: str | None = None,  # 3.14+ passes only what create_task was given: defaults needed
    context: Context | None = None,
    **kwargs: Any,  # loop and eager_start, and whatever a later Python passes on
) -> asyncio.Task[Any]:
    task = asyncio.Task(coro, name=name, context=context, **kwargs)
    task.add_done_callback(log_failure)
    return task


def new_loop() -> asyncio.AbstractEventLoop:
    loop = asyncio.new_event_loop()
    loop.set_task_factory(asyncio.create_eager_task_factory(logged_task))
    return loop


async def check(value: int) -> int:
    print(f"  check({value}) runs")
    if value < 0:
        raise ValueError(f"negative: {value}")
    return value


async def main() -> None:
    good = asyncio.create_task(check(1), name="check-1")
    bad = asyncio.create_task(check(-1), name="check-2")  # raises inside, not out of it
    print("both create_task calls returned")
    print("good:", good.done(), good.result())
    print("bad: ", bad.done(), repr(bad.exception()))
    await asyncio.sleep(0)  # done-callbacks still go through the loop
    print("main ends")


asyncio.run(main(), loop_factory=new_loop)
