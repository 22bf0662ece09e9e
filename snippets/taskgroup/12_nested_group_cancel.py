"""Before 3.13, a cancel reaching a nested TaskGroup as it shuts down is lost: 2.6 s, not 0.6 s."""

import asyncio


async def fail(msg: str, delay: float) -> None:
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def slow_cleanup() -> None:
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0.5)  # e.g. closing a connection politely
        raise


async def child_job() -> None:
    try:
        async with asyncio.TaskGroup() as inner:
            inner.create_task(fail("inner", 0.1))
            inner.create_task(slow_cleanup())
    except* ValueError:
        print("child_job: inner group failed, carrying on")
    try:
        await asyncio.sleep(2)
        print("child_job: did 2 s more work")
    except asyncio.CancelledError:
        print("child_job: cancelled")
        raise


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(child_job())
            outer.create_task(fail("outer", 0.3))
    except* ValueError as eg:
        print(f"outer group: {eg.exceptions!r} at {loop.time() - start:.1f} s")


asyncio.run(main())
