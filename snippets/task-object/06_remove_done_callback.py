"""Task.remove_done_callback() removes both registrations on a pending task; once done, it returns 0."""

import asyncio


async def work(seconds: float) -> str:
    await asyncio.sleep(seconds)
    return "result"


def on_done(task: asyncio.Task[str]) -> None:
    print(f"callback for {task.get_name()}")


async def main() -> None:
    slow = asyncio.create_task(work(1.0), name="slow")
    slow.add_done_callback(on_done)
    slow.add_done_callback(on_done)
    print("slow pending, removed:", slow.remove_done_callback(on_done))
    await slow
    await asyncio.sleep(0)
    print("slow finished with no callback")

    quick = asyncio.create_task(work(0), name="quick")
    await quick
    quick.add_done_callback(on_done)  # done task: the call is queued at once
    print("quick done, removed:", quick.remove_done_callback(on_done))
    await asyncio.sleep(0)
    print("too late: the queued call ran anyway")


asyncio.run(main())
