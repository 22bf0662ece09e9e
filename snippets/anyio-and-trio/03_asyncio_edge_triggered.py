"""In asyncio a timeout's cancellation arrives once: code that catches it can await again and go on."""

import asyncio


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.current_task()
    assert task is not None

    def now() -> str:
        return f"{loop.time() - start:.1f} s"

    async with asyncio.timeout(1.0) as scope:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print(f"{now()}  caught CancelledError, cancelling() = {task.cancelling()}")
        await asyncio.sleep(1)
        print(f"{now()}  the next await inside the block ran its full second")
        await asyncio.sleep(1)
        print(f"{now()}  and so did the one after")
    print(f"{now()}  block left without TimeoutError, expired() = {scope.expired()}")
    print(f"{now()}  cancelling() = {task.cancelling()}: the timeout withdrew its request")


asyncio.run(main())
