"""A task cancelled before its first turn never runs its body; a second Task.cancel() returns False."""

import asyncio


async def worker() -> None:
    print("worker: started")  # never printed
    await asyncio.sleep(1)


async def main() -> None:
    task = asyncio.create_task(worker())
    task.cancel()  # the task exists but has not had its first turn yet
    try:
        await task
    except asyncio.CancelledError:
        print("main: awaiting the task raised CancelledError")
    print("main: cancelled() =", task.cancelled())
    print("main: cancel() on a cancelled task returns", task.cancel())


asyncio.run(main())
