"""Debug mode records where every task was created; an exception handler can print that stack."""

import asyncio
import traceback
from typing import Any


def report(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    task = context["future"]
    print(f"{context['message']}: {task.get_name()!r} raised {context['exception']!r}")
    print("The task was created at (most recent call last):")
    print("".join(traceback.format_list(context["source_traceback"])), end="")


async def upload(name: str) -> None:
    await asyncio.sleep(0.5)
    raise OSError(f"disk full while writing {name}")


def start_upload(name: str) -> None:
    asyncio.create_task(upload(name), name=f"upload:{name}")  # noqa: RUF006


async def main() -> None:
    asyncio.get_running_loop().set_exception_handler(report)
    start_upload("report.pdf")
    await asyncio.sleep(1.0)
    print("main ends")


asyncio.run(main(), debug=True)
