"""The normalisation rules of snippet_runner.normalise (snippet_output.py), one test each."""

from pathlib import Path

import snippet_forkserver
import snippet_output
from snippet_output import PACKAGES_FRAMES, STDLIB_FRAMES, normalise

WORKDIR = Path("/tmp/snippet-abc/run")


def test_line_endings_trailing_spaces_and_blank_lines() -> None:
    assert normalise("a  \r\nb\n\n\n", WORKDIR) == "a\nb"


def test_the_working_directory_disappears_from_paths() -> None:
    assert normalise('File "/tmp/snippet-abc/run/demo.py", line 3', WORKDIR) == 'File "demo.py", line 3'


def test_runs_of_standard_library_frames_become_one_line() -> None:
    traceback = "\n".join(
        [
            "Traceback (most recent call last):",
            '  File "demo.py", line 9, in <module>',
            "    asyncio.run(main())",
            '  File "/root/.pyenv/versions/3.11.7/lib/python3.11/asyncio/runners.py", line 190, in run',
            "    return runner.run(main)",
            '  File "/usr/lib/python3.12/asyncio/base_events.py", line 653, in run_until_complete',
            "    return future.result()",
            '  File "demo.py", line 6, in main',
            '    raise ValueError("boom")',
            "ValueError: boom",
        ]
    )
    assert normalise(traceback, WORKDIR).splitlines() == [
        "Traceback (most recent call last):",
        '  File "demo.py", line 9, in <module>',
        "    asyncio.run(main())",
        STDLIB_FRAMES,
        '  File "demo.py", line 6, in main',
        '    raise ValueError("boom")',
        "ValueError: boom",
    ]


def test_frames_and_paths_of_the_snippet_libraries_read_the_same_on_every_interpreter() -> None:
    pyenv = "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/handbook-packages"
    debian = "/usr/local/lib/python3.15/dist-packages/handbook-packages"
    for folder in (pyenv, debian):
        text = "\n".join(
            [
                '  File "demo.py", line 9, in <module>',
                "    anyio.run(main)",
                f'  File "{folder}/anyio/_core/_eventloop.py", line 74, in run',
                "    return async_backend.run(func, args, {}, backend_options)",
                '  File "/usr/lib/python3.15/asyncio/runners.py", line 195, in run',
                "    return runner.run(main)",
                f"{folder}/pytest_asyncio/plugin.py:306: PytestDeprecationWarning: unset",
            ]
        )
        assert normalise(text, WORKDIR).splitlines() == [
            '  File "demo.py", line 9, in <module>',
            "    anyio.run(main)",
            PACKAGES_FRAMES,
            STDLIB_FRAMES,
            "site-packages/pytest_asyncio/plugin.py:306: PytestDeprecationWarning: unset",
        ]


def test_caret_lines_are_dropped() -> None:
    text = "    return future.result()\n           ^^^^^^^^^^^^^^^\n    x = a[1]\n        ~^^^\nok"
    assert normalise(text, WORKDIR) == "    return future.result()\n    x = a[1]\nok"


def test_ordinary_output_is_untouched() -> None:
    text = "Task-1 started\n    indented result: [1, 2]\n^ not a caret line"
    assert normalise(text, WORKDIR) == text


def test_the_pre_warmed_workers_frame_disappears() -> None:
    # tracemalloc shows the outermost frame of a forked run; `python demo.py` has no such frame.
    allocation = "\n".join(
        [
            "Object allocated at (most recent call last):",
            '  File "/home/me/handbook/conf/snippet_worker.py", lineno 125',
            "    exec(_code, _namespace)",
            '  File "demo.py", lineno 28',
            "    asyncio.run(main())",
        ]
    )
    assert normalise(allocation, WORKDIR).splitlines() == [
        "Object allocated at (most recent call last):",
        '  File "demo.py", lineno 28',
        "    asyncio.run(main())",
    ]


def test_pyodides_zipped_standard_library_is_standard_library_too() -> None:
    # The Run button's runner (browser_runner.py) runs Pyodide, whose standard library is a zip.
    traceback = [
        "Traceback (most recent call last):",
        '  File "/home/reader/demo.py", line 9, in <module>',
        "    asyncio.run(main())",
        '  File "/lib/python314.zip/asyncio/runners.py", line 204, in run',
        '  File "/lib/python314.zip/asyncio/base_events.py", line 720, in run_until_complete',
        "ValueError: boom",
    ]
    assert normalise("\n".join(traceback), Path("/home/reader")).splitlines() == [
        *traceback[:1],
        '  File "demo.py", line 9, in <module>',
        traceback[2],
        STDLIB_FRAMES,
        traceback[-1],
    ]


def test_the_worker_named_here_is_the_pre_warmed_worker() -> None:
    assert snippet_forkserver.WORKER.name == snippet_output.WORKER_NAME


def test_the_browser_runners_frame_disappears() -> None:
    # A debug-mode task's creation stack starts at the outermost frame: in the browser, the runner's.
    stack = [
        "The task was created at (most recent call last):",
        '  File "/lib/python3.14/site-packages/browser_runner.py", line 116, in run',
        '  File "/home/reader/demo.py", line 31, in <module>',
        "    asyncio.run(main(), debug=True)",
    ]
    assert normalise("\n".join(stack), Path("/home/reader")).splitlines() == [
        stack[0],
        '  File "demo.py", line 31, in <module>',
        stack[3],
    ]
