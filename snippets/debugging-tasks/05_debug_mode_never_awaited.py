"""In debug mode, the never-awaited warning also shows where the coroutine was created."""

import asyncio


async def save(item: str) -> None:
    print(f"saving {item}")


def schedule_save(item: str) -> None:
    save(item)  # type: ignore[unused-coroutine]  # the missing await


async def main() -> None:
    schedule_save("report")
    print("main ends; the report was never saved")


asyncio.run(main(), debug=True)
