"""Stop a TaskGroup on purpose: a task raises a private exception, caught with except* outside."""

import asyncio


class _StopGroup(Exception):
    """Raised by a task to end the whole group; never escapes this module."""


async def serve(name: str, period: float, closing: float, start: float) -> None:
    loop = asyncio.get_running_loop()
    try:
        while True:
            await asyncio.sleep(period)
            print(f"  {loop.time() - start:.1f} s: {name} served a request")
    finally:
        await asyncio.sleep(closing)  # edge-triggered: cleanup may await
        print(f"  {loop.time() - start:.1f} s: {name} closed")


async def stop_after(seconds: float) -> None:
    await asyncio.sleep(seconds)  # stands in for "the user asked to quit"
    raise _StopGroup


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(serve("http", 1.0, 0.2, start), name="http")
            tg.create_task(serve("metrics", 0.7, 0.1, start), name="metrics")
            tg.create_task(stop_after(2.5), name="stopper")
    except* _StopGroup:
        pass  # the stop we asked for; any other error still propagates
    print(f"{loop.time() - start:.1f} s: group stopped, every service closed")


asyncio.run(main())
