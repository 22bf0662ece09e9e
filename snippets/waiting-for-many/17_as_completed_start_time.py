"""Before 3.13, as_completed() starts its coroutines and timeout at the first iteration, not the call."""

import asyncio
import sys


async def job(name: str, delay: float, start: float) -> str:
    started = asyncio.get_running_loop().time() - start
    await asyncio.sleep(delay)
    return f"{name} started at {started:.1f} s"


async def main() -> None:
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    loop = asyncio.get_running_loop()
    start = loop.time()
    items = asyncio.as_completed([job("a", 1.0, start), job("b", 4.0, start)], timeout=3.0)
    await asyncio.sleep(2.0)  # something else happens before the loop below
    try:
        for item in items:
            result = await item
            print(f"{loop.time() - start:.1f} s: {result}")
    except TimeoutError:
        print(f"{loop.time() - start:.1f} s: TimeoutError")


asyncio.run(main())
