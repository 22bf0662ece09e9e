"""to_thread runs the function in a copy of the caller's context; plain run_in_executor does not."""

import asyncio
import contextvars
import functools
from concurrent.futures import ThreadPoolExecutor

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="unset")


def blocking_lookup() -> str:
    seen = request_id.get()
    request_id.set("set by an earlier job")  # changes the context this call runs in
    return seen


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=1))  # one thread: every call reuses it
    request_id.set("req-42")
    for attempt in (1, 2):
        seen = await loop.run_in_executor(None, blocking_lookup)
        print(f"run_in_executor(None, f), call {attempt}:  {seen!r}")
    seen = await asyncio.to_thread(blocking_lookup)
    print(f"to_thread(f):                      {seen!r}")
    in_context = functools.partial(contextvars.copy_context().run, blocking_lookup)
    seen = await loop.run_in_executor(None, in_context)
    print(f"run_in_executor(None, ctx.run, f): {seen!r}")
    print(f"main, afterwards:                  {request_id.get()!r}")


asyncio.run(main())
