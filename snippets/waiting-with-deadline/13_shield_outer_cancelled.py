"""asyncio.shield() guards the inner task, not its caller: the caller is cancelled, the job finishes."""

import asyncio


async def save_order() -> str:
    await asyncio.sleep(3.0)
    print("save_order: saved")
    return "order saved"


async def handler(job: asyncio.Task[str]) -> None:
    try:
        await asyncio.shield(job)
    except asyncio.CancelledError:
        print("handler: CancelledError, the shield does not protect the caller")
        raise


async def main() -> None:
    job = asyncio.create_task(save_order())
    caller = asyncio.create_task(handler(job))
    await asyncio.sleep(1.0)
    caller.cancel()  # e.g. the client hung up
    await asyncio.wait([caller])
    print(f"caller.cancelled() = {caller.cancelled()}, job.done() = {job.done()}")
    print(f"main: {await job}")


asyncio.run(main())
