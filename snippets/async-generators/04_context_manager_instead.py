"""The fix: an async context manager puts the caller's whole block inside the scope, so errors arrive."""

import asyncio
import contextlib
from collections.abc import AsyncGenerator, AsyncIterator


async def keep_alive() -> None:
    await asyncio.sleep(0.5)
    raise ConnectionError("keep-alive failed")


async def _messages() -> AsyncGenerator[str, None]:
    for n in range(100):
        await asyncio.sleep(0.1)
        yield f"message {n}"  # no scope around this yield


@contextlib.asynccontextmanager
async def open_stream(deadline: float) -> AsyncIterator[AsyncGenerator[str, None]]:
    async with asyncio.timeout(deadline), asyncio.TaskGroup() as tg:
        tg.create_task(keep_alive())
        yield _messages()  # yields once: the caller's block runs inside the timeout and the group


async def consume(deadline: float) -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(f"deadline {deadline} s:")
    try:
        async with open_stream(deadline) as stream, contextlib.aclosing(stream):
            async for message in stream:
                print(f"  {loop.time() - start:.1f} s: got {message!r}; works on it for 2 s")
                await asyncio.sleep(2.0)
    except* TimeoutError:
        print(f"  {loop.time() - start:.1f} s: TimeoutError, raised where the caller can catch it")
    except* ConnectionError as group:
        print(f"  {loop.time() - start:.1f} s: the group's error reached the caller: {group.exceptions!r}")


async def main() -> None:
    await consume(deadline=0.3)
    await consume(deadline=5.0)
    task = asyncio.current_task()
    assert task is not None
    print(f"main: cancelling() = {task.cancelling()}")


asyncio.run(main())
