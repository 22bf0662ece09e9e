"""Trio's trio.testing.MockClock(autojump_threshold=0): the same ten minutes of retries in no real time."""

import time

import trio
import trio.testing


class Unavailable(Exception):
    pass


async def connect(fails_until: float) -> str:
    await trio.sleep(0.5)  # the attempt itself takes half a second
    if trio.current_time() < fails_until:
        raise Unavailable
    return "connected"


async def connect_with_retry(fails_until: float, delay: float = 5.0, cap: float = 120.0) -> str:
    while True:
        try:
            return await connect(fails_until)
        except Unavailable:
            print(f"{trio.current_time():7.1f} s  attempt failed, next in {delay:g} s")
            await trio.sleep(delay)
            delay = min(delay * 2, cap)


async def main() -> None:
    print(f"MockClock starts at {trio.current_time()} s")
    with trio.fail_after(900):
        result = await connect_with_retry(fails_until=600)
    print(f"{trio.current_time():7.1f} s  {result}")
    assert trio.current_time() == 640.0


started = time.perf_counter()
trio.run(main, clock=trio.testing.MockClock(autojump_threshold=0))
print(f"ten minutes of retrying took under a second of real time: {time.perf_counter() - started < 1}")
