"""Awaiting a cancelled task raises CancelledError, yet the awaiter's cancelling() is 0: it can go on."""

import asyncio


async def child() -> None:
    await asyncio.sleep(10)


async def main() -> None:
    me = asyncio.current_task()
    assert me is not None
    task = asyncio.create_task(child())
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: `await task` raised CancelledError")
    print("main: but main itself is not being cancelled: cancelling() =", me.cancelling())
    await asyncio.sleep(1)
    print("main: so it can catch the error and keep awaiting")


asyncio.run(main())
