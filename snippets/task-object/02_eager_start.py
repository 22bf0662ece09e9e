"""On 3.12+ the eager task factory runs the body inside create_task, so done() is True at once."""

import asyncio
import sys


async def instant() -> str:
    print("  instant: body runs")
    return "instant result"


async def main() -> None:
    if sys.version_info >= (3, 12):
        asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
        print("eager task factory installed")
    else:
        print("Python 3.11: no eager task factory, tasks always start later")
    task = asyncio.create_task(instant())
    print("create_task returned; done() =", task.done())
    await asyncio.sleep(0)
    print("after one yield;       done() =", task.done())


asyncio.run(main())
