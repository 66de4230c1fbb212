"""Stage 4, label: a first, context-free guess for each unit.

In: the units and their features. Out: one :class:`Guess` per unit — a kind when a cue decides
it alone (a disclaimer phrase, a metadata field, a caption mark, a menu word), and a quality
class for everything (as jusText's good/near-good/short/bad), with the reasons.
:mod:`bilingual_news.revise` turns guesses into final kinds using the neighbours.

The cues are tried in a fixed order, most specific first, and the first that fires names the
rule: chrome the split cut off a line (``chrome_tail``), a bare URL, leaked markup, a chrome
phrase (cookie banners, site copyright), a disclaimer, a chrome section heading, a teaser label,
a metadata field, a byline or credit, a counter, a caption cue, a line of several fields, a
footer phrase, menu words, a line of one field, a dateline, a link list. Everything else is
labelled by its quality class alone.
"""

from __future__ import annotations

import enum
import functools
import itertools
import operator
import re
from typing import NamedTuple

from bilingual_news.features import Features
from bilingual_news.model import Kind
from bilingual_news.split import Unit

__all__ = ["Guess", "Quality", "label", "size"]

GOOD_HAN_CHARS = 40
"""A Chinese unit this long with a sentence mark is prose: menus and titles are shorter."""
GOOD_LATIN_WORDS = 15
"""An English unit with this many words and a sentence mark is prose."""
NEAR_GOOD_HAN_CHARS = 10
"""A Chinese unit this long that ends like a sentence may be a short paragraph."""
NEAR_GOOD_LATIN_WORDS = 5
"""An English unit with this many words that ends like a sentence may be a short paragraph."""
LINK_LIST_ITEMS = 4
"""Items separated by ``|`` or ``/`` above which a short line is a link list."""
LINK_LIST_MAX_CHARS_PER_ITEM = 12
"""Average item length under which a multi-item line is a menu, not prose with slashes."""
TOKEN_LIST_MIN_TOKENS = 4
"""Blank-separated Chinese segments (Han on both sides of each blank) from which a line
without sentences may be a list of links or tags (``广州 深圳 珠海 汕头``); prose has no blanks
between Han characters, a blogger's spaced prose two or three."""
TOKEN_LIST_MAX_CHARS = 8
"""Mean Han characters per segment under which a Chinese multi-segment line is a list: link
and tag labels are short, the clauses of spaced prose are longer."""
LONG_TOKEN_LIST_MIN_TOKENS = 6
"""Segments from which a line of longer segments is still a list (site names in a footer's
link block)."""
LONG_TOKEN_LIST_MAX_CHARS = 14
"""Mean Han characters per segment up to which such a line is a list of names."""
TOKEN_LIST_TOKENS_PER_MARK = 6
"""Segments per sentence mark above which a long spaced line is still a list (a keyword dump
with the odd full stop in it)."""
CUE_MAX_CHARS = 60
"""Footer and caption cues decide only for units up to this long; a long unit that mentions
``分享`` or ``Photo`` is prose."""
CAPTION_MAX_CHARS = 200
"""Longest unit a caption cue can decide: captions are one or two sentences."""
CREDITED_CAPTION_MAX_CHARS = 600
"""Longest caption that ends with a photo credit (``(Xinhua/Zhou Min)``): agency captions
repeat a paragraph of background after the picture's own line."""
MARKUP_MIN_SHARE = 0.3
"""Share of a unit in HTML tags from which it is leaked page source, not text."""
TEASER_MAX_CHARS = 1000
"""Longest unit a summary label (``编者按：``) decides: an editor's note is one paragraph."""
DISCLAIMER_MAX_CHARS = 400
"""Longest unit a disclaimer phrase decides: a notice is a few sentences. A sentence of prose
needs two phrases (``…市场有风险…仅供参考``): one (``这些数据仅供参考``) is the text's own."""
METADATA_LINE_MAX_CHARS = 80
"""Longest line that holds metadata fields anywhere in it (``2024-05-13 作者：曹磊 来源：东方网``)."""
DATELINE_MAX_CHARS = 40
"""A short line that is mostly a date or time is a dateline (metadata)."""
DATELINE_MIN_SHARE = 0.5
"""Share of a line that dates and times must cover for it to be a dateline: a link title
with its date after it is mostly title."""


