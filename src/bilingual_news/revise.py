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

import bisect
import itertools
import math
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import regex

from bilingual_news._lazy import LazyPattern
from bilingual_news.features import ALONE_BYLINE, CUE_SCAN_CHARS, RANKING_HEADS, Features
from bilingual_news.label import Guess, Quality, size
from bilingual_news.language import HAN_LETTER_WEIGHT
from bilingual_news.lexicon import fold, word_set
from bilingual_news.model import BODY_KINDS, Kind
from bilingual_news.scripts import ScriptCounts
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
CONTINUES_GAP_MAX = 24
"""Most units between two body-like units that a marker that the text goes on (``Story
continues below advertisement``, ``继续阅读``: ``label._CONTINUES``) bridges: the marker, the
ad's or gallery's lines and the quote widget around it cost as bridged units, so the region
runs across them to the text the marker promises, instead of stopping at the first paragraph.
A wall in the gap still stops it; a longer gap is more than an ad slot."""
WALL_FIELDS = frozenset({"source", "author", "editor", "original_title"})
"""Metadata fields whose line is a wall: they head or close an article. A lone ``时间：`` or
``阅读 539`` can be a line of an event listing or a counter inside one."""
_TRANSLATOR_CREDIT = re.compile(r"\s*(?:译者|譯者|翻译|翻譯|translated by\b|translators?\b|translation\b)")
"""The opening of a translator's credit (folded: lower case), an ``author`` field that is no
wall: it stands inside a translated text's page, between the translation and what goes with it
(notes, a glossary, the original), not at the edge of one article and the next."""
TWIN_NEAR = 10
"""Units within which a paragraph shown again is its twin (a gallery's caption, twice)."""
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
MIN_TRANSLATED_PAIRS = 3
"""Lines each followed by its translation (:func:`_line_and_translation`) that make a run of
running text, however few its lines: a poem, lyrics, a phrase list or subtitles given line by
line in both languages (a quatrain with its version is four pairs). A menu or a footer never
translates itself line by line, so three such pairs are text where eight lines of one language
are needed."""
TRANSLATED_LINE_MIN_HAN = 4
"""Han characters from which a short line next to its translation can be running text: a line of
a classical poem has five or seven, a phrase three or more; the translation is the evidence."""
TRANSLATED_LINE_MIN_WORDS = 3
"""English words from which a short line next to its translation can be running text (two-word
menu items, ``About us`` under ``关于我们``, stay out)."""
TEXT_LINE_MAX_ITEMS = 2
"""Items (``a > b > c``, ``a | b | c``) above which a short line is a breadcrumb or a row of
links, not a line of running text: a verse may hold one slash (two half-lines), a path of the
site's sections holds two separators or more."""
TEXT_LINE_WEIGHT = 0.3
"""What a text line in a run adds per unit of size: less than a sentence, since link titles
can run as long."""
SECTION_LIST_MIN_LINES = 5
"""Text lines before any prose under a chrome section's heading (``Most read``, ``Must watch``)
from which they are its list of link titles: such widgets list five stories or more, while a
box that cuts an article has the text's next line or two (a lead-in, a subheading) under it."""

BIO_SCAN = 4
"""Units at the article's end searched for the author's note: it closes the text."""
LIST_MIN_ITEMS = 3
"""Items of a list after the article's text from which the list is the article's (tour dates,
a numbered list of picks the last paragraph announces): fewer can be a related-links box."""
LIST_MAX_FOLLOWERS = 1
"""Units an item of such a list may carry under it before the next item (its link)."""

WORD_BOX_MIN_ENTRIES = 2
"""Gloss entries in a row (``sleeper n. 卧铺车厢``) from which they are a study page's word box
inside its text (between the English article and its translation): footer, as the box after the
text is; one such line alone may be a sentence's phrase and its gloss set as a heading."""
HEADING_LIST_MIN_ITEMS = 3
"""Lines shaped as headings in a row under a heading, from which they are the items of its list
(a call for papers' topics, an exhibition's sections named in both languages on one line): a text
sets its headings apart with paragraphs, never three back to back; two may be one heading given
in both languages."""

# ------------------------------------------------------------------------------ article
MAX_CANDIDATES = 6
"""Stretches between walls (the best-scoring first) weighed as the article."""
MIN_ARTICLE_SCORE = 40.0
"""Least body score a stretch needs to be weighed against the best one: a post of two
sentences."""
HEADER_MARGIN = 3.0
"""How much stronger a smaller stretch's header must be than the best stretch's to take the
article from it: one strong headline cue (metadata after the title, the title repeated)."""
HEADER_PER_DOUBLING = 1.5
"""How much stronger still the smaller stretch's header must be for each doubling of the best
stretch's score over its own: a banner can outweigh a forum post a few times over, but a
sidebar item with a title-like line above it must not take the article from twenty long
paragraphs (seen on news, blog and portal pages alike)."""
MAX_BOX_UNITS = 8
"""Most units of a box inside an article (a label, a few link titles, a picture's caption): a
related-stories section after the article is longer, or goes on with excerpts."""
CAPS_LINK_MIN_WORDS = 8
"""English words from which a short line inside the text written all in capitals is a link to
another story (news templates set their in-text related links so: ``LAUREN ALAINA SAYS 'DWTS'
HAS HELPED HER LOSE 25 POUNDS``), where a heading in capitals is a few words (``GIVING THE GIFT
OF HOMEMADE JAM``)."""
CAPS_QUOTED_MIN_WORDS = 5
"""English words from which such a line with a quotation or a colon in it is a link all the
same (``SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'``)."""
_CAPS_QUOTE = re.compile(r"['‘’\"“”:]")
BOX_LABEL_MAX_CHARS = 30
"""Longest line that is a box's label alone (``Don't miss``, ``Related articles``, ``相关阅读``):
a longer line that opens with such a word is a sentence or a title."""
BOX_LABEL_SCAN = 40
"""Characters of a unit searched for the word of a comment section."""
MIN_CONTENTS_COPIES = 3
"""Lines in a row repeating the text's own lines from which they are a table of contents, not a
heading quoted again."""
LISTED_HEADING_MAX_SIZE = 60.0
"""Largest size of a body unit a table of contents can name as a heading: a question of an
interview, not a paragraph."""
MIXED_TITLE_WORD_HAN = 2
"""Han characters an English word counts for in a Chinese title that holds it (a product's or a
tool's name, common in technical blogs and docs), in its shape (:data:`MIXED_TITLE_MIN_HAN`) and
in its length: a Chinese word is about two characters, so a title of six characters and two
names is as long as one of ten characters."""
VERSION_MIN_SHARE = 0.8
"""The least share of one version's letters (Han weighed) in its own script: a Chinese text
quotes English names and terms, not whole English paragraphs."""
VERSION_MIN_RATIO = 0.5
"""The smallest length of one version over the other's (weighed letters): a translation runs
about as long as its original; a short English heading over a few lines is no version."""
BILINGUAL_BODY_MIN_SHARE = 0.3
"""The least share of a body's letters (a Han character weighed as in language identification)
each language must hold for the body to be a text with its translation, whose first paragraph
says which is the original (a parallel page's bodies hold 40 to 60 % of each; a Chinese post
quoting English lines holds far less)."""
MIN_LETTERS_PER_HAN = 1.0
"""Fewest Latin letters per Han character of an English title and its Chinese translation (an
English title runs two to four letters a character; a menu word over a long Chinese title is
far shorter)."""
MAX_LETTERS_PER_HAN = 6.0
"""Most Latin letters per Han character of a title and its translation."""
TITLE_CASE_MAX_LETTERS_PER_HAN = 7.5
"""Most Latin letters per Han character of a title and its English translation in Title Case
(:func:`_title_cased`): a Chinese statute's or an official document's title is dense (eleven
characters for a regulation's) and its English one long (``Regulations of … on the Protection of
…``, near seven letters a character); a dek is written in sentence case. Not more: a poster's
name of five characters under a ten-word English title runs eight letters a character."""
HEADER_LOOKBACK = 12
"""Units above a stretch searched for its header, buttons and menu words not counted."""
MIN_BAR_BUTTONS = 3
"""Buttons and menu words between a title and its text from which they are a share bar, not
counted in the title's distance to the text; a lone ``Print`` or ``广告`` still counts."""
HEADER_SCAN = 40
"""Units above a stretch looked at in all for its header: a share bar or two, not a menu."""
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
MINOR_WORD_MAX_LETTERS = 3
"""Longest English word Title Case may leave in lower case (``of``, ``on``, ``the``, ``and``)."""
_LATIN_WORD = LazyPattern(r"[A-Za-z][A-Za-z'’-]*")
HEADLINE_MIN_WORDS = 3
"""Words an English headline has at least: ``Weather`` and ``Top Stories`` are menus."""
TITLE_CASE_MIN_CAPITALS = 0.75
"""Share of capitalized words from which an English line ending with a full stop may be a title
(``Stock Is Falling After Its Earnings. Why You Shouldn't Worry.``): written in Title Case, where a
standfirst's sentences are in sentence case."""
MIXED_TITLE_MIN_HAN = 2
"""Han characters from which a Chinese title with English words in it (``JSON风格指南``, ``Git
入门教程``) has a title's shape when its Han characters and English words make
:data:`HEADLINE_MIN_HAN` together, a word counting :data:`MIXED_TITLE_WORD_HAN` characters."""
HEADLINE_LOOKBACK = 60
"""Units above the body searched for the headline: titles sit above the body, past the share
bars, datelines and captions that a scrape puts between them."""
HEADLINE_MIN_SCORE = 3.0
"""A candidate must score this much to be called the headline; below it the page shows none."""
METADATA_NEAR = 3
"""Units after a title within which a metadata line marks it as the article's title (twice as
far still counts, for less: a share bar or a teaser may stand between)."""
_POSTED_BY = re.compile(r"(?i)posted by \S.* on \S")
"""The Clean Blog family's byline, ``Posted by NAME on DATE``."""
TITLE_OVER_DEK_MIN_WORDS = 3
TITLE_OVER_DEK_MIN_HAN = 6
"""The least a line over its dek must hold to be measured with it (see :func:`_headline_score`):
a title's length, not a section's kicker (``World``, ``科技``) over the headline."""
THIRD_COPY_BONUS = 2.5
"""What a title-like line shown three times gains, where one shown twice gains 3: a third copy
is as often a news ticker's or a sidebar widget's line as a title's."""
DATED_TITLE_COST = 3.0
"""What a title-like line with a calendar date in it loses: a byline or a post's header line with
its date, too long for a metadata cue (``12/06/2014 Dana Whitfield Books, Reviews``, ``Posted
October 3, 2018 / 2 Comments / in News``); a title rarely carries a full date."""
OTHER_LANGUAGE_TITLE_COST = 1.5
"""What a title-like line loses when it is written wholly in the other language than a body in
one language (an English line without a Han character over a Chinese text, a Chinese line
without an English word over an English text): a title is written in its text's language, and
on a page whose chrome is in the other one, the lines in that language by the text are its
chrome (a writer's credential, a product's card, a channel's prompt). A bilingual body, or a
title that mixes both scripts (``把博客从 WordPress 搬到 Hugo``), and one of a bilingual
site's title pair (:func:`_title_translation`, which picks the pair's line) pay nothing."""
SITE_HEADER_COST = 3.0
"""What a title-like line loses when the site's menu, opened by its home item (``Home``,
``首页``), stands between it and another title-like line nearer the text: a blog template
(WordPress, Blogger, Ghost, Hugo) shows the site's name and tagline above its menu and the
post's title below it, so the line above the menu is the site's header, not the post's title
(a tagline can be as long as a title and as near a date line)."""
MAX_TITLE_COPIES = 3
"""Most times a title shows on its page (heading, page title, breadcrumb, share line): a line
repeated more often is a widget's label."""
MAX_TITLE_LINES = 4
MIN_SHORT_TITLE_COPIES = 2
"""Times a line too short for a title's shape must show on the page to be one all the same."""
SHORT_TITLE_NEAR = 3
"""Units above the body within which such a short title must stand: the title sits right over
its text; a short menu word shown twice (a page's two menus) stands further up."""
NAMED_IN_HEAD_BONUS = 2.0
"""What a short name right over the text gains when the page's head names it as a repository or
a package (:func:`_named_in_head`): a code host's or a registry's title bar, as a page's first
line shown again is a news site's."""
_PROJECT_NAME = LazyPattern(r"[A-Za-z][\w.+-]{1,38}")
"""A repository's or a package's name alone (``tidy-csv``, ``zhclean``, ``ruamel.yaml``)."""
_BUY = r"(?:加入购物车|立即购买|立即下单|(?i:add to (?:cart|basket|bag)|buy (?:it )?now))"
_ITEM_FIELD = LazyPattern(
    r"\s*(?:"
    r"(?:(?:价格|售价|促销价|Price)\s*[:：]?\s*)?(?:[¥￥$€£]|US\$|RMB|CNY)\s*\d[\d,]*(?:\.\d{1,2})?(?:\s.*)?"
    r"|(?:免费|(?i:free))(?:\s*[·•|]\s*.*)?"
    rf"|(?:{_BUY}|立即参加|立即报名|获取|(?i:enrol?l?(?: for free| now)?|get|install))(?:\s+{_BUY})?"
    r"|\(?\d(?:[.,]\d)?\s*[•·]\s*\d[\d,.]*\s*[万萬kK]?\s*(?:个评分|條評分|条评价|(?i:ratings?|reviews?))\)?"
    r")\s*"
)
"""A field of an item's card on a shop's, an app store's or a course site's page: its price
(``¥ 268.00``, ``免费 · 提供 App 内购买项目``), the button that buys, installs or enrols
(``加入购物车``, ``Get``, ``Enroll for Free``, ``立即参加``) or its average rating with the ratings'
count (``4.7 • 1,203 个评分``). Such a line is no title; the card it opens names the item above
it (:func:`_item_card_name`). A count of ratings alone (``1,284 global ratings``) is not one:
a review's page prints it in the reviewed item's card, above the review and its own title."""
_HAN_LABEL = LazyPattern(r"\s*\p{Han}{2,6}\s*[:：]")
"""A line that opens with a short Chinese label and its colon (``学时安排：``): a field."""
ITEM_CARD_SCAN = 4
"""Units above an item card's first field (:data:`_ITEM_FIELD`) that the card's head spans: the
item's name, then what qualifies it (the maker, an age rating, the platform, a tagline, the
course's programme and teacher)."""
ITEM_CARD_BONUS = 3.0
"""What an item's name over its card (:func:`_item_card_name`) gains as the title: a product's,
an app's or a course's page puts a dozen lines of price, ratings, buttons and spec rows between
the name and the description, the distance that makes any other line look nearer."""
_ITEM_DESCRIPTION = LazyPattern(
    r"\s*(?:(?i:(?:(?:product|item|app|course)\s+)?description|about (?:this|the) (?:item|product|app|course))"
    r"|商品(?:详情|描述|介绍)|产品(?:详情|描述|介绍)|课程(?:概述|简介|介绍|详情))\s*"
)
"""The heading over an item's description on its page (``Product description``, ``About this
course``, ``商品详情``, ``课程概述``): right above the text, it is the body's first heading."""
PERMALINK_MARKS = "¶§ "
"""Marks a documentation generator puts after a heading as its permalink (Sphinx and MkDocs
``¶``, ``§``): not part of the title."""
_PERMALINK_LAST = frozenset(PERMALINK_MARKS.strip())
"""The marks of :data:`PERMALINK_MARKS` a key can end with (keys hold no trailing blank)."""
SLUG_TITLE_BONUS = 2.0
"""What a title gains when a URL the page prints (its own address) spells it in its path: an
English news site writes the title's words into the article's address
(``/business/article/Harbor-ferry-fares-rise-in-March-1234567.php``), and a related story's
title is not in the page's own address."""
SLUG_MIN_WORDS = 3
"""The fewest words a URL's path segment must hold to be read as a title's slug (``world-europe``
is a section)."""
SLUG_MIN_SHARE = 0.8
"""The share of the slug's words a title must hold (a slug may add the section's or the city's
name, or drop a word)."""
SLUG_MIN_TITLE_SHARE = 0.5
"""The share of the title's words the slug must hold (a site cuts a long slug short)."""
LEAD_ECHO_BONUS = 1.0
"""What a title-like line over an English body (:func:`_monolingual_body`) gains when the body's
lead echoes it (:func:`_echoed_in_lead`): a news story's first paragraph restates its headline's
words (``Harbor ferry fares to rise in March`` over ``Ferry fares across the harbor will rise in
March, the port said``), where another story's title in a list over the article, a site's
tagline or a section's name shares few or none. It settles a tie (two title-like lines over one
byline), not a title's shape."""
LEAD_ECHO_UNITS = 2
"""Units from the body's start whose words are looked for: the lead and the paragraph after."""
LEAD_ECHO_MIN_WORDS = 2
"""Words of a title (of :data:`ECHO_WORD_MIN_LETTERS` letters or more) the lead must hold at least."""
LEAD_ECHO_MIN_SHARE = 0.4
"""Share of those words of a title the lead must hold: a title and its lead share the story's
names and its verb; a related story on the same subject shares a name or two of many."""
ECHO_WORD_MIN_LETTERS = 4
"""Letters from which a word counts in an echo: shorter ones are mostly grammar words (``the``,
``on``, ``for``); the first :data:`ECHO_STEM_LETTERS` stand for the word (``films``, ``film``)."""
ECHO_STEM_LETTERS = 5
_ECHO_WORD = re.compile(r"[a-z0-9]+")
_ECHO_STEM = re.compile(rf"([a-z0-9]{{{ECHO_WORD_MIN_LETTERS},{ECHO_STEM_LETTERS}}})[a-z0-9]*")
"""The stem of each word (:data:`_ECHO_WORD`) of :data:`ECHO_WORD_MIN_LETTERS` letters or more,
found in C: a word is a maximal run, so a match opens where a word of that length opens, and
its group holds the word's first :data:`ECHO_STEM_LETTERS` letters."""
_SLUG_SPLIT = re.compile(r"[^a-z0-9]+")
_SLUG_ID = re.compile(r"\d{5,}")  # an article's number in its address, no word of its title
_TICKER_LABEL = LazyPattern(
    r"\s*(?i:breaking(?:\s+news)?|just\s+in|developing(?:\s+story)?|trending(?:\s+now)?|watch\s+live|live(?:\s+tv)?"
    r"|on\s+now|now\s+playing|just\s+watched|up\s+next|see\s+also)\s*[:：]?\s*"
)
"""The label of a widget that shows one item at a time above the article (a breaking-news ticker,
a live stream's box, the video just played or the next one, a ``See also`` box): the line under
it is another story's title or a show's name, shown again in the site's lists and boxes; those
copies are no title's page title and heading. (A menu may end with ``Watch Live`` over the
article's title: the line still counts, shown once.)"""

LONE_FIELD_MAX_CHARS = 16
"""The longest field label alone on its line whose value the next line holds (``Publish date:``,
``Author:``): a longer line ending in a colon says more than a field's name."""
_VALUE_FIELDS = ("author", "editor", "source", "published")

TEXT_LEAD_UNITS = 3
"""Lines of a run of text lines above the body's first numbered heading that are read as its
title and labels rather than its text."""
TITLE_IN_BODY_SKIP = 2
"""Units at the body's top where the title may show again (the text opens with its own title,
a heading over the first paragraph): a copy further in is a subheading, so the line above the
body that it repeats is a table of contents' entry."""
"""Most lines a title broken by the scrape is joined from."""
SITE_SUFFIX = regex.compile(r"(?:\s+[–—·-]\s+|\s*[|｜_]\s*)[^|｜_–—·]{1,30}$")
"""A site name after a title (``标题_新浪网``, ``Title - BBC News``, ``Title | CGTN``, a book's
title after a chapter's with a spaced middle dot as GitBook and other generators print it:
``缓存的失效 · 后端缓存手册``)."""

POST_HANDLE_NEAR = 2
"""Units above a text within which an account's handle makes it a social post."""
CARD_SCAN = 3
"""Units between a social post's text and its date at most: a ``Translate post`` button, the
title of the link card the post shares, the card's source."""

# ------------------------------------------------------------------ labels by zone
SUBHEADING_MAX_SIZE = 40.0
"""Largest :func:`~bilingual_news.label.size` of a subheading: headings inside a body are a
short line (40 Han characters, 20 English words)."""
TAG_LABEL_MAX_SIZE = 8.0
"""Largest :func:`~bilingual_news.label.size` of a tag or a category that a blog theme sets over
a post's title and over each card's title in its lists (``烹饪基础``, ``Machine Learning``): a
label of a few words; a title is longer, and may stand over its dek and, shown again, over a
card of another story's title."""
LABEL_HEADING_MAX_SIZE = 20.0
"""Largest size of a label that heads the lines after it (``点评：``, ``英国《泰晤士报》：``)."""
STANDFIRST_MIN_WORDS = 12
"""English words from which a line between the headline and the body is a standfirst (a
teaser) even without its full stop: menu items and bylines are shorter."""
DEK_MIN_WORDS = 7
"""English words from which the line right under the headline is its dek (a teaser) without a
full stop: a press release's or a magazine's subtitle is shorter than a standfirst, and the
author's name or a button there is shorter still."""
DEK_MIN_HAN = 14
"""Han characters from which the line right under a Chinese headline is its dek, as
:data:`DEK_MIN_WORDS` for English (blog themes print a post's subtitle there: Jekyll's and Hugo's
h2 under the h1); an author's name, a button or a category is far shorter."""
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

POSTER_NAME_MAX_CHARS = 30
"""Longest display name read as a poster's over their handle (``Li Hua`` over ``@lihua_writes``):
a name, perhaps with an emoji or a short tag; a longer line is a prompt or a title."""
URL_LABEL_MAX_CHARS = 16
"""Longest label before the page's own URL on its line that is part of it (``本文链接：``,
``Article link:``); a longer text before the URL is a notice of its own (the seed's disclaimer)."""

FIELD_VALUE_MAX_CHARS = 60
"""Longest line read as the value of a field label alone on the line above it (``作者:`` over
``Raymond Hettinger``): a name list, a version or a date; a longer line is text."""
CONTACT_LINE_MAX_CHARS = 160
"""Longest line under a metadata line read as a contact's (a name, an organisation, an e-mail
address and a phone number, set apart by commas)."""
TAG_VALUES_MAX = 8
"""Most lines read as the tags under a tags label alone on its line (``标签：`` over ``walking``,
``canal``, ``winter``): a post's or an event's tags are a handful; more short lines are a menu."""
TAG_VALUE_MAX_CHARS = 30
"""Longest line read as one tag under a tags label: a tag is a word or a short phrase."""

TEASER_ITEMS_MAX = 8
"""Most points a summary's list above the body holds (``Key points:`` and three to five short
lines): a longer run of short lines is a menu or the text itself."""

RUN_HEADING_MIN_CAPITALS = 0.6
"""Share of capitalized words from which an English line in running text is a heading in Title
Case (``Installing the Build Tools``); a line of text is in sentence case."""
RUN_HEADING_MAX_HAN = 12
"""Most Han characters of a Chinese heading in running text (``一般准则``, ``属性值格式``)."""

