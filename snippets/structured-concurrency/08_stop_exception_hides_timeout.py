"""The exception recipe under an outer timeout: a deadline that passes during the cleanup goes unreported."""

import asyncio


class _StopGroup(Exception):
    """Raised by a task to end the whole group; never escapes this module."""


async def serve(closing: float) -> None:
    try:
        await asyncio.sleep(3600)
    finally:
        await asyncio.sleep(closing)  # cleanup that awaits


async def stop_after(seconds: float) -> None:
    await asyncio.sleep(seconds)
    raise _StopGroup


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.current_task()
    assert task is not None
    try:
        async with asyncio.timeout(2.65) as scope:  # passes while "http" is closing
            async with asyncio.TaskGroup() as tg:
                tg.create_task(serve(0.2), name="http")
                tg.create_task(stop_after(2.5), name="stopper")
    except* _StopGroup:
        print(f"{loop.time() - start:.1f} s: except* _StopGroup, no TimeoutError")
    print(f"deadline passed: {scope.expired()}, cancellation requests left: {task.cancelling()}")


asyncio.run(main())