COUNTED_ITEM_MAX_CHARS = 40
"""Longest line read as a widget's item with its count (``Travel (12)``, ``2019年11月 (8)``)."""
STATS_LINE_MAX_CHARS = 80
"""The longest a post's dated line of counts may be (a date and a few counts, no text)."""
STATS_MIN_COUNTS = 2
"""Counts (:data:`_POST_COUNT`) a dated line needs to be a post's line of counts: one count
may be a link title's (``… 12 comments``), two with a date are a post's figures."""
_POST_COUNT = re.compile(
    r"\d[\d,.]*\s*[kKwW万千]?\s*(?:阅读|浏览|点赞|收藏|评论|喜欢|赞|(?i:views?|likes?|comments?|reads?)\b)"
    r"|(?:阅读|浏览|点赞|收藏|评论|喜欢|赞)\s*[:：(（]?\s*\d"
)
"""A count on a post's line of figures, its word after or before it (``1.6k 阅读``, ``12 点赞``,
``评论 3``, ``阅读(812)``, ``320 views``)."""
POSTER_HEADER_MIN_ITEMS = 3
"""Items (set apart by ``·``, ``•`` or ``|``) a dated line needs to be a poster's header."""
POSTER_HEADER_NAME_MAX_CHARS = 24
"""Longest item without a digit a poster's header may hold: the poster's name (a user name)."""
_HEADER_SEPARATOR = re.compile(r"\s+[·•|]\s+")
"""How a forum's header line sets its items apart (``chenmo · 3 hours ago · 1234 views``)."""
_SENT_FROM_PLACE = re.compile(r"发布于|發佈於|IP\s*属地|IP\s*屬地")
"""Where a post was sent from, as Chinese portals and platforms stamp it after its time (``<account>
<date> <time> 发布于北京 <account>官方账号``, ``IP 属地上海``): a dated line that says so is the
post's stamp, however much of it the account's name and its badge take."""
_COUNTED_ITEM = re.compile(r"^[^()（）\d][^()（）]{0,38}\s*[(（]\d{1,5}[)）]$")
"""A label and its count in brackets, the whole line: a blog's category or archive list item."""
_CLOSERS = frozenset(")）")
_ACTIVITY_STAMP = re.compile(
    r"[\w.-]{2,39} (?:opened this (?:issue|pull request)|commented|replied|answered|asked|posted|wrote)"
    r" on (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, (?:19|20)\d\d)?\b"
)
"""An entry's header in a code host's or a forum's thread: the user's handle, what they did and
the day (``lin-wei commented on Mar 3``, ``zhao opened this issue on Mar 3 · 5 comments``), as
GitHub, GitLab, Gitea and forum templates print it over each post. The day may come without its
year, so no date pattern reads it: the line is the entry's dateline, over the question's text or
over a reply."""
_COMMIT_STAMP = re.compile(r"(?=[0-9a-f]{0,39}[a-f])(?=[0-9a-f]{0,39}[0-9])[0-9a-f]{7,40}\s*[·•|]\s*\S")
"""A code host's file bar: the last commit's abbreviated hash, then its age or date (``3f2a9c1 ·
2 weeks ago``), as GitHub, GitLab and Gitea print it over a file. The date is the file's last
change, not the article's: the line is the bar's, nav."""

CONTINUES_MAX_CHARS = 60
"""Longest line read as a marker that the text goes on (:data:`_CONTINUES`): the markers are a
few words; a longer line that says so is a sentence of the text."""
_CONTINUES = re.compile(
    r"(?:(?:advertisement|advertising|ad|sponsored|广告)\s*[-–—:：|·]?\s*)?"
    r"(?:(?:the )?(?:story|article|text|content|post|report|review|feature) continues"
    r"(?: (?:below|after|under|underneath)(?: (?:the |this )?[a-z]+){0,2})?"
    r"|continue reading(?: below| (?:the )?(?:main )?(?:story|article)(?: below)?)"
    r"|scroll (?:down )?to continue(?: reading| with (?:the )?(?:content|article|story))?"
    r"|(?:点击|下滑|向下滑动)?继续阅读(?:下文|全文|正文)?|(?:下文|正文)继续)"
)
"""A marker inside an article that says its text goes on after it: the site puts it over an ad
slot, a gallery or a quote widget cut into the text (``Continue Reading Below``, ``Story
continues below advertisement``, ``Article continues after this video``, ``Advertisement -
scroll to continue``, ``Continue reading the main story``, ``继续阅读``, ``下文继续``, ``广告
继续阅读``), matched whole on the folded key, which holds ``contin`` or ``继续`` wherever it
matches (the cheap test in front of it, in :func:`_one`). News sites of many templates print one; the
marker is chrome, and :mod:`bilingual_news.revise` lets the article's region run across it
and the ad's lines around it (:data:`~bilingual_news.revise.CONTINUES_GAP_MAX`). A paywall's
``Subscribe to continue reading`` is no marker: the text stops there."""


