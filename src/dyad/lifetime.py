"""Processes that end when they should: pool workers with their parent, and a command on
SIGTERM as on Ctrl-C (its summary printed, its transaction rolled back).

A worker of ``concurrent.futures`` outlives a parent killed with SIGKILL (it is adopted by
PID 1 and waits for work forever, holding its ~240 MB model), so each worker asks the kernel
to kill it when its parent dies (Linux ``prctl(PR_SET_PDEATHSIG)``), or, where there is no
such call, watches its parent id from a thread.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_SECONDS = 1.0


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread like Ctrl-C's KeyboardInterrupt, so the same
    clean-up runs: transactions roll back, workers stop, the summary is printed."""

    exit_code = 128 + signal.SIGTERM


def interrupt_exit_code(exc: KeyboardInterrupt) -> int:
    """The shell's exit status for a command stopped by this signal (143, or 130 for ^C)."""
    return exc.exit_code if isinstance(exc, Terminated) else 128 + signal.SIGINT


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While the block runs (in the main thread), SIGTERM raises ``Terminated``."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread; elsewhere SIGTERM stays as it was
        return

    def handler(_signum: int, _frame: FrameType | None) -> None:
        # Once: a second SIGTERM during the clean-up ends the process the default way.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def end_with_parent(parent: int) -> None:
    """Make this (worker) process end when ``parent`` does, SIGKILL included.

    Called first in a pool worker. The worker also drops the parent's signal handling: the
    parent stops its workers itself on SIGTERM or Ctrl-C (which the terminal sends to the
    whole process group), so a worker must neither raise ``Terminated`` nor die mid-batch
    of a Ctrl-C the parent is handling.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux") and _pdeathsig(signal.SIGKILL):
        # The parent may have died between the fork and the prctl call: then no signal
        # comes, and the worker has already been adopted.
        if os.getppid() != parent:
            os._exit(1)
        return
    threading.Thread(target=_watch, args=(parent,), name="dyad-parent-watch", daemon=True).start()


def _pdeathsig(signum: int) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
