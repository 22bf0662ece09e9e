"""asyncio reports through the "asyncio" logger, so logging decides their format and where they go."""

import asyncio
import logging


class KeepRecords(logging.Handler):
    """A second destination, as an alerting or test handler would be: it keeps each record."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


async def ping(host: str) -> None:
    await asyncio.sleep(0.5)
    raise TimeoutError(f"{host} did not answer")


async def main() -> None:
    logging.basicConfig(format="%(levelname)s [%(name)s] %(message)s")
    kept = KeepRecords()
    logging.getLogger("asyncio").addHandler(kept)
    asyncio.create_task(ping("db-1"), name="ping:db-1")  # noqa: RUF006
    await asyncio.sleep(1.0)
    for record in kept.records:
        error = record.exc_info[1] if record.exc_info else None
        print(f"kept: {record.levelname} from {record.name!r}, exception {error!r}")


asyncio.run(main())
