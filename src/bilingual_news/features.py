"""Stage 3, features: what can be measured about each unit, alone and among the others.

In: the units. Out: one :class:`Features` per unit, in the same order. Nothing here decides a
label; :mod:`bilingual_news.label` and :mod:`bilingual_news.revise` do.

Features of one unit: its scripts and size, sentence punctuation in either language, URLs,
dates and times, how it is cut into items (menus, link lists), capitalisation, and
which cue lexicons it hits. The cross-unit feature (teasers) is computed with a dictionary
keyed by short prefixes, so that it stays linear in the number of units and in the length of
the page: no unit is ever compared with all the others. Only what a rule of ``label`` or
``revise`` reads is measured.

Speed: a page has a few hundred units, most of them a dozen characters long, so what costs is
the work done per unit: each regular-expression call costs as much as a few dozen string
operations. Each distinct text of the page is measured once, in one loop (:func:`_measure`)
where a pattern or helper runs on a unit only when a cheap test in front of it (a character it
must start or end with, a literal it must hold) says it can find something. The cue phrases
(disclaimers, captions, chrome) are looked for in scans of the whole page (one per group of
first characters, :func:`_phrase_groups`), and only the units those scans hit are searched phrase
list by phrase list; the same page-wide scans (:func:`_hits`) find the units holding a separator,
a credit's word, a relative day's or a reading time's, before the patterns that need one.
Script counts come from the unit's class string (:func:`bilingual_news.scripts.class_strings`:
a text a one-byte code page encodes is classed from its bytes), counted once per distinct class
string, column by column (:func:`bilingual_news.scripts.count_scripts_each`). Each shortcut
is exact: it skips a pattern only where the pattern cannot match, which
``tests/test_performance_helpers.py`` checks against the pattern alone.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple, cast

import regex

from bilingual_news._lazy import LazyPattern
from bilingual_news.lexicon import _wide_forms, fold, lexicon, nfkc_by_words, trie_pattern
from bilingual_news.scripts import (
    DECIMAL_DIGIT,
    DIGIT_CLASS,
    HAN,
    HAN_CLASS,
    HAN_MARK_CLASS,
    SPACE_CLASS,
    WHITE_SPACE,
    ScriptCounts,
    class_strings,
    count_scripts_each,
    han_class,
    han_gaps,
)
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

SECTION_LINE_MAX_CHARS = 60
"""Longest line read as a section heading that names its site or section (``More from The Daily
Example``, ``Trending in Entertainment``): a longer line is a title."""

COMMENT_LINE_MAX_CHARS = 160
"""Longest comment-section heading with a count (``3 thoughts on "<the post's title>"``): the
count line of a blog template repeats the title, which can be long."""

MIN_MENU_LINE_WORDS = 4
"""Capitalised words a line needs to be taken for a menu when only some of them are menu words:
a shorter line (``World Cup Final``) may be a title's whole text."""

MIN_MENU_WORD_SHARE = 0.5
"""Share of a capitalised line's words that must be menu words for the line to be a menu: a
section menu names places and topics no lexicon lists, but at least as many it does."""

LONG_MENU_LINE_WORDS = 5
"""Capitalised one-word items from which a line is taken for a menu on a smaller share of menu
words (:data:`LONG_MENU_WORD_SHARE`): a site's own sections (a food blog's ``Dumplings
Noodles``, a shop's brands) outnumber the words any lexicon holds, and a title of five or more
words has a function word in lower case or a word that is no bare run of letters."""

LONG_MENU_WORD_SHARE = 1 / 3
"""Share of menu words enough on a line of :data:`LONG_MENU_LINE_WORDS` bare capitalised words
or more (``Home Recipes Dumplings Noodles About Shop``: ``Home``, ``About`` and ``Shop``): two
items at least, the first and the last among them, as a menu opens with ``Home`` and closes
with ``About``, ``Contact`` or ``Shop``."""

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

PHRASE_SCAN_KEYS = 4096
"""Keys joined for one scan for cue phrases: enough that a page takes a scan or a few, few
enough that the joined text of a 10 MB page is not a second copy of it."""

