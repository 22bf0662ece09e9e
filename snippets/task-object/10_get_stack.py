"""Task.get_stack() gives one frame, the task's coroutine at its await, and an empty list once done."""

import asyncio
import sys


async def read_row() -> None:
    await asyncio.sleep(1.0)


async def import_rows() -> None:
    await read_row()


async def main() -> None:
    task = asyncio.create_task(import_rows(), name="importer")
    await asyncio.sleep(0.5)
    for frame in task.get_stack():
        print(f"get_stack(): {frame.f_code.co_name}() at line {frame.f_lineno}")
    task.print_stack(file=sys.stdout)
    await task
    print("finished task, get_stack():", task.get_stack())


asyncio.run(main())
