"""Stage for HTML input, after revise: what the page's HTML says, where the text alone is unsure.

In: the units, their :class:`~bilingual_news.revise.Revision` and the
:class:`~bilingual_news.dom.HtmlPage` they were read from. Out: the revision, refined
(:func:`refine`); and, after assembly, the document with the URL and date of the page's head
(:func:`with_head`).

The rules use structure every site template has, never a site's own names:

* **caption** — a body line inside ``<figcaption>``, or an element whose class or id names a
  caption (``caption``, ``image-caption``), is a caption.
* **chrome** — a body line that is all link text (:data:`MIN_LINK_LINE_DENSITY`), or mostly
  link text (:data:`MIN_CHROME_LINK_DENSITY`) inside ``<nav>``, ``<footer>``, ``<aside>`` or an
  element whose class or id names chrome (``nav``, ``menu``, ``footer``, ``share``,
  ``related``, ``comment``, ``copyright``), is chrome: nav before the article region, footer
  after it or inside it.

* **headline** — a heading (``<h1>``–``<h3>``) on the page whose text is the page's
  ``<title>`` or ``og:title`` (the whole of it, or the part before or after a site name) is the
  article's title, when the text rules chose a line that the head does not confirm. A page's
  head names its article; a menu or a user name that looks like a title does not agree with it.
  When nothing confirms a heading and the text rules chose a link in a menu, the page's one
  ``<h1>`` text is the title.
* **source_url** — ``<link rel="canonical">``, else ``og:url``, when the caller gave no URL.
* **published** — ``article:published_time`` (or a like-named meta), when no metadata line of
  the page states a date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from bilingual_news._lazy import LazyPattern
from bilingual_news.dom import NAME_WEIGHT, HeadHints, HtmlPage
from bilingual_news.model import BODY_KINDS, METADATA_FIELDS, Document, Kind, Span
from bilingual_news.revise import HEADLINE_MIN_CHARS, Revision
from bilingual_news.split import Unit

__all__ = [
    "CHROME_TAGS",
    "CHROME_WORDS",
    "HEADING_TAGS",
    "MIN_CHROME_LINK_DENSITY",
    "MIN_LINK_LINE_DENSITY",
    "confirmed",
    "refine",
    "title_key",
    "with_head",
]

HEADING_TAGS = frozenset({"h1", "h2", "h3"})
"""The headings a title can stand in: sites put it in ``<h1>``, some in ``<h2>`` under a logo."""

CHROME_TAGS = frozenset({"nav", "footer", "aside"})
"""The HTML5 elements that hold a site's chrome."""

CHROME_WORDS = frozenset({"nav", "menu", "footer", "share", "related", "comment", "copyright"})
"""Class and id words (:data:`~bilingual_news.dom.CLASS_WORDS`) that name chrome."""

MIN_CHROME_LINK_DENSITY = 0.5
"""Share of a line's text in links above which a line in a chrome element is chrome: a
paragraph with a link or two in it stays body, a menu item or a related link does not."""

MIN_LINK_LINE_DENSITY = 0.95
"""Share of a line's text in links from which the line is chrome wherever it stands: a
paragraph with links in it keeps most of its words outside them; a line that is all link is
a "next article", a related story or a menu item."""

MAX_TITLE_KEY_CHARS = 300
"""Longest title compared: a longer "title" is a page's description or a post's whole text."""

