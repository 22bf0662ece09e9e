"""Task.cancel() is only a request: the task is not done until its next turn, when its await raises."""

import asyncio


async def worker(start: float) -> None:
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"worker: CancelledError raised at its await, at {loop.time() - start:.1f} s")
        raise


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(worker(start))
    await asyncio.sleep(1)
    print("main: cancel() returned", task.cancel())
    print("main: right after: cancelled() =", task.cancelled(), "done() =", task.done())
    print("main: the worker has not run yet; main keeps going until its next await")
    await asyncio.sleep(0)  # one turn of the loop: the worker runs and sees the exception
    print("main: one loop turn later: cancelled() =", task.cancelled())


asyncio.run(main())
