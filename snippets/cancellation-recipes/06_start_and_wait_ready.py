"""start(): run a child in a task group and return once it says it is ready; a failure first propagates."""

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


async def start(
    group: asyncio.TaskGroup,
    func: Callable[[asyncio.Future[T]], Coroutine[Any, Any, object]],
    *,
    name: str | None = None,
) -> T:
    """Start ``func(ready)`` in ``group``; return the value it sets on ``ready``.

    If the child fails first, the group cancels its body and raises the failure in an
    ExceptionGroup, as for any child. If it returns first, raise RuntimeError.
    """
    ready: asyncio.Future[T] = asyncio.get_running_loop().create_future()
    task = group.create_task(func(ready), name=name)
    either: list[asyncio.Future[Any]] = [ready, task]
    await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
    if ready.done():
        return ready.result()
    raise RuntimeError(f"{task.get_name()} ended before it was ready")


async def main() -> None:
    loop = asyncio.get_running_loop()
    begin = loop.time()

    def now() -> str:
        return f"{loop.time() - begin:.1f} s"

    async def serve(port: int, ready: asyncio.Future[int]) -> None:
        await asyncio.sleep(0.2)  # binding the socket...
        if port == 80:
            raise PermissionError(f"cannot bind port {port}")
        if port == 0:
            return  # a bug: gives up without a word
        ready.set_result(port)
        print(f"{now()}  server: listening on {port}")
        await asyncio.sleep(1.0)  # serving, then closing for this demo
        print(f"{now()}  server: closed")

    for port in (8080, 80, 0):
        try:
            async with asyncio.TaskGroup() as group:
                listening = await start(group, functools.partial(serve, port), name=f"serve-{port}")
                print(f"{now()}  main: server ready on {listening}, sending requests")
        except* PermissionError as eg:
            print(f"{now()}  main: start failed: {eg.exceptions[0]!r}")
        except* RuntimeError as eg:
            print(f"{now()}  main: start failed: {eg.exceptions[0]!r}")
        print(f"{now()}  main: group over")


asyncio.run(main())
