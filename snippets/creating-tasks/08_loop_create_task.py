"""asyncio.create_task matches loop.create_task and works even in a plain callback the loop runs."""

import asyncio


async def work(label: str) -> str:
    await asyncio.sleep(1)
    return f"{label}: done"


def on_event(started: list[asyncio.Task[str]]) -> None:
    # A plain function, not a coroutine, but the loop is running it right now,
    # so asyncio.create_task can find that loop.
    started.append(asyncio.create_task(work("from a plain callback")))


async def main() -> None:
    loop = asyncio.get_running_loop()
    first = asyncio.create_task(work("asyncio.create_task"))
    second = loop.create_task(work("loop.create_task"))
    print("same kind of object:", type(first) is type(second))
    print("same loop:", first.get_loop() is loop and second.get_loop() is loop)

    started: list[asyncio.Task[str]] = []
    loop.call_soon(on_event, started)
    await asyncio.sleep(0)  # let the loop run the callback
    for task in (first, second, *started):
        print(await task)


asyncio.run(main())
