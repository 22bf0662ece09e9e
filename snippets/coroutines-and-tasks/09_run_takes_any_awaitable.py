"""asyncio.run() accepts only a coroutine up to 3.13; from 3.14 it runs any awaitable and rejects the rest."""

import asyncio
from collections.abc import Generator
from typing import Any


async def compute() -> str:
    await asyncio.sleep(0)
    return "from a coroutine"


class Ready:
    """An awaitable that is not a coroutine: an object with __await__."""

    def __await__(self) -> Generator[Any, None, str]:
        yield from asyncio.sleep(0).__await__()
        return "from an awaitable"


def run(label: str, main: Any) -> None:
    try:
        print(f"{label:13} returned {asyncio.run(main)!r}")
    except (TypeError, ValueError) as exc:
        message = str(exc).split(", got")[0]  # 3.11 to 3.13 add the object's repr, with its address
        print(f"{label:13} {type(exc).__name__}: {message}")


run("a coroutine", compute())
run("an awaitable", Ready())
run("an int", 42)
