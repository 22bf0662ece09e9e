"""Drain background tasks on shutdown: give them a deadline, then cancel the rest and wait."""

import asyncio

background: set[asyncio.Task[None]] = set()


async def job(seconds: float, fail: bool = False) -> None:
    await asyncio.sleep(seconds)
    if fail:
        raise ConnectionError("upload refused")


def report(task: asyncio.Task[None]) -> None:
    background.discard(task)
    if task.cancelled():
        print(f"  {task.get_name()}: cancelled")
    elif task.exception() is not None:
        print(f"  {task.get_name()}: failed: {task.exception()!r}")
    else:
        print(f"  {task.get_name()}: finished")


def start(name: str, seconds: float, fail: bool = False) -> None:
    task = asyncio.create_task(job(seconds, fail), name=name)
    background.add(task)
    task.add_done_callback(report)


async def drain(deadline: float) -> None:
    if not background:
        return
    _, pending = await asyncio.wait(set(background), timeout=deadline)
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending)  # give the cancelled tasks time to clean up


async def main() -> None:
    loop = asyncio.get_running_loop()
    begin = loop.time()
    start("send-email", 0.5)
    start("upload", 1.5, fail=True)
    start("rebuild-index", 30)
    print("main: work done, draining background tasks with a 2 s deadline")
    await drain(2.0)
    print(f"main: drained after {loop.time() - begin:.1f} s; tasks left: {len(background)}")


asyncio.run(main())
