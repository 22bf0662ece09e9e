"""Tests that a timeout fires on time, that a cancelled task ends cancelled, and that its cleanup ran."""

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
        finally:
            await asyncio.sleep(0.25)  # flush what it holds
            self.log.append("flushed")


async def test_timeout_fires_after_five_seconds() -> None:
    loop = asyncio.get_running_loop()
    worker = Worker()
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(5):
            await worker.run()
    assert loop.time() == 5.25  # the deadline, then the cleanup's quarter second
    assert worker.log == ["tick"] * 4 + ["flushed"]


async def test_wait_for_cancels_the_task_it_wraps() -> None:
    worker = Worker()
    task = asyncio.create_task(worker.run())
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(task, timeout=2.5)
    assert task.cancelled()
    assert worker.log == ["tick", "tick", "flushed"]


async def test_cancel_reaches_the_task_and_cleanup_runs() -> None:
    worker = Worker()
    task = asyncio.create_task(worker.run())
    await asyncio.sleep(3.5)
    task.cancel("shutting down")
    with pytest.raises(asyncio.CancelledError, match="shutting down"):
        await task
    assert task.cancelled()
    assert worker.log == ["tick"] * 3 + ["flushed"]


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
    raise SystemExit(pytest.main([__file__, *options], plugins=[VirtualTime()]))
