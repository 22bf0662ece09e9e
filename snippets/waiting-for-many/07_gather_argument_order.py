"""gather() runs coroutines as tasks at once and lists results in argument order, not finishing order."""

import asyncio


async def job(name: str, delay: float) -> str:
    task = asyncio.current_task()
    assert task is not None
    print(f"{name} starts in {task.get_name()}")
    await asyncio.sleep(delay)
    print(f"{name} finishes")
    return name.upper()


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(job("slow", 3.0), job("quick", 1.0), job("medium", 2.0))
    print(f"after {loop.time() - start:.1f} s: {results}")


asyncio.run(main())
