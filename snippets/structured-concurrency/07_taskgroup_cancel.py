# Requires Python 3.15 or newer.
"""TaskGroup.cancel() (3.15) stops a group without an error; an outer timeout still raises TimeoutError."""

import asyncio
import sys

assert sys.version_info >= (3, 15)


async def serve(name: str, period: float, closing: float, start: float) -> None:
    loop = asyncio.get_running_loop()
    try:
        while True:
            await asyncio.sleep(period)
            print(f"  {loop.time() - start:.1f} s: {name} served a request")
    finally:
        await asyncio.sleep(closing)  # edge-triggered: cleanup may await
        print(f"  {loop.time() - start:.1f} s: {name} closed")


async def run_services(deadline: float) -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(f"deadline {deadline} s:")
    try:
        async with asyncio.timeout(deadline):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(serve("http", 1.0, 0.2, start), name="http")
                tg.create_task(serve("metrics", 0.7, 0.1, start), name="metrics")
                await asyncio.sleep(2.5)  # stands in for "the user asked to quit"
                tg.cancel()  # TaskGroup.cancel() is new in 3.15; not an error
                print("  body: tg.cancel() returned; the body stops at its next await")
                await asyncio.sleep(0)
                print("  body: never printed")
            print(f"  {loop.time() - start:.1f} s: the group exited without an exception")
    except TimeoutError:
        print(f"  {loop.time() - start:.1f} s: TimeoutError from the outer timeout")
    task = asyncio.current_task()
    assert task is not None
    print(f"  cancellation requests left on this task: {task.cancelling()}")


async def main() -> None:
    await run_services(deadline=5.0)
    await run_services(deadline=2.65)  # expires while the services are closing


asyncio.run(main())
