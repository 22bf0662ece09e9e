"""On 3.13 a TaskGroup keeps an outside cancel when a child also fails; 3.11 and 3.12 lose it."""

import asyncio


async def child() -> None:
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise ValueError("cleanup failed") from None


async def parent() -> str:
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(10)
    except* ValueError as group:
        print("parent: handled", group.exceptions)
    await asyncio.sleep(1)
    print("parent: carried on as if nobody had cancelled it")
    return "finished"


async def main() -> None:
    task = asyncio.create_task(parent())
    await asyncio.sleep(0.5)
    task.cancel()  # an outside request to stop parent()
    try:
        print("main: parent returned", repr(await task))
    except asyncio.CancelledError:
        print("main: parent was cancelled, as requested")


asyncio.run(main())
