"""Speed of bilingual_news, side by side with its peers, printed as Markdown tables.

Usage: python benchmarks/run.py [--repeat N] [--corpus DIR] [--skip-peers] [--skip-scaling]
                                [--skip-news] [--throughput-only] [--sizes BYTES ...]

Six sections, each a table (docs/performance.md shows them and says how to read them):

1. Cold start, as whole processes (the way a script pays for it): ``python -c pass``,
   ``import bilingual_news``, and import + first ``parse()`` of examples/seed.txt; with the
   bytecode cache an installed package has (kept in a temporary folder, not the tree), and
   with none (``PYTHONDONTWRITEBYTECODE=1``), when every import compiles the source.
2. Where the time goes: :func:`bilingual_news.pipeline.profile` over every corpus page, the
   fastest of N runs of each stage of each page, summed.
3. Throughput, side by side: ``parse()`` on each page's raw.txt and on its raw.html
   (``format="html"``, docs/html.md), and the peers of ``peers.py`` (trafilatura,
   readability-lxml, jusText; skipped when not installed) on the same raw.html, decoded to text
   first. Each of N runs is two fresh processes (parse() on the text and the peers; parse() on
   the HTML) that warm every tool up on other text (parse() with
   ``distributed.warmup(heavy=True)`` too, which loads what parse() loads on first use), then
   give it each page once: no tool is timed on a page it has seen, so no cache of page text
   helps anyone (but with a line a page shares with an earlier page of the set, as a site's
   chrome: what the caches of short texts are for). Each run gives the median ms per page and
   pages/s; the table shows the median, min and max of those over the runs, the slowest pages (p99, max,
   and how many took over 20 ms), and parse()'s pages/s (on raw.txt, and on the same raw.html)
   over each peer's, in each run and the lowest of them.
   The same again on the English news benchmark (``../shared/benchmarks/scrapinghub``, 181
   pages: parse() on the corpus's text dump of each page, made once by
   ``../shared/corpus/html2txt.py`` and cached, and on its HTML; the peers on the HTML);
   ``--skip-news`` leaves it out.
4. The same pages again: parse() over the corpus N more times in one process, which is what
   the caches of short texts (block languages) make of lines a site repeats on every page.
5. Scaling: ``scaling.py``'s time and peak memory from 1 KB to 10 MB, each size in its own process.

Reports, never asserts: the machines are shared and noisy, so only medians and ratios of one
run mean much.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import peers
import scaling
from _common import DEFAULT_CORPUS, NEWS, ROOT, SEED, news_dump, news_html

WARM_UP_HTML = """<html><head><meta charset="utf-8"><title>Warm-up</title></head><body>
<nav><a href="/">首页</a> <a href="/news">新闻</a></nav><article><h1>A page to warm up on</h1>
<p>The ministry said on Monday that trade between the two countries grew by five percent last year.</p>
<p>外交部发言人表示，“双方将继续深化合作”，共同维护地区和平与稳定。</p></article></body></html>"""
"""What every peer parses before the timed pages: imports and lazy loads are not timed."""


def cold(code: str, runs: int, env: dict[str, str]) -> list[float]:
    """Seconds a fresh interpreter takes to run ``code``, ``runs`` times (after one untimed run,
    which writes the bytecode cache when ``env`` lets it)."""
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        times.append(time.perf_counter() - start)
    return times


def bytecode_env(cache: str | None) -> dict[str, str]:
    """The environment of the cold-start processes: with a bytecode cache in ``cache`` (as an
    installed package has one: pip compiles it), or with none, as ``PYTHONDONTWRITEBYTECODE``
    leaves a checkout."""
    env = dict(os.environ)
    if cache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache  # outside the tree: the benchmark leaves no __pycache__ there
    return env


def corpus_pages(corpus: Path) -> list[Path]:
    """The page folders of the corpus, or an empty list when it is absent."""
    return sorted(p.parent for p in corpus.glob("*/raw.txt")) if corpus.is_dir() else []


def html_of(folder: Path) -> str | None:
    """A page's raw.html as text (decoded as parse_file decodes HTML bytes), or None when it has none."""
    from bilingual_news.decode import decode_html

    path = folder / "raw.html"
    return decode_html(path.read_bytes(), source=str(path)) if path.is_file() else None


