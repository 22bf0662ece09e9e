# Requires Python 3.13 or newer.
"""Queue.shutdown() lets consumers drain what is left, then get() raises QueueShutDown."""

import asyncio
import sys

assert sys.version_info >= (3, 13), "Queue.shutdown() needs Python 3.13 or newer"


async def consumer(name: str, seconds: float, queue: asyncio.Queue[str], start: float) -> None:
    loop = asyncio.get_running_loop()
    while True:
        try:
            item = await queue.get()
        except asyncio.QueueShutDown:
            print(f"{loop.time() - start:.1f} s  {name}: shut down and empty, returning")
            return
        await asyncio.sleep(seconds)
        print(f"{loop.time() - start:.1f} s  {name}: handled {item}")
        queue.task_done()


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    queue: asyncio.Queue[str] = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(consumer("fast", 1.0, queue, start))
        tg.create_task(consumer("slow", 1.5, queue, start))
        for item in ["job-1", "job-2", "job-3"]:
            await queue.put(item)
        queue.shutdown()  # no more puts; items already queued are still handed out
        try:
            await queue.put("job-4")
        except asyncio.QueueShutDown:
            print(f"{loop.time() - start:.1f} s  main: put() after shutdown() raised QueueShutDown")
    print(f"{loop.time() - start:.1f} s  main: both consumers returned")


asyncio.run(main())
