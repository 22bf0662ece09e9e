"""asyncio.TaskGroup: the first failure cancels the siblings and the body; all errors come out in a group."""

import asyncio


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()

    def now() -> str:
        return f"{loop.time() - start:.1f} s"

    async def job(name: str, seconds: float, error: Exception | None = None) -> str:
        try:
            await asyncio.sleep(seconds)
        except asyncio.CancelledError:
            print(f"{now()}  {name}: cancelled")
            raise
        if error is not None:
            print(f"{now()}  {name}: raises {error!r}")
            raise error
        print(f"{now()}  {name}: done")
        return f"{name} result"

    try:
        async with asyncio.TaskGroup() as tg:
            users = tg.create_task(job("users", 0.3), name="users")
            tg.create_task(job("orders", 0.5, ConnectionError("orders down")), name="orders")
            tg.create_task(job("audit", 0.5, ValueError("bad record")), name="audit")
            tg.create_task(job("prices", 2.0), name="prices")
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                print(f"{now()}  body: cancelled")
                raise
    except* Exception as eg:
        print(f"{now()}  {eg!r}")
    print(f"users kept its result: {users.result()!r}")


asyncio.run(main())
