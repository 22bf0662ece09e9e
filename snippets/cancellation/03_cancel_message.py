"""The Task.cancel() message reaches the task and the first awaiter; a later result() call loses it."""

import asyncio


async def worker() -> None:
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as exc:
        print("inside the task:", repr(exc))
        raise


async def main() -> None:
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    task.cancel("shutting down")
    try:
        await task
    except asyncio.CancelledError as exc:
        print("first awaiter: ", repr(exc))
    try:
        task.result()  # asks for the outcome a second time
    except asyncio.CancelledError as exc:
        print("result() later:", repr(exc))


asyncio.run(main())
