"""Broken: asyncio.wait's timeout raises nothing and cancels nothing."""

import asyncio


async def lookup(source: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    print(f"  {source} finished after {seconds} s")
    return f"{source}: ok"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = [
        asyncio.create_task(lookup("cache", 0.2), name="cache"),
        asyncio.create_task(lookup("database", 1.5), name="database"),
        asyncio.create_task(lookup("remote api", 3.0), name="remote api"),
    ]
    try:
        done, pending = await asyncio.wait(tasks, timeout=1.0)
        print(f"{loop.time() - start:.1f} s  {len(done)} done, {len(pending)} pending")
        print("results:", [task.result() for task in done])
    except TimeoutError:
        print("TimeoutError")  # never printed: wait() does not raise on timeout
    print(f"{loop.time() - start:.1f} s  moving on, believing the slow lookups stopped")
    await asyncio.sleep(3.0)
    print(f"{loop.time() - start:.1f} s  main returns")


asyncio.run(main())
