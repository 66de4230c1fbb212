"""The guarantees of ``docs/reliability.md`` as one check, and hypothesis strategies that build
bilingual pages to try them on (importable as ``reliability``: ``tests`` is on pytest's pythonpath).

:func:`violations` lists every guarantee a parsed document breaks (empty when it keeps them
all); the tests assert that the list is empty, so that a failure names what broke.
:data:`pages` builds whole pages: a synthetic page of :func:`bilingual_news.testing.make_page`
(chrome, headline, body, quotes, artifacts) cut, spliced and salted with garbage (control
characters, lone surrogates, RTL marks, emoji, HTML tags, runs of quote marks, stray bytes of
Windows-1252 read as Latin-1), or pieces of those alone.
"""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import strategies as st

from bilingual_news import Document
from bilingual_news.testing import make_page
from helpers import overlapping

__all__ = ["garbage", "pages", "violations"]


def violations(raw: str, doc: Any) -> list[str]:
    """Every guarantee ``doc`` (``parse(raw)``) breaks, each said in a few words; empty when none."""
    if not isinstance(doc, Document):
        return [f"expected a Document, got {type(doc).__name__}"]
    out: list[str] = []
    if doc.raw != raw:
        out.append("doc.raw is not the input")
    out.extend(_lossless(raw, doc))
    for i, block in enumerate(doc.blocks):
        if not 0 <= block.span.start < block.span.end <= len(raw):
            out.append(f"block {i} has span {block.span} outside the raw text")
        for s in block.sentences:
            if not block.span.start <= s.start <= s.end <= block.span.end:
                out.append(f"a sentence {s} of block {i} lies outside it")
    for edit in doc.edits:
        if edit.span.slice(raw) != edit.before:
            out.append(f"edit {edit.rule} at {edit.span}: before {edit.before!r} is not the raw text there")
    for k, quote in enumerate(doc.quotes):
        if not 0 <= quote.block < len(doc.blocks):
            out.append(f"quote {k} points at block {quote.block}, which does not exist")
            continue
        span = doc.blocks[quote.block].span
        if not span.start <= quote.span.start <= quote.span.end <= span.end:
            out.append(f"quote {k} at {quote.span} lies outside its block at {span}")
    for name, span in doc.metadata.spans:
        if not 0 <= span.start <= span.end <= len(raw):
            out.append(f"metadata span {name} at {span} lies outside the raw text")
    out.extend(_json(doc))
    return out


def _lossless(raw: str, doc: Document) -> list[str]:
    """Blocks in order, disjoint, trimmed; every non-blank character of the raw text in exactly
    one block, and every edit that makes text inside the block that holds it."""
    out: list[str] = []
    if overlapping(doc):
        out.append(f"blocks overlap or run out of order: {overlapping(doc)[:3]}")
    covered = bytearray(len(raw))
    for block in doc.blocks:
        covered[block.span.start : block.span.end] = b"\x01" * len(block.span)
    for edit in doc.edits:
        if not edit.after.strip():
            covered[edit.span.start : edit.span.end] = b"\x01" * len(edit.span)
    lost = [i for i, ch in enumerate(raw) if not covered[i] and not ch.isspace()]
    if lost:
        out.append(f"non-blank raw characters in no block: {[(i, raw[i]) for i in lost[:5]]}")
    for edit in doc.edits:
        if edit.after.strip() and not any(
            b.span.start <= edit.span.start and edit.span.end <= b.span.end for b in doc.blocks
        ):
            out.append(f"edit {edit.rule} at {edit.span} makes {edit.after!r} outside every block")
    for i, block in enumerate(doc.blocks):
        text = block.span.slice(raw)
        if text != text.strip() and not _edited_edge(doc, block.span):
            out.append(f"block {i} starts or ends with a blank")
    return out


def _edited_edge(doc: Document, span: Any) -> bool:
    """Whether an edit that makes text sits at the span's first or last character (a raw blank
    that a repair turned into text, such as a trailing ``\\x85`` that became ``…``)."""
    return any(
        e.after.strip() and (e.span.start <= span.start < e.span.end or e.span.start < span.end <= e.span.end)
        for e in doc.edits
    )


def _json(doc: Document) -> list[str]:
    text = doc.to_json()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return [f"to_json() does not encode to UTF-8 ({exc.reason} at {exc.start})"]
    try:
        back = Document.from_json(text)
    except Exception as exc:
        return [f"to_json() does not read back: {exc}"]
    if _SURROGATE_PAIR.search(json.dumps(doc.to_dict(), ensure_ascii=False)):
        return []  # JSON reads the pair's two escapes as one character: documented, the one exception
    if json.loads(text) != doc.to_dict():
        return ["to_json() does not hold to_dict()"]
    if back != doc:
        return ["from_json(to_json()) is not the document"]
    return []


_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
"""A high surrogate then a low one, as two code points of a ``str`` (in the raw text, or in a
block's text once a repair removed what stood between them)."""


# ---------------------------------------------------------------------------- strategies

GARBAGE = [
    "\x00",
    "\x07\x08\x0b\x0c\x1b[31m",
    "\x7f\x85\x93\x94\x96\x97",
    "\ud800",
    "\udc80\udcff",
    "\ufeff",
    "\u200b\u200c\u200d\u2060",
    "\u200f\u202e\u202c\u2066\u2069",
    "שלום עולם",
    "مرحبا",
    "👍🏽🇨🇳👨\u200d👩\u200d👧",
    "<p>",
    "</div>",
    '<a href="http://example.org/?a=1&b=2">link</a>',
    "<script>alert(1)</script>",
    "&amp;quot;&#39;&ldquo;&nbsp;",
    "“" * 50,
    "「" * 50,
    "/'" * 50,
    "\\'" * 20,
    '"' * 30,
    "（" * 20,
    "\u3000" * 10,
    "\xa0" * 10,
    "\r",
    "\r\n",
    "\n" * 5,
    "\t",
    "â€™",
    "ä¸­æ–‡",
    "\\u4e2d\\u6587",
    "ＡＢＣ１２３",
    "http://example.org/a/b.html",
    "来源：",
    "By ",
    "……",
    "...",
    "。",
]
"""Pieces of text that broke or could break a parser: controls, surrogates, marks, markup."""

garbage = st.one_of(
    st.sampled_from(GARBAGE),
    st.text(st.characters(blacklist_categories=()), max_size=12),
)
"""One piece of garbage: from :data:`GARBAGE`, or any characters at all (surrogates included)."""


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A bilingual page, realistic or not: a synthetic page cut and salted with garbage."""
    seed = draw(st.integers(min_value=0, max_value=10_000))
    base = make_page(seed, artifacts=draw(st.booleans())).raw
    how = draw(st.sampled_from(["page", "salted", "cut", "spliced", "garbage"]))
    if how == "page":
        return base
    if how == "garbage":
        return "".join(draw(st.lists(garbage, max_size=20)))
    if how == "cut":
        a = draw(st.integers(min_value=0, max_value=len(base)))
        b = draw(st.integers(min_value=a, max_value=len(base)))
        return base[a:b]
    if how == "spliced":
        other = make_page(draw(st.integers(min_value=0, max_value=10_000))).raw
        a = draw(st.integers(min_value=0, max_value=len(base)))
        b = draw(st.integers(min_value=0, max_value=len(other)))
        return base[:a] + other[b:]
    out = base
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        at = draw(st.integers(min_value=0, max_value=len(out)))
        out = out[:at] + draw(garbage) + out[at:]
    return out
