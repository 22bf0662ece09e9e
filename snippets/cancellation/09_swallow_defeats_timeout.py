"""Swallowing CancelledError defeats asyncio.timeout(1): a late result after 3.0 s, no TimeoutError."""

import asyncio


async def stubborn() -> str:
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: CancelledError swallowed")  # no raise: the request is lost
    await asyncio.sleep(2)  # keeps working past the deadline
    return "late result"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(1):
            result = await stubborn()
        print(f"no TimeoutError: got {result!r} after {loop.time() - start:.1f} s")
    except TimeoutError:
        print("TimeoutError")  # never printed


asyncio.run(main())
