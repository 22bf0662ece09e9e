"""On 3.13, uncancel() back to 0 withdraws a pending request; on 3.11 and 3.12 the task is cancelled."""

import asyncio


async def worker() -> None:
    print("worker: started")
    await asyncio.sleep(1)
    print("worker: finished normally")


async def main() -> None:
    task = asyncio.create_task(worker())
    print("cancel():", task.cancel(), "-> cancelling() =", task.cancelling())
    print("uncancel():", task.uncancel(), "-> the count is back to zero")
    await asyncio.gather(task, return_exceptions=True)
    print("cancelled() =", task.cancelled())


asyncio.run(main())
