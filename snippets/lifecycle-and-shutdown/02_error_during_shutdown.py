"""An error raised by a task while asyncio.run cancels it is only logged; run() still returns normally."""

import asyncio

background: set[asyncio.Task[None]] = set()


async def flush_on_exit() -> None:
    try:
        await asyncio.sleep(3600)  # stands for endless background work
    finally:
        print("flush_on_exit: cancelled, flushing the buffer")
        raise OSError("disk full")  # the clean-up itself fails


async def main() -> None:
    background.add(asyncio.create_task(flush_on_exit(), name="flusher"))
    await asyncio.sleep(0)
    print("main returns")


asyncio.run(main())
print("asyncio.run returned normally")
