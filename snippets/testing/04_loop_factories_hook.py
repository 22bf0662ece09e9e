"""pytest-asyncio's `pytest_asyncio_loop_factories` hook picks the event loop every async test runs on."""

import asyncio
from collections.abc import Callable, Mapping

import looptime
import pytest


class Unavailable(Exception):
    pass


async def fetch_with_retry(fetch: Callable[[], str], attempts: int) -> str:
    """Try up to `attempts` times, waiting 10 s, 20 s, 40 s... between tries."""
    delay = 10.0
    for attempt in range(1, attempts + 1):
        try:
            return fetch()
        except Unavailable:
            if attempt == attempts:
                raise
            await asyncio.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")


def down_for(failures: int) -> Callable[[], str]:
    calls = 0

    def fetch() -> str:
        nonlocal calls
        calls += 1
        if calls <= failures:
            raise Unavailable(f"call {calls}")
        return "payload"

    return fetch


async def test_recovers_after_five_failures() -> None:
    loop = asyncio.get_running_loop()
    print(f"\n{type(loop).__name__}")
    start = loop.time()
    assert await fetch_with_retry(down_for(5), attempts=6) == "payload"
    assert loop.time() - start == 10 + 20 + 40 + 80 + 160  # 310 s, none of it waited for real


async def test_gives_up() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    with pytest.raises(Unavailable, match="call 6"):
        await fetch_with_retry(down_for(100), attempts=6)
    assert loop.time() - start == 310


class VirtualTime:
    """A plugin; in a project this function goes in conftest.py."""

    @staticmethod
    def pytest_asyncio_loop_factories(
        config: pytest.Config, item: pytest.Item
    ) -> Mapping[str, Callable[[], asyncio.AbstractEventLoop]]:
        return {"looptime": looptime.new_event_loop}


if __name__ == "__main__":
    options = ["-qq", "-s", "-rfEp", "-p", "no:cacheprovider", "-o", "console_output_style=classic"]
    options += ["-W", "ignore::pytest.PytestAssertRewriteWarning"]
    options += ["-o", "asyncio_default_fixture_loop_scope=function", "-o", "asyncio_mode=auto"]
    raise SystemExit(pytest.main([__file__, *options], plugins=[VirtualTime()]))
