"""With asyncio.timeout_at(), several calls share one absolute deadline; each gets only the time left."""

import asyncio


async def fetch_part(name: str, seconds: float, deadline: float) -> None:
    loop = asyncio.get_running_loop()
    async with asyncio.timeout_at(deadline) as cm:
        print(f"{name}: {deadline - loop.time():.1f} s left, when() == deadline: {cm.when() == deadline}")
        await asyncio.sleep(seconds)


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    deadline = start + 5.0  # the whole request must be done 5 s from now, on the loop's clock
    try:
        for name, seconds in [("header", 2.0), ("body", 2.0), ("footer", 2.0)]:
            await fetch_part(name, seconds, deadline)
            print(f"  got the {name} at {loop.time() - start:.1f} s")
    except TimeoutError:
        print(f"TimeoutError at {loop.time() - start:.1f} s: the shared deadline passed")


asyncio.run(main())
