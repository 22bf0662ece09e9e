"""A SIGTERM handler sets an Event; workers finish the job in hand and stop; the program ends normally."""

import asyncio
import os
import signal


async def worker(name: str, job_seconds: float, stop: asyncio.Event) -> int:
    jobs = 0
    while not stop.is_set():
        await asyncio.sleep(job_seconds)  # one job, never interrupted halfway
        jobs += 1
    print(f"  {name}: saw the stop request after job {jobs}, stops")
    return jobs


async def main() -> None:
    loop = asyncio.get_running_loop()
    begin = loop.time()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)  # Unix only
    loop.call_later(1.0, os.kill, os.getpid(), signal.SIGTERM)  # as if `kill <pid>` was run
    async with asyncio.TaskGroup() as tg:
        fast = tg.create_task(worker("fast", 0.4, stop), name="fast")
        slow = tg.create_task(worker("slow", 0.7, stop), name="slow")
        await stop.wait()
        print(f"main: SIGTERM received at {loop.time() - begin:.1f} s, waiting for the workers")
    print(f"main: workers done at {loop.time() - begin:.1f} s: {fast.result()} + {slow.result()} jobs")


asyncio.run(main())
print("asyncio.run returned normally")
