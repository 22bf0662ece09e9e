"""A failed TaskGroup cancels only unfinished tasks: a finished one keeps its result and its row."""

import asyncio


async def save(row: str, delay: float, db: list[str]) -> str:
    await asyncio.sleep(delay)
    db.append(row)
    return f"saved {row}"


async def call_api() -> None:
    await asyncio.sleep(0.2)
    raise ConnectionError("API down")


async def main() -> None:
    db: list[str] = []
    try:
        async with asyncio.TaskGroup() as tg:
            order = tg.create_task(save("order", 0.1, db))
            invoice = tg.create_task(save("invoice", 0.5, db))
            tg.create_task(call_api())
    except* ConnectionError as eg:
        print("group failed:", eg.exceptions)
    print("order:", order.result())  # finished before the failure: kept
    print("invoice cancelled:", invoice.cancelled())
    print("database now holds:", db)  # nothing was rolled back


asyncio.run(main())