# Patterns of literal characters only, in re, which matches them as regex does, faster.
_SENTENCE_END = re.compile(r"(?:[。！？!?.;；]|(?<![0-9０-９])．)[”’\"'）)\]」』]*$")
_ELLIPSIS_END = re.compile(r"(?:…+|\.{3,}|。{3,})[”’\"'）)]*$")
_TRUNCATED = re.compile(r"(?<![….])(?:…|\.{3})[”’\"'）)]*$")
_URL = re.compile(rf"^(?:https?://|www\.)[^{WHITE_SPACE}]+$", re.IGNORECASE)  # the same letters fold in both
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b\.?,?"
_DATE = LazyPattern(
    r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月"
    r"|\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d\s+\d{1,2}/\d{1,2}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:{_WEEKDAY}\s+)?(?:19|20)\d\d\b"
    rf"|\b\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d\b",
    regex.IGNORECASE,
)
_YEAR = re.compile(f"(?:19|20)[{DECIMAL_DIGIT}]{{2}}")
"""A year of the 1900s or the 2000s, which every date :data:`_DATE` finds holds (its ``\\d``
as ``regex`` reads it): where :mod:`re` finds none, fast, :data:`_DATE` is not tried."""
_TIME_PART = LazyPattern(
    r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月"
    r"|\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d\b"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*(?:[ap]\.?m\.?\b)?"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+(?:{_WEEKDAY}\s+)?(?:19|20)\d\d)?\b"
    rf"|\b\d{{1,2}}\s+{_MONTH}(?:\s+(?:19|20)\d\d)?\b"
    rf"|\b{_WEEKDAY}"
    r"|\b(?:19|20)\d\d\b"
    r"|\d+\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月|年)前|昨天|前天|今天|刚刚|[上下]午|凌晨"
    r"|\b(?:\d+|an?|one)\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|[smhdw])\s+ago\b"
    r"|\b(?:yesterday|today|updated|published|posted|at|on|gmt|utc|bst|edt|est|bjt)\b",
    regex.IGNORECASE,
)
_CALENDAR = LazyPattern(
    r"\d+\s*(?:分钟|分鐘|小时|小時|天|周|週|个月|個月)前"
    r"|\b\d+\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|[mhdw])\s+ago\b",
    regex.IGNORECASE,
)
_RANKED = LazyPattern(r"(?:[1-9]|10)(?![\d.,:：/年月日号点时分秒万亿元%％个岁])\s*(?=[\p{Han}\p{Lu}《“\"【\[])")
_RELATIVE = LazyPattern(r"昨天|前天|刚刚|\byesterday\b")
_BYLINE = LazyPattern(
    r"^[(（]?(?i:(?:posted|written|reporting|edited|words|text|story)\s+)?(?i:by)\s+"
    # A determiner or a pronoun opens a phrase, not a name (``By Any Means Necessary``, a show's
    # name in a menu; ``By All Accounts``); ``The`` opens an agency's or a board's (``By The
    # Associated Press``).
    r"(?!(?:Any|All|My|Our|This|That|These|Those|Its|His|Her|Their|Your|No|Some|Every|Each|Far)\b)"
    r"(?:\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&))*"
    # An English template signs Chinese writers with their names in Han characters (``Posted by
    # 阿梅 at 9:15 PM``, ``Written by 周慕白``, ``By 林晓、王田``): a Chinese name has no capitals.
    r"|[\p{Han}·]{2,8}(?:\s*(?:[、,，&]|and)\s*[\p{Han}·]{2,8})*)"
    r"\s*(?:[|,;(@]|\s[-–—]\s|at\b|on\b|$|\p{N})"
)
_CREDIT = LazyPattern(
    r"^[(（【\[]?(?:[\p{Han}·]{0,12}(?:记者|通讯员|实习生|摄影|撰稿|报道员|記者|通訊員|實習生|攝影|報道員)\s*"
    # A byline's role and its names, set apart by a blank or a bar or a slash rather than a
    # colon: 作者 王某 李某, 文/王某, 作者｜王某, 编辑 | 李某 (a WeChat or portal byline).
    r"|(?:文/[图圖]|[图圖]/文|撰文|作者|编辑|編輯|责编|責編|责任编辑|責任編輯|文|[图圖])(?:\s*[|｜丨/]\s*|\s+))"
    r"[\p{Han}·]{2,4}(?:[\s、，,]+[\p{Han}·]{2,4})*\s*(?:/?文|[摄攝]|报道|報導|報道)?[)）】\]]?$"
    # A contributor's credit in brackets, the Chinese of "X contributed to this report":
    # （实习生某某对此文亦有贡献）, （某某亦有贡献）, （实习生某某参与采写）, （某某協助採訪）.
    r"|^[(（][^()（）]{1,30}(?:(?:[对對](?:此文|本文|此报道|本报道|此報導|本報導)[亦也]?|[亦也])有所?(?:贡献|貢獻)"
    r"|[亦也]?(?:参与|參與|协助|協助)了?(?:本文|此文)?(?:采访|采写|报道|撰写|採訪|採寫|報導|撰寫))[)）]$"
    # A wire's name alone in brackets closing its story as a portal or a paper reprints it
    # (（法新社）, （中央社）), or the desk's word for a story pieced from several (（綜合報導）).
    r"|^[(（](?:\p{Han}{1,5}社|综合报道|綜合報導|综合外电|綜合外電)[)）]$"
    # A reporter's credit with the place reported from, the paper's name before it and the date
    # before that, set apart by slashes (Taiwanese portals and papers: ``記者王小明／台北報導``,
    # ``<date> <time> 聯合報／記者…／台北即時報導``).
    r"|^(?:(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2})?\s+)?(?:\p{Han}{2,8}\s*[／/]\s*)?"
    r"(?:记者|記者)\s*[\p{Han}·]{2,4}(?:[、，,]\s*[\p{Han}·]{2,4})*\s*[／/]\s*\p{Han}{1,8}(?:报道|報導|報道)$"
)
_DATED_FIELD = LazyPattern(
    r"^(?:(?:last\s*|originally\s+|first\s+)?(?:updated|published|posted|modified|mod|edited|reviewed|answered|asked))"
    r"(?:\s+in\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?(?=\s+on\b))?"
    r"(?:\s+(?:on|at))?\s*[:：]?\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"|\d{1,2}[:/.-]\d{1,2}|\d{4}-\d{2}-\d{2}|\d{1,2}\s?(?:y|yr|mo|w|d|h)$"
    r"|(?:\d+\s+(?:second|minute|hour|day|week|month|year)s?,?\s+)+ago$)",
)
"""A date field without its colon, read on a folded key (``Updated Nov 19, 6:55 AM``, ``Published
Wed, Nov 20 2019``, ``Posted on 12/06/2014``): the word says what the date is, the date follows
at once, with or without a year. A review's and an answer's headers say it so too, the review's
perhaps with the store's country (``Reviewed in the United States on March 3, 2024``,
``Answered Mar 2``), and a social or Q&A site's header gives the post's age alone (``Updated
2y``, ``Posted 3d``), or spelled out (a Q&A site's ``Asked 2 years, 5 months ago`` over its
question)."""
_ROLE_LAST = frozenset("rRtTfFsSſ\n")
"""The characters a text that :data:`_ROLE_BYLINE` matches can end with: the last letter of a
role word in either case (``ſ`` is an ``s`` to ``regex``), an ``s``, or the newline before which
``$`` also matches."""
_ROLE_SEPARATOR = re.compile("[,|\\-–—]")
"""One of these stands wherever :data:`_ROLE_BYLINE` matches: the comma or the dash or bar
between the name and the role."""
_ROLE_BYLINE = LazyPattern(
    r"^(?:by\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}\s*(?:,|\s[-–—|]\s)\s*"
    r"(?:[\p{L}&.]+\s+){0,3}(?i:writer|correspondent|reporter|editor|columnist|contributor|staff)s?$"
)
"""A byline that gives the author's role after the name (``Dana Whitfield, AP Sports Writer``,
``By Tom Fairley - Staff Writer``): wire services and newspapers sign so."""
_FORGE_HEADER = LazyPattern(
    r"^@?[A-Za-z0-9][\w.-]{0,38}\s+(?:released|opened|published|drafted)\s+this\b"
    r"(?:\s+(?:issue|release|pull request|discussion))?"
)
"""A code host's header over a release, an issue or a pull request (GitHub, Gitea, GitLab):
``mlin released this Jun 3, 2025 · 48 commits …``, ``chen opened this issue on Mar 3 · 5 comments``:
the poster's handle, what they did and the date (read with the line's date): the post's byline."""
_PAPER_AUTHORS = LazyPattern(
    r"^(?:[\p{Han}·]{2,4}|\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})(?:\d{1,2}(?:[,，]\d{1,2})*|[¹²³⁴⁵⁶⁷⁸⁹]+)\*?"
    r"(?:[\s,，、;；]+(?:[\p{Han}·]{2,4}|\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})"
    r"(?:\d{1,2}(?:[,，]\d{1,2})*|[¹²³⁴⁵⁶⁷⁸⁹]+)\*?)+$"
)
"""A paper's author list as a journal's page or a paper database prints it under the title: two
names or more, each with the numbers of its affiliations set right after it (``何清源1 林佩瑶1,2``,
``Li Na1, Tom Berg2*``): the authors (a byline), never a title."""
_PAPER_AUTHORS_LAST = frozenset("*¹²³⁴⁵⁶⁷⁸⁹\n")
"""The characters besides a decimal digit (class ``D`` of :mod:`bilingual_news.scripts`) a text
that :data:`_PAPER_AUTHORS` matches can end with: a mark after the last name, its star, or the
newline before which ``$`` also matches."""
_PAPER_AFFILIATIONS = LazyPattern(
    r"^[(（]?1[)）.、．]\s*\S[^;；]*(?:大学|学院|研究所|研究院|研究中心|实验室|医院|University|Institute|College"
    r"|Laborator|Academy|Hospital|School)[^;；]*[;；]\s*[(（]?2[)）.、．]"
)
"""The affiliations under such a list, numbered as its marks are (``1.江南大学…；2.…``): a field of
the paper's record, not a numbered heading or the first point of a list."""
_WIRE_CREDIT = LazyPattern(
    r"^[(\[]?(?:additional )?reporting by \S.{0,300}?\bediting by \S[^()\[\]]{0,120}[)\]]?\.?$"
    r"|\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?[)\]]?$"
    r"|^contact (?:the )?(?:reporter|editor|writer|author)s? \S.{0,300}?@[\w-]+(?:\.[\w-]+)+\)?\.?$"
)
"""A wire service's or a newspaper's credit line after the article, too long for a byline
(``(Reporting by Jane Doe and Tom Fairley in Paris; Editing by Dana Reyes)``, ``Associated
Press writers Jane Doe and Tom Fairley contributed to this report.``, ``Contact reporter Jane Doe
(janedoe@example.com) and editor Tom Fairley (…)``, as English-language China business sites close
a story): read on the folded key."""
WIRE_CREDIT_MAX_CHARS = 400
"""Longest credit line :data:`_WIRE_CREDIT` decides: the names of a dozen reporters."""
_WIRE_CREDIT_OPENERS = (
    *(f"{b}{a}reporting by" for b in ("", "(", "[") for a in ("", "additional ")),
    *(f"contact {a}{w}" for a in ("", "the ") for w in ("reporter", "editor", "writer", "author")),
)
"""How a key :data:`_WIRE_CREDIT` finds starts, unless it holds ``contributed``."""
_CREDIT_WORDS_SCANNED = ("reporting by", "contributed", "credit", "©", "contact reporter", "contact editor")
"""Words a wire's credit line (:data:`_WIRE_CREDIT`) or a picture's credit after its caption
(:data:`_CREDIT_TAIL`) holds: scanned for with the cue phrases, so that only the units that
hold one are tried (as a unit with a cue phrase is), not every line of a page."""
_DYNASTY_AUTHOR = LazyPattern(
    r"^[〔\[［(（【]\s*(?:先秦|秦|汉|漢|两汉|兩漢|魏晋|魏晉|南北朝|隋|唐|五代|宋|辽|遼|金|元|明|清|近代|现代|現代|当代|當代)"
    r"\s*[〕\]］)）】]\s*[\p{Han}·]{2,6}(?:$|[\s/｜|])"
)
"""A poet's line as poetry and classical-prose sites print it under the title: the dynasty in
brackets, then the name (``〔唐〕 <name>``, ``[宋] <name>``), perhaps with its English after it:
the text's author (a convention of Chinese anthologies, not of one site)."""
_DYNASTY_OPENERS = frozenset("〔[［(（【")
_HASHTAG_ROW = LazyPattern(r"(?:#[^\s#]{1,30}#?\s+)+#[^\s#]{1,30}#?\s*")
"""A row of two hashtags or more and nothing else (``#python #cli #beginners``, ``#旅行# #美食#``):
the post's tags, as developer blogs (DEV, Hashnode) and social posts print them under the title
or after the text; a heading holds words besides its tags."""
_HASHTAG_ALONE = LazyPattern(r"#(?=[^\s#]*\p{L})[^\s#]{1,30}#?\s*")
"""One hashtag alone on its line, holding a letter (``#旧物``, ``#travel``): a post's tags set one
a line, as blog platforms (Tumblr, Instagram's web page) link each below the post; a number
(``#1``) is a rank, a Markdown heading has a blank after its ``#``."""
_FOLLOW = LazyPattern(r"(?i:follow)(?:\s+(?:\p{Lu}[\p{L}&.'’-]*|on|us))+\s*:?\s*$")
"""A follow button: ``Follow`` and a brand's capitalised name (``Follow CNN Business``,
``Follow Harbour News on``); ``Follow the money`` is a title."""
_COUNTER = LazyPattern(
    r"^(?:阅读|浏览|点击|人气|阅读数|阅读量|浏览量|浏览次数|点击数|点击量|views?|reads?)\s*[(（:：]?\s*\d[\d,.]*[万千kKmM]?\s*[)）]?$"
    # A forum's or a Q&A site's counter spelled as a sentence without its full stop (``Viewed 6k
    # times``, ``Viewed 1,234 times``).
    r"|^viewed\s+\d[\d,.]*[kKmM]?\s+times?$"
)
_COUNT_THEN_DATE = LazyPattern(r"^\d[\d,.]*\s*[km万]?\s*(?:views?|plays?|reads?|次观看|次播放)\b")
"""A count of views or plays opening a line that also holds a calendar date (``35,482 views  Mar
3, 2024``, ``1.2k plays · 2024-03-03``): the header line a video page or a blog theme sets
between a post's title and its text, its statistics and its date (metadata, not a menu)."""
_MEDIA_STAT = LazyPattern(
    # a count of views, plays or listens (``1,204,331 views``, ``12.3万播放``, ``356 弹幕``)
    r"(?P<count>\d[\d,.]*\s*[kKmM万亿]?\s*(?:views?|plays?|listens?|次观看|次播放|播放|观看|弹幕))"
    # a running time (``12:48``, ``1:02:33``, ``45 min``, ``1 hr 5 min``, ``45分钟``)
    r"|(?P<duration>\d{1,2}(?::\d{2}){1,2}|\d+\s*(?:h|hrs?|hours?)(?:\s*\d+\s*(?:m|mins?|minutes?))?"
    r"|\d+\s*(?:mins?|minutes?|分钟|分鐘))"
    # a date, a month and year enough, a time after it (``Filmed May 2022``, ``Mar 3, 2024``,
    # ``2022年5月``, ``2024-03-03 12:00:00``)
    rf"|(?P<date>(?:(?:filmed|recorded|aired|streamed|premiered|published|uploaded)\s+)?"
    rf"(?:{_MONTH}\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d|\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?|\s*月))"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)",
    regex.IGNORECASE,
)
"""One item of a video's, a talk's or a podcast episode's line of figures: a count of views or
plays, a running time or the date it was filmed or aired, a month and year enough."""
MEDIA_STATS_MIN_ITEMS = 2
"""Items (set apart by ``·``, ``•`` or ``|``) a media page's line of figures needs: its date and
one count or running time at least (``Filmed May 2022 · 12:48 · 1,204,331 views``, ``45 min ·
May 2022``). A month and year alone is no date to the features, but beside a running time or a
count of views it is when the video or the talk was filmed or the episode aired: the line is the
page's dateline (metadata), the title over it the page's title (YouTube, Bilibili, TED, podcast
players)."""
_MEDIA_STATS_SEPARATOR = re.compile(r"\s+[·•|]\s+")


