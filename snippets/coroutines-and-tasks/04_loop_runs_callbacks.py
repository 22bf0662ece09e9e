"""A task's steps wait in the same first-in, first-out queue as call_soon callbacks, and run in order."""

import asyncio


async def job() -> None:
    print("  task step 1: runs up to its first await")
    await asyncio.sleep(1)
    print("  task step 2: runs once the sleep's timer has fired")


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "  plain callback A")
    task = asyncio.create_task(job())  # queues the task's first step, like call_soon
    loop.call_soon(print, "  plain callback B")
    print("main: queued A, the task, B; now main yields")
    await asyncio.sleep(0)
    print("main: resumed (its own step was queued behind B)")
    await task


asyncio.run(main())
