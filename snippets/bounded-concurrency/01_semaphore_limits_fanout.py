"""A Semaphore(2) lets only two of six one-second jobs run at once: the fan-out takes 3.0 s."""

import asyncio


async def job(limit: asyncio.Semaphore, start: float) -> tuple[float, float]:
    loop = asyncio.get_running_loop()
    async with limit:  # waits here while two jobs hold the semaphore
        began = loop.time() - start
        await asyncio.sleep(1.0)  # the real work: a request, a query, ...
        return began, loop.time() - start


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    limit = asyncio.Semaphore(2)
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(job(limit, start), name=f"job-{n}") for n in range(6)]
    for task in tasks:
        began, ended = task.result()
        print(f"{task.get_name()}: ran from {began:.1f} s to {ended:.1f} s")
    print(f"all six done after {loop.time() - start:.1f} s")


asyncio.run(main())
