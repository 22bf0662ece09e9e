"""Who runs a suspended async generator's finally: aclosing() now, the GC hook later, or asyncio.run."""

import asyncio
import contextlib
import sys
from collections.abc import AsyncGenerator

consumer: asyncio.Task[None] | None = None


async def rows(name: str) -> AsyncGenerator[int, None]:
    try:
        for n in range(100):
            await asyncio.sleep(0.1)
            yield n
    finally:
        in_consumer = asyncio.current_task() is consumer
        print(f"  {name}: finally runs; in the consumer's task: {in_consumer}")


async def main() -> None:
    global consumer
    consumer = asyncio.current_task()
    firstiter, finalizer = sys.get_asyncgen_hooks()
    print(f"hooks: {getattr(firstiter, '__name__', None)}, {getattr(finalizer, '__name__', None)}")

    print("1. aclosing():")
    async with contextlib.aclosing(rows("one")) as one:
        async for _ in one:
            break
    print("  after the block")

    print("2. dropped after a break:")
    async for _ in rows("two"):
        break  # nothing refers to the generator any more: the finalizer hook runs now
    print("  after the loop")
    await asyncio.sleep(0)
    print("  after one await")

    print("3. still referenced when main returns:")
    three = rows("three")
    await anext(three)
    print("  main returns")


asyncio.run(main())
print("asyncio.run returned")
