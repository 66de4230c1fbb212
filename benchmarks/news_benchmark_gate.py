"""The English news benchmark's gate: body F1 and headlines from HTML and from the text dump.

The benchmark (181 pages from 181 sites, its own gold and metric) lives outside the repository,
in ``../shared/benchmarks/scrapinghub``; its ``score_articles.py --parse`` runs this library on
every page and prints the benchmark's F1. This script runs it for both formats, then scores the
headlines against each page's own title markup (``news_headlines.py``), prints the lines, and
exits 1 when a figure is below its floor in ``news_benchmark_floors.json`` (``html``, ``text``,
``headline_html``, ``headline_text``; 2 when the benchmark is missing). CI runs it after the
evaluation gates::

    python benchmarks/news_benchmark_gate.py [BENCHMARK_DIR]
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from news_headlines import accuracy

from bilingual_news.evaluate import read_floors

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "benchmarks" / "scrapinghub"
F1 = re.compile(r"F1 ([0-9.]+)")


def main(argv: list[str]) -> int:
    bench = (Path(argv[0]) if argv else DEFAULT).resolve()
    script = bench / "score_articles.py"
    if not script.exists():
        print(f"news benchmark gate: expected {script}, found nothing", file=sys.stderr)
        return 2
    floors = read_floors(HERE / "news_benchmark_floors.json")
    failed = False
    for fmt in ("html", "text"):
        run = subprocess.run(
            [sys.executable, str(script), "--parse", "--format", fmt],
            cwd=bench,
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode:
            print(f"news benchmark gate: {fmt} run exited {run.returncode}:\n{run.stderr}", file=sys.stderr)
            return 2
        out = run.stdout.strip()
        print(out)
        found = F1.search(out)
        if found is None:
            print(f"news benchmark gate: expected an F1 in the {fmt} line, got {out!r}", file=sys.stderr)
            return 2
        if float(found.group(1)) < floors[fmt]:
            print(f"news benchmark gate: {fmt} F1 {found.group(1)} < floor {floors[fmt]}", file=sys.stderr)
            failed = True
    for fmt in ("html", "text"):
        right, pages = accuracy(bench, fmt)
        share = right / pages if pages else 0.0
        print(f"bilingual_news ({fmt}) headline vs og:title/h1: {right}/{pages} = {share:.3f}")
        if share < floors[f"headline_{fmt}"]:
            print(
                f"news benchmark gate: {fmt} headline {share:.3f} < floor {floors[f'headline_{fmt}']}", file=sys.stderr
            )
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
