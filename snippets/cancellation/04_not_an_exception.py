"""CancelledError is a BaseException, not an Exception: except Exception lets a cancellation through."""

import asyncio


async def careless() -> None:
    try:
        await asyncio.sleep(10)
    except Exception as exc:  # meant for network errors and the like
        print("careless: caught", type(exc).__name__)  # never printed
    print("careless: carries on")  # never printed


async def main() -> None:
    print("BaseException?", issubclass(asyncio.CancelledError, BaseException))
    print("Exception?    ", issubclass(asyncio.CancelledError, Exception))
    task = asyncio.create_task(careless())
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the task was cancelled; except Exception did not stop it")


asyncio.run(main())
