"""IsolatedAsyncioTestCase: the order of its set-up and clean-up hooks; a fresh debug-mode loop per test."""

import asyncio
import unittest

LOOPS: list[asyncio.AbstractEventLoop] = []


def loop_number() -> int:
    """Which event loop this is, counting from 1 in the order first seen."""
    loop = asyncio.get_running_loop()
    if loop not in LOOPS:
        LOOPS.append(loop)
    return LOOPS.index(loop) + 1


class Connection:
    def __init__(self, name: str) -> None:
        self.name = name

    async def close(self) -> None:
        await asyncio.sleep(0.1)
        print(f"  cleanup: {self.name} closed on loop {loop_number()}")


class TestService(unittest.IsolatedAsyncioTestCase):
    def setUp(self) -> None:
        print(f"{self._testMethodName}\n  setUp")

    async def asyncSetUp(self) -> None:
        loop = asyncio.get_running_loop()
        print(f"  asyncSetUp on loop {loop_number()}, debug mode {loop.get_debug()}")
        self.db = Connection("db")
        self.addAsyncCleanup(self.db.close)  # an async function, awaited on the test's loop
        self.cache = Connection("cache")
        self.addAsyncCleanup(self.cache.close)  # cleanups run last in, first out

    async def test_query(self) -> None:
        print(f"  test_query on loop {loop_number()}")
        await asyncio.sleep(0.1)
        self.assertEqual(self.db.name, "db")

    async def test_fails(self) -> None:
        print(f"  test_fails on loop {loop_number()}")
        self.assertEqual(await asyncio.sleep(0.1, result=1), 2)

    async def asyncTearDown(self) -> None:
        print(f"  asyncTearDown on loop {loop_number()}")

    def tearDown(self) -> None:
        print("  tearDown")


if __name__ == "__main__":
    # unittest.main() would print how long the run took; a bare TestResult prints nothing.
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(TestService).run(result)
    print(f"ran {result.testsRun} tests, {len(result.failures)} failed:")
    for test, traceback in result.failures:
        print(f"  {test.id()}: {traceback.splitlines()[-1]}")
