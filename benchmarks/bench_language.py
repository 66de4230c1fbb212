"""The cost of language ID, sentences, metadata and words per page, and of loading jieba.

Usage: python benchmarks/bench_language.py [--repeat N] [--corpus DIR]

Per-page times are medians over repeated runs on every page, after a warm-up pass (so the
one-off loads — the character sets, langdetect's profiles, jieba's dictionary — are measured
apart, each in a fresh process). The last lines check that ``parse()`` leaves jieba unloaded and
show ``parse()`` with langdetect asked block by block, as it was before it was asked once per run
of blocks (``language.block_languages``), as a before/after.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _common import DEFAULT_CORPUS, SEED

FRENCH = "Le gouvernement a annoncé une nouvelle série de mesures."


def pages(corpus: Path) -> list[str]:
    if corpus.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*/raw.txt"))]
    return [SEED.read_text(encoding="utf-8")]


def per_page(work: Callable[[int], object], n: int, repeat: int) -> list[float]:
    """Median milliseconds of ``work(i)`` for each page ``i``, after a warm-up pass."""
    for i in range(n):
        work(i)
    times: list[list[float]] = [[] for _ in range(n)]
    for _ in range(repeat):
        for i in range(n):
            start = time.perf_counter()
            work(i)
            times[i].append(time.perf_counter() - start)
    return sorted(statistics.median(t) * 1000 for t in times)


def cold(code: str, runs: int = 3) -> float:
    """Median seconds of ``code`` in a fresh interpreter that has imported bilingual_news."""
    setup = "import time, bilingual_news.language, bilingual_news.words"
    wrapped = f"{setup}\n_t = time.perf_counter()\n{code}\nprint(time.perf_counter() - _t)"
    return statistics.median(
        float(subprocess.run([sys.executable, "-c", wrapped], capture_output=True, text=True, check=True).stdout)
        for _ in range(runs)
    )


def row(name: str, values: list[float]) -> None:
    print(f"{name:48} median {statistics.median(values):7.3f} ms   max {max(values):7.3f} ms")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="runs of each measurement (default 5)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of page folders with raw.txt")
    args = ap.parse_args()

    import bilingual_news
    from bilingual_news import assemble, language
    from bilingual_news.language import chinese_variant
    from bilingual_news.metadata import read_metadata
    from bilingual_news.normalize import normalize
    from bilingual_news.sentences import with_sentences
    from bilingual_news.words import han_backend

    texts = pages(args.corpus)
    docs = [bilingual_news.parse(t) for t in texts]
    norms = [normalize(t) for t in texts]
    n = len(texts)
    print(f"{'pages':48} {n} ({sum(map(len, texts)):,} characters, {sum(len(d.blocks) for d in docs):,} blocks)")

    calls = 0
    ask = language._langdetect

    def counting(text: str) -> tuple[str, float]:
        nonlocal calls
        calls += 1
        return ask(text)

    language._langdetect = counting  # type: ignore[assignment]
    language._cached_classify.cache_clear()
    language._cached_detect.cache_clear()
    for d in docs:
        language.block_languages([b.text for b in d.blocks])
    language._langdetect = ask  # type: ignore[assignment]
    print(f"{'langdetect calls over all pages':48} {calls}")

    def identify(i: int) -> list[str]:
        language._cached_classify.cache_clear()  # each page as if it came first
        language._cached_detect.cache_clear()
        return language.block_languages([b.text for b in docs[i].blocks])

    row("language ID per page (every block)", per_page(identify, n, args.repeat))
    row(
        "  the same, short texts' answers cached",
        per_page(lambda i: language.block_languages([b.text for b in docs[i].blocks]), n, args.repeat),
    )
    row(
        "  of which zh-Hans/zh-Hant (Han blocks)",
        per_page(
            lambda i: [chinese_variant(b.text) for b in docs[i].blocks if b.lang.startswith("zh-")], n, args.repeat
        ),
    )
    if importlib.util.find_spec("hanzidentifier") is not None:
        import hanzidentifier

        row(
            "  hanzidentifier.identify instead (reference)",
            per_page(
                lambda i: [hanzidentifier.identify(b.text) for b in docs[i].blocks if b.lang.startswith("zh-")],
                n,
                args.repeat,
            ),
        )
    bare = [tuple(dataclasses.replace(b, sentences=()) for b in d.blocks) for d in docs]
    row("sentences per page (every block)", per_page(lambda i: with_sentences(bare[i], norms[i]), n, args.repeat))
    row("metadata per page", per_page(lambda i: read_metadata(docs[i].blocks, norms[i]), n, args.repeat))
    row(f"words per page (body, {han_backend()})", per_page(lambda i: docs[i].words(), n, args.repeat))
    if han_backend() == "rjieba":
        from bilingual_news import words

        fast = words._CUTTER._value
        words._CUTTER._value = ("jieba", words._JIEBA.get())
        row("words per page (body, jieba)", per_page(lambda i: docs[i].words(), n, args.repeat))
        words._CUTTER._value = fast
    row("parse() per page", per_page(lambda i: bilingual_news.parse(texts[i]), n, args.repeat))

    new_language = assemble.block_languages
    assemble.block_languages = lambda texts: [language.block_language(t) for t in texts]  # type: ignore[assignment]
    row(
        "parse() per page, langdetect asked block by block",
        per_page(lambda i: bilingual_news.parse(texts[i]), n, args.repeat),
    )
    assemble.block_languages = new_language  # type: ignore[assignment]

    first_calls = [
        ("character sets (zhon)", "from bilingual_news.language import chinese_variant; chinese_variant('中文')"),
        (
            "langdetect (profiles)",
            "from bilingual_news.language import block_language; block_language(" + repr(FRENCH) + ")",
        ),
        ("jieba (import + dictionary)", "from bilingual_news.words import _JIEBA; _JIEBA.get()('中文分词')"),
    ]
    if importlib.util.find_spec("rjieba") is not None:
        first_calls.append(("rjieba", "import rjieba; rjieba.cut('中文分词')"))
    for label, code in first_calls:
        print(f"{'first call: ' + label:48} {cold(code) * 1000:7.1f} ms")
    code = (
        f"import sys, pathlib, bilingual_news; bilingual_news.parse(pathlib.Path({str(SEED)!r}).read_text('utf-8')); "
        "print(sorted(m for m in ('jieba', 'rjieba') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    print(f"{'parse() loads jieba':48} {'no' if loaded == '[]' else 'YES: ' + loaded}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