class Quality(str, enum.Enum):
    """How much a unit looks like body text, before its neighbours are seen."""

    GOOD = "good"
    """Prose: long, with sentence punctuation."""
    NEAR_GOOD = "near_good"
    """A short sentence: body or chrome, the neighbours decide."""
    SHORT = "short"
    """Too short to tell: a title, a subheading, a menu item."""
    BAD = "bad"
    """Chrome by a cue."""


class Guess(NamedTuple):
    """The first-pass label of a unit (a named tuple: cheap to build, and the guesses a cue
    decides are shared constants below)."""

    quality: Quality
    """How body-like the unit is on its own."""
    kind: Kind | None = None
    """A kind a cue decided, or ``None`` when the context must decide."""
    reasons: tuple[str, ...] = ()
    """The rules that fired."""


def size(f: Features) -> float:
    """A unit's length in word-like units: Han characters count one, Latin words two
    (an English word carries about as much as two Chinese characters)."""
    return f.scripts.han + 2.0 * f.scripts.latin_words + 0.5 * f.scripts.digits


def label(units: tuple[Unit, ...], features: tuple[Features, ...]) -> tuple[Guess, ...]:
    """Guess each unit's quality, and its kind where a cue decides."""
    guesses = [_one(u, f) for u, f in zip(units, features, strict=True)]
    _counted_lists(units, features, guesses)
    return tuple(guesses)


# The guesses a cue decides: the same for every unit it decides, so built once.
_CHROME_TAIL = Guess(quality=Quality.BAD, kind=Kind.FOOTER, reasons=("chrome_tail",))
_URL_ONLY = Guess(quality=Quality.BAD, kind=Kind.SOURCE_URL, reasons=("url_only",))
_MARKUP = Guess(quality=Quality.BAD, reasons=("markup",))
_CHROME_CUE = Guess(quality=Quality.BAD, reasons=("chrome_cue",))
_CONTINUES_MARKER = Guess(quality=Quality.BAD, reasons=("chrome_cue", "continues_marker"))
_DISCLAIMER_CUE = Guess(quality=Quality.BAD, kind=Kind.DISCLAIMER, reasons=("disclaimer_cue",))
_SECTION_CUE = Guess(quality=Quality.BAD, kind=Kind.FOOTER, reasons=("section_cue",))
_COMMENTS_CUE = Guess(quality=Quality.BAD, kind=Kind.FOOTER, reasons=("section_cue", "comments_cue"))
_TEASER_CUE = Guess(quality=Quality.BAD, kind=Kind.TEASER, reasons=("teaser_cue",))
_CREDIT = Guess(quality=Quality.BAD, kind=Kind.METADATA, reasons=("credit",))
_COUNTER = Guess(quality=Quality.BAD, kind=Kind.METADATA, reasons=("counter",))
_CAPTION_CUE = Guess(quality=Quality.BAD, kind=Kind.CAPTION, reasons=("caption_cue",))
_METADATA_FIELDS = Guess(quality=Quality.BAD, kind=Kind.METADATA, reasons=("metadata_fields",))
_FOOTER_CUE = Guess(quality=Quality.BAD, kind=Kind.FOOTER, reasons=("footer_cue",))
_NAV_CUE = Guess(quality=Quality.BAD, kind=Kind.NAV, reasons=("nav_cue",))
_DATELINE = Guess(quality=Quality.BAD, kind=Kind.METADATA, reasons=("dateline",))
_ACTIVITY = Guess(quality=Quality.BAD, kind=Kind.METADATA, reasons=("dateline", "activity_stamp"))
_HEX_DIGITS = frozenset("0123456789abcdef")
"""The characters a commit's abbreviated hash (:data:`_COMMIT_STAMP`) opens with."""
_COMMIT = Guess(quality=Quality.BAD, kind=Kind.NAV, reasons=("commit_stamp",))
_LINK_LIST = Guess(quality=Quality.BAD, reasons=("link_list",))
_BY_QUALITY = {q: Guess(quality=q, reasons=(q.value,)) for q in Quality}
"""The guess of a unit no cue decides: its quality class alone."""


