"""Broken: fire-and-forget tasks that nobody awaits are cut off at exit or fail unseen."""

import asyncio


async def send_email(user: str) -> None:
    try:
        await asyncio.sleep(2.0)  # talking to the mail server
        print(f"email sent to {user}")
    except asyncio.CancelledError:
        print(f"email to {user} cancelled: asyncio.run is shutting down")
        raise


async def update_stats(user: str) -> None:
    await asyncio.sleep(0.5)
    raise KeyError(user)  # a bug nobody hears about


async def main() -> None:
    # The mistake: tasks started, no reference kept, never awaited (ruff: RUF006).
    asyncio.create_task(send_email("ada"), name="email")  # noqa: RUF006
    asyncio.create_task(update_stats("ada"), name="stats")  # noqa: RUF006
    await asyncio.sleep(1.0)
    print("main returns: signup done")


asyncio.run(main())
