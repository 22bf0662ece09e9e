"""On failure, gather raises the bare error and leaves slow() running; a TaskGroup cancels it first."""

import asyncio


async def fail() -> None:
    await asyncio.sleep(0.1)
    raise ValueError("boom")


async def slow(label: str) -> None:
    try:
        await asyncio.sleep(0.5)
        print(f"{label}: slow() finished")
    except asyncio.CancelledError:
        print(f"{label}: slow() cancelled")
        raise


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.gather(fail(), slow("gather"))
    except ValueError as exc:
        print(f"gather raised {exc!r} at {loop.time() - start:.1f} s")
    await asyncio.sleep(1)  # slow() goes on alone meanwhile

    start = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            tg.create_task(slow("TaskGroup"))
    except* ValueError as eg:
        print(f"TaskGroup raised {eg!r} at {loop.time() - start:.1f} s")


asyncio.run(main())
