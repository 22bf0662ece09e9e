"""Broken: a sync helper calls asyncio.run, and async code calls the helper."""

import asyncio


async def fetch_config() -> dict[str, int]:
    await asyncio.sleep(0.1)
    return {"workers": 4}


def load_config() -> dict[str, int]:
    """A sync wrapper that works from a script, and fails inside a running event loop."""
    return asyncio.run(fetch_config())


async def main() -> None:
    try:
        config = load_config()
        print("config:", config)
    except RuntimeError as exc:
        print(f"{type(exc).__name__}: {exc}")


asyncio.run(main())
