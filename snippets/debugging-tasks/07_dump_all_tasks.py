"""Dump every pending task, sorted by name: its chain of coroutines and where it waits."""

import asyncio
import sys
from typing import Any


def await_chain(task: asyncio.Task[Any]) -> str:
    """The coroutines the task is suspended in, outermost first (get_stack() shows only one)."""
    names = []
    awaited: Any = task.get_coro()
    while hasattr(awaited, "cr_await"):  # a coroutine: follow what it is awaiting
        names.append(f"{awaited.__qualname__}()")
        awaited = awaited.cr_await
    return " -> ".join(names)


def dump_tasks() -> None:
    for task in sorted(asyncio.all_tasks(), key=lambda t: t.get_name()):
        if task is not asyncio.current_task():  # skip the task doing the dump
            print(f"== {task.get_name()}: {await_chain(task)}")
            task.print_stack(file=sys.stdout)


async def fetch(url: str) -> None:
    await asyncio.sleep(30)  # stands in for a slow server


async def crawl(urls: asyncio.Queue[str]) -> None:
    await fetch(await urls.get())


async def report(crawler: asyncio.Task[None]) -> None:
    await crawler


async def main() -> None:
    urls: asyncio.Queue[str] = asyncio.Queue()
    urls.put_nowait("https://example.org/")
    crawlers = [asyncio.create_task(crawl(urls), name=f"crawler-{n}") for n in (1, 2)]
    reporter = asyncio.create_task(report(crawlers[0]), name="reporter")
    await asyncio.sleep(1)
    dump_tasks()
    for task in [*crawlers, reporter]:
        task.cancel()


asyncio.run(main())
