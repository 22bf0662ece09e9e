# Runs on the real clock: it shows how long a thread keeps running, which only real time can show.
"""A timeout cancels the await on to_thread(), not the thread: asyncio.run() still waits for it."""

import asyncio
import time


def slow_call(start: float) -> None:
    time.sleep(1.0)  # a blocking call cannot be interrupted from outside
    print(f"{time.monotonic() - start:.1f} s  thread: finished its work anyway")


async def main() -> float:
    start = time.monotonic()  # the real clock, readable from any thread and after the loop closes
    try:
        async with asyncio.timeout(0.3):
            await asyncio.to_thread(slow_call, start)
    except TimeoutError:
        print(f"{time.monotonic() - start:.1f} s  main: TimeoutError; main() returns")
    return start


start = asyncio.run(main())  # waits for the default executor's threads before it returns
print(f"{time.monotonic() - start:.1f} s  asyncio.run() returned")
