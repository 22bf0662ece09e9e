"""When the code swallows CancelledError, wait_for and asyncio.timeout() raise no TimeoutError."""

import asyncio


async def stubborn(start: float) -> str:
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10.0)
    except asyncio.CancelledError:
        print(f"  stubborn: cancelled at {loop.time() - start:.1f} s, returns anyway")
        return "partial result"  # swallows the cancellation
    return "full result"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    result = await asyncio.wait_for(stubborn(start), timeout=2.0)
    print(f"wait_for returned {result!r}: no TimeoutError")

    start = loop.time()
    async with asyncio.timeout(2.0) as deadline:
        result = await stubborn(start)
    print(f"the timeout block gave {result!r}: no TimeoutError either")
    print(f"only deadline.expired() tells: {deadline.expired()}")


asyncio.run(main())
