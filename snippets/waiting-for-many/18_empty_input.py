"""Empty input: gather() returns [], as_completed() yields nothing, and wait() raises ValueError."""

import asyncio


async def main() -> None:
    tasks: list[asyncio.Task[int]] = []

    print(f"gather()           -> {await asyncio.gather(*tasks)}")
    print(f"as_completed([])   -> {[await item for item in asyncio.as_completed(tasks)]}")
    try:
        await asyncio.wait(tasks)
    except ValueError as exc:
        print(f"wait([])           -> ValueError: {exc}")
    try:
        await asyncio.wait(task for task in tasks)
    except (AssertionError, TypeError) as exc:
        print(f"wait(empty genexp) -> {type(exc).__name__}: {exc}")


asyncio.run(main())
