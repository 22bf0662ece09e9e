"""One asyncio.timeout() gives three awaits a shared 3 s budget; the last step is cancelled at 3.0 s."""

import asyncio


async def step(name: str, seconds: float, start: float) -> None:
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"  {name}: cancelled at {loop.time() - start:.1f} s")
        raise
    print(f"  {name}: done at {loop.time() - start:.1f} s")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(3.0) as deadline:  # one budget for all three steps
            await step("connect", 1.0, start)
            await step("send", 1.0, start)
            print(f"  before the last step, expired() = {deadline.expired()}")
            await step("receive", 2.0, start)
            print("  never printed: the rest of the block is skipped")
    except TimeoutError:
        print(f"TimeoutError out of the async with, at {loop.time() - start:.1f} s")
    print(f"after the block, expired() = {deadline.expired()}")


asyncio.run(main())
