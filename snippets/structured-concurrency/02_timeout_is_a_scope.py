"""asyncio.timeout cancels everything inside its block and turns that into TimeoutError at the block."""

import asyncio


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(1.0):
            async with asyncio.TaskGroup() as tg:
                tasks = [
                    tg.create_task(asyncio.sleep(seconds), name=name)
                    for name, seconds in [("quick", 0.5), ("slow", 3.0), ("slower", 5.0)]
                ]
    except TimeoutError:
        print(f"{loop.time() - start:.1f} s: TimeoutError, raised where the scope began")
    for task in tasks:
        print(f"  {task.get_name()}: {'cancelled' if task.cancelled() else 'finished'}")
    current = asyncio.current_task()
    assert current is not None
    print("main's cancelling() =", current.cancelling())
    await asyncio.sleep(0.5)
    print(f"{loop.time() - start:.1f} s: main awaits normally: the cancellation stayed inside")


asyncio.run(main())
