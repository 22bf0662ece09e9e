"""asyncio.wait() raises TypeError for coroutines or a lone task; a list of tasks and futures works."""

import asyncio


async def job() -> str:
    await asyncio.sleep(1.0)
    return "task result"


async def main() -> None:
    coro = job()
    try:
        await asyncio.wait([coro])  # type: ignore[type-var]
    except TypeError as exc:
        print(f"a list of coroutines -> TypeError: {exc}")
    coro.close()  # it never ran; closing it avoids a "never awaited" warning

    task = asyncio.create_task(job())
    try:
        await asyncio.wait(task)  # type: ignore[type-var]
    except TypeError as exc:
        print(f"a lone task          -> TypeError: {exc}")
    try:
        finished, _ = await asyncio.wait(t for t in [task])
        print(f"a generator of tasks -> accepted, {len(finished)} done")
    except TypeError as exc:
        print(f"a generator of tasks -> TypeError: {exc}")

    loop = asyncio.get_running_loop()
    future: asyncio.Future[str] = loop.create_future()
    loop.call_later(2.0, future.set_result, "future result")
    done, _ = await asyncio.wait([task, future])  # a list of tasks and futures: always fine
    print(f"a task and a future  -> {sorted(f.result() for f in done)}")


asyncio.run(main())
