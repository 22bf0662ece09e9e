"""Cancelling a gather() before any child fails cancels the unfinished ones and raises CancelledError."""

import asyncio


async def worker(name: str, delay: float) -> str:
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    return name


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    a = asyncio.create_task(worker("a", 1.0))
    b = asyncio.create_task(worker("b", 5.0))
    c = asyncio.create_task(worker("c", 6.0))
    group = asyncio.gather(a, b, c)
    await asyncio.sleep(2.0)  # a has finished by now, b and c have not
    print(f"group.cancel() -> {group.cancel()}")
    try:
        await group
    except asyncio.CancelledError:
        print(f"{loop.time() - start:.1f} s: await group raised CancelledError")
    print(f"a: {a.result()!r}, b cancelled: {b.cancelled()}, c cancelled: {c.cancelled()}")


asyncio.run(main())
