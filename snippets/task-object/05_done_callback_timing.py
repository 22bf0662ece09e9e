"""A done-callback runs after steps already queued, outside any task, even when added to a done task."""

import asyncio


async def work(name: str) -> str:
    print(f"{name}: returns")
    return f"{name} result"


def on_done(task: asyncio.Task[str]) -> None:
    running = asyncio.current_task()  # callbacks run outside any task
    print(f"callback: got {task.get_name()}, result {task.result()!r}, current task {running}")


async def main() -> None:
    first = asyncio.create_task(work("first"), name="first")
    second = asyncio.create_task(work("second"), name="second")
    first.add_done_callback(on_done)
    await asyncio.sleep(0)
    print("main: resumed")
    await asyncio.sleep(0)

    first.add_done_callback(on_done)  # first is already done: the call is only scheduled
    print("main: callback added to a finished task")
    await asyncio.sleep(0)
    print("main: resumed")
    await second


asyncio.run(main())
