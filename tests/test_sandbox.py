"""The sandbox against hostile snippets: one test per class of attack (secrets, writes,
network, processes that outlive a run, the runner's own processes, denial of service, the
runner's records, what a run can see).

Each attack is a small, complete program in tests/fixtures/hostile/ whose docstring says what
it tries. Values only the test knows (the repository's path, a port, a marker) are written
into a copy in ``tmp_path`` as ``@@NAME@@`` placeholders are replaced. Every test runs once
per runner (fresh interpreter, forked worker child) and, where cheap, on one pyenv and one
Debian interpreter. Nothing here touches the machine beyond ``tmp_path`` and sockets it
closes; the tests check afterwards that the snippet left nothing either.
"""

import os
import socket
import sysconfig
import time
import uuid
from pathlib import Path

import pytest

import interpreters
import sandbox
import snippet_forkserver
import snippet_packages
import snippet_runner
from conftest import fixture_snippet
from interpreters import Interpreter
from snippet_runner import Limits

pytestmark = pytest.mark.skipif(
    sandbox.mode() != "bwrap",
    reason=f"snippet runs are not sandboxed here: {sandbox.why_unavailable() or 'HANDBOOK_SANDBOX=off'}",
)

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
REPO = Path(__file__).resolve().parent.parent
HOST_HOME = Path.home()
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or HOST_HOME / ".cache") / "asyncio-task-handbook"


def hostile_snippet(tmp_path: Path, name: str, **values: object) -> Path:
    """A copy of tests/fixtures/hostile/<name>.py in ``tmp_path``, its ``@@KEY@@``
    placeholders replaced by ``values``."""
    text = (HOSTILE / f"{name}.py").read_text(encoding="utf-8")
    for key, value in values.items():
        placeholder = f"@@{key}@@"
        assert placeholder in text, f"{name}.py has no {placeholder}"
        text = text.replace(placeholder, str(value))
    assert "@@" not in text, f"{name}.py has a placeholder the test did not fill"
    path = tmp_path / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    return path


def marker() -> str:
    """A string no process on the machine has in its command line or name: 12 characters,
    short enough for a process name (comm)."""
    return f"hb{uuid.uuid4().hex[:10]}"


def host_processes_with(text: str, field: str = "cmdline") -> list[int]:
    """Processes of the host (every PID namespace) whose /proc/<pid>/<field> contains text."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if text.encode() in Path(f"/proc/{pid}/{field}").read_bytes():
                found.append(int(pid))
        except OSError:
            continue  # ended meanwhile
    return found


def no_process_left_with(text: str, field: str = "cmdline") -> list[int]:
    """The host's processes still carrying ``text`` after a run; a process being killed may
    take a moment to disappear from /proc, so this polls for up to a second."""
    deadline = time.monotonic() + 1
    while (left := host_processes_with(text, field)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def _newest(origin: str) -> Interpreter | None:
    found = [interpreter for interpreter in interpreters.discover() if interpreter.origin == origin]
    return found[-1] if found else None


@pytest.fixture(params=["pyenv", "Debian sid"])
def python(request: pytest.FixtureRequest) -> Interpreter:
    """One interpreter of this machine (pyenv's) and one in a root filesystem (Debian's)."""
    interpreter = _newest(str(request.param))
    if interpreter is None:
        pytest.skip(f"no {request.param} interpreter here (Debian's: `nox -s pythons`)")
    return interpreter


@pytest.fixture(params=["fresh", "forked"])
def runner(request: pytest.FixtureRequest) -> snippet_runner.Runner:
    return request.param  # type: ignore[no-any-return]


def run(path: Path, runner: snippet_runner.Runner, python: Interpreter, **options: object) -> str:
    return snippet_runner.run_snippet(path, python=python, runner=runner, **options).output  # type: ignore[arg-type]


def lines_of(output: str) -> dict[str, str]:
    """``label: result`` lines as a dictionary."""
    return dict(line.split(": ", 1) for line in output.splitlines() if ": " in line)


def still_works(runner: snippet_runner.Runner, python: Interpreter) -> None:
    assert run(fixture_snippet("hello"), runner, python) == "hello"


# -- 1. Secrets ------------------------------------------------------------------------------


def test_the_builds_secrets_are_not_readable(
    tmp_path: Path, runner: snippet_runner.Runner, python: Interpreter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDBOOK_TEST_SECRET", "s3cret")
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text("s3cret\n")
    candidates = [
        secret_file,
        REPO / "conf" / "conf.py",
        REPO / "pyproject.toml",
        REPO / ".git" / "config",
        *(HOST_HOME / name for name in (".bashrc", ".profile", ".gitconfig", ".npmrc")),
    ]
    files = [path for path in candidates if path.is_file()]
    snippet = hostile_snippet(
        tmp_path, "reads_secrets", BUILD_PID=os.getpid(), FILES=":".join(map(str, files))
    )
    output = run(snippet, runner, python)
    assert "s3cret" not in output and "HANDBOOK_TEST_SECRET" not in output
    seen = lines_of(output)
    assert seen["os.environ"].startswith("{") and "/proc/self/environ" in seen  # it did look
    for path in files:
        result = seen[str(path)]
        if result.startswith("read "):
            # A file of that name in the interpreter's own root filesystem (Debian's /root/.bashrc)
            # is not the host's: the host's file would have the host's device and inode.
            host = path.stat()
            assert not result.endswith(f"inode {host.st_dev}:{host.st_ino}"), f"{path} is readable"
        else:
            assert result in ("FileNotFoundError", "PermissionError"), (path, result)
    assert seen[f"/proc/{os.getpid()}/environ"] == "FileNotFoundError"  # the build is not in its world


# -- 2. Writes -------------------------------------------------------------------------------


def _write_targets_on_host(python: Interpreter, name: str) -> list[Path]:
    """Where writes_everywhere's files would be on the host if any write got through."""
    inside_to_host = (lambda path: python.root / path.lstrip("/")) if python.root else Path
    stdlib = f"{python.prefix}/lib/python{interpreters.minor_name(python.minor)}"
    return [
        REPO / name,
        REPO / "conf" / name,
        Path(sysconfig.get_paths()["purelib"]) / name,
        CACHE / name,
        inside_to_host(stdlib) / name,
        inside_to_host(python.site_dir) / name,
        snippet_packages.folder() / name,
        Path("/tmp") / name,
        Path("/dev/shm") / name,
    ]


