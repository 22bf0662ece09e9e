"""A body that swallows the group's CancelledError keeps running: the error comes at 2.1 s, not 0.1 s."""

import asyncio


async def fail() -> None:
    await asyncio.sleep(0.1)
    raise ValueError("boom")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print(f"body: cancelled at {loop.time() - start:.1f} s, but swallows it")
            await asyncio.sleep(2)  # not cancelled a second time
            print(f"body: still running at {loop.time() - start:.1f} s")
    except* ValueError as eg:
        print(f"group raised {eg.exceptions!r} at {loop.time() - start:.1f} s")


asyncio.run(main())
