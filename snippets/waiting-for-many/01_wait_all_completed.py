"""asyncio.wait() hands back two sets of tasks, not results, once the slowest task ends at 3.0 s."""

import asyncio


async def fetch(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return f"{name} data"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = [
        asyncio.create_task(fetch("users", 2.0), name="users"),
        asyncio.create_task(fetch("orders", 1.0), name="orders"),
        asyncio.create_task(fetch("prices", 3.0), name="prices"),
    ]
    done, pending = await asyncio.wait(tasks)  # return_when=ALL_COMPLETED
    print(f"wait returned after {loop.time() - start:.1f} s")
    print(f"done: {len(done)} tasks, pending: {len(pending)} tasks, both of type {type(done).__name__}")
    for task in sorted(done, key=lambda t: t.get_name()):  # a set has no useful order
        print(f"  {task.get_name()} -> {task.result()!r}")
    print("in the order you passed:", [task.result() for task in tasks])


asyncio.run(main())
