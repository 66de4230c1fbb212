"""How well ``Document.confidence`` ranks pages read badly under pages read well.

A pipeline routes doubtful pages on the number (``docs/reliability.md``), so what matters is
the order it puts pages in, not its value. For a set of pages with a body F1 each, this prints
the share of (bad, good) pairs in which the bad page (body F1 < 0.9) scores lower than the good
one (F1 ≥ 0.99), ties counting half: 1.0 is a perfect ranking, 0.5 chance (the area under the
ROC curve). Two sets: the labelled dev pages (text input, the evaluation's body F1) and the
English news benchmark's 181 pages from 181 sites (text dump and HTML, the benchmark's own
metric). It also prints issue 16's criterion on the dev pages: the highest confidence of a bad
page against the lowest of a good one::

    python benchmarks/confidence_ranking.py [CORPUS_DIR] [--skip-news]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from _common import DEFAULT_CORPUS, NEWS, news_dump, news_html

import bilingual_news as bn
from bilingual_news.evaluate import evaluate

BAD_F1 = 0.9
"""Body F1 under which a page was read badly (issue 16's criterion)."""
GOOD_F1 = 0.99
"""Body F1 from which a page was read well."""
BODY = ("paragraph", "subheading")
"""The kinds whose text is the body the news benchmark scores."""


def ranking(pages: list[tuple[float, float]]) -> tuple[float, int, int]:
    """The share of (bad, good) pairs of ``(body F1, confidence)`` ranked right, ties half; and the
    numbers of bad and good pages."""
    bad = [c for f1, c in pages if f1 < BAD_F1]
    good = [c for f1, c in pages if f1 >= GOOD_F1]
    if not bad or not good:
        return float("nan"), len(bad), len(good)
    right = sum((b < g) + 0.5 * (b == g) for b in bad for g in good)
    return right / (len(bad) * len(good)), len(bad), len(good)


def _news(fmt: str) -> list[tuple[float, float]]:
    sys.path.insert(0, str(NEWS))
    from score_articles import page_counts  # the benchmark's own metric

    truth = json.loads((NEWS / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for path in sorted((NEWS / "html").glob("*.html.gz")):
        page: str | bytes = news_dump(path) if fmt == "text" else news_html(path)
        doc = bn.parse(page, format=fmt)
        body = "\n".join(b.text for b in doc.blocks if b.kind.value in BODY)
        tp, fp, fn = page_counts(truth[path.name[: -len(".html.gz")]].get("articleBody", ""), body)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        out.append((f1, doc.confidence))
    return out


def _line(name: str, pages: list[tuple[float, float]]) -> str:
    share, bad, good = ranking(pages)
    return f"{name}: bad pages under good ones in {share:.3f} of pairs ({bad} bad, {good} good)"


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    if corpus.is_dir():
        dev = [(p.body.f1, p.confidence if p.confidence is not None else 1.0) for p in evaluate(corpus).pages]
        print(_line(f"dev pages, text ({len(dev)})", dev))
        worst_bad = max((c for f1, c in dev if f1 < BAD_F1), default=float("nan"))
        least_good = min((c for f1, c in dev if f1 >= GOOD_F1), default=float("nan"))
        print(f"  highest confidence of a bad page {worst_bad:.2f}, lowest of a good page {least_good:.2f}")
    else:
        print(f"no labelled corpus at {corpus}: dev pages skipped")
    if "--skip-news" not in argv:
        if not (NEWS / "ground-truth.json").exists():
            print(f"no news benchmark at {NEWS}: news pages skipped")
        else:
            for fmt in ("text", "html"):
                print(_line(f"news pages, {fmt}", _news(fmt)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
