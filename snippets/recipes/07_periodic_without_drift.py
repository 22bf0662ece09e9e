"""Run a job every second on the loop's clock, without drift, until an Event says stop."""

import asyncio
import contextlib
import logging
import math
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


async def run_every(
    interval: float,
    job: Callable[[], Awaitable[None]],
    stop: asyncio.Event,
) -> None:
    """Start ``job`` at t0, t0 + interval, t0 + 2 * interval, ... until ``stop`` is set."""
    loop = asyncio.get_running_loop()
    first = loop.time()
    tick = 0
    while not stop.is_set():
        await job()
        due = tick + 1
        tick = max(due, math.ceil((loop.time() - first) / interval))  # overrun: skip
        if tick > due:
            log.warning("job overran, skipping %d start(s)", tick - due)
        with contextlib.suppress(TimeoutError):  # the deadline is the normal way to wake up
            async with asyncio.timeout_at(first + tick * interval):
                await stop.wait()  # sleep until the next start, or until stop is set


async def main() -> None:
    logging.basicConfig(format="%(levelname)s %(message)s")
    loop = asyncio.get_running_loop()
    start = loop.time()
    durations = iter([0.3, 0.3, 1.4, 0.3, 0.3, 0.3])

    async def job() -> None:
        print(f"{loop.time() - start:.1f} s  job starts")
        await asyncio.sleep(next(durations))

    stop = asyncio.Event()
    async with asyncio.TaskGroup() as group:
        group.create_task(run_every(1.0, job, stop), name="periodic")
        await asyncio.sleep(5.5)
        stop.set()
    print(f"{loop.time() - start:.1f} s  periodic task stopped")


asyncio.run(main())
