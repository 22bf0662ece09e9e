"""A TaskGroup block waits for all its tasks: it exits at 0.3 s, the slowest task, not the 0.4 s sum."""

import asyncio


async def fetch(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    print(f"{name} done")
    return f"{name} page"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.TaskGroup() as tg:
        slow = tg.create_task(fetch("slow", 0.3))
        fast = tg.create_task(fetch("fast", 0.1))
        print(f"body ends at {loop.time() - start:.1f} s; tasks still running")
    # Reaching this line means every task of the group has finished.
    print(f"block exits at {loop.time() - start:.1f} s")
    print(slow.result(), "|", fast.result())


asyncio.run(main())
