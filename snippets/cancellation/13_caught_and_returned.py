"""A task that catches CancelledError and returns a value is not cancelled, yet cancelling() is 1."""

import asyncio


async def worker() -> str:
    try:
        await asyncio.sleep(10)
        return "full result"
    except asyncio.CancelledError:
        return "partial result"  # the task declines to be cancelled


async def main() -> None:
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print("cancel() returned", task.cancel())
    print("await gives", repr(await task))
    print("cancelled() =", task.cancelled())
    print("result() =", repr(task.result()))
    print("cancelling() =", task.cancelling(), "(the request is still counted)")


asyncio.run(main())