def once(work: Callable[[Any], object], inputs: list[Any]) -> list[float]:
    """Seconds of ``work`` on each input, once each."""
    times = []
    for item in inputs:
        start = time.perf_counter()
        work(item)
        times.append(time.perf_counter() - start)
    return times


def summary(per_run: list[list[float]]) -> dict[str, list[float]]:
    """Median ms per page and pages/s of each run."""
    return {
        "ms": [statistics.median(times) * 1e3 for times in per_run],
        "pages_s": [len(times) / sum(times) for times in per_run],
    }


def spread(values: list[float], fmt: str) -> str:
    """``median (min – max)``."""
    return f"{statistics.median(values):{fmt}} ({min(values):{fmt}} – {max(values):{fmt}})"


def cold_section(repeat: int) -> list[str]:
    first_parse = (
        f"import pathlib, bilingual_news; bilingual_news.parse(pathlib.Path({str(SEED)!r}).read_text('utf-8'))"
    )
    lines = [
        f"## Cold start (whole processes, {repeat} runs; ms: median (min – max))",
        "",
        "| bytecode | process | ms | minus `python -c pass` |",
        "| --- | --- | ---: | ---: |",
    ]
    with tempfile.TemporaryDirectory(prefix="bilingual-news-pyc-") as cache:
        for label, env in (("cached (installed)", bytecode_env(cache)), ("none (a checkout)", bytecode_env(None))):
            ms = [[t * 1e3 for t in cold(code, repeat, env)] for code in ("pass", "import bilingual_news", first_parse)]
            extra = [statistics.median(m) - statistics.median(ms[0]) for m in ms]
            lines += [
                f"| {label} | `python -c pass` | {spread(ms[0], '.1f')} | |",
                f"| {label} | `import bilingual_news` | {spread(ms[1], '.1f')} | {extra[1]:.1f} |",
                f"| {label} | import + first `parse()` of the seed | {spread(ms[2], '.1f')} | {extra[2]:.1f} |",
            ]
    return lines


def stages_section(texts: list[str], repeat: int) -> list[str]:
    from bilingual_news.pipeline import profile

    for text in texts:
        profile(text)
    best: list[dict[str, float]] = []
    for text in texts:
        runs = [profile(text) for _ in range(repeat)]
        best.append({name: min(r[name] for r in runs) for name in runs[0]})
    total = {name: sum(b[name] for b in best) for name in best[0]}
    whole = sum(total.values())
    lines = [
        f"## Where the time goes (pipeline.profile, fastest of {repeat} per page, summed over {len(texts)} pages)",
        "",
        "| stage | ms per page (mean) | share |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {name} | {t / len(texts) * 1e3:.3f} | {t / whole:.1%} |" for name, t in total.items()]
    lines.append(f"| **all** | **{whole / len(texts) * 1e3:.3f}** | |")
    return lines


SLOW_PAGE_MS = 20.0
"""A page that takes longer than this after warm-up is counted in the tables (issue 20's bound)."""


def news_pages() -> list[tuple[str, str]]:
    """The news benchmark's pages as (text dump, HTML); an empty list when it is absent."""
    from bilingual_news.decode import decode_html

    return [
        (news_dump(path), decode_html(news_html(path), source=str(path)))
        for path in sorted((NEWS / "html").glob("*.html.gz"))
    ]


def page_set(name: str, corpus: Path) -> list[tuple[str, str | None]]:
    """The (text, HTML or None) of each page of a set: ``dev`` (the labelled corpus) or ``news``."""
    if name == "news":
        return news_pages()
    return [((f / "raw.txt").read_text(encoding="utf-8"), html_of(f)) for f in corpus_pages(corpus)]


