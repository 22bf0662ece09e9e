"""A child cancelled by someone else makes gather() raise CancelledError in main; the sibling runs on."""

import asyncio


async def worker(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    a = asyncio.create_task(worker("a", 2.0))
    b = asyncio.create_task(worker("b", 3.0))
    loop.call_later(1.0, a.cancel)  # someone else cancels one child
    try:
        await asyncio.gather(a, b)
    except asyncio.CancelledError:
        me = asyncio.current_task()
        assert me is not None
        print(f"{loop.time() - start:.1f} s: gather raised CancelledError")
        print(f"main itself cancelled? cancelling() = {me.cancelling()}")
    print(f"b: done={b.done()}, cancelled={b.cancelled()}")
    await b  # b was not cancelled with it
    print(f"{loop.time() - start:.1f} s: b -> {b.result()!r}")


asyncio.run(main())
