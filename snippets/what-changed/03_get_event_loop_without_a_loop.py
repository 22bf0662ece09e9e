"""asyncio.get_event_loop() with no loop running: silent on 3.11, warns on 3.12 and 3.13, raises from 3.14."""

import asyncio
import warnings


def before_asyncio_run() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            loop = asyncio.get_event_loop()  # no event loop is running yet
        except RuntimeError as exc:
            print(f"outside a loop: RuntimeError: {exc}")
            return
    print("outside a loop: got a loop that is not running:", not loop.is_running())
    for warning in caught:
        print(f"  {warning.category.__name__}: {warning.message}")
    if not caught:
        print("  no warning")
    loop.close()


async def main() -> None:
    same = asyncio.get_event_loop() is asyncio.get_running_loop()
    print("inside a coroutine: get_event_loop() is get_running_loop():", same)


before_asyncio_run()
asyncio.run(main())
