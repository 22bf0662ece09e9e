# Runs on the real clock: time.sleep blocks the whole thread, which only real time can show.
"""Broken: time.sleep in a coroutine freezes the loop; the tasks run one after another."""

import asyncio
import time


async def handle(request: str) -> None:
    print(f"  {request} starts")
    # ruff's ASYNC251 flags this line; it is silenced only to show the mistake.
    time.sleep(0.32)  # noqa: ASYNC251  blocks the thread: no other task can run meanwhile
    print(f"  {request} ends")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(handle("request A"), handle("request B"), handle("request C"))
    print(f"3 requests of 0.32 s each took {loop.time() - start:.1f} s")


asyncio.run(main())
