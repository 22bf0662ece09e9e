"""A second Task.cancel() interrupts the awaiting cleanup at 1.2 s, and cancelling() reports 2."""

import asyncio


async def worker(start: float) -> None:
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    finally:
        print(f"worker: cleanup starts at {loop.time() - start:.1f} s")
        try:
            await asyncio.sleep(0.5)
            print("worker: cleanup done")  # never printed
        except asyncio.CancelledError:
            print(f"worker: cleanup interrupted at {loop.time() - start:.1f} s")
            raise


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(worker(start))
    await asyncio.sleep(1)
    task.cancel()
    await asyncio.sleep(0.2)
    task.cancel()  # an impatient second request, while the cleanup is awaiting
    await asyncio.gather(task, return_exceptions=True)
    print("main: cancelled() =", task.cancelled(), "cancelling() =", task.cancelling())


asyncio.run(main())
