"""Coroutines, tasks, futures and objects with __await__ can all be awaited; a Task is a Future."""

import asyncio
import inspect
from collections.abc import Generator
from typing import Any


async def compute() -> str:
    await asyncio.sleep(1)
    return "from a coroutine"


class Delayed:
    """Not a coroutine: awaitable because it defines __await__."""

    def __await__(self) -> Generator[Any, None, str]:
        yield from asyncio.sleep(1).__await__()
        return "from an object with __await__"


async def main() -> None:
    loop = asyncio.get_running_loop()
    print("Task is a subclass of Future:", issubclass(asyncio.Task, asyncio.Future))
    future: asyncio.Future[str] = loop.create_future()
    loop.call_later(1, future.set_result, "from a Future, set by a callback")
    task = asyncio.create_task(compute())
    for awaitable in (compute(), task, future, Delayed()):
        print(f"{type(awaitable).__name__:9} awaitable={inspect.isawaitable(awaitable)}")
        print("  ->", await awaitable)


asyncio.run(main())
