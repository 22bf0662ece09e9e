"""cancel_and_wait(): cancel a task and wait out its cleanup, without hiding the caller's own cancellation."""

import asyncio
from typing import Any

START = 0.0


async def cancel_and_wait(task: asyncio.Task[Any], msg: str | None = None) -> bool:
    """Cancel ``task`` and wait until it has finished, cleanup included.

    Return True if it ended cancelled, False if it finished anyway (it was already done, or it
    caught the cancellation and returned); raise its exception if it failed. If the caller is
    cancelled while waiting, that CancelledError propagates at once and ``task`` is not
    cancelled a second time: its cleanup goes on.
    """
    task.cancel(msg)
    await asyncio.wait([task])  # raises only the caller's own cancellation, never the task's
    if task.cancelled():
        return True
    task.result()  # the task's own exception, if it failed
    return False


def now() -> str:
    return f"{asyncio.get_running_loop().time() - START:.1f} s"


async def worker(name: str, cleanup_fails: bool = False) -> str:
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError as exc:
        print(f"{now()}  {name}: cleaning up, reason {exc.args}")
        await asyncio.sleep(1.0)  # flush a buffer, close a connection...
        if cleanup_fails:
            raise OSError("flush failed") from None
        print(f"{now()}  {name}: cleanup done")
        raise
    return "never"


async def quick() -> str:
    return "finished before the cancel"


async def shutdown(task: asyncio.Task[str]) -> None:
    await cancel_and_wait(task, "shutdown")
    print("shutdown: never printed")


async def main() -> None:
    global START
    loop = asyncio.get_running_loop()
    START = loop.time()

    task = asyncio.create_task(worker("A"))
    await asyncio.sleep(0.5)
    cancelled = await cancel_and_wait(task, "shutdown")
    print(f"{now()}  A -> {cancelled}")

    done = asyncio.create_task(quick())
    await asyncio.sleep(0)
    cancelled = await cancel_and_wait(done)
    print(f"{now()}  quick -> {cancelled}, result {done.result()!r}")

    failing = asyncio.create_task(worker("C", cleanup_fails=True))
    await asyncio.sleep(0.5)
    try:
        await cancel_and_wait(failing)
    except OSError as exc:
        print(f"{now()}  C -> raised {exc!r}")

    me = asyncio.current_task()
    assert me is not None
    print(f"{now()}  main can carry on: its cancelling() = {me.cancelling()}")

    task = asyncio.create_task(worker("D"))
    stopper = asyncio.create_task(shutdown(task))
    await asyncio.sleep(0.5)  # D is now in its cleanup
    stopper.cancel()
    await asyncio.wait([stopper])
    print(f"{now()}  shutdown() cancelled: {stopper.cancelled()}")
    await asyncio.wait([task])
    print(f"{now()}  D cancelled: {task.cancelled()}")


asyncio.run(main())
