"""create_task runs nothing yet: done() is False at first and turns True once the coroutine returns."""

import asyncio


async def instant() -> str:
    return "instant result"


async def slow() -> str:
    await asyncio.sleep(1.0)
    return "slow result"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    a = asyncio.create_task(instant())
    b = asyncio.create_task(slow())

    def report(moment: str) -> None:
        print(f"{loop.time() - start:.1f} s  {moment:<18} a.done()={a.done()!s:<5}  b.done()={b.done()}")

    report("after create_task")
    await asyncio.sleep(0)  # main yields once: each task takes its first step
    report("after one yield")
    await asyncio.sleep(0.5)
    report("while b sleeps")
    result = await b
    report("after await b")
    print(f"a.result()={a.result()!r}  b.result()={result!r}")


asyncio.run(main())
