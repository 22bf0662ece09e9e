"""asyncio.current_task() names the running task; asyncio.all_tasks() lists only tasks not yet done."""

import asyncio


async def worker(seconds: float) -> None:
    me = asyncio.current_task()
    assert me is not None  # always a task inside a coroutine run by a task
    print(f"{me.get_name()}: running")
    await asyncio.sleep(seconds)


def names(tasks: set[asyncio.Task[object]]) -> list[str]:
    return sorted(task.get_name() for task in tasks)


async def main() -> None:
    main_task = asyncio.current_task()
    assert main_task is not None
    print("main runs in:", main_task.get_name())
    short = asyncio.create_task(worker(0.5), name="short")
    long = asyncio.create_task(worker(2.0), name="long")
    print("all_tasks() at once:", names(asyncio.all_tasks()))
    await short
    print("all_tasks() after short ends:", names(asyncio.all_tasks()))
    await long
    print("all_tasks() at the end:", names(asyncio.all_tasks()))


asyncio.run(main())
