# Requires Python 3.12 or newer.
"""Code that relies on create_task running nothing yet breaks when the task starts eagerly."""

import asyncio
import sys

assert sys.version_info >= (3, 12), "eager tasks need Python 3.12 or newer"

running: dict[str, asyncio.Task[None]] = {}


async def sync_job(job_id: str) -> None:
    try:
        print(f"  {job_id}: nothing to sync")  # finishes without awaiting
    finally:
        running.pop(job_id, None)  # the job removes itself from the registry


async def main() -> None:
    loop = asyncio.get_running_loop()
    for factory in (None, asyncio.eager_task_factory):
        loop.set_task_factory(factory)
        print("eager task factory" if factory else "default task factory")
        running["job-a"] = asyncio.create_task(sync_job("job-a"))  # registered after it ran?

        task = asyncio.create_task(sync_job("job-b"))
        running["job-b"] = task
        task.add_done_callback(lambda t: running.pop("job-b", None))  # runs after it ends, always

        await asyncio.sleep(0.1)
        print("  still registered after both jobs ended:", sorted(running))
        running.clear()


asyncio.run(main())
