"""Cold start and warm parse() time, printed as a table.

Usage: python benchmarks/run.py [--repeat N] [--corpus DIR]

Cold start runs whole processes (the way a user's script pays for it); warm time is the median
over repeated runs of parse() on every page, after one warm-up pass.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed.txt"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def cold(code: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return times


def pages(corpus: Path) -> list[str]:
    if corpus.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*/raw.txt"))]
    return [SEED.read_text(encoding="utf-8")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="runs of each measurement (default 5)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of page folders with raw.txt")
    args = ap.parse_args()

    baseline = cold("pass", args.repeat)
    imported = cold("import bilingual_news", args.repeat)
    first = cold(
        f"import pathlib, bilingual_news; bilingual_news.parse(pathlib.Path({str(SEED)!r}).read_text('utf-8'))",
        args.repeat,
    )

    import bilingual_news

    texts = pages(args.corpus)
    for text in texts:
        bilingual_news.parse(text)
    per_page: list[list[float]] = [[] for _ in texts]
    for _ in range(args.repeat):
        for i, text in enumerate(texts):
            start = time.perf_counter()
            bilingual_news.parse(text)
            per_page[i].append(time.perf_counter() - start)
    medians = sorted(statistics.median(ts) * 1000 for ts in per_page)
    total_chars = sum(len(t) for t in texts)
    total_s = sum(m / 1000 for m in medians)

    def ms(values: list[float]) -> str:
        lo, mid, hi = (v * 1000 for v in (min(values), statistics.median(values), max(values)))
        return f"{mid:8.1f} ms  (min {lo:.1f}, max {hi:.1f})"

    print(f"{'measure':44} value")
    print(f"{'python -c pass (interpreter start)':44} {ms(baseline)}")
    print(f"{'python -c import bilingual_news':44} {ms(imported)}")
    print(f"{'import + first parse() of the example page':44} {ms(first)}")
    print(f"{'pages measured':44} {len(texts)} ({total_chars:,} characters)")
    print(f"{'parse() median per page':44} {statistics.median(medians):8.2f} ms")
    print(f"{'parse() min / max per page':44} {medians[0]:.2f} / {medians[-1]:.2f} ms")
    print(f"{'parse() throughput':44} {len(texts) / total_s:8.0f} pages/s, {total_chars / total_s / 1e6:.2f} M chars/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
