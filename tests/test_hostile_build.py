"""A build with hostile pages fails naming every hostile snippet, and changes nothing outside
its output folder: not the pages, not the repository, not the cache."""

import hashlib
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.docutils import docutils_namespace

import sandbox
import snippet_runner

CONF_DIR = Path(__file__).resolve().parent.parent / "conf"
REPO = snippet_runner.REPO_ROOT

WRITES = '''"""Tries to change the pages, the repository and the build's configuration."""
import os

for target in {targets!r}:
    try:
        with open(target, "a") as file:
            file.write("# changed by a snippet\\n")
        print("wrote", target)
    except OSError as error:
        print("refused:", type(error).__name__)
'''

CONNECTS = '''"""Tries to reach the network and to read the build's secrets."""
import os
import socket

try:
    socket.create_connection(("127.0.0.1", {port}), timeout=1)
    print("connected")
except OSError as error:
    print("no network:", type(error).__name__)
environ = open("/proc/self/environ").read()
print("secret seen:", "HANDBOOK_BUILD_SECRET" in environ or {secret!r} in str(os.environ))
'''


def tree_digest(root: Path, skip: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and skip not in p.parents):
        digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()


def test_a_build_with_hostile_pages_fails_naming_each_and_changes_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if sandbox.mode() != "bwrap":
        pytest.skip("checks the sandboxed runs")
    monkeypatch.setenv("HANDBOOK_BUILD_SECRET", "s3cret-build-token")
    src, out = tmp_path / "src", tmp_path / "out"
    (src / "snippets").mkdir(parents=True)
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(CONF_DIR)!r})\n"
        'extensions = ["myst_parser", "exec_snippet"]\nexec_code_example_dir = "snippets"\n'
    )
    listener = __import__("socket").create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    targets = [str(src / "index.md"), str(src / "conf.py"), str(REPO / "conf" / "conf.py")]
    snippets = {
        "writes_everywhere.py": WRITES.format(targets=targets),
        "phones_home.py": CONNECTS.format(port=port, secret="s3cret-build-token"),
    }
    for name, text in snippets.items():
        (src / "snippets" / name).write_text(text)
        # What a careless reviewer might accept: the snippet claims it did nothing.
        (src / "snippets" / name).with_suffix(".out").write_text("nothing happened\n")
    blocks = "".join(f"\n```{{exec_code}}\n:filename: {name}\n```\n" for name in snippets)
    (src / "index.md").write_text(f"# Hostile\n{blocks}")
    repo_before = subprocess.run(["git", "status", "--porcelain"], cwd=REPO, capture_output=True).stdout
    src_before = tree_digest(src, out)
    with docutils_namespace(), pytest.raises(SphinxError) as caught:
        app = Sphinx(src, src, out / "html", out / "doctrees", "html", status=StringIO(), warning=StringIO())
        app.build()
    message = str(caught.value)
    for name in snippets:
        assert f"snippets/{name}" in message, message
    assert message.count("+refused: ") == len(targets), message  # not even there to be written
    assert "+wrote" not in message
    assert "no network:" in message and "secret seen: False" in message
    listener.settimeout(0.1)
    with pytest.raises(TimeoutError):
        listener.accept()
    listener.close()
    assert tree_digest(src, out) == src_before
    assert (
        subprocess.run(["git", "status", "--porcelain"], cwd=REPO, capture_output=True).stdout == repo_before
    )
    assert not (out / "html" / "index.html").exists(), "a failed page never remains in the output"
