"""create_task rejects a future or an __await__ object with TypeError; a wrapping coroutine runs them."""

import asyncio
from collections.abc import Awaitable, Generator
from typing import Any, TypeVar

T = TypeVar("T")


class Ready:
    def __await__(self) -> Generator[Any, None, str]:
        yield from asyncio.sleep(1).__await__()
        return "Ready()'s value"

    def __repr__(self) -> str:
        return "Ready()"


async def wait_for_it(awaitable: Awaitable[T]) -> T:
    return await awaitable  # a coroutine that awaits anything awaitable


async def main() -> None:
    loop = asyncio.get_running_loop()
    future: asyncio.Future[str] = loop.create_future()
    for awaitable in (future, Ready()):
        try:
            print("created", asyncio.create_task(awaitable).get_name())  # type: ignore[arg-type]
        except TypeError as exc:
            print(f"{type(exc).__name__}: {exc}")

    loop.call_later(1, future.set_result, "the future's value")
    tasks = [asyncio.create_task(wait_for_it(future)), asyncio.create_task(wait_for_it(Ready()))]
    print(await asyncio.gather(*tasks))


asyncio.run(main())
