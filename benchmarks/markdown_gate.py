"""The Markdown gate: the labelled pages re-rendered as Markdown, parsed, and scored with their gold.

Tools that fetch pages for language models deliver Markdown, not the page's text: html2text's
(Jina Reader, Firecrawl and crawl4ai deliver its kind of output) and markdownify's. This script
renders each dev page that has a ``raw.html`` with both, at run time (the renderings are other
people's text and are never stored), parses the Markdown with ``format="auto"`` (so the
detection is under test too), and scores it with the page's gold, beside the same pages' text
input (``raw.txt``). It prints one line per input and exits 1 when a figure is below its floor
in ``eval_floors_markdown.json`` (2 when the corpus or a renderer is missing). The floors hold:

* ``<renderer>_body_f1``, ``<renderer>_body_f1_macro``, ``<renderer>_headline_acc``: the
  totals of :func:`bilingual_news.evaluate.evaluate` on the rendering;
* ``<renderer>_detected``: share of the renderings auto-detection reads as Markdown;
* ``<renderer>_clean_blocks``: share of body blocks with no Markdown markup in their text
  (:data:`MARKUP`, unless the page's own text holds the word it stands in:
  :func:`_left_markup`); a floor of 1 means none may have any.

CI runs it after the evaluation gates; ``pip install -e ".[formats-bench]"`` brings the
renderers::

    python benchmarks/markdown_gate.py [CORPUS_DIR] [-v]
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from bilingual_news import parse, parse_file
from bilingual_news.decode import decode_html
from bilingual_news.evaluate import Evaluation, evaluate, read_floors

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus" / "dev"

MARKUP = re.compile(r"\]\(|!\[|\*\*|__|^#{1,6}\s|^>\s|^\s*\|.*\|\s*$|^[-=]{3,}$", re.M)
"""Markdown markup that must not be left in a block's text: a link's or an image's brackets,
strong emphasis, a heading's hashes, a quotation's mark, a table row, a setext underline."""


def html2text_render(html: str) -> str:
    """html2text's Markdown of a page, unwrapped (``body_width=0``) as the page-to-Markdown
    services configure it: wrapped at 78 columns, html2text breaks long link targets at a
    hyphen, which no Markdown reader can take for a link again."""
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = 0
    return converter.handle(html)


def markdownify_render(html: str) -> str:
    """markdownify's Markdown of a page, with its defaults (setext ``h1``/``h2``), the page's
    scripts, styles and templates taken out first (markdownify writes their code as text)."""
    import bs4
    import markdownify

    soup = bs4.BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "noscript", "template"]):
        element.decompose()
    return markdownify.MarkdownConverter().convert_soup(soup)


RENDERERS: dict[str, Callable[[str], str]] = {"html2text": html2text_render, "markdownify": markdownify_render}


def rendered(path: Path, render: Callable[[str], str]) -> str:
    """A page's ``raw.html`` (decoded as the library decodes HTML) rendered as Markdown."""
    return render(decode_html(path.read_bytes(), source=str(path)))


def run(corpus: Path, verbose: bool = False) -> dict[str, float]:
    """The figures of every rendering and of the text input, by floor name."""
    figures: dict[str, float] = {}

    def text_input(path: Path) -> Mapping[str, Any]:
        return parse_file(path.with_name("raw.txt"), format="text").to_dict()

    base = evaluate(corpus, parser=text_input, html=True)
    _put(figures, "text", base)
    for name, render in RENDERERS.items():
        blocks = clean = detected = pages = 0

        def markdown_input(path: Path, render: Callable[[str], str] = render, name: str = name) -> Mapping[str, Any]:
            nonlocal blocks, clean, detected, pages
            page = rendered(path, render)
            doc = parse(page)
            pages += 1
            detected += _detected(page)
            own = path.with_name("raw.txt").read_text(encoding="utf-8", errors="replace")
            for block in doc.blocks:
                if block.kind.value in ("paragraph", "subheading", "headline"):
                    blocks += 1
                    if _left_markup(block.text, own):
                        if verbose:
                            print(f"  markup left ({name}, {path.parent.name}): {block.text[:80]!r}")
                    else:
                        clean += 1
            return doc.to_dict()

        result = evaluate(corpus, parser=markdown_input, html=True)
        _put(figures, name, result)
        figures[f"{name}_detected"] = round(detected / pages, 4) if pages else 0.0
        figures[f"{name}_clean_blocks"] = round(clean / blocks, 4) if blocks else 1.0
        if verbose:
            for page in result.pages:
                print(f"  {name:12} {page.id[:30]:30} body {page.body.f1:.3f} headline {page.headline_ok}")
    return figures


def _left_markup(text: str, own: str) -> bool:
    """Whether ``text`` holds :data:`MARKUP` that is not the page's own: the page's text
    (``raw.txt``) may hold ``**`` or ``__`` itself (``def __init__(self, **kwargs)`` in a code
    listing), so a match counts only when the blank-delimited word around it is not in ``own``."""
    for m in MARKUP.finditer(text):
        start = text.rfind(" ", 0, m.start()) + 1
        end = text.find(" ", m.end())
        word = text[start : end if end >= 0 else len(text)]
        if word.strip() not in own:
            return True
    return False


def _detected(page: str) -> int:
    """1 when auto-detection reads ``page`` as Markdown (0 before the library could)."""
    try:
        from bilingual_news.markdown import looks_like_markdown
    except ImportError:
        return 0
    return int(looks_like_markdown(page))


def _put(figures: dict[str, float], name: str, result: Evaluation) -> None:
    for key in ("body_f1", "body_f1_macro", "headline_acc", "speech_quote_recall"):
        value = result.totals.get(key)
        if isinstance(value, (int, float)):
            figures[f"{name}_{key}"] = float(value)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    corpus = (Path(args[0]) if args else DEFAULT).resolve()
    if not corpus.is_dir():
        print(f"markdown gate: expected the labelled pages in {corpus}, found nothing", file=sys.stderr)
        return 2
    try:
        import html2text  # noqa: F401
        import markdownify  # noqa: F401
    except ImportError as exc:
        print(f"markdown gate: {exc.name} is missing: pip install -e '.[formats-bench]'", file=sys.stderr)
        return 2
    figures = run(corpus, verbose)
    for name in ("text", *RENDERERS):
        line = "  ".join(f"{k[len(name) + 1 :]}={v}" for k, v in figures.items() if k.startswith(f"{name}_"))
        print(f"{name:12} {line}")
    floors = read_floors(HERE / "eval_floors_markdown.json")
    below = [f"{k}: {figures.get(k)} < {v}" for k, v in floors.items() if figures.get(k, -1.0) < v]
    for line in below:
        print(f"markdown gate: {line}", file=sys.stderr)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
