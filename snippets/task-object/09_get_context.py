"""A task made with context= runs in that Context, and on 3.12+ get_context() returns it."""

import asyncio
import contextvars
import sys

request_id = contextvars.ContextVar("request_id", default="none")


async def handle() -> None:
    print("task sees:", request_id.get())
    request_id.set("req-42, handled")


async def main() -> None:
    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "req-42")  # prepare a context without touching main's own
    task = asyncio.create_task(handle(), context=ctx)  # context= needs Python 3.11+
    await task
    print("main sees:", request_id.get())
    print("ctx now holds:", ctx[request_id])
    if sys.version_info >= (3, 12):
        print("get_context() is ctx:", task.get_context() is ctx)
    else:
        print("get_context() needs Python 3.12; keep your own reference to ctx")


asyncio.run(main())
