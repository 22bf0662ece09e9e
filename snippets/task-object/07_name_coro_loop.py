"""An unnamed task is named Task-N; get_coro() and get_loop() give its own coroutine and loop."""

import asyncio
import inspect


async def fetch(url: str) -> str:
    await asyncio.sleep(0.1)
    return f"body of {url}"


async def main() -> None:
    unnamed = asyncio.create_task(fetch("a.example"))
    named = asyncio.create_task(fetch("b.example"), name="fetch b")
    print("default name:", unnamed.get_name(), "| given name:", named.get_name())
    unnamed.set_name("fetch a")
    print("after set_name:", unnamed.get_name())

    coro = fetch("c.example")
    task = asyncio.create_task(coro)
    print("get_coro() is the coroutine passed in:", task.get_coro() is coro)
    print("coroutine state:", inspect.getcoroutinestate(coro))
    await asyncio.sleep(0)
    print("coroutine state:", inspect.getcoroutinestate(coro))
    await task
    print("coroutine state:", inspect.getcoroutinestate(coro))
    print("get_loop() is the running loop:", task.get_loop() is asyncio.get_running_loop())
    await asyncio.gather(unnamed, named)


asyncio.run(main())
