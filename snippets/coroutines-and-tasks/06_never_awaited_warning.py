"""Calling save() without await skips its work; the only sign is a never-awaited RuntimeWarning."""

import asyncio


async def save(item: str) -> None:
    print(f"saving {item}")


async def main() -> None:
    save("report")  # type: ignore[unused-coroutine]  # the missing await
    print("main goes on; the report was never saved")
    await save("invoice")


asyncio.run(main())
