"""Batch throughput (pages/s) and peak memory of parse_many(), for jobs=1 and jobs=2.

Usage: python benchmarks/bench_batch.py [--pages N] [--jobs J [J ...]] [--corpus DIR] [--tracemalloc]

The labelled corpus's raw.txt pages (the example page when the corpus is absent) are repeated
to N pages (default 20,000) and fed to ``parse_many`` lazily, as a generator: nothing holds the
whole input or all results, so memory must stay flat however large N is. Each configuration runs
in a fresh process (peak memory is per process) and reports pages/s, the parent's peak RSS
(``getrusage``), its RSS at 10 %, 50 % and 100 % of the run (flat when streaming works), the
largest worker's peak RSS, and with ``--tracemalloc`` the parent's peak Python allocations
(tracemalloc slows the parent, so pages/s are then lower). Reports, never asserts: the machines
are shared and noisy.

Wall time on a shared machine says more about the other processes than about ``parse_many``, so
each run also reports the CPU time per page of the parent and of the workers together
(``getrusage``; the workers are counted once the pool has shut down), and from them the gain
``jobs`` idle CPUs would give: ``jobs`` × jobs=1's CPU per page ÷ all processes' CPU per page
with ``jobs`` workers (the parent's share and the workers' pickling are what keep it under
``jobs``).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from _common import DEFAULT_CORPUS, pages

DEFAULT_PAGES = 20_000
CHECKPOINTS = (0.1, 0.5, 1.0)
"""Shares of the run at which the parent's current RSS is read."""


def rss_mb() -> float | None:
    """The current resident set size in MB (Linux), or None elsewhere."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            resident = int(fh.read().split()[1])
    except OSError:
        return None
    return resident * os.sysconf("SC_PAGE_SIZE") / 1e6


def maxrss_mb(who: int) -> float:
    """Peak RSS in MB of this process or (the largest of) its waited-for children."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3  # bytes on macOS, KB elsewhere


def cpu_seconds(who: int) -> float:
    """User and system CPU seconds of this process or of its waited-for children."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def child(args: argparse.Namespace) -> int:
    """One configuration, in this process: print one JSON line of figures."""
    import tracemalloc

    from bilingual_news import parse_many

    (jobs,) = args.jobs
    texts, _ = pages(args.corpus)
    if args.tracemalloc:
        tracemalloc.start()
    stream = itertools.islice(itertools.cycle(texts), args.pages)
    marks = {max(1, int(args.pages * share)) for share in CHECKPOINTS}
    rss: list[float | None] = []
    done = errors = 0
    cpu_start = cpu_seconds(resource.RUSAGE_SELF)
    start = time.perf_counter()
    for result in parse_many(stream, jobs=jobs):
        done += 1
        errors += not result.ok
        if done in marks:
            rss.append(rss_mb())
    elapsed = time.perf_counter() - start
    parent_cpu = cpu_seconds(resource.RUSAGE_SELF) - cpu_start
    workers_cpu = cpu_seconds(resource.RUSAGE_CHILDREN)  # the pool has shut down: every worker counted
    traced = tracemalloc.get_traced_memory()[1] / 1e6 if args.tracemalloc else None
    figures = {
        "jobs": jobs,
        "pages": done,
        "errors": errors,
        "seconds": round(elapsed, 2),
        "pages_per_s": round(done / elapsed, 1),
        "parent_cpu_ms_per_page": round(parent_cpu / done * 1e3, 3),
        "workers_cpu_ms_per_page": round(workers_cpu / done * 1e3, 3),
        "parent_peak_rss_mb": round(maxrss_mb(resource.RUSAGE_SELF), 1),
        "parent_rss_mb_at": [None if r is None else round(r, 1) for r in rss],
        "worker_peak_rss_mb": round(maxrss_mb(resource.RUSAGE_CHILDREN), 1) if jobs > 1 else None,
        "parent_peak_traced_mb": None if traced is None else round(traced, 1),
    }
    print(json.dumps(figures))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=DEFAULT_PAGES, help=f"pages per run (default {DEFAULT_PAGES:,})")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts to run (default 1 2)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of page folders with raw.txt")
    ap.add_argument("--tracemalloc", action="store_true", help="also trace the parent's Python allocations")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)

    _, source = pages(args.corpus)
    print(f"pages: {source}, repeated to {args.pages:,}; CPUs: {os.cpu_count()}")
    header = f"{'jobs':>4} {'pages/s':>9} {'seconds':>8} {'errors':>6} {'parent peak MB':>15} "
    header += f"{'parent MB at 10/50/100 %':>25} {'worker peak MB':>15} {'traced MB':>10} "
    header += f"{'CPU ms/page: parent':>20} {'workers':>8} {'gain on idle CPUs':>18}"
    print(header)
    single_cpu: float | None = None
    for jobs in args.jobs:
        command = [sys.executable, __file__, "--child", "--jobs", str(jobs), "--pages", str(args.pages)]
        command += ["--corpus", str(args.corpus)] + (["--tracemalloc"] if args.tracemalloc else [])
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        f = json.loads(out.strip().splitlines()[-1])
        at = "/".join("?" if r is None else f"{r:.0f}" for r in f["parent_rss_mb_at"])
        worker = "-" if f["worker_peak_rss_mb"] is None else f"{f['worker_peak_rss_mb']:.0f}"
        traced = "-" if f["parent_peak_traced_mb"] is None else f"{f['parent_peak_traced_mb']:.1f}"
        cpu = f["parent_cpu_ms_per_page"] + f["workers_cpu_ms_per_page"]
        if f["jobs"] == 1:
            single_cpu = cpu
        gain = "-" if single_cpu is None else f"{f['jobs'] * single_cpu / cpu:.2f}x"
        print(
            f"{f['jobs']:>4} {f['pages_per_s']:>9.1f} {f['seconds']:>8.1f} {f['errors']:>6} "
            f"{f['parent_peak_rss_mb']:>15.0f} {at:>25} {worker:>15} {traced:>10} "
            f"{f['parent_cpu_ms_per_page']:>20.2f} {f['workers_cpu_ms_per_page']:>8.2f} {gain:>18}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
