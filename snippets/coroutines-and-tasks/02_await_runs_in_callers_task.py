"""Awaited coroutines run one after another in the caller's task (3.0 s); two tasks overlap (2.0 s)."""

import asyncio


async def job(label: str, seconds: float) -> None:
    task = asyncio.current_task()
    assert task is not None
    print(f"  {label} runs in {task.get_name()}")
    await asyncio.sleep(seconds)


async def main() -> None:
    loop = asyncio.get_running_loop()

    start = loop.time()
    await job("awaited A", 1)  # main waits here until A is done...
    await job("awaited B", 2)  # ...and only then does B start
    print(f"two awaits: {loop.time() - start:.1f} s")

    start = loop.time()
    task_a = asyncio.create_task(job("task A", 1))
    task_b = asyncio.create_task(job("task B", 2))
    await task_a
    await task_b
    print(f"two tasks: {loop.time() - start:.1f} s")


asyncio.run(main())
