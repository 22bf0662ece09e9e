"""Broken: gather raises the first error at once; the other tasks run on, unwatched."""

import asyncio


async def reserve_stock(order: str) -> None:
    await asyncio.sleep(0.5)
    raise RuntimeError(f"{order}: out of stock")


async def charge_card(order: str) -> None:
    await asyncio.sleep(1.0)
    print(f"{order}: card charged")  # happens after the order was reported as failed


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.gather(reserve_stock("order-7"), charge_card("order-7"))
    except RuntimeError as exc:
        print(f"{loop.time() - start:.1f} s  order failed: {exc}")
    await asyncio.sleep(2.0)  # the program goes on with other work
    print(f"{loop.time() - start:.1f} s  main returns")


asyncio.run(main())
