# Runs on the real clock: time.sleep() blocks the whole thread, and only real time can show it.
"""A time.sleep() inside a coroutine freezes every other task: the heartbeat falls 0.8 s behind."""

import asyncio
import itertools
import time


async def heartbeat() -> None:
    loop = asyncio.get_running_loop()
    due = loop.time()
    for beat in itertools.count(1):
        late = loop.time() - due
        print(f"heartbeat {beat}: {'on time' if late < 0.25 else f'{late:.1f} s late'}")
        due += 0.5 * (1 + int(late // 0.5))  # the next beat on a 0.5 s grid, skipping missed ones
        await asyncio.sleep(due - loop.time())


async def main() -> None:
    beating = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.6)  # heartbeats 1 and 2 run meanwhile
    print("main: time.sleep(1.0) starts")
    time.sleep(1.0)  # noqa: ASYNC251 -- the mistake this snippet shows
    print("main: time.sleep(1.0) returns")
    await asyncio.sleep(0.2)
    print("main: stops the heartbeat")
    beating.cancel()


asyncio.run(main())
