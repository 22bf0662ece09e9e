"""What the running release says when old code touches the policy API and its relatives."""

import asyncio
import warnings
from collections.abc import Callable


def check(code: str, action: Callable[[], object]) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            action()
        except AttributeError:
            print(f"{code}: AttributeError, no such name")
            return
    if not caught:
        print(f"{code}: silent")
    for warning in caught:
        print(f"{code}: {warning.category.__name__}: {warning.message}")


def new_loop_then_close() -> None:
    asyncio.new_event_loop().close()


check("asyncio.get_event_loop_policy()", lambda: asyncio.get_event_loop_policy())
check("asyncio.set_event_loop_policy(None)", lambda: asyncio.set_event_loop_policy(None))
check("asyncio.DefaultEventLoopPolicy", lambda: asyncio.DefaultEventLoopPolicy)
check("asyncio.AbstractEventLoopPolicy", lambda: asyncio.AbstractEventLoopPolicy)
check("asyncio.get_child_watcher()", lambda: asyncio.get_child_watcher())  # type: ignore[attr-defined,unused-ignore]
check("asyncio.set_event_loop(None)", lambda: asyncio.set_event_loop(None))
check("asyncio.new_event_loop()", new_loop_then_close)
check("asyncio.Runner", lambda: asyncio.Runner)
check("asyncio.EventLoop", lambda: asyncio.EventLoop)  # type: ignore[attr-defined,unused-ignore]
