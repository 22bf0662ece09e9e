"""Fixed: a TaskGroup cancels the other tasks when one fails, and waits for them."""

import asyncio


async def reserve_stock(order: str) -> None:
    await asyncio.sleep(0.5)
    raise RuntimeError(f"{order}: out of stock")


async def charge_card(order: str) -> None:
    try:
        await asyncio.sleep(1.0)
        print(f"{order}: card charged")
    except asyncio.CancelledError:
        print(f"{order}: charge cancelled before it happened")
        raise


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(reserve_stock("order-7"), name="reserve")
            group.create_task(charge_card("order-7"), name="charge")
    except* RuntimeError as failed:
        print(f"{loop.time() - start:.1f} s  order failed: {failed.exceptions[0]}")
    await asyncio.sleep(2.0)  # the program goes on with other work
    print(f"{loop.time() - start:.1f} s  main returns")


asyncio.run(main())
