# Runs on the real clock: a worker thread and the loop pass items both ways.
"""Hand items between a thread and the loop: queue.Queue towards the thread, call_soon_threadsafe back."""

import asyncio
import queue
import threading


def worker(
    jobs: queue.Queue[int | None], loop: asyncio.AbstractEventLoop, results: asyncio.Queue[str]
) -> None:
    while (job := jobs.get()) is not None:  # a blocking get() is fine in a thread
        loop.call_soon_threadsafe(results.put_nowait, f"{job} squared is {job * job}")
    loop.call_soon_threadsafe(results.put_nowait, "worker: done")


async def main() -> None:
    loop = asyncio.get_running_loop()
    jobs: queue.Queue[int | None] = queue.Queue()  # thread-safe: for the direction loop -> thread
    results: asyncio.Queue[str] = asyncio.Queue()  # loop only: the thread reaches it through the loop
    thread = threading.Thread(target=worker, args=(jobs, loop, results))
    thread.start()
    for job in (2, 3, 4):
        jobs.put_nowait(job)  # never blocks: the queue has no size limit
    jobs.put_nowait(None)  # tells the worker to stop
    while (message := await results.get()) != "worker: done":
        print(f"main: {message}")
    await asyncio.to_thread(thread.join)
    print("main: the worker has finished")


asyncio.run(main())
