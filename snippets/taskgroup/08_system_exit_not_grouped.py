"""SystemExit and KeyboardInterrupt leave a TaskGroup unwrapped, and asyncio.run() re-raises them."""

import asyncio


async def quit_app(exc: BaseException) -> None:
    await asyncio.sleep(0.1)
    raise exc


async def sibling() -> None:
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("  sibling: cancelled")
        raise


async def main(exc: BaseException) -> None:
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(quit_app(exc))
            tg.create_task(sibling())
    except (SystemExit, KeyboardInterrupt) as caught:
        print(f"  main: caught {caught!r}, not a group; main returns normally")


for exc in (SystemExit(3), KeyboardInterrupt()):
    print(f"a task raises {exc!r}")
    try:
        asyncio.run(main(exc))
    except SystemExit as caught:
        print(f"  except SystemExit outside asyncio.run: code {caught.code}")
    except KeyboardInterrupt:
        print("  except KeyboardInterrupt outside asyncio.run")
