"""A task created while asyncio.run() cancels the leftovers is neither cancelled nor awaited."""

import asyncio
import gc


async def flush(buffer: list[str]) -> None:
    await asyncio.sleep(1)  # stands in for writing the buffer somewhere
    print("flush: wrote", buffer)


async def worker() -> None:
    buffer = ["a", "b"]
    try:
        await asyncio.sleep(3600)
    finally:
        print("worker: cancelled, starting a flush task")
        asyncio.create_task(flush(buffer), name="flush")  # noqa: RUF006


async def main() -> None:
    asyncio.create_task(worker(), name="worker")  # noqa: RUF006
    await asyncio.sleep(0.1)
    print("main: returning")


asyncio.run(main())
print("asyncio.run() returned")
gc.collect()  # otherwise the report comes at some later collection, here at exit
print("after gc.collect()")
