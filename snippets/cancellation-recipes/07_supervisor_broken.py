"""A supervisor that catches BaseException treats its own cancellation as a crash and keeps restarting."""

import asyncio
from collections.abc import Awaitable, Callable

START = 0.0


def now() -> str:
    return f"{asyncio.get_running_loop().time() - START:4.1f} s"


async def supervise(worker: Callable[[], Awaitable[None]], *, max_restarts: int = 4) -> None:
    failures = 0
    while True:
        try:
            await worker()
            return
        except BaseException as exc:  # "a CancelledError from the worker is a crash too"
            failures += 1
            if failures > max_restarts:
                raise
            delay = 0.5 * 2 ** (failures - 1)
            print(f"{now()}  supervisor: {exc!r}, restart {failures} in {delay} s")
            await asyncio.sleep(delay)


async def worker() -> None:
    print(f"{now()}  worker: run starts")
    await asyncio.sleep(1.0)
    raise ConnectionError("broker went away")


async def main() -> None:
    global START
    START = asyncio.get_running_loop().time()
    supervisor = asyncio.create_task(supervise(worker))
    await asyncio.sleep(2.0)
    supervisor.cancel()
    print(f"{now()}  main: cancelled the supervisor")
    await asyncio.wait([supervisor])
    print(f"{now()}  main: supervisor ended, cancelled() = {supervisor.cancelled()}")
    print(f"{' ' * 6}  its error: {supervisor.exception()!r}")


asyncio.run(main())
