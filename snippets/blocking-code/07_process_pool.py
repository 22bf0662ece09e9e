"""CPU-bound work goes to a ProcessPoolExecutor: a module-level function, picklable data, a main guard."""

import asyncio
import multiprocessing
import os
import pickle
from concurrent.futures import ProcessPoolExecutor


def sum_of_squares(n: int) -> tuple[int, int]:
    """Runs in a worker process: its own interpreter, its own GIL."""
    return sum(i * i for i in range(n)), os.getpid()


async def main() -> None:
    loop = asyncio.get_running_loop()
    spawn = multiprocessing.get_context("spawn")  # the start method on Windows and macOS
    with ProcessPoolExecutor(max_workers=2, mp_context=spawn) as pool:
        calls = [loop.run_in_executor(pool, sum_of_squares, n) for n in (10, 1_000_000)]
        for total, pid in await asyncio.gather(*calls):
            print(f"sum of squares: {total}, computed in another process: {pid != os.getpid()}")
        try:
            await loop.run_in_executor(pool, lambda: 42)  # a lambda cannot be pickled
        except (AttributeError, pickle.PicklingError) as exc:  # the type depends on the version
            print(f"a lambda cannot be sent to a worker: {type(exc).__name__}")


if __name__ == "__main__":  # a spawned worker imports this file again: it must not run main()
    asyncio.run(main())
