"""A plain await has no deadline: main waits for a coroutine, then a task, and resumes after 5.0 s."""

import asyncio


def current_name() -> str:
    task = asyncio.current_task()
    return task.get_name() if task else "no task"


async def fetch(label: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    return f"{label} finished, it ran in {current_name()}"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(f"main runs in {current_name()}")
    print(await fetch("coroutine", 2.0))  # the body runs inside main's own task
    task = asyncio.create_task(fetch("task", 3.0), name="fetcher")
    print(await task)  # main is suspended until the task is done, however long that takes
    print(f"main resumed after {loop.time() - start:.1f} s")


asyncio.run(main())
