"""Cleanup in finally may await: the cancelled task ends at 1.5 s, after its 0.5 s of cleanup."""

import asyncio


async def worker(start: float) -> None:
    loop = asyncio.get_running_loop()
    try:
        print("worker: connected, working")
        await asyncio.sleep(10)
    finally:
        print(f"worker: cleanup starts at {loop.time() - start:.1f} s")
        await asyncio.sleep(0.5)  # for example: send a goodbye, close the connection
        print(f"worker: cleanup done at {loop.time() - start:.1f} s")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(worker(start))
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"main: task finished cancelling at {loop.time() - start:.1f} s")


asyncio.run(main())
