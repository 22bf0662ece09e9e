"""Which create_task takes eager_start=: loop.create_task gained it within 3.13, every one has it on 3.14."""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

Make = Callable[[Coroutine[Any, Any, str]], asyncio.Task[str]]


async def lookup() -> str:
    return "cached"  # never suspends: started eagerly, it is finished inside create_task


async def main() -> None:
    loop = asyncio.get_running_loop()
    eager: dict[str, Any] = {"eager_start": True}  # through ** so that mypy accepts it on 3.11
    async with asyncio.TaskGroup() as tg:
        makers: dict[str, Make] = {
            "loop.create_task": lambda coro: loop.create_task(coro, **eager),
            "asyncio.create_task": lambda coro: asyncio.create_task(coro, **eager),
            "TaskGroup.create_task": lambda coro: tg.create_task(coro, **eager),
        }
        for label, make in makers.items():
            coro = lookup()
            try:
                task = make(coro)
            except TypeError as exc:
                coro.close()  # it never became a task: close it, or it warns "never awaited"
                print(f"{label}: TypeError: {exc}")
            else:
                print(f"{label}: accepted; done when it returned: {task.done()}")


asyncio.run(main())
