"""Page metadata from the metadata blocks: date, source, author, editor, original title, views.

In: the final blocks (and the page's :class:`~bilingual_news.normalize.Normalized`, for raw
offsets). Out: :class:`~bilingual_news.model.Metadata`, each field with the raw span of the text
it was read from. Only what a metadata block states is read: no date is guessed from the body,
and a relative date (``7 days ago``, ``昨天``) is no date.

* **published** — the first calendar date in a metadata block, with its time when one stands
  next to it, and its UTC offset when the page gives one (``GMT+8``, ``+08:00``, ``北京时间``):
  ``2025-05-08 10:23``, ``2025年05月08日``, ``2023 11/26 07:41``, ``18-03-08 23:16`` (a
  two-digit year needs a time), ``06/02/2022`` (day first, unless the line is English and the
  day cannot come first), ``May 8, 2025``, ``7 May 2024``, ``Mar 14 Fri 2014``, with
  ``上午``/``下午`` and ``am``/``pm``.
* **source, author, editor, original_title, views** — the value after a cue: the cues of
  ``lexicon/metadata.txt`` and ``lexicon/metadata_fields.txt`` followed by a colon (``来源：``),
  by ``/`` or a bar for Chinese credits (``摄影/张艳``, ``作者丨张艳``), by nothing for ``bare``
  cues (``来源于``, ``原题为``), by a space for credits that end in ``by`` and for Chinese
  author and editor cues (``记者 张艳``, ``作者 张艳 李明``). A value ends at the
  next cue with a colon, a ``|``, a wide gap, the bracket that closes one opened before its
  cue, a date, or fused chrome (``举报``); a Chinese source also at the first blank. ``By …`` at
  the start of a line gives the author, and in ``By X | China Daily | Updated: …`` the field
  between them gives the source. Views are a number after their cue (``阅读 539``,
  ``浏览次数：2.1万``, ``已被阅读2046次``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import regex

from bilingual_news._lazy import LazyPattern
from bilingual_news.lexicon import fold
from bilingual_news.model import METADATA_FIELDS, Block, Kind, Metadata, Span
from bilingual_news.normalize import Normalized
from bilingual_news.scripts import HAN

__all__ = ["find_date", "parse_date", "read_fields", "read_metadata"]

TWO_DIGIT_YEAR_PIVOT = 69
"""Two-digit years up to this are 20xx, later ones 19xx (the POSIX ``%y`` rule): ``18-03-08``
is 2018."""
NAME_TOKEN_MAX = 4
"""Longest Han token that continues an author or editor value across a blank: Chinese names
are two to four characters (``许曼宁 欧阳丹``); a longer token is something else."""
BEIJING = dt.timezone(dt.timedelta(hours=8))
"""The offset of ``北京时间`` (Beijing time), ``BJT`` and ``HKT``."""

_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?"
_DATE = regex.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:[-/.年]\s*|\s+)(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)(?:\s*日)?"
    r"|(?<![\d-])(?P<y2>\d\d)-(?P<m2>\d\d)-(?P<d2>\d\d)(?![\d-])(?=\s*\d{1,2}[:：]\d\d)"
    r"|(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y3>(?:19|20)\d\d)(?!\d)"
    rf"|(?<![\p{{L}}]){_MONTH}\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?(?!\d),?\s+(?:{_WEEKDAY}\s+)?(?P<y4>(?:19|20)\d\d)(?!\d)"
    rf"|(?<![\d\p{{L}}])(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace('mon', 'mon2')},?\s+"
    r"(?P<y5>(?:19|20)\d\d)(?!\d)",
    regex.IGNORECASE,
)
_TIME = (
    r"(?P<half>上午|下午|中午|晚上|凌晨|早上)?\s*(?P<H>\d{1,2})[:：](?P<M>\d\d)(?:[:：](?P<S>\d\d))?"
    r"(?:\s*(?P<ampm>[ap])\.?m\b\.?)?"
    r"(?:\s*\(?(?:GMT|UTC)\s*(?P<tzs>[+-])\s*(?P<tzh>\d{1,2})(?::?(?P<tzm>\d\d))?\)?"
    r"|\s*(?P<tzn>[+-]\d\d:?\d\d)(?!\d)|\s*\(?(?P<bj>BJT|HKT|北京时间)\)?)?"
)
# The leading run is possessive (``*+``): nothing after it can take a blank or a comma before
# its own first character, and without it a long run was split between this and _TIME's \s*
# in every way (quadratic, cubic under a search).
_TIME_AFTER = LazyPattern(r"[\s,，]*+(?:at\s+|@\s*|(?-i:T)|[-–—|·・]\s*)?" + _TIME, regex.IGNORECASE)
_TIME_BEFORE = LazyPattern(_TIME + r"\s*[,，·・|]?\s*$", regex.IGNORECASE)
_BEIJING_CUE = LazyPattern(r"北京时间|北京時間|\bBJT\b")
_MONTHS = {
    m: i
    for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)
}
_LATIN = regex.compile(r"\p{Latin}")

_OPENERS = {"（": "）", "(": ")", "【": "】", "[": "]", "〔": "〕", "「": "」"}
_GAP = regex.compile(r"\s{2,}|[\u3000\t]|\s*[|｜丨]\s*")
# Possessive blanks (``\s*+``): what follows each run is not a blank, so taking the run whole
# loses no match, and a long run is not split three ways (quartic under a search).
_VIEWS = LazyPattern(r"\s*+[:：]?\s*+[(（]?\s*+(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万|萬|千|[kKwW](?![a-zA-Z]))?")
_COLON = regex.compile(r"\s*[:：]\s*")
_SLASH = LazyPattern(r"\s*/\s*")
_BAR = LazyPattern(r"\s*[|｜丨]\s*")
_NOT_LINE_START = LazyPattern(r"[^\s(（|｜]")
_SPACE_BEFORE_NAME = LazyPattern(r"\s+(?=[\p{Lu}\p{Han}])")
_SPACE_BEFORE_HAN = LazyPattern(r"\s+(?=\p{Han})")
_LETTER = regex.compile(r"\p{L}")
_FIRST_WORD = LazyPattern(r"\S+")
_NEXT_WORD = LazyPattern(r"\s+(\S+)")
_NAME_TOKEN = LazyPattern(rf"\p{{Han}}{{2,{NAME_TOKEN_MAX}}}")
_CREDIT_CUT = LazyPattern(r"[,;(（)）]|\s+(?:at|on|in)\s+")
_BYLINE_FIELD = LazyPattern(r"\s*[|｜]\s*(?P<v>[^|｜]+?)\s*(?=[|｜]|$)")
_DIGIT_OR_COLON = LazyPattern(r"\d|[:：]")
_VIEW_UNITS = {"万": 10_000, "萬": 10_000, "w": 10_000, "千": 1_000, "k": 1_000}


# ------------------------------------------------------------------------ dates
def find_date(text: str) -> tuple[dt.datetime | dt.date, int, int] | None:
    """The first calendar date in ``text`` (with its time and offset, when given) and the
    ``(start, end)`` of the text it was read from.

    >>> find_date("By Wang Li | China Daily | Updated: 2022-08-19 11:26")
    (datetime.datetime(2022, 8, 19, 11, 26), 36, 52)
    >>> find_date("下午3:20 · 2023年6月12日")[0]
    datetime.datetime(2023, 6, 12, 15, 20)
    """
    for m in _DATE.finditer(text):
        try:
            day = _day(m, text)
        except ValueError:  # 2025-13-45: not a date
            continue
        if day is None:
            continue
        start, end = m.span()
        after = _TIME_AFTER.match(text, end)
        before = None if after else _TIME_BEFORE.search(text, 0, start)
        t = after or before
        if t is None:
            return day, start, end
        try:
            when = _with_time(day, t, text)
        except ValueError:  # 25:61
            return day, start, end
        return when, min(start, t.start("H") if t.start("half") < 0 else t.start("half")), max(end, t.end())
    return None


def parse_date(text: str) -> dt.datetime | dt.date | None:
    """The first calendar date (with its time, when given) in ``text``.

    >>> parse_date("2021年3月9日 07:45 新闻来源")
    datetime.datetime(2021, 3, 9, 7, 45)
    >>> parse_date("Updated: May 8, 2025")
    datetime.date(2025, 5, 8)
    >>> parse_date("7 days ago") is None
    True
    """
    found = find_date(text)
    return found[0] if found else None


def _day(m: regex.Match[str], text: str) -> dt.date | None:
    """The calendar date ``m`` reads; ``text``, the whole line, decides the order of day and
    month in ``06/02/2022`` (month first when the line is English: more Latin letters than
    Han characters, counted only for such a date)."""
    if m["y"]:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    if m["y2"]:
        yy = int(m["y2"])
        return dt.date(2000 + yy if yy <= TWO_DIGIT_YEAR_PIVOT else 1900 + yy, int(m["m2"]), int(m["d2"]))
    if m["y3"]:
        a, b = int(m["a"]), int(m["b"])
        month_first = b > 12 or (a <= 12 and len(_LATIN.findall(text)) > len(HAN.findall(text)))
        return dt.date(int(m["y3"]), a, b) if month_first else dt.date(int(m["y3"]), b, a)
    if m["y4"]:
        return dt.date(int(m["y4"]), _MONTHS[m["mon"][:3].lower()], int(m["d3"]))
    if m["y5"]:
        return dt.date(int(m["y5"]), _MONTHS[m["mon2"][:3].lower()], int(m["d4"]))
    return None  # pragma: no cover - every branch of _DATE names a year


def _with_time(day: dt.date, t: regex.Match[str], text: str) -> dt.datetime:
    hour, minute, second = int(t["H"]), int(t["M"]), int(t["S"] or 0)
    pm = (t["ampm"] or "").lower() == "p" or t["half"] in ("下午", "晚上") or (t["half"] == "中午" and hour < 11)
    am = (t["ampm"] or "").lower() == "a" or t["half"] in ("上午", "凌晨", "早上")
    if pm and hour < 12:
        hour += 12
    elif am and hour == 12:
        hour = 0
    tz: dt.tzinfo | None = None
    if t["tzs"]:
        offset = dt.timedelta(hours=int(t["tzh"]), minutes=int(t["tzm"] or 0))
        tz = dt.timezone(offset if t["tzs"] == "+" else -offset)
    elif t["tzn"]:
        sign, digits = t["tzn"][0], t["tzn"][1:].replace(":", "")
        offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        tz = dt.timezone(offset if sign == "+" else -offset)
    elif t["bj"] or _BEIJING_CUE.search(text):
        tz = BEIJING
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=tz)


# ------------------------------------------------------------------------- cues
@dataclass(frozen=True, slots=True)
class _Cues:
    """The metadata cues, compiled once."""

    pattern: regex.Pattern[str]
    """Every cue, longest first."""
    field: dict[str, str]
    """Folded cue -> field."""
    bare: frozenset[str]
    """Folded cues that need no colon."""
    secondary: frozenset[str]
    """Folded cues whose values give way to other cues of their field."""
    roles: regex.Pattern[str]
    """A job title before a name."""
    stop: regex.Pattern[str]
    """Chrome fused onto a value."""
    none: frozenset[str]
    """Values that mean "not known"."""


def _entries(name: str) -> list[tuple[str, str, tuple[str, ...]]]:
    text = resources.files("bilingual_news.lexicon").joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, rest = line.partition("\t")
        cue, *flags = rest.split("\t")
        if cue.strip():
            out.append((key.strip(), cue.strip(), tuple(f.strip() for f in flags)))
    return out


def _cue_pattern(cue: str) -> str:
    body = r"\s+".join(regex.escape(part) for part in cue.split())
    if _LATIN.search(cue):
        return rf"(?<!\p{{Latin}}){body}(?!\p{{Latin}})"
    if len(cue) == 1:  # 文 is a credit only on its own: 文/ 文： — never inside 中文 or 文静
        return rf"(?<!\p{{Han}}){body}(?=[:：/])"
    return body


@functools.cache
def _cues() -> _Cues:
    entries = _entries("metadata.txt") + _entries("metadata_fields.txt")
    fields = {"source", "author", "editor", "published", "original_title", "views", "other"}
    field: dict[str, str] = {}
    bare: set[str] = set()
    for key, cue, flags in entries:
        if key in fields:
            field.setdefault(fold(cue), key)
            if "bare" in flags:
                bare.add(fold(cue))
    words = {key: [cue for k, cue, _ in entries if k == key] for key in ("secondary", "role", "stop", "none")}
    cues = sorted({cue for key, cue, _ in entries if key in fields}, key=lambda c: (-len(c), c))
    roles = "|".join(regex.escape(r) for r in sorted(words["role"], key=len, reverse=True)) or "(?!)"
    return _Cues(
        pattern=regex.compile("|".join(_cue_pattern(c) for c in cues), regex.IGNORECASE),
        field=field,
        bare=frozenset(bare),
        secondary=frozenset(fold(c) for c in words["secondary"]),
        roles=regex.compile(rf"^(?:\S{{0,8}}?(?:{roles}))\s*", regex.IGNORECASE),
        stop=regex.compile("|".join(r"\s*".join(map(regex.escape, s.split())) for s in words["stop"]) or "(?!)"),
        none=frozenset(fold(c) for c in words["none"]),
    )


# ----------------------------------------------------------------------- fields
@dataclass(frozen=True, slots=True)
class _Found:
    field: str
    value: str | int | dt.date
    start: int
    end: int
    rank: int


def read_fields(text: str) -> list[tuple[str, str | int | dt.date, int, int]]:
    """Every field one metadata line states, as ``(field, value, start, end)`` in the order
    they are found (a field may come more than once; :func:`read_metadata` picks one).

    >>> [(f, v) for f, v, _, _ in read_fields("2021年09月03日14:05  来源：晨江网-体育频道")]
    [('published', datetime.datetime(2021, 9, 3, 14, 5)), ('source', '晨江网-体育频道')]
    """
    return [(f.field, f.value, f.start, f.end) for f in _read(text)]


def _read(text: str) -> list[_Found]:
    cues = _cues()
    found: list[_Found] = []
    date = find_date(text)
    if date is not None:
        found.append(_Found("published", date[0], date[1], date[2], 0))
    consumed = 0
    for m in cues.pattern.finditer(text):
        cue = fold(m.group())
        field = cues.field.get(cue)
        if field in (None, "other", "published") or m.start() < consumed:
            continue
        value = _value_after(text, m, cue, field or "", cues)
        if value is not None:
            found.append(value)
            consumed = value.end
    by_author = next((f for f in found if f.field == "author" and f.rank == 0), None)
    if by_author is not None and not any(f.field == "source" for f in found):
        source = _byline_source(text, by_author.end)
        if source is not None:
            found.append(source)
    return found


def _value_after(text: str, m: regex.Match[str], cue: str, field: str, cues: _Cues) -> _Found | None:
    """The value a cue introduces, or ``None`` when the cue is not followed by one."""
    start = _separator(text, m, cue, field, cues)
    if start is None:
        return None
    rank = 1 if cue in cues.secondary else 0
    if field == "views":
        v = _VIEWS.match(text, m.end())
        if v is None:
            return None
        return _Found("views", _views(v["n"], v["unit"]), v.start("n"), v.end(), rank)
    end = _value_end(text, m.start(), start, field, cues)
    value = text[start:end]
    if field in ("author", "editor"):
        role = cues.roles.match(value)
        if role and role.end() < len(value):
            start += role.end()
            value = value[role.end() :]
    if field == "original_title" and value.startswith("《") and value.endswith("》"):
        start, end, value = start + 1, end - 1, value[1:-1]
    if not _LETTER.search(value) or fold(value) in cues.none:
        return None
    return _Found(field, value, start, end, rank)


def _separator(text: str, m: regex.Match[str], cue: str, field: str, cues: _Cues) -> int | None:
    """Where the value starts after the cue ``m``, or ``None`` when no value follows it."""
    i = m.end()
    colon = _COLON.match(text, i)
    if colon:
        return colon.end()
    if field == "views":
        return i
    latin = _LATIN.search(cue) is not None
    if latin and (cue.endswith(" by") or cue == "by"):
        if cue == "by" and _NOT_LINE_START.search(text, 0, m.start()):
            return None  # "by" gives an author only at the start of a line or a field
        space = _SPACE_BEFORE_NAME.match(text, i)
        return space.end() if space else None
    if latin:
        return None
    if field in ("author", "editor"):
        slash = _SLASH.match(text, i) or _BAR.match(text, i)
        if slash:
            return slash.end()
        if HAN.match(cue):  # 作者 王某: a Chinese credit's names after a blank
            space = _SPACE_BEFORE_HAN.match(text, i)
            return space.end() if space else None
    if cue in cues.bare:
        return _skip_blanks(text, i)
    if field == "source" and text.startswith("于", i):  # 信息来源于网络: comes from the web
        return _skip_blanks(text, i + 1)
    if cue.endswith(("记者", "記者", "/图", "/圖")):
        space = _SPACE_BEFORE_HAN.match(text, i)
        return space.end() if space else None
    return None


def _skip_blanks(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _value_end(text: str, cue_start: int, start: int, field: str, cues: _Cues) -> int:
    """Where the value that starts at ``start`` ends."""
    end = len(text)
    closer = _open_bracket(text, cue_start)
    if closer is not None:
        at = text.find(closer, start)
        if at >= 0:
            end = at
    if field != "original_title":
        for cut in (
            _GAP.search(text, start, end),
            _next_cue(text, start, end, cues),
            cues.stop.search(text, start, end),
        ):
            if cut is not None:
                end = min(end, cut.start())
        date = _DATE.search(text, start, end)
        if date is not None:
            end = min(end, date.start())
        end = _end_of_words(text, start, end, field)
    value = text[start:end]
    return start + len(value.rstrip(" \t,，;；:：、.。·-–—"))


def _open_bracket(text: str, at: int) -> str | None:
    """The closing bracket of the innermost bracket still open at ``at``."""
    stack: list[str] = []
    for ch in text[:at]:
        if ch in _OPENERS:
            stack.append(_OPENERS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
    return stack[-1] if stack else None


def _next_cue(text: str, start: int, end: int, cues: _Cues) -> regex.Match[str] | None:
    """The next cue followed by a colon inside the value: a new field begins there."""
    for m in cues.pattern.finditer(text, start, end):
        if m.start() > start and _COLON.match(text, m.end()):
            return m
    return None


def _end_of_words(text: str, start: int, end: int, field: str) -> int:
    """Cut a value at the first blank where its words stop: a Chinese source ends at the first
    blank, a Chinese name list continues over names, an English credit stops at a comma."""
    value = text[start:end]
    first = _FIRST_WORD.match(value)
    if first is None:
        return start
    if HAN.search(first.group()) and not _LATIN.search(first.group()):
        if field == "source":
            return start + first.end()
        if field in ("author", "editor"):
            pos = first.end()
            for token in _NEXT_WORD.finditer(value[pos:]):
                if not _NAME_TOKEN.fullmatch(token.group(1)):
                    break
                pos += token.end()
            return start + pos
        return end
    if field in ("author", "editor", "source"):
        cut = _CREDIT_CUT.search(value)
        if cut is not None:
            return start + cut.start()
    return end


def _byline_source(text: str, after: int) -> _Found | None:
    """``By X | China Daily | Updated: …``: the field after the author, when it has no cue."""
    m = _BYLINE_FIELD.match(text, after)
    if m is None:
        return None
    value = m["v"]
    if _DIGIT_OR_COLON.search(value) or len(value.split()) > 6 or not _LETTER.search(value):
        return None
    return _Found("source", value, m.start("v"), m.end("v"), 0)


def _views(number: str, unit: str | None) -> int:
    value = float(number.replace(",", ""))
    return round(value * _VIEW_UNITS.get((unit or "").lower(), 1))


# ------------------------------------------------------------------- documents
def read_metadata(blocks: Iterable[Block], norm: Normalized | None = None) -> Metadata:
    """Read the metadata blocks into :class:`Metadata`: for each field, the first value found
    in reading order (a secondary cue's only when no other cue gives the field), with its raw
    span (exact when ``norm`` is given; without it, blocks changed by normalization give the
    whole block's span)."""
    best: dict[str, tuple[_Found, Block]] = {}
    label = ""  # a field's label alone on its line (``作者:``), whose value is the next block
    for block in blocks:
        if block.kind is not Kind.METADATA:
            label = ""
            continue
        if label and "field_value" in block.reasons:
            # The label and its value read as one line; the spans point into the value's block.
            found = [
                _Found(f.field, f.value, f.start - len(label), f.end - len(label), f.rank)
                for f in _read(label + block.text)
                if f.start >= len(label)
            ]
        else:
            found = _read(block.text)
        label = block.text + " " if block.text[-1:] in ":：" else ""
        for f in found:
            if f.field not in best or f.rank < best[f.field][0].rank:
                best[f.field] = (f, block)
    spans = tuple(
        (name, _raw_span(best[name][1], best[name][0].start, best[name][0].end, norm))
        for name in METADATA_FIELDS
        if name in best
    )

    def text(name: str) -> str | None:
        value = best[name][0].value if name in best else None
        return value if isinstance(value, str) else None

    published = best["published"][0].value if "published" in best else None
    views = best["views"][0].value if "views" in best else None
    return Metadata(
        published=published if isinstance(published, dt.date) else None,
        source=text("source"),
        author=text("author"),
        editor=text("editor"),
        original_title=text("original_title"),
        views=views if isinstance(views, int) else None,
        spans=spans,
    )


def _raw_span(block: Block, start: int, end: int, norm: Normalized | None) -> Span:
    span, text = block.span, block.text
    if len(span) == len(text) and (norm is None or norm.raw.startswith(text, span.start)):
        return Span(start=span.start + start, end=span.start + end)
    if norm is None:
        return span
    base = norm.to_normalized(span.start)
    raw = norm.raw_span(base + start, base + end)
    lo = min(max(raw.start, span.start), span.end)
    return Span(start=lo, end=min(max(raw.end, lo), span.end))