_TAB_WORDS = frozenset(
    {
        "details",
        "transcript",
        "share",
        "overview",
        "reviews",
        "q&a",
        "description",
        "specifications",
        "specs",
        "episodes",
        "comments",
        "about",
        "notes",
        "chapters",
        "lyrics",
        "discussion",
        "ratings",
        "faq",
        "related",
    }
)
"""The tabs a video, talk, product or course page sets over its content (``Details Transcript
Share``, ``Overview Reviews Q&A``). One such word alone may head a section (``Overview``), so
the words are no menu lexicon's: only a row of them is nav (:data:`TAB_ROW_MIN_WORDS`)."""
TAB_ROW_MIN_WORDS = 3
"""Capitalised tab words (:data:`_TAB_WORDS`), and nothing else, a line needs to be a row of tabs:
two may be a heading (``Questions & Answers``-like pairs), three in a row are the page's tabs."""
TAB_ROW_MAX_WORDS = 6
"""The most tab words a row of tabs holds: a longer line of them is no row the lexicon judges."""


def _tab_row(text: str, key: str) -> bool:
    """Whether a line is a row of tabs (:data:`_TAB_WORDS`), each word capitalised."""
    words = text.split()
    return (
        TAB_ROW_MIN_WORDS <= len(words) <= TAB_ROW_MAX_WORDS
        and all(w[:1].isupper() for w in words)
        and all(t in _TAB_WORDS for t in key.split())
    )


def _media_stats(text: str) -> frozenset[str]:
    """The kinds of items (``count``, ``duration``, ``date``) of a media page's line of figures
    (:data:`MEDIA_STATS_MIN_ITEMS`), empty for any other line: every item one of
    :data:`_MEDIA_STAT`, one a date and one a count or a running time. A line with a count is a
    ``views`` field; one of a date and a running time only is a dateline (an episode's in a list
    of episodes after the text as well as the page's own)."""
    items = _MEDIA_STATS_SEPARATOR.split(text.strip())
    if len(items) < MEDIA_STATS_MIN_ITEMS:
        return frozenset()
    kinds: set[str] = set()
    for item in items:
        m = _MEDIA_STAT.fullmatch(item)
        if m is None or m.lastgroup is None:
            return frozenset()
        kinds.add(m.lastgroup)
    return frozenset(kinds) if "date" in kinds and len(kinds) >= 2 else frozenset()


_DATED_BYLINE = LazyPattern(r"\b(?i:by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&)){0,4}\s*$")
"""A byline closing a dated line (``March 5, 2024 By Dana Whitfield``, ``Monday … 7:45 am PST by
Joe Rossignol``): the date-then-author order of many news and blog templates."""
JSON_MIN_KEYS = 3
"""Quoted keys (``"text":``) in a unit's first characters from which a unit that opens like JSON
is data, not text: a sentence may open with a quotation, never with three quoted keys."""
JSON_MIN_SENTENCES = 8
"""Sentence-long string values in a unit's first characters from which JSON is data carrying the
page's text (a transcript, a feed): a hand-written example in an article about JSON has a few."""
_JSON_FIRST = frozenset('{["')
"""The characters a unit that :data:`_JSON_OPEN` matches starts with."""
_JSON_OPEN = LazyPattern(r'^(?:[\[{]\s*+)+"|^"\s*[}\]]')
"""A unit opening like JSON: ``{"``, ``[{"``, or the close of a string and an object (``"}],``)
where the scrape cut a blob in two."""
_JSON_PROSE_VALUE = LazyPattern(r':\s*"(?:[^"\\]|\\.){60,}"')
"""A JSON string value of a sentence's length (60 characters or more)."""
_JSON_KEY = LazyPattern(r'"[\p{L}_$][\w$-]{0,40}"\s*:')
_READING_TIME = LazyPattern(
    r"\b\d+\s*(?:min|mins|minutes?)\s*(?:read|reading)\b|\breading time\b|\b\d[\d,]*\s*words\b"
    r"|阅读(?:时长|时间|约需|需)|预计阅读|\d+\s*分钟(?:读完|阅读)|字数\s*[:：]?\s*\d|约\s*\d[\d,.]*\s*[千万]?字"
)
"""A reading time or a word count, the counter blog and news templates print under a title
(``5 min read``, ``4156 words``, ``阅读时长 5 分钟``, ``约 3200 字``): keys are lower case."""
_READING_TIME_GATE = re.compile("read|word|min|阅读|分钟|字")
"""One of these stands wherever :data:`_READING_TIME` matches (:mod:`re` finds them fast): the
page's keys are scanned for them at once (:func:`_hits`), and :data:`_READING_TIME` is tried
only on the keys that hold one."""
_CREDIT_NAME = r"\p{Lu}[\p{L}.'&-]*"
_CREDIT_WORD = r"(?:\p{Lu}[\p{L}.'&-]*|for|of|the)"
_PHOTO_CREDIT = LazyPattern(
    r"\b\p{Lu}[\p{Lu}.' -]{2,40}/\s*(?:FOR\s+)?\p{Lu}[\p{Lu}.' -]{1,40}$"  # MA KEWEN/FOR CHINA DAILY
    # A wire or staff credit after the caption's sentence, or alone: ``AP Photo/Tom Reed``,
    # ``REUTERS/Tom Reed``, ``Ann Lee/The Harbour Times``; three words at least, so that a
    # two-level breadcrumb (``News/Politics``) is none.
    rf"|(?:^|[.!?]\s+)(?:{_CREDIT_NAME}(?:\s+{_CREDIT_NAME}){{1,4}}\s*/\s*{_CREDIT_NAME}(?:\s+{_CREDIT_WORD}){{0,6}}"
    rf"|{_CREDIT_NAME}\s*/\s*{_CREDIT_NAME}(?:\s+{_CREDIT_WORD}){{1,6}})$"
    r"|[(（\[【](?:\p{Lu}[\p{L}.&' -]{0,30}/\s*\p{Lu}[\p{L}.&'/, -]{0,40}|[^()（）\[\]【】]{0,20}摄|"
    r"(?i:photo|image|file photo|video)[^()（）\[\]]{0,40})[)）\]】]$"
    # A wire agency's credit closing a caption: ``REUTERS/Jane Doe``, ``Jane Doe / AP file``.
    r"|\b(?:REUTERS|Reuters|AFP|AP|EPA|XINHUA|Xinhua)\s*/\s*\p{Lu}[\p{L}.' -]{1,40}$"
    r"|\s/\s*(?:AP|Reuters|REUTERS|AFP|EPA|Getty Images|Bloomberg|Xinhua)(?:\s+(?i:file))?$"
)
_CREDIT_TAIL = LazyPattern(
    r"\b(?i:credits?)\s*(?::|\.{2,}|…)\s*[^\s.!?。！？][^!?。！？]{0,58}[^\s.!?。！？]$"
    r"|©\s*\p{Lu}[\p{L}.' /-]{1,40}$"
)
"""A picture's credit written after its caption with a label or a copyright sign, as English news
and science sites print it (``… on Monday. Credit: Jane Doe``, ``…Credit...Jane Doe/The Daily``,
``… in 2019. © Wire / Jane Doe``): a year after © is a site's copyright, not a credit."""
_COMMENT_BY = LazyPattern(
    r"\b(?:at|@)\s*\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:said|says|wrote)\s*:?$", regex.IGNORECASE
)
"""The end of a comment's header in blog templates (``Dana on May 3, 2019 at 4:47 pm said:``):
its author and time, closing a thread's entry the way a byline closes an article's."""
_SECTION_LINE = LazyPattern(
    r"^(?:more|latest) (?:from|in|on|at) \S.*$"
    r"|^more (?:\S+ ){1,3}(?:stories|news|articles|videos|posts|coverage)$"
)
"""English section headings that name their site or section, which a word list cannot hold
(``More from The Daily Example``, ``Latest in World``, ``More Great Example Stories``): keys
are lower case, trailing dots and ellipses trimmed. A ranking's (``Most read in World``) is
chrome but no wall (:data:`_CHROME_LINE`): templates put that widget inside the text too."""
_COMMENT_LINE = LazyPattern(
    r"^(?:\d[\d,]*|no|one) (?:comments?|responses?|replies|thoughts)(?: (?:on|to) \S.*)?$"
    r"|^comments? \(\d[\d,]*\)$|^showing \d+ of \d[\d,]* comments?$"
    r"|^(?:view|show|load|see|read) (?:all )?\d[\d,]* comments?$"
)
"""Comment-section headings with a count, which a word list cannot hold (``12 Comments``,
``Comments (12)``, ``Showing 10 of 48 comments``, ``3 thoughts on "<title>"``, ``One response to
<title>``): keys are lower case."""
_SECTION_LINE_FIRST = frozenset("ml")
"""The characters a key that :data:`_SECTION_LINE` matches starts with."""
_COMMENT_LINE_FIRST = frozenset("0123456789nocsvlr")
_COMMENT_WORD = re.compile("comment|repl|respons|thought")
_SHORT_DATE = re.compile(
    r"[·•]? ?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}"
    r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)"
)
"""A date without its year alone on its line, folded (``Mar 12``, ``· 9 Mar``): forums and social
sites print a post's date of this year so, over or under the post."""
_SHORT_DATE_MAX_CHARS = 14
"""Longest line looked at for :data:`_SHORT_DATE` (``· September 30``)."""
_GO_TO = re.compile(r"go to(?: [^ .!?。！？]+){1,3}")
"""A link's spoken label, folded (``Go to Reddit Home``, ``Go to liuxue``, ``Go to comments``):
web apps print their icon links' labels for screen readers, and a scrape keeps them as lines.
Three words at most after ``go to`` and no sentence mark: a sentence that says where to go is
longer."""
"""A word every key that :data:`_COMMENT_LINE` matches holds (:mod:`re` finds it fast)."""
_SECTION_HEADS = ("more ", "latest ")
"""How every key that :data:`_SECTION_LINE` matches starts."""
"""The characters a key that :data:`_COMMENT_LINE` matches starts with."""
_CHROME_LINE = LazyPattern(
    r"^(?:related(?: articles?| stories| story| content| coverage| reading| videos?| links?)?|see also"
    r"|also read|read also|read more|see more|read next|must read|don't miss|recommended(?: reading)?)\s*:\s*\S"
    r"|^(?:also )?on [\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co\.uk|co|uk|news)\s*:?\s*\S"
    r"|^(?:image|photo|picture|slide)?\s*\d+\s*(?:of|/)\s*/?\s*\d+$"
    r"|^\d[\d,.]*[km]?\s*(?:shares?|likes?|votes?)$"
    r"|^(?:most read|most popular|most viewed|most shared|trending|popular|top stories) (?:from|in|on|at) \S.{0,40}$"
    r"|^(?:rating|rated)\s*:?\s*[\d.]+(?:\s*/\s*\d+)?(?:\s*stars?)?(?:\s*\(?\s*\d[\d,]*\s*votes?\)?|\s*votes?)?$"
)
"""English chrome lines that a word list cannot hold: a related link inside the text
(``Related: <title>``, ``Read more: <title>``, ``See more: <title>``, or one that names the
site it links to, ``On example.com: <title>``, ``Also on example.com <title>``), a ranking's
heading (``Trending in Sport``), a gallery's counter (``Image 3 of 12``, ``3 / 12``), a share
or vote count (``553 shares``), a rating (``Rating: 4.5 (12 votes)``): keys are lower case."""
_CHROME_LINE_FIRST = frozenset("rsaipmtdo0123456789")
"""The characters a key that :data:`_CHROME_LINE` matches starts with."""
RANKING_HEADS = ("most ", "trending ", "popular ", "top stories ")
"""How a ranking's heading starts (``Most read in World``)."""
_UNMARKED_HEADS = (*RANKING_HEADS, "also on ", "on ")
"""How the kinds of :data:`_CHROME_LINE` without a digit or a colon start (a ranking's heading,
a link that names its site): every other kind holds one or the other, so a line with neither
that starts otherwise is not tried."""
_FIELD_COLON = LazyPattern(r"\s*[:：]")
_MARKUP = LazyPattern(r"<!--.*?-->|</?[a-zA-Z][^<>]{0,400}>")
_SECTION_TAIL = LazyPattern(
    r"(?:\s*+(?:[:：>»›]++|查看更多|更多|more|see all|view all))+$", regex.IGNORECASE | regex.REVERSE
)
"""Matched from the end (``REVERSE``), each run taken whole (possessive), longest cue first: the
same tails as reading from the left, without retrying every split of a run of ``:`` from every
start (cubic in the run's length)."""
_LEADING_MARKS = LazyPattern(r"^[\s(（【\[〔<《#]+")

