"""Collapse an exception group only when it holds one error; several stay grouped, so none is lost."""

import asyncio
import traceback
from collections.abc import Iterator
from contextlib import contextmanager


def only_error(group: BaseExceptionGroup[BaseException]) -> BaseException | None:
    """The one exception in ``group`` (looking inside nested groups), or None if there are more."""
    if len(group.exceptions) != 1:
        return None
    inner = group.exceptions[0]
    return only_error(inner) if isinstance(inner, BaseExceptionGroup) else inner


@contextmanager
def single_error_unwrapped() -> Iterator[None]:
    """Re-raise an exception group of one error as that error; leave any other group alone."""
    try:
        yield
    except BaseExceptionGroup as group:
        error = only_error(group)
        if error is None:
            raise
        raise error from None  # its traceback still shows where it was raised in the task


async def fetch(name: str) -> str:
    await asyncio.sleep(0.1)
    if name == "bad":
        raise ValueError(f"{name}: malformed reply")
    if name == "down":
        raise ConnectionError(f"{name}: connection refused")
    return name.upper()


async def fetch_all(names: list[str]) -> list[str]:
    """Fetch every name at once. One failure is raised as itself; several as an ExceptionGroup."""
    with single_error_unwrapped():
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch(name)) for name in names]
    return [task.result() for task in tasks]


async def main() -> None:
    for names in (["ok", "bad"], ["bad", "down"]):
        try:
            print(names, "->", await fetch_all(names))
        except ValueError as exc:
            print(names, "-> except ValueError:", exc)
            frames = traceback.extract_tb(exc.__traceback__)
            print("   raised in:", " > ".join(f.name for f in frames if f.filename == __file__))
        except ExceptionGroup as eg:
            print(names, "-> still a group:", [str(error) for error in eg.exceptions])

    for names in (["ok", "bad"], ["bad", "down"]):
        try:
            await fetch_all(names)
        except* ValueError as eg:
            print(names, "-> except* ValueError:", [str(error) for error in eg.exceptions])
        except* ConnectionError as eg:
            print(names, "-> except* ConnectionError:", [str(error) for error in eg.exceptions])


asyncio.run(main())
