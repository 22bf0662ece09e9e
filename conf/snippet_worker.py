"""A pre-warmed snippet process: started once per interpreter and hash seed, forks one child
per snippet run.

Starting Python and importing asyncio and the clock library costs over 100 ms; a ``fork()``
of a process that has already done so costs a few. The worker does nothing else before it
forks: it never creates an event loop or a task (only the clock's loop class, which a fresh
run makes with its first loop), never reads the snippet's variables and starts no thread,
so each child begins in the state a fresh ``python name.py`` would reach after start-up
(``Task-1`` comes next, the event-loop policy is the bootstrap's, the environment is the
runner's allow-list). The child then takes on everything that is per run: its own session
(for the process-group kill), resource limits, working directory, environment, argv,
``sys.path[0]`` and a new ``__main__`` module, and runs the snippet as the interpreter would
run a script, ending with the parts of shutdown a program can observe.

Arguments: the control socket's descriptor; in a sandbox, the bytes each run may write to each
of its writable folders (else "-"); the modules to import before the first fork,
comma-separated (see snippet_packages.PRELOAD), if any.

Protocol, over the SOCK_SEQPACKET socket whose descriptor is argv[1] (one packet each):
request ``{"id", "script", "workdir", "env", "limits"}`` with the output pipe's write end and
the snippet file attached (then any files the bootstrap writes to, named in ``env``), or
``{"kill": id}``; replies ``"<id> pid <pid>"`` once forked, then ``"<id> status <wait status> <cpu
seconds>"`` once the child has exited (the child's user plus system time, from its rusage,
plus the worker's own for forking and answering). Runs may overlap.
Run by ``snippet_forkserver.py``; never imported.
"""

import asyncio
import os
import sys

import sitecustomize  # the snippet bootstrap, imported at start-up as in every run


# A child's own small reads and writes use the descriptors directly: Python's file objects
# would cost it several buffer and codec objects each, and copies of the pages they land on.
def _write(path: str, text: str | bytes, create: bool = False) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC | (os.O_CREAT | os.O_EXCL if create else 0), 0o666)
    try:
        os.write(fd, text.encode() if isinstance(text, str) else text)
    finally:
        os.close(fd)


def _read(fd: int) -> bytes:
    """All of an open file, which this closes."""
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _keep_priority() -> bool:
    """Where the kernel schedules each session as a group (autogroup), a new session gets an
    equal share of the CPU whatever its nice value: the worker's runs took over half the cores
    from the build they are meant to yield to (the prefetch runs them at nice 10), and reading
    the pages took 2.4 times as long. The worker's session (bwrap made one) takes the worker's
    nice value, before the worker imports anything more. The kernel allows this about ten times
    a second to all unprivileged processes together: False if it must be tried again later."""
    try:
        _write("/proc/self/autogroup", str(os.getpriority(os.PRIO_PROCESS, 0)))
    except BlockingIOError:  # EAGAIN: too soon after another process's change
        return False
    except OSError:
        pass  # no autogroups here: nothing to do
    return True


_priority_kept = _keep_priority()
# Pre-warmed: a fresh run imports the clock in its first event loop, and there makes the loop
# class it patches the loop into (the library keeps it for later loops).
_looptime = sitecustomize.import_looptime()
_looptime.make_event_loop_class(asyncio.SelectorEventLoop)
# A worker for the snippets that use the test tools or AnyIO and Trio has those imported too:
# a run then finds them in sys.modules, as it would after its own first import of them.
for _module in sys.argv[3].split(",") if len(sys.argv) > 3 and sys.argv[3] else ():
    __import__(_module)
# What a snippet may find already imported. The worker's own modules below are removed from
# the child's sys.modules, so ``import json`` in a snippet imports it as a fresh run would.
PRELOADED = frozenset(sys.modules)

