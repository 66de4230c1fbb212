"""Headlines on the English news benchmark, against each page's own title markup.

The benchmark (``../shared/benchmarks/scrapinghub``) gives each page's article body, not its
title. Its pages do carry their title twice in the markup, though: ``<meta property="og:title">``
(the title the site gives to social cards) and the first ``<h1>``. A parsed headline counts as
right when its words match one of them with token F1 ≥ :data:`MATCH_F1` (an og:title often
carries the site's name, ``Title | Site``; an ``<h1>`` sometimes a kicker). It is a proxy, not a
gold: 181 sites' own statements of their titles, where the labelled corpus has few sites. Pages
with neither are left out. From the text dump (``html2txt.py``, as the labelled corpus is made)
or from the HTML::

    python benchmarks/news_headlines.py [BENCHMARK_DIR] [--format text|html] [--show]

prints ``headline F1>=0.8 vs og:title/h1: right/pages = share`` and, with ``--show``, each miss.
:func:`accuracy` is what ``news_benchmark_gate.py`` checks against its floors.
"""

from __future__ import annotations

import gzip
import html
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import bilingual_news as bn

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "benchmarks" / "scrapinghub"
MATCH_F1 = 0.8
"""Token F1 from which a headline matches a page's title markup: a site suffix (``| Site``) or a
kicker costs a title of ten words less than that."""
_WORD = re.compile(r"\w+")
_CONTENT = r"""content=(?:"([^"]*)"|'([^']*)')"""
_OG_TITLE = (
    re.compile(r"""<meta[^>]+property=["']og:title["'][^>]*""" + _CONTENT, re.IGNORECASE),
    re.compile(r"""<meta[^>]+""" + _CONTENT + r"""[^>]*property=["']og:title""", re.IGNORECASE),
)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def titles(page: str) -> list[str]:
    """The titles a page's markup states: its ``og:title`` and its first ``<h1>``, if any."""
    out = []
    for pattern in _OG_TITLE:
        found = pattern.search(page)
        if found:
            out.append(html.unescape(found.group(1) or found.group(2) or "").strip())
            break
    h1 = _H1.search(page)
    if h1:
        out.append(html.unescape(_TAG.sub("", h1.group(1))).strip())
    return [t for t in out if t]


def token_f1(gold: str, got: str) -> float:
    """Token F1 of two texts' words, lower-cased."""
    a = [t.lower() for t in _WORD.findall(gold)]
    b = [t.lower() for t in _WORD.findall(got)]
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    precision, recall = common / len(b), common / len(a)
    return 2 * precision * recall / (precision + recall)


def text_dump(bench: Path, data: bytes) -> str:
    """The page as the labelled corpus's text dump (``corpus/html2txt.py``) writes it."""
    script = bench.parents[1] / "corpus" / "html2txt.py"
    run = subprocess.run([sys.executable, str(script), "/dev/stdin"], input=data, capture_output=True, check=True)
    return run.stdout.decode("utf-8")


def accuracy(bench: Path, fmt: str, misses: list[tuple[str, str, str]] | None = None) -> tuple[int, int]:
    """``(right, pages)``: pages whose headline matches their title markup, of pages that have
    some; each miss is appended to ``misses`` as ``(page key, headline, wanted title)``."""
    right = pages = 0
    for path in sorted((bench / "html").glob("*.html.gz")):
        data = gzip.decompress(path.read_bytes())
        wanted = titles(data.decode("utf-8", "replace"))
        if not wanted:
            continue
        page: str | bytes = text_dump(bench, data) if fmt == "text" else data
        headline = bn.parse(page, format=fmt).headline or ""
        pages += 1
        if max(token_f1(t, headline) for t in wanted) >= MATCH_F1:
            right += 1
        elif misses is not None:
            misses.append((path.name[: -len(".html.gz")], headline, wanted[0]))
    return right, pages


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    fmt = argv[argv.index("--format") + 1] if "--format" in argv else "text"
    args = [a for a in args if a != fmt]
    bench = (Path(args[0]) if args else DEFAULT).resolve()
    if not (bench / "html").is_dir():
        print(f"news headlines: expected the benchmark's html/ in {bench}, found nothing", file=sys.stderr)
        return 2
    misses: list[tuple[str, str, str]] = []
    right, pages = accuracy(bench, fmt, misses)
    print(f"bilingual_news ({fmt}) headline F1>={MATCH_F1} vs og:title/h1: {right}/{pages} = {right / pages:.3f}")
    if "--show" in argv:
        for key, got, want in misses:
            print(f"  {key[:12]}  got {got[:70]!r}\n                want {want[:70]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
