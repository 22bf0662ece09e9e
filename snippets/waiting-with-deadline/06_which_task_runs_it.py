"""On 3.11 wait_for runs a coroutine in a new task; from 3.12 on it runs in the caller's own task."""

import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="unset")


def current_name() -> str:
    task = asyncio.current_task()
    return task.get_name() if task else "no task"


async def handler(value: str) -> None:
    request_id.set(value)
    print(f"handler({value!r}) runs in {current_name()}")
    await asyncio.sleep(0.1)


async def main() -> None:
    print(f"main runs in {current_name()}")
    await asyncio.wait_for(handler("deadline 1 s"), timeout=1.0)
    print(f"  afterwards main sees request_id = {request_id.get()!r}")
    await asyncio.wait_for(handler("no deadline"), timeout=None)
    print(f"  afterwards main sees request_id = {request_id.get()!r}")


asyncio.run(main())
