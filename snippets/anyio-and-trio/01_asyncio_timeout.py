"""asyncio.timeout(): a deadline that when() reads, reschedule() moves and expired() reports."""

import asyncio


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()

    def now() -> str:
        return f"{loop.time() - start:.1f} s"

    # Move on: catch the TimeoutError right outside the block.
    try:
        async with asyncio.timeout(1.0) as scope:
            deadline = scope.when()
            assert deadline is not None
            print(f"{now()}  deadline at {deadline - start:.1f} s")
            await asyncio.sleep(10)
            print("never printed")
    except TimeoutError:
        print(f"{now()}  TimeoutError, expired() = {scope.expired()}")

    # Move the deadline: reschedule() takes an absolute time on the loop's clock.
    async with asyncio.timeout(1.0) as scope:
        scope.reschedule(loop.time() + 3.0)  # 3 s from now, not 1 s
        await asyncio.sleep(2)
        print(f"{now()}  still inside after 2 s, expired() = {scope.expired()}")
    print(f"{now()}  block left normally, expired() = {scope.expired()}")


asyncio.run(main())
