"""A failed task that nobody awaits is reported only when it is destroyed, with its name and traceback."""

import asyncio


async def refresh_cache(key: str) -> None:
    await asyncio.sleep(1.0)
    raise KeyError(key)


async def handle_request(key: str) -> str:
    asyncio.create_task(refresh_cache(key), name=f"refresh:{key}")  # noqa: RUF006
    return f"served {key}"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await handle_request("user:42"))
    await asyncio.sleep(2.0)
    print(f"{loop.time() - start:.1f} s: main ends; the failure was reported above")


asyncio.run(main())