def _writes_everywhere(tmp_path: Path, name: str) -> Path:
    return hostile_snippet(
        tmp_path,
        "writes_everywhere",
        NAME=name,
        REPO=REPO,
        BUILD_SITE=sysconfig.get_paths()["purelib"],
        CACHE=CACHE,
    )


def test_writes_never_reach_the_host_and_the_next_run_starts_with_empty_private_folders(
    tmp_path: Path, runner: snippet_runner.Runner, python: Interpreter
) -> None:
    name = f"left-behind-{marker()}"
    snippet = _writes_everywhere(tmp_path, name)
    first = run(snippet, runner, python)
    written = lines_of(first)
    assert written["found"] == "[]"
    assert written["tmp"] == written["shm"] == written["home"] == "written"  # its own, private
    assert written["snippet packages"] != "written"
    assert written["library"] != "written", "a run changed a library the next run imports"
    on_host = [path for path in _write_targets_on_host(python, name) if os.path.lexists(path)]
    assert on_host == []
    second = lines_of(run(snippet, runner, python))
    found = eval(second["found"])
    assert {"tmp", "shm", "home"}.isdisjoint(found), found


def test_no_run_sees_a_file_an_earlier_run_wrote_anywhere(
    tmp_path: Path, runner: snippet_runner.Runner, python: Interpreter
) -> None:
    name = f"left-behind-{marker()}"
    snippet = _writes_everywhere(tmp_path, name)
    assert lines_of(run(snippet, runner, python))["found"] == "[]"
    # The second run also removes whatever it finds: the worker is left as it was.
    assert lines_of(run(snippet, runner, python))["found"] == "[]"


# -- 3. Network ------------------------------------------------------------------------------


