"""Stage 3, features: what can be measured about each unit, alone and among the others.

In: the units. Out: one :class:`Features` per unit, in the same order. Nothing here decides a
label; :mod:`bilingual_news.label` and :mod:`bilingual_news.revise` do.

Features of one unit: its scripts and size, sentence punctuation in either language, URLs,
dates and times, how it is cut into items and tokens (menus, link lists), capitalisation, and
which cue lexicons it hits. Cross-unit features (repeats, teasers) are computed with
dictionaries keyed by folded text and by short prefixes, so that they stay linear in the number
of units and in the length of the page: no unit is ever compared with all the others.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

import regex

from bilingual_news.lexicon import Lexicon, fold, lexicon
from bilingual_news.scripts import ScriptCounts, count_scripts
from bilingual_news.split import Unit

__all__ = ["Features", "extract"]

TEASER_MIN_CHARS = 20
"""A truncated excerpt must keep this many characters before its ellipsis to be matched to
the paragraph it copies: shorter prefixes match by chance."""

TEASER_KEY_CHARS = 16
"""Characters of a unit's start used to look up the paragraphs a teaser may copy."""

METADATA_MAX_CHARS = 120
"""Longest line read as a metadata line: longer ones are prose that mentions a source."""

SECTION_MAX_CHARS = 24
"""Longest line read as a section heading (``相关阅读``, ``You may also like``)."""

CHROME_MAX_CHARS = 600
"""Longest line a chrome phrase (``cookie``, ``ICP备``) can mark: a cookie banner is a few
sentences; a longer text that mentions cookies is an article about them."""

FOOTER_REST_CHARS = 20
"""Characters after an English footer word within which the line is still the footer's
(``Share on Facebook``, ``Comments (12)``)."""

FOOTER_PREFIX_MIN_CHARS = 3
"""Shortest Chinese footer phrase that marks a line it opens without a separator: two
characters (``评论``, ``关闭``) open ordinary sentences too."""

FOOTER_PREFIX_MAX_CHARS = 16
"""Longest line such a phrase marks: a longer one is a sentence that starts with it."""

CUE_SCAN_CHARS = 2000
"""Characters of a unit searched for cue phrases: cues stand in short lines, and a
170,000-character link list must not be scanned once per cue."""

