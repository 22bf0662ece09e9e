"""Task-N names come from one process-wide counter; gather and a second asyncio.run() use it too."""

import asyncio


async def noop() -> None:
    await asyncio.sleep(0)


async def main() -> None:
    me = asyncio.current_task()
    assert me is not None
    print("main runs as", me.get_name())
    first = asyncio.create_task(noop())
    print("first task main creates:", first.get_name())
    await asyncio.gather(noop(), noop())  # gather wraps each coroutine in a task
    later = asyncio.create_task(noop())
    print("task created after gather:", later.get_name())
    await asyncio.gather(first, later)


asyncio.run(main())
print("--- a second asyncio.run: a new event loop, the same counter ---")
asyncio.run(main())
