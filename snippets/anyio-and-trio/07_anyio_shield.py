"""AnyIO's CancelScope(shield=True) protects a block: cleanup inside a cancelled scope can await again."""

import anyio


async def main() -> None:
    start = anyio.current_time()
    cancelled = anyio.get_cancelled_exc_class()

    def now() -> str:
        return f"{anyio.current_time() - start:.1f} s"

    async def close_connection() -> None:
        await anyio.sleep(0.5)
        print(f"{now()}  connection closed")

    async def worker(shielded: bool) -> None:
        try:
            await anyio.sleep(10)
        except cancelled:
            print(f"{now()}  worker: cancelled, closing the connection")
            try:
                if shielded:
                    with anyio.CancelScope(shield=True):
                        await close_connection()
                else:
                    await close_connection()  # still inside the cancelled scope
            except cancelled:
                print(f"{now()}  worker: the cleanup's first await raised at once")
            raise

    for shielded in (False, True):
        print(f"-- cleanup {'inside CancelScope(shield=True)' if shielded else 'as a plain await'}")
        start = anyio.current_time()
        async with anyio.create_task_group() as tg:
            tg.start_soon(worker, shielded)
            await anyio.sleep(1.0)
            tg.cancel_scope.cancel()
        print(f"{now()}  main: task group left, every task in it has finished")


anyio.run(main)
