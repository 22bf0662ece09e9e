"""Trio behaves like AnyIO: inside a cancelled scope every checkpoint raises trio.Cancelled again."""

import trio
import trio.testing


async def main() -> None:
    start = trio.current_time()

    def now() -> str:
        return f"{trio.current_time() - start:.1f} s"

    with trio.move_on_after(1.0) as scope:
        try:
            await trio.sleep(10)
        except trio.Cancelled:
            print(f"{now()}  caught trio.Cancelled")
        try:
            await trio.sleep(1)
        except trio.Cancelled:
            print(f"{now()}  the next await inside the block raised again, at once")
        await trio.sleep(1)
        print("never printed: this await raised too, and nothing caught it")
    print(f"{now()}  the scope caught its own cancellation: cancelled_caught = {scope.cancelled_caught}")
    await trio.sleep(1)
    print(f"{now()}  outside the scope, awaits work again")


# MockClock: Trio's virtual clock; autojump_threshold=0 skips every sleep at once.
trio.run(main, clock=trio.testing.MockClock(autojump_threshold=0))
