"""Views of a document for people: plain text, Markdown, and the page as a picture in HTML.

In: a :class:`~bilingual_news.model.Document`. Out: a string. Nothing here reaches into the
pipeline; it reads only the document.

The HTML view (:func:`to_html`, ``Document._repr_html_`` in Jupyter, ``bilingual-news render``)
shows every block in reading order, tinted and labelled by its kind, with its language; quotes
underlined with their speaker beside them; every normalization edit marked, its ``title``
(shown on hover) giving the rule and ``before → after``; and, on a bilingual page, the two
sides of each translation pair in one colour with a ``⇄n`` mark (``n`` the pair's number).

How the text of a block is drawn. A block carries its normalized text and its raw span, while
quotes and edits carry raw spans. The view rebuilds each block's normalized text from
``doc.raw`` and ``doc.edits``: the raw characters of the block's span, with each edit inside it
replaced by its ``after``. Between edits raw and normalized text are the same characters, so a
raw offset there is a position in the drawn text, and an edit is drawn whole, as one element.
A quote boundary that falls inside an edit (a quote mark decoded from ``&ldquo;``, say) moves
out to the edit's edge. So quotes are placed exactly, without re-running :func:`normalize`
(whose options may differ from the ones the page was parsed with), and each quote is
underlined once: one element, or one per block for a quote that runs across paragraphs, all
with the same ``data-q``, and the speaker shown once, after the closing quote mark. The
rebuilt text is checked against ``Block.text``; a block that does not match (a document built
by hand, say) is drawn from ``Block.text``, its quotes found by their text, its edits not
marked.

Every piece of page text is HTML-escaped, attributes included; the view has no script, loads
nothing (no fonts, images or links) and, as a standalone page, forbids both with a Content
Security Policy.
"""

from __future__ import annotations

import datetime as dt
import html
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from bilingual_news.model import Block, Document, Edit, Kind, Quote

__all__ = ["to_html", "to_markdown", "to_pairs_tsv", "to_text"]


def to_text(doc: Document) -> str:
    """The clean article: headline, then the body blocks, separated by blank lines."""
    text = doc.text
    return text + "\n" if text else ""


def to_pairs_tsv(doc: Document) -> str:
    """The translation pairs as tab-separated values: a header line ``en  zh  score``, then one
    line a pair (:attr:`Document.pairs`); a tab or line break inside a side becomes a space, so
    every pair stays on one line. Only the header on a page without pairs.

    >>> from bilingual_news import parse
    >>> to_pairs_tsv(parse("One language only."))
    'en\\tzh\\tscore\\n'
    """
    lines = ["en\tzh\tscore"]
    lines.extend(f"{_one_line(p.en)}\t{_one_line(p.zh)}\t{p.score:.3f}" for p in doc.pairs)
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.replace("\t", " ").split("\n")).replace("\r", " ")


def to_markdown(doc: Document) -> str:
    """The article as Markdown: ``#`` headline, ``##`` subheadings, paragraphs, and a list of
    the quotes with their speakers."""
    parts: list[str] = []
    if doc.headline:
        parts.append(f"# {doc.headline}")
    meta = doc.metadata
    facts = [
        f"{name}: {value}"
        for name, value in (
            ("Published", meta.published.isoformat() if meta.published else None),
            ("Source", meta.source),
            ("Author", meta.author),
            ("Editor", meta.editor),
        )
        if value
    ]
    if facts:
        parts.append("*" + " · ".join(facts) + "*")
    for block in doc.body:
        if block.kind is Kind.SUBHEADING:
            parts.append(f"## {block.text}")
        else:
            parts.append(block.text)
    if doc.quotes:
        lines = ["## Quotes", ""]
        for q in doc.quotes:
            who = q.speaker if q.speaker else "(quoted term)"
            lines.append(f"- **{who}**: “{q.text}”")
        parts.append("\n".join(lines))
    if doc.source_url:
        parts.append(f"<{doc.source_url}>")
    return "\n\n".join(parts) + "\n" if parts else ""


# --------------------------------------------------------------------------- the HTML view

CHROME_KINDS: frozenset[Kind] = frozenset({Kind.NAV, Kind.FOOTER})
"""The kinds a standalone view folds away (runs of them become one ``<details>``)."""

_CLOSING_MARKS = frozenset("”’\"'」』»›〞〟＂＇")
"""Characters after which a speaker label goes, when one ends a quote."""

