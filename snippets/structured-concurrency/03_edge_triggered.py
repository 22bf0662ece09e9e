"""asyncio delivers a cancellation once: code that catches it can await again and carry on."""

import asyncio


async def stubborn(start: float) -> str:
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{loop.time() - start:.1f} s: caught CancelledError")
    await asyncio.sleep(1)  # a new await after the cancellation: nothing interrupts it
    print(f"{loop.time() - start:.1f} s: the next await completed normally")
    task = asyncio.current_task()
    assert task is not None
    print(f"cancelling() = {task.cancelling()}: the request is on record, but not enforced")
    await asyncio.sleep(1)
    return "finished anyway"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(stubborn(start), name="stubborn")
    await asyncio.sleep(1)
    task.cancel()
    result = await task
    print(f"{loop.time() - start:.1f} s: {result!r}, cancelled() = {task.cancelled()}")


asyncio.run(main())
