# Requires Python 3.12 or newer.
"""With the eager task factory, create_task runs the coroutine up to its first real suspension."""

import asyncio
import sys

assert sys.version_info >= (3, 12), "eager tasks need Python 3.12 or newer"


async def lookup() -> str:
    return "cached value"  # returns without suspending


async def worker() -> None:
    print("  worker: starts")
    print("  worker: got", await lookup())  # awaiting, but not suspending
    await asyncio.sleep(0.1)  # the first real suspension
    print("  worker: resumes")


async def main() -> None:
    loop = asyncio.get_running_loop()
    for factory in (None, asyncio.eager_task_factory):
        loop.set_task_factory(factory)
        print("eager task factory" if factory else "default task factory")
        print("  main: calls create_task")
        task = asyncio.create_task(worker())
        print("  main: create_task returned")
        await task


asyncio.run(main())
