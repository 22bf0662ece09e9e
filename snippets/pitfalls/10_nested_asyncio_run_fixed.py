# Runs on the real clock: it starts a thread, and waiting for a thread takes real time.
"""Fixed: await the coroutine; a sync helper that calls asyncio.run goes to a thread."""

import asyncio


async def fetch_config() -> dict[str, int]:
    await asyncio.sleep(0.1)
    return {"workers": 4}


def load_config() -> dict[str, int]:
    """The same sync wrapper, for sync callers only."""
    return asyncio.run(fetch_config())


async def main() -> None:
    config = await fetch_config()  # the fix: async code awaits
    print("awaited:", config)
    # Last resort: the helper's asyncio.run starts a second event loop, in a worker thread.
    config = await asyncio.to_thread(load_config)
    print("in a thread:", config)


asyncio.run(main())  # the one place that starts this thread's event loop
