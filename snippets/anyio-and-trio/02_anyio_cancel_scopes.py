"""AnyIO's cancel scopes: move_on_after() ends the block quietly, fail_after() raises TimeoutError."""

import asyncio

import anyio


async def main() -> None:
    start = anyio.current_time()

    def now() -> str:
        return f"{anyio.current_time() - start:.1f} s"

    gap = abs(anyio.current_time() - asyncio.get_running_loop().time())
    print(f"anyio.current_time() reads the asyncio loop's clock: {gap < 0.001}")

    # Move on: the scope catches its own cancellation; the code just goes on after it.
    with anyio.move_on_after(1.0) as scope:
        print(f"{now()}  deadline at {scope.deadline - start:.1f} s")
        await anyio.sleep(10)
        print("never printed")
    print(f"{now()}  moved on: cancel_called = {scope.cancel_called}")
    print(f"{now()}  cancelled_caught = {scope.cancelled_caught}")

    # The deadline is an attribute: assign to move it.
    with anyio.move_on_after(1.0) as scope:
        scope.deadline = anyio.current_time() + 3.0  # absolute, on the same clock
        await anyio.sleep(2)
        print(f"{now()}  still inside after 2 s, cancel_called = {scope.cancel_called}")
    print(f"{now()}  block left normally, cancelled_caught = {scope.cancelled_caught}")

    # Fail: fail_after() turns its own cancellation into TimeoutError.
    try:
        with anyio.fail_after(1.0) as scope:
            await anyio.sleep(10)
    except TimeoutError:
        print(f"{now()}  TimeoutError, cancelled_caught = {scope.cancelled_caught}")

    # Cancel by hand: a CancelScope with no deadline, cancelled by a call.
    with anyio.CancelScope() as scope:
        scope.cancel()
        print(f"{now()}  cancel() called, the block goes on until its next await")
        await anyio.sleep(10)
        print("never printed")
    print(f"{now()}  left at once: cancelled_caught = {scope.cancelled_caught}")


anyio.run(main)
