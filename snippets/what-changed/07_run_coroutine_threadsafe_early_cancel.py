"""A run_coroutine_threadsafe future cancelled before its task ran: the body started anyway before 3.13.12."""

import asyncio


async def send_report() -> None:
    print("  send_report: started")
    try:
        await asyncio.sleep(1.0)
        print("  send_report: sent")
    except asyncio.CancelledError:
        print("  send_report: cancelled at its first await")
        raise


async def main() -> None:
    loop = asyncio.get_running_loop()
    # Called from the loop's own thread only to keep the demonstration exact: the loop cannot
    # run the new task before cancel(), as it could if another thread made these two calls.
    future = asyncio.run_coroutine_threadsafe(send_report(), loop)
    print("future.cancel():", future.cancel())
    await asyncio.sleep(2.0)  # let the loop run whatever was scheduled
    print("main: done")


asyncio.run(main())
