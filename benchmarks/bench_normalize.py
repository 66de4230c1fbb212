"""Normalization throughput, and its share of parse() time, printed as a table.

Usage: python benchmarks/bench_normalize.py [--repeat N] [--corpus DIR]

Over every page's raw.txt in the labelled corpus (the example page when the corpus is absent):
the median time of normalize() and of parse() per page over N runs, after a warm-up pass (which
also pays for ftfy's import and the large character classes, built on first use). Then the
same for a page of artifacts (every rule firing) and for 100,000 ``/'`` escapes, which must
cost linear time. Reports, never asserts: the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _common import DEFAULT_CORPUS, pages

ARTIFACTS = (
    "President Xi/'s visit &amp;quot;historic&amp;quot; \\u2019 China\\'s\r\n"
    "the countryâ€™s cafÃ© ä¸­å›½ 鍖椾含 2025\u00a0km 新\u200b华\ufeff社 1\u00ad—4 網(wǎng)絡(luò)\x00\n"
)


def medians(work: Callable[[str], object], texts: list[str], repeat: int) -> list[float]:
    """Median seconds of ``work(text)`` for each text, after a warm-up pass."""
    for text in texts:
        work(text)
    times: list[list[float]] = [[] for _ in texts]
    for _ in range(repeat):
        for i, text in enumerate(texts):
            start = time.perf_counter()
            work(text)
            times[i].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=7, help="runs of each measurement (default 7)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of page folders with raw.txt")
    args = ap.parse_args()

    from bilingual_news import normalize, parse

    texts, source = pages(args.corpus)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    norm = medians(normalize, texts, args.repeat)
    full = medians(parse, texts, args.repeat)
    shares = sorted(n / p for n, p in zip(norm, full, strict=True))
    artifacts = ARTIFACTS * 200
    (dirty,) = medians(normalize, [artifacts], args.repeat)
    small, large = (medians(normalize, ["a/'" * n], 3)[0] for n in (25_000, 100_000))

    print(f"pages: {source}, {megabytes:.2f} MB")
    print(f"{'measure':46} value")
    print(f"{'normalize() median per page':46} {statistics.median(norm) * 1000:8.3f} ms")
    print(f"{'normalize() max per page':46} {max(norm) * 1000:8.3f} ms")
    print(f"{'normalize() throughput':46} {megabytes / sum(norm):8.1f} MB/s")
    print(f"{'parse() median per page':46} {statistics.median(full) * 1000:8.3f} ms")
    print(f"{'normalize share of parse(), all pages':46} {sum(norm) / sum(full):8.1%}")
    print(f"{'normalize share of parse(), median page':46} {statistics.median(shares):8.1%}")
    print(f"{'normalize share of parse(), worst page':46} {shares[-1]:8.1%}")
    artifact_mb = len(artifacts.encode("utf-8")) / 1e6
    print(f"{'artifact page throughput (every rule fires)':46} {artifact_mb / dirty:8.1f} MB/s")
    print(f"{'100,000 /-escapes vs 25,000 (linear: ~4x)':46} {large / small:8.1f}x ({large:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