# Cheap tests in front of the patterns above: each is true wherever its pattern can match (a
# key holds no white space but single blanks, so ``\s`` is a blank there).
_SENTENCE_END_LAST = frozenset("。！？!?.;；．”’\"'）)]」』")
"""The characters a text that :data:`_SENTENCE_END` finds can end with."""
_ELLIPSIS_LAST = frozenset("….。”’\"'）)")
"""The characters a text that :data:`_ELLIPSIS_END` finds can end with."""
_SENTENCE_MARK_CHARS = frozenset("。！？!?.;；")
"""The characters a text ends with that :data:`_SENTENCE_END` finds at once (with no closing
quote after them): its search is needed only for a text that ends otherwise."""
_SECTION_TAIL_LAST = frozenset(":：>»›多eElL")
"""The characters a key that :data:`_SECTION_TAIL` trims can end with."""
_LEADING_MARK_CHARS = frozenset("(（【[〔<《#")
"""The characters a key that :data:`_LEADING_MARKS` trims can start with."""
_COUNTER_FIRST = frozenset("阅浏点人vr")
"""The characters a key that :data:`_COUNTER` matches starts with."""
_RANK_FIRST = frozenset("123456789")
"""The characters a text that :data:`_RANKED` matches starts with."""
_CREDIT_WORDS = re.compile(
    "记者|通讯员|实习生|摄影|撰稿|报道员|作者|编辑|編輯|责编|責編|有所?贡献|有所?貢獻|参与|參與|协助|協助"
    "|記者|通訊員|實習生|攝影|報道員"
    "|社[)）]|综合|綜合"
)
"""Words one of which a text that :data:`_CREDIT` matches holds, unless it opens with 文, 图 or 撰
(searched for in the whole page's texts at once, :func:`_hits`: no anchor)."""
_CREDIT_OPENERS = frozenset("文图圖撰")
_DATED_FIELD_FIRST = frozenset("lofupmera")
"""The characters a key that :data:`_DATED_FIELD` matches starts with (its words are lower case)."""
_NO_CAPITAL_CLASSES = frozenset("HhDMSWA")
"""Character classes (:mod:`bilingual_news.scripts`) that hold no capital (``\\p{Lu}``): Han,
digits, marks, blanks, apostrophes and hyphens."""
_SECTION_PATH = LazyPattern(r"\s*\p{Lu}[\p{Lu}&'-]*(?:\s*/\s*\p{Lu}[\p{Lu}&'-]*)+\s*")
"""A line that is only single words in capitals joined by slashes (``CHINA / SOCIETY``, ``WORLD /
ASIA-PACIFIC``): an English-language news site's section path over the title (its kicker), no
photo credit, whose photographer's name has two words at least (``MA KEWEN/CHINA DAILY``) and
follows a caption's sentence."""
_PHOTO_CREDIT_LAST = frozenset(")）]】")
"""The characters a text that :data:`_PHOTO_CREDIT` finds without a ``/`` ends with."""
_PHOTO_WORD = re.compile("photo|image|video", re.IGNORECASE)
"""The words one of which a bracket that :data:`_PHOTO_CREDIT` finds without a ``/`` holds, unless
``摄`` closes it (:mod:`re` ignores case at least as widely as ``regex`` does here)."""
_RELATIVE_WORDS = re.compile("昨天|前天|刚刚|yesterday")
"""The words of :data:`_RELATIVE`, without its word boundaries: the page's keys are scanned for
them at once (:func:`_hits`), and :data:`_RELATIVE` is tried only on the keys that hold one."""
_FULLWIDTH_STOP = re.compile("(?<![0-9０-９])．")
"""A full-width full stop used as a sentence's end (after a character, not a digit)."""
_LATIN_SENTENCE_MARK = re.compile(rf"[.!?](?=[{WHITE_SPACE}”’\"']|$)")
"""A full stop, ``!`` or ``?`` that ends a sentence: before a blank, the end or a closing quote."""
_SEPARATOR_CHARS = re.compile(r"[|｜/>›»·•]")
_SEPARATED = re.compile(r" *(?:[|｜>›»·•]|(?<![A-Za-z0-9_.~-])/|/(?![A-Za-z0-9_.~-])) *")
r"""Items of a key (``regex``'s ``\s*(?:\||｜|/|>|›|»|·|•)\s*`` where the only blank is a space).
A slash between two characters of a path (``usr/local``, ``2024/05``, ``and/or``) joins, not
separates: a line of code or a shell command is no link list."""
_SEPARATOR = re.compile(r"[|｜>›»·•]|(?<![A-Za-z0-9_.~-])/|/(?![A-Za-z0-9_.~-])")
"""The separator of each match of :data:`_SEPARATED` (one each, the blanks around it apart): a key
holds one item more than matches, counted with this pattern, which :mod:`re` skips to at once,
where ``_SEPARATED`` tries its blanks at every place (slow on a long unit)."""
_SHARE_TARGETS = LazyPattern(
    r"(?:[\s:：|｜,，/·•]*(?:on|to|via|this|article|story|post|page|facebook|twitter|x|reddit|google\+?|linkedin"
    r"|whatsapp|pinterest|tumblr|telegram|flipboard|messenger|line|e-?mail|print|copy\s+link|weibo|wechat|qq"
    r"|微信|微博|朋友圈|qq空间|豆瓣))+[\s:：]*"
)
"""The rest of a footer word's line when it is a share bar's list of networks (folded: ``share on:
facebook twitter reddit google+``, ``share this article via email``): the line is the bar however
long the list; any other word makes it a title that opens with the word."""
_FOOTER_HEAD_END = re.compile(r"[ :：|｜>》»(（,，]")
"""Where the first word of a key ends: a blank (the only one a key holds is a space) or a
separator."""


class Features(NamedTuple):
    """What is measured about one unit (a named tuple: a page builds one per unit, and a tuple
    is several times cheaper to build than a frozen dataclass of this size)."""

    key: str
    """The unit's text (its first :data:`CUE_SCAN_CHARS` characters) as cues are compared in:
    :func:`~bilingual_news.lexicon.fold`."""
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
    """Whether the unit opens with a rank number fused onto a title (``1意想不到的…``,
    ``2 走进老街…``): an item of a "most read" list."""
    is_url: bool
    """Whether the unit is a URL and nothing else."""
    url_has_path: bool
    """Whether that URL goes past the site's name to a page (``…/news/18408.html``): a bare
    site address is the footer's, not the article's own URL."""
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
    """The unit is a heading that opens a chrome section (``相关阅读``, ``Related stories``,
    ``More from <site>``), a comment section's among them."""
    comments_cue: bool
    """The unit is a heading that opens a comment section (``Leave a Reply``, ``12 Comments``,
    ``网友评论``)."""
    chrome_cue: bool
    """The unit contains a chrome phrase (a cookie banner, site copyright)."""
    prompt_cue: bool
    """The unit contains a phrase that is chrome when the line is not prose (an app prompt)."""
    metadata_field: str | None
    """The metadata field the unit starts with (``source`` for ``来源：``), if any; ``author``
    for a byline, ``published`` for a date field written without its colon (``Updated Nov 19,
    6:55 AM``), ``signature`` for a name with its role (``Dana Whitfield, AP Sports Writer``)."""
    metadata_fields: int
    """How many metadata fields (``来源：``, ``作者：``) stand anywhere in the unit, each after a
    blank or a bracket."""
    field_label: bool
    """Whether a metadata field word and its colon stand anywhere in the unit, even run on
    after other words (``部落格全站分類：``): the unit is a field, not a title."""
    credit: bool
    """The unit is a byline or credit line without a field colon (``By Jane Doe``,
    ``（记者 顾文涛）``)."""
    counter: bool
    """The unit is a view or read count (``阅读 539``, ``浏览量 2.4k``), or a short line with a
    reading time or a word count (``5 min read``, ``约 3200 字``)."""
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
    han_gaps: int
    """Blanks with a Han character on both sides: Chinese lists and menus are Han words
    spaced apart, while Chinese prose has blanks only around Latin words and numbers."""
    markup_share: float
    """Share of the unit's characters inside HTML tags or comments leaked by the scrape; 1 for a
    unit of leaked JSON data."""
    capital_share: float
    """Share of words (:attr:`ScriptCounts.latin_words`: Latin, Cyrillic, Greek...) that start with a
    capital: menus and titles are Title Case."""
    teaser_of: int
    """Index of a later unit this one is a truncated copy of, or -1."""