_MENU_WORD_HEADING = LazyPattern(r"\s*\p{Han}{2,4}\s*")
"""A Chinese menu word that heads a section when it stands alone in the text, between a
sentence's end and a paragraph: wikis and encyclopedias head an article on a place or a thing
with the words portals name their channels with (``历史``, ``文化``, ``教育``, ``交通``)."""
_OPENING_SENTENCE_END = frozenset(".?!。？！")
"""The marks that close a title asked again as the body's first sentence (:func:`_opens_text`)."""
_TITLE_END = regex.compile(r"[。.;；:：,，、]$")
_TITLE_END_CHARS = frozenset("。.;；:：,，、")
"""The characters :data:`_TITLE_END` finds at a text's end."""
_NUMBERED = LazyPattern(
    r"^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十百\d]+[章节部分篇]|\d{1,2}[、.．]\s*\D"
    r"|\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?![亿万千百元米倍个年月日号点])[\p{Han}\p{Lu}])"
)
_FIELD_VALUE = LazyPattern(r"\S[:：]\s*\S")
_LABEL_HEADING = LazyPattern(r"[^，,；;。.!！?？:：]+[:：]")
_GLOSS_ENTRY = LazyPattern(
    r"[A-Za-z][A-Za-z'’-]*(?:\s+[A-Za-z'’-]+){0,4}(?:\s+(?:n|v|vt|vi|adj|adv|prep|conj|pron|phr)\.)*"
    r"\s*[\p{Han}][\p{Han}，,；;、（）()…… ]{0,24}"
)
"""An entry of a bilingual study page's word box: an English word or phrase, its part of speech
perhaps, and its Chinese gloss (``drain n. 排水管``, ``wild relative 野生近缘种``)."""
_LETTER = LazyPattern(r"\p{L}")
"""A letter of any script."""
_VERSION_NEXT = frozenset({Kind.PARAGRAPH, Kind.SUBHEADING, Kind.HEADLINE})
"""What may stand under a version's heading inside the body: its text, its heading, or the
title's translation (:func:`_version_title`)."""
_GLOSS_GAP = LazyPattern(r"[A-Za-z.)]\s+\p{Han}")
"""The blank between a gloss entry's English and its Chinese (``sleeper n. 卧铺车厢``): a term
written against its Chinese (``Kind属性``) is a phrase of the text, not a word box's entry."""
_VERSION_HEADING = LazyPattern(
    r"(?:英文|中文|英语|汉语)?(?:原文|译文|翻译)|(?:英文|中文|双语)版"
    r"|(?i:(?:English|Chinese)(?:\s+(?:version|original|translation|text))?)"
)
"""The name of one version of a text given in two languages, as a heading over it (``英文原文``,
``中文译文``, ``English version``)."""
_DATE_END = LazyPattern(
    r"(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d年\d{1,2}月\d{1,2}日)[.。]$"
)
_QUOTES_MAP = {"’": "'", "‘": "'", "“": '"', "”": '"'}
"""Curly quotes and their straight forms."""
_CURLY = re.compile("[’‘“”]")
_SITE_SEPARATOR = re.compile(r"[–—\-|｜_·]")
"""A character one of which a text :data:`SITE_SUFFIX` finds holds."""
_TAG_OPENERS = frozenset("[【")
"""The characters a text :data:`_LEADING_TAG` matches starts with."""
_TAG_START = re.compile(r"[\[【]")
"""One of :data:`_TAG_OPENERS`, matched at a text's start."""
_LEADING_TAG = LazyPattern(r"^(?:\[[^\[\]]{1,12}\]|【[^【】]{1,12}】)\s*")
_MENU_WORDS = LazyPattern(r"\s*(?:\p{Lu}?[\p{Ll}.]+|\p{Lu}\.(?:\p{Lu}\.)+)(?:\s+\p{Lu}?\p{Ll}+)?\s*")
"""One or two ordinary words (``Film``, ``Ideas``, ``U.S. news``): a menu's or a section's
label; a short title is an acronym or a code (``RNN``, ``MIT-6.824-Lab-1``)."""
_FILE_PATH = LazyPattern(r"[\w.-]+(?:/[\w.-]+)+\.[a-z]{1,5}")
"""A file's path, folded (``docs/cn/guide.md``): a code host's breadcrumb over a rendered file."""
_HOME_ITEM = LazyPattern(r"\s*(?:(?i:home(?:page)?)|首页|首頁|主页|主頁|网站首页)(?:\s|[»>›/|·]|$)")
"""A line that opens with a site menu's home item: the menu (``Home About Contact``) or a
breadcrumb (``Home » Posts``)."""
_HAN_NAME = LazyPattern(r"\p{Han}+")
_HAN_CHARS = LazyPattern(r"\p{Han}")
ZH_NAME_MAX_CHARS = 4
"""Longest Chinese name :func:`_zh_name` takes: a compound surname and a two-character given name."""
_AUTHOR_LINK = LazyPattern(r"(?:About|More (?:from|by)|(?:Other )?(?:Articles|Stories|Posts) by|关于)\s*(\S.{2,40})")
"""A link to an author's page, ending with the author's name (:func:`_author_link`)."""
_HANDLE = LazyPattern(r"@[\w.]{2,30}(?:@[\w-]+(?:\.[\w-]+)+)?")
"""A social account's handle alone on its line: ``@lihua_writes``, or a federated server's full
address with the account's home server after a second ``@`` (``@xiaoyu@m.cmx.im``: Mastodon and
the other fediverse servers print every account so, since names are unique per server only)."""
_USER_NAME = LazyPattern(r"\s*(?:[a-z]/)?[a-z][a-z0-9]*(?:[_/][a-z0-9]+)+\s*")
"""A user's or a community's name as forums and social sites print it over a post, in lower
case without blanks, joined by ``_`` or ``/`` (``quiet_river_88``, ``r/liuxue``, ``chen_wei``):
an identifier, never a post's title."""
_BYLINE_NAME = LazyPattern(
    r"^(?i:(?:posted|written|words|story|text)\s+)?(?i:by)\s+"
    r"(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]+){1,2})"
)
"""The author's name in an English byline (``By Dana Whitfield``, ``Posted by Tom Fairley on …``)."""
_NAME_LINE = LazyPattern(r"\s*(?:(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.)[,.]?\s+|and\s+|&\s+)*(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.)\s*")
"""A line of capitalised words alone, ``and`` between them (``Dana Whitfield``, ``Dana
Whitfield and Lee Marsh``, ``Harbor Gazette Sport``): the author's name or the desk's over the
article's date; a title's short words (``in``, ``of``, ``to``) are lower case."""
_ESSAY_TITLE = LazyPattern(r"(?:of|on|about|in|to|for)\s")
"""How a short essay's title opens (``Of Habits``, ``On Walking``), unlike a name (key form)."""
_BIO_VERB = LazyPattern(r"\s*(?:\([^()]{0,60}\)\s*)?(?:is|was|has|writes|covers|reports|['’]s\b)")
"""What follows the author's name when the sentence is about the author (``is a …``,
``(contact) is …``, ``'s book``)."""
_WRITER = r"(?i:writer|editor|reporter|journalist|correspondent|columnist|contributor|blogger)s?\b"
"""A writer's job, as an author's note names it (``Senior Editor``, ``freelance writer``)."""
_BIO_SENTENCE = LazyPattern(
    rf"^(?:\p{{Lu}}[\p{{L}}'’.-]*\s+){{0,2}}\p{{Lu}}[\p{{L}}'’-]+\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\p{{L}}-]+,?\s+){{0,4}}?{_WRITER}"
    r"|^(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{Lu}[\p{L}'’-]+\s+joined\s+[^.]{1,40}?\s+in\s+(?:\p{Lu}\p{Ll}+\s+)?\d{4}\b"
    rf"|^I(?:'m|’m| am) an? (?:[\p{{L}}-]+,?\s+){{0,4}}?{_WRITER}"
)
"""An author's note that says who the author is, whatever the byline gave (``Dana Whitfield is
a freelance writer living in …``, ``Dana joined the Example Times in March 2017``, ``I am a
writer and …``): the name, then a writer's job or the day the writer joined the masthead."""
BIO_MAX_CHARS = 400
"""Longest author's note found by its sentence alone: a note is two or three sentences."""
_COUNT = re.compile(r"[(（]?\d+[)）]?")
_LIST_NUMBER = LazyPattern(r"^(\d{1,3})\s?[.)、．）]\s*\S")
"""An item of a numbered list: ``1) …``, ``2. …``, ``3、…``."""
_LIST_ITEM = LazyPattern(r"^(?:\d{1,3}\s?[.)、．）]|[•·▪●◦*-])\s*\S")
"""A list's item: numbered (``1. …``, ``2、…``) or bulleted (``• …``, ``- …``)."""
_LIST_DATE = LazyPattern(
    r"^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
    r"|\d{1,2}月\d{1,2}日|(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}"
    r"|(?:\d{1,2}:)?\d{1,2}:\d{2}\s+(?![AaPp]\.?[Mm]\b)\S)"
)
"""An item of a dated list (a tour's dates, a schedule): a line that starts with a day; or of
a recording's chapter list (a video's or a podcast's description, ``0:00 开场``, ``1:02:15
Q&A``): a line that starts with a time into the recording, not a clock's (``8:14 PM``)."""
"""A token that is a count: ``12``, ``(12)``."""
COUNTED_LIST_MIN = 3
"""Label-and-count pairs from which a line is a blog widget's list (``ACM 913 DP 73 面试 63``,
``Python (12) Go (3) Rust (1)``: categories, tags, archives by month), not a title. A title
rarely holds three numbers each after a word."""
_BOX_LABEL = LazyPattern(
    r"^(?:read more|read also|also read|related|don't miss|see also|more on this|recommended|you may also"
    r"|more:"
    r"|相关|相關|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|猜你喜欢|你可能|您可能)"
)
"""The label of a box inside an article, at a key's start (keys are folded: lower case, ``'``)."""
FEED_MIN_CARDS = 4
"""Cards from which a run after a chrome line inside the region is a feed of other stories
(:func:`_before_feed`): fewer may be a box of related links the text goes on after."""
FEED_EXCERPT_MAX_CHARS = 400
"""The longest excerpt under a feed's card: a sentence or two of the linked story."""
FEED_LINES_PER_CARD = 1.5
"""Short lines per excerpt in a feed: a card stacks a kicker, a title, a line of its source and
tags over its excerpt, while a listicle or a FAQ heads each item with one line."""
_LEGAL_FORM_END = LazyPattern(r"(?:\b(?:Co|Corp|Inc|Ltd|Plc|Bhd|Pte|LLC|L\.L\.C|S\.A|N\.V|A\.G|K\.K)\.)$")
"""A company's legal form abbreviated at a line's end (``Lanshan Battery Technology Co., Ltd.``,
``Acme Inc.``): its full stop is the abbreviation's, no sentence's end, so the line may still be a
label's value (the issuer under a press release's ``News provided by``; Chinese companies' English
names end so as a rule)."""
_AD_LABEL = LazyPattern(
    r"\s*(?:(?i:advertisement|advertising|sponsored(?:\s+content)?|promoted)|广告|廣告|赞助内容|贊助內容|推广内容|推廣內容)\s*"
)
"""An ad's label alone on its line inside an article (``Advertisement``, ``广告``, ``赞助内容``): the
lines under it in the other language than the text are the ad's (:func:`_ads_in_other_language`)."""
_DROP_CAP = LazyPattern(r"\s*[\"“‘']?\p{Lu}\s*")
"""A capital letter alone on its line (perhaps after an opening quote): a magazine's drop cap,
which a scrape sets apart from the rest of its word on the next line (``T`` over ``he city
wakes …``): the first paragraph's first letter (:func:`_drop_caps`)."""
_FIELD_SEPARATOR = re.compile("[:：]")
"""A field's colon: a line that holds one is a field of its own (or a title), no label's value."""
_HEADING_PUNCTUATION = re.compile(r"[，,。；;：:！!？?、]")
"""Punctuation a heading in running text does not hold (:func:`_heading_in_run`)."""
_BUTTON_WORDS = (
    r"\b(?:Play|Video|Watch|Listen|Audio|Read|Share|Follow|Subscribe|Download|Print|Comments?|More|Live|News)\b"
)
_NAME_WORDS = (
    r"\p{Lu}[\p{Ll}'’.-]*(?:-\p{Lu}[\p{Ll}'’.]*)?\.?(?:\s+\p{Lu}[\p{Ll}'’.-]*(?:-\p{Lu}[\p{Ll}'’.]*)?\.?){1,3}"
)
_PERSON_NAME = LazyPattern(rf"(?!.*{_BUTTON_WORDS}){_NAME_WORDS}")
"""A personal name in Latin letters: two to four capitalized words (``Ann Lee``, ``A. M. Kuchling``,
``Charis Scott-Holm``), none of them a player's or a page's button word (``Play Video``, ``Read More``). Stricter than
:data:`_NAME_LINE`, which also takes a desk's name or one word, to keep a title off the headline;
this one makes a line metadata."""
_BYLINE_NAME_LINE = LazyPattern(
    rf"(?![^,]*{_BUTTON_WORDS}){_NAME_WORDS}"
    r"(?:,\s*(?:\p{Lu}[\p{L}&.'’-]*|\p{Lu}{2,})(?:\s+(?:\p{Lu}[\p{L}&.'’-]*|of|the)){0,3})?"
)
"""An author's name alone (:data:`_PERSON_NAME`), or with the desk or the publication after a
comma (``Dana Whitfield, Harbor Gazette``, ``Ann Lee, Staff Writer``, ``Ann Lee,Harbor News``: the
button words are looked for in the name alone): a byline without ``By``."""
_MEDIA_NAME = LazyPattern(r"[\p{Han}·]{2,10}(?:网|报|社|台|新闻|日报|晚报|时报|周刊|杂志|在线|客户端|频道)")
"""A Chinese outlet's name alone (``中国新闻网``, ``河南商报``, ``央视新闻客户端``): next to the date
between the title and the text, the article's source."""
VALEDICTION_MAX_CHARS = 24
"""Longest line :data:`_VALEDICTION` can match (``See you next week,``): a cheap test first."""
_VALEDICTION = LazyPattern(
    r"(?i:(?:happy|good) reading|(?:best|kind|warm)(?:est)? (?:regards|wishes)|regards|best|cheers|thanks"
    r"|thank you|sincerely|yours(?: sincerely| truly)?|until next time|see you (?:next week|tomorrow)|take care)"
    r"\s*[,!.]?"
)
"""A letter's or a newsletter's closing words alone on their line (``Happy reading,``, ``Best
regards,``, ``Cheers,``): the name under them signs the text."""
_VALEDICTION_FIRST = "hgbkwrctsyuHGBKWRCTSYU"
"""The ASCII characters :data:`_VALEDICTION` can open with: the first letters of its words in
either case (a character that is not ASCII is asked of the pattern: the case-blind match folds
some, such as the Kelvin sign, to one of them): a cheap test first."""
_ROLE_LINE = LazyPattern(
    r"\p{Lu}[\p{L}&.'’-]*(?:\s+[\p{L}&.'’-]+){0,2}\s+(?i:writer|correspondent|reporter|editor|columnist)s?\s*"
)
"""The author's role alone on the line under the name (``Environment correspondent``, ``Senior
Political Reporter``): news sites set the byline's name and role as two lines."""
_LONE_LABEL = LazyPattern(r"[^\s:：]{1,8}[:：]?")
"""A field word alone, with its colon at most (``Tags``, ``分类：``): a label without a value."""
_TAG_WORDS = r"tags?|labels?|categor(?:y|ies)|topics?"
"""The English words of a tags or categories label (:data:`_TAGS_ROW`, :data:`_TAGS_FIELD`)."""
_TAGS_ROW = LazyPattern(rf"\s*(?i:{_TAG_WORDS})\s+\S+(?:\s+\S+){{0,5}}\s*")
"""A page's tags as a property row, the label without its colon and the values after it (``Tags
经济 读书``: Notion's, a wiki's or a doc site's page properties)."""
_TAGS_FIELD = LazyPattern(rf"\s*(?:(?i:{_TAG_WORDS}|filed under)|标签|標籤|分类|分類|关键词|關鍵詞)\s*[:：]")
"""A post's tags or categories field (``Tags: …``, ``Categories: …``, ``标签：…``): blog
templates (WordPress, Blogger) print it in the post's footer after the share and related boxes,
so a section's heading above it does not make it another item's, as a date or an author under
that heading is; a listed item shows its category without the field's colon (``In "…"``)."""
_TIME_OF_DAY = LazyPattern(
    r"(?:(?:\p{Han}{0,3}(?:时间|時間)|HKT|GMT|UTC|BJT) ?)?(?:上午|下午|晚上|凌晨|中午)? ?\d{1,2} ?"
    r"(?:[:：] ?\d{2}(?:[:：]\d{2})?|[時时點点] ?\d{1,2} ?分?)(?: ?(?i:[ap]\.?m\.?))?"
    r"(?: ?\(?[A-Z]{2,4}(?:[+-]\d{1,2})?\)?)?"
)
"""A time of day alone on its line, perhaps with its zone before or after it (``香港時間15時42分``,
``北京时间 下午3点20分``, ``HKT 16:30``, ``15:42 HKT``): government press offices (Hong Kong,
Macau) and wires print a release's issue time so, on the line under its date; there it is the
date's, the dateline's second line, though it has no date. A word before the time must be a
zone's (``…时间``): ``音频 04:29`` is a player's length."""
_TAGS_LABEL = LazyPattern(rf"\s*(?:(?i:{_TAG_WORDS}|keywords?)|标签|標籤|关键词|關鍵詞|关键字|關鍵字)\s*[:：]?\s*")
"""A tags label alone on its line (``标签：``, ``Tags``): blog and event templates set the tags
under it one a line (:data:`TAG_VALUES_MAX`)."""
_LABEL_BY = LazyPattern(r"(?i:.*\bby)\s*[:：]?\s*")
"""A line that ends with ``by`` (``Organized by``, ``Hosted by``): a label over a name, no tag."""
_CONTACT = LazyPattern(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,4}){2,4}")
"""An e-mail address or an international phone number (``+1 918 555 0142``): a contact's line."""
_WIRE_SOURCE = LazyPattern(r"SOURCE\s+\p{Lu}[^!?。！？]{0,60}")
"""A press wire's closing line, ``SOURCE`` in capitals and the issuer's name (PR Newswire's and
Cision's releases, on every site that carries them): the release's source, metadata. The name
may hold full stops: a company's legal form (``SOURCE Lanshan Battery Technology Co., Ltd.``)."""
_COMMENTS = LazyPattern(r"(?i:comments?\b|repl(?:y|ies)\b|discussion)|评论|評論|留言|回复|回覆|跟帖")
"""A comment section's heading: the article never goes on after one."""
_CODE_LIKE = LazyPattern(r"[=/{};$<>]|\s--?[a-z]")
"""What a line of code or a shell command has and a heading has not: ``=``, a path's slash,
braces, ``;``, ``$``, a command's ``-f`` or ``--flag``."""
CARD_LINES = 2
"""How many lines above a follow button are its author's card: the writer's name, and a one-line
introduction under it (social and Q&A templates, Zhihu, Jianshu, CSDN, Weibo, set a writer's card
as name, introduction, then the button)."""
POSTER_REPLY_NEAR = 3
"""How far under a poster's name shown again after the text their reply starts: the name, a
badge or a date, then the reply's text."""
POSTER_ABOVE_TEXT_MAX = 3
"""How far above the text a poster's name under the title may stand: a thread's header is the
title, the poster, perhaps a date or a badge, then the post. A line under a copy of the title
further up (a documentation page's sidebar, which lists the page's own title among its entries)
is the sidebar's next entry, though the footer shows it again as the next page's link."""
CARD_BUTTON_MAX_CHARS = 60
"""The longest a line under a writer's card may be: a follow button, or a writer's figures
(``主题 12 帖子 340 积分 865 …``); longer lines are not tried against either pattern."""
CARD_NAME_MAX_CHARS = 20
"""The longest a card's name line may be (a name or a handle, without sentence punctuation):
a longer line over a follow button is not a name, so the button heads no card."""
_CARD_ROLES_SEPARATOR = re.compile(r"\s[/｜|]\s")
"""A spaced slash or bar: a writer's introduction lists roles so (``译者 / 读书人``,
``Engineer | Writer``), a name never holds one."""
_FOLLOW_BUTTON_SOURCE = (
    r"(?:[+＋]?\s*(?:关注|關注)(?:他|她|ta|TA|Ta|作者)?|(?i:[+＋]?\s*follow))"
    r"(?:\s*[·•]?\s*\d[\d,.]*\s*[万萬千wWkKmM]?)?"
)
_FOLLOW_BUTTON = LazyPattern(_FOLLOW_BUTTON_SOURCE)
"""A follow button alone on its line (``关注``, ``+ 关注``, ``关注他``, ``Follow``), maybe with the
count of followers it shows (``+ 关注 2.1万``, a video site's uploader card): it stands under the
writer's card, never under a title."""
_CARD_MESSAGE = LazyPattern(r"发消息|發消息|发私信|發私信|私信|(?i:(?:send )?message)")
"""A message button inside a writer's card (``发消息``, ``私信``, ``Message``: video and social
sites set it between the uploader's name and introduction): none of the card's lines, it stays
chrome, and the card's lines are looked for above it."""
_CARD_MARK = LazyPattern(r"[^\p{L}\p{N}]{1,3}")
"""A separator alone on its line inside a writer's card (``•`` or ``·`` between the name and the
follow button, a photo site's or a Q&A site's header set a line an item): the card's, but no
line of it (no name, no introduction), so the card's lines are looked for above it."""
_AUDIENCE = LazyPattern(
    r"\d[\d,. ]*\s*[kKmM万萬]?\s*(?i:subscribers?|followers?|members?|fans)"
    r"|\d[\d,.]*\s*[万萬wWkK]?\s*(?:粉丝|粉絲|订阅|訂閱)|(?:粉丝|粉絲|订阅|訂閱)\s*[:：]?\s*\d[\d,.]*\s*[万萬wWkK]?"
)
"""An account's audience alone on its line (``8 432 subscribers``, ``1.2k followers``, ``粉丝
2.1万``): a channel's or a profile's header prints it under the account's name."""
_HEADER_FIGURE = LazyPattern(r"\s*\d[\d,.]*\s*[kKmM万萬千]?\s+\p{L}+(?:\s+\p{L}+){0,2}\s*")
"""A post's figure alone on its line, a count and what it counts in up to three words (``1,284
Unique Visitors``, ``73 Current Favorites``, ``12 次阅读``): a guide hub's or a forum's header
prints them under its fields."""
_RATING = LazyPattern(
    r"\s*(?:"
    r"\d(?:[.,]\d)?\s*(?:(?i:out of)|/)\s*\d{1,2}(?:\s*(?i:stars?))?|\d(?:[.,]\d)?\s*(?i:of)\s*\d{1,2}\s*(?i:stars?)"
    r"|[★☆✭✩]{3,10}(?:\s*\d(?:[.,]\d)?)?"
    r"|\d(?:[.,]\d)?\s*(?:颗星|星|分)(?:\s*[(（]?\s*满分\s*\d{1,2}\s*分?\s*[)）]?)?"
    r"|(?i:did not like it|it was ok|liked it|really liked it|it was amazing)"
    r"|力荐|还行|较差|很差"
    r")\s*"
)
"""A review's rating alone on its line: stars in figures (``5.0 out of 5 stars``, ``4/5``,
``4 星``), in glyphs (``★★★★☆``), or in the words of the two widespread five-step scales that
book and film sites print instead of stars (``it was amazing`` … ``did not like it``; ``力荐``
… ``很差``, without ``推荐``, also a portal's tab). By the review's date it marks the review's
header (:func:`_review_header`)."""
_FIELD_OR_RATING_FIRST = frozenset(
    "PURCfFaAbBeEgGiI($"  # _ITEM_FIELD's openings in ASCII: Price, US$, RMB, CNY, free, add, buy, enrol, get, install
    "dDiIlLrR"  # _RATING's: did, it, liked, really
    "0123456789"
    + "".join(map(chr, range(0x21)))  # blanks and controls (``\\s*`` opens both)
    + "价售促免加立获力还较很"  # the Han characters their Chinese words open with
)
"""The first characters of a line :data:`_ITEM_FIELD` or :data:`_RATING` may match, among the
ASCII characters and the common Han ones; any other character outside the common Han block
(currency signs, stars, digits and blanks of other scripts, letters a case-blind match folds)
is asked of the patterns too (:func:`_field_or_rating`)."""
REVIEW_RATING_NEAR = 2
"""Units between a review's rating and its date at most: the rating stands right by the date,
or with the review's own title between them (a shop's review: stars, title, ``Reviewed in …
on <date>``)."""
REVIEW_CARD_SCAN = 3
"""Units above a review's header within which a ``by <name>`` line is the reviewed item's card
(a book's author over its average rating), not the review's byline."""
CARD_INTRO_MAX_CHARS = 80
"""The longest a writer's introduction in a card may be when it reads as a sentence (``A cook
from Chengdu. New video every Sunday.``): a line of one or two short sentences; a longer one
over a follow button is the text's."""
_PROFILE_STATS_SOURCE = (
    r"(?:(?:主题|帖子|积分|精华|粉丝|关注|获赞|文章|原创|威望|金钱|贡献|经验|访问|排名|字数|总资产|回帖|发帖)"
    r"\s*[:：]?\s*\d[\d,.]*\s*[万千wWkK]?\s*[|｜]?\s*){2,}"
)
_PROFILE_STATS = LazyPattern(_PROFILE_STATS_SOURCE)
"""A writer's figures on a line of their own (``主题 12 帖子 340 积分 865``, ``原创 58 粉丝 1.2万``):
forums and blog platforms print them under the poster's name, like a follow button."""
_CARD_BUTTON_LINES = LazyPattern(rf"\x00(?:(?:{_FOLLOW_BUTTON_SOURCE})|(?:{_PROFILE_STATS_SOURCE}))(?=\x00)")
"""A line that :data:`_FOLLOW_BUTTON` or :data:`_PROFILE_STATS` matches whole, between the NULs
of lines joined by :func:`_fullmatches` (neither pattern matches a NUL)."""
_POST_STAMP = LazyPattern(r"发布于|發佈於|来自|來自|IP\s*属地|IP\s*屬地")
"""What a Chinese social platform's post stamp says besides the time: where the post was sent
from (``发布于 江苏``, ``IP 属地上海``) or with what (``来自 <client>``)."""
_FLOOR = LazyPattern(r"(?:沙发|板凳|地板|\d{1,4}\s*(?:楼|#|＃))(?:\s.{0,40})?")
"""A reply's floor in a forum thread (``沙发``, ``板凳``, ``地板`` for the first three replies,
``5#``, ``12楼``), alone or before the reply's date: a thread after the article starts there."""
_SALUTATION = LazyPattern(r"(?:各|尊敬的|亲爱的)[^。！？.!?:：]{1,40}[:：]|(?i:dear)\s[^。！？.!?:：]{1,40}[:：,，]")
"""A letter's or a notice's salutation on its own line (``各乡镇中心学校、县直各学校：``,
``尊敬的用户：``, ``Dear readers:``, and ``Dear Shareholders,`` with the comma English letters
close it with): the document's first line, over its text."""
MAX_SALUTATION_LINES = 2
"""Salutation lines over a letter's text: a bilingual letter (a company's letter to its
shareholders, an open letter) greets in both languages, one line each (``尊敬的各位股东：`` over
``Dear Shareholders,``), before its paragraphs and their translations."""
_CLOSING_FORMULA = LazyPattern(r"特此(?:通告|通知|公告|函告|告知|说明|批复|证明|报告|决定|函)[。.！!]?")
"""The formula that closes an official notice (``特此通告。``, ``特此通知``): the document's own
last line, followed by its issuer and date (:data:`SIGNATURE_LINES`)."""
SIGNATURE_LINES = 2
"""How many lines after a notice's closing formula are its signature: the issuing body's name
and the date, each on its line, as every Chinese official document (公文) closes."""
SIGNATURE_MAX_CHARS = 30
"""The longest a signature's line may be: a body's full name, or a date."""
LETTER_SIGNATURE_LINES = 4
"""How many lines right after a letter's last paragraph (a text opened by a salutation,
:data:`_SALUTATION`) may sign it: the signer's name and role, then the date, each given once in
a one-language letter and twice in a bilingual one (``董事长 <name>``, ``<name> Chairman``, the
date in both). Company, school and government letters sign so, often without closing words."""
_BODY_LIKE = (Quality.GOOD, Quality.NEAR_GOOD)
_SHORT_ONLY = ("short",)
"""The reasons of a short unit no cue decided."""
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
    rival: float = 0.0
    """How close the page came to another article region: the body score of the best other
    candidate over the chosen region's (0.0 when there is no other; above 1.0 when a smaller
    region won by its header). :mod:`bilingual_news.confidence` reads it."""


