"""Before 3.13: one sentinel (None) per consumer tells each consumer to stop."""

import asyncio


async def consumer(name: str, seconds: float, queue: asyncio.Queue[str | None], start: float) -> None:
    loop = asyncio.get_running_loop()
    while (item := await queue.get()) is not None:
        await asyncio.sleep(seconds)
        print(f"{loop.time() - start:.1f} s  {name}: handled {item}")
    print(f"{loop.time() - start:.1f} s  {name}: got the sentinel, returning")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    queue: asyncio.Queue[str | None] = asyncio.Queue()
    consumers = {"fast": 1.0, "slow": 1.5}
    async with asyncio.TaskGroup() as tg:
        for name, seconds in consumers.items():
            tg.create_task(consumer(name, seconds, queue, start))
        for item in ["job-1", "job-2", "job-3"]:
            await queue.put(item)
        for _ in consumers:
            await queue.put(None)  # one per consumer: each one takes exactly one
    print(f"{loop.time() - start:.1f} s  main: both consumers returned")


asyncio.run(main())
