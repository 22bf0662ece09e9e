"""create_task(name=...) labels a task, set_name() renames it, and two tasks may share a name."""

import asyncio


async def fetch(user_id: int) -> str:
    await asyncio.sleep(user_id)
    return f"user {user_id}"


async def main() -> None:
    first = asyncio.create_task(fetch(1), name="fetch-user-1")
    second = asyncio.create_task(fetch(2), name="fetch-user")
    third = asyncio.create_task(fetch(3), name="fetch-user")  # names need not be unique
    second.set_name("fetch-user-2")  # rename at any time, even while it runs
    print("given names:", first.get_name(), second.get_name(), third.get_name())

    me = asyncio.current_task()
    assert me is not None
    print("main's own task is", me.get_name())
    print("pending now:", sorted(task.get_name() for task in asyncio.all_tasks()))
    print("results:", await first, await second, await third)


asyncio.run(main())
