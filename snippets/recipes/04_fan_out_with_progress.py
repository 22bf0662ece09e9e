"""Fan out over ten items, three at a time, and report progress as results arrive."""

import asyncio

SECONDS = [0.2, 0.6, 0.3, 0.3, 0.6, 0.6, 0.4, 0.8, 0.6, 0.4]  # how long item n takes


async def fetch(n: int) -> int:
    await asyncio.sleep(SECONDS[n - 1])  # stands in for a request
    return n * n


async def fetch_all(items: list[int], limit: int) -> list[int]:
    """Fetch every item, at most ``limit`` at once. Results come back in input order."""
    semaphore = asyncio.Semaphore(limit)
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def limited(n: int) -> tuple[int, int]:
        async with semaphore:
            return n, await fetch(n)

    async with asyncio.TaskGroup() as group:  # one failure cancels every other fetch
        tasks = [group.create_task(limited(n), name=f"fetch-{n}") for n in items]
        for count, next_done in enumerate(asyncio.as_completed(tasks), start=1):
            n, _ = await next_done
            print(f"{loop.time() - start:.1f} s  {count}/{len(items)} done (item {n})")
    return [task.result()[1] for task in tasks]


async def main() -> None:
    results = await fetch_all(list(range(1, 11)), limit=3)
    print("results:", results)


asyncio.run(main())
