# Requires Python 3.14 or newer.
"""Python 3.14: an InterpreterPoolExecutor runs CPU-bound calls in subinterpreters, each with its own GIL."""

import asyncio
import concurrent.futures
import sys

assert sys.version_info >= (3, 14), "InterpreterPoolExecutor needs Python 3.14 or newer"


def count_primes(limit: int) -> tuple[int, bool]:
    """Runs in a worker's own interpreter; it uses only its argument and what it imports."""
    import concurrent.interpreters as interpreters

    primes = sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))
    return primes, interpreters.get_current() != interpreters.get_main()


async def main() -> None:
    loop = asyncio.get_running_loop()
    with concurrent.futures.InterpreterPoolExecutor(max_workers=2) as pool:
        calls = [loop.run_in_executor(pool, count_primes, limit) for limit in (10_000, 50_000)]
        for limit, (primes, elsewhere) in zip((10_000, 50_000), await asyncio.gather(*calls), strict=True):
            print(f"primes below {limit}: {primes}, counted in another interpreter: {elsewhere}")


if __name__ == "__main__":  # a worker may run this file again, under another name, to find globals
    asyncio.run(main())
