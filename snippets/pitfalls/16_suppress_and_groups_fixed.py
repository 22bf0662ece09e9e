"""Fixed: a plain except TimeoutError catches only the deadline; group errors get out."""

import asyncio


async def call_backend(name: str, seconds: float) -> str:
    async with asyncio.timeout(0.5):  # each call has its own limit
        await asyncio.sleep(seconds)
    return f"{name}: ok"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(2.0), asyncio.TaskGroup() as group:
            group.create_task(call_backend("fast", 0.1), name="fast")
            group.create_task(call_backend("slow", 1.0), name="slow")
    except TimeoutError:  # never matches an ExceptionGroup, on any version
        print(f"{loop.time() - start:.1f} s  the 2 s deadline passed")
    except ExceptionGroup as failed:
        print(f"{loop.time() - start:.1f} s  a call failed: {failed.exceptions!r}")


asyncio.run(main())
