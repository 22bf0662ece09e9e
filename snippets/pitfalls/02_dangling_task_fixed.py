"""Fixed: keep each background task, report its failure, and wait for it before exit."""

import asyncio
from collections.abc import Coroutine
from typing import Any

background: set[asyncio.Task[None]] = set()


def on_done(task: asyncio.Task[None]) -> None:
    background.discard(task)
    if not task.cancelled() and (error := task.exception()) is not None:
        print(f"background task {task.get_name()!r} failed: {error!r}")  # or log.error(...)


def spawn(coro: Coroutine[Any, Any, None], name: str) -> None:
    task = asyncio.create_task(coro, name=name)
    background.add(task)  # a strong reference until the task is done
    task.add_done_callback(on_done)


async def send_email(user: str) -> None:
    await asyncio.sleep(2.0)  # talking to the mail server
    print(f"email sent to {user}")


async def update_stats(user: str) -> None:
    await asyncio.sleep(0.5)
    raise KeyError(user)


async def main() -> None:
    spawn(send_email("ada"), name="email")
    spawn(update_stats("ada"), name="stats")
    await asyncio.sleep(1.0)
    print("signup done; waiting for background tasks before exit")
    if background:
        await asyncio.wait(background, timeout=5.0)  # then asyncio.run cancels the rest
    print("main returns")


asyncio.run(main())
