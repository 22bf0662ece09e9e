"""On timeout, wait_for cancels the job and waits for its cleanup, so TimeoutError arrives at 2.5 s."""

import asyncio


async def slow_job(start: float) -> str:
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10.0)
        return "finished"
    finally:
        print(f"job: cleanup starts at {loop.time() - start:.1f} s")
        await asyncio.sleep(0.5)  # e.g. closing a connection politely
        print(f"job: cleanup ends at {loop.time() - start:.1f} s")


async def main() -> None:
    print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.wait_for(slow_job(start), timeout=2.0)
    except TimeoutError as exc:
        print(f"main: {type(exc).__name__} reaches main at {loop.time() - start:.1f} s")
        print(f"main: it was raised from {type(exc.__cause__).__name__}")


asyncio.run(main())
