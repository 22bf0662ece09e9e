# Requires Python 3.14 or newer.
"""Python 3.14: python -m asyncio ps and pstree list the tasks of another, running process."""

import asyncio
import itertools
import re
import subprocess
import sys

assert sys.version_info >= (3, 14)


async def fetch(url: str, done: asyncio.Event) -> None:
    await done.wait()


async def crawl(done: asyncio.Event) -> None:
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch("a", done), name="fetch-a")
        tg.create_task(fetch("b", done), name="fetch-b")


async def serve() -> None:
    """The process to inspect: its tasks wait until a line arrives on its standard input."""
    done = asyncio.Event()
    crawler = asyncio.create_task(crawl(done), name="crawl")
    for _ in range(2):  # two loop turns: crawl opens its group, then both fetch tasks start
        await asyncio.sleep(0)
    print("ready", flush=True)
    await asyncio.to_thread(sys.stdin.readline)
    done.set()
    await crawler


def asyncio_tool(command: str, pid: int) -> str:
    """What `python -m asyncio ps PID` (or pstree) prints, run as a separate process."""
    # 3.15 can try again when the target changes while it is being read; 3.14 has no option.
    retries = ["--retries", "3"] if sys.version_info >= (3, 15) else []
    tool = [sys.executable, "-m", "asyncio", command, *retries, str(pid)]
    return subprocess.run(tool, capture_output=True, text=True, check=True).stdout


def inspect_a_running_copy() -> None:
    target = subprocess.Popen(
        [sys.executable, __file__, "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert target.stdin is not None and target.stdout is not None
    assert target.stdout.readline() == "ready\n"

    # ps: one row per task. Its thread and task ids differ on every run: keep the other columns.
    header, _, *rows = asyncio_tool("ps", target.pid).splitlines()
    names = ["task name", "coroutine stack", "awaiter chain", "awaiter name", "awaiter id"]
    starts = [header.index(name) for name in names]
    for row in [header, *rows]:
        cells = [row[start:end].strip() for start, end in itertools.pairwise(starts)]
        print(f"{cells[0]:10} {cells[1]:48} {cells[2]:48} {cells[3]}".rstrip())
    print()

    # pstree: who awaits whom. Line numbers inside asyncio differ between releases: drop them.
    for line in asyncio_tool("pstree", target.pid).splitlines():
        print(re.sub(r"\S*/asyncio/(\w+\.py):\d+", r"asyncio/\1", line))

    target.stdin.write("\n")  # let the tasks finish
    target.stdin.close()
    target.wait()


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        asyncio.run(serve())
    else:
        inspect_a_running_copy()
