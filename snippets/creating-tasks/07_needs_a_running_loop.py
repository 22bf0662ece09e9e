"""create_task raises RuntimeError when no event loop is running; inside asyncio.run() it works."""

import asyncio


async def work() -> str:
    return "work done"


async def main() -> None:
    task = asyncio.create_task(work())  # fine: main runs inside the loop
    print("inside asyncio.run:", await task)


try:
    print("created", asyncio.create_task(work()).get_name())  # no loop is running yet
except RuntimeError as exc:
    print(f"{type(exc).__name__}: {exc}")

asyncio.run(main())