_SENTENCE_END = regex.compile(r"[。！？!?.;；][”’\"'）)\]」』]*$")
_SENTENCE_MARK = regex.compile(r"[。！？；]|[.!?](?=\s|$|[”’\"'])")
_ELLIPSIS_END = regex.compile(r"(?:…+|\.{3,}|。{3,})[”’\"'）)]*$")
_TRUNCATED = regex.compile(r"(?<![….])(?:…|\.{3})[”’\"'）)]*$")
_URL = regex.compile(r"^(?:https?://|www\.)\S+$", regex.IGNORECASE)
_HAS_URL = regex.compile(r"https?://|www\.", regex.IGNORECASE)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b\.?,?"
_DATE = regex.compile(
    r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月"
    r"|\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d\s+\d{1,2}/\d{1,2}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:{_WEEKDAY}\s+)?(?:19|20)\d\d\b"
    rf"|\b\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d\b",
    regex.IGNORECASE,
)
_TIME_PART = regex.compile(
    r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月"
    r"|\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d\b"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*(?:[ap]\.?m\.?\b)?"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+(?:{_WEEKDAY}\s+)?(?:19|20)\d\d)?\b"
    rf"|\b\d{{1,2}}\s+{_MONTH}(?:\s+(?:19|20)\d\d)?\b"
    rf"|\b{_WEEKDAY}"
    r"|\b(?:19|20)\d\d\b"
    r"|\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|昨天|前天|今天|刚刚|[上下]午|凌晨"
    r"|\b(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\b(?:yesterday|today|updated|published|posted|at|on|gmt|utc|bst|edt|est|bjt)\b",
    regex.IGNORECASE,
)
_CALENDAR = regex.compile(
    r"\d+\s*(?:分钟|小时|天|周|个月)前|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b",
    regex.IGNORECASE,
)
_RANKED = regex.compile(r"(?:[1-9]|10)(?![\d.,:：/年月日号点时分秒万亿元%％个岁])\s*(?=[\p{Han}\p{Lu}《“\"【\[])")
_RELATIVE = regex.compile(r"昨天|前天|刚刚|\byesterday\b")
_FOOTER_HEAD = regex.compile(r"[\s:：|｜>》»(（,，]")
_SEPARATOR_CHARS = regex.compile(r"[|｜/>›»·•]")
_BYLINE = regex.compile(
    r"^[(（]?(?i:(?:posted|written|reporting|edited|photos?|words|text|story)\s+)?(?i:by)\s+"
    r"\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&))*\s*(?:[|,;(]|at\b|$|\p{N})"
)
_CREDIT = regex.compile(
    r"^[(（【\[]?(?:[\p{Han}·]{0,12}(?:记者|通讯员|实习生|摄影|撰稿|报道员)\s*|(?:文/图|图/文|撰文|文|图)\s+)"
    r"[\p{Han}·]{2,4}(?:[\s、，,]+[\p{Han}·]{2,4})*\s*(?:/?文|摄|报道)?[)）】\]]?$"
    r"|^[(（][^()（）]{1,30}(?:对此文|对本文)[亦也]?有贡献[)）]$"  # （实习生某某对此文亦有贡献）
)
_COUNTER = regex.compile(
    r"^(?:阅读|浏览|点击|人气|阅读数|阅读量|浏览量|浏览次数|点击数|点击量|views?|reads?)\s*[(（:：]?\s*\d[\d,.]*[万千kKmM]?\s*[)）]?$"
)
_PHOTO_CREDIT = regex.compile(
    r"\b\p{Lu}[\p{Lu}.' -]{2,40}/\s*(?:FOR\s+)?\p{Lu}[\p{Lu}.' -]{1,40}$"  # LIU CHAOFU/FOR CHINA DAILY
    r"|[(（\[【](?:\p{Lu}[\p{L}.&' -]{0,30}/\s*\p{Lu}[\p{L}.&' -]{0,40}|[^()（）\[\]【】]{0,20}摄|"
    r"(?i:photo|image|file photo|video)[^()（）\[\]]{0,40})[)）\]】]$"
)
_HAN = regex.compile(r"\p{Han}")
_FIELD_COLON = regex.compile(r"\s*[:：]")
_HAN_GAP = regex.compile(r"(?<=\p{Han})\s+(?=\p{Han})")
_MARKUP = regex.compile(r"<!--.*?-->|</?[a-zA-Z][^<>]{0,400}>")
_SEPARATED = regex.compile(r"\s*(?:\||｜|/|>|›|»|·|•)\s*")
_SECTION_TAIL = regex.compile(r"(?:\s*(?:[:：>»›]+|更多|more|查看更多|see all|view all))+$", regex.IGNORECASE)
_LEADING_MARKS = regex.compile(r"^[\s(（【\[〔<《#]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Features:
    """What is measured about one unit."""

    index: int
    """The unit's position among all units."""
    position: float
    """``index / (count - 1)``: 0 at the top of the page, 1 at the bottom."""
    chars: int
    """Non-blank characters."""
    scripts: ScriptCounts
    """Script counts."""
    sentence_marks: int
    """Sentence-ending marks inside the unit (``。！？`` and ``.!?`` before a space)."""
    ends_sentence: bool
    """Whether the unit ends like a sentence (a full stop, ``？``, a closing quote after one);
    an ellipsis is not a sentence end (truncated link titles end with one)."""
    ends_ellipsis: bool
    """Whether the unit ends with ``…`` or ``...``."""
    truncated: bool
    """Whether the unit ends with the mark of a cut (one ``…`` or exactly ``...``), as the
    excerpts in link lists do; a writer's own ellipsis is ``……`` or a longer run of dots."""
    ranked: bool
    """Whether the unit opens with a rank number fused onto a title (``1细思恐极的…``,
    ``2 捍卫国宝…``): an item of a "most read" list."""
    is_url: bool
    """Whether the unit is a URL and nothing else."""
    url_has_path: bool
    """Whether that URL goes past the site's name to a page (``…/news/18408.html``): a bare
    site address is the footer's, not the article's own URL."""
    has_url: bool
    """Whether the unit contains a URL."""
    has_date: bool
    """Whether the unit contains a calendar date with its year (``2024-05-13``, ``May 7,
    2024``) or a relative time (``15 天前``, ``7 days ago``); ``5月17日`` alone is a date an
    article talks about, not the date it was published."""
    date_share: float
    """Share of the unit's non-blank characters that are dates, times and their words: a
    dateline is mostly date."""
    nav_cue: bool
    """Every item of the unit is a navigation word (``首页``, ``Home``)."""
    footer_cue: bool
    """The unit is, or starts with, a footer phrase (``下一篇``, ``Back to top``)."""
    section_cue: bool
    """The unit is a heading that opens a chrome section (``相关阅读``, ``Related stories``)."""
    chrome_cue: bool
    """The unit contains a chrome phrase (a cookie banner, site copyright)."""
    prompt_cue: bool
    """The unit contains a phrase that is chrome when the line is not prose (an app prompt)."""
    metadata_field: str | None
    """The metadata field the unit starts with (``source`` for ``来源：``), if any."""
    metadata_fields: int
    """How many metadata fields (``来源：``, ``作者：``) stand anywhere in the unit, each after a
    blank or a bracket."""
    field_label: bool
    """Whether a metadata field word and its colon stand anywhere in the unit, even run on
    after other words (``部落格全站分類：``): the unit is a field, not a title."""
    credit: bool
    """The unit is a byline or credit line without a field colon (``By Jane Doe``,
    ``（记者 胡晓蓉）``)."""
    counter: bool
    """The unit is a view or read count (``阅读 539``, ``浏览量 2.4k``)."""
    disclaimer_cue: int
    """How many disclaimer phrases the unit contains (``仅供参考``, ``不代表本网立场``)."""
    teaser_cue: bool
    """The unit opens with a summary label and a colon (``编者按：``, ``Summary:``)."""
    caption_cue: bool
    """The unit starts with, contains or ends with a caption phrase or a photo credit."""
    items: int
    """Items separated by ``|``, ``/``, ``>`` and the like (breadcrumbs, link lists), counted in
    the unit's first :data:`CUE_SCAN_CHARS` characters."""
    item_chars: float
    """Mean non-blank characters per item in that stretch: menus have short items."""
    tokens: int
    """Blank-separated tokens."""
    han_gaps: int
    """Blanks with a Han character on both sides: Chinese lists and menus are Han words
    spaced apart, while Chinese prose has blanks only around Latin words and numbers."""
    markup_share: float
    """Share of the unit's characters inside HTML tags or comments leaked by the scrape."""
    capital_share: float
    """Share of Latin words that start with a capital: menus and titles are Title Case."""
    repeats: int
    """How many other units have the same folded text."""
    first_repeat: int
    """Index of the first unit with the same folded text (its own index when it is first)."""
    teaser_of: int
    """Index of a later unit this one is a truncated copy of, or -1."""


def extract(units: tuple[Unit, ...]) -> tuple[Features, ...]:
    """Measure every unit."""
    lex = lexicon()
    folded = [fold(u.text[:CUE_SCAN_CHARS]) if len(u.text) > CUE_SCAN_CHARS else fold(u.text) for u in units]
    seen: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(folded):
        seen[key].append(i)
        half = _doubled(key)
        if half is not None:
            seen[half].append(i)
    by_prefix: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(folded):
        if len(key) > TEASER_MIN_CHARS:
            by_prefix[key[:TEASER_KEY_CHARS]].append(i)
    last = max(len(units) - 1, 1)
    out: list[Features] = []
    for i, (unit, key) in enumerate(zip(units, folded, strict=True)):
        out.append(_one(i, last, unit.text, key, lex, seen, folded, by_prefix))
    return tuple(out)


def _one(
    i: int,
    last: int,
    text: str,
    key: str,
    lex: Lexicon,
    seen: dict[str, list[int]],
    folded: list[str],
    by_prefix: dict[str, list[int]],
) -> Features:
    cues = _cue_patterns()
    scripts = count_scripts(text)
    ends_ellipsis = bool(_ELLIPSIS_END.search(text[-8:]))
    short = len(key) <= METADATA_MAX_CHARS
    head = text[:CUE_SCAN_CHARS]
    items = len(_SEPARATED.split(key)) if _SEPARATOR_CHARS.search(key) else 1
    same = seen.get(key, [i])
    half = _doubled(key)
    if half is not None:
        same = sorted({*same, *seen.get(half, [])})
    has_date = bool(
        (scripts.digits and (_DATE.search(head) or _CALENDAR.search(head))) or (short and _RELATIVE.search(key))
    )
    return Features(
        index=i,
        position=i / last,
        chars=scripts.total,
        scripts=scripts,
        sentence_marks=len(_SENTENCE_MARK.findall(text)),
        ends_sentence=bool(_SENTENCE_END.search(text[-8:])) and not ends_ellipsis,
        ends_ellipsis=ends_ellipsis,
        truncated=ends_ellipsis and bool(_TRUNCATED.search(text[-8:])),
        is_url=text[:4].lower() in ("http", "www.") and bool(_URL.match(text)),
        url_has_path=_url_has_path(text),
        ranked=scripts.digits > 0 and bool(_RANKED.match(text)),
        has_url=("http" in head or "www." in head) and bool(_HAS_URL.search(head)),
        has_date=has_date,
        date_share=_date_share(text, scripts.total) if short and has_date else 0.0,
        nav_cue=short and _all_items_in(key, lex.nav),
        footer_cue=short and _footer_cue(key, lex.footer),
        section_cue=len(key) <= SECTION_MAX_CHARS and _SECTION_TAIL.sub("", key).strip() in lex.section,
        chrome_cue=len(key) <= CHROME_MAX_CHARS
        and bool(cues.chrome.search(key) or (scripts.han > scripts.latin_words and cues.chrome_han.search(key))),
        prompt_cue=len(key) <= CHROME_MAX_CHARS and bool(cues.prompt.search(key)),
        metadata_field=_metadata_field(key, text) if short else None,
        metadata_fields=_metadata_fields(key) if short and (":" in key or "：" in key) else 0,
        field_label=short and (":" in key or "：" in key) and bool(_metadata_cues()[3].search(key)),
        credit=short and bool((_byline(key, text)) or (scripts.han and _CREDIT.match(text))),
        counter=short and scripts.digits > 0 and bool(_COUNTER.match(key)),
        disclaimer_cue=len(cues.disclaimer.findall(key)),
        teaser_cue=key.startswith(lex.teaser) and _teaser_cue(key, lex),
        caption_cue=_caption_cue(key, text, lex, cues.caption),
        items=items,
        item_chars=(scripts.total if len(text) <= CUE_SCAN_CHARS else len("".join(key.split()))) / items,
        tokens=len(text.split()),
        han_gaps=len(_HAN_GAP.findall(text)) if scripts.han and " " in text else 0,
        markup_share=_markup_share(text, scripts.total) if "<" in head else 0.0,
        capital_share=scripts.capital_words / scripts.latin_words if scripts.latin_words else 0.0,
        repeats=len(same) - 1,
        first_repeat=same[0],
        teaser_of=_teaser_of(i, key, folded, by_prefix) if ends_ellipsis else -1,
    )


@dataclass(frozen=True, slots=True)
class _Cues:
    """The phrase lexicons compiled to one pattern each, so that a unit is scanned once per
    lexicon rather than once per phrase."""

    disclaimer: regex.Pattern[str]
    caption: regex.Pattern[str]
    chrome: regex.Pattern[str]
    chrome_han: regex.Pattern[str]
    prompt: regex.Pattern[str]


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))


