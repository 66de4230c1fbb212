"""Run numbered cases in a child process, each under a time limit (importable as ``watchdog``).

A regular expression that backtracks runs in C and holds the interpreter: no thread can stop
it, so the cases run in a child process that says ``start <i>`` before case ``i`` and
``end <i>`` after it (``fail <i> <why>`` when a case breaks something). When a case outlives
its limit the child is killed, the case is reported as hung, and a new child carries on from
the next case, so that one run reports every hung case, not only the first.
"""

from __future__ import annotations

import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from typing import IO, NamedTuple

__all__ = ["Outcome", "run_cases", "serve_cases"]


class Outcome(NamedTuple):
    """What went wrong in one case."""

    index: int
    """The case's number."""
    what: str
    """``hung`` (killed at the limit) or ``failed``."""
    detail: str
    """The child's words for a failure; the limit for a hang."""


def run_cases(argv: Sequence[str], *, limit: float, startup: float = 300.0) -> tuple[int, list[Outcome]]:
    """Run ``python argv... <first>`` until every case has run; return how many cases there
    were and what went wrong. ``limit``: seconds a case may take; ``startup``: seconds a child
    may take to say how many cases there are (imports, building the cases)."""
    first, count, bad = 0, -1, []
    while count < 0 or first < count:
        # stderr to a file, not a pipe: the child's warnings cannot fill it and block it.
        with tempfile.TemporaryFile(mode="w+") as errors:
            first, count = _one_child(argv, first, count, limit, startup, errors, bad)
    return count, bad


def _one_child(
    argv: Sequence[str], first: int, count: int, limit: float, startup: float, errors: IO[str], bad: list[Outcome]
) -> tuple[int, int]:
    """Run one child from case ``first``; return where the next child starts, and the count."""
    proc = subprocess.Popen([sys.executable, *argv, str(first)], stdout=subprocess.PIPE, stderr=errors, text=True)
    assert proc.stdout is not None
    current = None
    deadline = time.monotonic() + startup
    finished = False
    while True:
        ready, _, _ = select.select([proc.stdout], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            proc.kill()
            proc.communicate()
            if current is None:
                raise RuntimeError(f"the child did not start within {startup} s")
            bad.append(Outcome(current, "hung", f"over {limit} s"))
            return current + 1, count
        line = proc.stdout.readline()
        if not line:
            proc.communicate()
            if not finished:
                errors.seek(0)
                raise RuntimeError(f"the child stopped at case {current}: {errors.read()[-2000:]}")
            return count, count
        kind, _, rest = line.rstrip("\n").partition(" ")
        if kind == "count":
            count = int(rest)
        elif kind == "start":
            current = int(rest)
            deadline = time.monotonic() + limit
        elif kind == "fail":
            index, _, why = rest.partition(" ")
            bad.append(Outcome(int(index), "failed", why))
        elif kind == "done":
            finished = True
            deadline = time.monotonic() + startup


def serve_cases(argv: Sequence[str], count: int, check: Callable[[int], list[str]]) -> int:
    """The child's side: say how many cases there are, then run ``check(i)`` (what case ``i``
    broke, empty when nothing) for each case from index ``argv[0]`` on, saying ``start``/``end``
    around it and ``fail`` with what it broke (an exception is reported, not raised)."""
    first = int(argv[0]) if argv else 0
    print(f"count {count}", flush=True)
    for i in range(first, count):
        print(f"start {i}", flush=True)
        try:
            found = check(i)
        except Exception as exc:  # report it; the test fails on it
            found = [f"{type(exc).__name__}: {exc}"]
        if found:
            print(f"fail {i} {found[:3]!r}", flush=True)
        print(f"end {i}", flush=True)
    print("done", flush=True)
    return 0