def test_the_network_is_unreachable(
    tmp_path: Path, runner: snippet_runner.Runner, python: Interpreter
) -> None:
    abstract = f"handbook-test-{marker()}"
    with (
        socket.create_server(("127.0.0.1", 0)) as tcp,
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp,
        socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as unix,
    ):
        udp.bind(("127.0.0.1", 0))
        unix.bind("\0" + abstract)
        unix.listen()
        for listening in (tcp, udp, unix):
            listening.setblocking(False)
        snippet = hostile_snippet(
            tmp_path,
            "uses_the_network",
            TCP_PORT=tcp.getsockname()[1],
            UDP_PORT=udp.getsockname()[1],
            ABSTRACT=abstract,
        )
        attempts = lines_of(run(snippet, runner, python))
        # The sandbox has a loopback interface of its own (bwrap brings it up), where nobody
        # listens: a connection is refused, a datagram is sent into the void. No other
        # interface, so no name server either.
        assert attempts == {
            "tcp": "ConnectionRefusedError",
            "udp": "ok",
            "unix": "ConnectionRefusedError",
            "dns": "gaierror",
        }
        # Nothing arrived on the build's side either.
        for listening in (tcp, unix):
            with pytest.raises(BlockingIOError):
                listening.accept()
        with pytest.raises(BlockingIOError):
            udp.recv(1024)


# -- 4. Processes that outlive a run ---------------------------------------------------------


def test_nothing_a_snippet_starts_outlives_the_run_or_holds_it_open(
    tmp_path: Path, runner: snippet_runner.Runner, python: Interpreter
) -> None:
    tag = marker()
    snippet = hostile_snippet(tmp_path, "outlives_its_run", MARKER=tag)
    # "grandchild still alive" is printed a second after the snippet ends: had the grandchild
    # lived on while the runner waited for the output pipe to close, it would be in the output.
    assert run(snippet, runner, python) == "grandchild up\nsnippet exits"
    assert no_process_left_with(tag) == []


# -- 5. The runner's own processes -----------------------------------------------------------


def _worker_pids() -> set[int]:
    return {worker.process.pid for worker in snippet_forkserver._workers.values() if worker.alive}


def test_a_snippet_cannot_inspect_or_trace_its_parent(
    tmp_path: Path, runner: snippet_runner.Runner, python: Interpreter
) -> None:
    # A fresh run's parent is its namespace's init, sandbox_init.py, which is non-dumpable;
    # bwrap's own init, which the run could trace, is not started. A forked run's parent is
    # the worker, outside the run's namespace (pid 0), and its namespace's first process
    # shares the worker's memory: the snippet attacks that one.
    workers = _worker_pids()
    attempts = lines_of(run(hostile_snippet(tmp_path, "inspects_its_parent"), runner, python))
    assert attempts.pop("parent pid") == ("0" if runner == "forked" else "1")
    assert attempts.pop("target pid") == "1"
    assert attempts == {
        "read memory": "PermissionError",
        "open memory for writing": "PermissionError",
        "open descriptors": "PermissionError",
        "read environment": "PermissionError",
        "ptrace attach": "PermissionError",
    }
    still_works(runner, python)
    if runner == "forked":
        assert workers <= _worker_pids()


def test_killing_everything_in_sight_harms_neither_the_worker_nor_the_next_run(
    tmp_path: Path, runner: snippet_runner.Runner, python: Interpreter
) -> None:
    still_works(runner, python)  # the forked runner's worker exists before the attack
    workers = _worker_pids()
    output = run(hostile_snippet(tmp_path, "kills_what_it_sees"), runner, python)
    assert not output.startswith("refusing"), output
    assert output.splitlines()[0] == "visible: [1, 2]"  # its PID namespace: its init and itself
    assert output.splitlines()[-1] == "still running"
    still_works(runner, python)
    assert _worker_pids() == workers, "the same workers serve the next run"


# -- 6. Denial of service --------------------------------------------------------------------


def test_a_snippet_that_never_ends_is_stopped_with_everything_it_started(
    tmp_path: Path, runner: snippet_runner.Runner, python: Interpreter
) -> None:
    tag = marker()
    snippet = hostile_snippet(tmp_path, "runs_forever", MARKER=tag)
    with pytest.raises(snippet_runner.SnippetTimeout) as caught:
        run(snippet, runner, python, limits=Limits(timeout_s=2))
    assert str(caught.value).startswith(f"{snippet_runner.display_path(snippet)}: still running after 2 s")
    assert caught.value.path == snippet.resolve()
    assert no_process_left_with(tag) == []
    still_works(runner, python)


def test_a_bounded_fork_bomb_leaves_nothing_behind(
    tmp_path: Path, runner: snippet_runner.Runner, python: Interpreter
) -> None:
    tag = marker()
    output = run(hostile_snippet(tmp_path, "forks_many", MARKER=tag), runner, python)
    assert output.startswith("started "), output
    assert no_process_left_with(tag, "comm") == []
    still_works(runner, python)


