"""Time and peak memory of parse() on one page from 1 KB to 10 MB: it must grow linearly.

Usage: python benchmarks/scaling.py [--sizes 1e3 1e4 ...] [--corpus DIR]
       python benchmarks/scaling.py --one SIZE   (one size, in this process: one JSON line)

The page of each size is the corpus's raw.txt pages concatenated (blank lines between) and
repeated until it has SIZE bytes of UTF-8, cut at a character boundary. Each size runs in a
fresh process, which first parses a 200 KB page of the same text (and a French line, which
loads langdetect), so that lazy loads are not timed; then parses the page twice and keeps the
faster run. Reported per size: seconds, nanoseconds per input byte and that per-byte time over
the 1 MB page's (linear growth keeps it near 1; a quadratic step doubles it at every tenfold),
the peak of Python allocations during the parse (``tracemalloc``, in a separate parse, since
tracing slows it) and its ratio to the input's size, and the process's peak RSS
(``getrusage``, which includes the interpreter and the loaded libraries).

The repeated corpus has many lines a page repeats (the same page ten times over): parse()
measures a repeated line once, so these pages are cheaper per byte than one 10 MB page of
lines never seen before would be.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from _common import DEFAULT_CORPUS, SEED

DEFAULT_SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000)
REFERENCE_SIZE = 1_000_000
"""The page whose per-byte time the others are compared with."""
WARM_UP_SIZE = 200_000
FOREIGN = "Le gouvernement français a annoncé aujourd'hui une réforme des retraites pour l'année prochaine."
"""A line langdetect is asked about: it loads its profiles (0.2 s) in the warm-up, not the run."""


def corpus_text(corpus: Path) -> str:
    found = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*/raw.txt"))] if corpus.is_dir() else []
    return "\n\n".join(found or [SEED.read_text(encoding="utf-8")])


def page_of(text: str, size: int) -> str:
    """``text`` repeated to ``size`` bytes of UTF-8, cut at a character boundary."""
    data = text.encode("utf-8")
    reps = size // (len(data) + 2) + 1
    return (("\n\n".join([text] * reps)).encode("utf-8")[:size]).decode("utf-8", "ignore")


def one(size: int, corpus: Path) -> dict[str, float]:
    """Measure one size in this process."""
    import bilingual_news

    text = corpus_text(corpus)
    bilingual_news.parse(page_of(text, WARM_UP_SIZE) + "\n\n" + FOREIGN)
    page = page_of(text, size)
    seconds = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        bilingual_news.parse(page)
        seconds = min(seconds, time.perf_counter() - start)
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    bilingual_news.parse(page)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "size": size,
        "chars": len(page),
        "seconds": seconds,
        "peak_bytes": peak,
        "maxrss_bytes": maxrss if sys.platform == "darwin" else maxrss * 1024,
    }


def measure(sizes: list[int], corpus: Path) -> list[dict[str, float]]:
    """Each size in a fresh process."""
    rows = []
    for size in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--corpus", str(corpus)],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return rows


def table(rows: list[dict[str, float]]) -> list[str]:
    """The rows as Markdown."""
    reference = next((r for r in rows if r["size"] == REFERENCE_SIZE), rows[-1])
    per_byte_ref = reference["seconds"] / reference["size"]
    lines = [
        "| page | chars | time | ns/byte | per byte ÷ 1 MB's | peak alloc. | peak ÷ input | peak RSS |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        per_byte = r["seconds"] / r["size"]
        lines.append(
            f"| {_size(r['size'])} | {int(r['chars']):,} | {_seconds(r['seconds'])} | {per_byte * 1e9:,.0f} "
            f"| {per_byte / per_byte_ref:.2f} | {r['peak_bytes'] / 1e6:,.1f} MB | {r['peak_bytes'] / r['size']:.1f}× "
            f"| {r['maxrss_bytes'] / 1e6:,.0f} MB |"
        )
    return lines


def _size(n: float) -> str:
    return f"{n / 1e6:g} MB" if n >= 1e6 else f"{n / 1e3:g} KB"


def _seconds(s: float) -> str:
    return f"{s:.2f} s" if s >= 1 else f"{s * 1e3:.1f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=float, nargs="+", default=DEFAULT_SIZES, help="page sizes in bytes")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of page folders with raw.txt")
    ap.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one is not None:
        print(json.dumps(one(int(args.one), args.corpus)))
        return 0
    print("\n".join(table(measure([int(s) for s in args.sizes], args.corpus))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
