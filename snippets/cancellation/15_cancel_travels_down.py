"""Cancelling a task that awaits another task cancels the awaited task too: both end cancelled."""

import asyncio


async def child() -> None:
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("child: cancelled too")
        raise


async def parent(child_task: asyncio.Task[None]) -> None:
    try:
        await child_task
    except asyncio.CancelledError:
        print("parent: cancelled while awaiting the child")
        raise


async def main() -> None:
    child_task = asyncio.create_task(child())
    parent_task = asyncio.create_task(parent(child_task))
    await asyncio.sleep(1)
    parent_task.cancel()  # only the parent is asked
    await asyncio.gather(parent_task, return_exceptions=True)
    print("parent cancelled():", parent_task.cancelled())
    print("child cancelled(): ", child_task.cancelled())


asyncio.run(main())
