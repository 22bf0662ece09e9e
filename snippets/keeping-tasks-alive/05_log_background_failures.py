"""A done-callback that calls Task.exception() logs a background failure at once, with its traceback."""

import asyncio
import logging

logging.basicConfig(format="%(levelname)s %(message)s")
background_tasks: set[asyncio.Task[None]] = set()


def log_failure(task: asyncio.Task[None]) -> None:
    if task.cancelled():
        print(f"{task.get_name()}: cancelled, nothing to log")
        return  # exception() would raise CancelledError here
    if (exc := task.exception()) is not None:  # retrieving it silences "never retrieved"
        logging.error("task %s failed", task.get_name(), exc_info=exc)


def fire_and_forget(task: asyncio.Task[None]) -> None:
    background_tasks.add(task)
    task.add_done_callback(background_tasks.discard)
    task.add_done_callback(log_failure)


async def send_report(fail: bool) -> None:
    await asyncio.sleep(1.0)
    if fail:
        raise ConnectionError("mail server refused the report")
    print("report sent")


async def main() -> None:
    doomed = asyncio.create_task(send_report(fail=False), name="doomed")
    fire_and_forget(doomed)
    fire_and_forget(asyncio.create_task(send_report(fail=False), name="fine"))
    fire_and_forget(asyncio.create_task(send_report(fail=True), name="broken"))
    await asyncio.sleep(0.5)
    doomed.cancel()
    await asyncio.sleep(1.0)
    print("tasks left in the set:", len(background_tasks))


asyncio.run(main())
