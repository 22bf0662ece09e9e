"""A TaskGroup child raising KeyboardInterrupt still leaves "Task exception was never retrieved"."""

import asyncio
import gc
from typing import Any


def report(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    task = context["future"]
    print(f"loop exception handler: {context['message']}: {task.get_name()} {context['exception']!r}")


async def child() -> None:
    await asyncio.sleep(0.1)
    raise KeyboardInterrupt  # what Ctrl-C raises, here raised by the task itself


async def main() -> None:
    asyncio.get_running_loop().set_exception_handler(report)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(), name="child")


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt reached the caller of asyncio.run()")
gc.collect()  # the report comes when the task object is collected
print("after gc.collect()")
