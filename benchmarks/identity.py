"""The output-identity check of speed work: a sha256 of every ``parse()`` result, before and after.

A change made for speed must not change what ``parse()`` returns. This script parses a fixed set
of inputs and records the sha256 of each document's ``to_json()``; run it on the code before the
change with ``--write``, on the code after it with ``--check``, and it lists every input whose
document changed (exit 1), by group::

    python benchmarks/identity.py --write /tmp/identity.json   # before
    python benchmarks/identity.py --check /tmp/identity.json   # after: exit 0 when all identical

The groups (each skipped, and said so, when its inputs are absent):

- ``dev-text``, ``dev-html``: every labelled page's ``raw.txt`` and ``raw.html``
  (``../shared/corpus/dev``);
- ``dev-wrap72``, ``dev-html2text``, ``dev-markdownify``: the same pages hard-wrapped at 72
  columns and rendered as Markdown (``hard_wrap.py``, ``markdown_gate.py``; the Markdown
  renderers are in the ``formats-bench`` extra);
- ``cases``: the segmentation, HTML and Markdown cases under ``tests/cases``;
- ``synthetic``: ``testing.make_page(seed)`` for ``--synthetic N`` seeds (2,000 by default);
- ``news-html``, ``news-text``: the English news benchmark's 181 pages
  (``../shared/benchmarks/scrapinghub``), as HTML and as the corpus's text dump of them (made
  once by ``../shared/corpus/html2txt.py`` and kept in ``--cache``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from _common import DEFAULT_CORPUS, NEWS, NEWS_TEXT_CACHE, ROOT, news_dump, news_html

import bilingual_news as bn
from bilingual_news.decode import decode_html

DEFAULT_SYNTHETIC = 2000  # about 20 s; enough to reach every mix, blank-line style and artifact

Input = tuple[str, Callable[[], bytes | str], str]  # name, page, format


def _dev(corpus: Path) -> Iterator[tuple[str, Iterator[Input]]]:
    pages = sorted(p for p in corpus.glob("*") if (p / "raw.txt").exists())
    yield "dev-text", ((p.name, (p / "raw.txt").read_text, "text") for p in pages)
    with_html = [p for p in pages if (p / "raw.html").exists()]
    yield "dev-html", ((p.name, (p / "raw.html").read_bytes, "html") for p in with_html)
    from hard_wrap import wrap_page

    yield "dev-wrap72", ((p.name, lambda p=p: wrap_page((p / "raw.txt").read_text(), 72), "text") for p in pages)
    try:
        from markdown_gate import RENDERERS
    except ImportError as error:  # the formats-bench extra is not installed
        print(f"identity: Markdown groups skipped ({error})", file=sys.stderr)
        return
    for name, render in RENDERERS.items():
        try:
            render("<p>x</p>")
        except ImportError as error:
            print(f"identity: dev-{name} skipped ({error})", file=sys.stderr)
            continue
        yield (
            f"dev-{name}",
            (
                (p.name, lambda p=p, r=render: r(decode_html((p / "raw.html").read_bytes())), "markdown")
                for p in with_html
            ),
        )


def _cases() -> Iterator[Input]:
    cases = ROOT / "tests" / "cases"
    for path in sorted((cases / "segmentation").glob("*.txt")):
        yield f"segmentation/{path.name}", path.read_text, "text"
    for path in sorted((cases / "html").glob("*.html")):
        yield f"html/{path.name}", path.read_bytes, "html"
    for path in sorted((cases / "markdown").glob("*.md")):
        if path.name != "README.md":
            yield f"markdown/{path.name}", path.read_text, "markdown"


def _synthetic(count: int) -> Iterator[Input]:
    from bilingual_news.testing import make_page

    for seed in range(count):
        yield f"seed-{seed}", lambda seed=seed: make_page(seed).raw, "text"


def _news(cache: Path) -> Iterator[tuple[str, Iterator[Input]]]:
    files = sorted((NEWS / "html").glob("*.html.gz"))
    if not files:
        print(f"identity: news groups skipped (no pages in {NEWS / 'html'})", file=sys.stderr)
        return
    yield "news-html", ((f.name[:-8], lambda f=f: news_html(f), "html") for f in files)
    yield "news-text", ((f.name[:-8], lambda f=f: news_dump(f, cache), "text") for f in files)


def groups(corpus: Path, synthetic: int, cache: Path) -> Iterator[tuple[str, Iterator[Input]]]:
    """Every group of inputs, by name, each an iterator of (name, page, format)."""
    if corpus.is_dir():
        yield from _dev(corpus)
    else:
        print(f"identity: dev groups skipped (no corpus at {corpus})", file=sys.stderr)
    yield "cases", _cases()
    yield "synthetic", _synthetic(synthetic)
    yield from _news(cache)


def digests(corpus: Path, synthetic: int, cache: Path) -> dict[str, dict[str, str]]:
    """The sha256 of each input's document, by group and input name."""
    out: dict[str, dict[str, str]] = {}
    for group, inputs in groups(corpus, synthetic, cache):
        started = time.perf_counter()
        found = out.setdefault(group, {})
        for name, page, fmt in inputs:
            doc = bn.parse(page(), format=fmt)
            found[name] = hashlib.sha256(doc.to_json().encode("utf-8", "surrogatepass")).hexdigest()
        print(f"identity: {group}: {len(found)} inputs, {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return out


def compare(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> int:
    """Print each group's count of changed inputs and their names; the number changed."""
    changed = 0
    for group in sorted(set(before) | set(after)):
        old, new = before.get(group, {}), after.get(group, {})
        names = sorted(n for n in set(old) | set(new) if old.get(n) != new.get(n))
        changed += len(names)
        shown = ", ".join(names[:12]) + (" …" if len(names) > 12 else "")
        print(f"{group}: {len(new)} inputs, {len(names)} changed" + (f": {shown}" if names else ""))
    return changed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="FILE", help="record the digests in FILE")
    mode.add_argument("--check", type=Path, metavar="FILE", help="compare with the digests in FILE")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--synthetic", type=int, default=DEFAULT_SYNTHETIC, metavar="N")
    parser.add_argument("--cache", type=Path, default=NEWS_TEXT_CACHE)
    args = parser.parse_args(argv)
    found = digests(args.corpus, args.synthetic, args.cache)
    if args.write:
        args.write.write_text(json.dumps(found, indent=1, sort_keys=True), encoding="utf-8")
        print(f"identity: {sum(map(len, found.values()))} digests written to {args.write}")
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    return 1 if compare(before, found) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
