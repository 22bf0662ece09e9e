"""pytest-asyncio runs `async def` tests and async fixtures, each test on a fresh event loop."""

import asyncio
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio


class Store:
    def __init__(self) -> None:
        self.items: dict[str, str] = {}
        self.closed = False

    async def put(self, key: str, value: str) -> None:
        await asyncio.sleep(0.1)  # a round trip to a database
        self.items[key] = value

    async def close(self) -> None:
        await asyncio.sleep(0.1)
        self.closed = True


@pytest_asyncio.fixture
async def store() -> AsyncIterator[Store]:
    store = Store()
    print(f"\nfixture: store opened on loop {loop_number()}")
    yield store
    await store.close()
    print(f"fixture: store closed on loop {loop_number()}")


LOOPS: list[asyncio.AbstractEventLoop] = []


def loop_number() -> int:
    """Which event loop this is, counting from 1 in the order first seen."""
    loop = asyncio.get_running_loop()
    if loop not in LOOPS:
        LOOPS.append(loop)
    return LOOPS.index(loop) + 1


@pytest.mark.asyncio
async def test_put(store: Store) -> None:
    print(f"test_put runs on loop {loop_number()}")
    await store.put("a", "1")
    assert store.items == {"a": "1"}


@pytest.mark.asyncio
async def test_put_twice(store: Store) -> None:
    print(f"test_put_twice runs on loop {loop_number()}")
    await asyncio.gather(store.put("a", "1"), store.put("b", "2"))
    assert store.items == {"a": "1", "b": "2"}


if __name__ == "__main__":
    options = ["-qq", "-s", "-rfEp", "-p", "no:cacheprovider", "-o", "console_output_style=classic"]
    options += ["-W", "ignore::pytest.PytestAssertRewriteWarning"]
    options += ["-o", "asyncio_default_fixture_loop_scope=function"]
    raise SystemExit(pytest.main([__file__, *options]))
