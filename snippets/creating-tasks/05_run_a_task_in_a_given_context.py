"""With context=ctx the task runs in ctx itself, so its set() lands in ctx, not in main's context."""

import asyncio
import contextvars

user: contextvars.ContextVar[str] = contextvars.ContextVar("user", default="anonymous")


async def login() -> None:
    print("  task sees user =", user.get())
    user.set("alice")
    print("  task set user =", user.get())


async def main() -> None:
    user.set("main's user")
    ctx = contextvars.copy_context()  # a snapshot of every variable main can see
    ctx.run(user.set, "bob")  # change the snapshot, not main's context
    await asyncio.create_task(login(), context=ctx)
    print("main sees user =", user.get())
    print("ctx now holds user =", ctx[user])  # the task's change landed in ctx

    print("an empty Context instead:")
    await asyncio.create_task(login(), context=contextvars.Context())


asyncio.run(main())
