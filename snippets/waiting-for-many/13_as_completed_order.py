"""as_completed() yields new coroutines that give results, or raise errors, in finishing order."""

import asyncio


async def fetch(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    if name == "shop":
        raise ConnectionError(f"{name} is down")
    return f"{name} page"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = [
        asyncio.create_task(fetch("docs", 3.0)),
        asyncio.create_task(fetch("blog", 1.0)),
        asyncio.create_task(fetch("shop", 2.0)),
    ]
    for item in asyncio.as_completed(tasks):
        kind = type(item).__name__
        is_original = any(item is task for task in tasks)
        try:
            outcome = repr(await item)  # the result of whichever task finishes next
        except ConnectionError as exc:
            outcome = f"{type(exc).__name__}: {exc}"  # one failure; the loop goes on
        print(f"{loop.time() - start:.1f} s: {outcome} (a {kind}, one of my tasks: {is_original})")


asyncio.run(main())
