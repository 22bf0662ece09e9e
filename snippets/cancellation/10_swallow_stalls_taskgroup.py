"""A child that swallows CancelledError stalls its TaskGroup: a 1.0 s failure is reported at 4.0 s."""

import asyncio


async def failing() -> None:
    await asyncio.sleep(1)
    raise ValueError("bad input")


async def stubborn() -> None:
    for step in range(1, 4):
        try:
            await asyncio.sleep(1.5)
        except asyncio.CancelledError:
            print(f"stubborn: cancelled during step {step}, ignoring it")
    print("stubborn: finished all steps")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing())
            tg.create_task(stubborn())
    except* ValueError as group:
        print(f"{group.exceptions!r} reported after {loop.time() - start:.1f} s, not 1.0 s")


asyncio.run(main())
