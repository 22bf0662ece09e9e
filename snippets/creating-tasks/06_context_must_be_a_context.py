"""create_task accepts a dict as context, but the task never starts and Task.cancel() cannot end it."""

import asyncio
import contextvars
import gc
from typing import Any

user: contextvars.ContextVar[str] = contextvars.ContextVar("user", default="anonymous")


async def greet() -> None:
    print("hello,", user.get())  # never printed


def report(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    exc = context.get("exception")
    print("  the loop reports:", f"{type(exc).__name__}: {exc}" if exc else context["message"])


async def main() -> None:
    asyncio.get_running_loop().set_exception_handler(report)
    task = asyncio.create_task(greet(), context={user: "alice"})  # type: ignore[arg-type]
    print("create_task accepted a dict and returned", task.get_name())
    await asyncio.sleep(1)
    print("one second later, done?", task.done())
    task.cancel()
    await asyncio.sleep(1)
    print("after cancel(), done?", task.done())
    # asyncio.run would wait for this task forever at exit; only destroying it ends the program
    del task
    gc.collect()


asyncio.run(main())
