"""A handled cancellation without uncancel() makes the timeout raise CancelledError, not TimeoutError."""

import asyncio


async def fetch(tidy: bool) -> None:
    me = asyncio.current_task()
    assert me is not None
    try:
        await asyncio.sleep(1)  # first attempt
    except asyncio.CancelledError:
        print("  fetch: attempt cancelled; handled by trying again")
        if tidy:
            me.uncancel()  # this request is dealt with: take it off the count
    await asyncio.sleep(10)  # second attempt, too slow


async def caller(tidy: bool) -> None:
    try:
        async with asyncio.timeout(2):
            await fetch(tidy)
    except TimeoutError:
        print("  caller: TimeoutError, as the timeout promises")


async def main() -> None:
    for tidy in (False, True):
        print(f"fetch calls uncancel(): {tidy}")
        task = asyncio.create_task(caller(tidy))
        await asyncio.sleep(0.5)
        task.cancel()  # "abandon the current attempt"
        try:
            await task
        except asyncio.CancelledError:
            print("  caller: CancelledError escaped instead; except TimeoutError never ran")


asyncio.run(main())
