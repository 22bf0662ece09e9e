"""Ctrl-C under asyncio.run: main is cancelled and cleans up, then run() raises KeyboardInterrupt."""

import asyncio
import signal


async def background() -> None:
    try:
        await asyncio.sleep(60)
    finally:
        print("4. background task: cancelled by asyncio.run once main has ended")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    helper = asyncio.create_task(background(), name="background")
    loop.call_later(1.0, signal.raise_signal, signal.SIGINT)  # as if the user pressed Ctrl-C
    print("1. main: working")
    try:
        await asyncio.sleep(60)
    except asyncio.CancelledError:
        print(f"2. main: CancelledError at {loop.time() - start:.1f} s, where it was waiting")
        await asyncio.sleep(0.5)  # cleanup may still await
        print(f"3. main: cleanup done at {loop.time() - start:.1f} s; helper done? {helper.done()}")
        raise


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("5. asyncio.run raised KeyboardInterrupt")
