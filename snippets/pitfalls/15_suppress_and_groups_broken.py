"""Broken: suppress(TimeoutError) for a deadline also eats a task's own timeout (3.12+)."""

import asyncio
import contextlib


async def call_backend(name: str, seconds: float) -> str:
    async with asyncio.timeout(0.5):  # each call has its own limit
        await asyncio.sleep(seconds)
    return f"{name}: ok"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        with contextlib.suppress(TimeoutError):  # meant for the 2 s deadline only
            async with asyncio.timeout(2.0), asyncio.TaskGroup() as group:
                group.create_task(call_backend("fast", 0.1), name="fast")
                group.create_task(call_backend("slow", 1.0), name="slow")
        print(f"{loop.time() - start:.1f} s  no error, and the 2 s deadline is not over")
    except* TimeoutError as failed:
        print(f"{loop.time() - start:.1f} s  the group's error got through: {failed!r}")


asyncio.run(main())
