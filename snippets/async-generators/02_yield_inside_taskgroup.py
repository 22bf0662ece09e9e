"""A yield inside a TaskGroup: a failing child cancels the consumer, and the error only surfaces on close."""

import asyncio
import contextlib
from collections.abc import AsyncGenerator


async def keep_alive() -> None:
    await asyncio.sleep(0.5)
    raise ConnectionError("keep-alive failed")


async def messages() -> AsyncGenerator[str, None]:
    async with asyncio.TaskGroup() as tg:
        tg.create_task(keep_alive())
        for n in range(100):
            await asyncio.sleep(0.1)
            yield f"message {n}"  # WRONG: suspends inside the task group


async def consume() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with contextlib.aclosing(messages()) as stream:
        try:
            async for message in stream:
                print(f"{loop.time() - start:.1f} s: consume got {message!r}; works on it for 2 s")
                await asyncio.sleep(2.0)
        except asyncio.CancelledError:
            print(f"{loop.time() - start:.1f} s: consume's own sleep got CancelledError")
            raise
        finally:
            print("consume: leaving the block; aclosing() calls aclose()")


async def main() -> None:
    task = asyncio.create_task(consume())
    try:
        await task
    except asyncio.CancelledError:
        print("main: the consume task was cancelled")
    except BaseExceptionGroup as group:
        print(f"main: the consume task raised {group!r}")


asyncio.run(main())
