"""The standard library the Run button's Pyodide loads carries its byte code (a faster first
Run, conf/pyodide_stdlib.py), and nothing a reader sees changes: the modules come from the byte
code, and a traceback through them names the same files, lines and source as from sources."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from browser.conftest import NODE_MODULES

# Loads Pyodide from npm with the standard library at argv[2], runs Python that fails inside
# the standard library, and prints where the module came from and the traceback.
PROBE = """
import { loadPyodide } from "%s";
const pyodide = await loadPyodide({ stdLibURL: process.argv[2], stdout: () => {}, stderr: () => {} });
console.log(pyodide.runPython(`
import json, json.decoder, traceback
try:
    json.loads("{")
except ValueError:
    shown = traceback.format_exc()
json.dumps({"file": json.decoder.__file__, "traceback": shown})
`));
"""


def probe(stdlib: Path, tmp_path: Path) -> dict[str, str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node is not on PATH; the Run button's tests need it (and npm ci)")
    script = tmp_path / "probe.mjs"
    script.write_text(PROBE % (NODE_MODULES / "pyodide" / "pyodide.mjs").as_uri())
    done = subprocess.run([node, str(script), str(stdlib)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_pages_python_runs_its_library_from_byte_code_with_the_same_tracebacks(
    site_dir: Path, tmp_path: Path
) -> None:
    shipped = probe(site_dir / "_static" / "run-in-browser" / "pyodide" / "python_stdlib.zip", tmp_path)
    sources_only = probe(NODE_MODULES / "pyodide" / "python_stdlib.zip", tmp_path)
    assert shipped["file"].endswith("/json/decoder.pyc")
    assert sources_only["file"].endswith("/json/decoder.py")
    assert 'decoder.py", line' in shipped["traceback"]
    assert shipped["traceback"] == sources_only["traceback"]
