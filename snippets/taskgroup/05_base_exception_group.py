"""A BaseException from a task comes in a BaseExceptionGroup, which except Exception does not catch."""

import asyncio


class Shutdown(BaseException):
    """Derives from BaseException so that `except Exception` cannot swallow it."""


async def stop_service() -> None:
    await asyncio.sleep(0.1)
    raise Shutdown("maintenance")


async def main() -> None:
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(stop_service())
        except Exception as exc:
            print(f"except Exception caught {exc!r}")
    except* Shutdown as eg:
        print(f"{type(eg).__name__}: {eg.exceptions!r}")
        print("is an ExceptionGroup:", isinstance(eg, ExceptionGroup))


asyncio.run(main())
