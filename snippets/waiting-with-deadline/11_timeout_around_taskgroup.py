"""asyncio.timeout() around a TaskGroup cancels its unfinished tasks at 2.0 s and leaves none running."""

import asyncio


async def worker(seconds: float) -> str:
    await asyncio.sleep(seconds)
    return f"done after {seconds:.0f} s"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks: list[asyncio.Task[str]] = []
    try:
        async with asyncio.timeout(2.0):  # one deadline around the whole group
            async with asyncio.TaskGroup() as tg:
                for seconds in (1.0, 5.0, 8.0):
                    tasks.append(tg.create_task(worker(seconds)))
    except TimeoutError:
        print(f"TimeoutError at {loop.time() - start:.1f} s")
    for task in tasks:
        print(f"  {'cancelled' if task.cancelled() else task.result()}")
    print(f"tasks still running: {len(asyncio.all_tasks()) - 1}")  # minus main itself


asyncio.run(main())
