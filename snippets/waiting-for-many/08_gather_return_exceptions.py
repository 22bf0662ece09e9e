"""With return_exceptions=True, gather() puts each error, CancelledError included, in its result slot."""

import asyncio


async def parse(text: str) -> int:
    await asyncio.sleep(1.0)
    return int(text)


async def main() -> None:
    doomed = asyncio.create_task(parse("4"))
    doomed.cancel()
    results = await asyncio.gather(parse("1"), parse("two"), parse("3"), doomed, return_exceptions=True)
    print(results)

    numbers = [r for r in results if not isinstance(r, BaseException)]
    errors = [r for r in results if isinstance(r, BaseException)]
    print(f"numbers: {numbers}")
    print(f"errors:  {[type(e).__name__ for e in errors]}")
    print(f"CancelledError is an Exception: {issubclass(asyncio.CancelledError, Exception)}")


asyncio.run(main())
