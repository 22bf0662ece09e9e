"""Two stages joined by queues: two downloaders feed one parser; join() each queue in order, then stop."""

import asyncio

PAGES = {"a": 1.0, "b": 1.4, "c": 0.6, "d": 0.7, "e": 0.9}  # page -> download time


async def download(name: str, urls: asyncio.Queue[str], pages: asyncio.Queue[str], start: float) -> None:
    loop = asyncio.get_running_loop()
    while True:
        url = await urls.get()
        await asyncio.sleep(PAGES[url])
        print(f"{loop.time() - start:.1f} s  {name} fetched {url}")
        await pages.put(url)  # hand it on first ...
        urls.task_done()  # ... then mark it done, so urls.join() implies "all handed on"


async def parse(pages: asyncio.Queue[str], start: float) -> None:
    loop = asyncio.get_running_loop()
    while True:
        page = await pages.get()
        await asyncio.sleep(0.3)
        print(f"{loop.time() - start:.1f} s    parser parsed {page}")
        pages.task_done()


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    urls: asyncio.Queue[str] = asyncio.Queue()
    pages: asyncio.Queue[str] = asyncio.Queue(maxsize=2)  # stage 1 waits if stage 2 lags
    async with asyncio.TaskGroup() as tg:
        workers = [tg.create_task(parse(pages, start), name="parser")]
        for name in ("download-0", "download-1"):
            workers.append(tg.create_task(download(name, urls, pages, start), name=name))
        for url in PAGES:
            await urls.put(url)
        await urls.join()  # stage 1 finished and handed everything to stage 2
        await pages.join()  # stage 2 finished
        for worker in workers:
            worker.cancel()
    in_turn = sum(PAGES.values()) + 0.3 * len(PAGES)
    print(f"{loop.time() - start:.1f} s  pipeline done (every step in turn: {in_turn:.1f} s)")


asyncio.run(main())
