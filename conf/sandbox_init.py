"""PID 1 of a fresh sandboxed run (bwrap --as-pid-1): starts ``python name.py`` and ends as it ended.

bwrap's own init would be the snippet's parent, with the snippet's uid and dumpable: a hostile
snippet could read and write its memory or stop it with ptrace. This one makes itself
non-dumpable first (its /proc files then belong to the namespace's root, which the run is
not), so the snippet can neither inspect nor trace it. As an init process does, it reaps every
orphan until the snippet ends, then exits with the snippet's status (128 + N for a signal N,
as bwrap reports one; PID 1 cannot end itself by a signal).

Run by sandbox.fresh_command as ``python -I -S -c <this text> python name.py``: no site, no
bootstrap, no environment of its own; the snippet gets the environment and descriptors it was
given. Runs on every supported Python.
"""

import ctypes
import os
import signal
import sys

PR_SET_DUMPABLE = 4
if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
    sys.exit(f"sandbox init: prctl failed ({os.strerror(ctypes.get_errno())})")
snippet = os.fork()
if snippet == 0:
    # The signal state a program started from a terminal has: the interpreter ignored these.
    for number in (signal.SIGPIPE, signal.SIGXFSZ):
        signal.signal(number, signal.SIG_DFL)
    os.execv(sys.argv[1], sys.argv[1:])
# Signals the run sends its process group must not end this process: the kernel drops signals
# to PID 1 that have no handler.
signal.signal(signal.SIGINT, signal.SIG_DFL)
while True:
    pid, status = os.waitpid(-1, 0)
    if pid == snippet:
        code = os.waitstatus_to_exitcode(status)
        os._exit(128 - code if code < 0 else code)
