# Runs on the real clock: it waits for a thread, whose work the virtual clock cannot see.
"""In debug mode, loop.call_soon() from another thread raises RuntimeError instead of failing silently."""

import asyncio


def from_a_thread(loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[str]) -> None:
    try:
        asyncio.get_running_loop()
    except RuntimeError as exc:
        print(f"get_running_loop() in a thread: RuntimeError: {exc}")
    try:
        loop.call_soon(queue.put_nowait, "unsafe")
    except RuntimeError as exc:
        print(f"loop.call_soon() from a thread: RuntimeError: {exc}")
    loop.call_soon_threadsafe(queue.put_nowait, "safe")


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.slow_callback_duration = 10.0  # debug mode also reports slow steps; not the topic here
    queue: asyncio.Queue[str] = asyncio.Queue()
    await asyncio.to_thread(from_a_thread, loop, queue)  # pass the loop in: the thread has none
    print(f"the loop received: {await queue.get()!r}")


asyncio.run(main(), debug=True)  # or run with python -X dev, or PYTHONASYNCIODEBUG=1
