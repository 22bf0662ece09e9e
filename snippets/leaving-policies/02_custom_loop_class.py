"""A custom loop class, installed through loop_factory= as the policy-free form of uvloop.install()."""

import asyncio
import sys
import warnings
from collections.abc import Callable
from contextvars import Context
from typing import TypeVarTuple

Ts = TypeVarTuple("Ts")


class CountingLoop(asyncio.SelectorEventLoop):
    """A selector loop that counts the callbacks scheduled on it with call_soon()."""

    def __init__(self) -> None:
        super().__init__()
        self.callbacks = 0

    def call_soon(
        self, callback: Callable[[*Ts], object], *args: *Ts, context: Context | None = None
    ) -> asyncio.Handle:
        self.callbacks += 1
        return super().call_soon(callback, *args, context=context)


async def three_tasks() -> str:
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        for _ in range(3):
            tg.create_task(asyncio.sleep(0))
    if isinstance(loop, CountingLoop):
        return f"a CountingLoop, {loop.callbacks} callbacks so far"
    return "not a CountingLoop"


# The old way, as uvloop.install() does it: a policy whose new_event_loop() makes your loops.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")

    class CountingPolicy(asyncio.DefaultEventLoopPolicy):
        def new_event_loop(self) -> asyncio.AbstractEventLoop:
            return CountingLoop()

    asyncio.set_event_loop_policy(CountingPolicy())
    print("policy:", asyncio.run(three_tasks()))
    asyncio.set_event_loop_policy(None)  # back to the default policy
print(f"  {len(caught)} warnings")
for warning in caught:
    print(f"  {warning.category.__name__}: {warning.message}")

# The new way: hand the class (any callable that returns a new loop) to the runner.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with asyncio.Runner(loop_factory=CountingLoop) as runner:  # 3.11+
        print("Runner:", runner.run(three_tasks()))
    if sys.version_info >= (3, 12):
        print("asyncio.run:", asyncio.run(three_tasks(), loop_factory=CountingLoop))
    print("no factory:", asyncio.run(three_tasks()))  # only that one call was affected
print(f"  {len(caught)} warnings")
