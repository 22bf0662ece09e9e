"""asyncio.run() uses a new loop, cancels leftover tasks, closes async generators, then the loop."""

import asyncio
from collections.abc import AsyncIterator

loops: list[asyncio.AbstractEventLoop] = []
generators: list[AsyncIterator[int]] = []


async def numbers() -> AsyncIterator[int]:
    try:
        for n in range(10):
            yield n
    finally:
        print("  async generator closed by asyncio.run")


async def forgotten() -> None:
    try:
        await asyncio.sleep(60)
    except asyncio.CancelledError:
        print("  leftover task cancelled by asyncio.run")
        raise


async def main() -> str:
    loops.append(asyncio.get_running_loop())
    leftover = asyncio.create_task(forgotten())
    generators.append(numbers())  # kept alive, left unfinished
    print("  first number:", await anext(generators[-1]))
    print("  main returns; leftover task done?", leftover.done())
    return "main's result"


print("asyncio.run returned:", asyncio.run(main()))
print("asyncio.run returned:", asyncio.run(main()))
print("each run had its own loop:", loops[0] is not loops[1])
print("both loops are closed:", loops[0].is_closed() and loops[1].is_closed())
