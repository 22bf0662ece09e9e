"""A supervisor restarts a crashed worker with exponential backoff and stops at once when it is cancelled."""

import asyncio
from collections.abc import Awaitable, Callable

START = 0.0


def now() -> str:
    return f"{asyncio.get_running_loop().time() - START:4.1f} s"


async def supervise(
    worker: Callable[[], Awaitable[None]],
    *,
    max_restarts: int = 4,
    base_delay: float = 0.5,
    max_delay: float = 30.0,
) -> None:
    """Await ``worker()`` and restart it when it fails, pausing base_delay, 2 * base_delay, ...
    up to max_delay; after ``max_restarts`` restarts, let the error through. A cancellation of
    the supervisor's own task always stops it."""
    me = asyncio.current_task()
    assert me is not None
    failures = 0
    while True:
        try:
            await worker()
            return
        except (Exception, asyncio.CancelledError) as exc:
            if isinstance(exc, asyncio.CancelledError) and me.cancelling():
                raise  # someone asked *us* to stop: never restart, never swallow
            failures += 1
            if failures > max_restarts:
                raise
            delay = min(base_delay * 2 ** (failures - 1), max_delay)
            print(f"{now()}  supervisor: {exc!r}, restart {failures} in {delay} s")
            await asyncio.sleep(delay)


runs = 0


async def worker() -> None:
    global runs
    runs += 1
    print(f"{now()}  worker: run {runs} starts")
    try:
        if runs == 1:
            reply = asyncio.get_running_loop().create_future()
            asyncio.get_running_loop().call_later(1.0, reply.cancel)  # the connection drops
            await reply  # CancelledError, though nobody cancelled the supervisor
        await asyncio.sleep(1.0 if runs == 2 else 3600)
        raise ConnectionError("broker went away")
    finally:
        print(f"{now()}  worker: run {runs} closes its connection")


async def main() -> None:
    global START
    START = asyncio.get_running_loop().time()
    supervisor = asyncio.create_task(supervise(worker))
    await asyncio.sleep(4.0)
    supervisor.cancel()
    print(f"{now()}  main: cancelled the supervisor")
    await asyncio.wait([supervisor])
    print(f"{now()}  main: supervisor ended, cancelled() = {supervisor.cancelled()}")


asyncio.run(main())
