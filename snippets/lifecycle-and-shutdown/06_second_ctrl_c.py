"""A second Ctrl-C during cleanup does not wait: asyncio.run raises KeyboardInterrupt at once."""

import asyncio
import signal


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(1.0, signal.raise_signal, signal.SIGINT)  # first Ctrl-C
    loop.call_later(1.2, signal.raise_signal, signal.SIGINT)  # an impatient second Ctrl-C
    try:
        await asyncio.sleep(60)
    except asyncio.CancelledError:
        print(f"main: cancelled at {loop.time() - start:.1f} s, starts a 1 s cleanup")
        try:
            await asyncio.sleep(1.0)
            print("main: cleanup finished")  # never printed
        finally:
            print(f"main: cleanup cut short at {loop.time() - start:.1f} s")
        raise


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("asyncio.run raised KeyboardInterrupt")
