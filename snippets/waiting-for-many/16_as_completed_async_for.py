"""On 3.13, async for over as_completed() yields your own tasks; on 3.11 and 3.12 it raises TypeError."""

import asyncio
import sys


async def fetch(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return f"{name} page"


async def main() -> None:
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    tasks = [
        asyncio.create_task(fetch("docs", 2.0), name="docs"),
        asyncio.create_task(fetch("blog", 1.0), name="blog"),
    ]
    try:
        async for task in asyncio.as_completed(tasks):  # type: ignore[attr-defined,unused-ignore]
            print(f"{task.get_name()}: original task: {task in tasks}, result: {task.result()!r}")
    except TypeError as exc:
        print(f"TypeError: {exc}")
        for item in asyncio.as_completed(tasks):  # the form that works on every version
            print(f"result: {await item!r}")


asyncio.run(main())
