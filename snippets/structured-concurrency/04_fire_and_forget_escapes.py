"""A task started with create_task inside a group's block is not in the group: it escapes."""

import asyncio


async def send_welcome(user: str) -> None:
    await asyncio.sleep(2.0)
    raise ConnectionError(f"welcome mail to {user} bounced")


async def register(user: str) -> None:
    await asyncio.sleep(0.5)
    asyncio.create_task(send_welcome(user), name=f"welcome:{user}")  # noqa: RUF006
    print(f"registered {user}")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(register("ana"), name="register:ana")
    others = sorted(t.get_name() for t in asyncio.all_tasks() if t is not asyncio.current_task())
    print(f"{loop.time() - start:.1f} s: group done, no error; still running: {others}")
    await asyncio.sleep(3.0)
    print(f"{loop.time() - start:.1f} s: main ends")


asyncio.run(main())
