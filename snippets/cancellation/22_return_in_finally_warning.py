# Requires Python 3.14 or newer.
"""From 3.14, return in a finally block is a SyntaxWarning at compile time: it swallows a cancellation."""

import asyncio
import sys
import warnings
from typing import Any

assert sys.version_info >= (3, 14)

SOURCE = """
async def fetch():
    try:
        await asyncio.sleep(10)
    finally:
        return "partial"  # leaves the finally block, dropping the CancelledError
"""


async def main() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code = compile(SOURCE, "fetch.py", "exec")  # the warning comes here, not when it runs
    for warning in caught:
        print(f"compile(): {warning.category.__name__}, line {warning.lineno}: {warning.message}")
    namespace: dict[str, Any] = {"asyncio": asyncio}
    exec(code, namespace)
    task = asyncio.create_task(namespace["fetch"]())
    await asyncio.sleep(1)
    task.cancel()
    print("result:", await task, "| cancelled():", task.cancelled())


asyncio.run(main())