_KEY_DROP = re.compile(r"[\W_]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def title_key(text: str) -> str:
    """The form titles are compared in: lower case, letters, digits and Han characters only.

    >>> title_key("In Lisbon, Old Trams Aren’t Going Anywhere")
    'inlisbonoldtramsarentgoinganywhere'
    """
    if not text.isascii() and ("’" in text or "‘" in text or "“" in text or "”" in text):
        # Only where a curly quote stands: a translation by table reads every character in
        # Python, four searches in C (a long unit's text is 10,000 characters and more).
        text = text.translate(_QUOTES)
    return _KEY_DROP.sub("", text.lower())


def refine(units: tuple[Unit, ...], revision: Revision, page: HtmlPage) -> Revision:
    """The revision with the article's element as its region, figure captions as captions,
    link lists in chrome elements as chrome, and the headline the page's head confirms."""
    return _headline(units, _elements(units, _region(units, revision, page), page), page)


# ------------------------------------------------------------------ the article's element

MIN_PARAGRAPH_CHARS = 25
"""Characters a line needs to count as a paragraph in the scoring (readability's threshold):
shorter lines are labels, bylines and menu items, in articles and chrome alike."""

MAX_PARAGRAPH_BONUS = 3
"""Most points a paragraph gets for its length (one per 100 characters, as readability)."""

SCORE_LEVELS = 5
"""Ancestors of a paragraph's block element that share its score (readability.js): the
parent whole, the grandparent half, each one above a third of the level's depth."""

TOP_CANDIDATES = 5
"""Best-scored elements compared when the best one may be a part of the article."""

ALTERNATIVE_SHARE = 0.75
"""Share of the best score another top element needs to count as a part of the same article."""

MIN_ALTERNATIVES = 3
"""Top elements (of :data:`TOP_CANDIDATES`) that must share an ancestor for that ancestor to
be the article's element: the article's sections, each scored alone (readability.js)."""

CLIMB_SHARE = 1 / 3
"""Share of the best score under which the climb to a better-scored ancestor stops."""

SIBLING_SHARE = 0.2
"""Share of the best element's score a sibling needs to join the article (readability's): an
article split in two sibling elements (text, then more text after an embedded picture)."""

MIN_SIBLING_SCORE = 10.0
"""Least score a sibling element needs to join the article, whatever the best one's."""

_COMMAS = re.compile("[,，、]")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def article_elements(page: HtmlPage) -> tuple[int, ...]:
    """The block elements that hold the article (:class:`~bilingual_news.dom.Tree` numbers),
    the best first, by readability's scoring: each line of text of
    :data:`MIN_PARAGRAPH_CHARS` or more scores 1, plus its commas, plus a point per 100
    characters (at most :data:`MAX_PARAGRAPH_BONUS`); its block element's ancestors share the
    score (:data:`SCORE_LEVELS`); each element starts from its name weight
    (:func:`~bilingual_news.dom.element_weight`) and ends multiplied by the share of its text
    outside links. The best element gives way to an ancestor that holds several of the best
    ones (:data:`MIN_ALTERNATIVES`) or that scores better; siblings of the chosen element that
    score :data:`SIBLING_SHARE` of it join it. Empty when no line of the page scores."""
    tree = page.tree
    parents = tree.parents
    weights = tree.weights
    scores: dict[int, float] = {}
    raw = page.raw
    for line in page.lines:
        if line.chars < MIN_PARAGRAPH_CHARS or line.block < 0 or line.tags & _HEADINGS:
            continue
        points = 1 + len(_COMMAS.findall(raw, line.start, line.end)) + min(line.chars // 100, MAX_PARAGRAPH_BONUS)
        up = parents[line.block]
        level = 0
        while up >= 0 and level < SCORE_LEVELS:
            divider = 1 if level == 0 else 2 if level == 1 else level * 3
            scores[up] = scores.get(up, weights[up]) + points / divider
            up = parents[up]
            level += 1
    if not scores:
        return ()
    final = {e: score * (1 - tree.link_density(e)) for e, score in scores.items()}
    ranked = sorted(final, key=lambda e: (-final[e], e))
    best = ranked[0]
    top = final[best]
    if top <= 0:
        return ()
    chosen = best
    alternatives = [e for e in ranked[1:TOP_CANDIDATES] if final[e] >= top * ALTERNATIVE_SHARE]
    if len(alternatives) >= MIN_ALTERNATIVES:
        ends = tree.ends
        up = parents[best]
        while up > 1:  # below <html> and <body>
            if sum(up <= e <= ends[up] for e in alternatives) >= MIN_ALTERNATIVES:
                chosen = up
                break
            up = parents[up]
    if chosen == best:
        last = top
        up = parents[best]
        while up > 1:
            score = final.get(up)
            if score is not None:
                if score < top * CLIMB_SHARE:
                    break
                if score > last:
                    chosen = up
                    break
                last = score
            up = parents[up]
    up = parents[chosen]
    floor = max(MIN_SIBLING_SCORE, final.get(chosen, top) * SIBLING_SHARE)
    siblings = tuple(e for e, score in final.items() if e != chosen and parents[e] == up and score >= floor)
    return (chosen, *sorted(siblings))


def _region(units: tuple[Unit, ...], revision: Revision, page: HtmlPage) -> Revision:
    """The revision with the article's element (:func:`article_elements`) as its region.

    When the text rules' body lies mostly in that element (:data:`MIN_AGREEMENT`), the DOM
    only trims and extends it: body units outside the element become chrome (nav before it,
    footer after it), and prose the text rules left just before or after their region
    (:data:`MAX_EXTENSION_GAP`) inside the element becomes body. When it lies mostly outside
    (the text rules took comments, a cookie notice or a list of stories for the article), the
    element is trusted only when its names or its tag say article
    (:data:`~bilingual_news.dom.NAME_WEIGHT`); then every unit in it that can be text becomes
    body, and the text rules' body outside it becomes chrome."""
    chosen = article_elements(page)
    if not chosen:
        return revision
    tree = page.tree
    ends = tree.ends
    kinds = list(revision.kinds)
    reasons = list(revision.reasons)
    inside: list[bool] = []
    body_chars = 0
    shared = 0
    extents = [(e, ends[e]) for e in chosen]  # the chosen elements' blocks, first to last
    line_at = page.line_at
    for i, u in enumerate(units):
        hints = line_at(u.span.start)
        block = -1 if hints is None else hints.block
        within = False
        for first_block, last_block in extents:
            if first_block <= block <= last_block:
                within = True
                break
        inside.append(within)
        if kinds[i] in _BODY:
            body_chars += len(u.text)
            if within:
                shared += len(u.text)
    if not any(inside):
        return revision
    agree = body_chars > 0 and shared >= MIN_AGREEMENT * body_chars
    if not agree and tree.weights[chosen[0]] < NAME_WEIGHT:
        return revision
    first = inside.index(True)
    changed = False
    promote = [False] * len(units)
    promote = [
        inside[i] and _placed_chrome(reasons[i], kinds[i]) and (not agree or _paragraph(units[i], reasons[i], page))
        for i in range(len(units))
    ]
    if agree and revision.region is not None:
        promote = _near_region(promote, kinds, revision.region)
    joined = _joined(kinds, inside) if agree else [False] * len(units)
    held = sum(tree.chars[e] for e in chosen)
    left_out = sum(len(u.text) for i, u in enumerate(units) if not inside[i] and not joined[i] and kinds[i] in _BODY)
    if left_out > held:
        joined = [True] * len(units)  # the element holds less text than it would leave out: not the article's whole
    for i, u in enumerate(units):
        why = reasons[i]
        if promote[i]:
            hints = page.line_at(u.span.start)
            heading = hints is not None and bool(hints.tags & _HEADINGS)
            kinds[i] = Kind.SUBHEADING if heading else Kind.PARAGRAPH
            reasons[i] = (*why, "html_article")
            changed = True
        elif not inside[i] and kinds[i] in _BODY and not joined[i]:
            kinds[i] = Kind.NAV if i < first else Kind.FOOTER
            reasons[i] = (*why, "html_outside_article")
            changed = True
    if not changed:
        return revision
    last = len(inside) - 1 - inside[::-1].index(True)
    return dataclasses.replace(revision, kinds=tuple(kinds), reasons=tuple(reasons), region=(first, last))


def _near_region(promote: list[bool], kinds: list[Kind], region: tuple[int, int]) -> list[bool]:
    """``promote`` kept inside the text rules' region and on the prose that goes on from its
    edges, each piece at most :data:`MAX_EXTENSION_GAP` units from the last: teasers of other
    stories or a forum's notice further down the same element are another part of the page."""
    start, end = region
    n = len(promote)
    keep = [start <= i <= end and promote[i] for i in range(n)]
    for step, first in ((1, end + 1), (-1, start - 1)):
        gap, i = 0, first
        while 0 <= i < n and gap <= MAX_EXTENSION_GAP:
            if promote[i]:
                keep[i], gap = True, 0
            elif kinds[i] not in _BODY:
                gap += 1
            i += step
    return keep


def _joined(kinds: list[Kind], inside: list[bool]) -> list[bool]:
    """Which units outside the article's element the text rules' body joins to it: body units
    with only body units between them and a unit inside (an interview's questions in a
    sibling element the scoring left out). Comments and related stories are set off from the
    article by a heading, a link or a line of chrome."""
    n = len(kinds)
    joined = [False] * n
    for order in (range(n), range(n - 1, -1, -1)):
        run = False
        for i in order:
            if inside[i]:
                run = kinds[i] in _BODY or run
            elif kinds[i] in _BODY:
                joined[i] = joined[i] or run
            else:
                run = False
    return joined


def _paragraph(unit: Unit, why: tuple[str, ...], page: HtmlPage) -> bool:
    """Whether a unit is prose in a ``<p>``: what an article's text is written in."""
    hints = page.line_at(unit.span.start)
    return why[0] in _PROSE and hints is not None and "p" in hints.tags and not hints.tags & _LISTS


_LISTS = frozenset({"li", "a"})


def _placed_chrome(why: tuple[str, ...], kind: Kind) -> bool:
    """Whether the text rules made a unit chrome for its place alone, and it can be text."""
    return kind in (Kind.NAV, Kind.FOOTER) and bool(why) and why[-1] in _PLACE_REASONS and why[0] in _TEXT_QUALITIES


MIN_AGREEMENT = 0.5
"""Share of the text rules' body inside the article's element from which the two agree on the
article: the DOM then trims and extends the text rules' region rather than replacing it."""

MAX_EXTENSION_GAP = 3
"""Units that are not text (a picture's credit, a share bar) the extension of the region
passes over between two pieces of prose: more, and the prose is another part of the page."""

_BODY = frozenset({Kind.PARAGRAPH, Kind.SUBHEADING})
_PROSE = frozenset({"good", "near_good"})
_PLACE_REASONS = frozenset({"before_body", "after_body"})
"""The text rules' reasons for chrome that say only where a unit stands."""

_TEXT_QUALITIES = frozenset({"good", "near_good", "short"})
"""The text rules' first guesses of a unit that can be text (``bad`` is chrome by a cue)."""


def _elements(units: tuple[Unit, ...], revision: Revision, page: HtmlPage) -> Revision:
    """Body units in a ``<figcaption>`` or an element named as a caption become captions; body
    units that are all links, or mostly links in a ``<nav>``, ``<footer>`` or ``<aside>`` or an
    element named as chrome, become chrome (nav before the article region, footer after it or
    inside it)."""
    kinds = list(revision.kinds)
    reasons = list(revision.reasons)
    changed = False
    region = revision.region
    for i, u in enumerate(units):
        if kinds[i] not in BODY_KINDS:
            continue
        hints = page.line_at(u.span.start)
        if hints is None:
            continue
        if "figcaption" in hints.tags or "caption" in hints.words:
            kinds[i], why = Kind.CAPTION, "html_caption"
        elif hints.link_density >= MIN_LINK_LINE_DENSITY and "list_after_body" not in reasons[i]:
            # (an item of a list the article ends with may be its link: the list is the article's)
            before = region is not None and i < region[0]
            kinds[i], why = (Kind.NAV if before else Kind.FOOTER), "html_link_line"
        elif hints.link_density >= MIN_CHROME_LINK_DENSITY and (hints.tags & CHROME_TAGS or hints.words & CHROME_WORDS):
            before = region is not None and i < region[0]
            kinds[i], why = (Kind.NAV if before else Kind.FOOTER), "html_chrome_links"
        else:
            continue
        reasons[i] = (*reasons[i], why)
        changed = True
    if not changed:
        return revision
    return dataclasses.replace(revision, kinds=tuple(kinds), reasons=tuple(reasons))


def _headline(units: tuple[Unit, ...], revision: Revision, page: HtmlPage) -> Revision:
    """The revision, its headline taken from the heading the page's head confirms when the
    text rules chose one the head does not; or from the page's one ``<h1>`` when they chose a
    link in a menu."""
    titles = _head_titles(page.head)
    current = revision.headline_text
    # A Markdown page's title line (markdown._head_title) is the head's title, not the article's.
    head_line = revision.headline is not None and _tagged(units[revision.headline], page, "title")
    if current is not None and titles and not head_line and confirmed(title_key(current), titles):
        return revision
    chosen = _heading(units, page, titles) if titles else None
    if chosen is None and head_line:
        chosen = _heading(units, page, titles, any_line=True)
    if chosen is None and revision.headline is not None and _tagged(units[revision.headline], page, "home"):
        chosen = _heading_after(units, revision, page)
    if chosen is None and revision.headline is not None and _chrome_link(units[revision.headline], page):
        chosen = _sole_h1(units, page)
    if chosen is None and not titles and not _in_h1(units, revision.headline, page):
        # No head to ask (Markdown, a fragment): the page's one ``<h1>`` above the text is the title.
        sole = _sole_h1(units, page)
        if sole is not None and (revision.region is None or sole <= revision.region[0]):
            chosen = sole
    if chosen is None:
        return revision
    key = title_key(units[chosen].text)
    kinds = list(revision.kinds)
    reasons = list(revision.reasons)
    region = revision.region
    for i, u in enumerate(units):
        if title_key(u.text) == key:
            kinds[i] = Kind.HEADLINE
            reasons[i] = (*reasons[i], "html_title")
        elif kinds[i] is Kind.HEADLINE:
            kinds[i] = _demoted(i, chosen, region)
            reasons[i] = (*reasons[i], "html_not_title")
    return dataclasses.replace(
        revision,
        kinds=tuple(kinds),
        reasons=tuple(reasons),
        headline=chosen,
        headline_text=units[chosen].text,
    )


def _tagged(unit: Unit, page: HtmlPage, tag: str) -> bool:
    """Whether a unit's line carries ``tag`` among its hints' tags (the Markdown reader's
    ``title``: a page's title line; ``home``: all one link to the site's home page, its logo)."""
    hints = page.line_at(unit.span.start)
    return hints is not None and tag in hints.tags


def _heading_after(units: tuple[Unit, ...], revision: Revision, page: HtmlPage) -> int | None:
    """When the text rules took the site's logo for the headline: the first heading after it
    (:data:`HEADING_TAGS`: Blogger puts the blog's name in an ``<h1>``, the date in an
    ``<h2>``, the post's title in an ``<h3>``), of a headline's length, not a date or byline,
    not itself a link home, before the article's text; else ``None``."""
    first = revision.headline
    if first is None:
        return None
    last = revision.region[0] if revision.region is not None else len(units) - 1
    for i in range(first + 1, min(last, len(units) - 1) + 1):
        hints = page.line_at(units[i].span.start)
        if (
            hints is not None
            and hints.tags & HEADING_TAGS
            and "home" not in hints.tags
            and revision.kinds[i] is not Kind.METADATA
            and len(title_key(units[i].text)) >= HEADLINE_MIN_CHARS
        ):
            return i
    return None


_SLUG = LazyPattern(r"[\w.-]+(?:\s?/\s?[\w.-]+)+")
"""A path of names without blanks between slashes (``owner/repo``, ``owner / repo``,
``docs/cn/guide.md``): a code host's heading for a repository or a file, which its head's
title names too (``guide.md at main · owner/repo``); the document's own title is its text's."""


def _head_titles(head: HeadHints) -> list[str]:
    """The keys of the head's titles: ``<title>`` and ``og:title``."""
    keys = [title_key(t) for t in (head.og_title, head.title) if t]
    return [k for k in dict.fromkeys(keys) if k and len(k) <= MAX_TITLE_KEY_CHARS]


def confirmed(key: str, titles: list[str]) -> bool:
    """Whether a title with ``key`` is one of the head's: the whole, or its start or its end
    (the rest a site's name)."""
    if len(key) < HEADLINE_MIN_CHARS:
        return False
    return any(t == key or t.startswith(key) or t.endswith(key) for t in titles)


def _heading(units: tuple[Unit, ...], page: HtmlPage, titles: list[str], *, any_line: bool = False) -> int | None:
    """The first unit in a heading element whose text the head confirms (the longest such
    text, when several are: the article's title rather than the site's name), or ``None``.
    With ``any_line``, a unit on any line but a Markdown page's title line."""
    best: tuple[int, int] | None = None  # (length of key, index)
    for i, u in enumerate(units):
        hints = page.line_at(u.span.start)
        if any_line:
            if hints is not None and "title" in hints.tags:
                continue
        elif hints is None or not hints.tags & HEADING_TAGS:
            continue
        key = title_key(u.text)
        if "/" in u.text and _SLUG.fullmatch(u.text.strip()):
            continue  # ``owner/repo``, ``docs/guide.md``: a code host's repository or file, named in its head
        if confirmed(key, titles) and (best is None or len(key) > best[0]):
            best = (len(key), i)
    return None if best is None else best[1]


def _chrome_link(unit: Unit, page: HtmlPage) -> bool:
    """Whether a unit is mostly link text in a chrome element: a menu item, never a title."""
    hints = page.line_at(unit.span.start)
    return (
        hints is not None
        and hints.link_density >= MIN_CHROME_LINK_DENSITY
        and bool(hints.tags & CHROME_TAGS or hints.words & CHROME_WORDS)
    )


def _in_h1(units: tuple[Unit, ...], i: int | None, page: HtmlPage) -> bool:
    """Whether unit ``i`` stands in an ``<h1>``."""
    if i is None:
        return False
    hints = page.line_at(units[i].span.start)
    return hints is not None and "h1" in hints.tags


def _sole_h1(units: tuple[Unit, ...], page: HtmlPage) -> int | None:
    """The first unit in an ``<h1>`` when the page's ``<h1>`` units all have one text, of a
    headline's length and outside the chrome; else ``None`` (a page with a logo and a title in
    two ``<h1>`` does not say which is which). An ``<h1>`` that is all one link to the site's
    home page (``# [The Site](/)``, tagged ``home`` by the Markdown reader) is the site's name
    in a logo, not a title, and is not counted."""
    found = [
        i
        for i, u in enumerate(units)
        if (h := page.line_at(u.span.start)) is not None and "h1" in h.tags and "home" not in h.tags
    ]
    keys = {title_key(units[i].text) for i in found}
    if len(keys) != 1 or len(next(iter(keys))) < HEADLINE_MIN_CHARS or _chrome_link(units[found[0]], page):
        return None
    return found[0]


def _demoted(i: int, headline: int, region: tuple[int, int] | None) -> Kind:
    """The kind of a unit the text rules took for the headline and the head does not confirm:
    chrome before the title or after the article, a byline between the title and the body."""
    if i < headline:
        return Kind.NAV
    if region is not None and i > region[1]:
        return Kind.FOOTER
    return Kind.METADATA


def with_head(document: Document, page: HtmlPage, *, url_given: bool) -> Document:
    """The document with the head's canonical URL (when the caller gave none) and its
    publication time (when the page's text states no date)."""
    source_url = document.source_url
    canonical = page.head.canonical
    if not url_given and canonical is not None and canonical.startswith(("http://", "https://")):
        source_url = canonical
    metadata = document.metadata
    written = page.head.published or ""
    published = _published(written)
    if published is not None and metadata.published is None:
        at = page.raw.find(written)
        spans = metadata.spans
        if at >= 0:
            span = Span(start=at, end=at + len(written))
            spans = tuple(sorted((*spans, ("published", span)), key=lambda p: METADATA_FIELDS.index(p[0])))
        metadata = dataclasses.replace(metadata, published=published, spans=spans)
    if source_url == document.source_url and metadata is document.metadata:
        return document
    return dataclasses.replace(document, source_url=source_url, metadata=metadata)


def _published(value: str | None) -> dt.datetime | dt.date | None:
    """An ISO 8601 date or date and time, or ``None``.

    >>> _published("2024-05-01T08:30:00+08:00")
    datetime.datetime(2024, 5, 1, 8, 30, tzinfo=datetime.timezone(datetime.timedelta(seconds=28800)))
    >>> _published("2024-05-01"), _published("yesterday")
    (datetime.date(2024, 5, 1), None)
    """
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None
