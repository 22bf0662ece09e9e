"""Which task-handling names exist on the running Python: eager tasks, get_context, Queue.shutdown, ..."""

import asyncio
import inspect
import sys
import unittest
from concurrent.futures import ProcessPoolExecutor


async def main() -> None:
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    loop = asyncio.get_running_loop()
    executor_shutdown = inspect.signature(loop.shutdown_default_executor).parameters
    checks = {
        "asyncio.eager_task_factory": hasattr(asyncio, "eager_task_factory"),
        "asyncio.create_eager_task_factory": hasattr(asyncio, "create_eager_task_factory"),
        "asyncio.Task.get_context": hasattr(asyncio.Task, "get_context"),
        "asyncio.Queue.shutdown": hasattr(asyncio.Queue, "shutdown"),
        "asyncio.QueueShutDown": hasattr(asyncio, "QueueShutDown"),
        "async for over as_completed()": hasattr(asyncio.as_completed([]), "__aiter__"),
        "shutdown_default_executor(timeout=)": "timeout" in executor_shutdown,
        "process pool terminate_workers()": hasattr(ProcessPoolExecutor, "terminate_workers"),
        "asyncio.run(loop_factory=)": "loop_factory" in inspect.signature(asyncio.run).parameters,
        "asyncio.Runner(loop_factory=)": "loop_factory" in inspect.signature(asyncio.Runner).parameters,
        "IsolatedAsyncioTestCase.loop_factory": hasattr(unittest.IsolatedAsyncioTestCase, "loop_factory"),
    }
    for name, present in checks.items():
        print(f"{name:36} {'yes' if present else 'no'}")


asyncio.run(main())
