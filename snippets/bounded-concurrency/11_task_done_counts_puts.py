"""task_done() is checked against put(), not get(): extra calls pass silently and join() returns early."""

import asyncio


async def main() -> None:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for job in ["a", "b", "c"]:
        await queue.put(job)
    for _ in range(3):
        queue.task_done()  # no get() at all, yet all three calls are accepted
    await queue.join()
    print(f"join() returned with {queue.qsize()} items still in the queue")
    try:
        queue.task_done()  # a fourth call: more than the three put()s
    except ValueError as exc:
        print(f"fourth task_done(): ValueError: {exc}")


asyncio.run(main())
