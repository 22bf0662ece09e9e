"""asyncio.shield() protects a task, not a block: a second cancel() still stops the code awaiting it."""

import asyncio


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()

    def now() -> str:
        return f"{loop.time() - start:.1f} s"

    async def close_connection() -> None:
        await asyncio.sleep(0.5)
        print(f"{now()}  connection closed")

    async def worker(shielded: bool) -> None:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print(f"{now()}  worker: cancelled, closing the connection")
            try:
                if shielded:
                    await asyncio.shield(close_connection())
                else:
                    await close_connection()  # one request was used up: this await can run
            except asyncio.CancelledError:
                print(f"{now()}  worker: a second cancel() interrupted the cleanup")
            raise

    for shielded in (False, True):
        print(f"-- cleanup {'inside asyncio.shield()' if shielded else 'as a plain await'}")
        start = loop.time()
        task = asyncio.create_task(worker(shielded))
        await asyncio.sleep(1.0)
        task.cancel()
        await asyncio.sleep(0.2)
        task.cancel()  # impatient: a second request while the worker cleans up
        try:
            await task
        except asyncio.CancelledError:
            print(f"{now()}  main: worker finished, cancelled() = {task.cancelled()}")
        await asyncio.sleep(1.0)  # time for a shielded cleanup to finish on its own


asyncio.run(main())
