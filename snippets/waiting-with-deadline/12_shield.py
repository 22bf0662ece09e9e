"""With asyncio.shield(), wait_for and asyncio.timeout() stop waiting but the task runs to the end."""

import asyncio


async def save_order() -> str:
    await asyncio.sleep(3.0)
    return "order saved"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(save_order())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=1.0)
    except TimeoutError:
        print(f"{loop.time() - start:.1f} s: wait_for gave up, task.cancelled() = {task.cancelled()}")
    try:
        async with asyncio.timeout(1.0):
            await asyncio.shield(task)
    except TimeoutError:
        print(f"{loop.time() - start:.1f} s: timeout gave up, task.cancelled() = {task.cancelled()}")
    result = await task  # the work went on all along; collect it when ready
    print(f"{loop.time() - start:.1f} s: {result}")


asyncio.run(main())
