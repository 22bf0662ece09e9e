"""The same three jobs through gather, as_completed, wait and TaskGroup."""

import asyncio

JOBS = [("slow", 3), ("quick", 1), ("medium", 2)]


async def job(name: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    return name


def start_jobs(tool: str) -> list[asyncio.Task[str]]:
    return [asyncio.create_task(job(name, seconds), name=f"{tool}/{name}") for name, seconds in JOBS]


async def main() -> None:
    print("gather:      ", await asyncio.gather(*start_jobs("gather")))
    finished = [await next_done for next_done in asyncio.as_completed(start_jobs("as_completed"))]
    print("as_completed:", finished)
    done, pending = await asyncio.wait(start_jobs("wait"), return_when=asyncio.FIRST_COMPLETED)
    print("wait:        ", [task.result() for task in done], f"+ {len(pending)} still running")
    for task in pending:
        task.cancel()
    await asyncio.wait(pending)  # let the cancelled ones finish before moving on
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(job(name, seconds), name=f"TaskGroup/{name}") for name, seconds in JOBS]
    print("TaskGroup:   ", [task.result() for task in tasks])


asyncio.run(main())
