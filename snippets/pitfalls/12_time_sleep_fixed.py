"""Fixed: await asyncio.sleep gives control back to the loop, so the waits overlap."""

import asyncio


async def handle(request: str) -> None:
    print(f"  {request} starts")
    await asyncio.sleep(0.32)  # suspends this task only; the loop runs the others meanwhile
    print(f"  {request} ends")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(handle("request A"), handle("request B"), handle("request C"))
    print(f"3 requests of 0.32 s each took {loop.time() - start:.1f} s")


asyncio.run(main())
