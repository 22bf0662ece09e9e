"""Cancel the task that waits: which tools cancel the jobs it waits for, and which leave them running."""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

Waiter = Callable[[list[asyncio.Task[None]]], Coroutine[Any, Any, None]]


async def job() -> None:
    await asyncio.sleep(10)


async def not_awaited(jobs: list[asyncio.Task[None]]) -> None:
    await asyncio.sleep(10)  # the jobs were started, and nobody awaits them


async def plain_await(jobs: list[asyncio.Task[None]]) -> None:
    await jobs[0]


async def wait_for(jobs: list[asyncio.Task[None]]) -> None:
    await asyncio.wait_for(jobs[0], timeout=60)


async def timeout_block(jobs: list[asyncio.Task[None]]) -> None:
    async with asyncio.timeout(60):
        await jobs[0]


async def gather(jobs: list[asyncio.Task[None]]) -> None:
    await asyncio.gather(*jobs)


async def wait(jobs: list[asyncio.Task[None]]) -> None:
    await asyncio.wait(jobs)


async def as_completed(jobs: list[asyncio.Task[None]]) -> None:
    for next_done in asyncio.as_completed(jobs):
        await next_done


async def shield(jobs: list[asyncio.Task[None]]) -> None:
    await asyncio.shield(jobs[0])


async def task_group(jobs: list[asyncio.Task[None]]) -> None:
    async with asyncio.TaskGroup() as tg:
        jobs.extend(tg.create_task(job()) for _ in range(2))  # the group's own tasks
        await asyncio.sleep(10)


async def main() -> None:
    waiters: list[tuple[str, Waiter, int]] = [
        ("create_task, never awaited", not_awaited, 2),
        ("await task", plain_await, 1),
        ("wait_for(task)", wait_for, 1),
        ("timeout(): await task", timeout_block, 1),
        ("gather(*tasks)", gather, 2),
        ("wait(tasks)", wait, 2),
        ("as_completed(tasks)", as_completed, 2),
        ("shield(task)", shield, 1),
        ("TaskGroup", task_group, 0),
    ]
    for label, waiter, how_many in waiters:
        jobs = [asyncio.create_task(job()) for _ in range(how_many)]
        waiting = asyncio.create_task(waiter(jobs))
        await asyncio.sleep(1)
        waiting.cancel()
        await asyncio.wait([waiting])
        await asyncio.sleep(0)  # one more turn, for cancellations passed on to the jobs
        cancelled = sum(task.cancelled() for task in jobs)
        running = sum(not task.done() for task in jobs)
        print(f"{label:27} jobs cancelled: {cancelled} of {len(jobs)}, still running: {running}")
        for task in jobs:
            task.cancel()
        await asyncio.gather(*jobs, return_exceptions=True)


asyncio.run(main())
