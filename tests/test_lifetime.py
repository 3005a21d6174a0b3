"""Pool workers end with their parent, SIGKILL included, and SIGTERM stops a command as
Ctrl-C would, with its closing summary (``dyad.lifetime``). Real ``dyad`` processes, real
signals; workers are found as the command's child processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.test_concurrent_ingest import ARTICLES

DYAD = Path(sys.executable).with_name("dyad")
WORKERS = 2
COPIES = 12  # of each article: 120 documents, some seconds of coding

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux signals")


def _corpus(path: Path, copies: int = COPIES) -> Path:
    """Enough distinct articles that coding is still going on when the signal comes."""
    lines = []
    for i in range(copies):
        for a in ARTICLES:
            lines.append(json.dumps({**a, "text": f"{a['text']}\n\nReport number {i}."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _start(args: list[str], tmp_path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "DYAD_CONFIG": str(tmp_path / "config")}
    env.pop("DYAD_DB", None)
    return subprocess.Popen(
        [str(DYAD), *args, "--workers", str(WORKERS)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _workers(run: subprocess.Popen[str], timeout: float = 120) -> list[psutil.Process]:
    """The command's worker processes, once enough of them are started and coding.

    Busy children are counted rather than all children required busy: an interpreter may
    add an idle helper child (multiprocessing's resource tracker), which must not make the
    wait outlast the command itself."""
    deadline = time.monotonic() + timeout
    parent = psutil.Process(run.pid)
    while time.monotonic() < deadline:
        assert run.poll() is None, run.stderr.read() if run.stderr else ""
        children = parent.children()
        for c in children:
            try:
                c.cpu_percent(None)  # primes each child's counter: one shared sample below
            except psutil.NoSuchProcess:
                pass
        time.sleep(0.3)
        busy = []
        for c in children:
            try:
                if c.cpu_percent(None) > 0:
                    busy.append(c)
            except psutil.NoSuchProcess:
                pass  # ``dyad ingest`` starts a pool per batch: this one just ended
        if len(busy) >= WORKERS:
            return busy
    raise AssertionError("the workers did not start")


def _left(corpus: Path, parent: int, timeout: float = 15) -> list[int]:
    """Processes still running the command (forked workers share its command line, which
    names the test's own corpus) after ``timeout``; zombies awaiting a reaper have ended.
    Any found are killed, so a failing test leaves no stray worker behind."""
    deadline = time.monotonic() + timeout
    while True:
        left = []
        for p in psutil.process_iter(["pid", "cmdline", "status"]):
            if p.info["pid"] == parent or p.info["status"] == psutil.STATUS_ZOMBIE:
                continue
            if str(corpus) in (p.info["cmdline"] or []):
                left.append(p)
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    for p in left:
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass
    return [p.pid for p in left]


def test_ingest_workers_end_when_the_parent_is_killed(tmp_path: Path) -> None:
    # Killed long before the end, so a corpus far too big to finish costs nothing, and a
    # fast machine cannot end the command before its workers are seen.
    corpus = _corpus(tmp_path / "corpus.jsonl", copies=8 * COPIES)
    run = _start(["ingest", str(corpus), "--db", str(tmp_path / "dyad.db"), "-q"], tmp_path)
    try:
        _workers(run)
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=10)
        left = _left(corpus, run.pid)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait(timeout=10)
        assert run.stderr is not None
        run.stderr.close()  # not read: a surviving worker would hold it open
    assert left == []


@pytest.mark.parametrize("command", ["code", "ingest"])
def test_sigterm_stops_workers_and_prints_the_summary(tmp_path: Path, command: str) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl")
    args = [command, str(corpus)]
    if command == "ingest":
        args += ["--db", str(tmp_path / "dyad.db"), "-q"]
    run = _start(args, tmp_path)
    try:
        _workers(run)
    except BaseException:
        run.kill()  # a failed wait leaves no command running nor its pipe unclosed
        run.communicate(timeout=10)
        raise
    run.send_signal(signal.SIGTERM)
    _out, err = run.communicate(timeout=60)
    assert run.returncode == 128 + signal.SIGTERM, err
    assert "stopped by SIGTERM" in err and "Traceback" not in err
    summary = "coded " if command == "code" else "stored "
    assert any(line.startswith(summary) for line in err.splitlines()), err
    assert _left(corpus, run.pid) == []
    if command == "ingest":
        # What was committed is whole: a re-run stores the rest, nothing twice.
        rerun = _start(["ingest", str(corpus), "--db", str(tmp_path / "dyad.db"), "-q"], tmp_path)
        _o, err2 = rerun.communicate(timeout=600)
        assert rerun.returncode == 0, err2
        import sqlalchemy as sa

        engine = sa.create_engine(f"sqlite:///{tmp_path / 'dyad.db'}")
        with engine.connect() as conn:
            n = conn.execute(sa.text("SELECT COUNT(*) FROM documents")).scalar_one()
        engine.dispose()
        assert n == COPIES * len(ARTICLES)


def _nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def test_stopping_workers_leaves_no_executor_thread_to_race_the_exit_hook() -> None:
    # At exit, concurrent.futures wakes each executor's manager thread through a pipe that
    # the thread closes as it ends; a thread still ending then races the hook, which printed
    # "OSError: Bad file descriptor" after a SIGTERM summary once in CI. Stopped workers must
    # leave no such thread running.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from dyad.coder import _stop_workers

    pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"))
    futures = [pool.submit(_nap, 30) for _ in range(4)]
    deadline = time.monotonic() + 30
    while not any(f.running() for f in futures) and time.monotonic() < deadline:
        time.sleep(0.05)
    manager = pool._executor_manager_thread  # type: ignore[attr-defined]
    assert manager is not None and manager.is_alive()
    _stop_workers(pool)
    assert not manager.is_alive()
