"""asyncio.iscoroutinefunction() warns from 3.14; inspect.iscoroutinefunction() gives the same answers."""

import asyncio
import functools
import inspect
import warnings


async def fetch(url: str) -> str:
    return url


def parse(text: str) -> str:
    return text


for label, func in [
    ("async def", fetch),
    ("def", parse),
    ("partial(async def)", functools.partial(fetch, "https://example.org/")),
]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        old = asyncio.iscoroutinefunction(func)
    new = inspect.iscoroutinefunction(func)  # the replacement, on every version
    print(f"{label:18}  asyncio: {old!s:5}  inspect: {new!s:5}  warnings: {len(caught)}")

for warning in caught:  # what the last call emitted
    print(f"{warning.category.__name__}: {warning.message}")
