# Runs on the real clock: synchronous code waits for a loop that runs in another thread.
"""Synchronous code can keep an event loop in a background thread and submit coroutines to it."""

import asyncio
import threading


async def fetch(name: str) -> str:
    await asyncio.sleep(0.1)
    return f"{name}: ok"


def main() -> None:  # plain synchronous code, no event loop in this thread
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="asyncio-loop")
    thread.start()
    try:
        future = asyncio.run_coroutine_threadsafe(fetch("first"), loop)
        print(f"main thread: {future.result(timeout=5.0)}")
        futures = [asyncio.run_coroutine_threadsafe(fetch(n), loop) for n in ("a", "b", "c")]
        print(f"main thread: {[f.result(timeout=5.0) for f in futures]}")
    finally:
        loop.call_soon_threadsafe(loop.stop)  # stop() itself is not thread-safe
        thread.join()
        loop.close()  # only after run_forever() has returned
    print(f"main thread: loop closed: {loop.is_closed()}")


main()
