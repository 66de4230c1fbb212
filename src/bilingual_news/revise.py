"""Stage 5, revise: final kinds from context — the article region and its neighbours.

In: units, features and first-pass guesses. Out: :class:`Revision`, the final kind and reasons
of every unit, the article region, and the headline.

1. **Scores.** Every unit gets a body score from its guess: prose scores by its size (capped),
   a short sentence a little less, a short unit and chrome cost a little or a lot. A short unit
   between two body-like units costs little (jusText's context rule: a subheading or a list
   item between paragraphs is body; a run of menu items between nothing is not). A long run of
   short lines that read as running text (a poem, lyrics, a photo blog) scores as body. A
   heading that opens a chrome section (``相关阅读``) and a metadata line that heads or closes
   an article (a dateline, a byline, an editor's line) are walls.
2. **The article.** The walls cut the page into stretches; the best-scoring run of each
   (a maximum-sum subarray, linear) is a candidate. The article is the best candidate, unless a
   smaller one sits under a much stronger article header: a cookie banner or a recommended
   story can outweigh a short forum post, but does not come with its title and metadata.
3. **The headline** is the best title-like unit above the article (a title broken over lines
   is joined), scored on its distance to the body, its repeats on the page (page title,
   breadcrumb, share line; a widget's label repeated all over the page does not count), the
   metadata beside it and its length. Every repeat of it is a headline too. Below
   :data:`HEADLINE_MIN_SCORE` the page shows no title.
4. **Labels.** Before the article: teasers, metadata and captions by their cues, a standfirst
   after the headline, the rest is nav. Inside: paragraphs, subheadings (short, title-like,
   numbered, a label and its colon), captions and in-body chrome (footer). After: the
   article's tail (credits, notices, the source URL) up to where the footer's own content
   begins, then footer.

Every threshold is a named constant below, with the reason for its value; every label carries
the names of the rules that gave it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from bilingual_news._lazy import LazyPattern
from bilingual_news.features import CUE_SCAN_CHARS, Features
from bilingual_news.label import Guess, Quality, size
from bilingual_news.lexicon import fold
from bilingual_news.model import Kind
from bilingual_news.split import Unit

__all__ = ["HEADLINE_MIN_CHARS", "SITE_SUFFIX", "Revision", "revise"]

# --------------------------------------------------------------------------- body scores
SHORT_COST = 6.0
"""What a short unit costs the body score: a few subheadings between paragraphs keep the
region whole, a run of menu items breaks it."""
BRIDGE_COST = 1.0
"""What a short unit costs when the nearest scored units on both sides are body-like: a
subheading, a list item or a line of a poem between paragraphs."""
BAD_COST = 25.0
"""What a unit with a chrome cue costs: one share bar or metadata line between two long
paragraphs still bridges, a block of them does not."""
WALL_COST = 10_000.0
"""What a wall costs: the region never runs across ``相关阅读`` or ``You may also like`` into
the link titles and excerpts below it, nor across a dateline or an editor's line, which close
one article (a news story, a forum's first post) and open the next."""
WALL_FIELDS = frozenset({"source", "author", "editor", "original_title"})
"""Metadata fields whose line is a wall: they head or close an article. A lone ``时间：`` or
``阅读 539`` can be a line of an event listing or a counter inside one."""
NEAR_GOOD_WEIGHT = 0.6
"""A short sentence counts a little less than its size: it may be a caption or a comment."""
UNIT_SCORE_CAP = 800.0
"""Most one unit can add to the body score. News paragraphs are a few hundred characters; a
single line of thousands is a flattened block (a feed card, a pasted story, a keyword dump)
and must not outweigh an article of ordinary paragraphs."""

# ------------------------------------------------------------------------- running text
TEXT_LINE_MIN_HAN = 8
"""Han characters from which a short line without a full stop can be running text."""
TEXT_LINE_MIN_WORDS = 4
"""English words from which a short line without a full stop can be running text."""
TEXT_LINE_MAX_CAPITALS = 0.5
"""Share of capitalised words above which an English line is a title or a menu, not text."""
MIN_TEXT_RUN = 8
"""Text lines that make a run of running text: a list of a few link titles is shorter, a poem
or a photo blog's text longer."""
MAX_TEXT_RUN_GAP = 3
"""Short lines in a row that are not text (``[Chorus]``, ``*``, a two-word refrain) that a run
of text lines goes on across."""
TEXT_LINE_WEIGHT = 0.3
"""What a text line in a run adds per unit of size: less than a sentence, since link titles
can run as long."""

# ------------------------------------------------------------------------------ article
MAX_CANDIDATES = 6
"""Stretches between walls (the best-scoring first) weighed as the article."""
MIN_ARTICLE_SCORE = 40.0
"""Least body score a stretch needs to be weighed against the best one: a post of two
sentences."""
HEADER_MARGIN = 3.0
"""How much stronger a smaller stretch's header must be than the best stretch's to take the
article from it: one strong headline cue (metadata after the title, the title repeated)."""
HEADER_LOOKBACK = 12
"""Units above a stretch searched for its header."""
QUOTED_TITLE_BONUS = 2.0
"""What a header gains when the text's first unit repeats its title (a forum post, a social
post that opens with its own title)."""
QUOTED_TITLE_SCAN = 400
"""Characters of the text's first unit searched for the title."""

# ----------------------------------------------------------------------------- headline
HEADLINE_MIN_CHARS = 5
"""Shortest headline: fewer characters is a menu item."""
HEADLINE_MAX_CHARS = 160
"""Longest headline: more is prose."""
HEADLINE_MIN_HAN = 5
"""Han characters a Chinese headline has at least: shorter is a menu or section label."""
HEADLINE_MIN_WORDS = 3
"""Words an English headline has at least: ``Weather`` and ``Top Stories`` are menus."""
HEADLINE_LOOKBACK = 60
"""Units above the body searched for the headline: titles sit above the body, past the share
bars, datelines and captions that a scrape puts between them."""
HEADLINE_MIN_SCORE = 3.0
"""A candidate must score this much to be called the headline; below it the page shows none."""
METADATA_NEAR = 3
"""Units after a title within which a metadata line marks it as the article's title (twice as
far still counts, for less: a share bar or a teaser may stand between)."""
MAX_TITLE_COPIES = 3
"""Most times a title shows on its page (heading, page title, breadcrumb, share line): a line
repeated more often is a widget's label."""
MAX_TITLE_LINES = 4
"""Most lines a title broken by the scrape is joined from."""
SITE_SUFFIX = regex.compile(r"(?:\s+[–—-]\s+|\s*[|｜_]\s*)[^|｜_–—]{1,30}$")
"""A site name after a title (``标题_新浪网``, ``Title - BBC News``, ``Title | CGTN``)."""

# ------------------------------------------------------------------ labels by zone
SUBHEADING_MAX_SIZE = 40.0
"""Largest :func:`~bilingual_news.label.size` of a subheading: headings inside a body are a
short line (40 Han characters, 20 English words)."""
LABEL_HEADING_MAX_SIZE = 20.0
"""Largest size of a label that heads the lines after it (``点评：``, ``英国《泰晤士报》：``)."""
STANDFIRST_MIN_WORDS = 12
"""English words from which a line between the headline and the body is a standfirst (a
teaser) even without its full stop: menu items and bylines are shorter."""
STANDFIRST_MIN_HAN = 24
"""Han characters from which such a line is a standfirst."""
HEAD_WINDOW = 12
"""Units above the body within which a bare dateline is the article's (unless it stands by the
headline): further up, dates belong to the nav's link lists."""
TAIL_WINDOW = 8
"""Units after the body searched for the article's tail (its credits, notices and source):
further down, datelines and notices belong to the footer's link lists and site copyright."""
TAIL_CHROME_MAX_CHARS = 8
"""Longest short unit a tail runs across (``分享``, ``326``, ``Share``): a longer one is a link
title, and the footer has begun."""

_TITLE_END = regex.compile(r"[。.;；:：,，、]$")
_TITLE_END_CHARS = frozenset("。.;；:：,，、")
"""The characters :data:`_TITLE_END` finds at a text's end."""
_NUMBERED = LazyPattern(
    r"^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十百\d]+[章节部分篇]|\d{1,2}[、.．]\s*\D)"
)
_FIELD_VALUE = LazyPattern(r"\S[:：]\s*\S")
_LABEL_HEADING = LazyPattern(r"[^，,；;。.!！?？:：]+[:：]")
_DATE_END = LazyPattern(
    r"(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d年\d{1,2}月\d{1,2}日)[.。]$"
)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_CURLY = re.compile("[’‘“”]")
_SITE_SEPARATOR = re.compile(r"[–—\-|｜_]")
"""A character one of which a text :data:`SITE_SUFFIX` finds holds."""
_TAG_OPENERS = frozenset("[【")
"""The characters a text :data:`_LEADING_TAG` matches starts with."""
_LEADING_TAG = LazyPattern(r"^(?:\[[^\[\]]{1,12}\]|【[^【】]{1,12}】)\s*")
_BODY_LIKE = (Quality.GOOD, Quality.NEAR_GOOD)
_TAIL_KINDS = (Kind.METADATA, Kind.DISCLAIMER, Kind.SOURCE_URL, Kind.CAPTION)


@dataclass(frozen=True, slots=True, kw_only=True)
class Revision:
    """The final labels of a page's units."""

    kinds: tuple[Kind, ...]
    """The final kind of each unit."""
    reasons: tuple[tuple[str, ...], ...]
    """Why each unit got its kind, first rule to last."""
    headline: int | None
    """Index of the (first) unit the headline is read from, or ``None``."""
    headline_text: str | None = None
    """The headline as the page shows it: the unit's text, or the lines of a title the scrape
    broke, joined; ``None`` when the page shows no title."""
    region: tuple[int, int] | None
    """The article region: first and last unit index, inclusive."""


@dataclass(frozen=True, slots=True)
class _Page:
    """What the context rules read about a page, computed once."""

    units: tuple[Unit, ...]
    features: tuple[Features, ...]
    guesses: tuple[Guess, ...]
    keys: list[str]
    """Each unit's text in the form titles are compared in (empty for units too long to be
    one)."""
    likes: list[bool]
    """Whether each unit has a title's shape (:func:`_title_like`)."""
    titles: dict[str, list[tuple[int, int]]]
    """Where each title-like text stands (see :func:`_title_index`)."""
    text_lines: frozenset[int]
    """The units scored as lines of running text."""


def revise(units: tuple[Unit, ...], features: tuple[Features, ...], guesses: tuple[Guess, ...]) -> Revision:
    """Decide every unit's kind from its guess and its place around the article."""
    n = len(units)
    if n == 0:
        return Revision(kinds=(), reasons=(), headline=None, region=None)
    scores, text_lines, runs = _scores(features, guesses)
    keys = [
        _unit_title_key(u.text, f) if f.chars <= HEADLINE_MAX_CHARS else ""
        for u, f in zip(units, features, strict=True)
    ]
    likes = [_title_like_in(key, f, g) for key, f, g in zip(keys, features, guesses, strict=True)]
    candidates = _candidates(scores)
    page = _Page(
        units=units,
        features=features,
        guesses=guesses,
        keys=keys,
        likes=likes,
        titles=_title_index(keys, likes, _asked(keys, likes, [a for _, a, _ in candidates])),
        text_lines=text_lines,
    )
    region = _article(page, candidates)
    start, end = region if region else (n, n - 1)
    found = _headline(page, start)
    headline = found[0] if found else None
    title_lines = range(found[0], found[1] + 1) if found else range(0)
    repeats = _repeats(page, found[2]) if found else set()

    tail_end = _tail_end(page, end)
    kinds: list[Kind] = [Kind.NAV] * n
    reasons: list[tuple[str, ...]] = [()] * n
    source_url_seen = False
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    for i in range(n):
        g, f = guesses[i], features[i]
        if i in title_lines:
            kind, why = Kind.HEADLINE, "headline" if i == headline else "headline_line"
        elif i in repeats:
            kind, why = Kind.HEADLINE, "headline_repeat"
        elif i < start:
            kind, why = _before(g, f, i, headline, start)
        elif i <= end:
            kind, why = _inside(g, f, units[i].text, i in runs)
        else:
            kind, why = _after(g, f, i <= tail_end, source_url_seen)
            source_url_seen = source_url_seen or kind is Kind.SOURCE_URL
        kinds[i] = kind
        why_all = (*g.reasons, why)
        reasons[i] = shared.setdefault(why_all, why_all)  # one tuple for each list of reasons
    for i in range(start, min(end + 1, n - 1)):
        if (
            kinds[i] is Kind.PARAGRAPH
            and kinds[i + 1] is Kind.CAPTION
            and units[i].text[-1:] in ".。"
            and _DATE_END.search(units[i].text)
        ):
            # An agency's picture line (``… in Hong Kong, Jan. 15, 2023.``) above its credited caption.
            kinds[i] = Kind.CAPTION
            reasons[i] = (*reasons[i], "dated_caption")
        elif (
            i > start
            and kinds[i] is Kind.METADATA
            and "dateline" in reasons[i]
            and kinds[i - 1] is kinds[i + 1] is Kind.PARAGRAPH
        ):
            # A date heading an entry of a timeline or a diary, between its paragraphs.
            kinds[i] = Kind.SUBHEADING
            reasons[i] = (*reasons[i], "date_heading")
    return Revision(
        kinds=tuple(kinds),
        reasons=tuple(reasons),
        headline=headline,
        headline_text=_join_lines([units[k].text for k in title_lines]) if found else None,
        region=region,
    )


# ----------------------------------------------------------------------------- the scores
def _scores(
    features: tuple[Features, ...], guesses: tuple[Guess, ...]
) -> tuple[list[float], frozenset[int], frozenset[int]]:
    """Every unit's body score, the units scored as lines of running text, and the short units
    of their runs (linear passes)."""
    scores = [_base_score(f, g) for f, g in zip(features, guesses, strict=True)]
    n = len(scores)
    for i in range(1, n - 1):
        # A date alone on its line between two paragraphs heads an entry of a timeline or a
        # diary; it is not the dateline of a new article.
        if (
            "dateline" in guesses[i].reasons
            and guesses[i - 1].quality is Quality.GOOD
            and guesses[i + 1].quality in _BODY_LIKE
        ):
            scores[i] = -SHORT_COST
    text_lines, runs = _score_text_runs(features, guesses, scores)
    # jusText's context rule, in two passes: a short unit whose nearest scored neighbours on
    # both sides are body-like costs little.
    # A picture's caption between paragraphs is bridged the same way: pictures sit inside the
    # text, so a one-sentence lead above one is the body's first paragraph, not a standfirst.
    body_before = [False] * n
    seen = False
    for i, g in enumerate(guesses):
        body_before[i] = seen
        if g.quality is not Quality.SHORT and g.kind is not Kind.CAPTION:
            seen = g.quality in _BODY_LIKE
    seen = False
    for i in range(n - 1, -1, -1):
        g = guesses[i]
        if (g.quality is Quality.SHORT or g.kind is Kind.CAPTION) and seen and body_before[i]:
            scores[i] = -BRIDGE_COST
        if g.quality is not Quality.SHORT and g.kind is not Kind.CAPTION:
            seen = g.quality in _BODY_LIKE
    return scores, text_lines, runs


def _base_score(f: Features, g: Guess) -> float:
    if g.quality is Quality.GOOD:
        return min(size(f), UNIT_SCORE_CAP)
    if g.quality is Quality.NEAR_GOOD:
        return NEAR_GOOD_WEIGHT * min(size(f), UNIT_SCORE_CAP)
    if g.quality is Quality.SHORT:
        return -SHORT_COST
    if "section_cue" in g.reasons or (g.kind is Kind.METADATA and _closes_article(f, g)):
        return -WALL_COST
    return -BAD_COST


def _closes_article(f: Features, g: Guess) -> bool:
    """Whether a metadata line stands at an article's edge, never inside its text: a dateline,
    a byline or credit, a source, author or editor field, a line of several fields."""
    for reason in g.reasons:
        if reason in ("dateline", "credit", "metadata_fields"):
            return True
        if reason.startswith("metadata_cue:"):
            field = reason.partition(":")[2]
            return field in WALL_FIELDS or (field == "published" and f.has_date)
    return False


def _text_line(f: Features, g: Guess) -> bool:
    """A short unit that reads as a line of running text: a verse of a poem or a song, a
    blogger's one-line paragraph. Chinese: :data:`TEXT_LINE_MIN_HAN` characters or more;
    English: :data:`TEXT_LINE_MIN_WORDS` words or more in sentence case (menus and titles
    capitalise most words). Not a truncated, dated or ranked line: those are link lists."""
    if g.quality is not Quality.SHORT or g.kind is not None or g.reasons != ("short",):
        return False
    if f.truncated or f.has_date or f.ranked:
        return False  # a link's cut preview, a title with its date, an item of a ranking
    s = f.scripts
    if s.han >= s.latin_words:
        return s.han >= TEXT_LINE_MIN_HAN
    return s.latin_words >= TEXT_LINE_MIN_WORDS and f.capital_share <= TEXT_LINE_MAX_CAPITALS


def _score_text_runs(
    features: tuple[Features, ...], guesses: tuple[Guess, ...], scores: list[float]
) -> tuple[frozenset[int], frozenset[int]]:
    """Score the text lines of long runs of them as body: :data:`MIN_TEXT_RUN` text lines or
    more, with prose between them and a few odd short lines (``[Chorus]``) allowed, are a poem,
    lyrics or a photo blog's text; the odd lines cost as bridged ones. Returns the text lines,
    and all the short units of the runs (text lines and odd lines)."""
    n = len(scores)
    out: set[int] = set()
    members: set[int] = set()
    is_line = [_text_line(f, g) for f, g in zip(features, guesses, strict=True)]
    i = 0
    while i < n:
        if not is_line[i]:
            i += 1
            continue
        if i > 0 and guesses[i - 1].kind is Kind.METADATA and i + 1 < n and is_line[i + 1]:
            i += 1  # the line after a dateline that opens a run is the post's title, not its text
        last, lines, gap = i, 0, 0
        for k in range(i, n):
            g = guesses[k]
            if is_line[k]:
                lines += 1
                last, gap = k, 0
            elif g.quality in _BODY_LIKE:
                last, gap = k, 0
            elif g.quality is Quality.SHORT and g.kind is None and gap < MAX_TEXT_RUN_GAP:
                gap += 1
            else:
                break
        if lines >= MIN_TEXT_RUN:
            for m in range(i, last + 1):
                if is_line[m]:
                    scores[m] = TEXT_LINE_WEIGHT * min(size(features[m]), UNIT_SCORE_CAP)
                    out.add(m)
                    members.add(m)
                elif guesses[m].quality is Quality.SHORT:
                    scores[m] = -BRIDGE_COST  # an odd line of the run: a refrain, a marker
                    members.add(m)
        i = last + 1
    return frozenset(out), frozenset(members)


# ---------------------------------------------------------------------------- the article
def _region(scores: list[float]) -> tuple[int, int] | None:
    """The run of units with the largest total score (Kadane's maximum-sum subarray)."""
    best = 0.0
    best_span: tuple[int, int] | None = None
    run = 0.0
    run_start = 0
    for i, s in enumerate(scores):
        if run <= 0:
            run, run_start = s, i
        else:
            run += s
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span


def _candidates(scores: list[float]) -> list[tuple[float, int, int]]:
    """The best region of each stretch between walls, as ``(score, first, last)``, best first."""
    out: list[tuple[float, int, int]] = []
    begin = 0
    for i in range(len(scores) + 1):
        if i == len(scores) or scores[i] <= -WALL_COST:
            if i > begin:
                found = _region(scores[begin:i])
                if found:
                    a, b = found[0] + begin, found[1] + begin
                    out.append((sum(scores[a : b + 1]), a, b))
            begin = i + 1
    out.sort(key=lambda c: -c[0])
    return out[:MAX_CANDIDATES]


def _article(page: _Page, candidates: list[tuple[float, int, int]]) -> tuple[int, int] | None:
    """The article region: the best-scoring stretch of text (``candidates``, from
    :func:`_candidates`), unless a smaller one sits under a much stronger article header (a
    title with its metadata, repeated on the page, quoted by the text's first line). A banner, a
    cookie notice or a recommended story can outweigh a short forum post or a one-paragraph
    brief, but it does not come with their header."""
    if not candidates:
        return None
    _, first, last = candidates[0]
    best, best_header = (first, last), _header(page, first)
    need = best_header + HEADER_MARGIN
    for mass, a, b in candidates[1:]:
        if mass < MIN_ARTICLE_SCORE:
            continue
        header = _header(page, a)
        if header >= need and header > best_header:
            best, best_header = (a, b), header
    return best


def _header(page: _Page, start: int) -> float:
    """How strongly the units just above ``start`` read as an article's header: the best
    headline score there, plus :data:`QUOTED_TITLE_BONUS` when the text's first unit repeats
    that title."""
    best, best_i = float("-inf"), -1
    for i in range(max(0, start - HEADER_LOOKBACK), start):
        if i in page.text_lines or not page.likes[i]:
            continue
        score = _headline_score(page, i, i, _copies(page, page.keys[i], i, i), start)
        if score > best:
            best, best_i = score, i
    if best_i >= 0 and page.keys[best_i] in _title_key(page.units[start].text[:QUOTED_TITLE_SCAN]):
        best += QUOTED_TITLE_BONUS
    return best


# --------------------------------------------------------------------------- the headline
def _title_key(text: str) -> str:
    """The form titles are compared in: folded, curly quotes made straight (a page title and
    its heading often differ only there)."""
    return _straight(fold(text))


def _unit_title_key(text: str, f: Features) -> str:
    """:func:`_title_key` of a unit's text: its features hold the text folded already, unless
    it is longer than they fold."""
    return _straight(f.key if len(text) <= CUE_SCAN_CHARS else fold(text))


def _straight(key: str) -> str:
    """``key`` with curly quotes made straight."""
    return key.translate(_QUOTES) if _CURLY.search(key) else key


def _title_like_in(key: str, f: Features, g: Guess) -> bool:
    """Whether a unit with title key ``key`` has a title's shape: no cue, a title's length, at
    most two sentence marks (``…推门票半价！5·19…``), no trailing comma or colon."""
    if not key or g.kind is not None or f.teaser_of >= 0 or "link_list" in g.reasons or "chrome_cue" in g.reasons:
        return False
    if f.field_label:
        return False  # ``部落格全站分類：休閒旅遊``: a field and its value
    if not HEADLINE_MIN_CHARS <= f.chars <= HEADLINE_MAX_CHARS or f.sentence_marks > 2:
        return False
    if f.scripts.han < HEADLINE_MIN_HAN and f.scripts.latin_words < HEADLINE_MIN_WORDS:
        return False
    return key[-1:] not in _TITLE_END_CHARS


def _forms(key: str) -> list[str]:
    """A unit's key and the title it may show: without a site suffix (``Title | Site``), without
    a leading tag (``[Tag]Title``), undoubled (a title the scrape joined to itself). A form may
    come twice."""
    forms = [key]
    m = SITE_SUFFIX.search(key) if _SITE_SEPARATOR.search(key) else None
    if m and m.start() > 0:
        forms.append(key[: m.start()])
    n = len(key)
    if n >= 8 and n % 2 == 0 and key[: n // 2] == key[n // 2 :]:
        forms.append(key[: n // 2])
    tag = _LEADING_TAG.match(key) if key[:1] in _TAG_OPENERS else None
    if tag:
        forms.append(key[tag.end() :])
    return forms


def _join(a: str, b: str) -> str:
    """Two lines of one title joined as a reader reads them: a blank between two Latin words,
    nothing between Han characters."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def _join_lines(lines: list[str]) -> str:
    out = ""
    for line in lines:
        out = _join(out, line) if out else line
    return out


def _asked(keys: list[str], likes: list[bool], starts: list[int]) -> frozenset[str]:
    """Every title text the headline rules can look up in the index of :func:`_title_index`:
    the keys of the title-like units in the windows above each candidate region's start (and
    above the page's end, where the headline is sought when no region is found), and their
    runs of up to :data:`MAX_TITLE_LINES` lines. The index holds these alone: a page's other
    lines are never looked up, and indexing them all took a sixth of a large page's memory."""
    n = len(keys)
    lookback = max(HEADER_LOOKBACK, HEADLINE_LOOKBACK)
    window: set[int] = set()
    for start in (*starts, n):
        window.update(range(max(0, start - lookback), min(n, start + 2)))
    asked: set[str] = set()
    for i in window:
        if not likes[i]:
            continue
        joined = keys[i]
        asked.add(joined)
        for j in range(i + 1, min(n, i + MAX_TITLE_LINES)):
            if not likes[j]:
                break
            joined = _join(joined, keys[j])
            asked.add(joined)
    return frozenset(asked)


def _title_index(keys: list[str], likes: list[bool], asked: frozenset[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each title-like text of ``asked`` (:func:`_asked`) stands, as ``(first, last)``
    units: each unit under its :func:`_forms`, and each run of up to :data:`MAX_TITLE_LINES`
    title-like lines under their joined key (a title broken over lines, perhaps broken
    differently elsewhere). Linear: a few set lookups per unit."""
    index: dict[str, list[tuple[int, int]]] = {}

    def add(form: str, place: tuple[int, int]) -> None:
        if form not in asked:
            return
        places = index.get(form)
        if places is None:
            index[form] = [place]
        elif places[-1] != place:  # a form twice in one place counts once
            places.append(place)

    for i, key in enumerate(keys):
        if not key:
            continue
        for form in _forms(key):
            add(form, (i, i))
        if likes[i]:
            joined = key
            for j in range(i + 1, min(len(keys), i + MAX_TITLE_LINES)):
                if not likes[j] or len(joined) > HEADLINE_MAX_CHARS:
                    break
                joined = _join(joined, keys[j])
                add(joined, (i, j))
    return index


def _copies(page: _Page, key: str, first: int, last: int) -> int:
    """How many times a title shows: this place, and the places outside ``first..last``."""
    return 1 + sum(1 for i, _ in page.titles.get(key, ()) if not first <= i <= last)


def _headline(page: _Page, start: int) -> tuple[int, int, str] | None:
    """The headline as ``(first unit, last unit, key)``: one unit, or a title broken over up to
    :data:`MAX_TITLE_LINES` lines whose joined text the page shows again."""
    n = len(page.keys)
    best: tuple[int, int, str] | None = None
    best_score = HEADLINE_MIN_SCORE
    best_copies = 0
    for i in range(max(0, start - HEADLINE_LOOKBACK), min(n, start + 2)):
        if i in page.text_lines or not page.likes[i]:
            continue
        if i >= start and (page.guesses[i].quality is not Quality.SHORT or _NUMBERED.match(page.units[i].text)):
            continue  # inside the body, only a short line can be the title, and not a numbered heading
        last, key, copies = i, page.keys[i], _copies(page, page.keys[i], i, i)
        joined = key
        # A title broken over lines starts with a line that is not a title on its own: one
        # that shows elsewhere is a menu item of a block the page repeats.
        for j in range(i + 1, min(n, i + MAX_TITLE_LINES) if copies == 1 else i + 1):
            if not page.likes[j]:
                break
            joined = _join(joined, page.keys[j])
            joined_copies = _copies(page, joined, i, j)
            if 1 < joined_copies <= MAX_TITLE_COPIES:
                last, key, copies = j, joined, joined_copies
        score = _headline_score(page, i, last, copies, start)
        if score > best_score or (score == best_score and best is not None and copies > best_copies):
            best, best_score, best_copies = (i, last, key), score, copies
    return best


def _headline_score(page: _Page, i: int, last: int, copies: int, start: int) -> float:
    """How much units ``i..last`` look like the article's title: repeated on the page a few
    times, just above the body, with metadata after it, long enough to be a title, not a
    list of items."""
    guesses = page.guesses
    score = 0.0
    if 1 < copies <= MAX_TITLE_COPIES:
        score += 3.0
        if i == 0:
            score += 2.0  # the page's first line, shown again below: the title bar
    elif copies > MAX_TITLE_COPIES:
        score -= 2.0  # a widget's label repeated all over the page
    distance = max(0, start - last - 1)
    score += 3.0 if distance <= 2 else 2.0 if distance <= 8 else 1.0 if distance <= 20 else 0.0
    meta = []
    for j in range(last + 1, min(len(guesses), last + 1 + 2 * METADATA_NEAR)):
        if guesses[j].kind is Kind.METADATA:
            meta.append(j)
        elif j >= start and guesses[j].quality is Quality.GOOD:
            break  # metadata after the body's paragraphs (an editor's line) closes the article
    if meta and meta[0] - last <= METADATA_NEAR:
        score += 3.0
    elif meta:
        score += 2.0
    elif i > 0 and guesses[i - 1].kind is Kind.METADATA:
        score += 1.0
    han = sum(page.features[k].scripts.han for k in range(i, last + 1))
    words = sum(page.features[k].scripts.latin_words for k in range(i, last + 1))
    score += 2.0 if han >= 10 or words >= 5 else 1.0 if han >= 8 or words >= 4 else 0.0
    if page.features[i].items > 2:
        score -= 2.0
    return score


def _repeats(page: _Page, key: str) -> set[int]:
    """The units that repeat the headline: every place its key (or a unit's site-suffixed,
    tagged or doubled form of it) stands, whole or broken over lines."""
    out: set[int] = set()
    for i, j in page.titles.get(key, ()):
        if all(page.guesses[k].quality is not Quality.GOOD for k in range(i, j + 1)):
            out.update(range(i, j + 1))
    return out


# ------------------------------------------------------------------------- labels by zone
def _before(g: Guess, f: Features, i: int, headline: int | None, start: int) -> tuple[Kind, str]:
    if f.teaser_of >= 0:
        return Kind.TEASER, "teaser_prefix"
    if "dateline" in g.reasons and start - i > HEAD_WINDOW and (headline is None or i < headline - 1):
        return Kind.NAV, "far_dateline"  # the date of a link in a menu or a "latest" list
    if g.kind in (Kind.METADATA, Kind.CAPTION, Kind.DISCLAIMER, Kind.TEASER):
        return g.kind, "before_body_cue"
    if headline is not None and i > headline and g.kind is None and _sentence_like(g, f):
        return Kind.TEASER, "standfirst"
    return Kind.NAV, "before_body"


def _sentence_like(g: Guess, f: Features) -> bool:
    """Body-like text on its own: prose, or a long line that reads as a sentence without its
    full stop (a standfirst)."""
    if g.quality in _BODY_LIKE:
        return True
    return g.quality is Quality.SHORT and (
        f.scripts.latin_words >= STANDFIRST_MIN_WORDS or f.scripts.han >= STANDFIRST_MIN_HAN
    )


def _inside(g: Guess, f: Features, text: str, in_run: bool) -> tuple[Kind, str]:
    if f.teaser_of >= 0:
        return Kind.TEASER, "teaser_prefix"
    if g.kind is Kind.NAV or (g.kind is None and g.quality is Quality.BAD):
        return Kind.FOOTER, "in_body_chrome"
    if g.kind is not None:
        return g.kind, "in_body_cue"
    if g.quality in _BODY_LIKE:
        return Kind.PARAGRAPH, "in_body"
    if _NUMBERED.match(text) and size(f) <= SUBHEADING_MAX_SIZE:
        return Kind.SUBHEADING, "numbered_heading"
    if in_run:
        return Kind.PARAGRAPH, "text_line"
    if size(f) <= LABEL_HEADING_MAX_SIZE and _LABEL_HEADING.fullmatch(text):
        return Kind.SUBHEADING, "label_heading"
    if (
        size(f) <= SUBHEADING_MAX_SIZE
        and not f.ends_sentence
        and not _TITLE_END.search(text)
        and not _FIELD_VALUE.search(text)
        and not text.startswith(("—", "-"))  # ``——（宋）陆游``: a quotation's attribution
    ):
        return Kind.SUBHEADING, "short_title_in_body"
    return Kind.PARAGRAPH, "short_in_body"


def _tail_end(page: _Page, end: int) -> int:
    """The last unit of the article's tail: the run after the body of metadata, notices,
    captions, the source URL and short chrome (a share bar), which ends where the footer's
    own content (a link list, a section heading, other titles, other text) begins."""
    last = end
    for i in range(end + 1, min(len(page.guesses), end + 1 + TAIL_WINDOW)):
        g = page.guesses[i]
        if g.kind in _TAIL_KINDS:
            last = i
            continue
        chrome = g.kind in (Kind.FOOTER, Kind.NAV) and "section_cue" not in g.reasons
        if not chrome and not (g.quality is Quality.SHORT and page.features[i].chars <= TAIL_CHROME_MAX_CHARS):
            break
    return last


def _after(g: Guess, f: Features, in_tail: bool, source_url_seen: bool) -> tuple[Kind, str]:
    if g.kind is Kind.DISCLAIMER:
        return (Kind.DISCLAIMER, "after_body_cue") if in_tail else (Kind.FOOTER, "far_disclaimer")
    if g.kind is Kind.SOURCE_URL and in_tail and f.url_has_path and not source_url_seen:
        return Kind.SOURCE_URL, "after_body_url"
    if g.kind is Kind.METADATA and (in_tail or any(r.startswith("metadata_") for r in g.reasons)):
        return Kind.METADATA, "after_body_cue"
    if g.kind is Kind.CAPTION and in_tail:
        return Kind.CAPTION, "after_body_cue"
    return Kind.FOOTER, "after_body"