@dataclass(frozen=True, slots=True)
class _Page:
    """What the context rules read about a page, computed once: the stages' records, and the
    fields the rules read of every unit as columns (one tuple per field, built in one pass)."""

    units: tuple[Unit, ...]
    features: tuple[Features, ...]
    guesses: tuple[Guess, ...]
    texts: tuple[str, ...]
    """Each unit's text."""
    quality: tuple[Quality, ...]
    """Each guess's quality."""
    kind: tuple[Kind | None, ...]
    """Each guess's kind."""
    why: tuple[tuple[str, ...], ...]
    """Each guess's reasons."""
    keys: list[str]
    """Each unit's text in the form titles are compared in (empty for units too long to be
    one)."""
    likes: list[bool]
    """Whether each unit has a title's shape (:func:`_title_like_in`)."""
    titles: dict[str, list[tuple[int, int]]]
    """Where each title-like text stands (see :func:`_title_index`)."""
    text_lines: frozenset[int]
    """The units scored as lines of running text."""
    section_lists: frozenset[int]
    """The link titles listed under a chrome section's heading (:func:`_section_heading_over`)."""
    is_button: list[bool]
    """Whether each unit is a button or a menu word (:func:`_buttons`)."""
    buttons: list[int]
    """The units that are buttons or menu words, in order (the true places of
    :attr:`is_button`): distances to the text do not count them. How many stand in a range is
    two bisections (a prefix count would hold one integer per unit)."""
    card_names: dict[int, int] = field(default_factory=dict)
    """The item's name over its card (:func:`_item_card_name`) for each start of a text asked,
    found once."""


_TEXT = operator.attrgetter("text")
_CHARS = operator.attrgetter("chars")
_SCRIPTS = operator.attrgetter("scripts")
_HAN = operator.attrgetter("han")
_LATIN_WORDS = operator.attrgetter("latin_words")
_LATIN = operator.attrgetter("latin")
_IS_URL = operator.attrgetter("is_url")
_URL_HAS_PATH = operator.attrgetter("url_has_path")
_KEY = operator.attrgetter("key")
_TEASER_OF = operator.attrgetter("teaser_of")
_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)


def revise(units: tuple[Unit, ...], features: tuple[Features, ...], guesses: tuple[Guess, ...]) -> Revision:
    """Decide every unit's kind from its guess and its place around the article."""
    n = len(units)
    if n == 0:
        return Revision(kinds=(), reasons=(), headline=None, region=None)
    texts = tuple(map(_TEXT, units))
    columns: tuple[tuple[Quality, ...], tuple[Kind | None, ...], tuple[tuple[str, ...], ...]]
    columns = tuple(zip(*guesses, strict=True))  # type: ignore[assignment]  # a Guess is (quality, kind, reasons)
    quality, kind, why = columns
    chars = tuple(map(_CHARS, features))
    fkeys = tuple(map(_KEY, features))
    scores, text_lines, runs, twins, section_lists = _scores(features, quality, kind, why, chars, fkeys)
    keys = _title_keys(texts, chars, fkeys)
    likes = [False] * n
    cards = _author_cards(texts, quality, kind, chars, features)
    # The units with a key (not too long for a title), long enough for one, and no cue: found in C.
    no_cue = map(operator.is_, kind, itertools.repeat(None))
    long_enough = map(operator.ge, chars, itertools.repeat(HEADLINE_MIN_CHARS))
    asked_units = map(operator.and_, map(operator.and_, no_cue, long_enough), map(operator.truth, keys))
    for i in itertools.compress(range(n), asked_units):
        if (
            i not in cards
            and _title_like_in(keys[i], features[i], guesses[i])
            and not _field_or_rating(texts[i])  # a price or a buy button (an item card's field), a rating
        ):
            likes[i] = True
    candidates = _candidates(scores)
    is_button = _buttons(quality, kind, why)
    asked, runs_asked = _asked(keys, likes, [a for _, a, _ in candidates])
    page = _Page(
        units=units,
        features=features,
        guesses=guesses,
        texts=texts,
        quality=quality,
        kind=kind,
        why=why,
        keys=keys,
        likes=likes,
        titles=_title_index(keys, likes, asked, runs_asked),
        text_lines=text_lines,
        section_lists=section_lists,
        is_button=is_button,
        buttons=list(itertools.compress(range(n), is_button)),
    )
    region = _article(page, _before_comments(page, candidates))
    if region:
        region = _after_card(page, region, cards)
    if (
        region
        and region[0] > 0
        and (
            _opens_body(page, region[0] - 1)
            or _item_description(page, region[0] - 1)
            or _listed_above(page, region[0] - 1, *region)
            or _version_heading(page, region[0] - 1, region[1])
            or _heads_first_list(page, region[0] - 1, region[1])
        )
    ):
        region = (region[0] - 1, region[1])  # the body's first section heading
        if region[0] > 0 and _heading_translation(page, region[0], region[0] - 1):
            region = (region[0] - 1, region[1])  # and its translation above it
    elif region and region[0] > 1 and _heading_translation(page, region[0] - 2, region[0] - 1):
        region = (region[0] - 2, region[1])  # the first section's heading, then its translation
    elif region and region[0] in text_lines:
        region = _from_first_heading(page, region)
    if region and region[0] > 0 and _announces_list(page, region[0] - 1, region[0]):
        region = (region[0] - 1, region[1])  # the sentence that announces the body's numbered points
    salutations: list[int] = []
    while (
        region
        and len(salutations) < MAX_SALUTATION_LINES
        and region[0] > 0
        and page.kind[region[0] - 1] is None
        and _SALUTATION.fullmatch(texts[region[0] - 1])
    ):
        salutations.append(region[0] - 1)  # a letter's or a notice's salutation: its first line
        region = (region[0] - 1, region[1])
    boxes: set[int] = set()
    items: set[int] = set()
    named: set[int] = set()  # the section headings a wiki's contents box names
    end_of_text = n
    if region:
        region = _back_through_box(page, candidates, region, boxes)
        region = _back_over_contents(page, region, boxes, named)
        region = _through_boxes(page, scores, region, boxes)
        _boxes_inside(page, region, boxes)
        region = _before_contents(page, scores, region)
        end_of_text = region[1]
        region = _through_list(page, region, items)
    if region:
        region = (region[0], _before_feed(page, *region))
    start, end = region if region else (n, n - 1)
    closing = _closing(page, end) if region else []
    if closing:
        end = closing[-1]
        region = (start, end)
        for key in {page.keys[i] for i in closing[1:]} & page.titles.keys():
            # The issuer's name signing a notice is no copy of a title (the site's name at the top).
            page.titles[key] = [(a, b) for a, b in page.titles[key] if a not in closing]
    tagged = end + 1 if region and _tagged_close(page, end + 1) else -1
    if tagged >= 0:
        end = tagged  # a post's last sentence, with its tags after it
        region = (start, end)
    summary_points = _teaser_items(page, start)
    found = _headline(page, start, end, summary_points)
    if found is None and region and _post_text(page, start):
        found = _card_title(page, end)
    listed = _listed_headings(page, start, end) | {i for i in named if start <= i <= end}
    headline = found[0] if found else None
    title_lines = range(found[0], found[1] + 1) if found else range(0)
    repeats = _repeats(page, found[2]) if found else set()
    translation = _title_translation(page, found, start, end) if found else None
    if translation is not None:
        repeats = repeats | {translation}
        if _latin_led(page, translation) == _body_latin_led(page, start, end):
            title_lines = range(translation, translation + 1)  # the title in the body's language
            headline = translation

    special: dict[int, tuple[Kind, str]] = dict.fromkeys(closing, (Kind.PARAGRAPH, "closing"))
    if tagged >= 0:
        special[tagged] = Kind.PARAGRAPH, "tagged_close"
    if closing and _signs_off(texts, closing[0]):
        special.update(dict.fromkeys(closing[1:], (Kind.METADATA, "signature")))  # a writer signs
    special.update(dict.fromkeys(salutations, (Kind.PARAGRAPH, "salutation")))
    for i in title_lines:
        special[i] = Kind.HEADLINE, "headline" if i == headline else "headline_line"
    if translation is not None:
        special.setdefault(translation, (Kind.HEADLINE, "headline_translation"))
    version_title = _version_title(page, found, start, end) if found and translation is None else None
    if version_title is not None:
        special.setdefault(version_title, (Kind.HEADLINE, "version_title"))
    for i in repeats:
        special.setdefault(i, (Kind.HEADLINE, "headline_repeat"))
    for i in twins:
        if page.kind[i] is None and start - HEAD_WINDOW <= i <= end:
            special.setdefault(i, (Kind.CAPTION, "shown_twice"))
    if found and _dek(page, found[1] + 1, start):
        special.setdefault(found[1] + 1, (Kind.TEASER, "dek"))
    if found:
        for i in summary_points:
            if i > found[1]:
                special.setdefault(i, (Kind.TEASER, "teaser_item"))
    labels = _zone_labels(page, special, start, end, headline, boxes, items, end_of_text, listed, runs)
    for i in section_lists:
        if start <= i <= end and i not in special and labels[i][0] in BODY_KINDS:
            labels[i] = Kind.FOOTER, "section_list"  # a "Most read" list the article runs across
    if salutations and not closing:
        for i in _letter_signature(page, end):
            labels[i] = Kind.METADATA, "letter_signature"
    last = max(start, min(end, n - 1))  # the short units of the body but its last, found in C
    for i in itertools.compress(
        range(start, last), map(operator.is_, quality[start:last], itertools.repeat(Quality.SHORT))
    ):
        if _signs_off(texts, i):
            # ``Happy reading,`` / ``Ann Lee`` / ``Business correspondent``: a letter's or a
            # newsletter's sign-off; the name and the role under it are the writer's signature.
            labels[i + 1] = Kind.METADATA, "signature"
            if i + 2 < n and _ROLE_LINE.fullmatch(texts[i + 2]):
                labels[i + 2] = Kind.METADATA, "signature"
    kinds: list[Kind] = list(map(_FIRST, labels))
    # Each unit's guess's reasons and its rule, by passes in C (``zip`` of one column makes the
    # rules one-tuples); one tuple for each list of reasons.
    reasons = list(map(operator.add, why, zip(map(_SECOND, labels))))
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    reasons = list(map(shared.setdefault, reasons, reasons))
    for i in list(itertools.compress(range(n - 1), map(operator.is_, kinds, itertools.repeat(Kind.METADATA)))):
        if (
            kinds[i + 1] in (Kind.NAV, Kind.FOOTER)
            and "metadata_cue:other" in reasons[i]
            and _counted_list(units[i + 1].text.lower())
        ):
            # ``Tags`` or ``分类`` over a widget's list of labels and counts: the widget's heading.
            kinds[i] = kinds[i + 1]
            reasons[i] = (*reasons[i], "widget_heading")
        elif (
            i > 0
            and kinds[i - 1] in (Kind.NAV, Kind.FOOTER)
            and kinds[i + 1] in (Kind.NAV, Kind.FOOTER)
            and "metadata_cue:other" in reasons[i]
            and _LONE_LABEL.fullmatch(units[i].text) is not None
        ):
            # ``Tags`` alone amid chrome: a menu item or a sidebar widget's title, not the post's
            # tags (which carry their values, or stand by the post's other metadata).
            kinds[i] = kinds[i + 1]
            reasons[i] = (*reasons[i], "lone_label")
    if found:
        for i in range(found[1] + 1, min(start, n)):
            if (
                kinds[i] is Kind.NAV
                and guesses[i].kind is None
                and (
                    _BYLINE_NAME_LINE.fullmatch(units[i].text) is not None
                    or _MEDIA_NAME.fullmatch(units[i].text)
                    or _zh_name(units[i].text)
                    or _account_over_stamp(page, i, start)
                )
                and any(
                    found[1] < j < start and kinds[j] is Kind.METADATA and _dated_run(kinds, features, j, start)
                    for j in (i - 1, i + 1, i + 2 if i + 1 < n and _beside_name(page, i + 1) else i + 1)
                )
            ):
                # ``Ann Lee`` over ``3 May 2024`` between the title and the text: the author's line;
                # ``中国新闻网`` by the date: the source's (a portal's page of an outlet's account).
                # A ``Follow`` button may stand between, and the date close under another field
                # (``Published in <publication>``, ``6 min read``).
                kinds[i] = Kind.METADATA
                reasons[i] = (*reasons[i], "name_by_date")
            elif (
                kinds[i] is Kind.NAV
                and guesses[i].kind is None
                and i + 1 < start
                and kinds[i + 1] in (Kind.NAV, Kind.SUBHEADING)
                and guesses[i + 1].kind is None
                and _BYLINE_NAME_LINE.fullmatch(units[i].text) is not None
                and _ROLE_LINE.fullmatch(units[i + 1].text) is not None
            ):
                # ``Ann Lee`` over ``Environment correspondent`` between the title and the text:
                # the byline's name and the author's role, set as two lines.
                kinds[i] = kinds[i + 1] = Kind.METADATA
                reasons[i] = (*reasons[i], "name_and_role")
                reasons[i + 1] = (*reasons[i + 1], "name_and_role")
    if found is None and region and start >= 2 and _poster_over_date(page, start):
        # A post without a title: the account's name over the time it was posted (a microblog's
        # ``<name>`` over ``<time> 来自 <client>``).
        kinds[start - 2] = Kind.METADATA
        reasons[start - 2] = (*reasons[start - 2], "poster_over_date")
    if found and start - POSTER_ABOVE_TEXT_MAX <= found[1] + 1 < start and _poster(page, found[1] + 1, end):
        # A thread's poster right under the title, shown again over a reply of theirs.
        kinds[found[1] + 1] = Kind.METADATA
        reasons[found[1] + 1] = (*reasons[found[1] + 1], "poster_name")
    for i in range(max(0, start - HEAD_WINDOW), min(start, n)):
        if (
            kinds[i] is Kind.NAV
            and guesses[i].kind is None
            and _USER_NAME.fullmatch(units[i].text) is not None
            and any(0 <= j < start and kinds[j] is Kind.METADATA and features[j].has_date for j in (i - 1, i + 1))
        ):
            # ``quiet_river_88`` or ``r/liuxue`` by the post's date above the text: the poster's or
            # the community's name (a forum's or a social site's post header).
            kinds[i] = Kind.METADATA
            reasons[i] = (*reasons[i], "user_name_by_date")
    for i in range(max(0, start - HEAD_WINDOW), min(start, n)):
        if (
            kinds[i] is Kind.NAV
            and _TAGS_ROW.fullmatch(units[i].text) is not None
            and any(0 <= j < start and kinds[j] is Kind.METADATA and features[j].has_date for j in (i - 1, i + 1))
        ):
            # ``Tags 经济 读书`` by the page's date above the text: its properties, not a menu.
            kinds[i] = Kind.METADATA
            reasons[i] = (*reasons[i], "tags_row")
    first = max(start, 0)  # the lines from the text on that open with ``SOURCE``, found in C
    for i in itertools.compress(range(first, n), map(str.startswith, texts[first:], itertools.repeat("SOURCE"))):
        if (
            kinds[i] in (Kind.FOOTER, Kind.PARAGRAPH)
            and guesses[i].kind is None
            and _WIRE_SOURCE.fullmatch(texts[i]) is not None
        ):
            # ``SOURCE Acme Robotics`` after a release's text (or taken for its last line, the
            # issuer's name ending with a full stop): the wire's credit of its issuer.
            kinds[i] = Kind.METADATA
            reasons[i] = (*reasons[i], "wire_source")
    if region and 0 < start < n and kinds[start - 1] is Kind.NAV and _HANDLE.fullmatch(units[start - 1].text.strip()):
        # ``@lihua_writes`` right over the text, the name over it (a social post's header: X,
        # Threads, Mastodon): the poster's name and handle.
        kinds[start - 1] = Kind.METADATA
        reasons[start - 1] = (*reasons[start - 1], "poster_handle")
        k = start - 2
        if k >= 0 and kinds[k] is Kind.NAV and guesses[k].kind is None and features[k].chars <= POSTER_NAME_MAX_CHARS:
            kinds[k] = Kind.METADATA
            reasons[k] = (*reasons[k], "poster_handle")
    for i in cards:
        if i < start and (kinds[i] is Kind.NAV or reasons[i][-1:] == ("standfirst",)):
            # A writer's name and introduction over a follow button above the text: the byline
            # (an introduction of a sentence or two reads as a standfirst under the title).
            kinds[i] = Kind.METADATA
            reasons[i] = (*reasons[i], "author_card")
    poster = (found[0] if found else start) - 1
    if region and poster > 0 and _poster_again(page, poster, cards, kinds):
        # ``北岸观察`` right over the post's title, shown in the page's head over ``8 432
        # subscribers``: the channel's (or the account's) name, its post's poster.
        kinds[poster] = Kind.METADATA
        reasons[poster] = (*reasons[poster], "poster_again")
    if region:
        _review_header(page, start, kinds, reasons)
    if found:
        _header_run(page, found[1] + 1, start, kinds, reasons)
        _name_over_title_date(page, found[0], kinds, reasons)
    if region:
        _stamp_after_text(page, end, kinds, reasons)
    i = -1
    while True:  # kinds set here are read on the next line: a contact's lines chain
        try:
            i = kinds.index(Kind.METADATA, i + 1, n - 1)  # the next metadata line, found in C
        except ValueError:
            break
        if (
            (units[i].text[-1:] in ":：" or features[i].key in ALONE_BYLINE or _LABEL_BY.fullmatch(units[i].text))
            and kinds[i + 1] is not Kind.METADATA
            and guesses[i + 1].kind is None
            and features[i + 1].chars <= FIELD_VALUE_MAX_CHARS
            and (not features[i + 1].ends_sentence or _LEGAL_FORM_END.search(units[i + 1].text.rstrip()) is not None)
            and _FIELD_SEPARATOR.search(units[i + 1].text) is None  # a field of its own, or a title
        ):
            # ``作者:`` and, on the next line, its value (a documentation page's field list).
            kinds[i + 1] = Kind.METADATA
            reasons[i + 1] = (*reasons[i + 1], "field_value")
        elif (
            kinds[i + 1] in (Kind.NAV, Kind.FOOTER)
            and guesses[i + 1].kind is None
            and features[i + 1].chars <= CONTACT_LINE_MAX_CHARS
            and not features[i + 1].ends_sentence
            and _CONTACT.search(units[i + 1].text) is not None
        ):
            # ``Media Contact`` over ``Jo Lee, Acme, press@acme.example, +1 …``: the contact's line
            # (a press release's, after its text), which holds an e-mail address or a phone number;
            # the name, the address and the number each on its line are its lines one after another.
            kinds[i + 1] = Kind.METADATA
            reasons[i + 1] = (*reasons[i + 1], "contact_line")
    for i in list(itertools.compress(range(n - 1), map(operator.is_, kinds, itertools.repeat(Kind.METADATA)))):
        if _TAGS_LABEL.fullmatch(units[i].text) is None:
            continue
        values = _tag_values(page, i)
        if values and (
            values[-1] + 1 in (n, start)
            or kinds[values[-1] + 1] in (Kind.METADATA, Kind.DISCLAIMER)
            or _LABEL_BY.fullmatch(units[values[-1] + 1].text) is not None
        ):
            # ``标签：`` over ``walking``, ``canal``, ``winter`` and then ``分类：``: the post's
            # tags, one a line, up to the next field (or a label, or the text, or the post's
            # notice: a wiki's ``Categories:`` over its licence line); a run of short lines that
            # ends in anything else (``我要反馈``, then a prompt) is chrome after a tag.
            for j in values:
                if kinds[j] is not Kind.METADATA:
                    kinds[j] = Kind.METADATA
                    reasons[j] = (*reasons[j], "tag_value")
    for i in range(max(start, 1), min(end + 1, n - 1)):
        if (
            kinds[i] is Kind.PARAGRAPH
            and reasons[i][-1:] == ("text_line",)
            and kinds[i - 1] in BODY_KINDS
            and kinds[i + 1] in BODY_KINDS
            and _heading_in_run(features[i], units[i].text, after_sentence=features[i - 1].ends_sentence)
        ):
            # A section's heading in running text (a post's ``Installing the tools``, a guide's
            # ``一般准则``): short, written as a heading, after a sentence's end.
            kinds[i] = Kind.SUBHEADING
            reasons[i] = (*reasons[i][:-1], "heading_in_run")
    for i in range(max(start, 1), min(end, n - 1)):
        if (
            kinds[i] is Kind.FOOTER
            and reasons[i][-1:] == ("in_body_chrome",)
            and guesses[i].kind is Kind.NAV
            and _MENU_WORD_HEADING.fullmatch(units[i].text) is not None
            and kinds[i - 1] is Kind.PARAGRAPH
            and features[i - 1].ends_sentence
            and kinds[i + 1] is Kind.PARAGRAPH
            and guesses[i + 1].quality is Quality.GOOD
        ):
            # ``历史`` between a sentence's end and a paragraph: a section's heading (an
            # encyclopedia's or a wiki's article on a place), though portals name a channel so.
            kinds[i] = Kind.SUBHEADING
            reasons[i] = (*reasons[i][:-1], "menu_word_heading")
    _version_headings(page, start, end, kinds, reasons)
    _labels_over_text(page, start, end, kinds, reasons)
    _word_boxes(page, start, end, kinds, reasons)
    _ads_in_other_language(page, start, end, kinds, reasons)
    _drop_caps(page, start, end, kinds, reasons)
    _heading_lists(page, start, end, kinds, reasons)
    for i in range(start, min(end + 1, n - 1)):
        if (
            kinds[i] is Kind.PARAGRAPH
            and kinds[i + 1] is Kind.CAPTION
            and units[i].text[-1:] in ".。"
            and _DATE_END.search(units[i].text)
        ):
            # An agency's picture line (``… in Xiamen, March 4, 2021.``) above its credited caption.
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
    for i in [
        i + 1 for i in itertools.compress(range(n - 1), map(operator.is_, kinds, itertools.repeat(Kind.METADATA)))
    ]:
        if (
            kinds[i] in (Kind.NAV, Kind.FOOTER)
            and guesses[i].kind is None
            and features[i - 1].has_date
            and _TIME_OF_DAY.fullmatch(units[i].text.strip()) is not None
        ):
            # ``2024年4月9日（星期二）`` over ``香港時間15時42分``: the dateline set on two lines.
            kinds[i] = Kind.METADATA
            reasons[i] = (*reasons[i], "time_under_date")
    if region:
        _author_bios(page, region, kinds, reasons)
    return Revision(
        kinds=tuple(kinds),
        reasons=tuple(reasons),
        headline=headline,
        headline_text=_join_lines([units[k].text for k in title_lines]).rstrip(PERMALINK_MARKS) if found else None,
        region=region,
        rival=_rival(candidates, region),
    )


def _author_cards(
    texts: tuple[str, ...],
    quality: tuple[Quality, ...],
    kind: tuple[Kind | None, ...],
    chars: tuple[int, ...],
    features: tuple[Features, ...],
) -> set[int]:
    """The lines of writers' cards: short lines no cue decided right above a follow button
    (``关注``, ``Follow``) or the writer's figures (:data:`_PROFILE_STATS`): a name alone
    (:func:`_card_name`), or a name over a line that is none (the writer's introduction), up to
    :data:`CARD_LINES`; a metadata line (the post's date) may stand between the card and its
    button, and the introduction may stand under the button, over the post's date (a Q&A site's
    ``name · Follow`` over ``<credential> · Updated 2y``). The introduction right over the button
    may read as a sentence (:data:`CARD_INTRO_MAX_CHARS`); a separator alone (:data:`_CARD_MARK`,
    the card's) or a message button (:data:`_CARD_MESSAGE`, chrome) between the lines is passed
    over (a video site's ``<name>``, ``发消息``, ``<introduction>``, ``+ 关注 2.1万``). Never a
    title, wherever they stand."""
    cards: set[int] = set()
    among = list(
        itertools.compress(range(1, len(texts)), map(operator.le, chars[1:], itertools.repeat(CARD_BUTTON_MAX_CHARS)))
    )
    for b in _fullmatches(_CARD_BUTTON_LINES, _card_button, texts, among):
        lines: list[int] = []
        top = b - 1
        if top > 0 and kind[top] is Kind.METADATA:
            top -= 1  # the post's date line between the card and its button
        marks: list[int] = []
        for j in range(top, max(-1, top - CARD_LINES - 2), -1):
            if kind[j] is None and _CARD_MESSAGE.fullmatch(texts[j]):
                continue
            if kind[j] is None and _CARD_MARK.fullmatch(texts[j]):
                marks.append(j)
                continue
            if len(lines) == CARD_LINES:
                break
            if kind[j] is not None or not (
                quality[j] is Quality.SHORT
                or (not lines and quality[j] is Quality.NEAR_GOOD and chars[j] <= CARD_INTRO_MAX_CHARS)
            ):
                break
            lines.append(j)
            if len(lines) == 1 and _card_name(texts[j], chars[j]) and not (j > 0 and _person_name(texts[j - 1])):
                break  # a name right over the button: the line above it is the page's (a title)
            # unless the line above is a person's name: the name over a one-line role
            # (``张卫东`` over ``制造业供应链顾问``, a professional network's card)
        if lines and _card_name(texts[lines[-1]], chars[lines[-1]]):
            cards.update(lines)  # else the top line is no name: no card
            cards.update(m for m in marks if m > lines[-1])
            under = b + 1
            if (
                under + 1 < len(texts)
                and kind[under] is None
                and quality[under] is Quality.SHORT
                and kind[under + 1] is Kind.METADATA
                and (features[under + 1].has_date or features[under + 1].metadata_field == "published")
            ):
                cards.add(under)  # the writer's introduction under the button, over the post's date
    return cards


def _card_button(text: str) -> bool:
    """Whether a line is a follow button or a writer's figures, which a writer's card stands over."""
    return _FOLLOW_BUTTON.fullmatch(text) is not None or _PROFILE_STATS.fullmatch(text) is not None


