"""Clean up, then re-raise CancelledError: asyncio.timeout() turns it into TimeoutError at 1.2 s."""

import asyncio


async def polite() -> str:
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("polite: cancelled, cleaning up")
        await asyncio.sleep(0.2)  # short, bounded cleanup
        raise  # hand the cancellation back to whoever asked for it
    return "result"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(1):
            await polite()
    except TimeoutError:
        print(f"TimeoutError after {loop.time() - start:.1f} s")


asyncio.run(main())
