"""Closing a generator suspended inside a TaskGroup raised BaseExceptionGroup([GeneratorExit]) before 3.15."""

import asyncio
import contextlib
from collections.abc import AsyncGenerator
from typing import Any


async def heartbeat() -> None:
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        print("  heartbeat: cancelled by the closing group")
        raise


async def numbers() -> AsyncGenerator[int, None]:
    async with asyncio.TaskGroup() as tg:
        tg.create_task(heartbeat())
        for n in range(100):
            await asyncio.sleep(0.1)
            yield n  # suspends inside the task group


def report(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    print(f"  exception handler: {context['message']}: {context.get('exception')!r}")


async def main() -> None:
    asyncio.get_running_loop().set_exception_handler(report)
    print("with aclosing():")
    try:
        async with contextlib.aclosing(numbers()) as stream:
            async for n in stream:
                if n == 1:
                    break  # leaving the block calls aclose(): GeneratorExit at the yield
    except BaseExceptionGroup as group:
        print(f"  aclose() raised {group!r}")
    else:
        print("  aclose() returned normally")

    print("without aclosing(), the generator is dropped after the break:")
    async for n in numbers():
        if n == 1:
            break  # the garbage collector's finalizer hook schedules aclose() in a new task
    await asyncio.sleep(0.1)
    print("  main: 0.1 s later")


asyncio.run(main())