# Latin faces first (so that English keeps its own letters where they exist), then a Han face
# per script, then the generic family. Without any of the Latin faces (a bare Linux box), the
# Han face's own Latin letters are used, which keeps a mixed line in one design. The reading
# text (headline, body, teaser) is set in a serif; where no Han serif is installed, the Han
# sans faces come before the generic serif (so Windows gets YaHei rather than SimSun).
_FONT_LATIN_SANS = '"Inter", "Segoe UI", "Helvetica Neue", Roboto, "Noto Sans"'
_FONT_LATIN_SERIF = '"Iowan Old Style", Charter, "Bitstream Charter", "Source Serif 4", "Source Serif Pro", Georgia'
_FONT_CJK_SANS = {
    "Hans": '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC"',
    "Hant": '"PingFang TC", "Hiragino Sans CNS", "Microsoft JhengHei", "Noto Sans CJK TC", "Source Han Sans TC"',
    "ja": '"Hiragino Sans", "Yu Gothic", "Noto Sans CJK JP", "Source Han Sans JP"',
    "ko": '"Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR", "Source Han Sans KR"',
}
_FONT_CJK_SERIF = {
    "Hans": '"Songti SC", "Noto Serif CJK SC", "Source Han Serif SC"',
    "Hant": '"Songti TC", "Noto Serif CJK TC", "Source Han Serif TC"',
    "ja": '"Hiragino Mincho ProN", "Yu Mincho", "Noto Serif CJK JP", "Source Han Serif JP"',
    "ko": '"AppleMyungjo", "Noto Serif CJK KR", "Source Han Serif KR"',
}
_FONT_MONO = 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace'


def _font_stacks(script: str) -> str:
    sans = f"{_FONT_LATIN_SANS}, {_FONT_CJK_SANS[script]}, system-ui, sans-serif"
    serif = f"{_FONT_LATIN_SERIF}, {_FONT_CJK_SERIF[script]}, {_FONT_CJK_SANS[script]}, serif"
    return f"--bn-sans: {sans}; --bn-serif: {serif};"


# Per kind: the accent (label, edge) and the tint (background). Restrained: the article's
# paragraphs are nearly white, chrome is grey, the rest take a pale hue each.
KIND_COLOURS: dict[Kind, tuple[str, str]] = {
    Kind.NAV: ("#6b7280", "#f5f6f8"),
    Kind.HEADLINE: ("#4338ca", "#f4f4fe"),
    Kind.TEASER: ("#0f766e", "#f0f8f6"),
    Kind.METADATA: ("#a16207", "#fcf8ec"),
    Kind.SUBHEADING: ("#1d4ed8", "#f6f8fe"),
    Kind.PARAGRAPH: ("#5b8a6b", "#fdfefd"),
    Kind.CAPTION: ("#7e22ce", "#faf6fe"),
    Kind.DISCLAIMER: ("#be123c", "#fef6f7"),
    Kind.SOURCE_URL: ("#0e7490", "#f1f9fb"),
    Kind.FOOTER: ("#78716c", "#f7f6f4"),
}
"""Each kind's accent colour (its label and left edge) and tint (its background)."""


def _css() -> str:
    kinds = "\n".join(
        f".bn-doc .bn-k-{kind.value} {{ --bn-c: {accent}; --bn-bg: {tint}; }}"
        for kind, (accent, tint) in KIND_COLOURS.items()
    )
    css = _CSS.replace("/*KINDS*/", kinds).replace("/*MONO*/", _FONT_MONO)
    for script in _FONT_CJK_SANS:
        css = css.replace(f"/*FONTS-{script}*/", _font_stacks(script))
    return css


