"""create_task copies the caller's context at once; a task's set() never reaches main or other tasks."""

import asyncio
from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="none")


async def handle(label: str, seconds: float) -> None:
    print(f"  {label} starts, sees request_id={request_id.get()}")
    request_id.set(f"set-by-{label}")  # changes this task's copy only
    await asyncio.sleep(seconds)
    print(f"  {label} ends, sees request_id={request_id.get()}")


async def main() -> None:
    request_id.set("r-1")
    first = asyncio.create_task(handle("task 1", 1))  # copies the context now: r-1
    request_id.set("r-2")  # too late for task 1, in time for task 2
    second = asyncio.create_task(handle("task 2", 2))
    await asyncio.gather(first, second)
    print("main still sees request_id =", request_id.get())


asyncio.run(main())
