"""gc.collect() destroys a pending task nothing refers to: its coroutine is closed, not cancelled."""

import asyncio
import gc


async def wait_for_signal(signal: asyncio.Event) -> None:
    try:
        await signal.wait()
    except BaseException as exc:
        print(f"  waiter stopped by {type(exc).__name__}")
        raise


async def main() -> None:
    kept = asyncio.create_task(wait_for_signal(asyncio.Event()), name="kept")
    asyncio.create_task(wait_for_signal(asyncio.Event()), name="dropped")  # noqa: RUF006
    await asyncio.sleep(0)  # both tasks start and block on an event no one else holds
    print("before gc:", sorted(task.get_name() for task in asyncio.all_tasks()))
    gc.collect()
    print("after gc: ", sorted(task.get_name() for task in asyncio.all_tasks()))
    print(f"kept is still pending: {not kept.done()}")
    print("main returns; asyncio.run cancels what is left")


asyncio.run(main())