import array  # noqa: E402,F401  (after the snapshot above, on purpose; socket.recv_fds needs it)
import atexit  # noqa: E402
import builtins  # noqa: E402
import contextlib  # noqa: E402
import ctypes  # noqa: E402
import gc  # noqa: E402
import importlib.machinery  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import select  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import time  # noqa: E402
import types  # noqa: E402
from typing import NoReturn  # noqa: E402

# The kernel's calls for a sandboxed child (see become_sandboxed): Linux's numbers, the same
# on every architecture the handbook builds on.
CLONE_VM, CLONE_FILES, CLONE_NEWNS = 0x00000100, 0x00000400, 0x00020000
CLONE_NEWUSER, CLONE_NEWPID = 0x10000000, 0x20000000
MS_NOSUID, MS_NODEV, MS_REC, MS_PRIVATE = 2, 4, 1 << 14, 1 << 18
MNT_DETACH = 2
PR_SET_PDEATHSIG, PR_SET_DUMPABLE = 1, 4
PR_SET_MM, PR_SET_MM_MAP = 35, 14
SANDBOX_UID = 1000
# The C library's calls, looked up once here rather than in every child.
LIBC = ctypes.CDLL(None, use_errno=True)
LIBC.sbrk.restype = ctypes.c_void_p
LIBC.clone.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
# Each now cached on LIBC:
_CALLS = (LIBC.unshare, LIBC.setns, LIBC.mount, LIBC.umount2, LIBC.prctl, LIBC.capset, LIBC.pause)
_PAUSE = ctypes.cast(LIBC.pause, ctypes.c_void_p).value
INIT_STACK_BYTES = 16 << 10
# sigset_t with every signal (glibc leaves out the two it uses itself), for pthread_sigmask.
SIG_BLOCK, SIG_SETMASK = 0, 2
_EVERY_SIGNAL = (ctypes.c_ubyte * 128)(*[0xFF] * 128)


def serve(control: socket.socket, sandboxed: bool) -> tuple[dict[str, object], list[int]]:
    """Answer requests until the client hangs up; return only in a forked child.

    Several children may run at once (real-clock snippets mostly sleep): each is watched
    through a pidfd, so the worker never blocks on one child while others finish. A request
    ``{"kill": id}`` kills that run's child (a pid in this namespace means nothing outside).

    In a sandbox each child is the snippet of a PID namespace of its own: the worker enters a
    new one for its next children only (the namespace's init, then the child) and returns to
    its own at once. The child builds the run's view and becomes the snippet
    (become_sandboxed). Its parent, the worker, is outside its namespace: it sees its parent
    as pid 0, as a process entered into a container does.
    """
    running: dict[int, tuple[object, int, float, _Init | None]] = {}  # pidfd -> (id, pid, CPU, init)
    own_pids = os.open("/proc/self/ns/pid", os.O_RDONLY | os.O_CLOEXEC) if sandboxed else None
    priority_kept = _priority_kept
    while True:
        watched: list[socket.socket | int] = [control, *running]
        ready, _, _ = select.select(watched, [], [])
        for source in ready:
            started = time.process_time()  # this worker's own CPU for the run counts too
            if source is control:
                message, fds, _, _ = socket.recv_fds(control, 1 << 16, 8)
                if not message:
                    sys.exit(0)  # the client closed its end: nothing more to run
                request = json.loads(message)
                priority_kept = priority_kept or _keep_priority()
                if "kill" in request:
                    for run_id, pid, _, init in running.values():
                        if run_id == request["kill"]:
                            with contextlib.suppress(ProcessLookupError):
                                # In a sandbox, the run's init: its whole namespace dies.
                                os.kill(init.pid if init else pid, 9)
                    continue
                init = None
                if own_pids is not None:
                    _check(LIBC.unshare(CLONE_NEWPID))
                pid = -1
                try:
                    if own_pids is not None:
                        init = _Init()
                    pid = os.fork()
                finally:
                    if own_pids is not None and pid != 0:
                        _check(LIBC.setns(own_pids, CLONE_NEWPID))  # later children: here again
                if pid == 0:
                    control.close()
                    for pidfd in running:
                        os.close(pidfd)
                    if own_pids is not None:
                        os.close(own_pids)
                    return request, fds
                for fd in fds:
                    os.close(fd)
                control.send(f"{request['id']} pid {pid}".encode())
                spent = time.process_time() - started
                running[os.pidfd_open(pid)] = (request["id"], pid, spent, init)
            else:
                assert isinstance(source, int)
                run_id, pid, spent, init = running.pop(source)
                os.close(source)
                _, status, usage = os.wait4(pid, 0)
                cpu = usage.ru_utime + usage.ru_stime
                if init is not None:
                    # Only now (the snippet reaped): the init's end waits for every process of
                    # its namespace, and kills what the snippet left running.
                    cpu += init.end()
                limit = _close_run_group(run_id)
                cpu += spent + time.process_time() - started
                control.send(f"{run_id} status {status} {cpu:.6f} {limit}".encode())


