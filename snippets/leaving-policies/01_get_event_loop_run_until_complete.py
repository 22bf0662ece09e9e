"""The old get_event_loop().run_until_complete(main()): runs on 3.11-3.13 (warns on 3.12+), fails on 3.14."""

import asyncio
import warnings


async def main() -> str:
    await asyncio.sleep(0)
    return "main() ran"


def old_entry_point(where: str) -> None:
    """The way scripts started before asyncio.run(), still common in old code and old answers."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            loop = asyncio.get_event_loop()
            try:
                print(f"{where}: {loop.run_until_complete(main())}")
            finally:
                loop.close()
        except RuntimeError as exc:
            print(f"{where}: RuntimeError: {exc}")
    for warning in caught:
        print(f"  {warning.category.__name__}: {warning.message}")


def new_entry_point(where: str) -> None:
    """The replacement: a new loop for this call, closed afterwards, never a global one."""
    print(f"{where}: {asyncio.run(main())}")


old_entry_point("old way, before any loop")
new_entry_point("new way")
old_entry_point("old way, after asyncio.run()")
new_entry_point("new way, again")