_new_features = cast("Callable[[type[Features], tuple[object, ...]], Features]", tuple.__new__)
"""``Features._make``'s own step, without the frame of ``_make`` around it (which checks the
length: the one call here gives every field)."""


def extract(units: tuple[Unit, ...]) -> tuple[Features, ...]:
    """Measure every unit: each distinct text once (:func:`_measure`), a repeated line's record
    shared, but for the teaser it copies (a teaser never copies itself)."""
    texts = [u.text for u in units]
    first = {texts[i]: i for i in range(len(texts) - 1, -1, -1)}  # each text's first unit
    distinct = list(first)
    keys = _keys(distinct)
    key_of = dict(zip(distinct, keys, strict=True))
    folded = [key_of[text] for text in texts]
    by_prefix: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(folded):
        if len(key) > TEASER_MIN_CHARS:
            by_prefix[key[:TEASER_KEY_CHARS]].append(i)
    records = _measure(distinct, keys, [first[text] for text in distinct], folded, by_prefix)
    record_of = dict(zip(distinct, records, strict=True))
    out = [record_of[text] for text in texts]
    for i, features in enumerate(out):
        if features.ends_ellipsis and i != first[texts[i]]:
            teaser_of = _teaser_of(i, features.key, folded, by_prefix)
            if teaser_of != features.teaser_of:
                out[i] = features._replace(teaser_of=teaser_of)
    return tuple(out)


def _key(text: str) -> str:
    """The unit's key: its text folded, or the text itself when folding leaves it as it was (a
    Chinese line mostly), so that the page does not hold a second copy of it."""
    key = fold(text[:CUE_SCAN_CHARS])
    return text if key == text else key


def _keys(texts: list[str]) -> list[str]:
    """``[_key(text) for text in texts]``, folded :data:`PHRASE_SCAN_KEYS` texts at a time: their
    heads joined by newlines are normalized and put in lower case at once, then split again, so
    that a page pays a few calls instead of a few per unit.

    The same keys: a newline is a character that NFKC leaves alone and never composes with
    (normalizing the joined text normalizes each text apart), that no character's NFKC form or
    lower case holds (``tests/test_performance_helpers.py`` checks every character), and that
    ends a Greek final sigma's context as a text's end does. A batch where a text holds a newline
    is folded text by text. Normalizing follows :func:`~bilingual_news.lexicon._nfkc`: the full-width
    forms replaced first, a head normalized in full (word by word:
    :func:`~bilingual_news.lexicon.nfkc_by_words`) only where the replacement is not NFKC."""
    keys: list[str] = []
    pattern, forms = _wide_forms()
    for first in range(0, len(texts), PHRASE_SCAN_KEYS):
        batch = texts[first : first + PHRASE_SCAN_KEYS]
        heads = [text[:CUE_SCAN_CHARS] for text in batch]
        joined = "\n".join(heads)
        if joined.count("\n") != len(heads) - 1:
            keys.extend(map(_key, batch))
            continue
        if not unicodedata.is_normalized("NFKC", joined):
            joined = pattern.sub(lambda m: forms[m.group()], joined)
            if not unicodedata.is_normalized("NFKC", joined):
                joined = "\n".join(
                    piece if unicodedata.is_normalized("NFKC", piece) else nfkc_by_words(head)
                    for piece, head in zip(joined.split("\n"), heads, strict=True)
                )
        for text, folded in zip(batch, joined.lower().split("\n"), strict=True):
            key = " ".join(folded.split())
            keys.append(text if key == text else key)
    return keys


def _with_phrases(keys: list[str], patterns: tuple[re.Pattern[str], ...]) -> set[int]:
    """The units whose key holds a cue phrase of any list (disclaimer, caption, chrome): one
    scan per pattern of the keys joined by newlines (:func:`_joined`, :func:`_hits`). A unit
    hit is searched list by list; a unit missed holds none of the phrases."""
    return _hits(_joined(keys), patterns)


def _joined(strings: list[str]) -> list[tuple[int, str, list[int]]]:
    """``strings`` joined by newlines :data:`PHRASE_SCAN_KEYS` at a time, so that a large page
    is not copied whole once more: ``(index of the batch's first string, the joined text, the
    offset of each string in it)``, for page-wide scans (:func:`_hits`)."""
    batches = []
    for first in range(0, len(strings), PHRASE_SCAN_KEYS):
        batch = strings[first : first + PHRASE_SCAN_KEYS]
        batches.append((first, "\n".join(batch), list(accumulate((len(k) + 1 for k in batch[:-1]), initial=0))))
    return batches


def _hits(batches: list[tuple[int, str, list[int]]], patterns: tuple[re.Pattern[str] | LazyPattern, ...]) -> set[int]:
    """The indices of the strings (joined by :func:`_joined`) in which one of ``patterns``
    finds something: one scan of the joined text per pattern, instead of one call per string.

    After a hit the scan goes on at the next string's start, so that every string in which a
    pattern finds a match inside the string alone is hit: the search from a string's start finds
    the leftmost match, at or before that one. A match may also run on over the newline into the
    next string (a pattern with ``\\s``), or an anchor read differently in the joined text, which
    can only add strings: the set is a cheap test in front of the per-unit pattern, true
    wherever that pattern can match provided ``patterns`` hold no ``^`` (a string's start is no
    line start to them) and no lookbehind past a string's start."""
    hit: set[int] = set()
    for first, joined, starts in batches:
        for pattern in patterns:
            pos = 0
            while (m := pattern.search(joined, pos)) is not None:
                k = bisect_right(starts, m.start()) - 1
                hit.add(first + k)
                if k + 1 >= len(starts):
                    break
                pos = starts[k + 1]  # one hit decides a unit: go on with the next one
    return hit