# Every selector starts with .bn-doc, so that the view can sit inside a notebook's page without
# restyling it. The grid is label | text | language; the text column is 36 rem, about 36 Han
# characters or 75 Latin ones a line.
_CSS = """
.bn-doc {
  /*FONTS-Hans*/
  --bn-mono: /*MONO*/;
  --bn-ink: #1f2328; --bn-muted: #6b7280; --bn-rule: #e5e7eb;
  --bn-grid: 6.5rem minmax(0, 36rem) 4.5rem;
  color: var(--bn-ink); background: #fff; font-family: var(--bn-sans);
  font-size: 16px; line-height: 1.5; text-align: left; font-kerning: normal;
  -webkit-text-size-adjust: 100%;
}
.bn-doc :lang(zh-Hant), .bn-doc:lang(zh-Hant) { /*FONTS-Hant*/ }
.bn-doc :lang(ja), .bn-doc:lang(ja) { /*FONTS-ja*/ }
.bn-doc :lang(ko), .bn-doc:lang(ko) { /*FONTS-ko*/ }
.bn-doc * { box-sizing: border-box; }
.bn-doc .bn-b, .bn-doc .bn-summary-h, .bn-doc .bn-fold-text { font-family: var(--bn-sans); }
/*KINDS*/

/* the summary line, warnings, legend */
.bn-doc .bn-summary {
  display: flex; flex-wrap: wrap; align-items: baseline; gap: .15rem .75rem;
  padding: 0 0 .6rem; border-bottom: 1px solid var(--bn-rule);
}
.bn-doc .bn-summary-h { font-weight: 650; font-size: 1.05rem; min-width: 0; overflow-wrap: anywhere; }
.bn-doc .bn-summary-h.bn-none { color: var(--bn-muted); font-weight: 400; font-style: italic; }
.bn-doc .bn-facts { color: var(--bn-muted); font-size: .82rem; }
.bn-doc .bn-facts b { color: var(--bn-ink); font-weight: 600; }
.bn-doc .bn-url { font-family: var(--bn-mono); font-size: .95em; overflow-wrap: anywhere; }
.bn-doc .bn-warn {
  margin: .5rem 0 0; padding: .4rem .7rem; border-radius: 4px;
  background: #fff8e6; color: #7a4b00; font-size: .82rem;
}
.bn-doc .bn-legend {
  display: flex; flex-wrap: wrap; gap: .35rem .4rem; margin: .65rem 0 1.5rem;
  font-size: .72rem; line-height: 1.2;
}
.bn-doc .bn-chip {
  display: inline-flex; align-items: center; gap: .3em; padding: .22em .6em; border-radius: 999px;
  background: var(--bn-bg); color: var(--bn-c); font-weight: 600; letter-spacing: .02em;
  border: 1px solid color-mix(in srgb, var(--bn-c) 25%, #fff);
}
.bn-doc .bn-chip i { font-style: normal; font-weight: 400; opacity: .75; }
.bn-doc .bn-chip.bn-mark {
  background: #fff; color: var(--bn-muted); border: 1px solid var(--bn-rule); font-weight: 400;
}

/* translation pairs: both sides share a colour on their right edge and a ⇄n mark */
.bn-doc .bn-pair { color: #4b5563; font-weight: 650; }
.bn-doc .bn-p0 .bn-t { box-shadow: inset -4px 0 0 #2563eb; }
.bn-doc .bn-p1 .bn-t { box-shadow: inset -4px 0 0 #d97706; }
.bn-doc .bn-p2 .bn-t { box-shadow: inset -4px 0 0 #059669; }
.bn-doc .bn-p3 .bn-t { box-shadow: inset -4px 0 0 #db2777; }
.bn-doc .bn-p4 .bn-t { box-shadow: inset -4px 0 0 #7c3aed; }
.bn-doc .bn-p5 .bn-t { box-shadow: inset -4px 0 0 #0891b2; }
/* a block: label | text | language */
.bn-doc .bn-b {
  display: grid; grid-template-columns: var(--bn-grid); column-gap: 1rem; align-items: baseline; margin: 0;
}
.bn-doc .bn-kind {
  grid-column: 1; justify-self: end; text-align: right; white-space: nowrap; cursor: default;
  color: var(--bn-c); font-size: .64rem; font-weight: 650; letter-spacing: .08em; text-transform: uppercase;
}
.bn-doc .bn-t {
  grid-column: 2; margin: .22rem 0; padding: .35rem .8rem;
  border-left: 3px solid var(--bn-c); border-radius: 0 3px 3px 0; background: var(--bn-bg);
  white-space: pre-line; overflow-wrap: anywhere;
}
.bn-doc .bn-k-headline .bn-t, .bn-doc .bn-k-subheading .bn-t, .bn-doc .bn-k-teaser .bn-t,
.bn-doc .bn-k-paragraph .bn-t { font-family: var(--bn-serif); }
.bn-doc .bn-lang { grid-column: 3; color: #9ca3af; font: .68rem/1.2 var(--bn-mono); white-space: nowrap; }
.bn-doc .bn-t:lang(zh), .bn-doc .bn-t:lang(ja) { text-autospace: normal; line-break: strict; }
/* A Han face's own quote marks are full width; in text that is not Chinese, Japanese or Korean
   they should be the Latin ones (the Han face may be drawing the Latin letters too). */
.bn-doc .bn-t:not(:lang(zh)):not(:lang(ja)):not(:lang(ko)) { font-variant-east-asian: proportional-width; }

.bn-doc .bn-b.bn-k-headline .bn-t {
  padding: .55rem .8rem; font-size: 1.6rem; line-height: 1.3; font-weight: 700; letter-spacing: -.005em;
}
.bn-doc .bn-b.bn-k-headline .bn-t, .bn-doc .bn-b.bn-k-subheading .bn-t { text-wrap: balance; }
.bn-doc .bn-b.bn-k-paragraph .bn-t, .bn-doc .bn-b.bn-k-teaser .bn-t { text-wrap: pretty; }
.bn-doc .bn-b.bn-k-headline + .bn-b.bn-k-headline .bn-t { font-size: 1rem; font-weight: 600; line-height: 1.5; }
.bn-doc .bn-b.bn-k-subheading { margin-top: 1.2rem; }
.bn-doc .bn-b.bn-k-subheading .bn-t { font-size: 1.12rem; font-weight: 650; line-height: 1.45; }
.bn-doc .bn-b.bn-k-paragraph .bn-t {
  margin: .55rem 0; padding: .1rem .8rem .1rem 1rem; font-size: 1.0625rem; line-height: 1.75;
  border-left: 2px solid color-mix(in srgb, var(--bn-c) 45%, #fff);
}
.bn-doc .bn-b.bn-k-paragraph .bn-t:lang(zh) { line-height: 1.85; letter-spacing: .02em; }
.bn-doc .bn-b.bn-k-paragraph .bn-kind { opacity: .7; }
.bn-doc .bn-b.bn-k-teaser .bn-t { color: #2f4f4a; font-size: .98rem; line-height: 1.65; }
.bn-doc .bn-b.bn-k-metadata .bn-t, .bn-doc .bn-b.bn-k-caption .bn-t, .bn-doc .bn-b.bn-k-disclaimer .bn-t {
  color: #4b5563; font-size: .86rem; line-height: 1.55;
}
.bn-doc .bn-b.bn-k-source_url .bn-t { color: #155e75; font: .8rem/1.5 var(--bn-mono); }
.bn-doc .bn-b.bn-k-nav .bn-t, .bn-doc .bn-b.bn-k-footer .bn-t {
  padding: .2rem .8rem; color: #4b5563; font-size: .84rem; line-height: 1.5;
}

/* chrome, folded */
.bn-doc .bn-chrome { margin: .35rem 0; }
.bn-doc .bn-chrome > summary {
  display: grid; grid-template-columns: var(--bn-grid); column-gap: 1rem; align-items: baseline;
  list-style: none; cursor: pointer; color: var(--bn-muted); font-size: .8rem;
}
.bn-doc .bn-chrome > summary::-webkit-details-marker { display: none; }
.bn-doc .bn-fold {
  grid-column: 2; display: flex; gap: .5rem; align-items: baseline; min-width: 0;
  padding: .25rem .8rem; border: 1px dashed #d1d5db; border-radius: 4px; background: #fafafa;
}
.bn-doc .bn-fold::before { content: "\\25B8"; color: #9ca3af; font-size: .75rem; }
.bn-doc .bn-chrome[open] > summary .bn-fold::before { content: "\\25BE"; }
.bn-doc .bn-chrome > summary:hover .bn-fold { background: #f3f4f6; }
.bn-doc .bn-fold-n { white-space: nowrap; font-weight: 600; color: #4b5563; }
.bn-doc .bn-fold-text { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }

/* quotes, speakers, edits */
.bn-doc .bn-q { text-decoration-line: underline; text-decoration-skip-ink: auto; text-underline-offset: .28em; }
.bn-doc .bn-speech { text-decoration-color: #c2410c; text-decoration-thickness: .08em; }
.bn-doc .bn-term { text-decoration-style: dotted; text-decoration-color: #8b95a5; text-decoration-thickness: .09em; }
.bn-doc .bn-who {
  margin: 0 .2em 0 .3em; padding: .1em .5em; border-radius: 999px; background: #fff1e7; color: #9a3412;
  font: 600 .68rem/1.3 var(--bn-sans); letter-spacing: .01em; vertical-align: .1em; cursor: default;
  white-space: nowrap;
}
.bn-doc .bn-who::before { content: "\\2014\\2009"; opacity: .6; }
.bn-doc ins.bn-edit {
  text-decoration: none; background: #ffeaa0; box-shadow: inset 0 -1.5px 0 #d9a400; border-radius: 2px; cursor: help;
}
.bn-doc ins.bn-cut {
  display: inline-block; width: .32em; height: .9em; margin: 0 .04em; vertical-align: -.08em;
  background: #f7c6cc; box-shadow: none;
}
.bn-doc .bn-legend .bn-q, .bn-doc .bn-legend ins { font-size: .8rem; }

@media (max-width: 44rem) {
  .bn-doc { --bn-grid: minmax(0, 1fr) auto; }
  .bn-doc .bn-kind { grid-column: 1; grid-row: 1; justify-self: start; text-align: left; }
  .bn-doc .bn-lang { grid-column: 2; grid-row: 1; justify-self: end; }
  .bn-doc .bn-t, .bn-doc .bn-fold { grid-column: 1 / span 2; }
}
"""

