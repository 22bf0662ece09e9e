"""A pending task that nothing refers to is collected, and asyncio reports the task it lost."""

import asyncio
import gc


async def wait_for_reply(replies: dict[int, asyncio.Future[str]], request_id: int) -> None:
    reply = await replies[request_id]
    print(f"request {request_id}: {reply}")


async def main() -> None:
    loop = asyncio.get_running_loop()
    replies: dict[int, asyncio.Future[str]] = {7: loop.create_future()}
    asyncio.create_task(wait_for_reply(replies, 7), name="reply-7")  # noqa: RUF006
    await asyncio.sleep(0.1)  # the task starts and waits for its future
    replies.clear()  # connection lost: nobody will ever complete that future
    print("before gc.collect()")
    gc.collect()  # a real program collects at some unpredictable moment
    print("after gc.collect(): main goes on")


asyncio.run(main())
