# Requires Python 3.14 or newer.
"""Python 3.14's eager_start= switches one task: eager without a factory, or lazy under the eager factory."""

import asyncio
import sys

assert sys.version_info >= (3, 14), "create_task(eager_start=) needs Python 3.14 or newer"


async def lookup(label: str) -> str:
    print(f"  {label}: first step runs")
    return label


async def main() -> None:
    loop = asyncio.get_running_loop()
    print("default task factory")
    task = asyncio.create_task(lookup("eager_start=True"), eager_start=True)
    print("  create_task returned; done:", task.done())
    await task

    print("eager task factory installed")
    loop.set_task_factory(asyncio.eager_task_factory)
    async with asyncio.TaskGroup() as tg:
        task = tg.create_task(lookup("eager_start=False"), eager_start=False)
        print("  create_task returned; done:", task.done())


asyncio.run(main())
