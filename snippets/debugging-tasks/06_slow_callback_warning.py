# Runs on the real clock: the warning measures how long a blocking call really held the loop.
"""Debug mode logs every task step that blocks the event loop for longer than slow_callback_duration."""

import asyncio
import logging
import re
import time


class RoundSeconds(logging.Filter):
    """Round 'took 0.302 seconds' to 'took 0.3 seconds', so that two runs print the same text."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        record.msg = re.sub(r"took (\d+\.\d+)", lambda m: f"took {float(m[1]):.1f}", text)
        record.args = ()
        return True


async def parse_report() -> None:
    time.sleep(0.3)  # a blocking call: no other task can run meanwhile  # noqa: ASYNC251


async def main() -> None:
    logging.getLogger("asyncio").addFilter(RoundSeconds())
    loop = asyncio.get_running_loop()
    print(f"slow_callback_duration = {loop.slow_callback_duration} s")
    await loop.create_task(parse_report(), name="parse-report")
    print("main ends")


asyncio.run(main(), debug=True)
