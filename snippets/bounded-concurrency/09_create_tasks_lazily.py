"""A semaphore inside each task still creates every task up front; acquiring before create_task does not."""

import asyncio
from dataclasses import dataclass


@dataclass
class Stats:
    running: int = 0
    most_running: int = 0
    most_alive: int = 0  # tasks not finished yet, main included


async def job(stats: Stats) -> None:
    stats.running += 1
    stats.most_running = max(stats.most_running, stats.running)
    stats.most_alive = max(stats.most_alive, len(asyncio.all_tasks()))
    await asyncio.sleep(0.1)
    stats.running -= 1


async def limited_job(limit: asyncio.Semaphore, stats: Stats) -> None:
    async with limit:
        await job(stats)


async def all_at_once(items: int, limit: asyncio.Semaphore, stats: Stats) -> None:
    async with asyncio.TaskGroup() as tg:
        for _ in range(items):
            tg.create_task(limited_job(limit, stats))  # every task exists now; most just wait


async def lazily(items: int, limit: asyncio.Semaphore, stats: Stats) -> None:
    async with asyncio.TaskGroup() as tg:
        for _ in range(items):
            await limit.acquire()  # wait for a free slot *before* creating the task
            task = tg.create_task(job(stats))
            task.add_done_callback(lambda _: limit.release())


async def main() -> None:
    for strategy in (all_at_once, lazily):
        stats = Stats()
        await strategy(500, asyncio.Semaphore(50), stats)
        print(f"{strategy.__name__}: at most {stats.most_running} running, {stats.most_alive} tasks alive")


asyncio.run(main())
