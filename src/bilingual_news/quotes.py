"""Stage 6, quotes: direct quotations in the body, and who said them.

In: the final blocks (normalized text, raw spans) and the normalized page. Out: a tuple of
:class:`~bilingual_news.model.Quote`, in reading order.

Quote marks are paired per block: “ ” and 「 」 『 』 (curly and corner quotes are never
apostrophes). A quote is speech when a speech verb stands next to it with a speaker
(``As President Xi stated, “…”``, ``他指出：“……”``, ``“……”李女士说。``); otherwise it is a
quoted term and its speaker is ``None``.
"""

from __future__ import annotations

import regex

from bilingual_news.model import BODY_KINDS, Block, Quote, Span
from bilingual_news.normalize import Normalized

__all__ = ["find_quotes"]

_PAIRS = regex.compile(r"“(?P<q>[^“”]+)”|「(?P<q>[^「」]+)」|『(?P<q>[^『』]+)』")

_EN_VERBS = (
    r"said|says|stated|states|stressed|emphasized|emphasised|noted|added|told|explained|"
    r"declared|remarked|wrote|writes|asked|announced|urged|warned|insisted|pointed out|recalled"
)
_EN_BEFORE = regex.compile(
    rf"(?:[Aa]s\s+)?(?P<who>(?:\p{{Lu}}[\p{{L}}.'-]*\s+){{0,4}}\p{{Lu}}[\p{{L}}.'-]*|[Hh]e|[Ss]he|[Tt]hey)"
    rf"\s+(?P<verb>{_EN_VERBS})(?:\s+\w+){{0,3}}\s*[,:]?\s*$"
)
_EN_AFTER = regex.compile(
    rf"^\s*,?\s*(?P<verb>{_EN_VERBS})\s+(?P<who>(?:\p{{Lu}}[\p{{L}}.'-]*\s*){{1,5}})"
    rf"|^\s*,?\s*(?P<who>(?:\p{{Lu}}[\p{{L}}.'-]*\s+){{0,4}}\p{{Lu}}[\p{{L}}.'-]*|he|she|they)\s+(?P<verb>{_EN_VERBS})"
)
_ZH_VERBS = r"表示|说道|说|指出|强调|称|坦言|介绍|透露|认为|告诉记者|回忆|提到|感叹|写道|呼吁"
_ZH_BEFORE = regex.compile(
    rf"(?:据)?(?P<who>[\p{{Han}}A-Za-z·]{{1,15}}?)(?:在[^，。“”]{{0,20}})?(?P<verb>{_ZH_VERBS})(?:道)?[：:，,]?\s*$"
)
_ZH_AFTER = regex.compile(rf"^[，,]?\s*(?P<who>[\p{{Han}}A-Za-z·]{{1,15}}?)(?P<verb>{_ZH_VERBS})")
CONTEXT_CHARS = 80
"""Characters read on each side of a quote for its attribution: a speaker stands in the same
clause."""
MIN_SPEECH_CHARS = 8
"""Shorter quoted text with no attribution is a term, not speech."""


def find_quotes(blocks: tuple[Block, ...], norm: Normalized) -> tuple[Quote, ...]:
    """Every quotation in the body blocks, with its speaker where the text names one."""
    out: list[Quote] = []
    for index, block in enumerate(blocks):
        if block.kind not in BODY_KINDS:
            continue
        base = norm.to_normalized(block.span.start)
        text = block.text
        for m in _PAIRS.finditer(text):
            inner = m.group("q")
            s, e = m.span("q")
            speaker, verb = _attribute(text[max(0, m.start() - CONTEXT_CHARS) : m.start()], text[m.end() : m.end() + CONTEXT_CHARS])
            if speaker is None and len(inner) < MIN_SPEECH_CHARS:
                verb = None
            span = norm.raw_span(base + s, base + e)
            out.append(Quote(text=inner.strip(), speaker=speaker, span=span, block=index, verb=verb))
    return tuple(out)


def _attribute(before: str, after: str) -> tuple[str | None, str | None]:
    for pattern, text in ((_EN_BEFORE, before), (_ZH_BEFORE, before), (_EN_AFTER, after), (_ZH_AFTER, after)):
        m = pattern.search(text)
        if m:
            who = m.group("who").strip()
            if who:
                return who, m.group("verb")
    return None, None
