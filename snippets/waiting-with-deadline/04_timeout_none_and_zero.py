"""wait_for: timeout=None waits like a plain await; timeout <= 0 never runs the body (default factory)."""

import asyncio


async def job(label: str) -> str:
    print(f"{label}: the body starts")
    await asyncio.sleep(1.0)
    return f"{label}: done"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await asyncio.wait_for(job("timeout=None"), timeout=None))
    print(f"timeout=None waited {loop.time() - start:.1f} s, like a plain await")

    for timeout in (0, -5):
        try:
            await asyncio.wait_for(job(f"timeout={timeout}"), timeout=timeout)
        except TimeoutError:
            print(f"timeout={timeout}: TimeoutError, and the body never ran")

    ready = asyncio.create_task(job("ready task"))
    await asyncio.sleep(2.0)  # the task finishes during this pause
    print(f"wait_for(ready, timeout=0) returned {await asyncio.wait_for(ready, timeout=0)!r}")


asyncio.run(main())
