# Requires Python 3.14 or newer.
"""asyncio.format_call_graph() shows a task's coroutine stack and, below it, the tasks awaiting it."""

import asyncio
import re
import sys

assert sys.version_info >= (3, 14)


def call_graph(task: asyncio.Task[None]) -> str:
    text = asyncio.format_call_graph(task)  # print_call_graph(task) prints this text
    text = re.sub(r"id=0x[0-9a-f]+", "id=...", text)  # the id is a memory address
    # Paths differ from machine to machine, and asyncio's line numbers from release to release.
    text = re.sub(r"File '[^']*[/\\](asyncio[/\\]\w+\.py)', line \d+, in", r"\1:", text)
    return re.sub(r"File '[^']*[/\\]([^'/\\]+)', line (\d+), in", r"\1, line \2:", text)


async def fetch(url: str) -> None:
    await asyncio.sleep(30)


async def watch(task: asyncio.Task[None]) -> None:
    await asyncio.sleep(2)
    print("-- at 2 s, from another task:")
    print(call_graph(task))
    task.cancel()


async def main() -> None:
    async with asyncio.TaskGroup() as tg:
        task = tg.create_task(fetch("https://example.org/"), name="fetch")
        tg.create_task(watch(task), name="watch")
        await asyncio.sleep(1)
        print("-- at 1 s, from main:")
        print(call_graph(task))


asyncio.run(main())
