"""If a child fails as the TaskGroup waits at exit, cancelling() stays 1 on 3.11 and 3.12, 0 on 3.13."""

import asyncio


async def failing() -> None:
    await asyncio.sleep(1)
    raise ValueError("bad input")


async def main() -> None:
    me = asyncio.current_task()
    assert me is not None
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing())
            await asyncio.sleep(5)  # the child fails while the body is still awaiting
    except* ValueError:
        print("failure during the body:      cancelling() =", me.cancelling())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing())
        # the body is done at once: the child fails while the group waits at the exit
    except* ValueError:
        print("failure while waiting at exit: cancelling() =", me.cancelling())


asyncio.run(main())
