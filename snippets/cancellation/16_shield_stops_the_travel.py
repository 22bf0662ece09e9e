"""asyncio.shield() keeps the inner task running when its awaiter is cancelled: save ends at 2.0 s."""

import asyncio


async def save(start: float) -> str:
    loop = asyncio.get_running_loop()
    await asyncio.sleep(2)
    print(f"save: finished at {loop.time() - start:.1f} s")
    return "saved"


async def handler(save_task: asyncio.Task[str]) -> str:
    return await asyncio.shield(save_task)


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    save_task = asyncio.create_task(save(start))  # keep a reference: it must outlive handler
    handler_task = asyncio.create_task(handler(save_task))
    await asyncio.sleep(1)
    handler_task.cancel()
    await asyncio.gather(handler_task, return_exceptions=True)
    print(f"handler cancelled() at {loop.time() - start:.1f} s:", handler_task.cancelled())
    print("save still running:", not save_task.done())
    print("save result:", await save_task)


asyncio.run(main())
