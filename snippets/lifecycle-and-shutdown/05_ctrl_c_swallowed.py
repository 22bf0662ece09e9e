"""If main swallows the CancelledError caused by Ctrl-C, asyncio.run returns normally."""

import asyncio
import signal


async def main() -> str:
    loop = asyncio.get_running_loop()
    loop.call_later(1.0, signal.raise_signal, signal.SIGINT)  # as if the user pressed Ctrl-C
    try:
        await asyncio.sleep(60)
    except asyncio.CancelledError:
        print("main: cancelled, and returns instead of re-raising")
    return "main's return value"


try:
    print("asyncio.run returned:", asyncio.run(main()))
except KeyboardInterrupt:
    print("asyncio.run raised KeyboardInterrupt")  # not reached
