"""Unwrapping a task group's ExceptionGroup by taking its first error silently loses the others."""

import asyncio


async def fetch(name: str) -> str:
    await asyncio.sleep(0.1)
    if name == "bad":
        raise ValueError(f"{name}: malformed reply")
    if name == "down":
        raise ConnectionError(f"{name}: connection refused")
    return name.upper()


async def fetch_all(names: list[str]) -> list[str]:
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch(name)) for name in names]
    except ExceptionGroup as eg:
        raise eg.exceptions[0] from None  # "so that callers can write except ValueError"
    return [task.result() for task in tasks]


async def main() -> None:
    for names in (["ok", "bad"], ["bad", "down"], ["down", "bad"]):
        try:
            print(names, "->", await fetch_all(names))
        except ValueError as exc:
            print(names, "-> except ValueError:", exc)
        except ConnectionError as exc:
            print(names, "-> except ConnectionError:", exc)


asyncio.run(main())