def _fullmatches(
    joined: LazyPattern, whole: Callable[[str], object], texts: tuple[str, ...], among: list[int]
) -> list[int]:
    """The units of ``among`` (indices in increasing order) whose text ``whole`` accepts, in
    order, found by one search of their texts joined by NULs instead of one call per unit.
    ``joined`` is a pattern that ``whole`` fullmatches, wrapped as a NUL, the pattern, and a NUL
    looked ahead at, where the pattern matches no NUL: a match opens at the NUL before a text and
    ends at the NUL after it, which the next match opens with. A text that holds a NUL itself
    makes the units asked one by one."""
    if not among:
        return []
    parts = list(map(texts.__getitem__, among))
    page = "\x00" + "\x00".join(parts) + "\x00"
    if page.count("\x00") != len(parts) + 1:
        return [i for i, text in zip(among, parts, strict=True) if whole(text)]
    found = [m.start() for m in joined.finditer(page)]
    if not found:
        return []
    starts = list(itertools.accumulate(map((1).__add__, map(len, parts)), initial=0))  # each NUL's offset
    return [among[bisect.bisect_right(starts, at) - 1] for at in found]


def _poster_again(page: _Page, i: int, cards: set[int], kinds: list[Kind]) -> bool:
    """Whether unit ``i``, right over the post's title (or its text), is the poster's name shown
    again: a short line no cue decided, without punctuation (:func:`_card_name`), that the head
    showed before as an account's (within :data:`HEAD_WINDOW` units: a writer's card, or a line
    beside the account's audience, :data:`_AUDIENCE`). A channel's or a profile's page (Telegram,
    Instagram, a video site's) names the account in its header and again over each post; a
    section's name shown again over the title stands amid menu items, beside no audience."""
    g, key = page.guesses[i], page.keys[i]
    if kinds[i] is not Kind.NAV or g.kind is not None or g.quality is not Quality.SHORT or not key:
        return False
    if not _card_name(page.texts[i], page.features[i].chars):
        return False
    texts = page.texts
    return any(
        page.keys[j] == key
        and (j in cards or any(0 <= k < i and _AUDIENCE.fullmatch(texts[k].strip()) for k in (j - 1, j + 1)))
        for j in range(max(0, i - HEAD_WINDOW), i - 1)
    )


def _after_card(page: _Page, region: tuple[int, int], cards: set[int]) -> tuple[int, int]:
    """The region without the header it took in: when a writer's card (:func:`_author_cards`)
    stands in its first :data:`HEAD_WINDOW` units before any paragraph of prose (a question
    ending with ``？`` reads as a sentence, and drew the card and its buttons into the text),
    the text starts at the first body-like unit after the card's button."""
    start, end = region
    head = [c for c in cards if start <= c < min(end, start + HEAD_WINDOW)]
    if not head or any(page.quality[k] is Quality.GOOD for k in range(start, min(head))):
        return region
    for k in range(max(head) + 2, end + 1):
        if page.quality[k] in _BODY_LIKE and page.kind[k] is None:
            return k, end
    return region


def _card_name(text: str, chars: int) -> bool:
    """Whether a card's line reads as a name: short (:data:`CARD_NAME_MAX_CHARS`), without
    punctuation, and no list of roles (:data:`_CARD_ROLES_SEPARATOR`)."""
    return (
        chars <= CARD_NAME_MAX_CHARS
        and _HEADING_PUNCTUATION.search(text) is None
        and _CARD_ROLES_SEPARATOR.search(text) is None
    )


def _header_run(page: _Page, lo: int, hi: int, kinds: list[Kind], reasons: list[tuple[str, ...]]) -> None:
    """Make metadata the short lines no cue decided that stand between the fields of a post's
    header: under the title (unit ``lo - 1``) or a metadata line, over a metadata line, in an
    unbroken run of such lines and metadata between the title and the text (up to ``hi``) that
    holds the post's date. Forums, Q&A and review sites, guide hubs and film sites set the
    header so, a field a line, some without a label: the category with the tags (``求助
    cross-compile arm``), the writer's name with the rating (``<name> 评论 <film> 力荐``),
    ``Languages: 简体中文``. A line under the header's last field is not between two: an audio
    player's or a font-size control under the date, a share bar or an account's card, stays; so
    does a follow button (:data:`_FOLLOW_BUTTON`) between two fields. The post's figures right
    under its last field, a line each (:data:`_HEADER_FIGURE`: ``1,284 Unique Visitors``, ``73
    Current Favorites``), are the header's, like a view count."""
    features = page.features

    def loose(j: int) -> bool:
        return _loose_nav(page, kinds, j) and _FOLLOW_BUTTON.fullmatch(page.texts[j]) is None

    i = lo
    while i < hi:
        j = i
        while j < hi and (kinds[j] is Kind.METADATA or loose(j)):
            j += 1
        if any(
            kinds[k] is Kind.METADATA and (features[k].has_date or features[k].metadata_field == "published")
            for k in range(i, j)
        ):
            for k in range(i, j):
                if (
                    loose(k)
                    and (k == lo or (kinds[k - 1] is Kind.METADATA and _FIELD_SEPARATOR.search(page.texts[k])))
                    and k + 1 < j
                    and kinds[k + 1] is Kind.METADATA
                ):
                    kinds[k] = Kind.METADATA
                    reasons[k] = (*reasons[k], "header_field")
            last = max(k for k in range(i, j) if kinds[k] is Kind.METADATA)
            for k in range(last + 1, j):
                if not _HEADER_FIGURE.fullmatch(page.texts[k]):
                    break
                # ``1,284 Unique Visitors`` under the header's last field: the post's figures
                kinds[k] = Kind.METADATA
                reasons[k] = (*reasons[k], "header_figure")
        i = j + 1


def _loose_nav(page: _Page, kinds: list[Kind], j: int) -> bool:
    """Whether unit ``j`` is nav by its place alone: a short line that no cue decided and no
    button, no longer than a field's value (:data:`FIELD_VALUE_MAX_CHARS`), which the zone rules
    took for the menu around a header (a post's field between two, a review's line)."""
    g = page.guesses[j]
    return (
        kinds[j] is Kind.NAV
        and g.kind is None
        and g.quality is Quality.SHORT
        and not page.is_button[j]
        and page.features[j].chars <= FIELD_VALUE_MAX_CHARS
    )


def _review_header(page: _Page, start: int, kinds: list[Kind], reasons: list[tuple[str, ...]]) -> None:
    """Make metadata a review's header above its text: a rating (:data:`_RATING`) within
    :data:`REVIEW_RATING_NEAR` units of a dated metadata line, the short line right above the
    two (the reviewer's name: ``<name>``, ``<name>'s review``) and the short lines from them
    down to the text (``Format: …``, ``Verified Purchase``, ``Read in <month>``), each decided
    by no cue and no button. Shops and book and film sites set a review so, under the reviewed
    item's card; a ``by <name>`` line in that card, just above the header, is the item's author,
    not the review's: nav, like the rest of the card."""
    features, texts = page.features, page.texts

    def loose(j: int) -> bool:
        return _loose_nav(page, kinds, j)

    for d in range(max(0, start - HEAD_WINDOW), start):
        if kinds[d] is not Kind.METADATA or not (features[d].has_date or features[d].metadata_field == "published"):
            continue
        near = range(max(0, d - REVIEW_RATING_NEAR), min(start, d + REVIEW_RATING_NEAR + 1))
        ratings = [r for r in near if loose(r) and _RATING.fullmatch(texts[r])]
        if not ratings:
            continue
        top = min(d, ratings[0])
        first = top - 1 if top > 0 and loose(top - 1) else top
        for k in range(first, start):
            if loose(k):
                kinds[k] = Kind.METADATA
                reasons[k] = (*reasons[k], "review_header")
        for k in range(max(0, first - REVIEW_CARD_SCAN), first):
            if kinds[k] is Kind.METADATA and features[k].metadata_field == "author" and _LABEL_BY.match(texts[k]):
                kinds[k] = Kind.NAV
                reasons[k] = (*reasons[k], "item_card_byline")
        return


def _name_over_title_date(page: _Page, title: int, kinds: list[Kind], reasons: list[tuple[str, ...]]) -> None:
    """Make metadata the writer's name over the post's date right above the title: blog and
    developer platforms (Forem, Hashnode, Medium's lists) set the byline so, above the title, not
    under it. The name is a Chinese personal name (:func:`_zh_name`) or a user's
    (:data:`_USER_NAME`), decided by no cue: a line of capitalised words there may be the blog's
    own name (Blogger's date header stands between it and the post's title)."""
    date, name = title - 1, title - 2
    if name < 0 or kinds[date] is not Kind.METADATA or kinds[name] is not Kind.NAV:
        return
    f, text = page.features[date], page.texts[name]
    if not (f.has_date or f.metadata_field == "published") or page.guesses[name].kind is not None:
        return
    if _zh_name(text) or _USER_NAME.fullmatch(text):
        kinds[name] = Kind.METADATA
        reasons[name] = (*reasons[name], "name_over_title_date")


def _stamp_after_text(page: _Page, end: int, kinds: list[Kind], reasons: list[tuple[str, ...]]) -> None:
    """Make metadata a post's card set after its text: when the post's stamp (a dated metadata
    line) stands within :data:`TAIL_WINDOW` units after the text, across no line of text, the
    name right under it (the poster's: :func:`_person_name` or :data:`_USER_NAME`) and the
    line right after the text, short, without punctuation and decided by no cue (the post's tags
    without their label) are the post's too. Q&A sites (Stack Exchange, SegmentFault) close the
    question so: its tags, the share buttons, ``asked <date>`` and the asker's name."""
    n = len(page.units)
    features, guesses, texts = page.features, page.guesses, page.texts
    for s in range(end + 2, min(n, end + 1 + TAIL_WINDOW)):
        if page.quality[s - 1] in _BODY_LIKE:
            return
        if kinds[s] is not Kind.METADATA or not (features[s].has_date or features[s].metadata_field == "published"):
            continue
        name, tags = s + 1, end + 1
        if (
            name < n
            and kinds[name] is Kind.FOOTER
            and guesses[name].kind is None
            and (_person_name(texts[name]) or _USER_NAME.fullmatch(texts[name]) is not None)
        ):
            kinds[name] = Kind.METADATA
            reasons[name] = (*reasons[name], "poster_under_stamp")
            if (
                kinds[tags] is Kind.FOOTER
                and guesses[tags].kind is None
                and guesses[tags].quality is Quality.SHORT
                and _HEADING_PUNCTUATION.search(texts[tags]) is None
            ):
                kinds[tags] = Kind.METADATA
                reasons[tags] = (*reasons[tags], "tags_after_text")
        return


def _poster_over_date(page: _Page, start: int) -> bool:
    """Whether the unit two above the text is a poster's name over the post's dateline: the
    line right above the text a dateline, the one over it short, without punctuation, no longer
    than a card's name (:data:`CARD_NAME_MAX_CHARS`) and decided by no cue."""
    date, name = start - 1, start - 2
    if page.kind[date] is not Kind.METADATA or "dateline" not in page.why[date]:
        return False
    g = page.guesses[name]
    return (
        g.kind is None
        and g.quality is Quality.SHORT
        and page.features[name].chars <= CARD_NAME_MAX_CHARS
        and not _HEADING_PUNCTUATION.search(page.texts[name])
    )


def _account_over_stamp(page: _Page, i: int, start: int) -> bool:
    """Whether unit ``i`` is an account's screen name over its post's stamp: a short line no cue
    decided, without punctuation (:func:`_card_name`), right over a metadata line that says where
    or from what the post was sent (:data:`_POST_STAMP`: ``<time> 发布于 江苏``, ``来自 <client>``,
    ``IP 属地…``). Chinese social platforms stamp every post so, under the account's name,
    which is a nickname (``骑行的老周``), seldom a personal name :func:`_zh_name` would read."""
    j = i + 1
    return (
        j < start
        and page.kind[j] is Kind.METADATA
        and page.guesses[i].quality is Quality.SHORT
        and _card_name(page.texts[i], page.features[i].chars)
        and _POST_STAMP.search(page.texts[j]) is not None
    )


def _poster(page: _Page, i: int, end: int) -> bool:
    """Whether unit ``i``, right under the title, is the name of the thread's poster: a short
    line no cue decided, without punctuation (:func:`_card_name`), that the page shows again
    after the text over a reply (a line of prose within :data:`POSTER_REPLY_NEAR` units; a menu
    item shown again in the footer has other items under it)."""
    g, key = page.guesses[i], page.keys[i]
    if g.kind is not None or g.quality is not Quality.SHORT or not key:
        return False
    if not _card_name(page.texts[i], page.features[i].chars):
        return False
    n = len(page.units)
    return any(
        a > end and any(page.quality[k] in _BODY_LIKE for k in range(b + 1, min(n, b + 1 + POSTER_REPLY_NEAR)))
        for a, b in page.titles.get(key, ())
    )


def _version_headings(page: _Page, start: int, end: int, kinds: list[Kind], reasons: list[tuple[str, ...]]) -> None:
    """A version's name (``中文版``, ``English version``: :data:`_VERSION_HEADING`) inside the
    article, between the text in one language and the text in the other (or the title's
    translation over it): the second version's heading (a release note given in English, then in
    Chinese), not a language switch's link."""
    texts, n = page.texts, len(kinds)
    for i in range(start + 1, min(end, n - 1)):
        if (
            kinds[i] is Kind.FOOTER
            and page.guesses[i].kind is Kind.NAV
            and _VERSION_HEADING.fullmatch(texts[i]) is not None
            and kinds[i - 1] in BODY_KINDS
            and kinds[i + 1] in _VERSION_NEXT
            and _latin_led(page, i - 1) != _latin_led(page, i + 1)
        ):
            kinds[i] = Kind.SUBHEADING
            reasons[i] = (*reasons[i], "version_heading")


def _labels_over_text(page: _Page, start: int, end: int, kinds: list[Kind], reasons: list[tuple[str, ...]]) -> None:
    """A summary's label alone on its line (``摘要：``, ``Abstract:``) right over the article's
    first paragraph or one inside it: the heading of the text it names (a journal article's
    abstract, the text a journal's page gives), not a summary's label over a teaser."""
    texts, n = page.texts, len(kinds)
    for i in range(max(start - 1, 0), min(end, n - 1)):
        if (
            kinds[i] is Kind.TEASER
            and "teaser_cue" in reasons[i]
            and texts[i][-1:] in ":："
            and kinds[i + 1] is Kind.PARAGRAPH
            and i + 1 >= start
        ):
            kinds[i] = Kind.SUBHEADING
            reasons[i] = (*reasons[i], "label_over_text")


def _word_boxes(page: _Page, start: int, end: int, kinds: list[Kind], reasons: list[tuple[str, ...]]) -> None:
    """:data:`WORD_BOX_MIN_ENTRIES` gloss entries in a row or more inside the article
    (:data:`_GLOSS_ENTRY`, with a blank before the gloss: :data:`_GLOSS_GAP`) and the heading
    over them (``重点词汇``): a study page's word box set between the article and its
    translation, footer as the box after the text is."""
    texts, quality = page.texts, page.quality

    def entry(j: int) -> bool:
        return (
            quality[j] is Quality.SHORT
            and not texts[j].isascii()  # both patterns need a Han character; English lines end here
            and _GLOSS_GAP.search(texts[j]) is not None  # first: the entry's pattern backtracks over words
            and _GLOSS_ENTRY.fullmatch(texts[j]) is not None
        )

    for i, j in _runs(start, end, entry):
        if j - i >= WORD_BOX_MIN_ENTRIES:
            heading = i - 1 if i > start and kinds[i - 1] is Kind.SUBHEADING else i
            for k in range(heading, j):
                kinds[k] = Kind.FOOTER
                reasons[k] = (*reasons[k], "word_box")


def _ads_in_other_language(
    page: _Page, start: int, end: int, kinds: list[Kind], reasons: list[tuple[str, ...]]
) -> None:
    """The lines under an ad's label inside a text in one language (:data:`_AD_LABEL`) that are
    written wholly in the other, up to :data:`MAX_BOX_UNITS` and through the ad's other chrome
    (its button): the ad's copy (a Chinese ad widget set inside an English article, or an English
    one inside a Chinese article), footer as the label is. A line in the text's language ends it."""
    labels = [i for i in range(start, end + 1) if kinds[i] is Kind.FOOTER and _AD_LABEL.fullmatch(page.texts[i])]
    if not labels:
        return
    body_latin = _monolingual_body(page, start, end)
    if body_latin is None:
        return  # a text with its translation: the other language is the text's own
    for i in labels:
        for j in range(i + 1, min(i + MAX_BOX_UNITS, end) + 1):
            if kinds[j] is Kind.FOOTER:
                continue
            if kinds[j] not in BODY_KINDS or not _one_script(page, j, j, latin=not body_latin):
                break
            kinds[j] = Kind.FOOTER
            reasons[j] = (*reasons[j], "ad_other_language")


def _drop_caps(page: _Page, start: int, end: int, kinds: list[Kind], reasons: list[tuple[str, ...]]) -> None:
    """A drop cap (:data:`_DROP_CAP`) right over a paragraph of the text (``start - 1`` to
    ``end``) that opens with a small letter, the rest of its word: a paragraph, the text's own."""
    texts = page.texts
    for i in range(max(start - 1, 0), min(end, len(kinds) - 1)):
        if (
            kinds[i] is not Kind.PARAGRAPH
            and kinds[i + 1] is Kind.PARAGRAPH
            and texts[i + 1].lstrip()[:1].islower()
            and _DROP_CAP.fullmatch(texts[i]) is not None
        ):
            kinds[i] = Kind.PARAGRAPH
            reasons[i] = (*reasons[i], "drop_cap")


def _runs(start: int, end: int, member: Callable[[int], bool]) -> Iterator[tuple[int, int]]:
    """The longest runs ``i..j - 1`` of units in ``start..end`` that ``member`` holds for, in
    order, as ``(i, j)``: asked lazily, so a caller may relabel a run's units before the next.

    >>> list(_runs(0, 6, lambda j: j in {1, 2, 5, 6}))
    [(1, 3), (5, 7)]
    """
    i = start
    while i <= end:
        j = i
        while j <= end and member(j):
            j += 1
        if j > i:
            yield i, j
        i = max(j, i + 1)


def _heading_lists(page: _Page, start: int, end: int, kinds: list[Kind], reasons: list[tuple[str, ...]]) -> None:
    """More than :data:`HEADING_LIST_MIN_ITEMS` lines in a row inside the article that the rule
    for one short line takes for headings: the first is the heading of a list, the others its
    items (paragraphs), and the run's last line a heading too when short lines follow it (it
    heads them: the next section's heading, right after the list). A line in capitals or without
    a letter breaks the run (a heading in capitals; a figure's number, letters read off a
    picture), as a Markdown heading's mark does."""
    texts = page.texts

    def heading(j: int) -> bool:
        return (
            kinds[j] is Kind.SUBHEADING
            and reasons[j][-1:] == ("short_title_in_body",)
            and texts[j][:1] != "#"  # a Markdown heading's mark: a heading whatever stands around it
            and not texts[j].isupper()  # a heading in capitals, or letters read off a picture
            and _LETTER.search(texts[j]) is not None  # a bare number: a figure's, no list's item
        )

    for i, j in _runs(start, end, heading):
        last = j
        if j <= end and page.quality[j] is Quality.SHORT and kinds[j] is Kind.PARAGRAPH:
            last = j - 1  # the run's last line heads the short lines under it
        if last - i > HEADING_LIST_MIN_ITEMS:
            for k in range(i + 1, last):
                kinds[k] = Kind.PARAGRAPH
                reasons[k] = (*reasons[k][:-1], "heading_list_item")


def _zone_labels(
    page: _Page,
    special: dict[int, tuple[Kind, str]],
    start: int,
    end: int,
    headline: int | None,
    boxes: set[int],
    items: set[int],
    end_of_text: int,
    listed: set[int],
    runs: frozenset[int],
) -> list[tuple[Kind, str]]:
    """Every unit's kind and the rule that gave it, by its zone (before, inside or after the
    article ``start..end``), unless ``special`` gives it (the headline, its repeats, a paragraph
    shown twice); a box's units and a list's (``boxes``, ``items``) come before the zone's rules
    inside the article and after it. The common case of each zone (a unit with no cue before
    the article, a paragraph inside it, a unit without a tail's cue after it) is decided here,
    the rest by :func:`_before`, :func:`_inside` and :func:`_after`."""
    n = len(page.units)
    features, guesses, texts, quality, kind, why = (
        page.features,
        page.guesses,
        page.texts,
        page.quality,
        page.kind,
        page.why,
    )
    teaser_of = tuple(map(_TEASER_OF, features))
    # Before the article: a unit no cue decided is nav, up to the headline (after it, a line may
    # be a standfirst); ``special`` is given last, over every zone's rule.
    before_body = Kind.NAV, "before_body"
    plain_until = start if headline is None else max(0, min(start, headline + 1))
    out = [
        before_body
        if kind[i] is None and teaser_of[i] < 0 and "dateline" not in why[i]
        else _before(guesses[i], features[i], i, headline, start)
        for i in range(plain_until)
    ]
    out += [_before(guesses[i], features[i], i, headline, start) for i in range(plain_until, start)]
    in_body = Kind.PARAGRAPH, "in_body"
    body_like = Quality.GOOD, Quality.NEAR_GOOD
    out += [
        _boxed(page, i, boxes, end_of_text)
        if i in boxes or i in items
        else (Kind.SUBHEADING, "listed_in_contents")
        if i in listed
        else in_body
        if kind[i] is None and quality[i] in body_like and teaser_of[i] < 0
        else _inside(guesses[i], features[i], texts[i], i in runs)
        for i in range(start, end + 1)
    ]
    # After the article: a unit is footer unless its cue is one of the tail's (see _after);
    # those in order, since the article's own URL is the first one after it.
    after = range(end + 1, n)
    out += [(Kind.FOOTER, "after_body")] * len(after)
    tail_end = _tail_end(page, end)
    source_url_seen = False
    section = next(
        (i for i in after if "section_cue" in why[i] or (quality[i] is Quality.SHORT and _FLOOR.fullmatch(texts[i]))), n
    )
    for i in itertools.compress(after, map(_TAIL_KINDS.__contains__, kind[end + 1 :])):  # else after_body
        if i not in special and i not in boxes and i not in items:
            out[i] = got = _after(guesses[i], features[i], i <= tail_end, source_url_seen)
            if got[0] is Kind.METADATA and i > section and not _TAGS_FIELD.match(texts[i]):
                # The date or author of an item under a section's heading (``更多回答``, ``Comments``)
                # or a reply's floor (``沙发``, ``2楼``): another answer's, reply's or story's.
                out[i] = Kind.FOOTER, "under_section"
            elif (
                got[0] is Kind.METADATA
                and i > tail_end
                and (features[i].has_date or features[i].metadata_field == "published")
                and page.likes[i - 1]
                and any("section_cue" in why[k] for k in range(end + 1, i - 1))
            ):
                # ``Published 12 March`` under a link title in a "More on this story" list: the
                # linked story's date, past the article's tail and a section's heading.
                out[i] = (Kind.FOOTER, "item_date")
            elif got[0] is Kind.METADATA and "activity_stamp" in why[i]:
                # ``<user> commented on Mar 4`` after the text: a reply's header in a thread.
                out[i] = (Kind.FOOTER, "reply_stamp")
            elif got[0] is Kind.METADATA and i > end + 1 and _reply_header(page, i):
                # A name, its date, then a line of text: a reply's header, the post's buttons
                # above it (Douban's groups, forums), not the post's own date.
                out[i] = (Kind.FOOTER, "reply_date")
            elif got[0] is Kind.SOURCE_URL:
                source_url_seen = True
                if _url_label(page, i - 1):
                    out[i - 1] = (Kind.SOURCE_URL, "url_label")
    for i in (*boxes, *items):
        if i > end:  # a box or a list item the region was cut before
            out[i] = _boxed(page, i, boxes, end_of_text)
    for i, got in special.items():
        out[i] = got
    return out


def _tag_values(page: _Page, i: int) -> list[int]:
    """The short lines under the tags label ``i`` that may be its tags, one a line (at most
    :data:`TAG_VALUES_MAX`): no cue, no sentence, no field's colon, no label over a name."""
    values: list[int] = []
    for j in range(i + 1, min(i + 1 + TAG_VALUES_MAX, len(page.units))):
        f, text = page.features[j], page.texts[j]
        if (
            page.kind[j] is not None
            or page.quality[j] is not Quality.SHORT
            or f.chars > TAG_VALUE_MAX_CHARS
            or f.ends_sentence
            or _FIELD_SEPARATOR.search(text) is not None
            or _LABEL_BY.fullmatch(text) is not None
        ):
            break
        values.append(j)
    return values


def _reply_header(page: _Page, i: int) -> bool:
    """Whether the dated unit ``i`` after the article heads a reply: a bare date (no field's
    label) with a short line no cue decided right above it (the replier's name) and a line of
    prose no cue decided right under it (the reply), as comment threads set each reply. The
    post's own stamp carries its label (``发布于 …``, ``编辑于 …``) or stands over its buttons."""
    return (
        page.features[i].has_date
        and page.features[i].metadata_field is None
        and i + 1 < len(page.texts)
        and page.quality[i - 1] is Quality.SHORT
        and page.kind[i - 1] is None
        and page.quality[i + 1] in _BODY_LIKE
        and page.kind[i + 1] is None
    )


def _boxed(page: _Page, i: int, boxes: set[int], end_of_text: int) -> tuple[Kind, str]:
    """The kind of a unit of a box inside the article (``boxes``), or of a list it ends with."""
    if i in boxes:
        return Kind.FOOTER, "in_body_box"
    text = page.texts[i]
    if i == end_of_text + 1 and not _list_item(text) and text[-1:] not in ":：":
        return Kind.SUBHEADING, "list_heading"
    return Kind.PARAGRAPH, "list_after_body"


