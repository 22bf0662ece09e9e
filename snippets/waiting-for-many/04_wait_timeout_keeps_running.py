"""asyncio.wait() with timeout= returns early without raising; the slow task runs on and finishes."""

import asyncio


async def work(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return f"{name} result"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    fast = asyncio.create_task(work("fast", 1.0), name="fast")
    slow = asyncio.create_task(work("slow", 4.0), name="slow")

    done, pending = await asyncio.wait([fast, slow], timeout=2.0)  # no exception here
    print(f"{loop.time() - start:.1f} s: done={[t.get_name() for t in done]}")
    print(f"{loop.time() - start:.1f} s: pending={[t.get_name() for t in pending]}")
    print(f"slow: done={slow.done()}, cancelled={slow.cancelled()}")

    await asyncio.sleep(3.0)  # main does other things; slow is still running meanwhile
    print(f"{loop.time() - start:.1f} s: slow.result()={slow.result()!r}")


asyncio.run(main())