def _measure(
    texts: list[str], keys: list[str], at: list[int], folded: list[str], by_prefix: dict[str, list[int]]
) -> list[Features]:
    """The features of each of the page's distinct ``texts`` (``keys`` their keys, ``at`` the
    index of the first unit of each), in one loop: each cheap test stands inline in front of the
    pattern or helper it guards, which runs only where the test says it can find something."""
    cues = _cues()
    by_key = _joined(keys)
    phrases = _hits(by_key, cues.phrase_scans)
    # Cheap tests for the whole page at once (:func:`_hits`): the units in which a pattern that
    # was tried unit by unit can find something; it is tried on those only.
    separated_units = _hits(by_key, (_SEPARATOR_CHARS,))
    by_text = _joined(texts)
    credit_units = _hits(by_text, (_CREDIT_WORDS,))
    relative_units = _hits(by_key, (_RELATIVE_WORDS,))
    reading_units = _hits(by_key, (_READING_TIME_GATE,))
    wide = _has_wide_marks(by_text)
    nav, footer, footer_firsts = cues.nav, cues.footer, cues.footer_firsts
    field_openers, teaser, teaser_firsts = cues.field_openers, cues.teaser, cues.teaser_firsts
    class_of = class_strings(texts)
    scripts_of = count_scripts_each(class_of)  # the counts are the class string's: one per class string
    out: list[Features] = []
    for k, text in enumerate(texts):
        key = keys[k]
        size = len(key)
        cls = class_of[k]
        scripts = scripts_of[k]
        han, _, digits, latin_words, total, capital_words = scripts
        end = text[-1:]
        first = text[:1]
        key_first = key[:1]
        key_last = key[-1:]
        tail = text[-8:]
        ends_ellipsis = (
            end in _ELLIPSIS_LAST
            and ("…" in tail or "..." in tail or "。。。" in tail)
            and bool(_ELLIPSIS_END.search(tail))
        )
        sentence_end = end in _SENTENCE_MARK_CHARS or (end in _SENTENCE_END_LAST and bool(_SENTENCE_END.search(tail)))
        head = text[:CUE_SCAN_CHARS]
        separated = k in separated_units
        items = len(_SEPARATOR.findall(key)) + 1 if separated else 1  # len(_SEPARATED.split(key))
        # (No character but these four lowers to a string that starts with ``h`` or ``w``.)
        is_url = first in "hHwW" and text[:4].lower() in ("http", "www.") and bool(_URL.match(text))
        # _has_calendar_date finds nothing without one of these literals: only then is it called.
        has_date = bool(digits and ("19" in head or "20" in head or "前" in head or "ago" in key))
        if has_date:
            has_date = _has_calendar_date(head, key)
        # The cues of short lines (menus, fields, credits, footers): a long unit is prose.
        nav_cue = footer_cue = credit = counter = field_label = False
        metadata_field: str | None = None
        metadata_fields = 0
        if size <= METADATA_MAX_CHARS:
            if not has_date and k in relative_units:
                has_date = bool(_RELATIVE.search(key))
            if not has_date and size <= _SHORT_DATE_MAX_CHARS and digits and _SHORT_DATE.fullmatch(key):
                has_date = True
            byline = (
                not sentence_end
                and "by" in key
                and (bool(_BYLINE.match(text)) or (has_date and bool(_DATED_BYLINE.search(text))))
            )
            # A comment's header is a credit (a wall, as a byline is) but no author field of the page.
            comment_by = (
                has_date and ("said" in key or "says" in key or "wrote" in key) and bool(_COMMENT_BY.search(key))
            )
            spaced = " " in key
            word = key.partition(" ")[0] if spaced else key  # the key's first word
            nav_cue = (
                key in nav
                or (separated and _all_items_in(key, nav, separated))
                or (spaced and word in nav and (_all_items_in(key, nav, False) or _mostly_menu_words(text, key, nav)))
                or ("." in word and _menu_after_site_domain(text, key, nav))
                or (":" in key and key.partition(":")[0].rstrip() in cues.nav_labels)
                or (spaced and key[:6] == "go to " and bool(_GO_TO.fullmatch(key)))
                or (spaced and word in _TAB_WORDS and _tab_row(text, key))
            )
            footer_cue = key in footer or (
                (footer_firsts is None or key_first in footer_firsts) and _footer_cue(key, cues)
            )
            if field_openers is None or key_first in field_openers or key_first in _LEADING_MARK_CHARS:
                metadata_field = _metadata_field(key, cues)
            # The first of these rules that holds gives the field (none is tried once one has).
            if metadata_field is None:
                if byline:
                    metadata_field = "author"
                elif first in _DYNASTY_OPENERS and _DYNASTY_AUTHOR.match(text):
                    metadata_field = "author"  # ``〔宋〕 <name>``: a poem's author
                elif first == "#" and (_HASHTAG_ROW.fullmatch(text) or _HASHTAG_ALONE.fullmatch(text)):
                    metadata_field = "other"  # the post's tags
                elif (
                    not sentence_end
                    and end in _ROLE_LAST
                    and _ROLE_SEPARATOR.search(text)
                    and _may_open_with_capital(text, cls)
                    and _ROLE_BYLINE.match(text)
                ):
                    # Not a wall: a correspondent's signature also heads an analysis inside an article.
                    metadata_field = "signature"
                elif has_date and " this" in key and _FORGE_HEADER.match(text):
                    metadata_field = "published"
                elif (
                    digits
                    and not sentence_end
                    and (cls[-1:] == DIGIT_CLASS or end in _PAPER_AUTHORS_LAST)
                    and _PAPER_AUTHORS.match(text)
                ):
                    metadata_field = "author"
                elif first in "1(（" and _PAPER_AFFILIATIONS.match(text):
                    metadata_field = "other"
                elif digits and key_first in _DATED_FIELD_FIRST and _DATED_FIELD.match(key):
                    metadata_field = "published"
                elif has_date and _COUNT_THEN_DATE.match(key):
                    metadata_field = "views"  # ``35,482 views  Mar 3, 2024``: a video's or a post's header
                elif digits and _SEPARATOR_CHARS.search(key) and (stats := _media_stats(text)):
                    # ``Filmed May 2022 · 12:48 · 1,204,331 views``: a talk's line of figures, its
                    # views a field; ``45 min · May 2022``: an episode's, its month the date it aired.
                    # A full date and a running time only (``Feb 27, 2024 · 41 min``) stay a dated line.
                    if "count" in stats:
                        metadata_field = "views"
                    elif not has_date:
                        metadata_field = "published"
                    has_date = True
            if (":" in key or "：" in key) and cues.field_inside.search(key):
                # Every field a blank or a bracket opens (``fields_anywhere``) is a field inside.
                field_label = True
                metadata_fields = len(cues.fields_anywhere.findall(key))
            credit = (
                byline
                or comment_by
                # _credit(text), its cheap test made for the whole page
                or bool(han and (k in credit_units or not _CREDIT_OPENERS.isdisjoint(text[:2])) and _CREDIT.match(text))
            )
            counter = digits > 0 and (
                (key_first in _COUNTER_FIRST and bool(_COUNTER.match(key)))
                or (not sentence_end and k in reading_units and bool(_READING_TIME.search(key)))
            )
        chrome_cue = prompt_cue = False
        if (
            size <= METADATA_MAX_CHARS
            and key_first in _CHROME_LINE_FIRST
            and (digits or ":" in key or key.startswith(_UNMARKED_HEADS))
        ):
            chrome_cue = bool(_CHROME_LINE.match(key))
        disclaimer_cue = 0
        caption: re.Pattern[str] | None = None
        if k in phrases:  # a cue phrase stands in the key: which one
            if size <= CHROME_MAX_CHARS:
                chrome_cue = chrome_cue or bool(
                    cues.chrome.search(key) or (han > latin_words and cues.chrome_han.search(key))
                )
                prompt_cue = bool(cues.prompt.search(key))
            disclaimer_cue = len(cues.disclaimer.findall(key))
            caption = cues.caption
            if (
                not credit
                and size <= WIRE_CREDIT_MAX_CHARS
                and (key.startswith(_WIRE_CREDIT_OPENERS) or "contributed" in key)
            ):
                credit = bool(_WIRE_CREDIT.search(key))
        if size <= CHROME_MAX_CHARS and key.startswith("follow "):
            prompt_cue = prompt_cue or bool(_FOLLOW.match(text))
        heading: str | None = None  # the key as a section heading is looked up (short keys only)
        if size <= SECTION_MAX_CHARS:
            heading = _section_key(key) if key_last in _SECTION_TAIL_LAST else key
        comments_cue = (heading is not None and heading in cues.comments) or (
            size <= COMMENT_LINE_MAX_CHARS and key_first in _COMMENT_LINE_FIRST and _comment_line(key)
        )
        section_cue = (
            comments_cue
            or (heading is not None and heading in cues.section)
            or (size <= SECTION_LINE_MAX_CHARS and key_first in _SECTION_LINE_FIRST and _section_line(key))
        )
        # In the order of the fields, as one tuple: several times faster than a keyword call.
        out.append(
            _new_features(
                Features,
                (
                    key,  # key
                    total,  # chars
                    scripts,  # scripts
                    _sentence_marks(text, wide),  # sentence_marks
                    sentence_end and not ends_ellipsis,  # ends_sentence
                    ends_ellipsis,  # ends_ellipsis
                    ends_ellipsis and bool(_TRUNCATED.search(tail)),  # truncated
                    digits > 0 and first in _RANK_FIRST and bool(_RANKED.match(text)),  # ranked
                    is_url,  # is_url
                    is_url and _url_has_path(text),  # url_has_path
                    has_date,  # has_date
                    _date_share(text, total) if has_date and size <= METADATA_MAX_CHARS else 0.0,  # date_share
                    nav_cue,  # nav_cue
                    footer_cue,  # footer_cue
                    section_cue,  # section_cue
                    comments_cue,  # comments_cue
                    chrome_cue,  # chrome_cue
                    prompt_cue,  # prompt_cue
                    metadata_field,  # metadata_field
                    metadata_fields,  # metadata_fields
                    field_label,  # field_label
                    credit,  # credit
                    counter,  # counter
                    disclaimer_cue,  # disclaimer_cue
                    (teaser_firsts is None or key_first in teaser_firsts)
                    and key.startswith(teaser)
                    and _teaser_cue(key, teaser),  # teaser_cue
                    (
                        key.startswith(cues.caption_prefix.get(key_first, ()))
                        or caption is not None
                        or (
                            key_last in cues.caption_lasts
                            and (stem := key.rstrip("。.")).endswith(cues.caption_suffix.get(stem[-1:], ()))
                        )
                        or "/" in text[-80:]
                        or (
                            end in _PHOTO_CREDIT_LAST
                            and (text[-2:-1] == "摄" or _PHOTO_WORD.search(text[-80:]) is not None)
                        )
                        or end.isspace()
                    )
                    and _caption_cue(key, text, cues, caption),  # caption_cue
                    items,  # items
                    (total if len(text) <= CUE_SCAN_CHARS else len("".join(key.split()))) / items,  # item_chars
                    han_gaps(cls) if han and " " in text and _han_before_blank(cls) else 0,  # han_gaps
                    1.0
                    if first in _JSON_FIRST and _json_data(head)
                    else (_markup_share(text, total) if "<" in head else 0.0),  # markup_share
                    capital_words / latin_words if latin_words else 0.0,  # capital_share
                    _teaser_of(at[k], key, folded, by_prefix) if ends_ellipsis else -1,  # teaser_of
                ),
            )
        )
    return out


def _may_open_with_capital(text: str, cls: str) -> bool:
    """Whether ``text`` may be what :data:`_ROLE_BYLINE` matches, which opens with ``by`` or a
    capital (``\\p{Lu}`` to ``regex``, whose Unicode may be newer than :meth:`str.isupper`'s: a
    character outside ASCII is ruled out only by its class, :data:`_NO_CAPITAL_CLASSES`)."""
    first = text[:1]
    if first.isascii():
        return first.isupper() or first == "b"
    return cls[:1] not in _NO_CAPITAL_CLASSES


def _comment_line(key: str) -> bool:
    """Whether the key is a comment section's heading with a count (:data:`_COMMENT_LINE`),
    tried only where one of its words stands."""
    return _COMMENT_WORD.search(key) is not None and bool(_COMMENT_LINE.match(key))


def _section_line(key: str) -> bool:
    """Whether the key is an English heading that names its site or section (:data:`_SECTION_LINE`)."""
    return key.startswith(_SECTION_HEADS) and bool(_SECTION_LINE.match(key.rstrip(".… ")))


def _han_before_blank(cls: str) -> bool:
    """Whether a class string has a Han character before a blank, which every gap that
    :func:`~bilingual_news.scripts.han_gaps` counts starts with."""
    return HAN_CLASS + SPACE_CLASS in cls or HAN_MARK_CLASS + SPACE_CLASS in cls


def _sentence_marks(text: str, wide: bool = True) -> int:
    """Sentence marks: ``。！？；`` anywhere, counted with :meth:`str.count`, the full-width full
    stop ``．`` that some writers end Chinese sentences with (not after a digit: ``3．5``, ``1．``),
    and the Latin ones that end a sentence (:data:`_LATIN_SENTENCE_MARK`). ``wide``: whether the
    text may hold one of the full-width marks (false when the page holds none:
    :func:`_has_wide_marks`)."""
    marks = 0
    if wide and not text.isascii():  # (a flag of the string: no scan)
        marks = text.count("。") + text.count("！") + text.count("？") + text.count("；")
        if "．" in text:
            marks += len(_FULLWIDTH_STOP.findall(text))
    if "." in text or "!" in text or "?" in text:
        marks += len(_LATIN_SENTENCE_MARK.findall(text))
    return marks


_WIDE_MARKS = "。！？；．"
"""The full-width sentence marks :func:`_sentence_marks` counts."""


def _has_wide_marks(batches: list[tuple[int, str, list[int]]]) -> bool:
    """Whether the texts joined in ``batches`` (:func:`_joined`) hold a full-width sentence mark
    (:data:`_WIDE_MARKS`): a Chinese page's first sentence ends the search; on a page in other
    scripts, one scan per mark saves the page's units theirs."""
    return any(mark in joined for _, joined, _ in batches for mark in _WIDE_MARKS)


def _has_calendar_date(head: str, key: str) -> bool:
    """A calendar date with its year, or a relative time (:data:`_DATE`, :data:`_CALENDAR`); every
    date :data:`_DATE` knows has a year that starts ``19`` or ``20``, and :data:`_CALENDAR`'s
    times end in ``前`` or ``ago``."""
    if ("19" in head or "20" in head) and _YEAR.search(head) and _DATE.search(head):
        return True
    return ("前" in head or "ago" in key) and bool(_CALENDAR.search(head))


