"""Pass the TaskGroup to a function, and the tasks it starts belong to the caller's group."""

import asyncio


async def send_welcome(user: str) -> None:
    await asyncio.sleep(2.0)
    raise ConnectionError(f"welcome mail to {user} bounced")


async def register(user: str, tg: asyncio.TaskGroup) -> None:
    await asyncio.sleep(0.5)
    tg.create_task(send_welcome(user), name=f"welcome:{user}")  # runs in the caller's scope
    print(f"registered {user}")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(register("ana", tg), name="register:ana")
    except* ConnectionError as group:
        print(f"{loop.time() - start:.1f} s: the group reports {group.exceptions!r}")
    others = sorted(t.get_name() for t in asyncio.all_tasks() if t is not asyncio.current_task())
    print(f"{loop.time() - start:.1f} s: still running: {others}")


asyncio.run(main())
