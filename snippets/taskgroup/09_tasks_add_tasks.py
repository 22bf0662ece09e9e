"""Tasks can add tasks to their own TaskGroup, which waits for them all: the crawl ends at 0.3 s."""

import asyncio

LINKS = {"/": ["/a", "/b"], "/a": ["/a/1"]}


async def crawl(tg: asyncio.TaskGroup, page: str, seen: list[str]) -> None:
    await asyncio.sleep(0.1)  # download the page
    seen.append(page)
    for link in LINKS.get(page, []):
        print(f"{page} adds a task for {link}")
        tg.create_task(crawl(tg, link, seen))


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    seen: list[str] = []
    async with asyncio.TaskGroup() as tg:
        tg.create_task(crawl(tg, "/", seen))
        print("body ends; the group waits")
    print(f"group done at {loop.time() - start:.1f} s, crawled {sorted(seen)}")


asyncio.run(main())
