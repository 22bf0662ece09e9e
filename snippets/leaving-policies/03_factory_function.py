"""A factory function sets each new loop up, where a custom policy's new_event_loop() used to."""

import asyncio
import sys
from typing import Any


def report(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    print(f"  report() got {context['exception']!r}")


def new_loop() -> asyncio.AbstractEventLoop:
    """Build, configure and return one loop; the runner calls it once and closes the loop."""
    loop = asyncio.new_event_loop()  # the platform's default loop class
    loop.set_exception_handler(report)
    loop.set_debug(True)
    return loop


def broken_callback() -> None:
    raise ValueError("bad callback")


async def main() -> None:
    loop = asyncio.get_running_loop()
    handler = loop.get_exception_handler()
    print("  a selector loop:", isinstance(loop, asyncio.SelectorEventLoop))
    print("  debug mode:", loop.get_debug())
    print("  exception handler:", handler.__name__ if handler else None)
    if handler:
        loop.call_soon(broken_callback)  # its error goes to the exception handler
        await asyncio.sleep(0)


print("Runner(loop_factory=new_loop):")
with asyncio.Runner(loop_factory=new_loop) as runner:
    runner.run(main())

print("asyncio.EventLoop exists:", hasattr(asyncio, "EventLoop"))
if sys.version_info >= (3, 13):
    print("asyncio.run(main(), loop_factory=asyncio.EventLoop):")
    asyncio.run(main(), loop_factory=asyncio.EventLoop)  # a plain loop, nothing set up
