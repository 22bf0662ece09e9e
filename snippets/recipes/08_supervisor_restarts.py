"""A supervisor restarts a failing worker with backoff; cancelling it stops both cleanly."""

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


async def supervise(
    name: str,
    worker: Callable[[], Awaitable[None]],
    *,
    max_restarts: int = 3,
    base_delay: float = 0.5,
    max_delay: float = 30.0,
    healthy_after: float = 60.0,
) -> None:
    """Await ``worker()``; restart it when it fails, at most ``max_restarts`` times in a
    row (a run that lasted ``healthy_after`` seconds resets the count), then let its error
    through. Returns when the worker returns. Cancel the supervisor to stop both."""
    loop = asyncio.get_running_loop()
    failures = 0
    while True:
        started = loop.time()
        try:
            await worker()
            return
        except Exception as exc:
            failures = 1 if loop.time() - started >= healthy_after else failures + 1
            if failures > max_restarts:
                log.error("%s failed %d times in a row (%r), gave up", name, failures, exc)
                raise
            delay = min(base_delay * 2 ** (failures - 1), max_delay)
            log.warning("%s failed (%r), restart %d in %.1f s", name, exc, failures, delay)
            await asyncio.sleep(delay)


async def main() -> None:
    logging.basicConfig(format="%(levelname)s %(message)s")
    loop = asyncio.get_running_loop()
    start = loop.time()
    runs = 0

    async def consume() -> None:
        nonlocal runs
        runs += 1
        print(f"{loop.time() - start:.1f} s  consumer run {runs} starts")
        try:
            await asyncio.sleep(1.0 if runs < 3 else 3600)  # runs 1 and 2 fail after 1 s
            raise ConnectionError("broker went away")
        finally:
            print(f"{loop.time() - start:.1f} s  consumer run {runs} closes its connection")

    async with asyncio.TaskGroup() as group:
        supervisor = group.create_task(supervise("consumer", consume), name="supervisor")
        await asyncio.sleep(5.0)
        supervisor.cancel()  # a cancelled child is not an error for the group
    print(f"{loop.time() - start:.1f} s  stopped, cancelled: {supervisor.cancelled()}")


asyncio.run(main())
