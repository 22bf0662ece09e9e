"""A group that fails after its body ended leaves Task.cancelling() at 1 on 3.11 and 3.12, 0 on 3.13."""

import asyncio


async def fail() -> None:
    await asyncio.sleep(0.1)
    raise ValueError("boom")


async def main() -> None:
    task = asyncio.current_task()
    assert task is not None
    print("before the group: cancelling() =", task.cancelling())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())  # fails after the body has already ended
    except* ValueError:
        print("group failed, error handled")
    print("after the group:  cancelling() =", task.cancelling())
    await asyncio.sleep(0.1)
    print("sleep(0.1) completed: no cancellation was pending")


asyncio.run(main())
