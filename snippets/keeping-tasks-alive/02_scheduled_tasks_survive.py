"""Unreferenced tasks survive gc.collect() if the ready queue, a timer or a held Event reaches them."""

import asyncio
import gc


async def quick() -> None:
    print("quick: ran")


async def sleeper(start: float) -> None:
    await asyncio.sleep(1.0)
    print(f"sleeper: woke up at {asyncio.get_running_loop().time() - start:.1f} s")


async def listener(signal: asyncio.Event) -> None:
    await signal.wait()
    print("listener: saw the signal")


async def main() -> None:
    loop = asyncio.get_running_loop()
    signal = asyncio.Event()  # main holds this event, so it can still wake its waiter
    asyncio.create_task(quick(), name="quick")  # noqa: RUF006
    asyncio.create_task(sleeper(loop.time()), name="sleeper")  # noqa: RUF006
    asyncio.create_task(listener(signal), name="listener")  # noqa: RUF006
    gc.collect()  # no task has started yet: all three sit in the loop's ready queue
    await asyncio.sleep(0)
    gc.collect()  # sleeper() sits in a timer, listener() in the event's waiters
    print("alive after two collections:", sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(2.0)
    signal.set()
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
