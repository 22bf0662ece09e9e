"""The naive periodic loop: sleeping for the interval after each run makes it drift."""

import asyncio


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    for _ in range(4):
        print(f"{loop.time() - start:.1f} s  job starts")
        await asyncio.sleep(0.3)  # the job itself
        await asyncio.sleep(1.0)  # "every second": but counted from the end of the job


asyncio.run(main())
