"""A dict as context=: TypeError at once on 3.13.18 and 3.15.2; elsewhere a task that can never start."""

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
    coro = greet()
    try:
        task = asyncio.create_task(coro, context={user: "alice"})  # type: ignore[arg-type]
    except TypeError as exc:  # 3.13.18 and 3.15.2 run here check the type
        coro.close()  # it never became a task: close it, or it warns "never awaited"
        print("create_task refused the dict at once:", exc)
        return
    print("create_task accepted a dict and returned", task.get_name())
    await asyncio.sleep(1)
    print("one second later, done?", task.done())
    task.cancel()
    await asyncio.sleep(1)
    print("after cancel(), done?", task.done())
    # asyncio.run would wait for this task forever at exit; only destroying it ends the program
    del task, coro
    gc.collect()


asyncio.run(main())
