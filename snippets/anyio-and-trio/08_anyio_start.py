"""AnyIO's TaskGroup.start(): returns the value the child passes to task_status.started()."""

import anyio
from anyio.abc import TaskStatus


async def main() -> None:
    start = anyio.current_time()

    def now() -> str:
        return f"{anyio.current_time() - start:.1f} s"

    async def serve(port: int, *, task_status: TaskStatus[int] = anyio.TASK_STATUS_IGNORED) -> None:
        await anyio.sleep(0.2)  # binding the socket...
        if port == 80:
            raise PermissionError(f"cannot bind port {port}")
        if port == 0:
            return  # a bug: gives up without a word
        task_status.started(port)
        print(f"{now()}  server: listening on {port}")
        await anyio.sleep(1.0)  # serving, then closing for this demo
        print(f"{now()}  server: closed")

    for port in (8080, 80, 0):
        async with anyio.create_task_group() as tg:
            try:
                listening = await tg.start(serve, port, name=f"serve-{port}")
            except (PermissionError, RuntimeError) as exc:
                print(f"{now()}  main: start() raised {exc!r}")
            else:
                print(f"{now()}  main: server ready on {listening}, sending requests")
        print(f"{now()}  main: group over, no error left")


anyio.run(main)
