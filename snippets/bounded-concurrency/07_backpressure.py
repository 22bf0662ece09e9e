"""A bounded queue (maxsize=2) makes a fast producer wait in put() until the slow consumer catches up."""

import asyncio


async def consumer(queue: asyncio.Queue[int]) -> None:
    while True:
        await queue.get()
        await asyncio.sleep(0.5)  # slow work on each item
        queue.task_done()


async def run(maxsize: int) -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    queue: asyncio.Queue[int] = asyncio.Queue(maxsize=maxsize)
    worker = asyncio.create_task(consumer(queue))
    put_times: list[str] = []
    backlog = 0
    for item in range(6):  # a fast producer: no work of its own
        await queue.put(item)  # with maxsize=2, waits while 2 items are queued
        put_times.append(f"{loop.time() - start:.1f}")
        backlog = max(backlog, queue.qsize())
    print(f"maxsize={maxsize}: put() returned at {', '.join(put_times)} s; largest backlog {backlog}")
    await queue.join()
    print(f"maxsize={maxsize}: all items handled at {loop.time() - start:.1f} s")
    worker.cancel()


async def main() -> None:
    await run(maxsize=0)  # 0 means unbounded
    await run(maxsize=2)


asyncio.run(main())
