"""Pyodide's standard library with its byte code, for a faster first Run.

Pyodide's ``python_stdlib.zip`` holds sources only: on a reader's first Run, Pyodide compiled
the hundred-odd modules it imports at start, in WebAssembly, before the program ran (about
2 of the 4 seconds to the first output, measured here in Chromium). ``pyodide_stdlib.mjs``
has the very same Pyodide, under Node, add each module's byte code beside its source; the
site ships that zip instead (7 MB instead of 2.5, fetched only on a first Run). Made once per
Pyodide release and script, then taken from the cache. Without Node, the site ships the
sources-only zip and says so in one line.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

SCRIPT = Path(__file__).with_suffix(".mjs")
CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "pyodide-stdlib"
NAME = "python_stdlib.zip"
TIMEOUT_S = 300


def compiled(pyodide_dir: Path, cache_dir: Path = CACHE_DIR) -> Path | None:
    """The library with byte code (None without Node). A failure to make it stops the build."""
    node = shutil.which("node")
    if node is None:
        return None
    key = hashlib.sha256()
    for part in (pyodide_dir / "package.json", pyodide_dir / NAME, SCRIPT):
        key.update(part.read_bytes())
    target = cache_dir / f"{key.hexdigest()[:16]}.zip"
    if target.is_file():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir) as work:
        made = Path(work) / NAME
        done = subprocess.run(
            [node, str(SCRIPT), str(pyodide_dir.resolve()), str(made)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0 or not made.is_file():
            raise RuntimeError(f"{SCRIPT.name} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
        os.replace(made, target)  # whole or not at all, for a build running beside this one
    return target
