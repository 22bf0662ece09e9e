"""A Semaphore slot comes back after a failure or a timeout; timeout() cancels a whole gather()."""

import asyncio


async def use_slot(limit: asyncio.Semaphore, seconds: float, fail: bool = False) -> str:
    async with limit:
        await asyncio.sleep(seconds)
        if fail:
            raise ConnectionError("lost the connection")
        return "done"


async def job(seconds: float) -> str:
    await asyncio.sleep(seconds)
    return "done"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    limit = asyncio.Semaphore(1)

    print("Semaphore(1):")
    try:
        await use_slot(limit, 1.0, fail=True)
    except ConnectionError as exc:
        print(f"  a holder failed with {exc!r}; slot free again: {not limit.locked()}")
    holder = asyncio.create_task(use_slot(limit, 5.0))
    await asyncio.sleep(0)  # the holder takes the only slot
    try:
        async with asyncio.timeout(1.0):
            await use_slot(limit, 1.0)  # waits for the slot, then gives up
    except TimeoutError:
        print(f"  {loop.time() - start:.1f} s: a waiter timed out before it got the slot")
    print(f"  {await holder!r} at {loop.time() - start:.1f} s; slot free again: {not limit.locked()}")
    print(f"  next acquirer: {await use_slot(limit, 1.0)!r} at {loop.time() - start:.1f} s")

    print("gather() inside timeout(1.0):")
    jobs = [asyncio.create_task(job(seconds)) for seconds in (0.5, 2.0, 3.0)]
    try:
        async with asyncio.timeout(1.0):
            await asyncio.gather(*jobs)
    except TimeoutError:
        print(f"  {loop.time() - start:.1f} s: TimeoutError")
    for seconds, task in zip((0.5, 2.0, 3.0), jobs, strict=True):
        print(f"  job({seconds}):", "cancelled" if task.cancelled() else task.result())

    print("wait_for() when the job fails before the deadline:")
    try:
        await asyncio.wait_for(use_slot(limit, 0.5, fail=True), timeout=10)
    except ConnectionError as exc:
        print(f"  {loop.time() - start:.1f} s: the job's own {exc!r}, not TimeoutError")


asyncio.run(main())
