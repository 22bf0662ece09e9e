# Runs on the real clock: a blocking call holds the loop, so the result and the deadline fall due together.
"""When the result and the deadline arrive in the same loop turn, wait_for returns it on 3.11 only."""

import asyncio
import time


async def fetch(reply: asyncio.Future[str]) -> str:
    return await reply


async def main() -> None:
    loop = asyncio.get_running_loop()
    reply: asyncio.Future[str] = loop.create_future()
    loop.call_soon(time.sleep, 0.5)  # blocks the whole loop for its next 0.5 s
    loop.call_later(0.2, reply.set_result, "the reply")  # due at 0.2 s, runs after the block
    try:
        value = await asyncio.wait_for(fetch(reply), timeout=0.3)  # deadline at 0.3 s
        print(f"wait_for returned {value!r}")
    except TimeoutError:
        print(f"TimeoutError, although reply.done() = {reply.done()}")


asyncio.run(main())
