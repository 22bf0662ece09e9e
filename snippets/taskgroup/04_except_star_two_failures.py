"""except* splits a TaskGroup's errors by type and both clauses run; the sleeping task is cancelled."""

import asyncio


async def parse_age(text: str) -> int:
    return int(text)  # fails at once for "ten" or "-"


async def country_name(code: str) -> str:
    return {"fr": "France", "jp": "Japan"}[code]


async def remote_check() -> None:
    await asyncio.sleep(1)
    raise ConnectionError("server unreachable")


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(parse_age("ten"))
            tg.create_task(country_name("xx"))
            tg.create_task(parse_age("-"))
            remote = tg.create_task(remote_check())
    except* ValueError as eg:
        print(f"{len(eg.exceptions)} ValueErrors:")
        for exc in eg.exceptions:
            print(f"  {exc}")
    except* KeyError as eg:
        print(f"KeyErrors: {eg.exceptions!r}")
    print("remote_check cancelled:", remote.cancelled())


asyncio.run(main())
