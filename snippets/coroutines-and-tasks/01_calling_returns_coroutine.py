"""Calling a coroutine function runs none of its body until await; a second await raises RuntimeError."""

import asyncio
import inspect


async def greet(name: str) -> str:
    print(f"  greet({name!r}): the body starts")
    await asyncio.sleep(1)
    return f"Hello, {name}!"


async def main() -> None:
    print("greet is a coroutine function:", inspect.iscoroutinefunction(greet))
    coro = greet("world")  # builds a coroutine object; no line of greet runs yet
    print("calling greet returned a", type(coro).__name__, "object")
    print("is it a coroutine?", asyncio.iscoroutine(coro))
    result = await coro  # now the body runs, inside main's task
    print(result)
    try:
        await coro  # a coroutine object can be awaited only once
    except RuntimeError as exc:
        print(f"{type(exc).__name__}: {exc}")


asyncio.run(main())