def _credit(text: str) -> bool:
    """Whether the text is a reporter's or photographer's credit (:data:`_CREDIT`)."""
    if _CREDIT_WORDS.search(text) is None and _CREDIT_OPENERS.isdisjoint(text[:2]):
        return False
    return bool(_CREDIT.match(text))


def _section_key(key: str) -> str:
    """The key as a section heading is looked up: without its tail (``:``, ``更多``, ``>>``)."""
    if key[-1:] in _SECTION_TAIL_LAST:
        return str(_SECTION_TAIL.sub("", key).strip())
    return key


@dataclass(frozen=True, slots=True)
class _Cues:
    """The cue lexicons, compiled once per process: phrase lists to one pattern each (a unit is
    scanned once per list, not once per phrase), word lists to sets."""

    disclaimer: re.Pattern[str]
    """The disclaimer phrases as a trie (:func:`~bilingual_news.lexicon.trie_pattern`), which
    finds at each place the phrase a longest-first alternation finds, so the same matches."""
    caption: re.Pattern[str]
    chrome: re.Pattern[str]
    chrome_han: re.Pattern[str]
    prompt: re.Pattern[str]
    phrase_scans: tuple[re.Pattern[str], ...]
    """Every phrase of the five lists above, as trie-shaped patterns (one branch per next
    character, which :mod:`re` scans several times faster than a flat alternation), one per
    group of :func:`_phrase_groups`: each skips to the characters its phrases start with, fast."""
    nav: frozenset[str]
    nav_labels: frozenset[str]
    """The navigation labels (``当前位置``, ``正在阅读``, folded): a line that opens with one and a
    colon is a breadcrumb or a reading bar, whole when too little follows to split a title off."""
    footer: frozenset[str]
    footer_firsts: frozenset[str] | None
    """The characters the footer phrases start with (a key that starts with none of them is no
    footer phrase and opens with none), or ``None`` when a phrase is empty and any key may."""
    footer_han: dict[str, tuple[str, ...]]
    """The Chinese footer phrases of three characters or more, which open a line of chrome even
    with more words run on after them, by their first character."""
    section: frozenset[str]
    comments: frozenset[str]
    teaser: tuple[str, ...]
    teaser_firsts: frozenset[str] | None
    """The characters the teaser labels start with, or ``None`` when a label is empty."""
    caption_prefix: dict[str, tuple[str, ...]]
    """Caption cues a key starts with, by their first character."""
    caption_suffix: dict[str, tuple[str, ...]]
    """Caption cues a key ends with (a photographer's credit), by their last character."""
    caption_lasts: frozenset[str]
    """The last characters of the caption cues a key ends with, and the ``。`` and ``.`` after
    them: a key that ends with none of them ends with no such cue."""
    field_start: re.Pattern[str]
    """A field cue and its colon at a key's start, or a cue that needs no colon (group ``cue`` or
    ``bare``). Matched on every short unit, so a trie for :mod:`re`: it finds the cue a
    longest-first alternation finds (cues that match at one place are prefixes of each other,
    tried longest first either way), and in a key the only blank is a space, which ``\\s`` is to
    both engines."""
    field_openers: frozenset[str] | None
    """The characters the cues start with (a key that starts with none of them opens no field),
    or ``None`` when a cue is empty and any key may."""
    fields: dict[str, str]
    """The field each cue feeds."""
    bare: frozenset[str]
    """The cues that need no colon (``综合整理自``)."""
    fields_anywhere: regex.Pattern[str]
    """A field cue and its colon after a blank or a bracket (``2024-05-13 作者：曹磊 来源:东方网``)."""
    field_inside: re.Pattern[str]
    """A field cue and its colon anywhere at all."""


def _by_first(words: Iterable[str], *, last: bool = False) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by their first (or ``last``) character, in their order: a key starts
    (ends) with one of them only if it does with one of its first (last) character's group, which
    one dictionary lookup finds before a short :meth:`str.startswith`."""
    groups: dict[str, list[str]] = defaultdict(list)
    for word in words:
        if not word:
            raise ValueError("a cue list holds an empty cue, which every text would start and end with")
        groups[word[-1] if last else word[0]].append(word)
    return {char: tuple(group) for char, group in groups.items()}


def _phrase_groups(phrases: Iterable[str]) -> list[list[str]]:
    """The phrases in groups, each scanned by a pattern of its own: those that start with each
    ASCII letter, those that start with another ASCII character, those that start with any other.

    A pattern skips to the characters its phrases start with through a set of them, which
    :mod:`re` tests fast for ASCII characters or for others, but not for the two mixed (a scan
    twice as slow); where it stops, it tries a branch per first character. Letters are most of
    an English text: one pattern of every letter's phrases stops at nearly every character and
    tries a branch for each letter there, while one per letter skips to that letter at C speed
    (a scan of the page per letter, and yet several times faster)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for phrase in phrases:
        first = phrase[:1]
        group = first if first.isascii() and first.isalpha() else "ascii" if first.isascii() else "other"
        groups[group].append(phrase)
    return [groups[name] for name in sorted(groups)]


@functools.cache
def _cues() -> _Cues:
    lex = lexicon()
    field_cues = [c for _, c in lex.metadata]
    alternation = "|".join(regex.escape(c) for c in field_cues)
    every_cue = [*field_cues, *(c for _, c in lex.metadata_bare)]
    every_phrase = (
        *lex.disclaimer,
        *lex.caption_contains,
        *lex.chrome,
        *lex.chrome_han,
        *lex.chrome_short,
        *_CREDIT_WORDS_SCANNED,
    )
    return _Cues(
        disclaimer=re.compile(trie_pattern(lex.disclaimer)),
        caption=re.compile(trie_pattern(lex.caption_contains)),
        chrome=re.compile(_phrases(lex.chrome)),
        chrome_han=re.compile(_phrases(lex.chrome_han)),
        prompt=re.compile(_phrases(lex.chrome_short)),
        phrase_scans=tuple(re.compile(trie_pattern(group)) for group in _phrase_groups(every_phrase)),
        nav=lex.nav,
        nav_labels=frozenset(map(fold, lex.nav_label)),
        footer=lex.footer,
        footer_firsts=_firsts(lex.footer),
        footer_han=_by_first(w for w in lex.footer if len(w) >= FOOTER_PREFIX_MIN_CHARS and HAN.match(w)),
        section=lex.section,
        comments=lex.comments,
        teaser=lex.teaser,
        teaser_firsts=_firsts(lex.teaser),
        caption_prefix=_by_first(lex.caption_prefix),
        caption_suffix=_by_first(lex.caption_suffix, last=True),
        caption_lasts=frozenset(_by_first(lex.caption_suffix, last=True)) | {"。", "."},
        field_start=re.compile(
            rf"(?:(?P<cue>{trie_pattern(field_cues)})(?:\s*[:：]|\s*(?:>>|»)|$)"
            rf"|(?P<bare>{trie_pattern(c for _, c in lex.metadata_bare)}))"
        ),
        field_openers=_firsts(every_cue),
        fields={c: f for f, c in (*lex.metadata, *lex.metadata_bare)},
        bare=frozenset(c for _, c in lex.metadata_bare),
        fields_anywhere=regex.compile(rf"(?:^|(?<=[\s|｜/(（【\[\]】)）,，;；]))(?:{alternation})\s*[:：]"),
        # A Latin cue starts a word (``Dear Abby:`` holds no ``by:`` field); a Han one runs on.
        field_inside=re.compile(rf"(?:{_inside_cues(field_cues)})\s*[:：]"),
    )


def _inside_cues(cues: list[str]) -> str:
    """The field cues as they may stand anywhere in a key: a Latin cue starts a word (``Dear
    Abby:`` holds no ``by:`` field), a Han one runs on. Grouped by their first character, which
    each branch opens with: the Latin cue's word start is tested after it (that the character
    before it and it are not a letter or digit and it), so that every branch opens with a
    literal, which lets :mod:`re` skip to the characters the cues start with instead of trying
    every place (a lookbehind first would make it try every place)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for cue in cues:
        if not cue:
            return "(?:)"  # an empty cue stands everywhere
        groups[cue[0]].append(cue[1:])
    branches = []
    for char, rests in sorted(groups.items()):
        start = re.escape(char)
        if char.isascii():
            start += rf"(?<![^\W_]{re.escape(char)})"
        branches.append(start + (f"(?:{trie_pattern(rests)})" if any(rests) else ""))
    return "|".join(branches) or "(?!)"


def _firsts(words: Iterable[str]) -> frozenset[str] | None:
    """The characters ``words`` start with, or ``None`` when one is empty (every text starts
    with it): a text that starts with none of the characters starts with none of the words."""
    words = list(words)
    return frozenset(w[0] for w in words) if all(words) else None


def _phrases(cues: tuple[str, ...]) -> str:
    """A pattern of chrome phrases (for :mod:`re`, tries of them) in which a Chinese phrase must
    not run on into more Han characters: ``版权所有`` marks a copyright line, ``版权所有者`` is a
    word of the text. Only searched (whether a phrase stands in a key, not which one): any order
    of the phrases finds one where one stands."""
    han = tuple(c for c in cues if HAN.match(c[-1]))
    other = tuple(c for c in cues if not HAN.match(c[-1]))
    parts = [f"(?:{trie_pattern(han)})(?!{han_class()})"] if han else []
    if other:
        parts.append(trie_pattern(other))
    return "|".join(parts) or "(?!)"


def _url_has_path(text: str) -> bool:
    """Whether a URL (the whole unit) goes past the site's name."""
    rest = text.split("//", 1)[-1]
    return bool(rest.partition("/")[2].strip("/"))


def _json_data(head: str) -> bool:
    """Whether a unit is a script's JSON data leaked into the page's text (a player's transcript,
    a framework's page state): it opens like JSON, names :data:`JSON_MIN_KEYS` keys or more, and
    carries :data:`JSON_MIN_SENTENCES` sentences or more as values."""
    return (
        bool(_JSON_OPEN.match(head))
        and len(_JSON_KEY.findall(head)) >= JSON_MIN_KEYS
        and len(_JSON_PROSE_VALUE.findall(head)) >= JSON_MIN_SENTENCES
    )


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