class _Init:
    """PID 1 of the next run's PID namespace (create it right after ``unshare(CLONE_NEWPID)``).

    A namespace ends when its first process does, and every process left in it is killed: that
    is what makes everything a run starts die with it. This process only has to exist and
    wait, so it is a clone that shares the worker's memory (no page tables copied, nothing
    executed) and runs the C library's pause() on a stack of its own, every signal blocked,
    until the worker kills it. A forked Python process in its place cost 2 to 3 ms of CPU per
    run, an exec'd ``sleep`` about 1 ms; this one a tenth of that. It runs as the sandbox's
    root, outside the run's user namespace and with the worker's non-dumpable memory: the run
    can neither signal, trace nor read it. It reaps nothing (a run's orphans stay zombies until
    the run ends, then go with the namespace).
    """

    def __init__(self) -> None:
        self.stack = ctypes.create_string_buffer(INIT_STACK_BYTES)  # lives as long as the init
        top = (ctypes.addressof(self.stack) + INIT_STACK_BYTES) & ~63
        # Through the C library: the signal module's version makes an enum of every signal,
        # twice, which cost more than the rest of a run's start in the worker.
        blocked = (ctypes.c_ubyte * 128)()
        _check(LIBC.pthread_sigmask(SIG_BLOCK, _EVERY_SIGNAL, blocked))
        try:
            # The worker's descriptor table too: it holds no copy of a run's output pipe.
            self.pid = LIBC.clone(_PAUSE, top, CLONE_VM | CLONE_FILES | signal.SIGCHLD, None)
        finally:
            _check(LIBC.pthread_sigmask(SIG_SETMASK, blocked, None))
        if self.pid < 0:
            _check(self.pid)

    def end(self) -> float:
        """Kill it and wait until its namespace is gone; return its CPU seconds."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, 9)
        _, _, usage = os.wait4(self.pid, 0)
        return usage.ru_utime + usage.ru_stime


# The worker's control groups (cgroups.py), bound here by the client where it can make them:
# each run gets a group of its own inside, so its limits count for everything it starts.
RUN_GROUPS = "/run/cgroup"


def _run_group_dirs(run_id: object) -> list[str]:
    if not os.path.isdir(RUN_GROUPS):
        return []
    return [os.path.join(RUN_GROUPS, controller, f"run-{run_id}") for controller in ("pids", "memory")]


def _join_run_group(run_id: object, limits: dict[str, object]) -> None:
    """In the run's first process, before anything else: a group per controller, with the
    run's limits, that every later process of the run is in. Then the groups leave the view."""
    folders = _run_group_dirs(run_id)
    if not folders:
        return
    pids, memory = folders
    os.mkdir(pids)
    os.mkdir(memory)
    _write(os.path.join(pids, "pids.max"), str(limits["processes"]))
    _write(os.path.join(memory, "memory.limit_in_bytes"), str(limits["memory_bytes"]))
    for folder in folders:
        _write(os.path.join(folder, "cgroup.procs"), str(os.getpid()))


