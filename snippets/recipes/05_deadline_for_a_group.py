"""One deadline for a whole group of tasks: keep what finished in time, cancel the rest."""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


async def results_within(
    budget: float, jobs: dict[str, Callable[[], Coroutine[Any, Any, T]]]
) -> tuple[dict[str, T], list[str]]:
    """Run the jobs for at most ``budget`` seconds: (results in time, names too late)."""
    tasks: dict[str, asyncio.Task[T]] = {}
    try:
        async with asyncio.timeout(budget), asyncio.TaskGroup() as group:
            for name, job in jobs.items():
                tasks[name] = group.create_task(job(), name=name)
    except TimeoutError:
        pass  # only the deadline: the group wraps the jobs' own errors in an ExceptionGroup
    # Leaving the group means every task is done: finished in time, or cancelled.
    results = {name: task.result() for name, task in tasks.items() if not task.cancelled()}
    too_late = [name for name, task in tasks.items() if task.cancelled()]
    return results, too_late


async def search(backend: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    return f"{backend}: 3 hits"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    results, too_late = await results_within(
        1.0,
        {
            "books": lambda: search("books", 0.4),
            "music": lambda: search("music", 2.5),
            "films": lambda: search("films", 0.7),
            "games": lambda: search("games", 1.6),
        },
    )
    print(f"after {loop.time() - start:.1f} s: {list(results.values())}")
    print(f"cancelled at the deadline: {too_late}")


asyncio.run(main())
