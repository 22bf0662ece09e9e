"""When a gather() child raises, the error escapes at once; the others run on and c's error is lost."""

import asyncio


async def worker(name: str, delay: float, fail: bool = False) -> str:
    await asyncio.sleep(delay)
    if fail:
        print(f"{name} raises")
        raise RuntimeError(f"{name} failed")
    print(f"{name} finished")
    return name


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.gather(
            worker("a", 1.0, fail=True),
            worker("b", 2.0),
            worker("c", 3.0, fail=True),
            worker("d", 4.0),
        )
    except RuntimeError as exc:
        print(f"{loop.time() - start:.1f} s: caught {exc!r}")
    await asyncio.sleep(5.0)  # main goes on; the other workers were never cancelled
    print(f"{loop.time() - start:.1f} s: main ends; the error of c was swallowed")


asyncio.run(main())