def _author_bios(page: _Page, region: tuple[int, int], kinds: list[Kind], reasons: list[tuple[str, ...]]) -> None:
    """The author's note at the article's end (``Dana Whitfield is a reporter covering …``,
    ``Dana Whitfield's book …``): among the last :data:`BIO_SCAN` units of the text, a paragraph
    (or a short line) that opens with the name the article's byline gives, as the subject of its
    sentence, or that says who the writer is whatever the byline (:data:`_BIO_SENTENCE`), is
    ``footer`` (``author_bio``). News sites and blogs of many countries close an article so."""
    start, end = region
    name = next(
        (
            m.group("name")
            for i in range(max(0, start - HEADER_LOOKBACK), start)
            if page.guesses[i].kind is Kind.METADATA and (m := _BYLINE_NAME.match(page.units[i].text))
        ),
        None,
    )
    for i in range(max(start + 1, end - BIO_SCAN + 1), end + 1):
        text = page.units[i].text
        if kinds[i] is not Kind.PARAGRAPH and kinds[i] is not Kind.SUBHEADING:
            continue
        if (name is not None and text.startswith(name) and _BIO_VERB.match(text, len(name))) or (
            page.features[i].chars <= BIO_MAX_CHARS and _BIO_SENTENCE.match(text)
        ):
            kinds[i] = Kind.FOOTER
            reasons[i] = (*reasons[i], "author_bio")


def _rival(candidates: list[tuple[float, int, int]], region: tuple[int, int] | None) -> float:
    """The best other candidate's body score over the chosen region's (see :attr:`Revision.rival`)."""
    chosen = next((mass for mass, a, b in candidates if (a, b) == region), 0.0)
    other = max((mass for mass, a, b in candidates if (a, b) != region), default=0.0)
    return other / chosen if chosen > 0 else 0.0


# ----------------------------------------------------------------------------- the scores
def _scores(
    features: tuple[Features, ...],
    quality: tuple[Quality, ...],
    kind: tuple[Kind | None, ...],
    why: tuple[tuple[str, ...], ...],
    chars: tuple[int, ...],
    fkeys: tuple[str, ...],
) -> tuple[list[float], frozenset[int], frozenset[int], frozenset[int], frozenset[int]]:
    """Every unit's body score, the units scored as lines of running text, the short units of
    their runs, the paragraphs shown twice a few units apart (a gallery's captions), and the
    units of a section's link list under its heading (not text, wherever they stand). Reads
    the guesses' columns (``quality``, ``kind``, ``why``: their reasons) and the features'
    ``chars`` and ``key``."""
    n = len(quality)
    good, near_good, short = Quality.GOOD, Quality.NEAR_GOOD, Quality.SHORT
    units = range(n)
    is_good = list(map(operator.is_, quality, itertools.repeat(good)))
    short_cost, bad_cost = -SHORT_COST, -BAD_COST  # one float each, shared by the list
    scores = [short_cost if q is short else bad_cost for q in quality]
    twins: set[int] = set()
    repeated = len(set(fkeys)) < n  # no twin on a page that repeats no key
    for i in itertools.compress(units, is_good):
        key = fkeys[i]
        lo, hi = max(0, i - TWIN_NEAR), min(n, i + TWIN_NEAR + 1)
        if (
            repeated
            and fkeys[lo:hi].count(key) > 1
            and any(chars[k] == chars[i] and fkeys[k] == key for k in range(lo, hi) if k != i)
        ):
            # A long paragraph shown twice a few units apart is a gallery's caption (its
            # thumbnail's and its slide's), not the article's text, which never repeats itself so.
            scores[i] = -SHORT_COST
            twins.add(i)
        else:
            scores[i] = min(size(features[i]), UNIT_SCORE_CAP)
    for i in itertools.compress(units, map(operator.is_, quality, itertools.repeat(near_good))):
        scores[i] = NEAR_GOOD_WEIGHT * min(size(features[i]), UNIT_SCORE_CAP)
    for i in itertools.compress(units, map(operator.is_, quality, itertools.repeat(Quality.BAD))):
        if "section_cue" in why[i] or (kind[i] is Kind.METADATA and _closes_article(features[i], why[i])):
            scores[i] = -WALL_COST
    for i in itertools.compress(units, map(operator.contains, why, itertools.repeat("dateline"))):
        # A date alone on its line between two paragraphs heads an entry of a timeline or a
        # diary; it is not the dateline of a new article.
        if 0 < i < n - 1 and is_good[i - 1] and quality[i + 1] in _BODY_LIKE:
            scores[i] = -SHORT_COST
    text_lines, runs, section_lists = _score_text_runs(features, quality, kind, why, scores)
    # jusText's context rule: a short unit whose nearest scored neighbours on both sides are
    # body-like costs little (the units between two body-like scored units, a pass over the
    # scored ones). A picture's caption between paragraphs is bridged the same way: pictures
    # sit inside the text, so a one-sentence lead above one is the body's first paragraph,
    # not a standfirst.
    last, last_body = -1, False
    scored = map(  # not short, not a caption
        operator.and_,
        map(operator.is_not, quality, itertools.repeat(short)),
        map(operator.is_not, kind, itertools.repeat(Kind.CAPTION)),
    )
    for i in itertools.compress(units, scored):
        body = quality[i] in _BODY_LIKE
        if body and last_body and i > last + 1:
            scores[last + 1 : i] = [-BRIDGE_COST] * (i - last - 1)
        last, last_body = i, body
    for i in itertools.compress(units, map(operator.contains, why, itertools.repeat("continues_marker"))):
        _bridge_marker(quality, kind, scores, i)
    return scores, text_lines, runs, frozenset(twins), section_lists


def _bridge_marker(quality: tuple[Quality, ...], kind: tuple[Kind | None, ...], scores: list[float], i: int) -> None:
    """Let the region run across the marker ``i`` that says the text goes on: every unit of the
    gap between the body-like units around it costs as a bridged one, unless the gap holds a
    wall or is longer than :data:`CONTINUES_GAP_MAX`."""
    n = len(scores)
    lo, hi = i - 1, i + 1
    while lo >= 0 and i - lo <= CONTINUES_GAP_MAX and not _gap_end(quality[lo], kind[lo]):
        lo -= 1
    while hi < n and hi - lo <= CONTINUES_GAP_MAX and not _gap_end(quality[hi], kind[hi]):
        hi += 1
    if lo < 0 or hi >= n or hi - lo - 1 > CONTINUES_GAP_MAX:
        return
    if any(s <= -WALL_COST for s in scores[lo + 1 : hi]):
        return
    scores[lo + 1 : hi] = [-BRIDGE_COST] * (hi - lo - 1)


def _gap_end(quality: Quality, kind: Kind | None) -> bool:
    """Whether a unit ends the gap around a marker: a body-like unit, not a caption."""
    return quality in _BODY_LIKE and kind is not Kind.CAPTION


def _closes_article(f: Features, reasons: tuple[str, ...]) -> bool:
    """Whether a metadata line (its features and its guess's reasons) stands at an article's
    edge, never inside its text: a dateline, a byline or credit, a source, author or editor
    field, a line of several fields."""
    for reason in reasons:
        if reason in ("dateline", "credit", "metadata_fields"):
            return True
        if reason.startswith("metadata_cue:"):
            field = reason.partition(":")[2]
            if field == "author" and _TRANSLATOR_CREDIT.match(f.key):
                return False  # a translator's credit: the translation's notes may follow
            return field in WALL_FIELDS or (field == "published" and f.has_date)
    return False


def _text_line(f: Features) -> bool:
    """A short unit with no cue (its guess's reasons are ``("short",)``) that reads as a line
    of running text: a verse of a poem or a song, a blogger's one-line paragraph. Chinese:
    :data:`TEXT_LINE_MIN_HAN` characters or more; English: :data:`TEXT_LINE_MIN_WORDS` words or
    more in sentence case (menus and titles capitalise most words). Not a truncated, dated or
    ranked line: those are link lists."""
    if f.truncated or f.has_date or f.ranked or f.items > TEXT_LINE_MAX_ITEMS:
        return False  # a link's cut preview, a title with its date, an item of a ranking, a breadcrumb
    s = f.scripts
    if s.han >= s.latin_words:
        return s.han >= TEXT_LINE_MIN_HAN
    return s.latin_words >= TEXT_LINE_MIN_WORDS and f.capital_share <= TEXT_LINE_MAX_CAPITALS


def _score_text_runs(
    features: tuple[Features, ...],
    quality: tuple[Quality, ...],
    kind: tuple[Kind | None, ...],
    why: tuple[tuple[str, ...], ...],
    scores: list[float],
) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    """Score the text lines of long runs of them as body: :data:`MIN_TEXT_RUN` text lines or
    more, with prose between them and a few odd short lines (``[Chorus]``) allowed, are a poem,
    lyrics or a photo blog's text; the odd lines cost as bridged ones. Then the runs of lines
    next to their translations (:func:`_score_translated_runs`). Returns the text lines,
    all the short units of the runs (text lines and odd lines), and the units of the sections'
    link lists found instead (:func:`_section_heading_over`)."""
    n = len(scores)
    out: set[int] = set()
    members: set[int] = set()
    short = Quality.SHORT
    candidates = [
        i for i in itertools.compress(range(n), map(_SHORT_ONLY.__eq__, why)) if quality[i] is short and kind[i] is None
    ]
    found: list[int] = []
    rest: list[int] = []
    for i in candidates:
        (found if _text_line(features[i]) else rest).append(i)
    # A line is another's translation only where one of the two is mostly Han and the other not
    # (:func:`_line_and_translation`): the rest is asked only next to such a change, found for
    # the whole page by passes in C.
    scripts = tuple(map(_SCRIPTS, features))
    han_led = list(map(operator.ge, map(_HAN, scripts), map(_LATIN_WORDS, scripts)))
    changes = set(itertools.compress(range(n - 1), map(operator.ne, han_led, han_led[1:])))
    translated = [
        i for i in rest if (i in changes or i - 1 in changes) and _translated_line(features, quality, kind, i)
    ]
    if not found and not translated:
        return frozenset(), frozenset(), frozenset()
    lists: set[int] = set()
    is_line = [False] * n
    for i in found:
        is_line[i] = True
    i = at = 0
    while True:  # from each text line on (the next one at or after ``i``, found by bisection)
        at = bisect.bisect_left(found, i, at)
        if at == len(found):
            break
        i = found[at]
        if (
            i > 0
            and kind[i - 1] is Kind.METADATA
            and i + 1 < n
            and is_line[i + 1]
            and not _line_and_translation(features[i], features[i + 1])
        ):
            # The line after a dateline that opens a run is the post's title, not its text; but a
            # line followed by its translation (lyrics, a poem with its version) is the text's first.
            i += 1
        last, lines, gap = i, 0, 0
        first_prose, listed = -1, 0  # the run's first body-like unit, and its lines before it
        for k in range(i, n):
            if is_line[k]:
                lines += 1
                last, gap = k, 0
            elif quality[k] in _BODY_LIKE:
                last, gap = k, 0
                if first_prose < 0:
                    first_prose, listed = k, lines
            elif quality[k] is short and kind[k] is None and gap < MAX_TEXT_RUN_GAP:
                gap += 1
            else:
                break
        if first_prose < 0:
            listed = lines
        heading = _section_heading_over(features, quality, kind, why, i) if listed >= SECTION_LIST_MIN_LINES else -1
        if heading >= 0:
            # A section's link titles under its heading: not text; a run may start after them.
            i = first_prose if first_prose >= 0 else last + 1
            lists.update(range(heading + 1, i))
            continue
        if lines >= MIN_TEXT_RUN:
            for m in range(i, last + 1):
                if is_line[m]:
                    scores[m] = TEXT_LINE_WEIGHT * min(size(features[m]), UNIT_SCORE_CAP)
                    out.add(m)
                    members.add(m)
                elif quality[m] is short:
                    scores[m] = -BRIDGE_COST  # an odd line of the run: a refrain, a marker
                    members.add(m)
        i = last + 1
    if translated:
        _score_translated_runs(features, quality, kind, scores, set(found), set(translated), out, members)
    return frozenset(out), frozenset(members), frozenset(lists)


def _score_translated_runs(
    features: tuple[Features, ...],
    quality: tuple[Quality, ...],
    kind: tuple[Kind | None, ...],
    scores: list[float],
    own: set[int],
    translated: set[int],
    out: set[int],
    members: set[int],
) -> None:
    """Score as text the lines of runs of lines each next to its translation
    (:data:`MIN_TRANSLATED_PAIRS` pairs or more, prose and a few odd short lines between them
    allowed): a poem or lyrics with their version, a phrase list, subtitles, given line by line
    in both languages. ``own`` are the text lines (:func:`_text_line`), ``translated`` the lines
    too short for text alone that stand next to their translation (:func:`_translated_line`);
    the pairs are taken in page order, a line in one pair at most, and their short lines join
    ``out`` and ``members``. An odd line between the pairs costs as a bridged one but is not
    text: it heads the next group (``【词汇】``, ``Verse 2``), as a subheading."""
    n = len(scores)
    short = Quality.SHORT
    lines = own | translated

    def pairable(k: int) -> bool:
        return k not in members and (
            k in lines
            or quality[k] in _BODY_LIKE
            or (quality[k] is short and kind[k] is None and _single_language(features[k].scripts))
        )

    paired: set[int] = set()
    seconds: set[int] = set()  # the second line of each pair
    # The pairs in page order, from each unit that is a line or stands over one (a pair's second
    # line is no pair's first).
    after = 0
    for k in sorted({j for line in lines for j in (line - 1, line) if 0 <= j < n - 1}):
        if k >= after and pairable(k) and pairable(k + 1) and _line_and_translation(features[k], features[k + 1]):
            paired.update((k, k + 1))
            seconds.add(k + 1)
            after = k + 2
    after = 0
    for i in sorted(paired):  # the runs, each from a paired line after the last run
        if i < after:
            continue
        last, gap, pairs = i, 0, 0
        for k in range(i, n):
            if k in paired or k in own or quality[k] in _BODY_LIKE:
                if k in seconds and k - 1 >= i and last == k - 1:
                    pairs += 1
                last, gap = k, 0
            elif quality[k] is short and kind[k] is None and gap < MAX_TEXT_RUN_GAP:
                gap += 1
            else:
                break
        if pairs >= MIN_TRANSLATED_PAIRS:
            for m in range(i, last + 1):
                if quality[m] is not short:
                    continue
                if m in paired or m in own:
                    scores[m] = TEXT_LINE_WEIGHT * min(size(features[m]), UNIT_SCORE_CAP)
                    out.add(m)
                    members.add(m)
                else:
                    scores[m] = -BRIDGE_COST
        after = last + 1


def _translated_line(
    features: tuple[Features, ...], quality: tuple[Quality, ...], kind: tuple[Kind | None, ...], i: int
) -> bool:
    """Whether a short line too short for :func:`_text_line` reads as running text all the same:
    a neighbour with no cue translates it (:func:`_line_and_translation`; a verse and its version,
    a phrase and its gloss), and it holds :data:`TRANSLATED_LINE_MIN_HAN` Han characters or
    :data:`TRANSLATED_LINE_MIN_WORDS` English words in sentence case."""
    f = features[i]
    if f.truncated or f.has_date or f.ranked or f.items > TEXT_LINE_MAX_ITEMS:
        return False
    s = f.scripts
    if s.han >= s.latin_words:
        if s.han < TRANSLATED_LINE_MIN_HAN:
            return False
    elif s.latin_words < TRANSLATED_LINE_MIN_WORDS or f.capital_share > TEXT_LINE_MAX_CAPITALS:
        return False
    return _single_language(s) and any(
        0 <= j < len(features)
        and kind[j] is None
        and quality[j] is not Quality.BAD
        and _single_language(features[j].scripts)
        and _line_and_translation(f, features[j])
        for j in (i - 1, i + 1)
    )


def _single_language(s: ScriptCounts) -> bool:
    """Whether a unit is written in one of the two languages only: a line with both in it (a
    glossary entry ``module n. 模块``, a heading ``# 黄河 Yellow River``) is no line's translation."""
    return s.han == 0 or s.latin_words == 0


def _line_and_translation(a: Features, b: Features) -> bool:
    """Whether two lines are one and its translation: one mostly Han, the other mostly Latin,
    with a text's and its translation's lengths (:func:`_translation_length`)."""
    return (a.scripts.han >= a.scripts.latin_words) != (b.scripts.han >= b.scripts.latin_words) and (
        _translation_length(a.scripts, b.scripts)
    )


def _section_heading_over(
    features: tuple[Features, ...],
    quality: tuple[Quality, ...],
    kind: tuple[Kind | None, ...],
    why: tuple[tuple[str, ...], ...],
    i: int,
) -> int:
    """The heading (its index; -1 if none) that the run of text lines starting at ``i`` stands
    right under: a chrome section's (``Must watch``, ``Related stories``, ``Most read in World``), with at most
    :data:`MAX_TEXT_RUN_GAP` short lines between (a count, ``(16 Videos)``): news templates put
    the link titles of such a section under it, one a line, each written like a line of text
    (a headline has no full stop). When :data:`SECTION_LIST_MIN_LINES` of them come before any
    prose, they are the section's list, not a poem: not scored as text (the article's own text
    may go on under such a heading when a box cuts it: then prose comes first)."""
    for k in range(i - 1, max(-1, i - 2 - MAX_TEXT_RUN_GAP), -1):
        reasons = why[k]
        if "section_cue" in reasons or ("chrome_cue" in reasons and features[k].key.startswith(RANKING_HEADS)):
            return k
        if quality[k] is not Quality.SHORT or kind[k] is not None:
            return -1
    return -1


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
    n = len(scores)
    for i in (*itertools.compress(range(n), map(operator.le, scores, itertools.repeat(-WALL_COST))), n):
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
    top, first, last = candidates[0]
    best, best_header = (first, last), _header(page, first, last)
    # With no title-like line above the best stretch its header counts as 0, not -inf: a rival
    # must still show a header by the margin, not merely any header.
    base = max(best_header, 0.0)
    for mass, a, b in candidates[1:]:
        if mass < MIN_ARTICLE_SCORE:
            continue
        header = _header(page, a, b)
        need = base + max(HEADER_MARGIN, HEADER_PER_DOUBLING * math.log2(top / mass))
        if header >= need and header > best_header:
            best, best_header = (a, b), header
    return best


def _through_boxes(page: _Page, scores: list[float], region: tuple[int, int], boxes: set[int]) -> tuple[int, int]:
    """The region carried on across the boxes a page sets inside its article (``READ MORE: …``,
    ``Related articles`` and a few link titles, ``Don't miss``), when the article's text goes on
    after them: news sites of many countries cut a long story so. A box is at most
    :data:`MAX_BOX_UNITS` units with a box label and a link title, no metadata that closes an
    article, no comment section and no other section heading (``Most read``), not ending with
    its label; the text after it is two body-like units in a row (a related list's excerpts come
    one under each title). The box's units are added to ``boxes``."""
    start, end = region
    guesses, n = page.guesses, len(page.guesses)
    while end + 2 < n:
        gap_end = end + 1
        labelled = titled = False
        while gap_end < n and gap_end - end <= MAX_BOX_UNITS:
            g = guesses[gap_end]
            if g.quality in _BODY_LIKE and g.kind is None:
                break
            if (g.kind is Kind.METADATA and _closes_article(page.features[gap_end], g.reasons)) or _COMMENTS.search(
                page.units[gap_end].text[:BOX_LABEL_SCAN]
            ):
                return start, end
            box_label = bool(_BOX_LABEL.match(page.keys[gap_end]))
            if "section_cue" in g.reasons and not box_label:
                return start, end  # a section of the site (``Most read``, ``最新文章``), not a box
            labelled = labelled or box_label
            titled = titled or (g.quality is Quality.SHORT and g.kind is None)
            gap_end += 1
        if not (labelled and titled) or gap_end == end + 1 or gap_end + 1 >= n:
            return start, end
        if _BOX_LABEL.match(page.keys[gap_end - 1]):
            return start, end  # the text after is that section's: a list of other stories
        if not (
            all(guesses[k].quality in _BODY_LIKE and guesses[k].kind is None for k in (gap_end, gap_end + 1))
            or _last_paragraph(page, gap_end)
        ):
            return start, end
        stretch_end = gap_end
        while stretch_end + 1 < n and scores[stretch_end + 1] > -WALL_COST:
            stretch_end += 1
        found = _region(scores[gap_end : stretch_end + 1])
        if found is None or found[0] != 0:
            return start, end
        boxes.update(range(end + 1, gap_end))
        end = gap_end + found[1]
    return start, end


def _boxes_inside(page: _Page, region: tuple[int, int], boxes: set[int]) -> None:
    """Add to ``boxes`` the boxes inside the region: a box label alone on its line (``DON'T
    MISS``, ``Read more``, ``相关阅读``: at most :data:`BOX_LABEL_MAX_CHARS` characters) and the
    short lines without a sentence's end under it (its link titles; lines with a cue of their own,
    a caption, keep their kind), up to :data:`MAX_BOX_UNITS` units, when the text goes on after
    them: the region took them in with the text around them."""
    start, end = region
    guesses, keys = page.guesses, page.keys
    for i in range(start + 1, end):
        if (
            len(keys[i]) > BOX_LABEL_MAX_CHARS
            or guesses[i].quality is not Quality.SHORT
            or not _BOX_LABEL.match(keys[i])
        ):
            continue
        titles: list[int] = []
        j = i + 1
        while j < end and j - i <= MAX_BOX_UNITS and not (guesses[j].quality in _BODY_LIKE and guesses[j].kind is None):
            if guesses[j].kind is None:
                if page.features[j].ends_sentence:
                    break
                titles.append(j)
            j += 1
        if titles and j <= end and guesses[j].quality in _BODY_LIKE and guesses[j].kind is None:
            boxes.add(i)
            boxes.update(titles)


def _before_feed(page: _Page, start: int, end: int) -> int:
    """The region's end cut before a feed of other stories' cards that the region ran on into
    after the article's text: from a chrome line inside the region (a newsletter box, a section's
    name) to the region's end, :data:`FEED_MIN_CARDS` excerpts or more, no two of them in a row,
    each one at most :data:`FEED_EXCERPT_MAX_CHARS` characters, with on average
    :data:`FEED_LINES_PER_CARD` short lines or more without a cue over each (a kicker, a title, a
    line of the source and the tags). An article's text goes on in paragraphs after a box, and a
    listicle or a FAQ heads each item with one line: neither is a feed."""
    guesses, features = page.guesses, page.features
    # One pass from the region's end back: what follows unit ``c`` is known when ``c`` is tried.
    excerpts = lines = 0  # excerpts and short lines after ``c``
    feed_like = True  # no two excerpts in a row after ``c``, none too long
    after_is_excerpt = False
    cut = -1  # the first chrome line that opens a feed
    for c in range(end, start, -1):
        g = guesses[c]
        if (
            c < end
            and feed_like
            and excerpts >= FEED_MIN_CARDS
            and lines >= FEED_LINES_PER_CARD * excerpts
            and (g.kind in (Kind.NAV, Kind.FOOTER) or (g.kind is None and g.quality is Quality.BAD))
        ):
            cut = c
        excerpt = g.kind is None and g.quality in _BODY_LIKE
        if excerpt:
            excerpts += 1
            feed_like = feed_like and not after_is_excerpt and features[c].chars <= FEED_EXCERPT_MAX_CHARS
        elif g.kind is None and g.quality is Quality.SHORT:
            lines += 1
        after_is_excerpt = excerpt
    if cut < 0:
        return end
    return max((k for k in range(start, cut) if guesses[k].quality in _BODY_LIKE), default=end)


def _last_paragraph(page: _Page, i: int) -> bool:
    """Whether unit ``i``, after a box inside the article, is the article's last paragraph: a
    full paragraph (``good``, ending with a sentence's end, which a long link title does not)
    right over chrome that carries a cue (``Report error``, a share bar), where a related list's
    excerpt is followed by the next story's title."""
    g = page.guesses
    return (
        g[i].quality is Quality.GOOD
        and g[i].kind is None
        and page.features[i].ends_sentence
        and i + 1 < len(g)
        and g[i + 1].kind in (Kind.NAV, Kind.FOOTER)
    )


def _back_through_box(
    page: _Page, candidates: list[tuple[float, int, int]], region: tuple[int, int], boxes: set[int]
) -> tuple[int, int]:
    """The region carried back over a box that cut the article's first paragraphs off from the
    rest (``More from UK`` and a few link titles, set after the lead): when the stretch just
    above the box has an article's mass and a stronger header than the region's, it is the
    article's start. The box is at most :data:`MAX_BOX_UNITS` units of link titles and
    headings, no text, no metadata that closes an article, no comment section; its units are
    added to ``boxes``."""
    start, end = region
    guesses = page.guesses
    for mass, a, b in candidates:
        gap = range(b + 1, start)
        if not 0 < len(gap) <= MAX_BOX_UNITS or mass < MIN_ARTICLE_SCORE:
            continue
        for k in gap:
            g = guesses[k]
            if g.quality in _BODY_LIKE or "comments_cue" in g.reasons:
                return region
            if g.kind is Kind.METADATA and _closes_article(page.features[k], g.reasons):
                return region
        if not any(guesses[k].quality is Quality.SHORT and guesses[k].kind is None for k in gap):
            return region
        while a < b and page.likes[a]:
            a += 1  # the stretch opens with the title itself (a title ending with ``?`` reads as text)
        if _BOX_LABEL.match(page.keys[b + 1]):
            # A labelled box (``Related articles`` and its link titles): its titles are no header
            # of the text under it, and a stretch as well headed as the box's place is the text's.
            if _header(page, a, b) < _header(page, b + 1, end):
                return region
        elif _header(page, a, b) <= _header(page, start, end):
            return region
        boxes.update(gap)
        return a, end
    return region


