"""The same tests catch a worker that swallows its cancellation; the program prints pytest's exit code."""

import asyncio
from collections.abc import Callable, Mapping

import looptime
import pytest


class Worker:
    def __init__(self) -> None:
        self.log: list[str] = []

    async def run(self) -> None:
        try:
            while True:
                await asyncio.sleep(1)
                self.log.append("tick")
        except asyncio.CancelledError:
            self.log.append("stopped")  # the bug: the cancellation ends here


async def test_timeout_fires_after_five_seconds() -> None:
    worker = Worker()
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(5):
            await worker.run()


async def test_cancel_reaches_the_task() -> None:
    worker = Worker()
    task = asyncio.create_task(worker.run())
    await asyncio.sleep(3.5)
    task.cancel()
    await asyncio.wait([task])
    cancelled = task.cancelled()
    assert cancelled, f"the task swallowed its cancellation; log: {worker.log}"


class VirtualTime:
    @staticmethod
    def pytest_asyncio_loop_factories(
        config: pytest.Config, item: pytest.Item
    ) -> Mapping[str, Callable[[], asyncio.AbstractEventLoop]]:
        return {"looptime": looptime.new_event_loop}


if __name__ == "__main__":
    options = ["-qq", "-rfEp", "-p", "no:cacheprovider", "-o", "console_output_style=classic"]
    options += ["-W", "ignore::pytest.PytestAssertRewriteWarning"]
    options += ["-o", "asyncio_default_fixture_loop_scope=function", "-o", "asyncio_mode=auto"]
    code = pytest.main([__file__, *options], plugins=[VirtualTime()])
    print(f"\npytest.main() returned {code!r}")  # a real test run would exit with it
