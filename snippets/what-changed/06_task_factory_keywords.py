# Requires Python 3.12 or newer.
"""The keywords a task constructor in create_eager_task_factory receives: all four, or from 3.14 fewer."""

import asyncio
import sys
from collections.abc import Coroutine
from typing import Any

assert sys.version_info >= (3, 12), "create_eager_task_factory needs Python 3.12 or newer"


def constructor(coro: Coroutine[Any, Any, Any], **kwargs: Any) -> asyncio.Task[Any]:
    print(f"  the constructor got: {', '.join(sorted(kwargs))}")
    return asyncio.Task(coro, **kwargs)


async def nothing() -> None:
    pass


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.create_eager_task_factory(constructor))
    print("create_task(coro)")
    await asyncio.create_task(nothing())
    print("create_task(coro, name='named')")
    await asyncio.create_task(nothing(), name="named")
    loop.set_task_factory(None)  # asyncio.run's own clean-up tasks would be printed too


asyncio.run(main())
