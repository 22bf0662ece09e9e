"""Task.result() and Task.exception() never wait: in each task state they return a value or raise."""

import asyncio
from collections.abc import Callable


async def succeed() -> str:
    return "ok"


async def fail() -> str:
    raise ValueError("bad input")


async def hang() -> str:
    await asyncio.sleep(10)
    return "never"


def attempt(call: Callable[[], object]) -> str:
    try:
        return f"returns {call()!r}"
    except BaseException as exc:  # CancelledError is a BaseException, not an Exception
        return f"raises {type(exc).__name__}({', '.join(map(repr, exc.args))})"


async def main() -> None:
    pending = asyncio.create_task(hang())
    succeeded = asyncio.create_task(succeed())
    failed = asyncio.create_task(fail())
    cancelled = asyncio.create_task(hang())
    await asyncio.sleep(0)
    cancelled.cancel()
    await asyncio.sleep(0)
    states = {"pending": pending, "succeeded": succeeded, "failed": failed, "cancelled": cancelled}
    for state, task in states.items():
        print(f"{state:<9}  result(): {attempt(task.result)}")
        print(f"{'':<9}  exception(): {attempt(task.exception)}")


asyncio.run(main())
