"""In AnyIO a cancelled scope stays cancelled: every await inside it raises again until the code leaves it."""

import anyio


async def main() -> None:
    start = anyio.current_time()
    cancelled = anyio.get_cancelled_exc_class()  # asyncio.CancelledError on this backend

    def now() -> str:
        return f"{anyio.current_time() - start:.1f} s"

    with anyio.move_on_after(1.0) as scope:
        try:
            await anyio.sleep(10)
        except cancelled:
            print(f"{now()}  caught {cancelled.__name__}")
        try:
            await anyio.sleep(1)
        except cancelled:
            print(f"{now()}  the next await inside the block raised again, at once")
        await anyio.sleep(1)
        print("never printed: this await raised too, and nothing caught it")
    print(f"{now()}  the scope caught its own cancellation: cancelled_caught = {scope.cancelled_caught}")
    await anyio.sleep(1)
    print(f"{now()}  outside the scope, awaits work again")


anyio.run(main)