@functools.cache
def _metadata_cue(field: str) -> Guess:
    """The guess of a unit that opens with the cue of a metadata ``field``."""
    return Guess(quality=Quality.BAD, kind=Kind.METADATA, reasons=(f"metadata_cue:{field}",))


_CUES = slice(Features._fields.index("nav_cue"), Features._fields.index("caption_cue") + 1)
"""The features' cue fields, ``nav_cue`` to ``caption_cue``, which :func:`_one` reads in turn."""
_NO_CUES = tuple(None if name == "metadata_field" else False for name in Features._fields[_CUES])
"""Those fields on a unit with no cue (``metadata_field`` ``None``, the others false; a count of
0 equals ``False``), compared with a unit's at once: every rule of :func:`_one` that reads them
needs one of them set, so a unit equal to this skips them all."""


def _one(unit: Unit, f: Features) -> Guess:
    quality = _quality(f)
    if unit.fused == "chrome_tail":
        return _CHROME_TAIL
    if f.is_url:
        return _URL_ONLY
    if f.markup_share >= MARKUP_MIN_SHARE:
        return _MARKUP
    key = f.key
    if f.chars <= CONTINUES_MAX_CHARS and ("contin" in key or "继续" in key) and _CONTINUES.fullmatch(key):
        return _CONTINUES_MARKER
    if f[_CUES] != _NO_CUES:  # most units hold no cue: one comparison of the cue fields in C
        if f.chrome_cue and (quality is not Quality.GOOD or f.chars <= CAPTION_MAX_CHARS):
            return _CHROME_CUE
        if f.prompt_cue and quality is Quality.SHORT and f.metadata_field is None:
            # A prompt's phrase inside a field's value names the field's source, as a reprint
            # credit does (``本文来自微信公众号：<account>``): the field it opens wins.
            return _CHROME_CUE
        if (
            f.disclaimer_cue
            and f.chars <= DISCLAIMER_MAX_CHARS
            and (f.disclaimer_cue > 1 or quality is not Quality.GOOD)
            and not (f.disclaimer_cue == 1 and _link_list(f, quality))
        ):
            # One phrase among a row of buttons (``赞同 分享 收藏 申请转载``) is the bar's button,
            # not a notice.
            return _DISCLAIMER_CUE
        if f.section_cue:
            return _COMMENTS_CUE if f.comments_cue else _SECTION_CUE
        if f.teaser_cue and f.chars <= TEASER_MAX_CHARS:
            return _TEASER_CUE
        if f.metadata_field is not None:
            return _metadata_cue(f.metadata_field)
        if f.credit:
            return _CREDIT
        if f.counter:
            return _COUNTER
        if f.caption_cue and (
            f.chars <= CAPTION_MAX_CHARS or (f.chars <= CREDITED_CAPTION_MAX_CHARS and not f.ends_sentence)
        ):
            return _CAPTION_CUE
        if f.metadata_fields >= 2 and f.chars <= METADATA_LINE_MAX_CHARS:
            return _METADATA_FIELDS
        if f.footer_cue and f.chars <= CUE_MAX_CHARS:
            return _FOOTER_CUE
        if f.nav_cue:
            return _NAV_CUE
        if f.metadata_fields and f.chars <= METADATA_LINE_MAX_CHARS and quality is not Quality.GOOD:
            return _METADATA_FIELDS
    if f.chars <= METADATA_LINE_MAX_CHARS:
        # Each pattern only where it can match: a hash opens the commit bar, `` on <day>`` follows
        # the entry's action.
        if unit.text[:1] in _HEX_DIGITS and _COMMIT_STAMP.match(unit.text):
            return _COMMIT
        if " on " in unit.text and _ACTIVITY_STAMP.match(unit.text):
            return _ACTIVITY
    if f.has_date and f.chars <= DATELINE_MAX_CHARS and f.date_share >= DATELINE_MIN_SHARE and not f.ends_sentence:
        return _DATELINE
    if (
        f.has_date
        and f.chars <= STATS_LINE_MAX_CHARS
        and not f.ends_sentence
        and len(_POST_COUNT.findall(unit.text)) >= STATS_MIN_COUNTS
    ):
        # A blog platform's line under a post's title: its date and its counts (``原创 于 <date>
        # 发布 · 1.6k 阅读 · 12 点赞``), mostly counts, so no dateline by its date's share.
        return _DATELINE
    if (
        f.has_date
        and f.chars <= STATS_LINE_MAX_CHARS
        and not f.ends_sentence
        and (_poster_header(unit.text) or _SENT_FROM_PLACE.search(unit.text) is not None)
    ):
        return _DATELINE
    if _link_list(f, quality):
        return _LINK_LIST
    return _BY_QUALITY[quality]


