# Runs on the real clock: a second thread runs its own event loop.
"""Each thread can run its own event loop with asyncio.run; asyncio objects stay bound to one loop."""

import asyncio
import threading

loops: dict[str, asyncio.AbstractEventLoop] = {}


async def worker_main(ready: asyncio.Event) -> None:
    loops["worker"] = asyncio.get_running_loop()
    print("worker: asyncio.run() started a second loop in this thread")
    try:
        await ready.wait()  # the event already has a waiter in the main thread's loop
    except RuntimeError as exc:
        bound = "is bound to a different event loop" in str(exc)
        print(f"worker: ready.wait() raised RuntimeError, 'bound to a different event loop': {bound}")


def worker_thread(ready: asyncio.Event) -> None:
    try:
        asyncio.get_running_loop()
    except RuntimeError as exc:
        print(f"worker: before asyncio.run(), get_running_loop() raises RuntimeError: {exc}")
    asyncio.run(worker_main(ready))  # a new loop, owned by this thread
    print("worker: its asyncio.run() returned")


async def main() -> None:
    loops["main"] = asyncio.get_running_loop()
    ready = asyncio.Event()
    waiter = asyncio.create_task(ready.wait())
    await asyncio.sleep(0)  # the waiter now waits: the event is bound to this loop
    thread = threading.Thread(target=worker_thread, args=(ready,))
    thread.start()
    await asyncio.to_thread(thread.join)
    ready.set()
    await waiter
    print(f"main: the two loops are different objects: {loops['main'] is not loops['worker']}")
    coro = asyncio.sleep(0)
    try:
        asyncio.run(coro)
    except RuntimeError as exc:
        print(f"main: asyncio.run() inside a running loop: RuntimeError: {exc}")
        coro.close()


asyncio.run(main())
