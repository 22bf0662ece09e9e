"""Three workers share one Queue; join() waits until every item is marked done, then they are cancelled."""

import asyncio


async def worker(name: str, queue: asyncio.Queue[float], start: float) -> None:
    loop = asyncio.get_running_loop()
    while True:
        seconds = await queue.get()  # waits while the queue is empty
        try:
            await asyncio.sleep(seconds)  # the job
            print(f"{loop.time() - start:.1f} s  {name} finished a {seconds} s job")
        finally:
            queue.task_done()  # exactly once per get(), even if the job fails


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    queue: asyncio.Queue[float] = asyncio.Queue()
    for seconds in [1.2, 0.4, 0.7, 0.5, 0.3, 0.6]:
        queue.put_nowait(seconds)
    workers = [asyncio.create_task(worker(f"worker-{n}", queue, start), name=f"worker-{n}") for n in range(3)]
    await queue.join()  # returns when task_done() was called once per item
    print(f"{loop.time() - start:.1f} s  queue.join() returned")
    for task in workers:
        task.cancel()  # the workers wait forever on get(): stop them
    results = await asyncio.gather(*workers, return_exceptions=True)
    print(f"workers ended with: {[type(r).__name__ for r in results]}")


asyncio.run(main())
