"""Page metadata from the metadata blocks: date, source, author, editor.

In: the final blocks. Out: :class:`~bilingual_news.model.Metadata`. Only what a metadata line
states is read; nothing is guessed from the body.
"""

from __future__ import annotations

import datetime as dt

import regex

from bilingual_news.lexicon import fold, lexicon
from bilingual_news.model import Block, Kind, Metadata

__all__ = ["parse_date", "read_metadata"]

_NUMERIC_DATE = regex.compile(
    r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2})[:：](?P<M>\d{2})(?:[:：](?P<S>\d{2}))?)?"
)
_MONTHS = {
    m: i
    for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)
}
_EN_DATE = regex.compile(
    r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>(?:19|20)\d\d)"
    r"|(?P<d>\d{1,2})\s+(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(?P<y>(?:19|20)\d\d)",
    regex.IGNORECASE,
)
_FIELD_VALUE = regex.compile(r"^\s*[:：]\s*(?P<v>.*?)(?=\s{2,}|\s*(?:\||｜)|$)")


def parse_date(text: str) -> dt.datetime | dt.date | None:
    """The first calendar date (with its time, when given) in ``text``.

    >>> parse_date("2019年11月25日 18:57 参考消息")
    datetime.datetime(2019, 11, 25, 18, 57)
    >>> parse_date("Updated: May 8, 2025")
    datetime.date(2025, 5, 8)
    """
    m = _NUMERIC_DATE.search(text)
    try:
        if m:
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            if m["H"] is not None:
                return dt.datetime(y, mo, d, int(m["H"]), int(m["M"]), int(m["S"] or 0))
            return dt.date(y, mo, d)
        m = _EN_DATE.search(text)
        if m:
            return dt.date(int(m["y"]), _MONTHS[m["mon"][:3].lower()], int(m["d"]))
    except ValueError:  # 2025-13-45: not a date
        return None
    return None


def read_metadata(blocks: tuple[Block, ...]) -> Metadata:
    """Read date, source, author and editor from the page's metadata blocks."""
    found: dict[str, str] = {}
    published: dt.datetime | dt.date | None = None
    for block in blocks:
        if block.kind is not Kind.METADATA:
            continue
        if published is None:
            published = parse_date(block.text)
        for field, value in _fields(block.text):
            found.setdefault(field, value)
    return Metadata(
        published=published,
        source=found.get("source"),
        author=found.get("author"),
        editor=found.get("editor"),
    )


def _fields(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    folded = fold(text)
    cues = lexicon().metadata
    for field, cue in cues:
        if field not in ("source", "author", "editor"):
            continue
        for m in regex.finditer(regex.escape(cue) + r"(?=\s*[:：])", folded):
            value_match = _FIELD_VALUE.match(folded, m.end())
            if value_match and value_match["v"]:
                start = value_match.start("v")
                value = text[start : start + len(value_match["v"])] if len(text) == len(folded) else value_match["v"]
                value = _cut_at_next_cue(value, cues)
                if value:
                    out.append((field, value.strip()))
    if text.lower().startswith("by "):
        name = regex.split(r"\s*[|,(]", text[3:], maxsplit=1)[0].strip()
        if name:
            out.append(("author", name))
    return out


def _cut_at_next_cue(value: str, cues: tuple[tuple[str, str], ...]) -> str:
    low = value.lower()
    cut = len(value)
    for _, cue in cues:
        for m in regex.finditer(regex.escape(cue) + r"\s*[:：]", low):
            if m.start() > 0:
                cut = min(cut, m.start())
    return value[:cut].strip()
