"""Fixed: after asyncio.wait times out, cancel what is pending and wait for it to finish."""

import asyncio


async def lookup(source: str, seconds: float) -> str:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"  {source} cancelled")
        raise
    return f"{source}: ok"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = [
        asyncio.create_task(lookup("cache", 0.2), name="cache"),
        asyncio.create_task(lookup("database", 1.5), name="database"),
        asyncio.create_task(lookup("remote api", 3.0), name="remote api"),
    ]
    done, pending = await asyncio.wait(tasks, timeout=1.0)
    for task in tasks:  # in a fixed order; cancel() does nothing to a finished task
        task.cancel()
    if pending:
        await asyncio.wait(pending)  # their clean-up runs; nothing outlives this line
    print(f"{loop.time() - start:.1f} s  {len(done)} done, {len(pending)} cancelled")
    print("results:", [task.result() for task in tasks if task in done])
    await asyncio.sleep(3.0)
    print(f"{loop.time() - start:.1f} s  main returns")


asyncio.run(main())
