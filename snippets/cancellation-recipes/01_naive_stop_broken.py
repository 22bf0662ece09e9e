"""Two naive ways to stop a task: one fails its caller, the other swallows the caller's own cancellation."""

import asyncio
from contextlib import suppress

START = 0.0


def now() -> str:
    return f"{asyncio.get_running_loop().time() - START:.1f} s"


async def worker(name: str) -> None:
    try:
        await asyncio.sleep(3600)
    finally:
        print(f"{now()}  {name}: cleaning up")
        await asyncio.sleep(1.0)  # flush a buffer, close a connection...
        print(f"{now()}  {name}: cleanup done")


async def stop_naive(task: asyncio.Task[None]) -> None:
    task.cancel()
    await task  # raises the task's CancelledError in the caller


async def stop_suppress(task: asyncio.Task[None]) -> None:
    task.cancel()
    with suppress(asyncio.CancelledError):  # meant for the task's error; catches any
        await task


async def report() -> str:
    task = asyncio.create_task(worker("A"))
    await asyncio.sleep(0.5)
    await stop_naive(task)
    return "report written"  # never reached


async def shutdown() -> str:
    task = asyncio.create_task(worker("B"))
    await asyncio.sleep(0.5)
    await stop_suppress(task)
    print(f"{now()}  shutdown: worker stopped, carrying on")
    await asyncio.sleep(2.0)
    return "shutdown finished"


async def main() -> None:
    global START
    START = asyncio.get_running_loop().time()
    first = asyncio.create_task(report())
    await asyncio.wait([first])
    print(f"{now()}  report: cancelled() = {first.cancelled()}, though nobody cancelled it")

    second = asyncio.create_task(shutdown())
    await asyncio.sleep(1.0)  # B is in the middle of its cleanup
    second.cancel()
    print(f"{now()}  main: cancelled shutdown()")
    await asyncio.wait([second])
    print(f"{now()}  shutdown: cancelled() = {second.cancelled()}, result = {second.result()!r}")


asyncio.run(main())
