"""create_task only schedules the job: it starts when main really suspends, not at await quick()."""

import asyncio


async def job() -> None:
    print("job: first line runs")
    await asyncio.sleep(1)
    print("job: done")


async def quick() -> str:
    return "quick result"  # never suspends, so it never gives the loop a turn


async def main() -> None:
    task = asyncio.create_task(job())
    print("main: task created")
    print("main: awaited", await quick())
    print("main: the task still has not started")
    await asyncio.sleep(0)  # the first await that really suspends main
    print("main: back after sleep(0)")
    await task


asyncio.run(main())
