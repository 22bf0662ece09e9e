# Runs on the real clock: it shows when a thread's message reaches the loop, in real time.
"""From another thread, hand work to the loop with call_soon_threadsafe; a direct call may not wake it."""

import asyncio
import threading
import time


def send_later(loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[float], safe: bool) -> None:
    time.sleep(0.2)  # some work in the thread, then one message for the loop: the time it was sent
    if safe:
        loop.call_soon_threadsafe(queue.put_nowait, time.monotonic())  # queues the call, wakes the loop
    else:
        queue.put_nowait(time.monotonic())  # WRONG: touches the loop's objects from another thread


async def receive(safe: bool) -> None:
    queue: asyncio.Queue[float] = asyncio.Queue()
    thread = threading.Thread(target=send_later, args=(asyncio.get_running_loop(), queue, safe))
    thread.start()
    how = "call_soon_threadsafe" if safe else "direct put_nowait()"
    try:
        async with asyncio.timeout(1.0):  # the loop's only timer: it sleeps until this is due
            sent = await queue.get()
    except TimeoutError:
        print(f"{how:20}: nothing received within 1.0 s")
    else:
        delay = time.monotonic() - sent
        when = "at once" if delay < 0.3 else f"{delay:.1f} s after it was sent"  # 0.3: room for load
        print(f"{how:20}: received {when}")
    await asyncio.to_thread(thread.join)


async def main() -> None:
    await receive(safe=False)
    await receive(safe=True)


asyncio.run(main())
