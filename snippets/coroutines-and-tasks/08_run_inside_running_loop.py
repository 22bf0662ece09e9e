"""asyncio.run() inside a running loop raises RuntimeError and leaves its coroutine never awaited."""

import asyncio


async def helper() -> str:
    return "helper's result"


async def main() -> None:
    try:
        asyncio.run(helper())  # wrong: main already runs inside asyncio.run's loop
    except RuntimeError as exc:
        print(f"{type(exc).__name__}: {exc}")
    print("await it instead:", await helper())


asyncio.run(main())