def _all_items_in(key: str, words: frozenset[str], separated: bool) -> bool:
    """Whether every item (``|``-separated, else blank-separated) of the key is one of ``words``;
    ``separated``: whether the key holds a separator at all."""
    if key in words:
        return True
    if separated:
        items = [p for p in _SEPARATED.split(key) if p]
        if len(items) > 1 and all(p in words for p in items):
            return True
    if " " not in key:
        return False  # one token: the key itself
    tokens = key.split()
    return len(tokens) > 1 and all(t in words for t in tokens)


def _mostly_menu_words(text: str, key: str, nav: frozenset[str]) -> bool:
    """Whether a line is a menu of capitalised words of which the lexicon knows at least
    :data:`MIN_MENU_WORD_SHARE`: a site's section menu (``World UK England Wales Politics``)
    holds place and section names no lexicon lists. A title has a word in lower case (a
    function word in Title Case, every word but the first in sentence case), so a line without
    one, of :data:`MIN_MENU_LINE_WORDS` words or more, is a title only if it is not mostly menu."""
    words = text.split()
    if len(words) < MIN_MENU_LINE_WORDS or not all(w[:1].isupper() for w in words):
        return False
    keys = key.split()
    known = sum(1 for w in keys if w in nav)
    if len(words) >= LONG_MENU_LINE_WORDS and keys[-1] in nav and all(w.isalpha() for w in words):
        # Five bare capitalised words or more (no sentence's shape), opened and closed by a menu
        # word (``Home … About``, ``Home … Shop``): a menu on fewer known items. A title set with
        # every word capitalised may open with a section's word; it seldom closes with one too.
        return known >= max(2.0, LONG_MENU_WORD_SHARE * len(words))
    return known >= MIN_MENU_WORD_SHARE * len(words)


_SITE_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}")
"""A site's domain as its logo text prints it (``ENGLISH.NEWS.CN``, ``ecns.cn``; in a key, lower case)."""


def _menu_after_site_domain(text: str, key: str, nav: frozenset[str]) -> bool:
    """Whether a line is a menu opened by the site's domain as its logo text (``ENGLISH.NEWS.CN
    Home China World Business``): English editions of Chinese portals and state media print the
    domain at the head of their section menu, and the dump joins the two. No lexicon lists the
    domain, so the menu is judged by what follows it, as a line that opens with a menu word is."""
    site, _, rest_key = key.partition(" ")
    if not rest_key or _SITE_DOMAIN.fullmatch(site) is None or rest_key.partition(" ")[0] not in nav:
        return False
    if _all_items_in(rest_key, nav, False):
        return True
    # As :func:`_mostly_menu_words`, where a menu word may be Chinese (``首页``): no capital.
    words = text.split()[1:]
    keys = rest_key.split()
    if len(words) < MIN_MENU_LINE_WORDS or len(keys) != len(words):
        return False
    if not all(w[:1].isupper() or k in nav for w, k in zip(words, keys, strict=True)):
        return False
    return sum(1 for k in keys if k in nav) >= MIN_MENU_WORD_SHARE * len(words)


_LAST_ITEM = re.compile(r"[,| ]\s*([^,| ]+)$")
"""The last item of a line after a comma, a bar or a blank (in a key: NFKC folds ``，`` to ``,``)."""


def _footer_cue(key: str, cues: _Cues) -> bool:
    """The unit is a footer phrase, or opens with one and a separator (``下一篇：<title>``,
    ``分享到：微信``). An English word before a long rest (``Report: China's exports rose``) is
    the title's own first word, so a long rest needs a Chinese cue, or to be the share bar's list
    of networks (``Share on: Facebook Twitter Reddit``, :data:`_SHARE_TARGETS`)."""
    words = cues.footer
    if key in words:
        return True
    if len(key) <= FOOTER_PREFIX_MAX_CHARS and key.startswith(cues.footer_han.get(key[:1], ())):
        return True  # ``上一篇文章``, ``相关文章推荐``: a Chinese footer phrase run on
    # The phrase closing the line is Chinese (``footer_han``): an ASCII key holds none.
    if len(key) <= FOOTER_PREFIX_MAX_CHARS and not key.isascii() and (last := _LAST_ITEM.search(key)) is not None:
        tail = last.group(1)
        if len(tail) >= FOOTER_PREFIX_MIN_CHARS and tail in cues.footer_han.get(tail[:1], ()):
            return True  # ``返回搜狐，查看更多``: a short line that closes with a Chinese footer phrase
    first = _FOOTER_HEAD_END.search(key)
    if first is None:
        return False  # one word, and not a footer phrase
    head = key[: first.start()]
    if head not in words:
        return False
    rest = len(key) - len(head)
    return rest <= FOOTER_REST_CHARS or bool(HAN.search(head)) or bool(_SHARE_TARGETS.fullmatch(key, len(head)))


ALONE_BYLINE = frozenset({"by", "written by", "posted by", "created by"})
"""Author cues that, alone on their line without a colon, are a byline all the same: a template
sets ``By`` and the author's linked name on two lines, and the English word is a byline's and no
menu's or button's (a Chinese ``作者`` alone may be a tab's or a button's)."""
_ALONE_AS_MENU = frozenset({"categories"})
"""Field cues that, alone on their line without a colon, are a blog menu's or a sidebar's item
(WordPress, Hexo and Hugo themes show ``Categories`` as both), not the post's field, which
carries its values (``Categories: News, Travel``)."""
_ALONE_AS_WORD = frozenset({"in"})
"""Field cues that are a word of a sentence too: alone on their line without a colon, a word of a
line the scrape broke at a link (``Posted`` / ``in`` / ``News``), never a field's label, which
carries its colon (a wiki's ``in: Locations, Chapter 2``)."""
_ALONE_AS_HEADING = frozenset({"原文", "英文原文", "中文原文", "日文原文", "法文原文", "德文原文"})
"""Field cues that, alone on their line without a colon, head a version of the text on a
bilingual or translation page (``英文原文`` over the original, ``中文译文`` over the translation),
not the original's field, which names it (``英文原文：<publication>``, ``原文：<title>``)."""


def _metadata_field(key: str, cues: _Cues) -> str | None:
    """The field a metadata line opens with the cue of, or ``None``."""
    stripped = _LEADING_MARKS.sub("", key) if key[:1] in _LEADING_MARK_CHARS else key
    openers = cues.field_openers
    m = cues.field_start.match(stripped) if openers is None or stripped[:1] in openers else None
    if m is None:
        return None
    cue = m.group("cue") if m.group("cue") is not None else m.group("bare")
    field = cues.fields[cue]
    # A cue word alone on its line is a label only for tags (``标签``, ``Tags``) or with its colon
    # (``作者:``, its value on the next line, as a documentation page's field list sets it):
    # ``编辑`` alone is a forum's edit button.
    if m.end() < len(stripped) or cue in cues.bare or stripped[-1:] in ":：":
        return field
    if field == "other" and cue not in _ALONE_AS_MENU and cue not in _ALONE_AS_HEADING and cue not in _ALONE_AS_WORD:
        return field
    if cue in ALONE_BYLINE:
        return field  # ``By`` alone: a byline set on two lines, the name a link on the next
    return None


def _teaser_cue(key: str, teaser: tuple[str, ...]) -> bool:
    stripped = _LEADING_MARKS.sub("", key[:40])
    return any(stripped.startswith(cue) and _FIELD_COLON.match(stripped, len(cue)) for cue in teaser)


def _caption_cue(key: str, text: str, cues: _Cues, contains: re.Pattern[str] | None) -> bool:
    """A caption phrase at the start, inside (``contains``; ``None`` when the page scan found no
    phrase in the unit) or at the end, or a photo credit. Called only where one of these can
    stand: the key starts with a prefix, or ends with a suffix's last character, or the text
    ends with a bracket or a blank, or has a slash in its last 80 characters, or the page scan
    found a phrase or a credit word in it (:data:`_CREDIT_WORDS_SCANNED`)."""
    if key.startswith(cues.caption_prefix.get(key[:1], ())) or (contains is not None and contains.search(key)):
        return True
    tail = key.rstrip("。.")  # a key ends with no blank (fold joins its words with single ones)
    suffixes = cues.caption_suffix.get(tail[-1:], ())
    if tail.endswith(suffixes):
        for cue in suffixes:
            if tail.endswith(cue):
                before = tail[: -len(cue)]
                # A one-character credit (``摄``) needs a blank before it: ``周斌 摄``, not ``拍摄``.
                if len(cue) > 1 or not before or before[-1].isspace():
                    return True
    end = text[-80:].rstrip()
    if contains is not None and _CREDIT_TAIL.search(end):  # a credit word stands in the unit
        return True
    if "/" not in end and (
        end[-1:] not in _PHOTO_CREDIT_LAST or (end[-2:-1] != "摄" and _PHOTO_WORD.search(end) is None)
    ):
        return False  # a photo credit has a slash, or closes a bracket after 摄 or a photo's word
    if _SECTION_PATH.fullmatch(text) is not None or _menu_path(key, cues.nav):
        return False  # ``CHINA / SOCIETY``, ``Hong Kong / Society``: a section path
    return bool(_PHOTO_CREDIT.search(end))


SECTION_PATH_MAX_PARTS = 3
"""Most levels of a section path over a title (``Hong Kong / Society``): a site's section and
its subsection, perhaps under the edition."""
SECTION_PATH_MAX_WORDS = 3
"""Most words of one level of a section path (``Hong Kong``, ``Asia Pacific``)."""


def _menu_path(key: str, nav: frozenset[str]) -> bool:
    """Whether the folded ``key`` is a section path that ends in a menu word (``hong kong /
    society``, ``world / asia``): levels of a few words joined by slashes, the last one a
    section's name. A picture's credit shaped alike ends in an agency's or a paper's name
    (``Ann Lee / The Harbour Times``), which no menu lists."""
    parts = key.split("/")
    return (
        2 <= len(parts) <= SECTION_PATH_MAX_PARTS
        and parts[-1].strip() in nav
        and all(1 <= len(part.split()) <= SECTION_PATH_MAX_WORDS for part in parts)
    )


def _teaser_of(i: int, key: str, folded: list[str], by_prefix: dict[str, list[int]]) -> int:
    stem = _ELLIPSIS_END.sub("", key).rstrip()
    if len(stem) < TEASER_MIN_CHARS:
        return -1
    for j in by_prefix.get(stem[:TEASER_KEY_CHARS], ()):
        if j != i and len(folded[j]) > len(stem) and folded[j].startswith(stem):
            return j
    return -1
