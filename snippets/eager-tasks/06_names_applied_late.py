# Requires Python 3.12 or newer.
"""On 3.12 and 3.13, an eager task gets its name= only after its first step."""

import asyncio
import sys
from typing import Any

assert sys.version_info >= (3, 12), "eager tasks need Python 3.12 or newer"


def me() -> asyncio.Task[Any]:
    task = asyncio.current_task()
    assert task is not None
    return task


async def fetch_user() -> None:
    print("  during the eager first step:", me().get_name())
    await asyncio.sleep(0.1)
    print("  after its first suspension: ", me().get_name())


async def rename_myself() -> None:
    me().set_name("renamed-inside")
    print("  during the eager first step:", me().get_name())
    await asyncio.sleep(0.1)
    print("  after its first suspension: ", me().get_name())


async def main() -> None:
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    print("create_task(fetch_user(), name='fetch-user')")
    await asyncio.create_task(fetch_user(), name="fetch-user")
    print("create_task(rename_myself(), name='given-name')")
    await asyncio.create_task(rename_myself(), name="given-name")
    print("create_task(fetch_user()) with no name")
    await asyncio.create_task(fetch_user())


asyncio.run(main())
