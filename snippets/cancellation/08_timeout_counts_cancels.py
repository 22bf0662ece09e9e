"""asyncio.timeout() counts requests: TimeoutError for its own, CancelledError if main also cancels."""

import asyncio


async def guarded() -> None:
    me = asyncio.current_task()
    assert me is not None
    try:
        async with asyncio.timeout(1):
            try:
                await asyncio.sleep(10)
            finally:
                print(f"  deadline passed: cancelling() = {me.cancelling()}, cleaning up")
                await asyncio.sleep(0.5)
    except TimeoutError:
        print(f"  TimeoutError caught: cancelling() = {me.cancelling()}")
    print("  guarded() carries on")


async def main() -> None:
    print("only the deadline:")
    await asyncio.create_task(guarded())

    print("the deadline, then an outside cancel() during the cleanup:")
    task = asyncio.create_task(guarded())
    await asyncio.sleep(1.2)
    task.cancel()
    print(f"  main called cancel(): cancelling() = {task.cancelling()}")
    try:
        await task
    except asyncio.CancelledError:
        print("  the timeout let main's CancelledError through, not a TimeoutError")


asyncio.run(main())
