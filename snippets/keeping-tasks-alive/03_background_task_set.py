"""A set keeps background tasks alive and a done-callback removes each one: the count falls to 0."""

import asyncio


async def send_email(to: str, seconds: float) -> None:
    await asyncio.sleep(seconds)
    print(f"  sent to {to}")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    background_tasks: set[asyncio.Task[None]] = set()
    for to, seconds in [("ana", 0.35), ("bo", 0.1), ("cy", 0.2)]:
        task = asyncio.create_task(send_email(to, seconds))
        background_tasks.add(task)  # a strong reference: the task cannot be collected
        task.add_done_callback(background_tasks.discard)  # ...and is dropped once done
    while background_tasks:
        print(f"{loop.time() - start:.2f} s: {len(background_tasks)} tasks in the set")
        await asyncio.sleep(0.15)
    print(f"{loop.time() - start:.2f} s: {len(background_tasks)} tasks in the set")


asyncio.run(main())
