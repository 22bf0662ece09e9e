# Runs on the real clock: a worker thread really sleeps, and shutting down the executor waits for it.
"""shutdown_default_executor(timeout=): missing on 3.11, ignored on 3.12.1 (fixed in 3.12.3), kept on 3.13."""

import asyncio
import sys
import time
import warnings


async def main() -> None:
    loop = asyncio.get_running_loop()
    job = loop.run_in_executor(None, time.sleep, 1.5)  # a thread that is busy for 1.5 s
    if sys.version_info >= (3, 12):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            await loop.shutdown_default_executor(timeout=0.2)
        print("shutdown(timeout=0.2) returned; the thread was still busy:", not job.done())
        for warning in caught:
            print(f"  {warning.category.__name__}: {warning.message}")
    else:
        print("Python 3.11: shutdown_default_executor() has no timeout parameter")
    await job  # asyncio.run would wait for the thread anyway


asyncio.run(main())
