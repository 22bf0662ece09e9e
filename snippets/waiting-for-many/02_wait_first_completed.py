"""A loop of asyncio.wait() with FIRST_COMPLETED handles each task as it finishes: at 1.0, 2.0, 3.0 s."""

import asyncio


async def download(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return f"{name}.zip"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    pending = {
        asyncio.create_task(download("alpha", 3.0), name="alpha"),
        asyncio.create_task(download("beta", 1.0), name="beta"),
        asyncio.create_task(download("gamma", 2.0), name="gamma"),
    }
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in sorted(done, key=lambda t: t.get_name()):  # several may finish together
            waiting = sorted(t.get_name() for t in pending)
            print(f"{loop.time() - start:.1f} s: {task.get_name()} -> {task.result()}, pending: {waiting}")


asyncio.run(main())
