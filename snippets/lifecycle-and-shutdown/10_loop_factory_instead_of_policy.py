"""Event-loop policies warn from 3.14: choose the loop class with loop_factory= instead."""

import asyncio
import warnings


async def main() -> bool:
    return isinstance(asyncio.get_running_loop(), asyncio.SelectorEventLoop)


# The old way: install a policy whose loops asyncio.run() will then use.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    asyncio.get_event_loop_policy()
    asyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())
print(f"old way: {len(caught)} warnings")
for warning in caught:
    print(f"  {warning.category.__name__}: {warning.message}")

# The new way: give the loop class (or any function returning a loop) to the runner.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with asyncio.Runner(loop_factory=asyncio.SelectorEventLoop) as runner:
        is_selector_loop = runner.run(main())
print(f"new way: {len(caught)} warnings, a SelectorEventLoop: {is_selector_loop}")
