"""With nested timeouts, TimeoutError comes out of the block whose deadline fired, inner or outer."""

import asyncio


async def attempt(inner_delay: float, outer_delay: float) -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(f"inner timeout {inner_delay:.0f} s, outer timeout {outer_delay:.0f} s:")
    try:
        async with asyncio.timeout(outer_delay) as outer:
            try:
                async with asyncio.timeout(inner_delay) as inner:
                    await asyncio.sleep(10.0)
            except TimeoutError:
                print(f"  {loop.time() - start:.1f} s: the inner except caught it")
                await asyncio.sleep(10.0)  # carry on with other work, still under outer
    except TimeoutError:
        print(f"  {loop.time() - start:.1f} s: the outer except caught it")
    print(f"  inner.expired() = {inner.expired()}, outer.expired() = {outer.expired()}")


async def main() -> None:
    await attempt(inner_delay=1.0, outer_delay=3.0)
    await attempt(inner_delay=3.0, outer_delay=1.0)


asyncio.run(main())
