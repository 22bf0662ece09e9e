"""Task.cancel() on a finished task returns False; two quick requests count 2 but raise only once."""

import asyncio


async def quick() -> str:
    return "done"


async def patient() -> int:
    received = 0
    for _ in range(3):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            received += 1  # counted and ignored, only to see how many arrive
    return received


async def main() -> None:
    finished = asyncio.create_task(quick())
    await finished
    print("cancel a finished task:", finished.cancel(), "| result still", repr(finished.result()))

    task = asyncio.create_task(patient())
    await asyncio.sleep(0.5)
    print("first cancel(): ", task.cancel(), "| cancelling() =", task.cancelling())
    print("second cancel():", task.cancel(), "| cancelling() =", task.cancelling())
    print("CancelledErrors the task received:", await task)
    print("cancelling() after it ended:", task.cancelling())


asyncio.run(main())
