# Runs on the real clock: it starts threads, which the virtual clock cannot see.
"""to_thread and run_coroutine_threadsafe hand the code's own exception back, unchanged."""

import asyncio


def parse(text: str) -> int:
    return int(text)  # raises ValueError for "abc"


async def lookup(key: str) -> str:
    await asyncio.sleep(0)
    raise KeyError(key)


def thread_body(loop: asyncio.AbstractEventLoop) -> None:
    future = asyncio.run_coroutine_threadsafe(lookup("abc"), loop)
    try:
        future.result(timeout=5.0)
    except KeyError as exc:
        print(f"thread: run_coroutine_threadsafe(...).result() raised {exc!r}")


async def main() -> None:
    print("main: to_thread(parse, '42') returned", await asyncio.to_thread(parse, "42"))
    try:
        await asyncio.to_thread(parse, "abc")
    except ValueError as exc:
        print(f"main: to_thread(parse, 'abc') raised {exc!r}")
    await asyncio.to_thread(thread_body, asyncio.get_running_loop())


asyncio.run(main())
