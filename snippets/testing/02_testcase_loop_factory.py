# Requires Python 3.13 or newer.
"""IsolatedAsyncioTestCase.loop_factory (3.13+) set to looptime's: 25 minutes of polling in no real time."""

import asyncio
import time
import unittest
from collections.abc import Callable

import looptime


class Unavailable(Exception):
    pass


async def poll_until_ready(check: Callable[[], bool], every: float, give_up_after: float) -> int:
    """Call check() every `every` seconds until it returns True; return the number of calls."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + give_up_after
    calls = 0
    while True:
        calls += 1
        if check():
            return calls
        if loop.time() + every > deadline:
            raise Unavailable(f"not ready after {calls} calls")
        await asyncio.sleep(every)


class TestPolling(unittest.IsolatedAsyncioTestCase):
    loop_factory = staticmethod(looptime.new_event_loop)

    async def test_ready_after_ten_minutes(self) -> None:
        loop = asyncio.get_running_loop()
        results = iter([False] * 10 + [True])
        start = loop.time()
        calls = await poll_until_ready(lambda: next(results), every=60, give_up_after=900)
        self.assertEqual(calls, 11)
        self.assertEqual(loop.time() - start, 600.0)
        on_looptime = isinstance(loop, looptime.LoopTimeEventLoop)
        print(f"looptime's loop: {on_looptime}; 11 calls, {loop.time() - start} s of loop time")

    async def test_gives_up_after_fifteen_minutes(self) -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        with self.assertRaisesRegex(Unavailable, "after 16 calls"):
            await poll_until_ready(lambda: False, every=60, give_up_after=900)
        self.assertEqual(loop.time() - start, 900.0)


if __name__ == "__main__":
    started = time.perf_counter()
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(TestPolling).run(result)
    print(f"ran {result.testsRun} tests, {len(result.failures) + len(result.errors)} failed")
    print(f"25 minutes of waiting took under a second of real time: {time.perf_counter() - started < 1}")
