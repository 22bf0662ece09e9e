"""asyncio.Runner runs several coroutines on one loop, in one context, and cleans up once."""

import asyncio
import contextvars

user = contextvars.ContextVar("user", default="nobody")
ticks = 0
background: set[asyncio.Task[None]] = set()


async def ticker() -> None:
    global ticks
    try:
        while True:
            await asyncio.sleep(1)
            ticks += 1
    finally:
        print("  ticker: cancelled when the runner closes")


async def log_in(name: str) -> asyncio.AbstractEventLoop:
    user.set(name)
    background.add(asyncio.create_task(ticker()))  # lives on after this run
    return asyncio.get_running_loop()


async def work(seconds: float) -> asyncio.AbstractEventLoop:
    await asyncio.sleep(seconds)
    print(f"  work: user is {user.get()!r}, ticker ticked {ticks} times")
    return asyncio.get_running_loop()


with asyncio.Runner() as runner:
    first = runner.run(log_in("ada"))
    print("first run returned")
    second = runner.run(work(2.5))
    print("second run returned; same loop:", first is second is runner.get_loop())
    third = runner.run(work(1.2))
print("runner closed; loop closed:", third.is_closed())