# Groups of ended runs whose last processes were still dying: removed on a later turn.
_unremoved: list[str] = []


def _close_run_group(run_id: object) -> str:
    """Remove an ended run's groups; name the limit it ran into, if any ("-" if none)."""
    hit = "-"
    for folder in _run_group_dirs(run_id):
        try:
            if "/pids/" in folder:
                events = _read(os.open(os.path.join(folder, "pids.events"), os.O_RDONLY | os.O_CLOEXEC))
                if any(
                    line.split() != [b"max", b"0"] and line.startswith(b"max") for line in events.splitlines()
                ):
                    hit = "processes"
            else:
                failures = _read(os.open(os.path.join(folder, "memory.failcnt"), os.O_RDONLY | os.O_CLOEXEC))
                if int(failures or 0) > 0:
                    hit = "memory"
        except OSError:
            pass
        _unremoved.append(folder)
    for folder in list(_unremoved):
        try:
            os.rmdir(folder)
        except FileNotFoundError:
            pass
        except OSError:
            continue  # still busy: next time
        _unremoved.remove(folder)
    return hit


def _check(result: int) -> None:
    if result != 0:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number))


def become_sandboxed(request: dict[str, object], script_fd: int, writable_bytes: int) -> None:
    """Give this child the private view a fresh sandboxed run gets, then drop every privilege.

    This child is in a PID namespace of its own (see serve), after its init: no other run or
    the worker is visible or reachable from it, and whatever the run starts dies with it when
    the worker ends the init. The worker runs as the sandbox's root, so the child can still
    change its own mounts: a fresh mount
    namespace with empty, size-limited ``/home/reader`` (holding the snippet), ``/tmp`` and
    ``/dev/shm`` and its own ``/proc``; then a user namespace in which it is uid 1000 with no
    capabilities. The mounts belong to the worker's user namespace, so the run can neither undo
    nor change them.
    """
    libc = LIBC
    # Until it changes its user (which clears this), a dying worker takes it along; later,
    # the worker's sandbox does, as it ends every process in it.
    _check(libc.prctl(PR_SET_PDEATHSIG, 9, 0, 0, 0))
    group_limits = request.get("group_limits")
    if isinstance(group_limits, dict):
        _join_run_group(request["id"], group_limits)
    _check(libc.unshare(CLONE_NEWNS))
    _check(libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None))
    if os.path.isdir(RUN_GROUPS):  # a run must not reach the control files of its own limits
        for controller in ("pids", "memory"):
            _check(libc.umount2(os.path.join(RUN_GROUPS, controller).encode(), MNT_DETACH))
    for target in ("/home/reader", "/tmp", "/dev/shm"):
        options = f"size={writable_bytes},mode=755".encode()
        _check(libc.mount(b"tmpfs", target.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, options))
    script = request["script"]
    assert isinstance(script, str)
    _write(f"/home/reader/{script}", _read(script_fd), create=True)
    _check(libc.mount(b"proc", b"/proc", b"proc", MS_NOSUID | MS_NODEV, None))
    _check(libc.unshare(CLONE_NEWUSER))
    for name, text in (
        ("setgroups", "deny"),
        ("uid_map", f"{SANDBOX_UID} 0 1"),
        ("gid_map", f"{SANDBOX_UID} 0 1"),
    ):
        _write(f"/proc/self/{name}", text)
    os.setresgid(SANDBOX_UID, SANDBOX_UID, SANDBOX_UID)
    os.setresuid(SANDBOX_UID, SANDBOX_UID, SANDBOX_UID)
    _drop_capabilities(libc)


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


# Made here, not in each child: a ctypes class costs a child more than the call itself.
_NO_CAPABILITIES = (_CapHeader(0x20080522, 0), (_CapData * 2)())


def _drop_capabilities(libc: ctypes.CDLL) -> None:
    header, data = _NO_CAPABILITIES
    _check(libc.capset(ctypes.byref(header), data))


