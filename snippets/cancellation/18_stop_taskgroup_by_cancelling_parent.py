"""Cancelling its parent task stops a TaskGroup; the parent then calls uncancel(), and the count is 0."""

import asyncio


async def search(shelf: str, delay: float) -> None:
    await asyncio.sleep(delay)
    print(f"{shelf}: searched")


async def main() -> None:
    me = asyncio.current_task()
    assert me is not None
    stopped_by_us = False

    async def stop_after(seconds: float) -> None:
        nonlocal stopped_by_us
        await asyncio.sleep(seconds)
        stopped_by_us = True
        me.cancel()

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(search("shelf A", 1))
            tg.create_task(search("shelf B", 3))
            tg.create_task(stop_after(2))
    except asyncio.CancelledError:
        if not stopped_by_us:
            raise  # a real cancellation from outside: let it through
        print("group stopped; cancelling() =", me.cancelling())
        me.uncancel()  # our own request is handled: take it off the count
    print("main carries on; cancelling() =", me.cancelling())


asyncio.run(main())
