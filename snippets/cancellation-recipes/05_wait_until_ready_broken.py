"""Waiting on an Event the child sets once ready hangs for ever when the child fails first."""

import asyncio


async def serve(port: int, ready: asyncio.Event) -> None:
    await asyncio.sleep(0.2)  # binding the socket...
    if port == 80:
        raise PermissionError(f"cannot bind port {port}")
    ready.set()
    await asyncio.sleep(3600)


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    ready = asyncio.Event()
    server = asyncio.create_task(serve(80, ready))
    try:
        async with asyncio.timeout(10):  # only so that this program ends
            await ready.wait()
        print("listening")
    except TimeoutError:
        print(f"still waiting for 'ready' at {loop.time() - start:.1f} s")
    print(f"the server had failed long before: {server.exception()!r}")


asyncio.run(main())
