"""Tasks finishing together leave as_completed() in creation order; coroutines lose the order passed."""

import asyncio


async def lookup(key: int) -> int:
    return key  # a cache hit: finishes the first time it runs, without any await


async def main() -> None:
    keys = list(range(10))

    tasks = [asyncio.create_task(lookup(key)) for key in keys]
    order = [await item for item in asyncio.as_completed(tasks)]
    print(f"tasks:      {order}")

    coros = [lookup(key) for key in keys]
    order = [await item for item in asyncio.as_completed(coros)]
    print(f"coroutines: all arrived: {sorted(order) == keys}, in the order passed: {order == keys}")


asyncio.run(main())
