# Requires Python 3.13 or newer.
"""shutdown(immediate=True) drops queued items and wakes a producer blocked in put()."""

import asyncio
import sys

assert sys.version_info >= (3, 13), "Queue.shutdown() needs Python 3.13 or newer"


async def producer(queue: asyncio.Queue[str], start: float) -> None:
    loop = asyncio.get_running_loop()
    try:
        for n in range(1, 10):
            await queue.put(f"job-{n}")  # blocks while the queue holds 2 items
    except asyncio.QueueShutDown:
        print(f"{loop.time() - start:.1f} s  producer: QueueShutDown from put(job-{n})")


async def consumer(queue: asyncio.Queue[str], start: float) -> None:
    loop = asyncio.get_running_loop()
    while True:
        try:
            item = await queue.get()
        except asyncio.QueueShutDown:
            print(f"{loop.time() - start:.1f} s  consumer: QueueShutDown from get()")
            return
        await asyncio.sleep(1.0)
        print(f"{loop.time() - start:.1f} s  consumer: handled {item}")
        queue.task_done()


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    queue: asyncio.Queue[str] = asyncio.Queue(maxsize=2)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(queue, start))
        tg.create_task(consumer(queue, start))
        await asyncio.sleep(1.5)  # the consumer is halfway through job-2
        print(f"{loop.time() - start:.1f} s  main: shutdown(immediate=True), {queue.qsize()} items dropped")
        queue.shutdown(immediate=True)
        await queue.join()  # only job-2, still being handled, is left unfinished
        print(f"{loop.time() - start:.1f} s  main: join() returned")


asyncio.run(main())
