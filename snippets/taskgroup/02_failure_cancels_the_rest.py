"""One failing task makes the TaskGroup cancel its sibling and the body, then raise an ExceptionGroup."""

import asyncio


async def charge_card() -> None:
    await asyncio.sleep(0.2)
    raise ValueError("card declined")


async def send_email() -> None:
    try:
        await asyncio.sleep(1)
        print("email sent")
    except asyncio.CancelledError:
        print("send_email: cancelled")
        raise
    finally:
        print("send_email: finally runs")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(charge_card())
            tg.create_task(send_email())
            try:
                await asyncio.sleep(5)  # the body is busy too
            except asyncio.CancelledError:
                print("body: its await was cancelled")
                raise
            print("body: never reached")
    except* ValueError as eg:
        print(f"caught {eg!r} at {loop.time() - start:.1f} s")


asyncio.run(main())
