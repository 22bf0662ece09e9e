"""A shielded task that fails after its caller was cancelled is reported only if nobody collects the error."""

import asyncio
from typing import Any


async def save_order() -> str:
    await asyncio.sleep(2.0)
    raise ConnectionError("database went away")


async def handler(job: asyncio.Task[str]) -> None:
    await asyncio.shield(job)


def report(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    print("loop exception handler:", context["message"])


async def main() -> None:
    asyncio.get_running_loop().set_exception_handler(report)
    job = asyncio.create_task(save_order())  # the reference that keeps the job alive
    caller = asyncio.create_task(handler(job))
    await asyncio.sleep(1.0)
    caller.cancel()
    await asyncio.wait([caller])
    await asyncio.sleep(2.0)  # the job fails at 2.0 s while nobody awaits it
    print("job.done():", job.done())
    try:
        await job
    except ConnectionError as exc:
        print("main collected:", repr(exc))


asyncio.run(main())
print("after asyncio.run: nothing else was reported")
