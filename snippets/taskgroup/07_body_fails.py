"""A ValueError raised in the TaskGroup body comes out inside an ExceptionGroup, even with no tasks."""

import asyncio


async def upload() -> None:
    try:
        await asyncio.sleep(1)
        print("upload: done")
    except asyncio.CancelledError:
        print("upload: cancelled")
        raise


async def main() -> None:
    for with_task in (True, False):
        try:
            async with asyncio.TaskGroup() as tg:
                if with_task:
                    tg.create_task(upload())
                await asyncio.sleep(0.1)
                raise ValueError("bad config")  # the body itself fails
        except ValueError:
            print("a plain `except ValueError` caught it")
        except ExceptionGroup as eg:
            print(f"with_task={with_task}: {eg!r}")


asyncio.run(main())
