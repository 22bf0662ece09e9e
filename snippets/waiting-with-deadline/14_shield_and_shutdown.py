"""A shielded task is still cancelled by asyncio.run once main returns, so the receipt is never sent."""

import asyncio


async def send_receipt() -> None:
    try:
        await asyncio.sleep(2.0)
        print("send_receipt: receipt sent")
    except asyncio.CancelledError:
        print("send_receipt: cancelled by asyncio.run, receipt NOT sent")
        raise


async def main() -> None:
    task = asyncio.create_task(send_receipt())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.5)
    except TimeoutError:
        print("main: stopped waiting, and returns without awaiting the task")


asyncio.run(main())  # on the way out, it cancels every task still running
print("program ends")