@functools.cache
def _cue_patterns() -> _Cues:
    lex = lexicon()
    return _Cues(
        disclaimer=regex.compile(_alternation(lex.disclaimer)),
        caption=regex.compile(_alternation(lex.caption_contains)),
        chrome=regex.compile(_phrases(lex.chrome)),
        chrome_han=regex.compile(_phrases(lex.chrome_han)),
        prompt=regex.compile(_phrases(lex.chrome_short)),
    )


def _phrases(cues: tuple[str, ...]) -> str:
    """An alternation of chrome phrases in which a Chinese phrase must not run on into more Han
    characters: ``版权所有`` marks a copyright line, ``版权所有者`` is a word of the text."""
    han = tuple(c for c in cues if _HAN.match(c[-1]))
    other = tuple(c for c in cues if not _HAN.match(c[-1]))
    parts = [f"(?:{_alternation(han)})(?!\\p{{Han}})"] if han else []
    if other:
        parts.append(_alternation(other))
    return "|".join(parts) or "(?!)"


def _url_has_path(text: str) -> bool:
    if not (text[:4].lower() in ("http", "www.") and _URL.match(text)):
        return False
    rest = text.split("//", 1)[-1]
    return bool(rest.partition("/")[2].strip("/"))


def _doubled(key: str) -> str | None:
    """The half of a text that is the same title twice over (a scrape joined two copies)."""
    n = len(key)
    if n >= 8 and n % 2 == 0 and key[: n // 2] == key[n // 2 :]:
        return key[: n // 2]
    return None


def _markup_share(text: str, total: int) -> float:
    if not total:
        return 0.0
    covered = sum(len("".join(m.group().split())) for m in _MARKUP.finditer(text))
    return min(1.0, covered / total)


def _date_share(text: str, total: int) -> float:
    if not total:
        return 0.0
    covered = sum(len("".join(m.group().split())) for m in _TIME_PART.finditer(text))
    return min(1.0, covered / total)


def _all_items_in(key: str, words: frozenset[str]) -> bool:
    if key in words:
        return True
    items = [p for p in _SEPARATED.split(key) if p]
    if len(items) > 1 and all(p in words for p in items):
        return True
    tokens = key.split()
    return len(tokens) > 1 and all(t in words for t in tokens)


def _footer_cue(key: str, words: frozenset[str]) -> bool:
    """The unit is a footer phrase, or opens with one and a separator (``下一篇：<title>``,
    ``分享到：微信``). An English word before a long rest (``Report: China's exports rose``) is
    the title's own first word, so a long rest needs a Chinese cue."""
    if key in words:
        return True
    if len(key) <= FOOTER_PREFIX_MAX_CHARS and key.startswith(_han_footer_cues(words)):
        return True  # ``上一篇文章``, ``相关文章推荐``: a Chinese footer phrase run on
    head = _FOOTER_HEAD.split(key, maxsplit=1)[0]
    if head not in words or head == key:
        return False
    return len(key) - len(head) <= FOOTER_REST_CHARS or bool(_HAN.search(head))


@functools.cache
def _han_footer_cues(words: frozenset[str]) -> tuple[str, ...]:
    """The Chinese footer phrases of three characters or more, which open a line of chrome even
    with more words run on after them."""
    return tuple(w for w in words if len(w) >= FOOTER_PREFIX_MIN_CHARS and _HAN.match(w))


@functools.cache
def _metadata_cues() -> tuple[regex.Pattern[str], regex.Pattern[str], dict[str, str], regex.Pattern[str]]:
    """Patterns for a field cue and its colon: at the line's start (with the bare cues, which
    need no colon), anywhere after a blank or a bracket (``2024-05-13 作者：曹磊 来源:东方网``),
    and anywhere at all; and the field each cue feeds. Compiled once."""
    lex = lexicon()
    cues = lex.metadata
    alternation = "|".join(regex.escape(c) for _, c in cues)
    bare = "|".join(regex.escape(c) for _, c in lex.metadata_bare)
    start = regex.compile(rf"^(?:(?P<cue>{alternation})(?:\s*[:：]|\s*(?:>>|»)|$)|(?P<cue>{bare}))")
    anywhere = regex.compile(rf"(?:^|(?<=[\s|｜/(（【\[\]】)）,，;；]))(?:{alternation})\s*[:：]")
    inside = regex.compile(rf"(?:{alternation})\s*[:：]")
    return start, anywhere, {c: f for f, c in (*cues, *lex.metadata_bare)}, inside


def _metadata_field(key: str, text: str) -> str | None:
    start, _, fields, _ = _metadata_cues()
    stripped = _LEADING_MARKS.sub("", key)
    m = start.match(stripped)
    if m:
        field = fields[m.group("cue")]
        # A cue word alone on its line is a label only for tags (``标签``, ``Tags``): ``编辑`` alone
        # is a forum's edit button.
        if m.end() < len(stripped) or field == "other" or m.group("cue") in _bare_cues():
            return field
    if _byline(key, text):
        return "author"
    return None


@functools.cache
def _bare_cues() -> frozenset[str]:
    """The metadata cues that need no colon (``综合整理自``)."""
    return frozenset(c for _, c in lexicon().metadata_bare)


def _byline(key: str, text: str) -> bool:
    """``By Jane Doe``, ``Posted by K A at 12:11 PM``: a byline is not a sentence, so one that
    ends like a sentence (``By Monday, the river had risen.``) is the text's own."""
    return "by" in key and bool(_BYLINE.match(text)) and not _SENTENCE_END.search(text[-8:])


def _metadata_fields(key: str) -> int:
    return len(_metadata_cues()[1].findall(key))


def _teaser_cue(key: str, lex: Lexicon) -> bool:
    stripped = _LEADING_MARKS.sub("", key[:40])
    return any(stripped.startswith(cue) and _FIELD_COLON.match(stripped, len(cue)) for cue in lex.teaser)


def _caption_cue(key: str, text: str, lex: Lexicon, contains: regex.Pattern[str]) -> bool:
    if key.startswith(lex.caption_prefix) or contains.search(key):
        return True
    tail = key.rstrip().rstrip("。.")
    if not tail.endswith(lex.caption_suffix):
        return bool(_PHOTO_CREDIT.search(text[-80:].rstrip()))
    for cue in lex.caption_suffix:
        if tail.endswith(cue):
            before = tail[: -len(cue)]
            # A one-character credit (``摄``) needs a blank before it: ``周斌 摄``, not ``拍摄``.
            if len(cue) > 1 or not before or before[-1].isspace():
                return True
    return bool(_PHOTO_CREDIT.search(text[-80:].rstrip()))


def _teaser_of(i: int, key: str, folded: list[str], by_prefix: dict[str, list[int]]) -> int:
    stem = _ELLIPSIS_END.sub("", key).rstrip()
    if len(stem) < TEASER_MIN_CHARS:
        return -1
    for j in by_prefix.get(stem[:TEASER_KEY_CHARS], ()):
        if j != i and len(folded[j]) > len(stem) and folded[j].startswith(stem):
            return j
    return -1