def become_snippet(
    request: dict[str, object], fds: list[int], writable_bytes: int | None
) -> tuple[types.CodeType, dict[str, object]]:
    """Turn this fresh child into ``python name.py`` run in the request's working directory."""
    output_fd, script_fd, *_ = fds
    workdir, script, env = request["workdir"], request["script"], request["env"]
    assert isinstance(workdir, str) and isinstance(script, str) and isinstance(env, dict)
    # Its own process group, as a shell gives a program it starts. A virtual-clock run stays in
    # the worker's session, so it is scheduled at the worker's lower priority (_keep_priority);
    # a real-clock run gets a session, and so a scheduling group, of its own: the sleeps it
    # times must not wait for the build's processes (at the worker's priority, runs drifted
    # past the tolerance and were run again, and a build took twice as long).
    if env.get("HANDBOOK_CLOCK") == "real":
        os.setsid()
    else:
        os.setpgid(0, 0)
    if writable_bytes is not None:
        become_sandboxed(request, script_fd, writable_bytes)
    else:
        os.close(script_fd)
    limits = request["limits"]
    assert isinstance(limits, dict)
    for name, value in limits.items():
        resource.setrlimit(getattr(resource, name), (value[0], value[1]))
    stdin = os.open(os.devnull, os.O_RDONLY)
    os.dup2(stdin, 0)
    os.dup2(output_fd, 1)  # stdout and stderr share one pipe, as in a fresh run
    os.dup2(output_fd, 2)
    os.close(stdin)
    os.close(output_fd)
    os.chdir(workdir)
    fd_env = request.get("fd_env") or []
    assert isinstance(fd_env, list)
    for name, fd in zip(fd_env, fds[2:], strict=False):
        env[name] = f"/proc/self/fd/{fd}"  # a file of the runner's, open for this run only
    for name, value in env.items():
        if os.environ.get(name) != value:  # most are the worker's already
            os.environ[name] = value
    sitecustomize.take_settings()  # the runner's settings leave the environment, as in a fresh run
    path = os.path.join(workdir, script)
    sys.argv[:] = [script]
    _started_as(sys.orig_argv[0], script)
    sys.path[0] = workdir
    module = types.ModuleType("__main__")
    module.__dict__.update(
        __file__=path,
        __cached__=None,
        __builtins__=builtins,
        __loader__=importlib.machinery.SourceFileLoader("__main__", path),
    )
    for name in WORKER_ONLY:
        del sys.modules[name]
    if len(sys.modules) != len(PRELOADED):  # the worker imported something later
        for name in sys.modules.keys() - PRELOADED:
            del sys.modules[name]
    sys.modules["__main__"] = module
    code = compile(_read(os.open(path, os.O_RDONLY | os.O_CLOEXEC)), path, "exec", dont_inherit=True)
    return code, module.__dict__


class _MemoryMap(ctypes.Structure):
    """struct prctl_mm_map (linux/prctl.h)."""

    _fields_ = [
        *((name, ctypes.c_uint64) for name in ("start_code", "end_code", "start_data", "end_data")),
        *((name, ctypes.c_uint64) for name in ("start_brk", "brk", "start_stack")),
        *((name, ctypes.c_uint64) for name in ("arg_start", "arg_end", "env_start", "env_end")),
        ("auxv", ctypes.c_void_p),
        ("auxv_size", ctypes.c_uint32),
        ("exe_fd", ctypes.c_uint32),
    ]


_STARTED_AS: list[ctypes.Array[ctypes.c_char]] = []  # the new command line's memory lives on


def _memory_layout() -> tuple[int, ...]:
    """Where the program's code, data, heap and stack start and end, as PR_SET_MM_MAP wants
    them: fixed when the interpreter started, so the worker reads them once for every child."""
    text = _read(os.open("/proc/self/stat", os.O_RDONLY | os.O_CLOEXEC)).decode()
    fields = text[text.rindex(")") + 2 :].split()  # proc(5) numbers them from 1; this list from 3
    return tuple(int(fields[number - 3]) for number in (26, 27, 45, 46, 47, 28))