_CONTENTS_ENTRY = LazyPattern(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+(?P<name>\S.{0,60})")
"""An entry of a wiki's contents box: a section's number (``2``, ``2.1``) and its heading."""
CONTENTS_LEAD_MAX_UNITS = 4
"""Most paragraphs of an encyclopedia article's lead above its contents box that the region is
carried back over: the lead is a few paragraphs, a longer run above a box is another text's."""


def _back_over_contents(page: _Page, region: tuple[int, int], boxes: set[int], named: set[int]) -> tuple[int, int]:
    """The region carried back over a wiki's contents box to the article's lead above it
    (MediaWiki, Fandom, Chinese Wikipedia-style sites: the lead, ``Contents`` / ``目录``, the
    numbered entries ``1 历史``, ``2.1 气候``, then the sections): :data:`MIN_CONTENTS_COPIES` or
    more numbered entries in a row whose headings, numbers dropped, are lines of the text below,
    with at most one short label over them, and text right above the label. The entries walled
    the lead off from its sections; the box (label and entries) is added to ``boxes``, the
    headings its entries name (each its first line so in the region, a short one) to ``named``:
    subheadings, though a heading may be a menu word (``历史``, ``经济``)."""
    start, end = region
    below = set(page.keys[max(0, start - 1) : end + 1])
    for first in (start - 1, start):
        # The first section's heading may stand above the region (``历史``, a menu word), named by
        # the box's first entry; else the entries end right above the region.
        i, listed, top = first, 0, ""
        while i > 0 and (m := _CONTENTS_ENTRY.fullmatch(page.units[i - 1].text)) is not None:
            top = _title_key(m.group("name"))
            listed += top in below
            i -= 1
        if listed >= MIN_CONTENTS_COPIES and first - i == listed and (first == start or top == page.keys[first]):
            break
    else:
        return region
    i -= 1
    box = list(range(i + 1, first))
    if i >= 0 and page.guesses[i].quality not in _BODY_LIKE:
        box.append(i)  # the box's label (``Contents``, ``目录``: a menu word to the lexicon)
        i -= 1
    lead = i
    while i >= 0 and lead - i < CONTENTS_LEAD_MAX_UNITS and page.guesses[i].quality in _BODY_LIKE:
        i -= 1
    if i == lead:
        return region
    boxes.update(box)
    names = {_title_key(m.group("name")) for k in box if (m := _CONTENTS_ENTRY.fullmatch(page.units[k].text))}
    for k in range(first, end + 1):
        if page.keys[k] in names and page.guesses[k].quality not in _BODY_LIKE:
            names.discard(page.keys[k])
            named.add(k)
    return i + 1, end


def _through_list(page: _Page, region: tuple[int, int], items: set[int]) -> tuple[int, int]:
    """The region carried on over a list the article ends with: a run of :data:`LIST_MIN_ITEMS`
    items or more right after its text, numbered in order from 1 or each starting with a day
    (a tour's dates, a schedule, the picks a last paragraph announces with a colon), each with
    at most :data:`LIST_MAX_FOLLOWERS` unit under it (its link). A short line may head the list
    (``Tour dates``); a wall, a section heading or a cue ends it. Its units are added to ``items``."""
    start, end = region
    units, guesses, n = page.units, page.guesses, len(page.units)
    first = end + 1
    if first < n and not _list_item(units[first].text) and _plain_short(guesses[first]):
        first += 1  # the list's heading
    numbered = bool(first < n and _LIST_NUMBER.match(units[first].text))
    expected, count, carried, last, i = 1, 0, 0, end, first
    while i < n:
        text = units[i].text
        if numbered:
            m = _LIST_NUMBER.match(text)
            if m is None or int(m.group(1)) != expected:
                break
            expected += 1
        elif not _LIST_DATE.match(text):
            break
        if guesses[i].kind is not None and "url_only" not in guesses[i].reasons:
            break
        count, last, i = count + 1, i, i + 1
        followers = 0
        while i < n and followers < LIST_MAX_FOLLOWERS and not _list_item(units[i].text):
            if not (_plain_short(guesses[i]) or "url_only" in guesses[i].reasons):
                break
            followers += 1
            i += 1
        if followers and (i >= n or not _list_item(units[i].text)) and carried < count - 1:
            i -= followers  # what follows the last item is not its link, but what comes after the list
            break
        carried += followers > 0
        last = i - 1
    if count < LIST_MIN_ITEMS:
        return region
    items.update(range(end + 1, last + 1))
    return start, last


def _list_item(text: str) -> bool:
    """Whether a line opens like an item of a numbered or a dated list."""
    return bool(_LIST_NUMBER.match(text) or _LIST_DATE.match(text))


def _plain_short(g: Guess) -> bool:
    """A short unit with no cue."""
    return g.quality is Quality.SHORT and g.kind is None and g.reasons == ("short",)


_AUTHOR_BUTTON = LazyPattern(r"(?i:follow|subscribe|\+\s*follow)")
"""The button a blogging platform sets beside the author's name (Medium, Substack, LinkedIn)."""


def _beside_name(page: _Page, i: int) -> bool:
    """Whether unit ``i`` is a button that may stand between an author's name and the date."""
    return page.is_button[i] or _AUTHOR_BUTTON.fullmatch(page.units[i].text) is not None


def _dek(page: _Page, i: int, start: int) -> bool:
    """Whether unit ``i``, right under the title, is its dek: a subtitle of
    :data:`DEK_MIN_WORDS` English words or more (:data:`DEK_MIN_HAN` Han characters under a
    Chinese title) without a full stop or a date, with the byline or
    the date (metadata) within :data:`METADATA_NEAR` units under it: a dek stands between a title
    and its byline. A menu's next entry under a menu entry taken for the title has none."""
    if not i < start or page.kind[i] is not None or page.quality[i] is not Quality.SHORT:
        return False
    f = page.features[i]
    chinese = f.scripts.han >= DEK_MIN_HAN and page.features[i - 1].scripts.han > 0  # not a translation
    if f.has_date or (f.scripts.latin_words < DEK_MIN_WORDS and not chinese):
        return False  # a dated line is another post's link
    return any(page.kind[j] is Kind.METADATA for j in range(i + 1, min(start, i + 1 + METADATA_NEAR)))


def _dated_run(kinds: list[Kind], features: tuple[Features, ...], j: int, start: int) -> bool:
    """Whether metadata line ``j`` holds a date, or the metadata lines right under it do (within
    :data:`METADATA_NEAR` units, before the text at ``start``)."""
    for k in range(j, min(start, j + METADATA_NEAR)):
        if kinds[k] is not Kind.METADATA:
            return False
        if features[k].has_date:
            return True
    return False


def _title_translation(page: _Page, found: tuple[int, int, str], start: int, end: int) -> int | None:
    """The unit just above or below a one-line headline that gives the title in the other
    language (a bilingual site's ``English title`` / ``中文标题`` pair): title-like, outside the
    body, its letters led by the other script, and written as prose (a translation has blanks
    only around Latin words and numbers, as Chinese prose does)."""
    first, last, _ = found
    if first != last:
        return None
    lead = _latin_led(page, first)
    for j in (first - 1, first + 1):
        if not (0 <= j < len(page.keys)) or start <= j <= end or not page.likes[j] or page.features[j].items > 1:
            continue
        if page.features[j].han_gaps:
            continue  # Han words spaced apart (``英语写作 英语学习``): a question's topics, a menu, no translation
        if _latin_led(page, j) != lead and _translation_length(
            page.features[first].scripts,
            page.features[j].scripts,
            most=TITLE_CASE_MAX_LETTERS_PER_HAN if _title_cased(page.texts[first if lead else j]) else None,
        ):
            return j
    return None


def _version_title(page: _Page, found: tuple[int, int, str], start: int, end: int) -> int | None:
    """The unit inside the body that heads its second version: a page that gives its text in one
    language, then again in the other (a bilingual notice, a company's release, a translated
    letter) sets the title's translation over the second version. Title-like, led by the other
    script than the one-line headline, of a translation's length (:func:`_translation_length`),
    where the body changes language: the text above it in the headline's script, the text
    under it in its own, each side at least :data:`VERSION_MIN_SHARE` in its script and of
    lengths a text and its translation may have (the smaller at least
    :data:`VERSION_MIN_RATIO` of the larger). The version's name may stand over it (``中文版``,
    ``Chinese version``: :data:`_VERSION_HEADING`). The first such unit only."""
    first, last, _ = found
    if first != last:
        return None
    lead = _latin_led(page, first)
    for j in range(start + 1, end):
        if (
            not page.likes[j]
            or page.guesses[j].kind is not None
            or page.features[j].han_gaps
            or _latin_led(page, j) == lead  # the version's title is led by the other script
        ):
            continue
        above = j - 2 if j - 2 >= start and _VERSION_HEADING.fullmatch(page.texts[j - 1]) else j - 1
        if (
            _latin_led(page, above) == lead
            and _latin_led(page, j + 1) != lead
            and not page.features[j].ends_sentence
            and _translation_length(page.features[first].scripts, page.features[j].scripts)
            and _two_versions(page, (start, above), (j + 1, end), latin_first=lead)
        ):
            return j
    return None


def _both_languages(latin: float, weighed: float) -> bool:
    """Whether text of ``latin`` Latin letters and ``weighed`` weighed Han characters holds both
    languages: each at least :data:`BILINGUAL_BODY_MIN_SHARE` of the two (a text and its
    translation)."""
    return min(latin, weighed) >= BILINGUAL_BODY_MIN_SHARE * (latin + weighed)


def _weighed_letters(page: _Page, first: int, last: int) -> tuple[float, float]:
    """The Latin letters and the weighed Han characters of units ``first`` to ``last``."""
    latin = han = 0
    for i in range(first, last + 1):
        s = page.features[i].scripts
        latin += s.latin
        han += s.han
    return float(latin), HAN_LETTER_WEIGHT * han


def _two_versions(page: _Page, above: tuple[int, int], under: tuple[int, int], *, latin_first: bool) -> bool:
    """Whether the text ``above`` and the text ``under`` are one version each: the first in one
    script, the second in the other (:data:`VERSION_MIN_SHARE`), of comparable lengths
    (:data:`VERSION_MIN_RATIO`)."""
    a_latin, a_han = _weighed_letters(page, *above)
    u_latin, u_han = _weighed_letters(page, *under)
    a_own, a_all = (a_latin if latin_first else a_han), a_latin + a_han
    u_own, u_all = (u_han if latin_first else u_latin), u_latin + u_han
    if not a_all or not u_all:
        return False
    return (
        a_own >= VERSION_MIN_SHARE * a_all
        and u_own >= VERSION_MIN_SHARE * u_all
        and min(a_all, u_all) >= VERSION_MIN_RATIO * max(a_all, u_all)
    )


def _translation_length(a: ScriptCounts, b: ScriptCounts, *, most: float | None = None) -> bool:
    """Whether two texts, one mostly Han and one mostly Latin, have the lengths of a text and its
    translation: :data:`MIN_LETTERS_PER_HAN` to :data:`MAX_LETTERS_PER_HAN` (or ``most``) Latin
    letters for each Han character (measured on the dev pages' title pairs)."""
    han = max(a.han, b.han)
    latin = max(a.latin, b.latin)
    return han > 0 and MIN_LETTERS_PER_HAN <= latin / han <= (most or MAX_LETTERS_PER_HAN)


def _latin_led(page: _Page, i: int) -> bool:
    """Whether a unit's letters are mostly Latin (a Han character weighing
    :data:`~bilingual_news.language.HAN_LETTER_WEIGHT` letters, as in language identification)."""
    s = page.features[i].scripts
    return s.latin > HAN_LETTER_WEIGHT * s.han


def _body_latin_led(page: _Page, start: int, end: int) -> bool:
    """Whether the body's letters are mostly Latin, weighed as in :func:`_latin_led`; in a body
    that holds both languages (each at least :data:`BILINGUAL_BODY_MIN_SHARE` of its weighed
    letters: a text and its translation), whether its first paragraph's are: the original comes
    first, and its title is the page's."""
    latin, weighed = _weighed_letters(page, start, end)
    if _both_languages(latin, weighed):
        for i in range(start, end + 1):
            if page.quality[i] in _BODY_LIKE:
                return _latin_led(page, i)
    return latin > weighed


def _listed_headings(page: _Page, start: int, end: int) -> set[int]:
    """The body's units that a table of contents outside the body lists: :data:`MIN_CONTENTS_COPIES`
    or more lines in a row (short lines between them allowed) that each repeat a unit of the
    body. What a page lists so is a section heading, however long (an interview's questions)."""
    firsts: dict[str, int] = {}
    keys, quality = page.keys, page.quality
    body = range(start, end + 1)
    for i in itertools.compress(body, map(operator.is_, page.kind[start : end + 1], itertools.repeat(None))):
        key = keys[i]
        if (
            key
            and key not in firsts
            and quality[i] is not Quality.BAD
            and size(page.features[i]) <= LISTED_HEADING_MAX_SIZE
        ):
            firsts[key] = i
    outside = sum(map(firsts.__contains__, keys[:start])) + sum(map(firsts.__contains__, keys[end + 1 :]))
    if outside < MIN_CONTENTS_COPIES:
        return set()  # too few lines outside the body repeat one of it to make a list
    out: set[int] = set()
    run: list[int] = []
    for i in (*range(start), -1, *range(end + 1, len(page.keys)), -1):
        key = page.keys[i] if i >= 0 else ""
        if key in firsts:
            run.append(firsts[key])
        elif i >= 0 and page.guesses[i].quality is Quality.SHORT:
            continue
        else:
            if len(run) >= MIN_CONTENTS_COPIES:
                out.update(run)
            run = []
    return out


def _before_contents(page: _Page, scores: list[float], region: tuple[int, int]) -> tuple[int, int]:
    """The region cut before a table of contents the page shows after the text (``On this
    page``, a documentation site's right-hand column): :data:`MIN_CONTENTS_COPIES` or more lines
    in a row, short lines between them allowed, that each repeat a line of the text above, where
    the text above scores more than what follows the list."""
    start, end = region
    seen: dict[str, int] = {}
    run_start, copies, i = -1, 0, start
    while i <= end:
        key = page.keys[i]
        copy = bool(key) and key in seen and (run_start < 0 or seen[key] < run_start)
        if copy:
            if run_start < 0:
                run_start = i
            copies += 1
        elif page.guesses[i].quality in _BODY_LIKE or not key:
            if copies >= MIN_CONTENTS_COPIES:
                break
            run_start, copies = -1, 0
        if key and key not in seen:
            seen[key] = i
        i += 1
    if copies < MIN_CONTENTS_COPIES:
        return start, end
    cut = run_start
    while cut > start and page.guesses[cut - 1].quality is Quality.SHORT:
        cut -= 1  # the list's own heading (``On this page``, ``编辑此页``)
    if cut <= start or sum(scores[start:cut]) <= sum(max(0.0, x) for x in scores[cut : end + 1]):
        return start, end
    last = cut - 1
    while last > start and scores[last] < 0:
        last -= 1
    return start, last


def _before_comments(page: _Page, candidates: list[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """The candidates that can be the article: a comment thread (the stretches after a comment
    section's heading, ``Leave a Reply``, ``12 Comments``, ``网友评论``) can outweigh a short post,
    but it is never the article when a stretch before the heading has an article's mass and a
    title above it; then only the stretches before the heading are weighed. A heading followed by
    another button (``Comments``, ``Print``) is a share bar's, not a section's."""
    if not candidates:
        return candidates
    kind, (_, top, top_end) = page.kind, candidates[0]
    n = len(kind)
    # A heading is followed by its thread; ``Comments`` followed by ``Print`` is a share bar's
    # button. The cues are found by one pass over the page.
    headings = [
        i
        for i in itertools.compress(range(n - 1), map(operator.contains, page.why, itertools.repeat("comments_cue")))
        if kind[i + 1] not in (Kind.NAV, Kind.FOOTER)
    ]
    # The last heading above the best stretch; when there is none, the first below it: a thread
    # after the best stretch (a short comment under a strong-looking header) does not outweigh
    # the article it comments on.
    found = next((i for i in reversed(headings) if i < top), None)
    if found is None:
        found = next((i for i in headings if i > top_end), None)
    if found is None:
        return candidates
    earlier = [c for c in candidates if c[2] < found]
    for mass, a, b in earlier:
        if mass >= MIN_ARTICLE_SCORE and _header(page, a, b) >= HEADLINE_MIN_SCORE:
            return earlier
    return candidates


def _buttons(
    quality: tuple[Quality, ...], kind: tuple[Kind | None, ...], why: tuple[tuple[str, ...], ...]
) -> list[bool]:
    """Whether each unit is a button or a menu word: a bad unit with a menu, footer or chrome cue."""
    bad, nav, footer = Quality.BAD, Kind.NAV, Kind.FOOTER
    return [
        q is bad and (k is nav or k is footer or "chrome_cue" in r) for q, k, r in zip(quality, kind, why, strict=True)
    ]


def _above(page: _Page, start: int) -> list[int]:
    """The :data:`HEADER_LOOKBACK` units above ``start``, not counting buttons and menu words
    (a share bar shown twice between a title and its text holds a dozen), in page order."""
    lowest = max(0, start - HEADER_SCAN)
    counted = itertools.compress(
        range(start - 1, lowest - 1, -1), map(operator.not_, page.is_button[lowest:start][::-1])
    )
    return list(itertools.islice(counted, HEADER_LOOKBACK))[::-1]


def _header(page: _Page, start: int, end: int) -> float:
    """How strongly the units just above ``start`` read as an article's header: the best
    headline score there, plus :data:`QUOTED_TITLE_BONUS` when the text's first unit repeats
    that title."""
    best, best_i = float("-inf"), -1
    for i in _above(page, start):
        if i in page.text_lines or not page.likes[i] or _again_in_body(page, page.keys[i], start, end):
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


def _title_keys(texts: tuple[str, ...], chars: tuple[int, ...], fkeys: tuple[str, ...]) -> list[str]:
    """:func:`_title_key` of every unit's text, empty for a unit too long to be a title. The
    features hold each text folded already (``fkeys``), unless it is longer than they fold;
    curly quotes and permalink marks are looked for in the whole page first."""
    units = range(len(texts))
    keys = list(fkeys)
    for i in itertools.compress(units, map(operator.gt, chars, itertools.repeat(HEADLINE_MAX_CHARS))):
        keys[i] = ""
    for i in itertools.compress(units, map(operator.gt, map(len, texts), itertools.repeat(CUE_SCAN_CHARS))):
        if chars[i] <= HEADLINE_MAX_CHARS:
            keys[i] = fold(texts[i])
    page = "\n".join(keys)
    if any(curly in page for curly in _QUOTES_MAP):
        if page.count("\n") == len(keys) - 1:  # keys are folded: they hold no line break
            # Only the keys a curly quote stands in are made again (a new string for every key
            # would be a second copy of the page's keys at the stage's peak of memory).
            i = at = 0
            m = _CURLY.search(page)
            while m is not None:
                i += page.count("\n", at, m.start())
                at = m.start()
                keys[i] = _straightened(keys[i])
                after = page.find("\n", at) + 1  # each key once, however many quotes it holds
                m = _CURLY.search(page, after) if after else None
        else:
            keys = [_straight(key) for key in keys]
    if any(mark in page for mark in _PERMALINK_LAST):
        keys = [key.rstrip(PERMALINK_MARKS) if key[-1:] in _PERMALINK_LAST else key for key in keys]
    return keys


def _straight(key: str) -> str:
    """``key`` with curly quotes made straight."""
    return _straightened(key) if _CURLY.search(key) else key


def _straightened(key: str) -> str:
    """``key`` with its curly quotes made straight (``_QUOTES_MAP``), a pass of :meth:`str.replace`
    for each quote: :meth:`str.translate` looks every character up in the table, several times
    slower on a text that is not ASCII."""
    return key.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


def _title_like_in(key: str, f: Features, g: Guess) -> bool:
    """Whether a unit with title key ``key`` has a title's shape: no cue, a title's length, at
    most two sentence marks (``…景区门票八折！6·1…``), no trailing comma or colon."""
    if not key or g.kind is not None or f.teaser_of >= 0 or "link_list" in g.reasons or "chrome_cue" in g.reasons:
        return False
    if f.field_label:
        return False  # ``部落格全站分類：美食生活``: a field and its value
    if key[:1] == "@" and _HANDLE.fullmatch(key):
        return False  # ``@newsroom``: an account's handle, shown over each of its posts
    if not HEADLINE_MIN_CHARS <= f.chars <= HEADLINE_MAX_CHARS or f.sentence_marks > 2:
        return False
    s = f.scripts
    if (
        s.han < HEADLINE_MIN_HAN
        and s.latin_words < HEADLINE_MIN_WORDS
        and not (s.han >= MIXED_TITLE_MIN_HAN and s.han + MIXED_TITLE_WORD_HAN * s.latin_words >= HEADLINE_MIN_HAN)
    ):
        return False
    if key[-1:] in _TITLE_END_CHARS and not (key[-1:] == "." and _title_case(f)):
        return False  # a clause's end; but a full stop may close a title in Title Case
    if "/" in key and _FILE_PATH.fullmatch(key):
        return False  # ``docs/cn/guide.md``: a code host's path to the file shown below it
    # A widget's counts: three numbers or more, among six tokens or more (five blanks).
    return not (f.scripts.digits >= COUNTED_LIST_MIN and key.count(" ") >= 5 and _counted_list(key))


def _ends_clause(text: str) -> bool:
    """Whether ``text`` ends with a clause's mark, as :data:`_TITLE_END` finds (its ``$`` also
    stands before a final line break), read from the last characters instead of searching the
    whole text."""
    last = text[-1:]
    return last in _TITLE_END_CHARS or (last == "\n" and text[-2:-1] in _TITLE_END_CHARS)


def _title_case(f: Features) -> bool:
    """Whether a unit is English in Title Case: :data:`HEADLINE_MIN_WORDS` words or more, no Han
    characters, :data:`TITLE_CASE_MIN_CAPITALS` of the words capitalized."""
    s = f.scripts
    return s.han == 0 and s.latin_words >= HEADLINE_MIN_WORDS and f.capital_share >= TITLE_CASE_MIN_CAPITALS


def _title_cased(text: str) -> bool:
    """Whether an English line is written in Title Case as a title's style guides set it: of its
    words longer than three letters (``of``, ``on``, ``the`` and ``and`` stay lower case, so
    :func:`_title_case`'s share of all words misses a long title), :data:`TITLE_CASE_MIN_CAPITALS`
    capitalized; :data:`HEADLINE_MIN_WORDS` words or more, no Han."""
    words: list[str] = _LATIN_WORD.findall(text)
    long = [w for w in words if len(w) > MINOR_WORD_MAX_LETTERS]
    if len(words) < HEADLINE_MIN_WORDS or not long or _HAN_CHARS.search(text):
        return False
    return sum(w[0].isupper() for w in long) >= TITLE_CASE_MIN_CAPITALS * len(long)


def _counted_list(key: str) -> bool:
    """Whether a line is a list of labels each followed by its count (a blog's categories, tags
    or archive months with their post counts): :data:`COUNTED_LIST_MIN` counts or more, each
    after a token that is not one, and counts are a third of the tokens or more."""
    tokens = key.split()
    pairs = sum(1 for a, b in itertools.pairwise(tokens) if _COUNT.fullmatch(b) and not _COUNT.fullmatch(a))
    return pairs >= COUNTED_LIST_MIN and 3 * pairs >= len(tokens)


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


def _asked(keys: list[str], likes: list[bool], starts: list[int]) -> tuple[frozenset[str], dict[int, list[str]]]:
    """Every title text the headline rules can look up in the index of :func:`_title_index`:
    the keys of the title-like units in the windows above each candidate region's start (and
    above the page's end, where the headline is sought when no region is found), and their
    runs of up to :data:`MAX_TITLE_LINES` lines; and the keys of every unit just above a
    candidate's start, where a short title (:func:`_short_title`) may stand. The index holds
    these alone: a page's other lines are never looked up, and indexing them all took a sixth
    of a large page's memory. Also returns the runs' joined keys, by their first unit, for the
    index to reuse."""
    n = len(keys)
    lookback = max(HEADER_LOOKBACK, HEADLINE_LOOKBACK)
    window: set[int] = set()
    for start in (*starts, n):
        window.update(range(max(0, start - lookback), min(n, start + 2)))
    asked: set[str] = set()
    near = SHORT_TITLE_NEAR + TEXT_LEAD_UNITS + 1  # short titles, which are not title-like, are asked too
    for start in starts:
        asked.update(keys[i] for i in range(max(0, start - near), min(n, start + 2)) if keys[i])
    runs: dict[int, list[str]] = {}
    for i in itertools.compress(window, map(likes.__getitem__, window)):
        joined = keys[i]
        asked.add(joined)
        run = runs[i] = []
        for j in range(i + 1, min(n, i + MAX_TITLE_LINES)):
            if not likes[j]:
                break
            joined = _join(joined, keys[j])
            asked.add(joined)
            run.append(joined)
    return frozenset(asked), runs


def _title_index(
    keys: list[str], likes: list[bool], asked: frozenset[str], runs: dict[int, list[str]]
) -> dict[str, list[tuple[int, int]]]:
    """Where each title-like text of ``asked`` (:func:`_asked`) stands, as ``(first, last)``
    units in page order: each unit under its :func:`_forms`, and each run of up to
    :data:`MAX_TITLE_LINES` title-like lines under their joined key (a title broken over lines,
    perhaps broken differently elsewhere).

    Each kind of place is found by a pass over the page's keys that runs in C (a set's or a
    pattern's test mapped over them), and made only where it can be asked: a unit's other forms
    than its key where its key is an asked text twice over, opens with a tag, or has a site
    separator and an asked text before it (:func:`_asked_prefix`); a run's joined keys where
    its first key opens an asked text (the asked texts that start with a text follow it in
    sorted order)."""
    index: dict[str, list[tuple[int, int]]] = {}
    n = len(keys)
    units = range(n)
    for i in itertools.compress(units, map(asked.__contains__, keys)):
        key = keys[i]
        places = index.get(key)
        if places is None:
            if key:  # an empty key is no unit's title
                index[key] = [(i, i)]
        else:
            places.append((i, i))
    # The keys an asked text is twice over (``_forms`` undoubles them), those with a tag, those
    # with a site separator and an asked text before it. The asked texts are sorted when first
    # needed.
    more = set(itertools.compress(units, map(set(map(operator.add, asked, asked)).__contains__, keys)))
    ordered: list[str] = []
    page = "\n".join(keys)
    if any(c in page for c in _TAG_OPENERS):
        more.update(itertools.compress(units, map(_TAG_START.match, keys)))
    for i in _lines_with(_SITE_SEPARATOR, page, keys):
        ordered = ordered or sorted(asked)
        if _asked_prefix(keys[i], ordered, asked):
            more.add(i)
    for i in more:
        key = keys[i]
        seen = {key}  # a form twice in one place counts once
        for form in _forms(key)[1:]:
            if form in asked and form not in seen:
                seen.add(form)
                index.setdefault(form, []).append((i, i))
    for i in itertools.compress(units, map(operator.and_, likes, likes[1:])):
        key = keys[i]
        run = runs.get(i)
        if run is None:
            ordered = ordered or sorted(asked)
            k = bisect.bisect_right(ordered, key)
            if k == len(ordered) or not ordered[k].startswith(key):
                continue  # no asked text runs on from this key
            run = list(itertools.accumulate(keys[i + 1 : i + MAX_TITLE_LINES], _join, initial=key))[1:]
        joined = key
        for j, longer in enumerate(run, i + 1):
            if not likes[j] or len(joined) > HEADLINE_MAX_CHARS:
                break
            joined = longer
            if joined in asked:
                index.setdefault(joined, []).append((i, j))
    for places in index.values():
        if len(places) > 1:
            places.sort()
    return index


def _lines_with(pattern: re.Pattern[str], page: str, lines: list[str]) -> Iterator[int]:
    """The indices of the ``lines`` that ``pattern`` finds something in, in order, where ``page``
    is the lines joined by line breaks: one search of the page for each line found (and one for
    the end), not one for each line. Lines that hold a line break themselves are searched one
    by one."""
    if page.count("\n") != len(lines) - 1:
        yield from itertools.compress(range(len(lines)), map(pattern.search, lines))
        return
    starts = list(itertools.accumulate(map((1).__add__, map(len, lines)), initial=0))  # each line's offset
    m = pattern.search(page)
    while m is not None:
        i = bisect.bisect_right(starts, m.start()) - 1
        yield i
        m = pattern.search(page, starts[i + 1]) if i + 1 < len(lines) else None


def _asked_prefix(key: str, ordered: list[str], asked: frozenset[str]) -> bool:
    """Whether a text of ``asked`` (``ordered``: the same, sorted) is a proper prefix of ``key``,
    as a title without its site suffix is (:func:`_forms`). Such a prefix sorts before ``key``
    and before every text between them, so it is a prefix of the last text before ``key``; it
    is sought again below their common prefix until none is left."""
    text = key
    while text:
        k = bisect.bisect_left(ordered, text)
        if k == 0:
            return False
        before = ordered[k - 1]
        if before[:1] != text[:1]:
            return False  # the usual answer: they share no character
        if text.startswith(before):
            return True
        common = 0
        for a, b in zip(text, before, strict=False):
            if a != b:
                break
            common += 1
        text = text[:common]
        if text in asked:
            return True
    return False


def _copies(page: _Page, key: str, first: int, last: int) -> int:
    """How many times a title shows: this place, and the places outside ``first..last``."""
    places = page.titles.get(key, ())
    if len(places) == 1:  # the common case, without a generator
        return 1 if first <= places[0][0] <= last else 2
    return 1 + sum(1 for i, _ in places if not first <= i <= last)


def _lone_copies(page: _Page, key: str, first: int, last: int) -> int:
    """:func:`_copies`, without the places that are the same menu shown twice (a copy with the
    same line before it or after it as here: a site shows its menus at the top and again at the
    bottom; a title stands alone each time), nor the places of a label over titles (here right
    over a title-like line, and further down right over another: a blog theme's tag, no longer
    than :data:`TAG_LABEL_MAX_SIZE`, over the post's title and again over each card's title in
    ``You might also like``)."""
    keys, n = page.keys, len(page.keys)
    before = keys[first - 1] if first > 0 else ""
    after = keys[last + 1] if last + 1 < n else ""
    over_title = bool(after) and page.likes[last + 1] and size(page.features[first]) <= TAG_LABEL_MAX_SIZE
    return 1 + sum(
        1
        for a, b in page.titles.get(key, ())
        if not first <= a <= last
        and not (before and a > 0 and keys[a - 1] == before)
        and not (after and b + 1 < n and keys[b + 1] == after)
        and not (over_title and a > last and b + 1 < n and page.likes[b + 1])
        and not all(_menu_item(page, k) for k in (a - 2, a - 1, b + 1, b + 2))
    )


def _menu_item(page: _Page, i: int) -> bool:
    """Whether unit ``i`` is an item of a menu: a short line that is no title and no text
    (``Politics``, ``My Account``). A line shown amid them, two on each side, is a menu's entry
    (a section's or the site's name), not a copy of a title, which the page shows alone (its
    page title, a breadcrumb's end, a share line)."""
    return (
        0 <= i < len(page.keys)
        and not page.likes[i]
        and page.quality[i] in (Quality.SHORT, Quality.BAD)
        and page.kind[i] in (None, Kind.NAV, Kind.FOOTER)
    )


def _opens_body(page: _Page, i: int) -> bool:
    """Whether the short unit just above the body is its first section's heading: numbered like
    the headings inside it (``1. 背景``, ``2.1 …``), shown again above as a table of contents'
    entry or not."""
    g = page.guesses[i]
    return (
        g.quality is Quality.SHORT
        and g.kind is None
        and size(page.features[i]) <= SUBHEADING_MAX_SIZE
        and bool(_NUMBERED.match(page.units[i].text))
    )


def _list_heading(page: _Page, i: int) -> bool:
    """Whether unit ``i`` is shaped as a list's heading: short, no cue, no sentence's end, not
    title-like, over a first item numbered or bulleted (:data:`_LIST_ITEM`)."""
    g, f = page.guesses[i], page.features[i]
    return (
        g.quality is Quality.SHORT
        and g.kind is None
        and not page.likes[i]
        and not f.ends_sentence
        and size(f) <= SUBHEADING_MAX_SIZE
        and i + 1 < len(page.units)
        and _LIST_ITEM.match(page.units[i + 1].text) is not None
    )


def _heads_first_list(page: _Page, i: int, end: int) -> bool:
    """Whether the short unit just above a body that opens with a list's item (``1. …``, ``• …``)
    is that list's heading (a job posting's ``岗位职责`` over its duties): shaped as one
    (:func:`_list_heading`), and another such heading over another list inside the body (its
    ``任职要求``, ``Requirements``): the sections of one text, set alike."""
    return _list_heading(page, i) and any(_list_heading(page, j) for j in range(i + 2, end))


def _heading_translation(page: _Page, i: int, j: int) -> bool:
    """Whether unit ``j``, next to the numbered heading ``i`` that opens the body
    (:func:`_opens_body`), is that heading's translation (``第一章 总则`` and ``Chapter I General
    Provisions`` over a bilingual regulation's first article): short, no cue, the other script,
    a translation's length (:func:`_line_and_translation`)."""
    g = page.guesses[j]
    return (
        _opens_body(page, i)
        and g.quality is Quality.SHORT
        and g.kind is None
        and size(page.features[j]) <= SUBHEADING_MAX_SIZE
        and _line_and_translation(page.features[i], page.features[j])
    )


def _version_heading(page: _Page, i: int, end: int) -> bool:
    """Whether the short unit just above the body heads its first version on a page that gives
    the text in both languages under a heading each (``英文原文`` … ``中文译文``, ``English`` …
    ``中文``): a version's name (:data:`_VERSION_HEADING`), with another one inside the body."""
    g = page.guesses[i]
    if g.kind is not None or g.quality is not Quality.SHORT or _VERSION_HEADING.fullmatch(page.texts[i]) is None:
        return False
    return any(_VERSION_HEADING.fullmatch(page.texts[j]) is not None for j in range(i + 2, end))


def _announces_list(page: _Page, i: int, first: int) -> bool:
    """Whether unit ``i``, just above the body, is the sentence that announces it: prose as long
    as a standfirst, ending with a colon, over a first line numbered as a list's point (a notice's
    ``…对以下线路进行调整：`` over ``一、…``; a standfirst never ends with a colon)."""
    f, g = page.features[i], page.guesses[i]
    if g.kind is not None or page.units[i].text[-1:] not in ":：" or not _NUMBERED.match(page.units[first].text):
        return False
    return f.scripts.han >= STANDFIRST_MIN_HAN or f.scripts.latin_words >= STANDFIRST_MIN_WORDS


def _signs_off(texts: tuple[str, ...], i: int) -> bool:
    """Whether unit ``i`` is a letter's or a newsletter's closing words (:data:`_VALEDICTION`)
    with a person's name on the next line: the writer signs the text there."""
    return (
        i + 1 < len(texts)
        and len(texts[i]) <= VALEDICTION_MAX_CHARS
        and (texts[i][:1] in _VALEDICTION_FIRST or not texts[i][:1].isascii())
        and _VALEDICTION.fullmatch(texts[i]) is not None
        and _PERSON_NAME.fullmatch(texts[i + 1]) is not None
    )


def _closing(page: _Page, end: int) -> list[int]:
    """The units of a notice's close at or right after the body's end: its closing formula
    (:data:`_CLOSING_FORMULA`), or a letter's or a newsletter's closing words over a name
    (:data:`_VALEDICTION`), then up to :data:`SIGNATURE_LINES` short lines without punctuation
    (the issuer, the date; the writer's name and role). Empty when the line after the body is no
    such formula."""
    n = len(page.units)
    i = end if end >= 0 and _CLOSING_FORMULA.fullmatch(page.texts[end]) else end + 1
    if i >= n or page.guesses[i].kind is not None:
        return []
    if not _CLOSING_FORMULA.fullmatch(page.texts[i]) and not _signs_off(page.texts, i):
        return []
    out = [i]
    for j in range(i + 1, min(n, i + 1 + SIGNATURE_LINES)):
        g, f = page.guesses[j], page.features[j]
        if f.chars > SIGNATURE_MAX_CHARS or _HEADING_PUNCTUATION.search(page.texts[j]):
            break
        if not (g.kind is None and g.quality is Quality.SHORT) and "dateline" not in g.reasons:
            break
        out.append(j)
    return out


def _letter_signature(page: _Page, end: int) -> list[int]:
    """The lines that sign a letter whose last paragraph is unit ``end``: up to
    :data:`LETTER_SIGNATURE_LINES` short lines right after it, without sentence punctuation and
    no chrome by their cue (the signer's name, the role, the date), through the last dated one.
    A signature closes with its date; short lines with none after them are the page's footer
    (a download link, a contact line), so without a date nothing is taken."""
    out: list[int] = []
    last_dated = -1
    for j in range(end + 1, min(len(page.units), end + 1 + LETTER_SIGNATURE_LINES)):
        g, f = page.guesses[j], page.features[j]
        if f.chars > SIGNATURE_MAX_CHARS or _HEADING_PUNCTUATION.search(page.texts[j]):
            break
        dated = "dateline" in g.reasons
        if not dated and not (g.kind is None and g.quality is Quality.SHORT):
            break
        out.append(j)
        if dated:
            last_dated = j
    return [j for j in out if j <= last_dated]


_TAGGED_CLOSE = LazyPattern(r"(?P<text>.+?[。？！?!.…])\s*(?:#[^\s#]+#?\s*)+")
"""A post's last line: a sentence, then the post's hashtags (``…有什么要我帮忙问的？#家常菜 #台南``)."""


def _tagged_close(page: _Page, i: int) -> bool:
    """Whether unit ``i``, right after the body, is a social post's last line (:data:`_TAGGED_CLOSE`):
    a sentence of running text (:data:`TEXT_LINE_MIN_HAN` Han characters or
    :data:`TEXT_LINE_MIN_WORDS` words), too short to be scored as prose, closed by the post's tags
    (Instagram, Facebook, Threads and 小红书 captions end so). Tags on a line of their own are the
    post's metadata, not this."""
    if not 0 <= i < len(page.units) or page.guesses[i].kind is not None or page.quality[i] is not Quality.SHORT:
        return False
    text = page.texts[i]
    if "#" not in text:
        return False
    m = _TAGGED_CLOSE.fullmatch(text.strip())
    if m is None:
        return False
    sentence = m.group("text")
    return len(_HAN_CHARS.findall(sentence)) >= TEXT_LINE_MIN_HAN or len(sentence.split()) >= TEXT_LINE_MIN_WORDS


def _short_title(page: _Page, i: int, start: int) -> bool:
    """Whether a line too short for a title's shape (``RNN``, ``MIT-6.824-Lab-1``) is one all
    the same: the page shows it :data:`MIN_SHORT_TITLE_COPIES` to :data:`MAX_TITLE_COPIES` times
    (page title, heading, breadcrumb; one copy at least before the body), and it stands within
    :data:`SHORT_TITLE_NEAR` units of the body. A menu word shown twice stands further up, or
    carries a menu cue; a thread's poster is shown again only after the text, over a reply; and
    a line with a title's shape between it and the text is the title, the short line over it a
    name (a channel's, shown in the page's header and again over its post's title)."""
    g = page.guesses[i]
    key = page.keys[i]
    if g.kind is not None or g.quality is not Quality.SHORT or not key or not 0 < start - i <= SHORT_TITLE_NEAR:
        return False
    if (key[:1] == "@" and _HANDLE.fullmatch(key)) or _USER_NAME.fullmatch(page.units[i].text):
        return False
    if any(page.likes[k] for k in range(i + 1, start)):
        return False  # a title-shaped line stands nearer the text: the short line is a name over it
    if key[-1:] in _TITLE_END_CHARS or page.features[i].items > 1 or page.features[i].has_date:
        return False
    if _MENU_WORDS.fullmatch(page.units[i].text):
        return False  # ``Film``, ``Ideas``, ``U.S. news``: a section's name, not a post's
    if not (page.features[i].scripts.han or page.features[i].scripts.latin_words):
        return False  # ``18``: a counter (likes, responses) shown above and below the post
    copies = page.titles.get(key, ())
    if all(a == i or a > start for a, _ in copies):
        return False  # shown again only after the text: a poster's name over each of their replies
    return MIN_SHORT_TITLE_COPIES <= len(copies) <= MAX_TITLE_COPIES


def _named_in_head(page: _Page, i: int, start: int) -> int:
    """How many lines of the page's head (the :data:`HEADER_SCAN` units over unit ``i``) name
    the short line ``i``, a name alone (:data:`_PROJECT_NAME`) within :data:`SHORT_TITLE_NEAR`
    units over the text, as a repository or a package: beside a slash (``owner / name``,
    ``name / README.md``) or before a version (``name 0.4.2``, ``name v2.1``). Code hosts and
    package registries print a README's title so, once, under a head that names the project."""
    if not 0 < start - i <= SHORT_TITLE_NEAR or page.kind[i] is not None:
        return 0
    text = page.units[i].text.strip()
    if not _PROJECT_NAME.fullmatch(text):
        return 0
    name = regex.escape(text)
    named = regex.compile(rf"(?:^|\s|/){name}(?:\s*/|\s+v?\d+(?:\.\d+)+\b)|/\s*{name}(?:\s|$)")
    return sum(1 for k in range(max(0, i - HEADER_SCAN), i) if named.search(page.units[k].text))


def _short_over_date(page: _Page, i: int, start: int) -> bool:
    """Whether a line too short for a title's shape (``On Habits``, ``谈读书``) stands right over
    the post's date line (``Posted on …``, ``发表于 …``) within :data:`HEAD_WINDOW` units of the
    body: a blog template's title, shown once. A section's label stands over a byline too, but
    under a title, which outscores it."""
    g = page.guesses[i]
    key = page.keys[i]
    if g.kind is not None or g.quality is not Quality.SHORT or len(key) < HEADLINE_MIN_CHARS:
        return False
    if not 0 < start - i <= HEAD_WINDOW or i + 1 >= len(page.kind) or page.kind[i + 1] is not Kind.METADATA:
        return False
    if key[-1:] in _TITLE_END_CHARS or page.features[i].items > 1 or page.features[i].has_date:
        return False
    if "/" in key and _FILE_PATH.fullmatch(key):
        return False  # a code host's path to the file, over its last commit's date
    if _NAME_LINE.fullmatch(page.units[i].text) and not _ESSAY_TITLE.match(key):
        return False  # ``Dana Whitfield``, ``Staff Writer``: the author's line over the date
    if _USER_NAME.fullmatch(page.units[i].text):
        return False  # ``r/liuxue``, ``chen_wei``: the community's or the poster's name over the date
    if i > 0 and _FOLLOW_BUTTON.fullmatch(page.units[i - 1].text.strip()):
        return False  # under a follow button: the writer's introduction (their card's last line)
    return "dateline" in page.why[i + 1] or "metadata_cue:published" in page.why[i + 1]


def _from_first_heading(page: _Page, region: tuple[int, int]) -> tuple[int, int]:
    """A region that a run of text lines opens, started at the body's first numbered heading
    when one follows within :data:`TEXT_LEAD_UNITS` units before any prose: the lines above it
    are the post's title and a table of contents' label, which the run of short lines swallowed."""
    start, end = region
    for k in range(start + 1, min(start + 1 + TEXT_LEAD_UNITS, end + 1)):
        if page.guesses[k].quality in _BODY_LIKE:
            break
        if _opens_body(page, k):
            return k, end
    return region


def _shown_in_body(page: _Page, i: int, start: int, end: int) -> bool:
    """Whether line ``i`` is an entry of a table of contents above the text (``Contents``, ``On
    this page``), which repeats the body's subheadings: it stands again inside the body, past
    its first lines, and so does the line next to it. A title shows again above the body, at its
    top or after it; a news template may show it once more inside (over a picture), alone."""
    if _again_in_body(page, page.keys[i], start, end) and any(
        0 <= k < len(page.keys) and page.keys[k] and _again_in_body(page, page.keys[k], start, end)
        for k in (i - 1, i + 1)
    ):
        return True
    # A table of contents above the title (a theme's sidebar) whose first entry is the text's
    # first heading, at its very top: the next entry stands again further in, after it.
    # The entry's copy at the top is no title either.
    if any(_toc_pair(page, a, start, end) for p, _ in page.titles.get(page.keys[i], ()) if p <= i for a in (p - 1, p)):
        return True
    # A table of contents after the text (a documentation theme's ``On this page`` column, which
    # a scrape gives after the article): a heading inside the body whose copy after it has a
    # neighbour that stands in the body too is a section's heading, not the title.
    if i >= start and any(p > end for p, _ in page.titles.get(page.keys[i], ())):
        body = set(page.keys[start : end + 1])
        body.discard("")
        if any(
            p > end and any(k < len(page.keys) and k != i and page.keys[k] in body for k in (p - 1, p + 1))
            for p, _ in page.titles.get(page.keys[i], ())
        ):
            return True
    # A short page's first section heading stands at the body's top: two neighbouring lines
    # whose copies in the body are apart (text between them) are entries all the same; a title
    # and its dek shown again at the top stand together.
    # The entry's copy in the body is no title either: every copy above the body is looked at.
    key = page.keys[i]
    mine = _body_places(page, key, start, end)
    return bool(mine) and any(
        0 <= k < len(page.keys)
        and page.keys[k]
        and any(abs(a - b) > 1 for a in mine for b in _body_places(page, page.keys[k], start, end))
        for p, _ in page.titles.get(key, ())
        if p < start
        for k in (p - 1, p + 1)
    )


def _toc_pair(page: _Page, a: int, start: int, end: int) -> bool:
    """Whether lines ``a`` and ``a + 1`` are the first two entries of a table of contents above
    the title (a blog or documentation theme's sidebar): the first stands again at the text's
    very top (its first heading), the second further in, after text, as the page lists them."""
    if not (a >= 0 and a + 1 < len(page.keys) and page.keys[a] and page.keys[a + 1]):
        return False
    tops = [j for j, _ in page.titles.get(page.keys[a], ()) if j > a + 1 and start - TITLE_IN_BODY_SKIP <= j <= end]
    return bool(tops) and any(start <= j <= end and j > min(tops) + 1 for j, _ in page.titles.get(page.keys[a + 1], ()))


def _listed_above(page: _Page, i: int, start: int, end: int) -> bool:
    """Whether the short unit ``i`` just above the body is its first section's heading, listed
    first in a table of contents above the title (:func:`_toc_pair`)."""
    key = page.keys[i]
    return (
        bool(key)
        and page.guesses[i].quality is Quality.SHORT
        and page.guesses[i].kind is None
        and any(_toc_pair(page, p, start, end) for p, _ in page.titles.get(key, ()) if p < i)
    )


def _body_places(page: _Page, key: str, start: int, end: int) -> list[int]:
    """Where a title key stands inside the body, its top included."""
    return [j for j, _ in page.titles.get(key, ()) if start <= j <= end]


def _again_in_body(page: _Page, key: str, start: int, end: int) -> bool:
    """Whether a title key stands inside the body, past its first lines."""
    places = page.titles.get(key, ())
    if len(places) == 1:  # the common case, without a generator
        return start + TITLE_IN_BODY_SKIP <= places[0][0] <= end
    return any(start + TITLE_IN_BODY_SKIP <= i <= end for i, _ in places)


def _headline(page: _Page, start: int, end: int, listed: set[int]) -> tuple[int, int, str] | None:
    """The headline as ``(first unit, last unit, key)``: one unit, or a title broken over up to
    :data:`MAX_TITLE_LINES` lines whose joined text the page shows again; ``listed``: the points
    of a summary's list (:func:`_teaser_items`), which are none."""
    n = len(page.keys)
    best: tuple[int, int, str] | None = None
    best_score = HEADLINE_MIN_SCORE
    best_copies = 0
    body_latin: bool | None = None
    body_measured = False  # ``None`` is an answer (a bilingual body): asked once per search
    slugs: list[frozenset[str]] | None = None  # the words of the page's URLs' slugs: found once
    lead: frozenset[str] | None = None  # the stems of the body's lead (:func:`_lead_stems`): found once
    lo, hi = max(0, start - HEADLINE_LOOKBACK), min(n, start + 2, end + 1)
    # A line that is not title-like is asked only within :data:`HEAD_WINDOW` units above the text
    # (the short titles' rules reach no further: :func:`_short_window`); above, the title-like
    # lines alone, found in C.
    near = max(lo, min(hi, start - _short_window()))
    for i in itertools.chain(itertools.compress(range(lo, near), page.likes[lo:near]), range(near, hi)):
        if i in listed:
            continue  # an item of a summary's list (``Key points:`` and its points)
        if i in page.section_lists and not _over_byline(page, i):
            continue  # another story's title in a section's list, unless the article's byline is under it
        named = 0 if page.likes[i] else _named_in_head(page, i, start)
        subject = not page.likes[i] and _lead_subject(page, i, start)
        short = not page.likes[i] and (
            (0 < start - i <= SHORT_TITLE_NEAR and _short_title(page, i, start))
            or _short_over_date(page, i, start)
            or named > 0
            or subject
        )
        if (i in page.text_lines and not start - TEXT_LEAD_UNITS <= i < start and not _over_byline(page, i)) or not (
            page.likes[i] or short
        ):
            continue
        if i >= start and (
            page.guesses[i].quality is not Quality.SHORT
            or _NUMBERED.match(page.units[i].text)
            or page.units[i].text[-1:] in PERMALINK_MARKS
            or (i > start and page.guesses[start].quality is Quality.GOOD)
        ):
            # Inside the body, only a short line can be the title, not a numbered or linked
            # heading, nor one after the text's first paragraph: a subheading.
            continue
        if _shown_in_body(page, i, start, end):
            continue  # an entry of a table of contents
        if i > 0 and _field_value(page, i):
            continue  # the name under a lone ``By`` or ``Author:``: the byline's value
        if _author_link(page, i):
            continue  # ``About Dana Whitfield`` by the byline: the link to the author's page
        if page.likes[i] and _name_over_date(page, i):
            continue  # ``Dana Whitfield, Harbor Gazette`` over the date: the byline without ``By``
        last, key = i, page.keys[i]
        shown = len(page.titles.get(key, ())) if short else _copies(page, key, i, i)
        if named:
            shown = min(MAX_TITLE_COPIES, shown + named)  # the head's lines that name it are its copies
        if shown > 1 and _NUMBERED.match(page.units[i].text):
            continue  # a numbered line shown twice: a table of contents' entry and its section
        copies = shown if short else _lone_copies(page, key, i, i)
        if (copies == 1 or (copies == 0 and subject)) and i < start and (subject or _opens_text(page, key, start)):
            copies = 2  # a forum question's title, asked again as its post's first sentence; a
            # wiki's title, the subject its lead opens with (a short one the title index skips)
        if copies > 1 and any(_box_item(page, k) for k, _ in page.titles.get(key, ())):
            copies = 1  # ``Breaking News`` and the story it shows: its copies are the widget's
        joined = key
        # A title broken over lines starts with a line that is not a title on its own: one
        # that shows elsewhere is a menu item of a block the page repeats.
        for j in range(i + 1, min(n, i + MAX_TITLE_LINES) if shown == 1 else i + 1):
            if not page.likes[j]:
                break
            joined = _join(joined, page.keys[j])
            joined_copies = _copies(page, joined, i, j)
            if 1 < joined_copies <= MAX_TITLE_COPIES:
                last, key, copies = j, joined, joined_copies
        score = _headline_score(page, i, last, copies, start)
        if named:
            score += NAMED_IN_HEAD_BONUS
        if not body_measured:
            body_latin, body_measured = _monolingual_body(page, start, end), True
        if (
            body_latin is not None
            and _one_script(page, i, last, latin=not body_latin)
            and _title_translation(page, (i, last, key), start, end) is None
        ):
            score -= OTHER_LANGUAGE_TITLE_COST  # the other language's line by the text: its chrome
        if slugs is None:
            slugs = _slugs(page)
        if slugs and _in_slug(key, slugs):
            score += SLUG_TITLE_BONUS
        if body_latin and lead is None:
            lead = _lead_stems(page, start, end)  # an English body's: a Chinese title is echoed otherwise
        if body_latin and lead and _echoed_in_lead(key, lead):
            score += LEAD_ECHO_BONUS
        if score > best_score or (score == best_score and best is not None and copies > best_copies):
            best, best_score, best_copies = (i, last, key), score, copies
    return best


def _short_window() -> int:
    """How far above the text a line that is not title-like may be the headline: the farthest
    that :func:`_named_in_head`, :func:`_short_title` (:data:`SHORT_TITLE_NEAR`),
    :func:`_lead_subject` and :func:`_short_over_date` (:data:`HEAD_WINDOW`) look."""
    return max(SHORT_TITLE_NEAR, HEAD_WINDOW)


def _item_card_name(page: _Page, start: int) -> int:
    """The unit that names the item whose card stands above the text ``start``, or ``-1``: the
    first title-like unit within :data:`ITEM_CARD_SCAN` units above the card's first field (a
    price, a buy or enrol button, a ratings' count: :data:`_ITEM_FIELD`), found within
    :data:`HEADLINE_LOOKBACK` units above the text. The card opens with the item's name, then
    what qualifies it; the fields follow."""
    for f in range(max(0, start - HEADLINE_LOOKBACK), start):
        if (
            page.kind[f] is None
            and _may_open_field_or_rating(page.texts[f][:1])
            and _ITEM_FIELD.fullmatch(page.texts[f])
        ):
            for i in range(max(0, f - ITEM_CARD_SCAN), f):
                if page.likes[i] and page.kind[i] is None and not _HAN_LABEL.match(page.texts[i]):
                    return i  # not a field of the card under a Han label (``学时安排：…``)
            return -1
    return -1


def _field_or_rating(text: str) -> bool:
    """Whether a line is an item card's field (:data:`_ITEM_FIELD`) or a rating
    (:data:`_RATING`); the patterns are asked only of a line whose first character one of them
    may open with (:data:`_FIELD_OR_RATING_FIRST`)."""
    if not _may_open_field_or_rating(text[:1]):
        return False
    return _ITEM_FIELD.fullmatch(text) is not None or _RATING.fullmatch(text) is not None


def _may_open_field_or_rating(first: str) -> bool:
    """Whether :data:`_ITEM_FIELD` or :data:`_RATING` may match a line that opens with ``first``
    (:data:`_FIELD_OR_RATING_FIRST`)."""
    return first in _FIELD_OR_RATING_FIRST or not (first.isascii() or "\u4e00" <= first <= "\u9fff")


def _item_description(page: _Page, i: int) -> bool:
    """Whether the short unit just above the body is the heading over an item's description
    (:data:`_ITEM_DESCRIPTION`), decided by no cue."""
    g = page.guesses[i]
    return g.quality is Quality.SHORT and g.kind is None and _ITEM_DESCRIPTION.fullmatch(page.texts[i]) is not None


def _monolingual_body(page: _Page, start: int, end: int) -> bool | None:
    """Whether the body ``start..end`` is written in Latin letters (``True``) or in Han
    characters (``False``), weighed as in :func:`_latin_led`; ``None`` for a body that holds
    both, or a page whose running text (its prose units, in the body or not) does: each at
    least :data:`BILINGUAL_BODY_MIN_SHARE` of the weighed letters (a text and its translation,
    one of them perhaps outside the body found)."""
    latin, weighed = _weighed_letters(page, start, end)
    if not latin + weighed or _both_languages(latin, weighed):
        return None
    prose = list(itertools.compress(map(_SCRIPTS, page.features), map(_BODY_LIKE.__contains__, page.quality)))
    all_latin = sum(map(_LATIN, prose))
    all_weighed = HAN_LETTER_WEIGHT * sum(map(_HAN, prose))
    if _both_languages(all_latin, all_weighed):
        return None
    return latin > weighed


def _one_script(page: _Page, first: int, last: int, *, latin: bool) -> bool:
    """Whether units ``first..last`` are written wholly in Latin letters (``latin``: English
    words and no Han character) or wholly in Han characters (no English word)."""
    han = sum(page.features[k].scripts.han for k in range(first, last + 1))
    words = sum(page.features[k].scripts.latin_words for k in range(first, last + 1))
    return (words > 0 and han == 0) if latin else (han > 0 and words == 0)


def _box_item(page: _Page, i: int) -> bool:
    """Whether unit ``i`` stands right under a widget's label (:data:`_TICKER_LABEL`) or a
    section's heading (``Most Popular``, ``Related stories``): the first item of a box of
    other stories. Its copies elsewhere on the page are the same story in other boxes, and
    count as no title's."""
    if i == 0:
        return False
    return "section_cue" in page.why[i - 1] or _TICKER_LABEL.fullmatch(page.units[i - 1].text) is not None


def _slugs(page: _Page) -> list[frozenset[str]]:
    """The words of each slug the page's printed URLs hold: of each URL's path, the segment with
    the most words (:data:`SLUG_MIN_WORDS` or more), its file's extension and its numbers of five
    digits or more dropped."""
    out: list[frozenset[str]] = []
    features = page.features
    urls = map(operator.and_, map(_IS_URL, features), map(_URL_HAS_PATH, features))
    for text in itertools.compress(page.texts, urls):
        path = text.split("//", 1)[-1].partition("/")[2].lower()
        best: list[str] = []
        for segment in re.split(r"[/?#&=]", path):
            words = [w for w in _SLUG_SPLIT.split(segment.rsplit(".", 1)[0]) if w and not _SLUG_ID.fullmatch(w)]
            if len(words) > len(best):
                best = words
        if len(best) >= SLUG_MIN_WORDS:
            out.append(frozenset(best))
    return out


def _echo_stems(text: str) -> list[str]:
    """The stems of a text's words of :data:`ECHO_WORD_MIN_LETTERS` letters or more: their first
    :data:`ECHO_STEM_LETTERS` letters, lower-cased (Latin letters and digits only)."""
    return _ECHO_STEM.findall(text.lower())


def _lead_stems(page: _Page, start: int, end: int) -> frozenset[str]:
    """The stems (:func:`_echo_stems`) of the body's first unit and of its first
    :data:`LEAD_ECHO_UNITS` prose units (a text may open with a short line: ``Here's why:``)."""
    out: set[str] = set()
    seen = 0
    for i in range(start, min(end + 1, len(page.units))):
        if i == start or page.quality[i] in _BODY_LIKE:
            out.update(_echo_stems(page.units[i].text))
            seen += 1
            if seen >= LEAD_ECHO_UNITS:
                break
    return frozenset(out)


def _echoed_in_lead(key: str, lead: frozenset[str]) -> bool:
    """Whether title key ``key`` is echoed by the body's lead (:data:`LEAD_ECHO_BONUS`):
    :data:`LEAD_ECHO_MIN_WORDS` of its words or more, and :data:`LEAD_ECHO_MIN_SHARE` of them,
    stand in ``lead`` (:func:`_lead_stems`)."""
    stems = _echo_stems(key)
    shared = sum(map(lead.__contains__, stems))
    return shared >= LEAD_ECHO_MIN_WORDS and shared >= LEAD_ECHO_MIN_SHARE * len(stems)


def _in_slug(key: str, slugs: list[frozenset[str]]) -> bool:
    """Whether title key ``key`` is spelt by one of the page's slugs (:func:`_slugs`): it holds
    :data:`SLUG_MIN_SHARE` of the slug's words, and they make :data:`SLUG_MIN_TITLE_SHARE` of its."""
    words = {w for w in _SLUG_SPLIT.split(key.lower()) if w}
    if len(words) < SLUG_MIN_WORDS:
        return False
    for slug in slugs:
        shared = len(slug & words)
        if shared >= SLUG_MIN_SHARE * len(slug) and shared >= SLUG_MIN_TITLE_SHARE * len(words):
            return True
    return False


def _field_value(page: _Page, i: int) -> bool:
    """Whether unit ``i`` is the value of a field whose label stands alone on the line above
    it: a lone ``By`` (features.py's author field), or an author's, editor's, source's or date's
    cue and its colon and nothing else (``Author:``, ``Publish date:``, ``来源：``; a template sets
    each field's label and value on two lines), or a cue's label that ends with ``by`` (``News
    provided by``, over the issuer). A lone ``原标题：`` heads a title all the same."""
    j = i - 1
    if page.kind[j] is not Kind.METADATA:
        return False
    if page.keys[j] in ALONE_BYLINE:
        return True
    label = page.units[j].text.rstrip()
    return (
        (label[-1:] in ":：" and page.features[j].chars <= LONE_FIELD_MAX_CHARS)
        or _LABEL_BY.fullmatch(label) is not None
    ) and any(f"metadata_cue:{field}" in page.why[j] for field in _VALUE_FIELDS)


def _name_over_date(page: _Page, i: int) -> bool:
    """Whether unit ``i`` is an author's name, perhaps with the desk after a comma (``Dana
    Whitfield, Harbor Gazette``), right over a dateline and right under a title-like line: a
    byline without ``By``. Without a title over it, a line of capitalized words over the date is
    the title (``Brave New World``)."""
    j = i + 1
    return (
        i > 0
        and page.likes[i - 1]
        and j < len(page.kind)
        and page.kind[j] is Kind.METADATA
        and "dateline" in page.why[j]
        and _BYLINE_NAME_LINE.fullmatch(page.units[i].text) is not None
    )


def _author_link(page: _Page, i: int) -> bool:
    """Whether unit ``i`` is the link to the author's page (``About Dana Whitfield``, ``More
    from Dana Whitfield``): the name it ends with is in a metadata line (the byline) within
    :data:`METADATA_NEAR` units of it."""
    m = _AUTHOR_LINK.fullmatch(page.units[i].text)
    if m is None:
        return False
    name = m.group(1)
    return any(
        page.kind[j] is Kind.METADATA and name in page.units[j].text
        for j in range(max(0, i - METADATA_NEAR), min(len(page.kind), i + METADATA_NEAR + 1))
        if j != i
    )


_LEAD_SUBJECT_LINK = regex.compile(r"\s*(?:是|為|为|係|（|\(|,|，|\s(?:is|was|are|were)\s)")
"""What follows an encyclopedia article's subject at the start of its lead: a copula (``是``,
``is``), a bracket (the subject's other names, dates, pronunciation) or a comma."""
LEAD_SUBJECT_MAX_CHARS = 30
"""The longest a short line may be to be read as the subject its lead opens with: a name (of a
place, a person, a thing), not a sentence."""


def _lead_subject(page: _Page, i: int, start: int) -> bool:
    """Whether a line too short for a title's shape (``灰石港``, ``Harbor Town``) is the subject
    that the body's first paragraph opens with (``灰石港是…``, ``Harbor Town is …``), within
    :data:`HEAD_WINDOW` units above it: wikis (MediaWiki, Fandom, encyclopedias) open every
    article's lead with its title, so the line is the title shown again, once in the text. Not
    an account's name on its card (over a handle or a follow button), which its bio opens with."""
    if not 0 < start - i <= HEAD_WINDOW or start >= len(page.units):
        return False
    g = page.guesses[i]
    text = page.units[i].text.strip()
    if g.kind is not None or g.quality is not Quality.SHORT or not 2 <= len(text) <= LEAD_SUBJECT_MAX_CHARS:
        return False
    if page.guesses[start].quality is not Quality.GOOD or _ends_clause(text) or page.features[i].items > 1:
        return False
    lead = page.units[start].text.lstrip()
    if not (lead.startswith(text) and _LEAD_SUBJECT_LINK.match(lead, len(text)) is not None):
        return False
    # An account's name over its handle or a follow button is its card, whose bio opens with
    # the name too (``Peking University`` over ``@PKU1898``, then ``Peking University was …``).
    return not any(
        _HANDLE.fullmatch(page.texts[k].strip()) or _FOLLOW_BUTTON.fullmatch(page.texts[k].strip())
        for k in range(i + 1, min(i + 1 + CARD_LINES, start))
    )


def _opens_text(page: _Page, key: str, start: int) -> bool:
    """Whether the body's first unit opens with title key ``key`` as a sentence of its own (the
    title and a sentence's end mark: a forum post or a question that asks its title again as
    its first sentence). The title's one showing above the body then counts as shown twice."""
    if len(key) < HEADLINE_MIN_CHARS or start >= len(page.units):
        return False
    head = page.units[start].text[: len(key) + 1]
    return head[-1:] in _OPENING_SENTENCE_END and _title_key(head[:-1]) == key


def _heading_in_run(f: Features, text: str, *, after_sentence: bool) -> bool:
    """Whether a line of running text is written as a heading: short, no sentence's end and no
    punctuation inside, and either Title Case (two English words or more, most capitalized) or,
    right after a sentence's end (``after_sentence``), Chinese of a few characters."""
    if size(f) > SUBHEADING_MAX_SIZE or f.ends_sentence or _HEADING_PUNCTUATION.search(text) or _CODE_LIKE.search(text):
        return False
    s = f.scripts
    if s.latin_words >= 2 and s.han == 0:
        return f.capital_share >= RUN_HEADING_MIN_CAPITALS
    return after_sentence and 2 <= s.han <= RUN_HEADING_MAX_HAN and s.latin_words == 0


def _teaser_items(page: _Page, start: int) -> set[int]:
    """The items of a summary's list above the body: the short lines after a teaser label that
    ends with a colon (``Key points:``, ``要点：``), up to :data:`TEASER_ITEMS_MAX` of them, to the
    first line with a cue of its own (a byline) or the body."""
    items: set[int] = set()
    above = range(min(start, len(page.kind)))
    for i in itertools.compress(above, map(operator.is_, page.kind[: len(above)], itertools.repeat(Kind.TEASER))):
        if page.texts[i][-1:] not in ":：":
            continue
        for j in range(i + 1, min(start, i + 1 + TEASER_ITEMS_MAX)):
            if page.kind[j] is not None or page.quality[j] is not Quality.SHORT:
                break
            items.add(j)
    return items


def _over_byline(page: _Page, i: int) -> bool:
    """Whether unit ``i`` stands right over a byline or a dateline (metadata that heads an
    article): the title of the story below it, though it reads as a line of running text (the
    last of a feed of other stories' titles in sentence case just above the article). A short
    line that is no title (the author's bare name) may stand between."""
    n = len(page.kind)
    j = i + 1
    if j + 1 < n and page.kind[j] is None and page.quality[j] is Quality.SHORT and not page.likes[j]:
        j += 1
    return j < n and page.kind[j] is Kind.METADATA and _closes_article(page.features[j], page.why[j])


def _post_text(page: _Page, start: int) -> bool:
    """Whether the text at ``start`` is a social post's: its account's handle (``@newsroom``)
    stands within :data:`POST_HANDLE_NEAR` units above it, buttons not counted."""
    above = _above(page, start)[-POST_HANDLE_NEAR:]
    return any(page.keys[i][:1] == "@" and _HANDLE.fullmatch(page.keys[i]) for i in above)


def _card_title(page: _Page, end: int) -> tuple[int, int, str] | None:
    """A social post's only title: the title of the link card it shares, between the post's
    text and its date (a dateline within :data:`CARD_SCAN` units after the text's end, past a
    ``Translate post`` button): the first title-like line there, or else the short line right
    over the date when another line stands between it and the text (a card's title may be too
    short for a title's shape; a lone short line there is the translate button)."""
    n = len(page.keys)
    date = next(
        (
            j
            for j in range(end + 1, min(n, end + 2 + CARD_SCAN))
            if page.kind[j] is Kind.METADATA and "dateline" in page.why[j]
        ),
        None,
    )
    if date is None:
        return None
    for i in range(end + 1, date):
        if page.likes[i]:
            return i, i, page.keys[i]
    i = date - 1
    g, key = page.guesses[i], page.keys[i]
    shaped = len(key) >= HEADLINE_MIN_CHARS and key[-1:] not in _TITLE_END_CHARS and not _HANDLE.fullmatch(key)
    return (i, i, key) if i > end + 1 and g.kind is None and g.quality is Quality.SHORT and shaped else None


def _headline_score(page: _Page, i: int, last: int, copies: int, start: int) -> float:
    """How much units ``i..last`` look like the article's title: repeated on the page a few
    times, just above the body, with metadata after it, long enough to be a title, not a
    list of items."""
    score = 0.0
    if 1 < copies <= MAX_TITLE_COPIES:
        score += 3.0 if copies == 2 else THIRD_COPY_BONUS
        if i == 0:
            score += 2.0  # the page's first line, shown again below: the title bar
    elif copies > MAX_TITLE_COPIES:
        score -= 2.0  # a widget's label repeated all over the page
    distance = max(0, start - last - 1)
    buttons = (
        bisect.bisect_left(page.buttons, start) - bisect.bisect_left(page.buttons, last + 1) if last + 1 <= start else 0
    )
    if buttons >= MIN_BAR_BUTTONS:
        distance -= buttons  # a share bar (shown twice) between a title and its text is not distance
    if distance > 0 and page.features[i].scripts.han and not page.features[i].han_gaps and _dek(page, last + 1, start):
        # Nor is a Chinese title's dek (a blog theme's subtitle over the date); a line of Han
        # words spaced apart over it is a menu, not its title.
        distance -= 1
    score += _nearness(distance)
    kind, quality = page.kind, page.quality
    meta = []
    for j in range(last + 1, min(len(kind), last + 1 + 2 * METADATA_NEAR)):
        if kind[j] is Kind.METADATA:
            meta.append(j)
        elif j >= start and quality[j] is Quality.GOOD:
            break  # metadata after the body's paragraphs (an editor's line) closes the article
    # A dek (a title-like line in the title's language right under it) stands between a title
    # and its byline on blogging platforms and news sites alike: it is no distance to the
    # metadata. A line in the other language is the title's translation, weighed on its own.
    dek = (
        1
        if last + 1 < start
        and page.likes[last + 1]
        and kind[last + 1] is None
        and (page.features[last + 1].scripts.han > 0) == (page.features[last].scripts.han > 0)
        else 0
    )
    if meta and meta[0] - last - dek <= METADATA_NEAR:
        score += 3.0
    elif meta:
        score += 2.0
    elif i > 0 and kind[i - 1] is Kind.METADATA:
        score += 1.0
    if i == last:
        scripts = page.features[i].scripts
        han, words = scripts.han, scripts.latin_words
        if (
            dek
            and meta
            and meta[0] == last + 2
            and (han >= TITLE_OVER_DEK_MIN_HAN or words >= TITLE_OVER_DEK_MIN_WORDS)
            and _POSTED_BY.match(page.texts[meta[0]])
        ):
            # The Clean Blog family of blog themes (its Jekyll, Hugo and Hexo ports, Hux) sets
            # the post's title, then its subtitle, then ``Posted by NAME on DATE``: the two are
            # one heading, measured together, so that the longer subtitle does not outweigh its
            # title. Only under that byline: over a plain ``By …`` or a date, the line above a
            # title is as often the section's kicker (``World``, ``法国报纸摘要``).
            dek_scripts = page.features[last + 1].scripts
            han, words = han + dek_scripts.han, words + dek_scripts.latin_words
    else:
        han = sum(page.features[k].scripts.han for k in range(i, last + 1))
        words = sum(page.features[k].scripts.latin_words for k in range(i, last + 1))
    if han and words:  # a Chinese title with English names in it (``把博客从 WordPress 搬到 Hugo``)
        han += MIXED_TITLE_WORD_HAN * words
    score += 2.0 if han >= 10 or words >= 5 else 1.0 if han >= 8 or words >= 4 else 0.0
    if page.features[i].items > 2:
        score -= 2.0
    if page.features[i].has_date and i < start:
        score -= DATED_TITLE_COST  # above the body: a dated line in it would be read as body, not metadata
    if _under_site_menu(page, last, start):
        score -= SITE_HEADER_COST  # the site's name or tagline, above the menu over the post's title
    if page.units[last].text[-1:] in PERMALINK_MARKS:
        score += 1.0  # a documentation page's heading (``Title¶``): the generator marks it a heading
    card_name = page.card_names.get(start)
    if card_name is None:
        card_name = page.card_names[start] = _item_card_name(page, start)
    if i == card_name:
        score += ITEM_CARD_BONUS  # the item's name over its card: the fields between are no distance
    return score


def _under_site_menu(page: _Page, last: int, start: int) -> bool:
    """Whether a line that opens with a menu's home item (:data:`_HOME_ITEM`) stands between
    unit ``last`` and the text ``start``, with a title-like line still unlabelled after it:
    the post's title below the site's menu (see :data:`SITE_HEADER_COST`)."""
    buttons = page.buttons  # the buttons' indexes, in order: the menu's line is one of them
    for b in range(bisect.bisect_right(buttons, last), bisect.bisect_left(buttons, start)):
        k = buttons[b]
        if _HOME_ITEM.match(page.units[k].text):
            likes, kind = page.likes, page.kind
            return any(likes[j] and kind[j] is None for j in range(k + 1, start))
    return False


def _zh_name(text: str) -> bool:
    """Whether a line is a Chinese personal name alone: two to four Han characters that open
    with a surname (``林晓``, ``欧阳明``). An English template prints the author's name so, by
    the date, as it prints a name in Latin letters (:data:`_BYLINE_NAME_LINE`)."""
    name = text.strip()
    if not 2 <= len(name) <= ZH_NAME_MAX_CHARS or not _HAN_NAME.fullmatch(name):
        return False
    surnames = word_set("quote_zh_surnames.txt")  # the quotes' lexicon's surnames
    return name[:1] in surnames or (len(name) > 2 and name[:2] in surnames)


def _person_name(text: str) -> bool:
    """Whether a line is a person's name alone, in Latin letters (:data:`_PERSON_NAME`) or in
    Han characters (:func:`_zh_name`)."""
    return _zh_name(text) or _PERSON_NAME.fullmatch(text.strip()) is not None


def _nearness(distance: int) -> float:
    """What a title gains for standing ``distance`` units above the text."""
    return 3.0 if distance <= 2 else 2.0 if distance <= 8 else 1.0 if distance <= 20 else 0.0


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
    if g.kind is Kind.SOURCE_URL:
        return Kind.PARAGRAPH, "url_in_body"  # a link the text gives; the page's own URL is printed after it
    if g.kind is not None:
        return g.kind, "in_body_cue"
    if g.quality in _BODY_LIKE:
        return Kind.PARAGRAPH, "in_body"
    if f.capital_share == 1.0 and _caps_link(text, f.scripts.latin_words):
        return Kind.FOOTER, "caps_link"  # ``SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'``
    if _NUMBERED.match(text) and size(f) <= SUBHEADING_MAX_SIZE:
        return Kind.SUBHEADING, "numbered_heading"
    if text[-1:] in PERMALINK_MARKS and size(f) <= SUBHEADING_MAX_SIZE:
        return Kind.SUBHEADING, "permalink_heading"
    if in_run:
        return Kind.PARAGRAPH, "text_line"
    if size(f) <= LABEL_HEADING_MAX_SIZE and _LABEL_HEADING.fullmatch(text):
        return Kind.SUBHEADING, "label_heading"
    if (
        size(f) <= SUBHEADING_MAX_SIZE
        and not f.ends_sentence
        and not _ends_clause(text)
        and not _FIELD_VALUE.search(text)
        and not text.startswith(("—", "-"))  # ``——（宋）陆游``: a quotation's attribution
        and not _CODE_LIKE.search(text)  # ``rm -rf /opt/toolkit``: a line of code, not a heading
    ):
        return Kind.SUBHEADING, "short_title_in_body"
    return Kind.PARAGRAPH, "short_in_body"


def _caps_link(text: str, words: int) -> bool:
    """Whether a short line inside the text is a link to another story set in capitals: all its
    letters capitals, :data:`CAPS_LINK_MIN_WORDS` words or more, or :data:`CAPS_QUOTED_MIN_WORDS`
    with a quotation or a colon in it, as a headline has (a heading in capitals is a few plain
    words: ``HOW TO USE A WATER BATH CANNER``)."""
    if words < CAPS_QUOTED_MIN_WORDS or not text.isupper():
        return False
    return words >= CAPS_LINK_MIN_WORDS or bool(_CAPS_QUOTE.search(text))


def _url_label(page: _Page, i: int) -> bool:
    """Whether unit ``i`` is the label the page's own URL was cut from (``本文链接：``,
    ``Permalink:``): the start of the URL's line, a few words ending in a colon."""
    unit = page.units[i]
    return (
        unit.fused.startswith("before_url")
        and unit.text[-1:] in ":："
        and page.features[i].chars <= URL_LABEL_MAX_CHARS
    )


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
        if "section_cue" in g.reasons:
            break  # ``More on this story``, ``Related Topics``: the footer's own sections begin
        chrome = g.kind in (Kind.FOOTER, Kind.NAV)
        if not chrome and not (g.quality is Quality.SHORT and page.features[i].chars <= TAIL_CHROME_MAX_CHARS):
            if g.quality is Quality.SHORT and _GLOSS_ENTRY.fullmatch(page.texts[i]) is not None:
                continue  # a study page's word box (``drain n. 排水管``) between the text and its credits
            break
    return last


def _after(g: Guess, f: Features, in_tail: bool, source_url_seen: bool) -> tuple[Kind, str]:
    """A unit after the article: its cue's kind in the article's tail (``in_tail``), footer
    otherwise. A unit whose kind is not one of :data:`_TAIL_KINDS` is footer (``after_body``),
    which :func:`_zone_labels` gives without asking."""
    if g.kind is Kind.DISCLAIMER:
        return (Kind.DISCLAIMER, "after_body_cue") if in_tail else (Kind.FOOTER, "far_disclaimer")
    if g.kind is Kind.SOURCE_URL and in_tail and f.url_has_path and not source_url_seen:
        return Kind.SOURCE_URL, "after_body_url"
    if g.kind is Kind.METADATA and (in_tail or any(r.startswith("metadata_") for r in g.reasons)):
        return Kind.METADATA, "after_body_cue"
    if g.kind is Kind.CAPTION and in_tail:
        return Kind.CAPTION, "after_body_cue"
    return Kind.FOOTER, "after_body"
