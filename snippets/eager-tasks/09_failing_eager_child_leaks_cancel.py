# Requires Python 3.12 or newer.
"""A child that fails in its eager first step: 3.12.1 leaks a cancellation out of the task group."""

import asyncio
import sys

assert sys.version_info >= (3, 12), "eager tasks need Python 3.12 or newer"


async def validate() -> None:
    raise ValueError("bad input")  # fails before its first suspension: inside create_task


async def main() -> None:
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(validate())
    except* ValueError as group:
        print("the group reported:", group.exceptions)
    try:
        await asyncio.sleep(1)  # main's next await, after the error was handled
        print("main carries on")
    except asyncio.CancelledError:
        print("main's next await raised CancelledError: nobody cancelled main")


asyncio.run(main())
