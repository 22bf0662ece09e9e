"""Fixed: await every coroutine; then the check really runs and so does the audit log."""

import asyncio


async def is_admin(user: str) -> bool:
    await asyncio.sleep(0.1)  # asks the user database
    return user == "root"


async def record_login(user: str) -> None:
    await asyncio.sleep(0.1)  # writes to the audit log
    print(f"login of {user} recorded")


async def main() -> None:
    if await is_admin("mallory"):
        print("mallory gets the admin page")
    else:
        print("mallory is refused")
    await record_login("mallory")
    print("main returns")


asyncio.run(main())
