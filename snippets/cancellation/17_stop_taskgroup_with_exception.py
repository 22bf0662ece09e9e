"""To stop a TaskGroup, a task raises its own exception, caught with except*; task C is cancelled."""

import asyncio


class Found(Exception):
    """Raised by a task to stop the whole group: the search is over."""


async def search(shelf: str, delay: float, has_it: bool) -> None:
    await asyncio.sleep(delay)
    if has_it:
        raise Found(shelf)
    print(f"{shelf}: not here")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [
                tg.create_task(search("shelf A", 1, False), name="A"),
                tg.create_task(search("shelf B", 2, True), name="B"),
                tg.create_task(search("shelf C", 3, False), name="C"),
            ]
    except* Found as group:
        print(f"found on {group.exceptions[0]} after {loop.time() - start:.1f} s")
    for task in tasks:
        if task.cancelled():
            print(f"task {task.get_name()}: cancelled")
        else:
            print(f"task {task.get_name()}: finished, exception() = {task.exception()!r}")


asyncio.run(main())
