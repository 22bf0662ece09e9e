"""How a snippet's captured output becomes the text pages show and tests compare.

One module, used by the build's runner (``snippet_runner.py``) and shipped into the reader's
browser with the Run button's runner (``browser_runner.py``, in Pyodide), so a run in the page
is normalised exactly as a run in the build. Standard library only.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# The files that run a snippet as a script, whose frames are dropped (rule 5): the pre-warmed
# worker (snippet_forkserver.WORKER) and the browser's runner (the Run button, in Pyodide).
WORKER_NAME = "snippet_worker.py"
BROWSER_RUNNER_NAME = "browser_runner.py"
# A standard-library file: /usr/lib/python3.14/..., or, in Pyodide, its zip /lib/python314.zip/...
_STDLIB_FRAME = re.compile(r'File "[^"]*?/lib/python3(?:\.\d+|\d+\.zip)/([^"]+)"')
_STDLIB_FRAME_LINE = re.compile(r'^\s*File "<stdlib>/')
_CARET_LINE = re.compile(r"^\s*[~^]+\s*$")
_FRAME_LINE = re.compile(r'^\s*File "')
_WORKER_FRAME_LINE = re.compile(
    rf'^\s*File "[^"]*/(?:{re.escape(WORKER_NAME)}|{re.escape(BROWSER_RUNNER_NAME)})", line'
)
STDLIB_FRAMES = "  [... frames inside the standard library ...]"
# The snippet libraries' folder in a run's site-packages (snippet_packages.SITE_NAME),
# wherever an interpreter keeps it.
PACKAGES_SITE_NAME = "handbook-packages"
_PACKAGES_PATH = re.compile(rf'[^\s"\'(]*/{re.escape(PACKAGES_SITE_NAME)}/')
_PACKAGES_FRAME_LINE = re.compile(r'^\s*File "site-packages/')
PACKAGES_FRAMES = "  [... frames inside installed libraries ...]"


def normalise(text: str, workdir: Path, workdir_inside: str | None = None) -> str:
    """Make output independent of the machine, the run and the patch release of Python.

    The rules, in order (each has a test in tests/test_normalise.py):
    1. ``\\r\\n`` becomes ``\\n``; trailing spaces and trailing blank lines are dropped.
    2. The temporary working directory disappears from paths, so a traceback names the
       snippet as ``File "name.py"``, as it would for a reader running ``python name.py``.
    3. In tracebacks, a run of standard-library frames (their line numbers change with every
       patch release) becomes one line: ``[... frames inside the standard library ...]``.
       The standard library is ``.../lib/python3.X/``, or in Pyodide ``/lib/python3X.zip/``.
       Frames of the snippet libraries (``snippets/requirements.txt``) likewise become
       ``[... frames inside installed libraries ...]``, and any other mention of their folder
       reads ``site-packages/``: where it is differs between interpreters and readers.
    4. Caret lines under traceback source lines (``^^^^``, ``~~~^^``; they differ between
       3.11, 3.12 and 3.13) are dropped.
    5. A frame of the pre-warmed worker (``snippet_worker.py``, the outermost frame of a forked
       run, shown by tracemalloc), or of the browser's runner (``browser_runner.py``, shown by a
       debug-mode creation stack), is dropped with its source line: ``python name.py`` has none.
    """
    text = text.replace("\r\n", "\n")
    inside = {workdir_inside + "/"} if workdir_inside else set()
    for prefix in {str(workdir) + os.sep, str(workdir.resolve()) + os.sep, *inside}:
        text = text.replace(prefix, "")
    text = _PACKAGES_PATH.sub("site-packages/", text)
    text = _STDLIB_FRAME.sub(r'File "<stdlib>/\1"', text)
    lines: list[str] = []
    in_stdlib_frame = in_worker_frame = False
    for line in text.split("\n"):
        line = line.rstrip()
        if _CARET_LINE.match(line):
            continue
        if _WORKER_FRAME_LINE.match(line):
            in_worker_frame = True
            continue
        if in_worker_frame:
            in_worker_frame = False
            if line.startswith("    ") and not _FRAME_LINE.match(line):
                continue  # the worker's source line
        if _STDLIB_FRAME_LINE.match(line) or _PACKAGES_FRAME_LINE.match(line):
            collapsed = STDLIB_FRAMES if _STDLIB_FRAME_LINE.match(line) else PACKAGES_FRAMES
            if lines[-1:] != [collapsed]:
                lines.append(collapsed)
            in_stdlib_frame = True
            continue
        if in_stdlib_frame and line.startswith("    ") and not _FRAME_LINE.match(line):
            continue  # the source line of a standard-library frame
        in_stdlib_frame = False
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)
