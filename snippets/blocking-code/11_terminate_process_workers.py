# Requires Python 3.14 or newer.
"""Python 3.14: terminate_workers() stops hung jobs in a process pool; their futures get BrokenProcessPool."""

import asyncio
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

assert sys.version_info >= (3, 14), "ProcessPoolExecutor.terminate_workers() needs Python 3.14 or newer"


def hang(seconds: float) -> str:
    time.sleep(seconds)  # stands for a job that never returns
    return "finished"


async def main() -> None:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=1) as pool:
        running = loop.run_in_executor(pool, hang, 60)
        queued = loop.run_in_executor(pool, hang, 60)  # waits for the only worker
        await asyncio.sleep(0.5)
        pool.terminate_workers()  # Process.terminate() on each worker; kill_workers() uses kill()
        for label, job in (("running", running), ("queued", queued)):
            try:
                print(label, await job)
            except BrokenProcessPool:
                print(f"{label}: BrokenProcessPool")
    print("the with block ended without waiting 60 s")


if __name__ == "__main__":  # forkserver and spawn workers import this file again
    asyncio.run(main())
