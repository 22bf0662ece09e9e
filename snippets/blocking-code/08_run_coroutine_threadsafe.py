# Runs on the real clock: a thread waits for the loop, and the virtual clock cannot see a thread.
"""From another thread, run_coroutine_threadsafe runs a coroutine on the loop; you get a concurrent Future."""

import asyncio
import concurrent.futures


async def lookup(key: str, seconds: float) -> str:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"loop:   lookup({key!r}) was cancelled")
        raise
    return key.upper()


def thread_body(loop: asyncio.AbstractEventLoop) -> None:
    """Plain synchronous code in another thread, for example a callback from a C library."""
    future = asyncio.run_coroutine_threadsafe(lookup("abc", 0.2), loop)
    print(f"thread: a concurrent.futures.Future? {isinstance(future, concurrent.futures.Future)}")
    print(f"thread: result() blocks this thread, then returns {future.result(timeout=2.0)!r}")
    slow = asyncio.run_coroutine_threadsafe(lookup("xyz", 5.0), loop)
    try:
        slow.result(timeout=0.3)
    except TimeoutError:
        print("thread: TimeoutError from result(timeout=0.3); cancelling the future")
        slow.cancel()  # thread-safe: cancels the task on the loop


async def main() -> None:
    loop = asyncio.get_running_loop()
    await asyncio.to_thread(thread_body, loop)  # the thread needs the loop object: pass it in
    print("loop:   the thread has finished")


asyncio.run(main())
