"""get_event_loop() outside a loop: a new loop only before any was set (to 3.13), else RuntimeError."""

import asyncio
import threading
import warnings


def try_get_event_loop(where: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError as exc:
            print(f"{where}: RuntimeError: {exc}")
        else:
            print(f"{where}: got a loop, running: {loop.is_running()}")
            loop.close()
    for warning in caught:
        print(f"  {warning.category.__name__}: {warning.message}")


async def main() -> None:
    print(
        "inside main(): get_event_loop() is the running loop:",
        asyncio.get_event_loop() is asyncio.get_running_loop(),
    )


try_get_event_loop("main thread, before asyncio.run()")
asyncio.run(main())
try_get_event_loop("main thread, after asyncio.run()")
thread = threading.Thread(target=try_get_event_loop, args=("another thread",))
thread.start()
thread.join()
