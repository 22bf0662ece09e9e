"""On 3.11 and 3.12 create_task(name=...) still uses up a Task-N number; on 3.13 it does not."""

import asyncio


async def noop() -> None:
    await asyncio.sleep(0)


async def main() -> None:
    loop = asyncio.get_running_loop()
    before = asyncio.create_task(noop())
    named = asyncio.create_task(noop(), name="fetch")
    after = asyncio.create_task(noop())
    print("asyncio.create_task:", before.get_name(), named.get_name(), after.get_name())

    via_loop = loop.create_task(noop(), name="via-loop")
    last = asyncio.create_task(noop())
    print("loop.create_task:   ", via_loop.get_name(), last.get_name())
    await asyncio.gather(before, named, after, via_loop, last)


asyncio.run(main())
