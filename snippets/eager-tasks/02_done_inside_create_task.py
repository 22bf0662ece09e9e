# Requires Python 3.12 or newer.
"""An eager task that never suspends is finished before create_task returns, without the loop."""

import asyncio
import sys

assert sys.version_info >= (3, 12), "eager tasks need Python 3.12 or newer"


async def add(a: int, b: int) -> int:
    return a + b  # no await at all


async def main() -> None:
    loop = asyncio.get_running_loop()
    for factory in (None, asyncio.eager_task_factory):
        loop.set_task_factory(factory)
        print("eager task factory" if factory else "default task factory")
        turns: list[str] = []
        loop.call_soon(turns.append, "turn")  # runs when the loop next gets control
        task = asyncio.create_task(add(2, 3))
        print("  done() straight after create_task:", task.done())
        print("  listed in all_tasks():", task in asyncio.all_tasks())
        print("  await task gives:", await task)
        print("  the loop got control meanwhile:", bool(turns))


asyncio.run(main())
