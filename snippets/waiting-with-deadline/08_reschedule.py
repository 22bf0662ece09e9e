"""Timeout.reschedule() moves the deadline on each chunk of data, so it fires after 1.5 s of silence."""

import asyncio


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(None) as deadline:
            print(f"when() = {deadline.when()}: no deadline yet")
            for pause in (1.0, 0.5, 1.2, 4.0):
                await asyncio.sleep(pause)  # stands for waiting for the next chunk of data
                print(f"{loop.time() - start:.1f} s: a chunk arrived")
                new_deadline = loop.time() + 1.5  # allow 1.5 s of silence from now on
                deadline.reschedule(new_deadline)
                print(f"  when() moved to {new_deadline - start:.1f} s: {deadline.when() == new_deadline}")
    except TimeoutError:
        print(f"{loop.time() - start:.1f} s: 1.5 s without data, gave up")


asyncio.run(main())
