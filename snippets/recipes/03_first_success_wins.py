"""Start several attempts at once, keep the first success, cancel and await the others."""

import asyncio
from collections.abc import Callable, Coroutine, Mapping
from typing import Any, TypeVar

T = TypeVar("T")


async def first_success(
    attempts: Mapping[str, Callable[[], Coroutine[Any, Any, T]]],
) -> T:
    """Return the first result of any attempt; raise an ExceptionGroup only if all fail."""
    if not attempts:
        raise ValueError("first_success() needs at least one attempt")
    tasks = [asyncio.create_task(start(), name=name) for name, start in attempts.items()]
    errors: list[Exception] = []
    try:
        pending: set[asyncio.Task[T]] = set(tasks)
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in (t for t in tasks if t in done):  # in start order, if several
                error = task.exception()
                if error is None:
                    return task.result()
                if not isinstance(error, Exception):
                    raise error  # KeyboardInterrupt or SystemExit is not a failed attempt
                errors.append(error)
        raise ExceptionGroup("every attempt failed", errors)
    finally:
        for task in tasks:
            task.cancel()  # does nothing to the tasks that are already done
        await asyncio.wait(tasks)  # the losers finish their clean-up before we return


async def download(mirror: str, seconds: float, works: bool) -> str:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"  {mirror}: cancelled, closing its connection")
        raise
    if not works:
        raise ConnectionError(f"{mirror} refused")
    return f"file from {mirror}"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    result = await first_success(
        {
            "mirror-a": lambda: download("mirror-a", 0.2, works=False),
            "mirror-b": lambda: download("mirror-b", 0.5, works=True),
            "mirror-c": lambda: download("mirror-c", 2.0, works=True),
        }
    )
    print(f"{result!r} at {loop.time() - start:.1f} s")
    start = loop.time()
    try:
        await first_success(
            {
                "mirror-x": lambda: download("mirror-x", 0.3, works=False),
                "mirror-y": lambda: download("mirror-y", 0.4, works=False),
            }
        )
    except ExceptionGroup as group:
        print(f"{group.message} at {loop.time() - start:.1f} s:")
        for error in group.exceptions:
            print(f"  {type(error).__name__}: {error}")


asyncio.run(main())
