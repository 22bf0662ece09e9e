"""TaskGroup.create_task() raises RuntimeError before the block, during shutdown, and after exit."""

import asyncio


async def work() -> None:
    await asyncio.sleep(0.1)


async def fail() -> None:
    await asyncio.sleep(0.1)
    raise ValueError("boom")


async def main() -> None:
    try:
        asyncio.TaskGroup().create_task(work())
    except RuntimeError as exc:
        print(f"before the block: {exc}")

    failing = asyncio.TaskGroup()
    try:
        async with failing:
            failing.create_task(fail())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                try:
                    failing.create_task(work())
                except RuntimeError as exc:
                    print(f"while shutting down: {exc}")
                raise
    except* ValueError:
        pass

    async with asyncio.TaskGroup() as tg:
        tg.create_task(work())
    try:
        tg.create_task(work())
    except RuntimeError as exc:
        print(f"after the block: {exc}")


asyncio.run(main())
