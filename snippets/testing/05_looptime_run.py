# Requires Python 3.12 or newer.
"""asyncio.run(main(), loop_factory=looptime.new_event_loop): ten minutes of retries in no real time."""

import asyncio
import sys
import time

import looptime

assert sys.version_info >= (3, 12), "asyncio.run(loop_factory=...) needs Python 3.12 or newer"


class Unavailable(Exception):
    pass


async def connect(fails_until: float) -> str:
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.5)  # the attempt itself takes half a second
    if loop.time() < fails_until:
        raise Unavailable
    return "connected"


async def connect_with_retry(fails_until: float, delay: float = 5.0, cap: float = 120.0) -> str:
    loop = asyncio.get_running_loop()
    while True:
        try:
            return await connect(fails_until)
        except Unavailable:
            print(f"{loop.time():7.1f} s  attempt failed, next in {delay:g} s")
            await asyncio.sleep(delay)
            delay = min(delay * 2, cap)


async def main() -> None:
    loop = asyncio.get_running_loop()
    print(f"looptime's loop: {isinstance(loop, looptime.LoopTimeEventLoop)}, starting at {loop.time()} s")
    result = await asyncio.wait_for(connect_with_retry(fails_until=600), timeout=900)
    print(f"{loop.time():7.1f} s  {result}")
    assert loop.time() == 640.0


started = time.perf_counter()
asyncio.run(main(), loop_factory=looptime.new_event_loop)
print(f"ten minutes of retrying took under a second of real time: {time.perf_counter() - started < 1}")
