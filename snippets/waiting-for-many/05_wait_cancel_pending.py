"""Task.cancel() is only a request; a second asyncio.wait() waits until the cancelled tasks finish."""

import asyncio


async def mirror(name: str, delay: float) -> str:
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name}: cancelled, closing its connection")
        raise
    return name


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = [
        asyncio.create_task(mirror("eu", 1.0), name="eu"),
        asyncio.create_task(mirror("us", 5.0), name="us"),
        asyncio.create_task(mirror("asia", 6.0), name="asia"),
    ]
    _, pending = await asyncio.wait(tasks, timeout=2.0)
    for task in sorted(pending, key=lambda t: t.get_name()):  # sorted: cancel in a known order
        task.cancel()  # only a request: the task has not stopped yet
        print(f"{task.get_name()}: cancel() requested, cancelled() is still {task.cancelled()}")
    if pending:  # wait() refuses an empty set
        await asyncio.wait(pending)  # now each cancelled task has really finished
    for task in tasks:
        print(f"{task.get_name()}: done={task.done()}, cancelled={task.cancelled()}")
    print(f"finished after {loop.time() - start:.1f} s")


asyncio.run(main())
