"""Retry with jitter: the last error propagates; the caller's deadline stops the retries."""

import asyncio
import logging
import random
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
    rng: random.Random | None = None,
) -> T:
    """Like the previous recipe; with ``rng``, each delay is drawn from [0, backoff]."""
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    for attempt in range(1, attempts):
        try:
            async with asyncio.timeout(attempt_timeout):
                return await operation()
        except retry_on as exc:
            delay = min(base_delay * 2 ** (attempt - 1), max_delay)
            if rng is not None:
                delay = rng.uniform(0, delay)  # "full jitter": clients spread out
            log.warning("attempt %d failed (%r), next one in %.2f s", attempt, exc, delay)
            await asyncio.sleep(delay)
    async with asyncio.timeout(attempt_timeout):
        return await operation()


async def always_down() -> str:
    await asyncio.sleep(0.1)
    raise ConnectionError("connection refused")


async def main() -> None:
    logging.basicConfig(format="%(levelname)s %(message)s")
    loop = asyncio.get_running_loop()
    rng = random.Random(42)  # seeded so that this page shows the same delays on every run
    start = loop.time()
    try:
        await retry(always_down, rng=rng)
    except ConnectionError as exc:
        print(f"gave up at {loop.time() - start:.2f} s: {type(exc).__name__}: {exc}")
    start = loop.time()
    try:
        async with asyncio.timeout(0.5):  # the caller's own deadline covers all attempts
            await retry(always_down, rng=rng)
    except TimeoutError:
        print(f"caller's deadline hit at {loop.time() - start:.2f} s, no further attempt")


asyncio.run(main())
