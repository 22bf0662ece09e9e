"""anyio.create_task_group(): the same rules as asyncio.TaskGroup; start_soon() returns no task to ask."""

import anyio


async def main() -> None:
    start = anyio.current_time()
    cancelled = anyio.get_cancelled_exc_class()
    results: dict[str, str] = {}

    def now() -> str:
        return f"{anyio.current_time() - start:.1f} s"

    async def job(name: str, seconds: float, error: Exception | None = None) -> None:
        try:
            await anyio.sleep(seconds)
        except cancelled:
            print(f"{now()}  {name}: cancelled")
            raise
        if error is not None:
            print(f"{now()}  {name}: raises {error!r}")
            raise error
        print(f"{now()}  {name}: done")
        results[name] = f"{name} result"  # start_soon() returns None: results go elsewhere

    try:
        async with anyio.create_task_group() as tg:
            tg.start_soon(job, "users", 0.3, name="users")
            tg.start_soon(job, "orders", 0.5, ConnectionError("orders down"), name="orders")
            tg.start_soon(job, "audit", 0.5, ValueError("bad record"), name="audit")
            tg.start_soon(job, "prices", 2.0, name="prices")
            try:
                await anyio.sleep(5)
            except cancelled:
                print(f"{now()}  body: cancelled")
                raise
    except* Exception as eg:
        print(f"{now()}  {eg!r}")
    print(f"users kept its result: {results['users']!r}")


anyio.run(main)
