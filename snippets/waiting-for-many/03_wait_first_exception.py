"""FIRST_EXCEPTION makes asyncio.wait() return when b fails, without raising; c is still pending."""

import asyncio


async def step(name: str, delay: float, fail: bool = False) -> str:
    await asyncio.sleep(delay)
    if fail:
        raise ConnectionError(f"{name} lost its connection")
    return name


async def run_group(label: str, fail_b: bool) -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = [
        asyncio.create_task(step("a", 1.0), name="a"),
        asyncio.create_task(step("b", 2.0, fail=fail_b), name="b"),
        asyncio.create_task(step("c", 3.0), name="c"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{label}: returned after {loop.time() - start:.1f} s, no exception raised by wait()")
    for task in sorted(done, key=lambda t: t.get_name()):
        outcome = task.exception() or task.result()  # exception() is None after a normal return
        print(f"  done    {task.get_name()}: {outcome!r}")
    for task in sorted(pending, key=lambda t: t.get_name()):
        print(f"  pending {task.get_name()}")
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)  # let the cancellations finish


async def main() -> None:
    await run_group("b fails", fail_b=True)
    await run_group("no failure", fail_b=False)


asyncio.run(main())
