# Requires Python 3.12 or newer.
"""Where eager tasks pay off: cache hits finish inside create_task, so the loop has nothing to do."""

import asyncio
import sys

assert sys.version_info >= (3, 12), "eager tasks need Python 3.12 or newer"

cache = {key: key * key for key in range(100)}  # a warm cache
turns = 0


async def count_turns() -> None:
    global turns
    while True:
        turns += 1  # one more time round the event loop
        await asyncio.sleep(0)


async def square(key: int) -> int:
    if key in cache:
        return cache[key]  # a hit: no await at all
    await asyncio.sleep(0.1)  # a miss would fetch the value
    cache[key] = key * key
    return cache[key]


async def main() -> None:
    loop = asyncio.get_running_loop()
    counter = asyncio.create_task(count_turns())
    for factory in (None, asyncio.eager_task_factory):
        loop.set_task_factory(factory)
        start = turns
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(square(key)) for key in range(100)]
            waiting = sum(not task.done() for task in tasks)
        total = sum(task.result() for task in tasks)
        label = "eager  " if factory else "default"
        print(f"{label}: {waiting:3} tasks left for the loop, {turns - start} loop turns, total {total}")
    counter.cancel()


asyncio.run(main())