def test_a_fork_bomb_hits_a_process_limit(tmp_path: Path, runner: snippet_runner.Runner) -> None:
    python = _newest("Debian sid") or interpreters.current()
    output = run(hostile_snippet(tmp_path, "forks_many", MARKER=marker()), runner, python)
    assert output.endswith("Error"), output  # stopped by an error before 300 processes


@pytest.mark.parametrize("folder", ["/home/reader", "/tmp", "/dev/shm"])
def test_filling_a_writable_folder_stops_at_its_limit(
    tmp_path: Path, runner: snippet_runner.Runner, python: Interpreter, folder: str
) -> None:
    output = run(hostile_snippet(tmp_path, "fills_the_disk", FOLDER=folder), runner, python)
    written = int(output.split()[1])
    assert written <= sandbox.WRITABLE_BYTES >> 20
    assert output.endswith(f"stopped by {os.strerror(28)}"), output  # ENOSPC


@pytest.mark.parametrize("folder", ["/home", "/dev", "site-packages"])
def test_every_other_folder_is_read_only_or_limited(
    tmp_path: Path, runner: snippet_runner.Runner, python: Interpreter, folder: str
) -> None:
    output = run(hostile_snippet(tmp_path, "fills_the_disk", FOLDER=folder), runner, python)
    assert int(output.split()[1]) <= sandbox.WRITABLE_BYTES >> 20, output


# -- 7. The runner's records -----------------------------------------------------------------


@pytest.mark.parametrize(
    "kind",
    [
        "stats: text",
        "stats: not UTF-8",
        "trace: not an object",
        "trace: not JSON",
        "trace: nested too deep",
    ],
)
def test_garbage_in_the_runners_records_is_an_error_naming_the_snippet(
    tmp_path: Path, runner: snippet_runner.Runner, kind: str
) -> None:
    python = _newest("pyenv") or interpreters.current()
    snippet = hostile_snippet(tmp_path, "corrupts_its_records", KIND=kind)
    with pytest.raises(snippet_runner.SnippetFailed) as caught:
        run(snippet, runner, python, trace=kind.startswith("trace"))
    assert str(caught.value).startswith(
        f"{snippet_runner.display_path(snippet)}: the run's loop-time or trace record is malformed"
    )


# -- 8. What a run can see -------------------------------------------------------------------


def test_a_snippet_sees_the_same_plain_world_under_both_runners(tmp_path: Path, python: Interpreter) -> None:
    import json

    snippet = hostile_snippet(tmp_path, "reports_what_it_sees")
    fresh, forked = (json.loads(run(snippet, runner, python)) for runner in ("fresh", "forked"))
    # The one difference: the parent's pid. A fresh run's parent is its namespace's init; a
    # forked run's is the worker, outside its namespace (README: "How snippets run").
    assert (fresh["ids"].pop(), forked["ids"].pop()) == (1, 0)
    assert fresh == forked  # the environment it started with and its command line included
    assert fresh["runner variables"] == {}
    assert not any(name.startswith("HANDBOOK_") or name == "PYTHONPATH" for name in fresh["environment"])
    assert fresh["cwd"] == fresh["HOME"] == sandbox.HOME == fresh["sys.path[0]"]
    assert fresh["files"] == [snippet.name]
    assert fresh["ids"][:3] == [sandbox.UID, sandbox.GID, []]
    assert fresh["capabilities"][:2] == ["0000000000000000", "0000000000000000"]
    assert fresh["argv"] == [snippet.name]
    assert fresh["orig_argv"] == [python.executable, snippet.name]
    assert fresh["command line"] == f"{python.executable}\0{snippet.name}\0"
    assert fresh["__file__"] in (snippet.name, f"{sandbox.HOME}/{snippet.name}")


def test_the_environment_a_snippet_was_started_with_names_no_runner_variable(
    tmp_path: Path, runner: snippet_runner.Runner
) -> None:
    import json

    python = _newest("pyenv") or interpreters.current()
    seen = json.loads(run(hostile_snippet(tmp_path, "reports_what_it_sees"), runner, python))
    assert [entry for entry in seen["started with"] if entry.startswith("HANDBOOK_")] == []
