# Runs on the real clock: CPU-bound work takes real time, which the virtual clock cannot see.
"""A CPU-bound loop freezes the event loop like time.sleep(); in a thread, the heartbeat keeps going."""

import asyncio
import time
from collections.abc import Awaitable, Callable


def crunch(seconds: float) -> int:
    """Pure-Python CPU work: count as far as possible in `seconds` (the count varies by machine)."""
    end = time.perf_counter() + seconds
    count = 0
    while time.perf_counter() < end:
        count += 1
    return count


async def heartbeat(ticks: list[float]) -> None:
    loop = asyncio.get_running_loop()
    while True:
        ticks.append(loop.time())
        await asyncio.sleep(0.1)


async def ticks_during(work: Callable[[], Awaitable[int]]) -> int:
    loop = asyncio.get_running_loop()
    ticks: list[float] = []
    beating = asyncio.create_task(heartbeat(ticks))
    await asyncio.sleep(0)  # let the heartbeat tick once
    started = loop.time()
    await work()
    ended = loop.time()
    beating.cancel()
    return sum(started < tick < ended for tick in ticks)


async def in_the_loop() -> int:
    return crunch(0.3)


async def main() -> None:
    ways: dict[str, Callable[[], Awaitable[int]]] = {
        "in a coroutine": in_the_loop,
        "in to_thread(...)": lambda: asyncio.to_thread(crunch, 0.3),
    }
    for where, work in ways.items():
        ticks = await ticks_during(work)
        print(f"crunch(0.3) {where:18} heartbeats while it ran: {'some' if ticks else 'none'}")


asyncio.run(main())
