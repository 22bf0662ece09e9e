"""as_completed() given a generator: it works from 3.12, and on 3.11 it raises TypeError."""

import asyncio


async def fetch(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return name


async def main() -> None:
    jobs = [("slow", 2), ("fast", 1)]
    try:
        for item in asyncio.as_completed(fetch(name, delay) for name, delay in jobs):
            print("from a generator:", await item)
    except TypeError as exc:
        print("from a generator: TypeError:", exc)
    for item in asyncio.as_completed([fetch(name, delay) for name, delay in jobs]):
        print("from a list:", await item)


asyncio.run(main())
