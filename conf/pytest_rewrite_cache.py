"""Write pytest's rewritten byte code for the snippet libraries that are pytest plugins.

pytest rewrites the asserts of every module of a plugin's distribution (AnyIO, pytest-asyncio,
looptime) as it imports them, and caches the result beside the source
(``__pycache__/NAME.cpython-3XX-pytest-X.Y.Z.pyc``). Runs see the libraries read-only, so
without this every run of a testing snippet would rewrite them all again: about 150 ms of CPU
a run, twice what the rest of its pytest start-up costs. A reader's second ``pytest`` run
reads the same cache; the output does not change.

Trusted code, run by ``snippet_packages`` once per lock and Python version, with the folder
writable: ``python -I pytest_rewrite_cache.py FOLDER`` (its text, through ``-c``, inside a
Debian root filesystem). A plain pytest run imports every module of those distributions in one
test, with writing byte code allowed; nothing of pytest's internals is called.
"""

import importlib.metadata
import sys
import tempfile
from pathlib import Path

folder = sys.argv[1]
# Only the standard library and the folder: a plugin installed in the interpreter's own
# site-packages must neither load nor get a cache written there.
sys.path[:] = [folder, *(path for path in sys.path if not path.endswith(("site-packages", "dist-packages")))]
sys.dont_write_bytecode = False

import pytest  # noqa: E402  (from the folder just put on the path)

modules = []
for dist in importlib.metadata.distributions(path=[folder]):
    if not any(entry.group == "pytest11" for entry in dist.entry_points):
        continue
    for file in dist.files or []:
        parts = Path(str(file)).with_suffix("").parts
        if str(file).endswith(".py") and parts and parts[-1] != "__main__":
            modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))

TEST = f"""
import importlib

def test_import_every_plugin_module():
    for name in {sorted(modules)!r}:
        try:
            importlib.import_module(name)
        except Exception:  # an optional dependency that is not there: nothing to cache
            pass
"""

with tempfile.TemporaryDirectory() as tmp:
    test = Path(tmp, "test_warm_up.py")
    test.write_text(TEST)
    options = ["-q", "-p", "no:cacheprovider", "-W", "ignore", "--rootdir", tmp]
    sys.exit(pytest.main([str(test), *options]))
