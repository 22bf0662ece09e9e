# Requires Python 3.12 or newer.
"""Under the eager task factory, wait_for(timeout=0) runs the body; one that never suspends returns."""

import asyncio
import sys

assert sys.version_info >= (3, 12)


async def cached(key: str) -> str:
    print(f"cached({key!r}): the body starts")
    return f"{key}: from the cache"  # no await: finishes without suspending


async def fetch(key: str) -> str:
    print(f"fetch({key!r}): the body starts")
    await asyncio.sleep(1.0)
    return f"{key}: fetched"


async def main() -> None:
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    print(await asyncio.wait_for(cached("a"), timeout=0))
    try:
        await asyncio.wait_for(fetch("b"), timeout=0)
    except TimeoutError:
        print("fetch('b'): TimeoutError, after its body had started")


asyncio.run(main())