def _poster_header(text: str) -> bool:
    """Whether a dated line is a forum topic's header: the poster's name, the post's age or date
    and a count (``chenmo · 3 hours ago · 1234 views``, ``alice | 2024-03-01 | 88 views``), set
    apart by separators. Every item holds a digit but the name, one token; one item at least is a
    count (:data:`_POST_COUNT`): the date covers too little of the line to make it a dateline,
    and the count alone too little to make it a line of a post's figures."""
    items = _HEADER_SEPARATOR.split(text.strip())
    if len(items) < POSTER_HEADER_MIN_ITEMS or not any(_POST_COUNT.fullmatch(item) for item in items):
        return False
    names = [item for item in items if not any(c.isdigit() for c in item)]
    return len(names) <= 1 and all(len(n) <= POSTER_HEADER_NAME_MAX_CHARS and " " not in n for n in names)


def _counted_item(unit: Unit, f: Features) -> bool:
    """Whether a short line is a label and its count in brackets (``Travel (12)``)."""
    return unit.text[-1:] in _CLOSERS and f.chars <= COUNTED_ITEM_MAX_CHARS and bool(_COUNTED_ITEM.match(unit.text))


def _counted_lists(units: tuple[Unit, ...], features: tuple[Features, ...], guesses: list[Guess]) -> None:
    """Label the items of a widget's list of categories or archives with their counts
    (``Travel (12)`` over ``Food (7)``) a link list: two such lines in a row or more. One alone
    is as likely a title's part number (``…赏枫 (2)``)."""
    short = _BY_QUALITY[Quality.SHORT]
    # The plain short units found in C; ``_counted_item`` tests the closing bracket first: tested
    # here, most of them need no call.
    hits = {
        i
        for i in itertools.compress(range(len(guesses)), map(operator.is_, guesses, itertools.repeat(short)))
        if units[i].text[-1:] in _CLOSERS and _counted_item(units[i], features[i])
    }
    for i in hits:  # each hit by the one next to it (the guesses set here are not read)
        if i - 1 in hits or i + 1 in hits:
            guesses[i] = _LINK_LIST


def _link_list(f: Features, quality: Quality) -> bool:
    if f.items >= LINK_LIST_ITEMS and f.item_chars <= LINK_LIST_MAX_CHARS_PER_ITEM and quality is not Quality.GOOD:
        return True
    s = f.scripts
    segments = f.han_gaps + 1
    if s.han <= s.latin_words or f.sentence_marks * TOKEN_LIST_TOKENS_PER_MARK >= segments:
        return False
    per_segment = s.han / segments
    if segments >= TOKEN_LIST_MIN_TOKENS and per_segment <= TOKEN_LIST_MAX_CHARS:
        return True
    return segments >= LONG_TOKEN_LIST_MIN_TOKENS and per_segment <= LONG_TOKEN_LIST_MAX_CHARS


def _quality(f: Features) -> Quality:
    if f.truncated:
        # An excerpt cut off mid-sentence is a link's preview, not the article's text.
        return Quality.SHORT
    han_text = f.scripts.han >= f.scripts.latin_words * 2
    if han_text:
        if f.scripts.han >= GOOD_HAN_CHARS and f.sentence_marks >= 1:
            return Quality.GOOD
        if f.scripts.han >= NEAR_GOOD_HAN_CHARS and f.ends_sentence:
            return Quality.NEAR_GOOD
        if f.scripts.han >= 2 * GOOD_HAN_CHARS:
            return Quality.NEAR_GOOD
        return Quality.SHORT
    words = f.scripts.latin_words
    if words >= GOOD_LATIN_WORDS and f.sentence_marks >= 1:
        return Quality.GOOD
    if words >= NEAR_GOOD_LATIN_WORDS and f.ends_sentence:
        return Quality.NEAR_GOOD
    if words >= 2 * GOOD_LATIN_WORDS:
        return Quality.NEAR_GOOD
    return Quality.SHORT
