"""A failed task nobody awaits is reported only when it is destroyed: task B only after main returns."""

import asyncio


async def send_report(name: str) -> None:
    await asyncio.sleep(1.0)
    raise ConnectionError(f"mail server refused {name}")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    background_tasks: set[asyncio.Task[None]] = set()
    task = asyncio.create_task(send_report("report A"), name="A")
    background_tasks.add(task)
    task.add_done_callback(background_tasks.discard)
    del task  # from now on only the set refers to task A
    history = [asyncio.create_task(send_report("report B"), name="B")]  # kept, never read
    await asyncio.sleep(2.0)
    print(f"{loop.time() - start:.1f} s: main returns; history holds {len(history)} task")


asyncio.run(main())
