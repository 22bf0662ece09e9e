"""When the worker keeps failing, the supervisor gives up and lets the last error out."""

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

    async def consume() -> None:
        await asyncio.sleep(0.1)
        raise PermissionError("broker rejects our credentials")

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(supervise("consumer", consume, max_restarts=2))
    except* PermissionError as failed:
        print(f"{loop.time() - start:.1f} s  caller sees: {failed.exceptions[0]!r}")


asyncio.run(main())