def throughput_child(pages: list[tuple[str, str | None]], part: str, skip_peers: bool) -> dict[str, list[float]]:
    """One run, in this (fresh) process, of one ``part``: ``text``, every page's text once with
    parse(), then its HTML with each peer; ``html``, every page's HTML once with parse(). The two
    parts are two processes, so that parse() never meets a line of a page on its HTML that it has
    judged on the page's text (its cache of short lines' languages would make the second pass
    cheaper)."""
    import bilingual_news
    from bilingual_news.distributed import warmup

    warmup(heavy=True)  # what parse() loads on first use (langdetect, jieba, ftfy, the patterns)
    bilingual_news.parse(SEED.read_text(encoding="utf-8"))
    for case in sorted((ROOT / "tests" / "cases" / "segmentation").glob("*.txt")):
        bilingual_news.parse(case.read_text(encoding="utf-8"))
    htmls = [html for _, html in pages if html is not None]
    if part == "html":
        bilingual_news.parse(WARM_UP_HTML, format="html")
        return {"parse_html": once(lambda html: bilingual_news.parse(html, format="html"), htmls)}
    out = {"parse": once(bilingual_news.parse, [text for text, _ in pages])}
    if skip_peers:
        return out
    for peer in peers.PEERS:
        work = peers.load(peer)
        if work is not None:
            work(WARM_UP_HTML)
            out[peer.name] = once(work, htmls)
    return out


def tail(per_run: list[list[float]]) -> str:
    """The slowest pages of the runs: p99 and max ms (median over the runs), and how many pages
    took over :data:`SLOW_PAGE_MS` (most in any run)."""
    p99 = statistics.median(sorted(t)[max(0, math.ceil(0.99 * len(t)) - 1)] * 1e3 for t in per_run)
    worst = statistics.median(max(t) * 1e3 for t in per_run)
    slow = max(sum(x * 1e3 > SLOW_PAGE_MS for x in t) for t in per_run)
    return f"{p99:.1f} / {worst:.1f} / {slow}"


def ratios(ours: list[list[float]], theirs: list[list[float]]) -> str:
    """Our pages/s over theirs in each run (the runs in order), and the lowest."""
    each = [(len(o) / sum(o)) / (len(t) / sum(t)) for o, t in zip(ours, theirs, strict=True)]
    return f"{min(each):.1f} ({', '.join(f'{r:.1f}' for r in each)})"


def throughput_section(name: str, repeat: int, skip_peers: bool, corpus: Path) -> list[str]:
    """``repeat`` runs of :func:`throughput_child` on a page set, each in a fresh process."""
    pages = page_set(name, corpus)
    if not pages:
        return [f"## Throughput on the {name} pages: skipped (none found)"]
    per_tool: dict[str, list[list[float]]] = {}
    command = [sys.executable, __file__, "--child-throughput", name, "--corpus", str(corpus)]
    if skip_peers:
        command.append("--skip-peers")
    for _ in range(repeat):
        for part in ("text", "html"):
            out = subprocess.run([*command, "--child-part", part], check=True, capture_output=True, text=True)
            for tool, times in json.loads(out.stdout.strip().splitlines()[-1]).items():
                per_tool.setdefault(tool, []).append(times)
    ours, ours_html = summary(per_tool["parse"]), summary(per_tool["parse_html"])
    chars = sum(len(text) for text, _ in pages)
    html_chars = sum(len(html) for _, html in pages if html is not None)
    htmls = sum(html is not None for _, html in pages)
    title = "the labelled corpus" if name == "dev" else "the English news benchmark (text dumps and their HTML)"
    lines = [
        f"## Throughput, side by side: {title}, {len(pages)} pages; {repeat} runs, each a fresh process that "
        "has seen none of the pages; median (min – max) over the runs",
        "",
        f"| tool | input | median ms per page | p99 / max ms / pages > {SLOW_PAGE_MS:.0f} ms | pages/s "
        "| parse()'s pages/s ÷ tool's: lowest (each run) | parse(html)'s ÷ tool's: lowest (each run) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
        f"| bilingual_news `parse()` | text ({chars:,} chars) | {spread(ours['ms'], '.2f')} "
        f"| {tail(per_tool['parse'])} | {spread(ours['pages_s'], '.0f')} | 1 | |",
        f'| bilingual_news `parse(html, format="html")` | HTML ({htmls} pages, {html_chars:,} chars) '
        f"| {spread(ours_html['ms'], '.2f')} | {tail(per_tool['parse_html'])} "
        f"| {spread(ours_html['pages_s'], '.0f')} | | 1 |",
    ]
    if skip_peers:
        return lines
    for peer in peers.PEERS:
        if peer.name not in per_tool:
            lines.append(f'| {peer.name} | not installed (`pip install -e ".[bench]"`) | | | | | |')
            continue
        theirs = per_tool[peer.name]
        rates = summary(theirs)
        lines.append(
            f"| {peer.name} `{peer.call}` | HTML ({html_chars:,} chars) | {spread(rates['ms'], '.2f')} "
            f"| {tail(theirs)} | {spread(rates['pages_s'], '.0f')} | {ratios(per_tool['parse'], theirs)} "
            f"| {ratios(per_tool['parse_html'], theirs)} |"
        )
    return lines


