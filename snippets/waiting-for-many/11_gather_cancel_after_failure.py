"""Once a child has failed, the gather() future is done: cancel() returns False and b runs to the end."""

import asyncio


async def worker(name: str, delay: float, fail: bool = False) -> str:
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} failed")
    print(f"{name} finished")
    return name


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    a = asyncio.create_task(worker("a", 1.0, fail=True))
    b = asyncio.create_task(worker("b", 3.0))
    group = asyncio.gather(a, b)
    try:
        await group
    except RuntimeError as exc:
        print(f"{loop.time() - start:.1f} s: caught {exc!r}")
    print(f"group.done() -> {group.done()}, group.cancel() -> {group.cancel()}")
    print(f"b: done={b.done()}, cancelled={b.cancelled()}")
    result = await b  # b ran to the end: nothing cancelled it
    print(f"{loop.time() - start:.1f} s: await b -> {result!r}")


asyncio.run(main())
