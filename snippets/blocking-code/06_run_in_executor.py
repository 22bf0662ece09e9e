# Runs on the real clock: threads do the waiting here, and only real time shows how many run at once.
"""run_in_executor sends calls to a pool you choose; the pool's size caps how many run at once."""

import asyncio
import functools
import time
from concurrent.futures import ThreadPoolExecutor


def query(name: str, *, seconds: float) -> str:
    time.sleep(seconds)  # stands in for a blocking database driver
    return name


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    with ThreadPoolExecutor(max_workers=2) as pool:
        calls = [
            # positional arguments only: keyword arguments go through functools.partial
            loop.run_in_executor(pool, functools.partial(query, f"q{n}", seconds=0.4))
            for n in range(4)
        ]
        results = await asyncio.gather(*calls)
        print(results, f"after {loop.time() - start:.1f} s with 2 threads")

    loop.set_default_executor(ThreadPoolExecutor(max_workers=3))  # used by to_thread and None
    start = loop.time()
    results = await asyncio.gather(*(asyncio.to_thread(query, f"t{n}", seconds=0.4) for n in range(4)))
    print(results, f"after {loop.time() - start:.1f} s with 3 threads")


asyncio.run(main())
