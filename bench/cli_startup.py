"""Start-up time of the command line: what a user waits for before any work begins.

    python bench/cli_startup.py              # 7 runs of each command
    python bench/cli_startup.py --runs 15 --dyad /path/to/venv/bin/dyad

Each command runs in a fresh process (``subprocess``), as a user types it; the wall time
from start to exit is taken, and the median of the runs printed with the fastest and the
slowest, beside the median CPU time (user + system) of the child. The first run of each
command is a warm-up and not counted, so the figures are those of a warm file cache. On a
shared machine the wall time grows with the other processes' load and the CPU time much
less: the CPU time is the figure to compare between runs, the wall time what a user waits.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = (["--version"], ["--help"], ["code", "--help"], ["events", "--help"])


def default_dyad() -> str:
    """The ``dyad`` script beside this interpreter (the venv's), else the one on the PATH."""
    beside = Path(sys.executable).with_name("dyad")
    if beside.exists():
        return str(beside)
    found = shutil.which("dyad")
    if found is None:
        raise SystemExit("no dyad command found: install Dyad or pass --dyad PATH")
    return found


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each run of ``command``."""
    subprocess.run(command, check=True, capture_output=True)  # warm-up
    wall, cpu = [], []
    for _ in range(runs):
        c0, t0 = _children_cpu(), time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        wall.append(time.perf_counter() - t0)
        cpu.append(_children_cpu() - c0)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command")
    parser.add_argument("--dyad", default=None, help="the dyad script to time")
    args = parser.parse_args()
    dyad = args.dyad or default_dyad()
    print(f"{dyad}, {args.runs} runs each (after one warm-up)")
    for extra in COMMANDS:
        wall, cpu = timed([dyad, *extra], args.runs)
        print(
            f"dyad {' '.join(extra):<16} wall median {statistics.median(wall):.3f} s "
            f"(min {min(wall):.3f}, max {max(wall):.3f}), CPU median {statistics.median(cpu):.3f} s"
        )


if __name__ == "__main__":
    main()
