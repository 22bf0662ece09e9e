# Runs on the real clock: it shows when a thread's cancel() reaches the loop, in real time.
"""Cancel a task from another thread with loop.call_soon_threadsafe(task.cancel), not task.cancel()."""

import asyncio
import threading
import time


async def wait_forever(stamp: list[float]) -> None:
    try:
        await asyncio.Event().wait()  # no timer: only the task's cancellation ends this
    except asyncio.CancelledError:
        stamp.append(time.monotonic())
        raise


def canceller(loop: asyncio.AbstractEventLoop, task: asyncio.Task[None], safe: bool) -> None:
    time.sleep(0.2)
    if safe:
        loop.call_soon_threadsafe(task.cancel)  # the loop's thread calls cancel(), and wakes up
    else:
        task.cancel()  # WRONG: touches the task and the loop from another thread


async def run(safe: bool) -> None:
    loop = asyncio.get_running_loop()
    stamp: list[float] = []
    task = asyncio.create_task(wait_forever(stamp))
    await asyncio.sleep(0)  # let the task start waiting
    thread = threading.Thread(target=canceller, args=(loop, task, safe))
    start = time.monotonic()
    thread.start()
    await asyncio.wait([task], timeout=1.0)  # the loop's only timer
    how = "call_soon_threadsafe(task.cancel)" if safe else "task.cancel() from the thread"
    if stamp:
        late = stamp[0] - start - 0.2
        when = "at once" if late < 0.3 else f"{late:.1f} s after the thread's call"  # 0.3: room for load
        print(f"{how:33}: the task saw CancelledError {when}")
    else:
        print(f"{how:33}: the task was not cancelled within 1.0 s")
    await asyncio.to_thread(thread.join)


async def main() -> None:
    await run(safe=False)
    await run(safe=True)


asyncio.run(main())
