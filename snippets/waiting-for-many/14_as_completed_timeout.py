"""With timeout=, the awaited as_completed() item raises TimeoutError; the slow task keeps running."""

import asyncio


async def fetch(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return f"{name} page"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    quick = asyncio.create_task(fetch("quick", 1.0))
    slow = asyncio.create_task(fetch("slow", 4.0))
    try:
        for item in asyncio.as_completed([quick, slow], timeout=2.0):
            result = await item
            print(f"{loop.time() - start:.1f} s: got {result!r}")
    except TimeoutError as exc:
        print(f"{loop.time() - start:.1f} s: {type(exc).__name__} raised by the awaited item")
    print(f"slow: done={slow.done()}, cancelled={slow.cancelled()}")
    result = await slow  # still running: as_completed never cancels anything
    print(f"{loop.time() - start:.1f} s: slow -> {result!r}")


asyncio.run(main())
