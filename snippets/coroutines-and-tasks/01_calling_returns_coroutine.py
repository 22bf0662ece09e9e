import asyncio


async def greet(name: str) -> str:
    print(f"greet({name!r}) starts")
    return f"Hello, {name}!"


async def main() -> None:
    coro = greet("world")  # nothing runs yet: this only builds a coroutine object
    print(type(coro).__name__, asyncio.iscoroutine(coro))
    result = await coro  # now the body runs, inside main's task
    print(result)


asyncio.run(main())
