"""tracemalloc adds where a never-awaited coroutine was created to the RuntimeWarning."""

import asyncio
import tracemalloc
from collections.abc import Coroutine
from typing import Any


async def send(message: str) -> None:
    print(f"sent {message}")


def prepare(messages: list[str]) -> list[Coroutine[Any, Any, None]]:
    batch = []
    for message in messages:
        batch.append(send(message))
    return batch


async def main() -> None:
    tracemalloc.start(10)  # from now on, record 10 frames of where each object is allocated
    batch = prepare(["hello", "goodbye"])
    await batch[0]  # only the first coroutine is ever awaited
    del batch  # the second one dies here, never run
    print("main ends")


asyncio.run(main())
