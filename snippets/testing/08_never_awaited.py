"""A forgotten await: the test passes with a RuntimeWarning, until warnings are made errors."""

import asyncio

import pytest


class Store:
    def __init__(self) -> None:
        self.saved: list[str] = []

    async def save(self, item: str) -> None:
        await asyncio.sleep(0.1)
        self.saved.append(item)


async def test_save() -> None:
    store = Store()
    store.save("a")  # type: ignore[unused-coroutine]  # the missing await
    assert len(store.saved) <= 1


if __name__ == "__main__":
    options = ["-qq", "-p", "no:cacheprovider", "-o", "console_output_style=classic"]
    options += ["-W", "ignore::pytest.PytestAssertRewriteWarning"]
    options += ["-o", "asyncio_default_fixture_loop_scope=function", "-o", "asyncio_mode=auto"]

    print("== pytest, warnings as configured by default")
    code = pytest.main([__file__, *options])
    print(f"pytest.main() returned {code!r}")

    print("\n== -W error::RuntimeWarning -W error::pytest.PytestUnraisableExceptionWarning")
    options += ["-W", "error::RuntimeWarning", "-W", "error::pytest.PytestUnraisableExceptionWarning"]
    code = pytest.main([__file__, *options, "--tb=no", "-rf"])
    print(f"pytest.main() returned {code!r}")