_PAGE_CSS = """
html { background: #f4f3ef; }
body { margin: 0; padding: 2.5rem 1rem 4rem; }
main.bn-doc {
  max-width: 54rem; margin: 0 auto; padding: 1.75rem 2rem 2.5rem; border-radius: 10px;
  box-shadow: 0 1px 2px rgba(0, 0, 0, .05), 0 4px 24px rgba(0, 0, 0, .04);
}
@media (max-width: 44rem) { body { padding: 0; } main.bn-doc { border-radius: 0; padding: 1rem; } }
"""

# No script, no network: only inline styles, nothing loaded from anywhere.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


PAIR_COLOURS = 6
"""The colours translation pairs cycle through in the HTML view (neighbouring pairs differ)."""


def to_html(doc: Document, *, standalone: bool = False) -> str:
    """The page as a picture: every block in reading order, tinted and labelled by its kind,
    with its language; quotes underlined with their speaker; normalization edits marked; the
    site chrome (each run of nav and footer blocks) folded into a closed ``<details>``.

    With ``standalone=False`` (what Jupyter shows): a ``<div class="bn-doc">`` with its own
    ``<style>``, every selector scoped to it. With ``standalone=True``: a whole page
    (``<!doctype html>``, UTF-8, the CSS in a ``<style>``, and a Content Security Policy that
    allows no script and no network). See ``docs/view.md``.

    >>> from bilingual_news import parse
    >>> view = to_html(parse("Title Of The Piece\\n\\nShe said, “it works <b>well</b>.” And more text follows here."))
    >>> "&lt;b&gt;well&lt;/b&gt;" in view and "<b>well" not in view
    True
    """
    view = _View(doc)
    lang = _esc(view.root_lang)
    if not standalone:
        return f'<div class="bn-doc" lang="{lang}"><style>{_css()}</style>{view.body()}</div>'
    title = _esc(doc.headline or "bilingual-news view")
    return (
        "<!doctype html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light">\n'
        '<meta name="generator" content="bilingual-news">\n'
        f"<title>{title}</title>\n<style>{_css()}{_PAGE_CSS}</style>\n</head>\n<body>\n"
        f'<main class="bn-doc">{view.body()}</main>\n</body>\n</html>\n'
    )


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _visible(text: str) -> str:
    """``text`` with invisible characters spelled out, for an edit's hover text."""
    if not text:
        return "∅"
    out = []
    for ch in text:
        if ch == " ":
            out.append("␣")
        elif ch == "\n":
            out.append("⏎")
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(f"U+{ord(ch):04X}")
    return "".join(out)


