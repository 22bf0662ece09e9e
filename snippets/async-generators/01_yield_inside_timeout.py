"""A yield inside asyncio.timeout(): the deadline cancels the consumer's code, and no TimeoutError appears."""

import asyncio
import contextlib
from collections.abc import AsyncGenerator


async def readings() -> AsyncGenerator[int, None]:
    async with asyncio.timeout(1.0):  # meant to limit the generator's own work to 1 s
        for value in range(100):
            await asyncio.sleep(0.1)  # "read a sensor"
            yield value  # WRONG: suspends inside the timeout; the consumer runs from here
    print("readings: never printed")


async def consume() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with contextlib.aclosing(readings()) as values:
            async for value in values:
                print(f"{loop.time() - start:.1f} s: consume got {value}; works on it for 2 s")
                await asyncio.sleep(2.0)  # the consumer's own work; it set no deadline
    except TimeoutError:
        print("consume: TimeoutError (not printed)")
    except asyncio.CancelledError:
        print(f"{loop.time() - start:.1f} s: consume's own sleep got CancelledError")
        raise


async def main() -> None:
    task = asyncio.create_task(consume())
    try:
        await task
    except asyncio.CancelledError:
        print(f"main: the consume task ended cancelled: {task.cancelled()}")
    current = asyncio.current_task()
    assert current is not None
    print(f"main: not cancelled itself, cancelling() = {current.cancelling()}")


asyncio.run(main())
