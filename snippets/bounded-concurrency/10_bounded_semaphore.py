"""One release() too many silently raises a Semaphore's limit; a BoundedSemaphore raises ValueError."""

import asyncio


async def main() -> None:
    plain = asyncio.Semaphore(2)
    plain.release()  # a bug: released without a matching acquire()
    entered = 0
    while not plain.locked():  # how many can now get in without waiting?
        await plain.acquire()
        entered += 1
    print(f"Semaphore(2) after one extra release(): {entered} holders at once")

    bounded = asyncio.BoundedSemaphore(2)
    try:
        bounded.release()
    except ValueError as exc:
        print(f"BoundedSemaphore(2), extra release(): ValueError: {exc}")


asyncio.run(main())
