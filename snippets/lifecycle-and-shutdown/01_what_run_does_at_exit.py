# Runs on the real clock: a thread of the default executor sleeps for real.
"""What asyncio.run does after main returns: cancel tasks, close async generators, join threads, close."""

import asyncio
import threading
import time
from collections.abc import AsyncIterator

loops: list[asyncio.AbstractEventLoop] = []
generators: list[AsyncIterator[int]] = []


async def heartbeat() -> None:
    try:
        await asyncio.sleep(3600)  # stands for endless background work
    finally:
        print("2. background task: cancelled, its finally block runs")
        await asyncio.sleep(0.1)  # asyncio.run waits for this cleanup too
        print("   background task: cleanup finished")


async def rows() -> AsyncIterator[int]:
    try:
        for n in range(100):
            yield n
    finally:
        print("3. async generator: closed, its finally block runs")


def write_report() -> None:
    time.sleep(0.5)
    print("4. default executor: its thread finished the job")


async def main() -> None:
    loop = asyncio.get_running_loop()
    loops.append(loop)
    background = asyncio.create_task(heartbeat())
    generators.append(rows())  # started, then left unfinished
    print("first row:", await anext(generators[0]))
    loop.run_in_executor(None, write_report)  # started, never awaited
    print("1. main returns; background task done?", background.done())


asyncio.run(main())
print("5. asyncio.run returned; loop closed?", loops[0].is_closed())
print("   threads left:", threading.active_count())