def _han_lang(doc: Document) -> str:
    """The Chinese variant the page writes in (``zh-Hans`` unless traditional has more
    characters): the ``lang`` given to ``zh`` and ``mixed`` blocks, so that the browser draws
    their Han characters in the right regional forms."""
    weight: Counter[str] = Counter()
    for block in doc.blocks:
        if block.lang in ("zh-Hans", "zh-Hant"):
            weight[block.lang] += len(block.text)
    return "zh-Hant" if weight["zh-Hant"] > weight["zh-Hans"] else "zh-Hans"


def _lang_attr(lang: str, han: str) -> str | None:
    if lang in ("zh", "mixed"):
        return han
    if lang == "und" or not lang:
        return None
    return lang


class _View:
    """One document's HTML, built once; the edits and quotes are indexed for the blocks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.han = _han_lang(doc)
        self.root_lang = _lang_attr(doc.lang, self.han) or "und"
        self.edits = sorted(doc.edits, key=lambda e: (e.span.start, e.span.end))
        self._edit_starts = [e.span.start for e in self.edits]
        self._edit_ends = [e.span.end for e in self.edits]
        self.quote_spans = [self._snap(q.span.start, q.span.end) for q in doc.quotes]
        # The quotes by start, and the longest one: a block looks only at the quotes that can reach it.
        self._quote_order = sorted(range(len(self.quote_spans)), key=self.quote_spans.__getitem__)
        self._quote_starts = [self.quote_spans[k][0] for k in self._quote_order]
        self._quote_reach = max((qe - qs for qs, qe in self.quote_spans), default=0)
        self.pair_of = {k: n for n, pair in enumerate(doc.pairs) for k in (*pair.en_blocks, *pair.zh_blocks)}
        """The translation pair (its index in ``doc.pairs``) each paired block belongs to."""
        self.badged: set[int] = set()
        """Quotes whose speaker is drawn already (a quote across blocks gets one label)."""
        self.shown_edits = 0

    # Quote boundaries that fall inside an edit move out to its edges: the edit is drawn whole.
    def _snap(self, start: int, end: int) -> tuple[int, int]:
        k = bisect_right(self._edit_starts, start) - 1
        if k >= 0 and self._edit_starts[k] < start < self._edit_ends[k]:
            start = self._edit_starts[k]
        k = bisect_left(self._edit_ends, end)
        if k < len(self.edits) and self._edit_starts[k] < end < self._edit_ends[k]:
            end = self._edit_ends[k]
        return start, max(start, end)

    # ------------------------------------------------------------------ the page
    def body(self) -> str:
        """The summary line, the legend and the blocks, chrome folded."""
        doc = self.doc
        cursor = 0  # raw offset drawn up to
        edit_k = 0
        rendered: list[str] = []
        for i, block in enumerate(doc.blocks):
            edit_k, owned = self._owned_edits(edit_k, block)
            lo = max(cursor, min([block.span.start, *(e.span.start for e in owned)]))
            hi = max([block.span.end, *(e.span.end for e in owned)])
            rendered.append(self._block(i, block, owned, lo, hi))
            cursor = max(cursor, hi)
        return self._summary() + self._legend() + "".join(self._fold(rendered))

    def _owned_edits(self, k: int, block: Block) -> tuple[int, list[Edit]]:
        """The edits drawn in ``block``: those overlapping its span (an empty-span edit inside
        it), each given to the first block it touches. Edits in the blanks between blocks (line
        ends, spaces) are not drawn, except one that turned a blank into text right at the
        span's edge (``\x85`` repaired to ``…``): the span leaves it out, the text has it."""
        s, e = block.span.start, block.span.end
        edits = self.edits
        lead: list[Edit] = []  # blank-to-text edits running up to the span's start
        while k < len(edits) and (edits[k].span.end < s or (edits[k].span.end == s and edits[k].span.start < s)):
            edit = edits[k]
            if _blank_to_text(edit) and (not lead or lead[-1].span.end == edit.span.start):
                lead.append(edit)
            else:
                lead = []
            k += 1
        owned = lead if lead and lead[-1].span.end == s else []
        while k < len(edits) and edits[k].span.start < e:
            edit = edits[k]
            if edit.span.end > s or edit.span.start >= s:
                owned.append(edit)
            k += 1
        end = max([e, *(x.span.end for x in owned)])
        while k < len(edits) and edits[k].span.start == end and _blank_to_text(edits[k]):
            owned.append(edits[k])
            end = edits[k].span.end
            k += 1
        return k, owned

    def _fold(self, rendered: Sequence[str]) -> list[str]:
        """Runs of chrome (nav, footer) folded into ``<details>``, closed."""
        out: list[str] = []
        blocks = self.doc.blocks
        i = 0
        while i < len(blocks):
            if blocks[i].kind not in CHROME_KINDS:
                out.append(rendered[i])
                i += 1
                continue
            j = i
            while j < len(blocks) and blocks[j].kind in CHROME_KINDS:
                j += 1
            run = blocks[i:j]
            kinds = [k for k in (Kind.NAV, Kind.FOOTER) if any(b.kind is k for b in run)]
            label = " + ".join(k.value for k in kinds)
            n = len(run)
            preview = " · ".join(b.text for b in run[:6])
            if len(preview) > 160:
                preview = preview[:159] + "…"
            out.append(
                f'<details class="bn-chrome bn-k-{kinds[0].value}" data-blocks="{i}-{j - 1}">'
                f'<summary><span class="bn-kind">{label}</span><span class="bn-fold">'
                f'<span class="bn-fold-n">{n} block{"s" if n != 1 else ""}</span>'
                f'<span class="bn-fold-text" lang="{_esc(_lang_attr(run[0].lang, self.han) or self.root_lang)}">'
                f"{_esc(preview)}</span></span></summary>" + "".join(rendered[i:j]) + "</details>"
            )
            i = j
        return out

    def _summary(self) -> str:
        doc = self.doc
        counts = Counter(b.kind for b in doc.blocks)
        body = sum(counts[k] for k in (Kind.PARAGRAPH, Kind.SUBHEADING))
        speech = sum(1 for q in doc.quotes if q.speaker)
        facts = [
            f"body <b>{_esc(doc.lang)}</b>",
            f"<b>{len(doc.blocks)}</b> block{'s' if len(doc.blocks) != 1 else ''}, <b>{body}</b> in the body",
            f"<b>{len(doc.quotes)}</b> quote{'s' if len(doc.quotes) != 1 else ''}"
            + (f", <b>{speech}</b> with a speaker" if doc.quotes else ""),
        ]
        unshown = len(doc.edits) - self.shown_edits
        edits = f"<b>{self.shown_edits}</b> edit{'s' if self.shown_edits != 1 else ''}"
        if unshown:
            tip = f"and {unshown} in the blanks between blocks (line ends, spaces)"
            edits = f'<span title="{tip}">{edits} (+{unshown})</span>'
        facts.append(edits)
        if doc.confidence < 1.0:
            facts.append(f'confidence <b class="bn-confidence">{doc.confidence:.2f}</b>')
        meta = doc.metadata
        if isinstance(meta.published, dt.datetime):
            facts.append(_esc(meta.published.isoformat(sep=" ", timespec="minutes")))
        elif meta.published:
            facts.append(_esc(meta.published.isoformat()))
        if meta.source:
            facts.append(_esc(meta.source))
        if doc.source_url and not any(b.kind is Kind.SOURCE_URL for b in doc.blocks):
            facts.append(f'<span class="bn-url">{_esc(doc.source_url)}</span>')  # given by the caller: text, not a link
        head = (
            f'<span class="bn-summary-h" lang="{_esc(self._headline_lang())}">{_esc(doc.headline)}</span>'
            if doc.headline
            else '<span class="bn-summary-h bn-none">no headline</span>'
        )
        warn = "".join(f'<p class="bn-warn">⚠ {_esc(w)}</p>' for w in doc.warnings)
        return f'<header class="bn-summary">{head}<span class="bn-facts">{" · ".join(facts)}</span></header>{warn}'

    def _headline_lang(self) -> str:
        for block in self.doc.blocks:
            if block.kind is Kind.HEADLINE:
                return _lang_attr(block.lang, self.han) or self.root_lang
        return self.root_lang

    def _legend(self) -> str:
        counts = Counter(b.kind for b in self.doc.blocks)
        chips = [f'<span class="bn-chip bn-k-{k.value}">{k.value} <i>{counts[k]}</i></span>' for k in Kind if counts[k]]
        chips.append(
            '<span class="bn-chip bn-mark"><span class="bn-q bn-speech">quote</span>'
            '<span class="bn-who" style="margin:0">speaker</span></span>'
        )
        chips.append('<span class="bn-chip bn-mark"><span class="bn-q bn-term">quoted term</span></span>')
        chips.append('<span class="bn-chip bn-mark"><ins class="bn-edit">edit</ins>&nbsp;hover: before → after</span>')
        return f'<div class="bn-legend" aria-label="legend">{"".join(chips)}</div>'

    # ----------------------------------------------------------------- a block
    def _block(self, i: int, block: Block, owned: list[Edit], lo: int, hi: int) -> str:
        replay = self._replay(owned, lo, hi)
        drawn = ""
        if replay.strip() == block.text:
            inner = self._marked(owned, lo, hi)
            self.shown_edits += len(owned)
        else:  # a block that does not replay: its own text, quotes found by their text
            inner = self._marked_by_text(i, block)
            drawn = ' data-drawn="text"'
        lang = _lang_attr(block.lang, self.han)
        lang_attr = f' lang="{_esc(lang)}"' if lang else ""
        reasons = ", ".join(block.reasons)
        why = f"{block.kind.value}: {reasons}" if reasons else block.kind.value
        heading = ""
        if block.kind is Kind.HEADLINE:
            heading = ' role="heading" aria-level="1"'
        elif block.kind is Kind.SUBHEADING:
            heading = ' role="heading" aria-level="2"'
        pair, paired = self.pair_of.get(i), ""
        if pair is not None:
            score = self.doc.pairs[pair].score
            paired = f' <span class="bn-pair" title="translation pair {pair + 1}, score {score:.2f}">⇄{pair + 1}</span>'
        pair_class = f" bn-p{pair % PAIR_COLOURS}" if pair is not None else ""
        return (
            f'<div class="bn-b bn-k-{block.kind.value}{pair_class}" data-i="{i}" data-start="{block.span.start}" '
            f'data-end="{block.span.end}"{lang_attr}{drawn}'
            + (f' data-pair="{pair + 1}"' if pair is not None else "")
            + ">"
            f'<span class="bn-kind" title="{_esc(why)}">{block.kind.value.replace("_", " ")}</span>'
            f'<div class="bn-t"{heading}>{inner}</div>'
            f'<span class="bn-lang">{_esc(block.lang)}{paired}</span></div>'
        )

    def _replay(self, owned: Sequence[Edit], lo: int, hi: int) -> str:
        raw = self.doc.raw
        parts: list[str] = []
        pos = lo
        for e in owned:
            parts.append(raw[pos : e.span.start])
            parts.append(e.after)
            pos = max(pos, e.span.end)
        parts.append(raw[pos:hi])
        return "".join(parts)

    def _marked(self, owned: Sequence[Edit], lo: int, hi: int) -> str:
        """The block's text from ``raw[lo:hi]`` and its edits, with quotes and edits marked."""
        raw = self.doc.raw
        quotes = self.doc.quotes
        # The quotes drawn here: those overlapping [lo, hi), and empty ones inside it.
        window = self._quote_order[
            bisect_left(self._quote_starts, lo - self._quote_reach) : bisect_left(self._quote_starts, hi)
        ]
        here = sorted(
            k
            for k in window
            if (self.quote_spans[k][0] < hi and self.quote_spans[k][1] > lo)
            or (self.quote_spans[k][0] == self.quote_spans[k][1] >= lo and k not in self.badged)
        )
        edit_at = {e.span.start: e for e in owned}
        # Where each speaker goes: after the closing quote mark when one follows the quote.
        badge_at: dict[int, int] = {}
        for k in here:
            qs, qe = self.quote_spans[k]
            if not quotes[k].speaker or k in self.badged or qe > hi:
                continue
            pos = qe
            follow = edit_at.get(qe)
            if follow is not None and follow.after.strip() and set(follow.after.strip()) <= _CLOSING_MARKS:
                pos = follow.span.end
            elif follow is None and qe < hi and raw[qe] in _CLOSING_MARKS and not self._inside_edit(qe):
                pos = qe + 1
            badge_at[k] = pos
        cuts = sorted({p for k in here for p in self.quote_spans[k]} | set(badge_at.values()))
        # Events at raw positions: 0 close a quote, 1 a speaker, 2 open a quote, 3 a piece of text.
        events: list[tuple[int, int, int, str]] = []
        for k in here:
            qs, qe = self.quote_spans[k]
            q = quotes[k]
            cls = "bn-q bn-speech" if q.speaker else "bn-q bn-term"
            tip = f"{q.speaker} ({q.verb})" if q.speaker and q.verb else (q.speaker or "quoted term")
            open_tag = f'<span class="{cls}" data-q="{k}" title="{_esc(tip)}">'
            if qs == qe:
                events.append((qs, 2, k, open_tag + "</span>"))
            else:
                events.append((max(qs, lo), 2, k, open_tag))
                events.append((min(qe, hi), 0, k, "</span>"))
            if k in badge_at:
                events.append((badge_at[k], 1, k, self._badge(k, q)))
                self.badged.add(k)
            elif qs == qe:
                self.badged.add(k)
        pos = lo
        seq = 0
        for e in owned:
            if pos < e.span.start:
                for a, b in _split(pos, e.span.start, cuts):
                    events.append((a, 3, seq, _esc(raw[a:b])))
                    seq += 1
            events.append((e.span.start, 3, seq, self._edit(e)))
            seq += 1
            pos = max(pos, e.span.end)
        if pos < hi:
            for a, b in _split(pos, hi, cuts):
                events.append((a, 3, seq, _esc(raw[a:b])))
                seq += 1
        events.sort(key=lambda ev: (ev[0], ev[1], ev[2]))
        return "".join(ev[3] for ev in events)

    def _inside_edit(self, pos: int) -> bool:
        k = bisect_right(self._edit_starts, pos) - 1
        return k >= 0 and self._edit_starts[k] <= pos < self._edit_ends[k]

    def _badge(self, k: int, q: Quote) -> str:
        verb = f" ({q.verb})" if q.verb else ""
        return f'<span class="bn-who" data-q="{k}" title="{_esc(f"speaker{verb}")}">{_esc(q.speaker or "")}</span>'

    @staticmethod
    def _edit(e: Edit) -> str:
        tip = _esc(f"{e.rule}: {_visible(e.before)} → {_visible(e.after)}")
        if e.after:
            return f'<ins class="bn-edit" data-rule="{_esc(e.rule)}" title="{tip}">{_esc(e.after)}</ins>'
        return f'<ins class="bn-edit bn-cut" data-rule="{_esc(e.rule)}" title="{tip}"></ins>'

    def _marked_by_text(self, i: int, block: Block) -> str:
        text = block.text
        out: list[str] = []
        pos = 0
        for k, q in enumerate(self.doc.quotes):
            if q.block != i or not q.text:
                continue
            at = text.find(q.text, pos)
            if at < 0:
                continue
            cls = "bn-q bn-speech" if q.speaker else "bn-q bn-term"
            out.append(_esc(text[pos:at]))
            out.append(f'<span class="{cls}" data-q="{k}">{_esc(q.text)}</span>')
            pos = at + len(q.text)
            if q.speaker and k not in self.badged:
                out.append(self._badge(k, q))
                self.badged.add(k)
        out.append(_esc(text[pos:]))
        return "".join(out)


def _blank_to_text(edit: Edit) -> bool:
    return bool(edit.before) and edit.before.isspace() and bool(edit.after.strip())


def _split(a: int, b: int, cuts: Sequence[int]) -> list[tuple[int, int]]:
    """``[a, b)`` cut at the points of ``cuts`` (sorted) strictly inside it."""
    points = [a, *cuts[bisect_right(cuts, a) : bisect_left(cuts, b)], b]
    return [(x, y) for x, y in pairwise(points) if x < y]
