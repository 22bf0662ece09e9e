"""A worker that dies without calling task_done() leaves queue.join() waiting forever."""

import asyncio


async def careless_worker(queue: asyncio.Queue[float]) -> None:
    while True:
        seconds = await queue.get()
        if seconds < 0:
            raise ValueError(f"bad job {seconds}")  # no task_done(), and the worker is gone
        await asyncio.sleep(seconds)
        queue.task_done()


async def main() -> None:
    queue: asyncio.Queue[float] = asyncio.Queue()
    for seconds in [0.5, -1.0, 0.5]:
        queue.put_nowait(seconds)
    worker = asyncio.create_task(careless_worker(queue), name="careless")
    try:
        async with asyncio.timeout(5.0):
            await queue.join()
    except TimeoutError:
        print(f"join() gave up after 5 s; {queue.qsize()} item still in the queue")
    print(f"worker done: {worker.done()}, exception: {worker.exception()!r}")
    try:
        for _ in range(3):
            queue.task_done()  # one call too many: 2 items were unfinished
    except ValueError as exc:
        print(f"ValueError: {exc}")


asyncio.run(main())
