"""Retry with exponential backoff and a timeout on each attempt."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


async def retry(
    operation: Callable[[], Awaitable[T]],
    *,
    attempts: int = 4,
    attempt_timeout: float = 1.0,
    base_delay: float = 0.5,
    max_delay: float = 8.0,
    retry_on: tuple[type[Exception], ...] = (ConnectionError, TimeoutError),
) -> T:
    """Await ``operation()`` until it succeeds; the last attempt's error propagates."""
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    for attempt in range(1, attempts):
        try:
            async with asyncio.timeout(attempt_timeout):
                return await operation()
        except retry_on as exc:
            delay = min(base_delay * 2 ** (attempt - 1), max_delay)
            log.warning("attempt %d failed (%r), next one in %.1f s", attempt, exc, delay)
            await asyncio.sleep(delay)
    async with asyncio.timeout(attempt_timeout):
        return await operation()


class FlakyService:
    """Refuses the first call, never answers the second, answers the third."""

    def __init__(self) -> None:
        self.calls = 0

    async def fetch(self) -> str:
        self.calls += 1
        if self.calls == 1:
            await asyncio.sleep(0.1)
            raise ConnectionError("connection refused")
        if self.calls == 2:
            await asyncio.sleep(3600)  # a server that accepted the request and went quiet
        await asyncio.sleep(0.2)
        return "payload"


async def main() -> None:
    logging.basicConfig(format="%(levelname)s %(message)s")
    loop = asyncio.get_running_loop()
    start = loop.time()
    service = FlakyService()
    result = await retry(service.fetch)
    print(f"got {result!r} after {service.calls} calls, at {loop.time() - start:.1f} s")


asyncio.run(main())