_LAYOUT = _memory_layout()


def _started_as(executable: str, script: str) -> None:
    """Make the command line and start-up environment the kernel shows (/proc/self/cmdline,
    /proc/self/environ) and ``sys.orig_argv`` those of ``python name.py`` started with this
    environment, as in a fresh run, not the worker's. PR_SET_MM_MAP moves the kernel's record of
    where they are to new memory; it needs no privilege when the executable stays the same."""
    sys.orig_argv[:] = [executable, script]
    argv = b"".join(os.fsencode(arg) + b"\0" for arg in sys.orig_argv)
    environ = b"".join(os.fsencode(f"{name}={value}") + b"\0" for name, value in os.environ.items())
    memory = ctypes.create_string_buffer(argv + environ, len(argv) + len(environ))
    _STARTED_AS.append(memory)
    libc = LIBC
    start = ctypes.addressof(memory)
    code_start, code_end, data_start, data_end, brk_start, stack_start = _LAYOUT
    record = _MemoryMap(
        *(code_start, code_end, data_start, data_end, brk_start, libc.sbrk(0), stack_start),
        *(start, start + len(argv), start + len(argv), start + len(argv) + len(environ)),
        None,
        0,  # the auxiliary vector stays as it is
        0xFFFFFFFF,  # and so does the executable
    )
    _check(libc.prctl(PR_SET_MM, PR_SET_MM_MAP, ctypes.byref(record), ctypes.sizeof(record), 0))


def exit_status(exit: SystemExit) -> int:
    """The status the interpreter gives ``sys.exit(code)``, printing a message code as it does."""
    if exit.code is None:
        return 0
    if isinstance(exit.code, int):
        return exit.code
    print(exit.code, file=sys.stderr)
    return 1


def finish(status: int) -> NoReturn:
    """The steps of interpreter shutdown that a program can observe, then a quick exit.

    A full shutdown would also tear down every module, and in a forked child that writes to
    nearly every memory page the worker shares with it: three times the cost of the snippet.
    What a program can see of shutdown happens here, in the interpreter's order: non-daemon
    threads are joined (with the thread pools' exit hooks), atexit functions run, garbage is
    collected (so "Task was destroyed but it is pending!" and similar finalizer messages
    still appear), and the output is flushed. The tests run every snippet this way and in a
    fresh interpreter, and both must print the documented output.
    """
    threading = sys.modules.get("threading")
    if threading is not None:
        threading._shutdown()
    atexit._run_exitfuncs()
    gc.collect()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status)


if __name__ == "__main__":
    # Everything imported so far is permanent: the children's garbage collections skip it,
    # so they neither walk it nor copy the memory pages it sits on.
    gc.freeze()
    # The worker's own modules, which each child removes: listed once here, since comparing all
    # of sys.modules in every child writes to the pages of every name (copies of them, after a fork).
    WORKER_ONLY = tuple(sys.modules.keys() - PRELOADED)
    # argv[2], in a sandbox: the bytes each run may write to each of its writable folders.
    _writable = int(sys.argv[2]) if sys.argv[2] != "-" else None
    if _writable is not None:
        LIBC.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)  # children cannot inspect it
    _request, _fds = serve(socket.socket(fileno=int(sys.argv[1])), _writable is not None)
    _code, _namespace = become_snippet(_request, _fds, _writable)
    del _request, _fds, _writable
    try:
        exec(_code, _namespace)
    except SystemExit as stop:
        finish(exit_status(stop))
    except BaseException as error:
        # As the interpreter reports an uncaught exception: the hook prints the traceback
        # from the snippet's own frame on (this file's frame is dropped), then status 1.
        traceback = error.__traceback__.tb_next if error.__traceback__ else None
        sys.excepthook(type(error), error.with_traceback(traceback), traceback)
        finish(1)
    finish(0)
