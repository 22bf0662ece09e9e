# Requires Python 3.13 or newer.
"""get_coro() returns None for a task that finished eagerly (on 3.12.0-3.12.4 it crashes instead)."""

import asyncio
import sys

assert sys.version_info >= (3, 13), "this snippet needs Python 3.13 or newer"


async def instant() -> str:
    return "instant, no await"


async def slow() -> str:
    await asyncio.sleep(0.1)
    return "slow, suspended once"


async def main() -> None:
    loop = asyncio.get_running_loop()
    for factory in (None, asyncio.eager_task_factory):
        loop.set_task_factory(factory)
        print("eager task factory" if factory else "default task factory")
        for coro in [instant(), slow()]:
            task = asyncio.create_task(coro)
            result = await task
            got = task.get_coro()
            what = "None" if got is None else "its coroutine" if got is coro else "another object"
            print(f"  {result:21} -> get_coro() gives {what}")


asyncio.run(main())
