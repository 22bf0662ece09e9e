"""A TaskGroup block ends only after every task in it has ended, and hands its owner every failure."""

import asyncio


async def fetch(name: str, seconds: float, fails: bool = False) -> str:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"  {name}: cancelled")
        raise
    if fails:
        raise ConnectionError(f"{name}: connection lost")
    return f"{name}: ok"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    jobs = [("users", 0.3, False), ("orders", 0.5, True), ("prices", 2.0, False)]
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(fetch(*job), name=job[0]) for job in jobs]
    except* ConnectionError as group:
        print(f"{loop.time() - start:.1f} s: the owner gets {group.exceptions!r}")
    print("every task done:", all(task.done() for task in tasks))
    print(f"{tasks[0].result()} | prices cancelled: {tasks[2].cancelled()}")


asyncio.run(main())
