"""Broken: without await, a coroutine never runs, and a coroutine object is always true."""

import asyncio


async def is_admin(user: str) -> bool:
    await asyncio.sleep(0.1)  # asks the user database
    return user == "root"


async def record_login(user: str) -> None:
    await asyncio.sleep(0.1)  # writes to the audit log
    print(f"login of {user} recorded")


async def main() -> None:
    if is_admin("mallory"):  # a coroutine object is truthy: this check always passes
        print("mallory gets the admin page")
    record_login("mallory")  # type: ignore[unused-coroutine]  # runs nothing
    print("main returns")


asyncio.run(main())