def repeated_section(texts: list[str], repeat: int) -> list[str]:
    """parse() on the same pages again and again in one process, after a first pass."""
    import bilingual_news

    for text in texts:
        bilingual_news.parse(text)
    again = summary([once(bilingual_news.parse, texts) for _ in range(repeat)])
    return [
        f"## The same pages again ({repeat} more runs in one process; median (min – max) over the runs)",
        "",
        "| measure | parse() |",
        "| --- | ---: |",
        f"| median ms per page | {spread(again['ms'], '.2f')} |",
        f"| pages/s | {spread(again['pages_s'], '.0f')} |",
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="runs of each measurement (default 5)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of page folders with raw.txt")
    ap.add_argument("--skip-peers", action="store_true", help="time parse() alone")
    ap.add_argument("--skip-scaling", action="store_true", help="leave out the 1 KB - 10 MB pages")
    ap.add_argument("--throughput-only", action="store_true", help="print the throughput table alone")
    ap.add_argument("--sizes", type=float, nargs="+", default=scaling.DEFAULT_SIZES, help="scaling page sizes (bytes)")
    ap.add_argument("--skip-news", action="store_true", help="leave out the English news benchmark's pages")
    ap.add_argument("--child-throughput", choices=("dev", "news"), help=argparse.SUPPRESS)
    ap.add_argument("--child-part", choices=("text", "html"), default="text", help=argparse.SUPPRESS)
    args = ap.parse_args()

    folders = corpus_pages(args.corpus)
    if not folders:
        print(f"no corpus at {args.corpus}: the tables need its pages (raw.txt and raw.html)", file=sys.stderr)
        return 2
    if args.child_throughput:
        pages = page_set(args.child_throughput, args.corpus)
        print(json.dumps(throughput_child(pages, args.child_part, args.skip_peers)))
        return 0
    news = [] if args.skip_news else [throughput_section("news", args.repeat, args.skip_peers, args.corpus)]
    if args.throughput_only:
        dev = throughput_section("dev", args.repeat, args.skip_peers, args.corpus)
        print("\n\n".join("\n".join(s) for s in [dev, *news]))
        return 0
    texts = [(f / "raw.txt").read_text(encoding="utf-8") for f in folders]
    sections = [
        cold_section(args.repeat),
        stages_section(texts, args.repeat),
        throughput_section("dev", args.repeat, args.skip_peers, args.corpus),
        *news,
        repeated_section(texts, args.repeat),
    ]
    if not args.skip_scaling:
        rows = scaling.measure([int(s) for s in args.sizes], args.corpus)
        sections.append(
            ["## Scaling (one page, 1 KB to 10 MB, each size in a fresh process)", "", *scaling.table(rows)]
        )
    print("\n\n".join("\n".join(s) for s in sections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
