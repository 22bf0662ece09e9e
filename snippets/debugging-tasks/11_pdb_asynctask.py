# Requires Python 3.14 or newer.
"""Python 3.14: in pdb, $_asynctask is the asyncio task the debugger stopped in."""

import asyncio
import io
import pdb
import sys

assert sys.version_info >= (3, 14)

# What you would type at the (Pdb) prompt, fed in from a string so that the program runs alone.
COMMANDS = """\
p $_asynctask.get_name()
p $_asynctask is asyncio.current_task()
p len(asyncio.all_tasks())
c
"""


async def download(url: str) -> None:
    session = io.StringIO()
    debugger = pdb.Pdb(stdin=io.StringIO(COMMANDS), stdout=session, nosigint=True, readrc=False)
    debugger.use_rawinput = False  # read the commands from stdin=, not from input()
    debugger.set_trace()  # stops here; the whole event loop waits until "c"
    await asyncio.sleep(1)
    for line in session.getvalue().splitlines():
        if line.startswith("(Pdb) ") and line != "(Pdb) ":  # skip the lines naming the file
            print(line)


async def main() -> None:
    async with asyncio.TaskGroup() as tg:
        tg.create_task(download("https://example.org/"), name="download example.org")
        tg.create_task(asyncio.sleep(2), name="other")


asyncio.run(main())
