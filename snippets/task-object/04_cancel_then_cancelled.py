"""Task.cancel() only asks: a task that catches CancelledError ends with cancelled() False."""

import asyncio


async def obedient() -> str:
    await asyncio.sleep(10)
    return "finished"


async def stubborn() -> str:
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "refused to stop"  # swallowing the cancellation: legal, rarely wise
    return "finished"


async def main() -> None:
    tasks = [
        asyncio.create_task(obedient(), name="obedient"),
        asyncio.create_task(stubborn(), name="stubborn"),
    ]
    await asyncio.sleep(0)  # both tasks start and suspend in their sleep
    for task in tasks:
        print(f"{task.get_name()}: cancel() returns {task.cancel()}")
        print(f"  just after:      done()={task.done()} cancelled()={task.cancelled()}")
        await asyncio.sleep(0)  # the task wakes up with CancelledError raised at its await
        print(f"  after one yield: done()={task.done()} cancelled()={task.cancelled()}")
        if not task.cancelled():
            print(f"  result(): {task.result()!r}")
        print(f"  cancel() again returns {task.cancel()}")


asyncio.run(main())
