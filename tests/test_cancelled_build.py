"""A cancelled build leaves nothing behind: no process, no folder, no control group.

A build is stopped with SIGTERM (what CI and hosting builders send) while a snippet that hangs
is being verified; every process the build started, the snippet runs in their sandboxes
included, must be gone soon after, with their folders.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

import cgroups
import sandbox
from conftest import fixture_snippet

CONF_DIR = Path(__file__).resolve().parent.parent / "conf"
DEADLINE_S = 30.0


def descendants(root: int) -> dict[int, str]:
    """Every live process under ``root`` (pid: start time, to tell a reused pid apart)."""
    parents: dict[int, int] = {}
    started: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
            started[int(entry.name)] = fields[19]
    found, frontier = {}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in found:
                found[pid] = started[pid]
                frontier.append(pid)
    return found


def alive(pid: int, started: str) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[19] == started and fields[0] != "Z"


def leftovers(pids: Iterable[int]) -> set[str]:
    """Folders and control groups that these processes made (each name says whose it is):
    other tests running side by side make their own."""
    found = set(Path("/dev/shm").glob("handbook-runs-*"))
    found |= set(Path(os.environ.get("TMPDIR", "/tmp")).glob("snippet-handoff-*"))
    found |= set((cgroups.ROOT / "pids").glob("handbook-*"))
    mine = {str(pid) for pid in pids}
    return {str(path) for path in found if path.name.split("-")[-2] in mine}


def wait_for(condition: Callable[[], bool], what: str, state: Callable[[], object] = lambda: "") -> None:
    deadline = time.monotonic() + DEADLINE_S
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"still waiting after {DEADLINE_S:g} s for {what} {state()}")
        time.sleep(0.05)


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


@pytest.mark.parametrize("prefetch_killed_first", [False, True], ids=["sigterm", "prefetch-killed-first"])
def test_a_build_stopped_with_sigterm_leaves_no_process_folder_or_group(
    tmp_path: Path, prefetch_killed_first: bool
) -> None:
    """``prefetch_killed_first``: the process verifying snippets beside the build is killed
    outright (as the OOM killer would) and cannot clean up; the build removes what it left."""
    if sandbox.mode() != "bwrap":
        pytest.skip("checks the sandboxed runs")
    src = tmp_path / "src"
    (src / "snippets").mkdir(parents=True)
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(CONF_DIR)!r})\n"
        'extensions = ["myst_parser", "exec_snippet"]\n'
        'exec_code_example_dir = "snippets"\nsnippets_timeout = 60.0\n'
    )
    name = f"hangs_{uuid.uuid4().hex[:8]}.py"
    hanging = src / "snippets" / name
    hanging.write_bytes(fixture_snippet("hangs_on_event").read_bytes())
    hanging.with_suffix(".out").write_text("never printed\n")
    (src / "index.md").write_text(f"# A page\n\n```{{exec_code}}\n:filename: {name}\n```\n")
    build = subprocess.Popen(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(tmp_path / "out")],
        env={**os.environ, "HANDBOOK_SNIPPET_CACHE": "off"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def builds_pids() -> set[int]:
        return {build.pid, *descendants(build.pid)}

    try:
        # Wait until the snippet runs: a run's folder appears in one of the build's runs folders.
        wait_for(lambda: any(Path(p).is_dir() and any(Path(p).iterdir()) for p in leftovers(builds_pids())
                             if "handbook-runs-" in p), "the hanging snippet to start")  # fmt: skip
        started = descendants(build.pid)
        pids = {build.pid, *started}
        assert started, "the build started no process"
        if prefetch_killed_first:
            prefetch = [pid for pid in started if b"snippet_prefetch.py" in cmdline(pid)]
            assert prefetch, "the build started no prefetch process"
            os.kill(prefetch[0], signal.SIGKILL)
            wait_for(lambda: not alive(prefetch[0], started[prefetch[0]]), "the prefetch process to die")
        build.send_signal(signal.SIGTERM)
        build.wait(timeout=DEADLINE_S)
        wait_for(lambda: not [pid for pid, at in started.items() if alive(pid, at)], "every run to end")
        wait_for(lambda: not leftovers(pids), "every folder and group to be removed", lambda: leftovers(pids))
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()


def test_a_finished_build_leaves_no_process_folder_or_group(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "snippets").mkdir(parents=True)
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(CONF_DIR)!r})\n"
        'extensions = ["myst_parser", "exec_snippet"]\nexec_code_example_dir = "snippets"\n'
    )
    hello = src / "snippets" / "hello.py"
    hello.write_bytes(fixture_snippet("hello").read_bytes())
    hello.with_suffix(".out").write_text("hello\n")
    (src / "index.md").write_text("# A page\n\n```{exec_code}\n:filename: hello.py\n```\n")
    build = subprocess.Popen(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(tmp_path / "out")],
        env={**os.environ, "HANDBOOK_SNIPPET_CACHE": "off"},
    )
    seen: dict[int, str] = {}
    while build.poll() is None:  # every process the build starts, while it runs
        seen |= descendants(build.pid)
        time.sleep(0.01)
    assert build.returncode == 0
    wait_for(lambda: not [pid for pid, at in seen.items() if alive(pid, at)], "every process to end")
    assert leftovers({build.pid, *seen}) == set()
