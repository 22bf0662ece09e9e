"""When wait_for times out on a task, it cancels that task, so its result can never be collected."""

import asyncio


async def download() -> str:
    await asyncio.sleep(5.0)
    return "file contents"


async def main() -> None:
    task = asyncio.create_task(download(), name="download")
    try:
        await asyncio.wait_for(task, timeout=1.0)
    except TimeoutError:
        print("wait_for gave up after 1 s")
    print(f"task.done() = {task.done()}, task.cancelled() = {task.cancelled()}")
    try:
        await task  # the result we hoped to collect later is gone
    except asyncio.CancelledError:
        print("awaiting the task again raises CancelledError")


asyncio.run(main())
