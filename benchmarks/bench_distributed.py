"""Throughput of one machine's ways and Dask's on the same pages: the plain loop, parse_many(jobs=2)
and run_dask with 2 workers, with start-up cost shown apart.

Usage: python benchmarks/bench_distributed.py [--pages N] [--shards S] [--workers W] [--corpus DIR] [--only NAME ...]

The labelled corpus's raw.txt pages (the example page when the corpus is absent) are repeated to
N pages (default 20,000) and written as S JSONL shards (default 16) of ``{"id", "text"}`` records.
Every configuration reads those shards and writes one JSON line per page (the batch records), each
in a fresh process:

* ``plain``: ``parse()`` in a loop in one process; start-up is importing and the first parse.
* ``parse_many``: ``parse_many(jobs=2)`` over the records; start-up is a pool of 2 workers started
  and warmed on two tiny pages, timed apart from the run (which starts its own pool).
* ``dask``: ``run_dask(workers=2)``: a LocalCluster of 2 single-threaded worker processes, one
  task per shard; start-up is the cluster's start and the workers' warm-up (``RunSummary``).

Pages/s are given over the parsing time alone and over the whole time, with the machine's
1-minute load average before and after each configuration: the configurations run one after
another, so a change of load between them changes the comparison. Reports, never asserts: the
machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from _common import DEFAULT_CORPUS, pages

from bilingual_news import Document

DEFAULT_PAGES = 20_000
DEFAULT_SHARDS = 16
CONFIGS = ("plain", "parse_many", "dask")


def write_shards(folder: Path, count: int, shards: int, corpus: Path) -> list[str]:
    """The corpus pages repeated to ``count`` records, dealt round-robin into ``shards`` files."""
    texts, _ = pages(corpus)
    handles = [(folder / f"part-{k:04d}.jsonl").open("w", encoding="utf-8") for k in range(shards)]
    for n, text in enumerate(itertools.islice(itertools.cycle(texts), count)):
        handles[n % shards].write(json.dumps({"id": f"p{n}", "text": text}, ensure_ascii=False) + "\n")
    for fh in handles:
        fh.close()
    return [fh.name for fh in handles]


def _records(shards: list[str]) -> Iterator[tuple[str, str]]:
    for shard in shards:
        with open(shard, "rb") as fh:
            for line in fh:
                record = json.loads(line)
                yield record["id"], record["text"]


def _line(ident: object, doc: Document | None, error: object) -> bytes:
    if doc is not None:
        record = {"id": ident, "document": doc.to_dict()}
    else:
        record = {"id": ident, "error": {"type": type(error).__name__, "message": str(error)}}
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def child(config: str, shards: list[str], out: Path, workers: int) -> dict[str, object]:
    """One configuration in this process: its figures."""
    start = time.perf_counter()
    if config == "dask":
        from bilingual_news.distributed import run_dask

        summary = run_dask(shards, out, workers=workers, progress=False)
        return {"startup": summary.startup_seconds, "parse": summary.seconds, "pages": summary.pages}
    if config == "plain":
        from bilingual_news import parse
        from bilingual_news.distributed import warmup

        warmup()
        startup = time.perf_counter() - start
        done = 0
        with (out / "all.jsonl").open("wb") as fh:
            for ident, text in _records(shards):
                fh.write(_line(ident, parse(text), None))
                done += 1
        return {"startup": startup, "parse": time.perf_counter() - start - startup, "pages": done}
    from bilingual_news import parse_many

    list(parse_many(["warm", "up"], jobs=workers))  # a pool started and warmed, then shut down
    startup = time.perf_counter() - start
    begin = time.perf_counter()
    done = 0
    with (out / "all.jsonl").open("wb") as fh:
        for result in parse_many(_records(shards), jobs=workers):
            fh.write(_line(result.id, result.document, result.error))
            done += 1
    return {"startup": startup, "parse": time.perf_counter() - begin, "pages": done}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=DEFAULT_PAGES, help=f"pages in all (default {DEFAULT_PAGES:,})")
    ap.add_argument("--shards", type=int, default=DEFAULT_SHARDS, help=f"JSONL shards (default {DEFAULT_SHARDS})")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of parse_many and Dask (default 2)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of page folders with raw.txt")
    ap.add_argument("--only", nargs="+", choices=CONFIGS, default=list(CONFIGS), help="configurations to run")
    ap.add_argument("--child", nargs=3, metavar=("CONFIG", "SHARDS_DIR", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        config, folder, out = args.child
        shards = sorted(str(p) for p in Path(folder).glob("part-*.jsonl"))
        print(json.dumps(child(config, shards, Path(out), args.workers)))
        return 0

    _, source = pages(args.corpus)
    print(f"pages: {source}, repeated to {args.pages:,} in {args.shards} shards; CPUs: {os.cpu_count()}; ", end="")
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    header = f"{'configuration':<22} {'start-up s':>10} {'parse s':>8} {'pages/s':>8} {'pages/s incl. start-up':>23}"
    print(header + f" {'load before/after':>18}")
    with tempfile.TemporaryDirectory(prefix="bench-distributed-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        write_shards(folder, args.pages, args.shards, args.corpus)
        for config in args.only:
            out = Path(tmp) / f"out-{config}"
            out.mkdir()
            command = [
                sys.executable,
                __file__,
                "--workers",
                str(args.workers),
                "--child",
                config,
                str(folder),
                str(out),
            ]
            load_before = os.getloadavg()[0]
            f = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout.splitlines()[-1])
            label = {"plain": "plain loop", "parse_many": f"parse_many(jobs={args.workers})"}.get(
                config, f"Dask, {args.workers} workers"
            )
            total = f["startup"] + f["parse"]
            print(
                f"{label:<22} {f['startup']:>10.1f} {f['parse']:>8.1f} {f['pages'] / f['parse']:>8.1f} "
                f"{f['pages'] / total:>23.1f} {load_before:>9.1f}/{os.getloadavg()[0]:<8.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
