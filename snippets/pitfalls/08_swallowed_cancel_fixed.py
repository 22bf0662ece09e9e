"""Fixed: catch Exception (CancelledError is not one), or clean up and re-raise it."""

import asyncio


async def poll_once(round_: int) -> None:
    await asyncio.sleep(1.0)
    if round_ == 2:
        raise ConnectionError("server hung up")


async def poll_forever() -> None:
    for round_ in range(1, 6):  # "forever", cut to 5 rounds so that this program ends
        try:
            await poll_once(round_)
        except asyncio.CancelledError:
            print(f"  round {round_}: cancelled, cleaning up and re-raising")
            raise  # without this line, the cancellation is lost
        except Exception as exc:  # real errors only: the poller survives them
            print(f"  round {round_}: ignored {type(exc).__name__}, polling on")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(2.5):
            await poll_forever()
        print(f"{loop.time() - start:.1f} s  no TimeoutError")  # never printed
    except TimeoutError:
        print(f"{loop.time() - start:.1f} s  TimeoutError, right at the deadline")


asyncio.run(main())
