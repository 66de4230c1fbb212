"""Stage 6, quotes: direct quotations in the body, and who said them.

In: the final blocks (normalized text, raw spans) and the normalized page. Out: a tuple of
:class:`~bilingual_news.model.Quote`, in reading order.

Five small steps, one section each below:

1. **Pair** (:func:`_pair`): the quote marks of one body block, in a single left-to-right pass
   with a stack: “ ” ‘ ’ " " ' ' 「 」 『 』. Straight marks and ’ are read from their
   neighbours, so an apostrophe (``Xi's``, ``'90s``, ``rock 'n' roll``, ``it’s``) never opens
   or closes a quote; 《书名》 are not quote marks at all. Only the outermost quote of a nest
   is kept (its text holds the inner marks), so quotes never overlap.
2. **Locate** (:func:`_locate`): a quote left open at the end of a paragraph whose next
   paragraph re-opens with a quote mark runs on: it is one quote, and its text and span are
   those of its first paragraph (as the gold format lists it).
3. **Attribute** (:func:`_before`, :func:`_after`, :func:`_postposed`): a speech verb and its
   speaker in the sentence before the quote (``他指出：“……”``, ``As President Xi stated, “…”``,
   ``据X介绍，“……”``, ``The firm said the offer was "too low" for``), right after it
   (``“……”李女士说。``, ``"…," said Li Ming, a farmer.``) or at the end of its sentence
   (``… "…" that …, says one person close to the firm.``): the reporting clause's subject.
4. **Decide** (:func:`_decide`): speech or a quoted term. A term, title, slogan or scare quote
   (``所谓“……”``, ``the "Global South" countries``, ``“江南品质”的``, a list of quoted
   words) gets no speaker, even in a sentence with a speech verb.
5. **Settle** (:func:`_settle`): a pronoun (``he``, ``她``) becomes the nearest name that
   speaks in the same or the previous paragraph, when only one person is named there; a quote
   that names nobody takes the speaker of the quote it continues (``“……”，他说，“……”`` gives
   two quotes, both his), of the report just before it (``X称，……。“……”``), of a dash line
   signing it (``— Ada Byron``) or of the paragraph around it.

The word lists (speech verbs, titles, pronouns, surnames, the words that end a Chinese
subject) are data files ``lexicon/quote_*.txt``, read once. Each search is bounded to a window
around its quote and the pairing is one pass, so the work is linear in the length of the page.
What is looked for in every body block (quote marks, speech verbs, names) is looked for once in
the body's joined text (:class:`_Scan`), and only the blocks where it is found are read further.
``docs/quotes.md`` describes the patterns, the decisions and their limits.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

import regex

from bilingual_news._lazy import LazyPattern
from bilingual_news.lexicon import entries, trie_pattern
from bilingual_news.model import BODY_KINDS, Block, Kind, Quote, span_unchecked
from bilingual_news.normalize import Normalized
from bilingual_news.scripts import DIGIT_CLASS, LOWER_CLASS, UPPER_CLASS, char_class, han_class

__all__ = ["find_quotes"]

# ------------------------------------------------------------------------------ thresholds
MAX_BEFORE_CHARS = 160
"""Characters read before a quote for its attribution: a news sentence is rarely longer, and
the bound keeps the work per quote constant, so the stage stays linear in the page."""
MAX_AFTER_CHARS = 100
"""Characters read after a quote for a trailing attribution (``”李女士说。``,
``," said Li Ming, a farmer.``, ``," said a person in charge of maintenance of the network.``):
the speaker follows within one clause, a described one included."""
MAX_VERB_GAP_CHARS = 80
"""Most characters between a speech verb and a quote it introduces later in the same sentence
(``陈教授在讲座上说，过去三年……，“……”``); farther, the verb belongs to another clause."""
MAX_ZH_SPEAKER_CHARS = 32
"""Longest Chinese speaker kept (a title and a name, ``江北职业技术学院园林绿化专业实习生宋雨晴``
is 20): a longer subject is a whole clause, not a speaker."""
MAX_ZH_NAME_CHARS = 12
"""A Chinese subject longer than this that holds 的 is a description; its head noun after the
last 的 is the speaker (``带领青禾农业……的韩立平`` -> ``韩立平``). Also the longest untitled
speaker taken for a name a pronoun may stand for."""
ZH_FULL_NAME_CHARS = 3
"""Characters of the name taken after a title when a predicate follows it before a colon
(``实习生宋雨晴方向明确：`` -> ``实习生宋雨晴``): most Chinese names are a surname and two
characters (a two-character name keeps one character of the predicate)."""
MAX_ZH_GIVEN_NAME_CHARS = 4
"""Longest Chinese name after a title (a compound surname and a two-character given name): a
longer rest is not a bare name (``主任药师欧阳明轩`` -> ``欧阳明轩``)."""
MIN_ZH_STOP_INDEX = 2
"""A word that ends a Chinese subject (在, 也, 曾, 都) counts only from this index on: a speaker
has at least two characters, and many such words are also surnames or name characters at the
start (曾先生, 于欢, 成都)."""
MAX_ZH_CLAUSES_BACK = 3
"""Clauses read back from a speech verb with no subject of its own for the sentence's subject
(``韩立平，在……会上表示``): the subject of a Chinese sentence comes first, a few clauses back."""
MAX_ASIDE_CHARS = 40
"""Longest bracketed aside skipped inside a Chinese attribution (``韦伯(Karl Weber，右二)称``):
a name in another script and a note; longer brackets hold a clause of their own."""
MODAL_WINDOW_CHARS = 20
"""Characters read before an English speech verb for a modal (``might well ask``)."""
IDIOM_WINDOW_CHARS = 14
"""Characters read around an English speech verb for a set phrase holding it (``having said that``)."""
MAX_EN_SPEAKER_WORDS = 8
"""Longest English speaker kept, in words (``veteran harbour pilot and union organiser Dana Whitcombe``)."""
MAX_EN_DESCRIPTION_WORDS = 14
"""Longest English speaker that is a description opening with a determiner and running to the
verb or to the end of the clause (``said a person in charge of maintenance of the monitoring
system.``, ``one passenger on the delayed train said``): a noun with its modifiers, not a clause."""
MIN_EN_PLURAL_CHARS = 4
"""Shortest bare plural noun taken for a subject (``unions``, ``fans``): shorter words in s are
function words (``its``, ``has``, ``was``)."""
MAX_EN_APPOSITIVES = 2
"""Appositives set off by commas allowed between a speaker and the verb after a quote
(``"…," the mayor, Helen Park, said``); more is a list or a clause."""
MAX_EN_DESCRIPTOR_WORDS = 3
"""Lower-case words after a determiner that make a speaker (``a cyclist surnamed Pan``,
``the firm``); more is a clause, unless one of them is a title (``a spokeswoman for the company``)."""
MIN_ZH_SPEECH_CHARS = 10
"""Han characters that, with clause punctuation inside, make a quote read as a sentence (speech)
rather than a term; twice as many read as a sentence without it. Terms and titles are short."""
MIN_EN_SPEECH_WORDS = 6
"""English words that, with clause punctuation or a final period, make a quote read as a
sentence; twice as many read as a sentence without them."""
MAX_TERM_CHARS = 6
"""Longest quoted text that stays a term when the page quotes it again inside a report
(“河长制” elsewhere in 在“河长制”问题上): a longer one is a repeated sentence."""
TERM_WINDOW_CHARS = 20
"""Characters read before a quote for a term word (``所谓的顾问“钱经理”``,
``the slogan "…"``): the word and up to eight characters between it and the quote."""
MAX_POSTPOSED_CHARS = 200
"""Most characters from a quote to the end of its sentence for an attribution that ends the
sentence (``… "…" that …, says one person close to the firm.``): one long news sentence."""
MAX_THAT_GAP_CHARS = 140
"""Most characters between an English speech verb with ``that`` and a quote later in the clause
it governs (``He adds that over the winter …, the plan is to give riders "…"``): a ``that``
clause runs longer than the words a verb introduces directly (:data:`MAX_VERB_GAP_CHARS`)."""
INTERRUPT_GAP_CHARS = 60
"""Most characters between two quotes of one paragraph for the second to carry on the first
one's speaker when it names none (``“……”，他说，“……”``, ``"…," he said. "…"``)."""
RESOLVE_WINDOW_CHARS = 600
"""Characters read back in a paragraph for the name a pronoun or an unattributed quote stands
for: a long news paragraph."""
MAX_CHAIN_PARAGRAPHS = 3
"""Paragraphs read back for a pronoun's name while each paragraph between still speaks of the
person with the same pronoun (``Zhang Wei, … said`` / ``He said that …`` / ``"…," he said.``);
otherwise only the previous paragraph is read."""
NEXT_MENTION_CHARS = 16
"""A name this close after a quote that names no speaker (``“……”说起这个，何秀兰……``), or
this close to the start of the next paragraph after a whole-paragraph quote, is its speaker."""
MIN_SPEAKER_CHARS = 2
"""Shortest name a pronoun may stand for (one letter or one Han character is noise)."""
MIN_NAME_REPEATS = 3
"""Times a three-character string opening with a surname must recur to be taken for a name."""
NAME_DOMINANCE = 0.8
"""Share of its two-character start that such a string must make up (梁思远 nearly always
follows 梁思; 图书馆 does not follow every 图书), and most share of its occurrences that may
follow one same character (安康乐园 makes 康乐园 no name)."""

# ------------------------------------------------------------------------------ characters
# Classes of literal characters are in re, which matches them as regex does and is called faster.
_MARKS = re.compile(r"[“”‘’「」『』\"']")
_OPENERS = frozenset("“‘「『")
_CLOSER_OF = {"”": "“", "’": "‘", "」": "「", "』": "『"}
_CONTINUABLE = frozenset('“「『"')
"""Marks that can leave a quote open at the end of a paragraph (a single quote never does)."""
_OPENING_PUNCT = frozenset("([{（【〔〈—–-/：:，,、；;")
"""Characters after which a quote mark opens (besides a blank): brackets, dashes, colons, commas."""
_OPENING_BRACKETS = frozenset("([{（【〔〈")
"""Characters after which a quote mark never closes."""
_QUOTE_CHARS = "“”‘’「」『』\"'"
_NO_QUOTES = str.maketrans("", "", _QUOTE_CHARS)
_SENTENCE_END = frozenset("。！？!?")
_QUOTED_SENTENCE_END = frozenset("。！？!?.")
"""The marks that end quoted words which end their sentence (``“……。”``, ``"…."``)."""
_CLAUSE_PUNCT = frozenset("，,；;：:、。！？!?…")
_BLANKS = " \t\u3000"
_STRIP_CHARS = _BLANKS + _QUOTE_CHARS + "（）()【】[]—–-…·.,，、"
"""What is trimmed from the ends of a Chinese speaker."""
_ELISION = LazyPattern(r"'(?:n'|\d|(?:em|til|cause|tis|twas|bout|round|s)\b)", regex.IGNORECASE)
"""A straight apostrophe that opens nothing: ``'90s``, ``rock 'n' roll``, ``'em``, ``'til``."""
_HONORIFIC_WORD = r"(?:Mr|Mrs|Ms|Mx|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Rev|Jr|Sr|St|Mt)"
_HONORIFIC = _HONORIFIC_WORD + r"\."
"""An abbreviated title whose period ends no sentence (``Mr. Harlan Voss``, ``Dr. Amara Singh``)."""
_SENTENCE_START = regex.compile(
    rf"[。！？!?\n]|(?<!\b{_HONORIFIC_WORD}|\b\p{{Lu}})[.…](?=[\"”’']?\s)|(?<=[.!?])[\"”’']\s"
)
"""What ends the sentence before an offset (a Chinese or English sentence end, a line end)."""
_SENTENCE_MARK = re.compile(r"[。！？!?…]")
_COMMA = re.compile(r"[,，]")
_SENTENCE_AFTER = regex.compile(rf"[。！？\n]|(?<!\b{_HONORIFIC_WORD}|\b\p{{Lu}})[.!?](?=[\"”’']?(?:\s|$))")
"""What ends the sentence after an offset (a Chinese or English sentence end, a line end)."""
_CLAUSE_MARK = re.compile(r"[，,；;：:]")
_HAN = re.compile(han_class())
_HAN_FLOOR = min(c for c in han_class()[1:-1] if c not in "-\\")
"""The lowest character :data:`_HAN` matches (the first of its ranges): a text with no
character from it up holds no Han character."""
_FROM_HAN_FLOOR = re.compile(f"[{_HAN_FLOOR}-\U0010ffff]")
"""Any character from :data:`_HAN_FLOOR` up: one range, looked for many times faster than the
many ranges of :data:`_HAN` (an English page has none but for a few punctuation marks)."""
_ASCII_RUN = re.compile("[a-z]+")
_LETTER = regex.compile(r"\p{L}")
_LATIN_WORD = regex.compile(r"[\p{Latin}\d][\p{Latin}\d'’\-]*")
_CODE_CHARS = re.compile(r"[/\\{}\[\]()<>=;|#$%^*+~_\"@]")
"""Characters of code and markup, never of a speaker (``{ retries``, ``//img.host``, ``MAX_RETRY``)."""
_FIRST_PERSON = frozenset({"i", "we", "you", "我", "我们", "咱们", "我們", "咱們", "你", "你们", "你們", "您"})
"""The writer's own voice, or the reader addressed: never a speaker."""
_CONTRACTION = re.compile(r"^[A-Za-z]+['’](?:s|t|ll|re|ve|d|m)?$")
"""One word with an apostrophe at its end (``Let’s``, ``KEY'``): a contraction, not a name."""

# Chinese clauses and subjects
_ZH_CLAUSE_SPLIT = re.compile(r"[，,；;：:]")
_ZH_CLAUSE_END = re.compile(r"[，,。！？!?；;：:\n“”「」]")
_ZH_PARENS = LazyPattern(r"[（(][^（）()]{0,12}[）)]")
"""A short aside in brackets (``店员小芹（化名）``), dropped from a speaker."""
_ZH_ASIDE = LazyPattern(rf"[（(][^（）()\n]{{1,{MAX_ASIDE_CHARS}}}[）)]")
"""An aside in brackets, even with a comma inside (``韦伯(Karl Weber，右二)称``): blanked
before a Chinese subject is read, so that its comma ends no clause."""
_ZH_DATE = regex.compile(r"(?:\d{1,4}\s*[年月日号]\s*)+|(?:[上下]午|晚上|早上|当晚|当日|凌晨)")
_ZH_ADVERB_DI = LazyPattern(r"\p{Han}{2}[地得]$")
"""An adverb in 地 (or a complement in 得) between a speaker and the verb (``郭师傅感慨地说``,
``老周激动得说不出话``)."""
_ZH_TIME_TAIL = LazyPattern(r"(?:时|后|前|期间|以来|之际|之后|之前|当中|之时)$")
"""The end of a time clause (``发布芯片时``), which is no subject."""
_ZH_PREDICATE = re.compile(r"[了没不很会要能过着吗呢吧太]")
"""Aspect, negation, degree and modal words: a quoted Chinese phrase holding one is a predicate
someone said (``“斩断了”``, ``“完全没想到”``), not a name or catchword (``“完爆”``, ``“双减”``)."""
_ZH_MODAL_BEFORE = re.compile(r"(?:可能|也许|或许|大概|兴许)[会要]?$")
"""A word of likelihood before a Chinese speech verb (``你可能会问``): a hypothetical, not a report."""
_ZH_ADVERB_ONLY = LazyPattern(r"^\p{Han}{1,4}地$")
"""A clause that is only an adverb in 地 before the verb (``并隐晦地表示``): it has no subject."""
_ZH_DEMONSTRATIVE = LazyPattern(r"^(?:这些|那些|這些)")
"""A demonstrative that opens a subject naming people (``这些竞购者``) as well as one naming
things (``这些数据``): the subject must end as a person or body does (``person`` words)."""
_ZH_TIME_HEAD = LazyPattern(r"^(?:时候|时|后|前|期间|以来|之际|之后|之前|当中|之时)")
"""The head of a time phrase (``在会议结束的时候``): no subject."""
_ZH_PRONOUN_START = LazyPattern(r"^(?:他们|她们|我们|你们|他|她|我|你|您)")
_ZH_DAO_VERB = LazyPattern(r"(?P<v>\p{Han}{1,2}道)\s*[，,：:]?\s*$")
"""Any verb + 道 right before a quote reports speech (``喊道``, ``渲染道``, ``喃喃道``)."""
_ZH_CITE = LazyPattern(r"(?:引用|援引|引述)(?P<who>[^，,。！？!?“”]{2,24}?)的话")
"""``引用X的话说``: the words are X's, not the citing paper's."""
_ZH_SOURCE = LazyPattern(r"据(?P<who>[^，,。！？!?；;“”\"在]{2,24}?)(?P<v>报道|报导|報導|消息)\s*[，,：:]")
"""``据新华社报道，``, ``据《晨报》消息，``: the paper reports the words that follow."""
_ZH_REPORTING_GAP = LazyPattern(r"[道到]?\s*[，,：:“\"「]")
"""After a Chinese verb that reports speech: a comma, colon or quote mark (``小凯称，……``)."""
_ZH_INTRO_GAP = LazyPattern(r"[道到过了]*(?:的)?(?:那样|一样|那般)?\s*$")
"""Between a Chinese verb and the comma or colon that ends a paragraph introducing the quote of
the next (``鲁迅说过的那样，``, ``她回忆道：``)."""
_ZH_GAP_ADJACENT = LazyPattern(r"^[道到着了]?\s*[：:，,]?\s*[—–-]*\s*$")
"""Between a Chinese verb and the quote it introduces (``说：“``, ``表示，“``, ``喊出——“``)."""
_ZH_NOT_NAME_START = (
    "这", "那", "该", "其", "某", "有", "一", "几", "每", "各", "我", "你", "您", "咱",
    "人家", "大家", "自己", "对方",
)  # fmt: skip
"""Openings of a Chinese speaker that describe rather than name (这位大叔, 该负责人, 一位干部,
我和同事): kept as written for their own quote, never what a later pronoun stands for."""
_ZH_NAME_CHARS = LazyPattern(r"^[\p{Han}\p{Latin}·•、]+$")
_ZH_NOT_IN_NAME = frozenset(
    "的了和与是在也都就而及或等之中上下里着过说称对从把被让给为这那有个们地得年月日时后前元亿千百"
)
"""Characters that end a phrase rather than sit inside a name."""

# English words and speakers
_EN_TOKEN = LazyPattern(rf"\b{_HONORIFIC}(?=\s)|[\p{{L}}\d](?:[\p{{L}}\d'’\-]|\.(?=\p{{L}}))*|[^\s\p{{L}}\d]")
_EN_WORD = regex.compile(r"(?<![\p{L}\d])\p{Latin}+(?![\p{L}\d])")
_LATIN_NOT_LETTER = re.compile("[\u2160-\u2188]")
"""The Roman numerals of the Number Forms block: every character of the Latin script that is
neither a letter nor a digit is one of them."""
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\d]")
_EN_NEXT_WORD = LazyPattern(r"\s+(?P<w>\p{Latin}+)(?![\p{L}\d])")
_EN_GAP_ADJACENT = LazyPattern(r"^(?:\s+(?:\w+ly|also|again|then))?\s*(?:,|:|\s+that)?\s*$")
"""Between an English verb and the quote it introduces (``said, "``, ``told reporters: "``)."""
_EN_THAT = LazyPattern(r"^\s+that\b|^.{0,60}?,\s*$", regex.DOTALL)
"""Reported speech after an English verb: ``adds that …`` or a short clause ending in a comma."""
_EN_TELL = frozenset({"tell", "tells", "told", "telling", "ask", "asks", "asked", "asking"})
"""English speech verbs whose object is the hearer: the words after them never name the speaker."""
_EN_IDIOM = LazyPattern(
    r"(?i:\bthat\s+(?:being\s+)?said\b|\bhaving\s+said\s+that\b|\bneedless\s+to\s+say\b|\bso\s+to\s+speak\b"
    r"|\bsuffice\s+(?:it\s+)?to\s+say\b|\bgoes\s+without\s+saying\b|\bis\s+to\s+say\b)"
)
"""Set phrases that hold a speech verb and report nothing (``That being said, "…"``)."""
_EN_IDIOM_WORDS = frozenset(
    "that being said having needless to say so speak suffice it goes without saying is".split()  # noqa: SIM905 - a word list reads best as running text
)
"""The words of :data:`_EN_IDIOM`: a set phrase holds the start of a whole word only when that
word (lower-cased) is one of them, so a verb that is none of them stands in no set phrase."""
_EN_POSSESSIVE = LazyPattern(r"(?:\p{L}['’]s|s['’])\s+$")
"""A possessive right before a word (``the ministry's claim``, ``the workers' warning``): the word is a noun."""
_EN_MODAL_BEFORE = LazyPattern(r"(?i:\b(?:might|may|could|can|should|must)(?:\s+\w+ly)?\s+)$")
"""A modal before a speech verb (``one might ask``, ``you could say``, ``some may argue``): a
hypothetical, not a report (``would`` and ``will`` also tell of things said: not here)."""
_ASKED = LazyPattern(
    r"(?i:\b(?:when|if|after|once|before|being)\s+asked(?:\s+\w+){0,3}?)\s*[,:]?\s*$|被(?:问到|问及|问起|问)\s*[，,：:]?\s*$"
)
"""A question put to someone, with no one asking before it (``When asked "…?" X replied``,
``当被问及“……”时``): the quote is the question, not the words of the one who answers."""
_EN_THAT_WORD = LazyPattern(r"^\s+that\b")
_EN_CLAUSE = LazyPattern(r"^\s+[^.!?;:]*$")
"""A reported clause with no sentence end before the quote, after a verb of :data:`_EN_SAY`
(``said the new line would be "twice as fast"``)."""
_EN_SAY = frozenset(
    {
        "say", "says", "said", "claim", "claims", "claimed", "insist", "insists", "insisted", "argue", "argues",
        "argued", "tell", "tells", "told", "saying",
    }
)  # fmt: skip
"""English verbs that take a reported clause without ``that``; other speech verbs (``continue``,
``note``, ``add``) take one only with ``that`` or a comma."""
_EN_SOURCE = r"(?P<v>(?i:according\s+to|in\s+the\s+words\s+of))"
"""The phrases that name a source before it (``According to X``, ``In the words of X``)."""
_EN_ACCORDING_BEFORE = LazyPattern(rf"{_EN_SOURCE}\s+(?P<who>[^,.;:!?“”\"]{{2,80}}?)\s*,\s*$")
_EN_ACCORDING_GOVERNS = LazyPattern(rf"{_EN_SOURCE}\s+(?P<who>[^,.;:!?“”\"]{{2,80}}?)\s*,")
"""``According to X,`` earlier in the sentence: X reports the words quoted later in it."""
_ACRONYM = re.compile(r"[A-Z]{2,}$")
"""A name in capitals (``NASA``, ``WHO``): a body, never what ``he`` or ``she`` stands for."""
_EN_SUBORDINATORS = frozenset(
    {"when", "while", "as", "after", "before", "during", "via", "because", "though", "although", "since", "until"}
)
"""Words that open a clause after a speaker (``said a spokesperson when contacted by …``)."""
_EN_AFFILIATION = frozenset({"of", "at", "from", "for", "with", "in"})
"""Prepositions that start a named speaker's affiliation (``Rosa Lind of the institute``)."""
_EN_FINITE = frozenset(
    {"is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can", "should", "must"}
)
"""Finite verbs: after a speech verb, words holding one are a reported clause, never its speaker."""
_EN_NAMED_AS = LazyPattern(
    r"(?i:\b(?:known|referred\s+to|nicknamed|billed|branded|labell?ed|marketed|touted)\s+(?:\w+ly\s+)?as)\s*$"
)
"""A naming phrase with an adverb before its ``as`` (``known locally as "the harp"``): the quote
is a name (the plain phrases, ``known as``, are term words in ``quote_zh_subject.txt``)."""
_EN_QUOTED_AS = LazyPattern(
    r"\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+quoted"  # was quoted
    r"(?:\s+by\s+[^,.;:!?]{2,60}?)?\s+as\s*$"  # by the paper, as
)
"""A passive report before ``saying`` (``Chen was quoted by the paper as saying``): its subject speaks."""
_EN_ACCORDING_AFTER = LazyPattern(r"^\s*,?\s*(?i:according\s+to)\s+(?P<who>[^,.;:!?“”\"]{2,80})")
_EN_APPOSITIVE = LazyPattern(r"(?:^|(?<=[.!?]\s))(?P<n>\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,3}),\s+(?=\p{Ll})")
"""A name that opens a sentence with a description after it (``Rhea Patel, a nurse from …``):
how English news introduces a person who speaks later as ``he`` or ``she``."""
_EN_SKIP = frozenset(
    {
        "also", "just", "then", "later", "further", "once", "again", "has", "had", "have", "would",
        "will", "was", "previously", "recently", "repeatedly", "earlier", "simply", "often", "even",
        "still", "now",
    }
)  # fmt: skip
"""Words that may stand between an English speaker and the verb (``she once told me``)."""
_EN_CLAUSE_OPENERS = frozenset({"which", "that", "who", "and", "but", "while", "whereas", "as", "where", "though"})
"""Words after which a bare plural noun opens a clause as its subject (``which unions said``)."""
_EN_NOT_PLURALS = frozenset(
    {
        "this", "thus", "its", "his", "hers", "ours", "yours", "theirs", "was", "has", "does",
        "means", "always", "perhaps", "sometimes", "plus", "less", "unless", "various", "news",
        "series", "species", "whereas", "besides", "towards", "afterwards", "nevertheless",
        "ones", "others", "yes", "us",
    }
)  # fmt: skip
"""Lower-case words in s that are no plural noun a clause can open with."""
_EN_CONNECTORS = frozenset({"of", "de", "van", "von", "der", "den", "la", "le", "du", "bin", "al", "and", "the"})
"""Lower-case words allowed inside a capitalized English name or title (``Bank of China``)."""
_EN_DETERMINERS = frozenset({"the", "a", "an", "one", "another", "this", "that", "some", "many"})
_EN_NOT_NAMES = frozenset(
    {
        "as", "and", "but", "so", "then", "when", "while", "after", "before", "in", "at", "on",
        "for", "according", "if", "because", "since", "though", "although", "yet", "or", "to",
        "with", "by", "from", "of", "the", "meanwhile", "however", "also", "i", "it", "this",
        "that", "there", "here", "what", "which", "who", "mr", "ms", "mr.", "ms.", "mrs.", "dr.",
    }
)  # fmt: skip
"""Capitalized words that open a sentence but are no part of a speaker (``As President Xi``)."""
_EN_BAD_START = frozenset(
    {
        "in", "on", "at", "to", "that", "with", "during", "after", "before", "from", "as", "when",
        "while", "it", "this", "there", "of", "for", "by", "about", "into", "last",
    }
)  # fmt: skip
"""Words that cannot start a speaker after a verb (``said in a statement``)."""

# Context
_LIST_JOIN = LazyPattern(r"\s*(?:[、,/]|和|与|及|或|and|or)\s*")
"""What joins the quoted items of a list (“脱钩”和“去风险”, "vegan" or "vegetarian")."""
_NAME_AFTER_GAP = LazyPattern(r"[ \t\u3000]*[，,]?[ \t\u3000]*")
"""What may stand between a quote that names no speaker and a name right after it, which is
then its speaker (``“……”，杜明远劝……``)."""
_SIGNATURE = LazyPattern(
    r"^\s*(?:[—–]{1,2}|-{1,2}|―)\s*(?P<who>[^，,。.!?！？;；:：《“\"(（\n]{1,40})(?:[，,(（《][^\n]{0,60})?\s*$"
)
"""A paragraph that signs the quote before it: a dash, a name, and maybe a note or a title."""
_NEXT_SPEAKER = LazyPattern(
    r"^(?:That|This)(?:'s|’s|\s+is)\s+what\s+(?P<en>[^,.;:!?]{2,60}?)(?=\s*,|\s+\p{Ll})"
    r"|^说(?:这|这番|这句|此)话的(?:是)?(?P<zh>[^，,。！？!?；;]{2,30})"
)
"""A paragraph that names the speaker of the whole-paragraph quote before it
(``That's what X told …``, ``说这话的是退休邮递员马永福``)."""


# ------------------------------------------------------------------------------ word lists
@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The quote word lists, compiled (each file's header says how it is read)."""

    zh_verbs: re.Pattern[str]
    """Chinese speech verbs (group ``v``) and the words that hold one but are none (group ``x``)."""
    zh_verb_start: re.Pattern[str]
    """Any word of :attr:`zh_verbs`, of either group, as one trie: it matches where
    :attr:`zh_verbs` does, and :mod:`re` skips to such a place many times faster (a pattern that
    opens with groups is tried at every character)."""
    zh_not_verbs: frozenset[str]
    en_verbs: frozenset[str]
    """English verb forms, lower case; two-word ones (``pointed out``) joined by one blank."""
    en_verb_heads: frozenset[str]
    """First words of the two-word forms."""
    en_verb_hint_words: frozenset[str]
    """The one-word forms and the first words of the two-word ones."""
    en_verb_form: re.Pattern[str]
    """One of :attr:`en_verb_hint_words` as a whole run of ASCII letters."""
    en_verb_forms_az: bool
    """Whether every word of :attr:`en_verb_hint_words` is ASCII lower-case letters only (then
    :func:`_en_verb_form_spans` finds :attr:`en_verb_form`'s matches by their runs)."""
    en_verb_hint: re.Pattern[str]
    """Any one-word form or first word: a text whose lower case holds none holds no English
    speech verb (a word that lower-cases to a form leaves that form in the text's lower case;
    matched case-sensitively, which :mod:`re` scans far faster than ``IGNORECASE``)."""
    zh_titles: re.Pattern[str]
    en_titles: frozenset[str]
    pronouns_one: frozenset[str]
    pronouns_many: frozenset[str]
    described: frozenset[str]
    """Nouns that, after ``the``, describe a source rather than point back (``the person``)."""
    zh_lead: regex.Pattern[str]
    zh_stop: re.Pattern[str]
    zh_act: re.Pattern[str]
    """Verbs of action that end a subject, except inside a modifier that ends in 的."""
    zh_none: re.Pattern[str]
    zh_person: re.Pattern[str]
    """How a subject naming a person or a body ends (居民, 学者, 外交部)."""
    term_before: regex.Pattern[str]
    """A term word (所谓, so-called) close before a quote."""
    term_hint: re.Pattern[str]
    """Any term word, case-folded: a text whose :func:`_folded` form holds none holds no term
    word :attr:`term_before` finds (a character it matches with a letter of one folds to that
    letter), found without :mod:`regex`'s slower ``IGNORECASE`` scan."""
    zh_surnames: frozenset[str]
    zh_surname_starts: frozenset[str]
    """The characters the surnames start with (one-character surnames and compound ones)."""
    zh_surname_char: re.Pattern[str]
    """One character that is a surname by itself."""
    zh_word_starts: frozenset[str]
    """The first characters of the speech verbs and of the words that end a subject: a word
    :func:`_starts_word` looks for starts with one."""
    zh_run_surname: re.Pattern[str]
    """The first character of a run of Han characters (:attr:`han_run`), when a surname starts
    with it."""
    zh_surname_three: re.Pattern[str]
    """A character that is a surname by itself and the two Han characters after it (groups 1 to
    3); found overlapping, since only the surname is consumed."""
    zh_surname_title: re.Pattern[str]
    """A surname and a title (周警官, 蒋医生)."""
    zh_name_title: re.Pattern[str]
    """A surname, one or two characters and a title (秦晓梅副院长)."""
    han_run: re.Pattern[str]
    """Two or more Han characters."""


def _tagged(name: str) -> list[tuple[str, str]]:
    return [(tag.strip(), word.strip()) for tag, _, word in (line.partition("\t") for line in entries(name))]


def _alternation(words: Sequence[str]) -> str:
    """A regex alternation of ``words``, longest first (so the longest word wins at a position)."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _first_char_gate(words: Sequence[str]) -> str:
    """A lookahead for the characters ``words`` start with, to put before an alternation of
    groups: :mod:`re` skips ahead to such a character fast, but tries a group at every position.
    Empty when a word is empty (or there is none), since an empty word matches anywhere."""
    if not words or not all(words):
        return ""
    return "(?=[" + re.escape("".join(sorted({w[0] for w in words}))) + "])"


def _trie(words: Sequence[str]) -> str:
    """The same words as :func:`_alternation`, matched the same way (the longest at a position),
    as a trie for :mod:`re`, which scans it several times faster than :mod:`regex` scans the
    flat alternation."""
    return trie_pattern(set(words)) if words else ""  # no word: an empty alternation, as above


@functools.cache
def _lexicon() -> _Lexicon:
    """The word lists, read and compiled once per process, on first use."""
    zh = entries("quote_verbs_zh.txt")
    not_verbs = [w[1:] for w in zh if w.startswith("-")]
    en = [w.lower() for w in entries("quote_verbs_en.txt")]
    titles = _tagged("quote_titles.txt")
    zh_titles = _trie([w for tag, w in titles if tag == "zh"])
    pronouns = _tagged("quote_pronouns.txt")
    subject = _tagged("quote_zh_subject.txt")

    def words(kind: str) -> str:
        return _alternation([w for tag, w in subject if tag == kind])

    def trie(kind: str) -> str:
        return _trie([w for tag, w in subject if tag == kind])

    verbs = [w for w in zh if w[0] != "-"]
    surnames = entries("quote_zh_surnames.txt")
    single = "".join(sorted({w for w in surnames if len(w) == 1}))
    han = han_class()
    hints = {w for w in en if " " not in w} | {w.split()[0] for w in en if " " in w}
    surname_char = f"[{re.escape(single)}]" if single else "(?!)"
    starts = "".join(sorted({w[0] for w in surnames}))
    return _Lexicon(
        zh_verbs=re.compile(
            _first_char_gate([*not_verbs, *verbs]) + rf"(?:(?P<x>{_trie(not_verbs)})|(?P<v>{_trie(verbs)}))"
        ),
        zh_verb_start=re.compile(_trie([*not_verbs, *verbs])),
        zh_not_verbs=frozenset(not_verbs),
        en_verbs=frozenset(en),
        en_verb_heads=frozenset(w.split()[0] for w in en if " " in w),
        en_verb_hint_words=frozenset(hints),
        en_verb_form=re.compile(rf"(?<![a-z])(?:{trie_pattern(hints)})(?![a-z])"),
        en_verb_forms_az=all(_ASCII_RUN.fullmatch(w) for w in hints),
        en_verb_hint=re.compile(trie_pattern(hints)),
        zh_titles=re.compile(zh_titles),
        en_titles=frozenset(w.lower() for tag, w in titles if tag == "en"),
        pronouns_one=frozenset(w.lower() for tag, w in pronouns if tag == "one"),
        pronouns_many=frozenset(w.lower() for tag, w in pronouns if tag == "many"),
        described=frozenset(w.lower() for tag, w in pronouns if tag == "noun"),
        zh_lead=regex.compile(rf"^(?:(?:{words('lead')}|{_ZH_DATE.pattern})[，,\s]*)+"),
        zh_stop=re.compile(trie("stop")),
        zh_act=re.compile(trie("act")),
        zh_none=re.compile(trie("none")),
        zh_person=re.compile(rf"(?:{trie('person')})$"),
        term_before=regex.compile(
            # a Latin term word is a whole word (the terminal, recalled hold none)
            rf"(?<!\p{{Latin}})(?:{words('term')})(?!\p{{Latin}})[^，。,.!?！？“”\"]{{0,8}}$",
            regex.IGNORECASE,
        ),
        term_hint=re.compile(_trie([w.casefold() for tag, w in subject if tag == "term"])),
        zh_surnames=frozenset(surnames),
        zh_surname_starts=frozenset(w[0] for w in surnames),
        zh_surname_char=re.compile(surname_char),
        zh_word_starts=frozenset(w[0] for w in [*verbs, *(w for tag, w in subject if tag == "stop")] if w),
        zh_run_surname=re.compile(rf"[{re.escape(starts)}](?<!{han}.)(?={han})" if starts else "(?!)", re.DOTALL),
        zh_surname_three=re.compile(rf"({surname_char})(?=({han})({han}))"),
        zh_surname_title=re.compile(rf"(?:{_trie(surnames)})(?:{zh_titles})"),
        zh_name_title=re.compile(rf"(?:{_trie(surnames)}){han_class()}{{1,2}}?(?:{zh_titles})"),
        han_run=re.compile(rf"{han_class()}{{2,}}"),
    )


# ------------------------------------------------------------------------------ the page scan
@dataclass(frozen=True, slots=True)
class _Scan:
    """The body texts of a page joined by line breaks, for one scan of the whole page where each
    step would scan each block: a pattern that matches no line break and sees none as part of a
    word finds in the joined text what it finds in each block, at the block's offset
    (:meth:`blocks_with` tells which blocks); the steps then read only the blocks it found."""

    texts: Sequence[str]
    """The body blocks' texts, in order."""
    joined: str
    starts: Sequence[int]
    """Offset of each text in :attr:`joined`."""

    @classmethod
    def of(cls, texts: Sequence[str]) -> _Scan:
        """The scan of these texts."""
        starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        return cls(texts=texts, joined="\n".join(texts), starts=starts)

    def blocks_with(self, pattern: re.Pattern[str], text: str | None = None) -> list[int]:
        """The positions in :attr:`texts` of the blocks where ``pattern`` matches, in order: one
        search per block found, each from the start of the block after the last one found.
        ``text`` is :attr:`joined` or a text of the same length made from it, character by
        character (its lower case)."""
        text = self.joined if text is None else text
        starts, out = self.starts, []
        m = pattern.search(text)
        while m is not None:
            k = bisect_right(starts, m.start()) - 1
            out.append(k)
            if k + 1 == len(starts):
                break
            m = pattern.search(text, starts[k + 1])
        return out


# ------------------------------------------------------------------------------ 1. pair
@dataclass(frozen=True, slots=True)
class _Marks:
    """The quote marks of one block, paired."""

    pairs: tuple[tuple[int, int], ...]
    """``(open, close)`` offsets of the outermost closed quotes, in order."""
    unclosed: int | None
    """Offset of the outermost mark of a kind that can run on, left open at the end, or None."""


def _pair(text: str) -> _Marks:
    """Pair the quote marks of ``text`` in one pass (:func:`_pair_blocks` of one block)."""
    return _pair_blocks(_Scan.of([text])).get(0, _NO_MARKS)


_NO_MARKS = _Marks(pairs=(), unclosed=None)


def _pair_blocks(scan: _Scan) -> dict[int, _Marks]:
    """The quote marks of each body block that holds one, paired, from one pass of
    :data:`_MARKS` over the page's joined text. In each block, each mark is pushed and popped at
    most once, and a closer with no opener of its kind open is dropped at once (a count per
    kind). Each mark either opens a quote of a kind (``push``), closes the innermost open one of
    a kind (``shut``: the openers above it were never closed), or is passed over. A mark reads
    its neighbours in the joined text: the line break between two blocks reads as the start or
    the end of the block (a blank, no letter, no digit, matched by no elision)."""
    text, starts = scan.joined, scan.starts
    n = len(text)
    out: dict[int, _Marks] = {}
    k = -1
    base = 0
    end = -1  # offset one past the current block in the joined text
    stack: list[tuple[str, int]] = []
    count: dict[str, int] = {}
    closed: list[tuple[int, int]] = []
    for m in _MARKS.finditer(text):
        i = m.start()
        c = text[i]
        if i >= end:  # the first mark of a block
            if k >= 0:
                out[k] = _paired(stack, closed)
            k = bisect_right(starts, i) - 1
            base = starts[k]
            end = starts[k + 1] if k + 1 < len(starts) else n + 1
            stack, closed = [], []
            count = dict.fromkeys("“‘「『\"'", 0)
        push = shut = ""
        if c in "「『":
            push = c
        elif c in "」』”":
            if count[_CLOSER_OF[c]]:
                shut = _CLOSER_OF[c]
            elif c == "”" and count['"']:
                shut = '"'  # "……” : a straight opener closed with a curly mark
        elif c == "‘":
            nxt = text[i + 1] if i + 1 < n else ""
            if not (nxt.isdigit() or (i and text[i - 1].isalnum() and nxt.isalnum())):
                push = c  # not ‘90s, not rock‘n
        elif c == "’":
            if count["‘"]:
                nxt = text[i + 1] if i + 1 < n else ""
                if not (i and text[i - 1].isalnum() and nxt.isalnum()):
                    shut = "‘"  # not it’s
        else:
            prev = text[i - 1] if i else ""
            nxt = text[i + 1] if i + 1 < n else ""
            closer_like = bool(prev) and not prev.isspace() and prev not in _OPENING_BRACKETS and not nxt.isalnum()
            if c == "“":
                if stack and stack[-1][0] == "“" and closer_like and (not nxt or nxt.isspace() or nxt in _CLAUSE_PUNCT):
                    shut = "“"  # “……“。 : a curly opener typed for a closer
                else:
                    push = c
            elif c == '"':
                opener_like = (not prev or prev.isspace() or prev in _OPENING_PUNCT) and bool(nxt) and not nxt.isspace()
                if count['"'] and (closer_like or not opener_like):
                    shut = '"'
                elif not count['"'] and stack and stack[-1][0] == "“" and closer_like and not opener_like:
                    shut = "“"  # “……"。 : a straight closer after a curly opener
                else:
                    push = '"'
            elif prev.isalnum() and nxt.isalnum():
                continue  # ' between letters: Xi's, don't
            elif count["'"] and closer_like:
                shut = "'"
            elif (
                nxt.isalnum() and (not prev or prev.isspace() or prev in _OPENING_PUNCT) and not _ELISION.match(text, i)
            ):
                push = "'"
        if push:
            stack.append((push, i - base))
            count[push] += 1
        elif shut:
            while stack:  # count[shut] > 0, so the loop ends
                kind, o = stack.pop()
                count[kind] -= 1
                if kind == shut:
                    closed.append((o, i - base))
                    break
    if k >= 0:
        out[k] = _paired(stack, closed)
    return out


def _paired(stack: list[tuple[str, int]], closed: list[tuple[int, int]]) -> _Marks:
    """The marks of a block from the openers left open and the quotes closed: the outermost
    closed quotes, and the first opener left open that may run on."""
    unclosed = next((pos for kind, pos in stack if kind in _CONTINUABLE), None)
    outer: list[tuple[int, int]] = []
    reach = -1
    for o, e in sorted(closed):
        if o > reach:  # not inside the quote before: the outermost of a nest
            outer.append((o, e))
            reach = e
    return _Marks(pairs=tuple(outer), unclosed=unclosed)


# ------------------------------------------------------------------------------ 2. locate
class _Found(NamedTuple):
    """A quote located in a block's normalized text. A named tuple, as are the other records
    built once or more for every quote (:class:`_Said`, :class:`_Verb`, :class:`_Decided`):
    frozen as a frozen dataclass is, and built several times faster (a frozen dataclass sets
    each field through ``object.__setattr__``)."""

    block: int
    """Index of the block in the page's blocks."""
    open: int
    """Offset of the opening mark in the block text."""
    start: int
    """Offset of the quoted text (marks, blanks and a trailing comma left out)."""
    end: int
    """Offset one past the quoted text."""
    close: int
    """Offset one past the closing mark (the block's end for a quote that runs on)."""
    text: str
    """The quoted text, ``block.text[start:end]``."""
    pre: str
    """The last non-blank character before the opening mark (``""`` at the block's start):
    what several rules read around the quote, found once."""
    post: str
    """The first non-blank character after :attr:`close` (``""`` at the block's end)."""
    sentence: bool
    """Whether the quoted text reads as a sentence (:func:`_is_sentence`)."""


def _found(text: str, block: int, open: int, start: int, end: int, close: int) -> _Found:
    """The quote of ``text`` (the text of the block at ``block``) between those offsets."""
    inner = text[start:end]
    return _Found(
        block=block,
        open=open,
        start=start,
        end=end,
        close=close,
        text=inner,
        pre=_prev_char(text, open),
        post=_next_char(text, close),
        sentence=_is_sentence(inner),
    )


def _clean_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted text without surrounding blanks or a trailing comma, which belongs to the
    sentence around the quote (``"…," said Li``)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",，"):
        end -= 1
    return start, end


def _opens_with_mark(text: str) -> int | None:
    """Offset of the quote mark a paragraph opens with (after blanks), or None."""
    stripped = text.lstrip()
    return len(text) - len(stripped) if stripped[:1] in _CONTINUABLE else None


def _locate(scan: _Scan, body: Sequence[int]) -> list[_Found]:
    """Every quote of the body blocks in reading order; one that runs over paragraphs once.
    Only the blocks with a quote mark are read: a block without one holds no quote, ends none
    and carries none on (the page's scan finds them)."""
    marks = _pair_blocks(scan)
    marked = list(marks)
    texts = scan.texts
    heads = {k: _opens_with_mark(texts[k]) for k in marked}
    found: list[_Found] = []
    carried = False  # the previous body block ended inside a quote that runs on into this one
    previous = -2
    for k in marked:
        index = body[k]
        text = texts[k]
        m, head = marks[k], heads[k]
        next_head = heads.get(k + 1)
        carried = carried and previous == k - 1 and head is not None
        previous = k
        inside_all = carried and m.unclosed == head  # the whole block is inside the run-on quote
        runs_on = m.unclosed is not None and next_head is not None and not inside_all
        skip_from = len(text) + 1  # quotes opening here or later are inside a quote that runs on
        if inside_all and head is not None:
            skip_from = head
        elif runs_on and m.unclosed is not None:
            skip_from = m.unclosed
        for o, c in m.pairs:
            if o >= skip_from or (carried and o == head):
                continue  # nested in a run-on quote, or the re-opened continuation of one
            s, e = _clean_bounds(text, o + 1, c)
            if s < e:
                found.append(_found(text, index, o, s, e, c + 1))
        if runs_on and m.unclosed is not None:
            s, e = _clean_bounds(text, m.unclosed + 1, len(text))
            if s < e:
                found.append(_found(text, index, m.unclosed, s, e, len(text)))
        carried = (runs_on or inside_all) and next_head is not None
    return found


# ------------------------------------------------------------------------------ 3. attribute
class _Said(NamedTuple):
    """What the sentence around a quote says about it."""

    speaker: str | None = None
    """The speaker as written (a name, a pronoun, a description), or None."""
    verb: str | None = None
    """The speech verb, when one ties the quote to the speaker."""
    how: str = "none"
    """``before`` (a verb or colon right before the quote), ``after`` (right after it),
    ``governed`` (a verb earlier in the sentence), ``postposed`` (an attribution that ends the
    sentence of a quote set earlier in it), ``asked`` (a question put to someone: no one's
    words), ``none``."""
    at: int = 0
    """Offset in the block text where the speaker is written (where a pronoun is resolved from)."""


_NO_SAID = _Said()
"""What a sentence that says nothing about its quote says: one shared record (it is frozen)."""


class _Verb(NamedTuple):
    """A speech verb found in a text."""

    start: int
    end: int
    word: str


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted, not overlapping), by bisection."""
    k = bisect_right(spans, (pos, spans[-1][1] + 1 if spans else 0)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _sentence_start(text: str, lo: int, hi: int) -> int:
    """Offset where the sentence holding ``text[hi]`` starts, looking back no further than ``lo``:
    the end of the last match of ``_SENTENCE_START.finditer(text, lo, hi)``, or ``lo``.

    Read from the matches in the whole of ``text``, found once (:func:`_sentence_marks`): a
    match is one or two characters and its look-behinds see before ``lo`` either way, so the
    window's matches are the whole text's matches that start in it, but for the edges. At
    ``hi`` a match holds in the window only if what its look-ahead read (one character after
    ``.`` or ``…``, two after a quote mark before the blank) or what it took (a quote mark and
    a blank) lies before ``hi``. At ``lo`` a line break the whole text's match at ``lo - 1``
    took (``."`` and the break) is a match of its own in the window."""
    starts, ends = _sentence_marks(text)
    k = bisect_left(starts, hi) - 1
    while k >= 0 and starts[k] >= lo:
        p = starts[k]
        # after . or … the look-ahead read a blank, or a quote mark and a blank; any other
        # match took all it read (one of 。！？!? or a line break; a quote mark and a blank)
        read = (p + 2 if text[p + 1] in _QUOTE_BEFORE_BLANK else p + 1) + 1 if text[p] in ".…" else ends[k]
        if read <= hi:
            return ends[k]
        k -= 1
    return lo + 1 if lo < hi and text[lo : lo + 1] == "\n" else lo


_QUOTE_BEFORE_BLANK = frozenset("\"”’'")
"""The quote marks :data:`_SENTENCE_START`'s look-ahead allows between ``.`` and a blank."""


@functools.lru_cache(maxsize=256)
def _sentence_marks(text: str) -> tuple[list[int], list[int]]:
    """The starts and ends of the matches of :data:`_SENTENCE_START` in ``text``, in order:
    found once for a block, where each quote, verb and name asked for its own window."""
    starts: list[int] = []
    ends: list[int] = []
    for m in _SENTENCE_START.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _verbs_zh(text: str, lo: int, hi: int, masked: Sequence[tuple[int, int]] = ()) -> list[_Verb]:
    """The Chinese speech verbs in ``text[lo:hi]`` outside ``masked``, in order; not one after a
    word of likelihood (``你可能会问``, ``有人或许会说``: words nobody said)."""
    lex = _lexicon()
    find, match = lex.zh_verb_start.search, lex.zh_verbs.match
    out = []
    # zh_verbs.finditer, found faster: the trie finds the next place zh_verbs matches at, and
    # zh_verbs matches there as its finditer would, going on from the match's end
    f = find(text, lo, hi)
    while f is not None:
        m = match(text, f.start(), hi)
        if m is None:  # never: both patterns match where one of the words stands
            f = find(text, f.start() + 1, hi)
            continue
        s = m.start()
        if m.group("v") is not None and not _inside(s, masked) and not _ZH_MODAL_BEFORE.search(text, max(lo, s - 3), s):
            out.append(_Verb(start=s, end=m.end(), word=m.group()))
        f = find(text, m.end(), hi)
    return out


def _verbs_zh_by_block(scan: _Scan) -> dict[int, list[_Verb]]:
    """The Chinese speech verbs of each body block, as :func:`_verbs_zh` finds them in the whole
    block (no quote masked), found in one pass over the page: a verb is Han characters only, so a
    match never crosses a block's end."""
    lex = _lexicon()
    text, starts = scan.joined, scan.starts
    find, match = lex.zh_verb_start.search, lex.zh_verbs.match
    out: dict[int, list[_Verb]] = {}
    f = find(text)
    while f is not None:
        m = match(text, f.start())
        if m is None:  # never, as in _verbs_zh
            f = find(text, f.start() + 1)
            continue
        s = m.start()
        if m.group("v") is not None:
            k = bisect_right(starts, s) - 1
            base = starts[k]
            if not _ZH_MODAL_BEFORE.search(text, max(base, s - 3), s):
                out.setdefault(k, []).append(_Verb(start=s - base, end=m.end() - base, word=m.group()))
        f = find(text, m.end())
    return out


def _in_order(zh: list[_Verb], en: list[_Verb]) -> list[_Verb]:
    """The verbs of both lists by their start, as ``sorted(zh + en)`` by start gives them: each
    list is in that order already, so only two that both hold verbs are sorted."""
    if not zh:
        return en
    if not en:
        return zh
    return sorted(zh + en, key=lambda v: v.start)


def _verbs_en(text: str, lo: int, hi: int, masked: Sequence[tuple[int, int]] = ()) -> list[_Verb]:
    """The English speech verbs in ``text[lo:hi]`` outside ``masked``, in order: whole words
    looked up in a set (one pass over the words, not an alternation of every form at every
    position)."""
    low = text[lo:hi].lower()
    if _lexicon().en_verb_hint.search(low) is None:
        return []  # no form of a verb in the window: most windows, decided in one scan
    return _en_verbs_of(text, lo, hi, masked, _en_verb_words(text, lo, hi, low), low, lo)


def _en_verbs_of(
    text: str,
    lo: int,
    hi: int,
    masked: Sequence[tuple[int, int]],
    spans: list[tuple[int, int]],
    low: str,
    shift: int,
) -> list[_Verb]:
    """:func:`_verbs_en`'s verbs among ``spans``, the words :func:`_en_verb_words` finds in
    ``text[lo:hi]``: each ``text[s:e]`` lower-cased is ``low[s - shift : e - shift]``."""
    lex = _lexicon()
    out: list[_Verb] = []
    for s, e in spans:
        word = low[s - shift : e - shift]
        if (s and text[s - 1] in "'’-") or (e < len(text) and text[e] == "-") or _inside(s, masked):
            continue  # Xi's, well-said: part of a longer word
        if e - s > 1 and text[s:e].isupper():
            continue  # EXPLAIN SELECT ...: code or a shouted heading, not a report
        if _EN_MODAL_BEFORE.search(text, max(lo, s - MODAL_WINDOW_CHARS), s):
            continue  # one might ask "…": words nobody said
        if word in _EN_IDIOM_WORDS:
            window = _EN_IDIOM.finditer(text, max(0, s - IDIOM_WINDOW_CHARS), min(len(text), e + IDIOM_WINDOW_CHARS))
            if any(m.start() <= s < m.end() for m in window):
                continue  # That being said, needless to say: no one's words
        if _EN_POSSESSIVE.search(text, max(lo, s - 4), s):
            continue  # the ministry's claim "…": a noun after a possessive
        if word.endswith("ing") and word != "saying" and not text[max(lo, s - 3) : s].rstrip().endswith(","):
            continue  # the group's warning that: a noun; a participle goes on a report after a comma
        nxt = _EN_NEXT_WORD.match(text, e, hi) if word in lex.en_verb_heads else None
        if nxt and f"{word} {nxt.group('w').lower()}" in lex.en_verbs:
            out.append(_Verb(start=s, end=nxt.end(), word=text[s : nxt.end()]))
        elif word in lex.en_verbs:
            out.append(_Verb(start=s, end=e, word=text[s:e]))
    return out


def _en_verb_words(text: str, lo: int, hi: int, low: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the words :data:`_EN_WORD` finds in ``text[lo:hi]`` that lower-case to
    a one-word form or the first word of a verb (``low`` is ``text[lo:hi].lower()``).

    Found in ``low`` by one pattern of those forms as whole runs of ASCII letters, each then
    checked to have no letter or digit on either side, rather than by a loop over every word:
    lower-casing keeps whether a character is a letter or a digit, and a character that
    lower-cases to an ASCII letter is a Latin one. That finds the same words unless a character
    lower-cases to two (the offsets shift) or the window holds a Latin character that is no
    letter (a Roman numeral, which ``_EN_WORD`` puts in a word): then every word is looked up."""
    if len(low) != hi - lo or _LATIN_NOT_LETTER.search(text, lo, hi):
        hints = _lexicon().en_verb_hint_words
        return [m.span() for m in _EN_WORD.finditer(text, lo, hi) if m.group().lower() in hints]
    spans = []
    for m in _lexicon().en_verb_form.finditer(low):
        s, e = m.span()
        # (the pattern sees no character before the window, _EN_WORD does)
        before = _LETTER_OR_DIGIT.match(low, s - 1) if s else lo > 0 and _LETTER_OR_DIGIT.match(text, lo - 1)
        if not before and not _LETTER_OR_DIGIT.match(low, e):
            spans.append((lo + s, lo + e))
    return spans


def _zh_subject(text: str, back: int = MAX_ZH_CLAUSES_BACK) -> str | None:
    """The speaker of a Chinese speech verb: the subject of the clauses before it (``text``),
    the verb's own clause first, then up to ``back`` clauses back; never outside a bracket the
    verb stands in (``（或者我该说“……”）``: an aside has its own subject)."""
    text = _blank_asides(text)
    opened = max(text.rfind("（"), text.rfind("("))
    if opened >= 0:
        text = text[opened + 1 :]  # the brackets left are open ones: closed asides are blanked
    clauses = _ZH_CLAUSE_SPLIT.split(text)
    for clause in reversed(clauses[-back:]):
        subject = _zh_clause_subject(clause)
        if subject:
            return subject
    return None


def _blank_asides(text: str) -> str:
    """``text`` with its bracketed asides blanked, offsets kept."""
    if "(" not in text and "（" not in text:
        return text
    return _ZH_ASIDE.sub(lambda m: " " * len(m.group()), text)


def _zh_clause_subject(clause: str) -> str | None:
    """The subject a Chinese clause opens with: the text before the first word that ends a
    subject (a preposition, an adverb, a date, another speech verb), or None."""
    lex = _lexicon()
    c = _ZH_PARENS.sub("", clause).translate(_NO_QUOTES).strip(_STRIP_CHARS)
    c = c.removeprefix("据")  # 据X介绍
    c = _strip_trailing_verbs(lex.zh_lead.sub("", c).strip(_STRIP_CHARS))
    if _ZH_ADVERB_ONLY.match(c):
        return None  # 并隐晦地表示: an adverb is no subject
    demonstrative = _ZH_DEMONSTRATIVE.match(c) is not None  # 这些竞购者: a subject if it names people
    modified = False  # 在菜市场卖了二十年菜的老板娘刘春梅: a modifier opening with 在, if a person follows
    if c and lex.zh_stop.match(c) and "的" in c:
        head = c.rsplit("的", 1)[1]
        if head and not lex.zh_stop.match(head) and not _ZH_TIME_HEAD.match(head):
            c, modified = head, True
    if not c or lex.zh_stop.match(c) or lex.zh_act.match(c) or (lex.zh_none.match(c) and not demonstrative):
        return None  # the clause opens with a preposition, adverb, verb or conjunction: no subject here
    pronoun = _ZH_PRONOUN_START.match(c)
    if pronoun:
        return pronoun.group()  # 他还和……: the pronoun is the subject
    cut = len(c)
    # an action verb inside a modifier (带领……的郑晓岚) does not end the subject
    act_from = max(MIN_ZH_STOP_INDEX, c.rfind("的") + 1)
    for pattern, lo in ((lex.zh_stop, MIN_ZH_STOP_INDEX), (_ZH_DATE, MIN_ZH_STOP_INDEX), (lex.zh_act, act_from)):
        s = pattern.search(c, lo)
        if s and s.start() < cut:
            cut = s.start()
    # a speech verb inside a modifier (不愿透露姓名的家属) does not end the subject either
    verb = next(iter(_verbs_zh(c, act_from, cut)), None)
    if verb is not None:
        cut = verb.start  # 钱经理告诉许老伯，声称……: the subject ends at the first verb
    c = c[:cut]
    if _ZH_TIME_TAIL.search(c):
        return None  # 发布芯片时: a time clause, not a subject
    if len(c) > MIN_ZH_STOP_INDEX + 2:
        c = _ZH_ADVERB_DI.sub("", c)
    if len(c) > MAX_ZH_NAME_CHARS and "的" in c:
        c = c.rsplit("的", 1)[1]
    c = c.strip(_STRIP_CHARS)
    if len(c) > MIN_SPEAKER_CHARS:
        c = c.removesuffix("所")  # 正如一位老农所说
    if (len(c) < MIN_SPEAKER_CHARS and c not in ("他", "她")) or len(c) > MAX_ZH_SPEAKER_CHARS:
        return None
    if not _LETTER.search(c) or (c.isascii() and c.islower()):
        return None  # no letter, or a lower-case Latin word (code: value: "……")
    if demonstrative and not lex.zh_person.search(c):
        return None  # 这些数据: no one
    if modified and (_zh_person(c) != c or _ZH_NAME_CHARS.match(c) is None):
        return None  # 在……的会上, 在……的过程中: a place or a time, no one
    return c


def _zh_person(who: str) -> str | None:
    """A Chinese subject cut to the person or body it names, as a subject before a bare colon
    must name one (a speech verb says so by itself): a pronoun, a title (``局长``), a word that
    ends such a subject (``居民``, ``记者``, ``外交部``: ``person`` in ``quote_zh_subject.txt``), a
    short name opening with a surname or 小/老 (``张建锋``, ``老周``), or a name in another script;
    a title or such a word with a name after it ends the subject there, a predicate after the
    name left out (``实习生宋雨晴方向明确`` -> ``实习生宋雨晴``). None for a subject naming no one
    (``需求驱动的创新``, ``这个方案``)."""
    lex = _lexicon()
    if not _HAN.search(who) or _ZH_PRONOUN_START.match(who) or lex.zh_person.search(who):
        return who
    titles = list(lex.zh_titles.finditer(who))
    if titles and titles[-1].end() == len(who):
        return who
    short = len(who) <= MAX_ZH_GIVEN_NAME_CHARS and not set(who[1:]) & _ZH_NOT_IN_NAME
    if short and (who[0] in lex.zh_surnames or who[:2] in lex.zh_surnames or who[0] in "小老"):
        return who
    for i in range(len(who) - 1, 0, -1):  # the last title or person word with a name after it
        head = who[:i]
        if lex.zh_person.search(head) or any(t.end() == i for t in titles):
            name = who[i : i + ZH_FULL_NAME_CHARS]
            if name[:1] in lex.zh_surnames and len(name) == ZH_FULL_NAME_CHARS and not set(name) & _ZH_NOT_IN_NAME:
                return head + name
    return None


def _strip_trailing_verbs(c: str) -> str:
    """``赵敏介绍`` (before 说 in 赵敏介绍说) -> ``赵敏``: a speech verb right before another."""
    while True:
        verbs = _verbs_zh(c, 0, len(c))
        last = verbs[-1] if verbs else None
        if last is None or last.end != len(c):
            return c
        if last.start < MIN_ZH_STOP_INDEX:
            return "" if last.start == 0 else c  # 表态: the clause is a verb, with no subject
        c = c[: last.start]


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _en_np_before(text: str) -> str | None:
    """The English speaker that ends ``text`` (the words right before a speech verb): a
    pronoun, a capitalized name with its titles (``President Xi Jinping``), the antecedent of
    ``who`` (``according to Chen, who adds``), or a described speaker (``the coach``)."""
    lex = _lexicon()
    toks: list[str] = _EN_TOKEN.findall(text[-MAX_BEFORE_CHARS:])
    while toks and toks[-1].lower() in _EN_SKIP:
        toks.pop()
    if not toks:
        return None
    appositive = _en_before_appositive(toks)
    if appositive:
        return appositive
    quoted = _EN_QUOTED_AS.search(text)
    if quoted:
        return _en_np_before(text[: quoted.start()])  # Chen was quoted as saying
    last = toks[-1]
    if last.lower() in lex.pronouns_one or last.lower() in lex.pronouns_many or last.lower() in _FIRST_PERSON:
        return last
    if last.lower() == "who" and len(toks) >= 2 and toks[-2] == ",":
        return _en_np_before(" ".join(toks[:-2]))
    described = _en_described(toks)
    if described:
        return described
    np: list[str] = []
    for tok in reversed(toks):
        low = tok.lower()
        if not (_is_cap(tok) or low in lex.en_titles or (np and low in _EN_CONNECTORS)):
            break
        np.append(tok)
        if len(np) > MAX_EN_SPEAKER_WORDS:
            break
    np.reverse()
    while np and (np[0].lower() in _EN_NOT_NAMES or np[0].lower() in _EN_CONNECTORS):
        np.pop(0)
    while np and np[-1].lower() in _EN_CONNECTORS:
        np.pop()
    if any(_is_cap(t) for t in np):
        return " ".join(np[-MAX_EN_SPEAKER_WORDS:])
    plural = _en_bare_plural(toks)
    if plural:
        return plural
    words = toks[-(MAX_EN_DESCRIPTOR_WORDS + 1) :]
    for k in range(len(words) - 1):
        if words[k].lower() in _EN_DETERMINERS and all(w[:1].isalnum() for w in words[k + 1 :]):
            return " ".join(words[k:])  # the firm, the 32-year-old
    return None


def _en_before_appositive(toks: list[str]) -> str | None:
    """The name that opens the clause ``toks`` end with, when appositives set off by commas
    stand between it and the verb after (``Jane Roe, the mayor,``, ``Jane Roe, 45,``,
    ``Jane Roe, who runs the shop,``, ``Zhang Wei, a doctor and a deputy to the Congress, the
    legislature,``): the subject of the verb. The name must be the whole of the clause before the
    first appositive, not a name inside it."""
    if len(toks) < 4 or toks[-1] != ",":
        return None
    lex = _lexicon()
    k = 0
    while k < len(toks) and (toks[k] == "," or toks[k].lower() in _EN_NOT_NAMES):
        k += 1  # However, And
    toks = toks[k:]
    if "," not in toks:
        return None
    first_comma = toks.index(",")
    head = toks[:first_comma]
    inner = toks[first_comma + 1 : -1]
    if not head or not inner or len(inner) > 2 * MAX_EN_DESCRIPTION_WORDS:
        return None
    opener = inner[0].lower()
    if not (opener in _EN_DETERMINERS or opener in lex.en_titles or opener == "who" or opener.isdigit()):
        return None
    name = " ".join(head)
    return name if len(head) <= MAX_EN_SPEAKER_WORDS and _is_name(name) else None


def _en_bare_plural(toks: list[str]) -> str | None:
    """The bare plural noun ``toks`` ends with, when it opens its clause (``unions``,
    ``Harbor officials``, ``…, which unions``, ``and residents``): the subject of the verb
    after it. A plural noun after any other word is an object or inside a phrase."""
    last = toks[-1]
    if not (last.isalpha() and last.islower() and last.endswith("s") and not last.endswith("ss")):
        return None
    if len(last) < MIN_EN_PLURAL_CHARS or last in _EN_NOT_PLURALS:
        return None
    k = len(toks) - 1
    if k and _is_cap(toks[k - 1]) and toks[k - 1].lower() not in _EN_NOT_NAMES:
        k -= 1  # Harbor officials
    if k and toks[k - 1][:1].isalnum() and toks[k - 1].lower() not in _EN_CLAUSE_OPENERS:
        return None
    return " ".join(toks[k:])


def _en_described(toks: list[str]) -> str | None:
    """The clause ``toks`` ends with, when it is a description opening with a determiner and a
    common noun (``Another engineer familiar with the design``, ``the person close to the talks``):
    the subject of the verb after it, modifiers and all."""
    k = len(toks)
    while k > 0 and toks[k - 1][:1].isalnum():
        k -= 1
    clause = toks[k:]
    if not 2 <= len(clause) <= MAX_EN_DESCRIPTION_WORDS or clause[0].lower() not in _EN_DETERMINERS:
        return None
    if _is_cap(clause[1]) or not clause[1][:1].isalpha():
        return None  # The Foreign Ministry ...: a name, read as one
    return " ".join(clause)


def _en_np_after(text: str) -> str | None:
    """The English speaker that opens ``text`` and runs to the next punctuation (after a verb:
    ``said a cyclist surnamed Pan, who …``)."""
    lex = _lexicon()
    toks: list[str] = []
    tok: str
    for tok in _EN_TOKEN.findall(text):
        if not tok[:1].isalnum() or (toks and tok.lower() in _EN_SUBORDINATORS):
            break  # said a spokesperson when contacted: the clause after is no part of the speaker
        toks.append(tok)
    if not toks or toks[0].lower() in _EN_BAD_START:
        return None
    first = toks[0].lower()
    limit = MAX_EN_DESCRIPTION_WORDS if first in _EN_DETERMINERS else MAX_EN_SPEAKER_WORDS
    if len(toks) > limit:
        # said planetary geologist Rosa Lind of the Space Research Institute in …: the name, not its affiliation
        cut = next((i for i in range(1, len(toks)) if toks[i] in _EN_AFFILIATION and _is_cap(toks[i - 1])), 0)
        if not 0 < cut <= limit:
            return None
        toks = toks[:cut]
    for t in toks[1:]:
        if t.lower() in ("who", "whose", "which"):
            break  # said a farmer who was in the field: a relative clause may hold one
        if t.lower() in _EN_FINITE:
            return None  # said the harvest was poor: a reported clause, not a speaker
    if len(toks) == 1 and (first in lex.pronouns_one or first in lex.pronouns_many):
        return toks[0]
    if any(_is_cap(t) for t in toks) or first in _EN_DETERMINERS or first in lex.en_titles:
        return " ".join(toks)
    return None


def _en_np_forward(words: list[str]) -> str | None:
    """An English speaker made of ``words``, the words between a quote and a verb after it
    (``"…," Orbis CEO Marta Lindqvist said``)."""
    lex = _lexicon()
    while words and words[-1].lower() in _EN_SKIP:
        words = words[:-1]
    if not words or not all(w[:1].isalnum() for w in words):
        return None
    first = words[0].lower()
    if len(words) > (MAX_EN_DESCRIPTION_WORDS if first in _EN_DETERMINERS else MAX_EN_SPEAKER_WORDS):
        return None
    if len(words) == 1 and (first in lex.pronouns_one or first in lex.pronouns_many):
        return words[0]
    if first in _EN_BAD_START:
        return None
    if _is_cap(words[-1]) and words[-1].lower() not in _EN_NOT_NAMES:
        return " ".join(words)
    if first in _EN_DETERMINERS and not _is_cap(words[1] if len(words) > 1 else "X"):
        return " ".join(words)  # a vendor, a spokeswoman for the company, one passenger on the train
    return None


def _before(text: str, q: _Found, masked: Sequence[tuple[int, int]]) -> _Said:
    """A speaker and verb in the sentence before the quote: the last speech verb that is right
    before it (``before``) or that governs it from earlier in the sentence (``governed``), or a
    colon after a subject (``他还拿两座城市的地铁做了比较：“``)."""
    lex = _lexicon()
    start = _sentence_start(text, max(0, q.open - MAX_BEFORE_CHARS), q.open)
    tail = text[start : q.open].rstrip()
    if not tail:
        return _NO_SAID
    end = start + len(tail)
    folded = _folded(tail)
    if ("asked" in folded or "被" in tail) and _ASKED.search(tail):
        return _Said(how="asked")  # When asked "…?", X replied: the question put to X
    according = "according" in folded or "words" in folded  # else neither source phrase is there
    m = _EN_ACCORDING_BEFORE.search(text, start, end) if according else None  # According to X, "…"
    if m:
        who = _en_np_after(m.group("who"))
        if who:
            return _Said(speaker=who, verb=_source_verb(m.group("v")), how="before", at=m.start("who"))
    m = _ZH_DAO_VERB.search(text, start, end) if "道" in tail else None  # 渲染道：“……”
    dao = m.group("v") if m else ""
    if m and dao not in lex.zh_not_verbs and dao[-2:] not in lex.zh_not_verbs and not _inside(m.start(), masked):
        at = m.start()
        if lex.zh_verbs.fullmatch(dao[-2:]):
            dao, at = dao[-2:], m.end("v") - 2  # 在报道中写道: the listed verb, not 中写道
        who = _zh_subject(text[start:at])
        if who:
            return _Said(speaker=who, verb=dao, how="before", at=max(start, text.rfind(who, start, end)))
    source = _ZH_SOURCE.search(text, start, end) if "据" in tail else None  # 据新华社报道，“……”
    by_source: _Said | None = None
    if source and not _inside(source.start(), masked):
        gap = text[source.end() : end]
        if _ZH_GAP_ADJACENT.match(gap) or tail.endswith(("，", ",", "：", ":")) or _HAN.match(tail[-1]):
            how = "before" if _ZH_GAP_ADJACENT.match(gap) else "governed"
            who = source.group("who").strip(_STRIP_CHARS)
            by_source = _Said(speaker=who, verb=source.group("v"), how=how, at=source.start("who"))
    else:
        source = _EN_ACCORDING_GOVERNS.search(text, start, end) if according else None  # According to X, the coach "…"
        who = _en_np_after(source.group("who")) if source and not _inside(source.start(), masked) else None
        if source is not None and who:
            by_source = _Said(speaker=who, verb=_source_verb(source.group("v")), how="governed", at=source.start("who"))
    cite = _ZH_CITE.search(text, start, end) if "的话" in tail else None  # 引用X的话说，“……”
    lo = max(start, end - MAX_THAT_GAP_CHARS)
    verbs = _in_order(_verbs_zh(text, lo, end, masked), _verbs_en(text, lo, end, masked))
    for v in reversed(verbs):
        gap = text[v.end : end]
        is_zh = bool(_HAN.match(v.word))
        if source is not None and by_source is not None and source.start() > v.start:
            return by_source  # the source is nearer the quote than the verb
        if len(gap) > MAX_VERB_GAP_CHARS and (is_zh or not _EN_THAT_WORD.match(gap)):
            continue  # too far for the verb to introduce the quote, unless in its that-clause
        adjacent = bool((_ZH_GAP_ADJACENT if is_zh else _EN_GAP_ADJACENT).match(gap))
        if not adjacent:
            # a verb earlier in the sentence governs a quote after a comma or colon (or, in
            # Chinese, one set inside the reported clause; in English, one after "said that")
            if is_zh and not (tail.endswith(("，", ",", "：", ":", "—", "、")) or _HAN.match(tail[-1])):
                continue
            clause = v.word.lower() in _EN_SAY and _EN_CLAUSE.match(gap)
            if not is_zh and not (tail.endswith((",", ":")) or _EN_THAT.match(gap) or clause):
                continue
        how = "before" if adjacent else "governed"
        if cite is not None and cite.end() <= v.start:
            return _Said(speaker=cite.group("who").strip(_STRIP_CHARS), verb=v.word, how=how, at=cite.start("who"))
        if is_zh:
            who = _zh_subject(text[start : v.start])
        else:
            who = _en_np_before(text[start : v.start])
            if who is None and v.word.lower() not in _EN_TELL:  # said Li: "…" (told Li: names the hearer)
                who = _en_np_after(text[v.end : end])
            if who is None and v.word.lower().endswith("ing") and text[start : v.start].rstrip().endswith(","):
                who = _en_participle_subject(text, start, v, verbs)  # she said, adding that "…"
        if who:
            return _Said(speaker=who, verb=v.word, how=how, at=max(start, text.rfind(who, start, v.end + len(who) + 2)))
        if adjacent or not is_zh:
            break  # the nearest verb that governs the quote is its verb: an earlier one is not
    if by_source is not None:
        return by_source
    if tail.endswith(("：", ":")):
        # a colon with no verb still introduces words; in English only after a name or pronoun
        # (The sign on the door read: "…" names nobody)
        zh = bool(_HAN.search(tail))
        who = _zh_subject(tail[:-1], back=1) if zh else _en_np_before(tail[:-1])
        if who and zh:
            who = _zh_person(who)
        if who and (zh or _is_name(who) or who.lower() in lex.pronouns_one):
            return _Said(speaker=who, how="before", at=max(start, text.rfind(who, start, end)))
    return _NO_SAID


def _folded(text: str) -> str:
    """``text`` case-folded, combining dots above left out: a word an ``IGNORECASE`` pattern
    of :mod:`regex` finds in ``text`` is then in it as the pattern writes it in lower case (the
    one letter that folds to more than itself is ``İ``, ``i`` and a dot), a cheap test before
    the pattern."""
    return text.casefold().replace("\u0307", "")


def _en_participle_subject(text: str, start: int, v: _Verb, verbs: Sequence[_Verb]) -> str | None:
    """The speaker of a participle after a comma (``she said, adding that``, ``said Li Ming,
    noting that``): the subject of the speech verb before it in the sentence (from ``start``)."""
    prior = [u for u in verbs if start <= u.start and u.end <= v.start]
    if not prior:
        return None
    u = prior[-1]
    who = _en_np_before(text[start : u.start])
    if who is None and u.word.lower() not in _EN_TELL:
        who = _en_np_after(text[u.end : v.start])
    return who


def _source_verb(phrase: str) -> str:
    """``According  to`` -> ``according to``: the verb a source phrase is reported with."""
    return " ".join(phrase.lower().split())


def _postposed(text: str, q: _Found) -> _Said:
    """An attribution set off by a comma later in the sentence of a quote: a clause that is
    nothing but a speaker and a speech verb, either way round (``… saw "…" that …, says one
    person close to the firm.``, ``… "…" for the town, the mayor said.``,
    ``……“……”……，他说。``), within :data:`MAX_POSTPOSED_CHARS`; a relative clause may follow
    it (``, says X, which …``)."""
    end_mark = _SENTENCE_AFTER.search(text, q.close, min(len(text), q.close + MAX_POSTPOSED_CHARS))
    if end_mark is None:
        return _NO_SAID
    end = end_mark.start()
    if _HAN.search(q.text) and q.post not in ",，":
        return _NO_SAID  # 对“……”进行……: a Chinese phrase that does not end its clause is no one's words
    for comma in _COMMA.finditer(text, q.close, end):
        between = text[q.close : comma.start()]
        if _MARKS.search(between) or _verbs_zh(between, 0, len(between)) or _verbs_en(between, 0, len(between)):
            return _NO_SAID  # another quote or speech verb first: the attribution is theirs
        stop = _COMMA.search(text, comma.end(), end)
        said = _attribution_clause(text, comma.end(), stop.start() if stop else end)
        if said.how != "none":
            return said
    return _NO_SAID


def _attribution_clause(text: str, lo: int, hi: int) -> _Said:
    """``text[lo:hi]`` as a clause that is only an attribution (``says one person close to the
    firm``, ``the mayor said``, ``他说``), with ``how`` ``postposed``; else a bare :class:`_Said`."""
    clause = text[lo:hi]
    body = clause.strip(_BLANKS)
    if not body:
        return _NO_SAID
    off = lo + clause.find(body[0])
    if _HAN.match(body):
        zh = _verbs_zh(body, 0, len(body))
        if zh and zh[-1].start and _ZH_GAP_ADJACENT.match(body[zh[-1].end :]):
            who = _zh_clause_subject(body[: zh[-1].start])
            if who:
                return _Said(speaker=who, verb=zh[-1].word, how="postposed", at=off + body.find(who))
        return _NO_SAID
    verbs = _verbs_en(body, 0, len(body))
    if not verbs:
        return _NO_SAID
    v = verbs[0]
    if v.start == 0:  # says one person close to the firm
        who = _en_np_after(body[v.end :])
        if who and body[v.end :].strip() == who:
            return _Said(speaker=who, verb=v.word, how="postposed", at=off + body.find(who, v.end))
        return _NO_SAID
    v = verbs[-1]
    if body[v.end :].strip():
        return _NO_SAID
    who = _en_np_forward(body[: v.start].split())  # the mayor said
    if who:
        return _Said(speaker=who, verb=v.word, how="postposed", at=off + body.find(who))
    return _NO_SAID


def _after(text: str, q: _Found, limit: int) -> _Said:
    """A speaker and verb right after the quote, before ``limit`` (the next quote):
    ``“……”李女士说。``, ``“……”，周警官介绍``, ``," said Li Ming``, ``" he said``."""
    lo = q.close
    hi = min(limit, lo + MAX_AFTER_CHARS)
    ctx = text[lo:hi]
    if not ctx.strip():
        return _NO_SAID
    m = _EN_ACCORDING_AFTER.match(ctx)
    if m:
        who = _en_np_after(m.group("who"))
        if who:
            return _Said(speaker=who, verb="according to", how="after", at=lo + m.start("who"))
    stripped = ctx.lstrip(" ,")
    off = hi - len(stripped)
    if stripped[:1].isascii() and stripped[:1].isalpha():
        return _after_en(stripped, off)
    return _after_zh(ctx.lstrip(" ，,\u3000"), hi)


def _after_en(ctx: str, off: int) -> _Said:
    """``said Li Ming, a farmer.`` or ``Li Ming said.`` at the start of ``ctx`` (at ``off``)."""
    lex = _lexicon()
    verbs = _verbs_en(ctx, 0, len(ctx)) if _may_open_with_verb(ctx) else []
    if verbs and verbs[0].start == 0:
        who = _en_np_after(ctx[verbs[0].end :])
        if who:
            return _Said(speaker=who, verb=verbs[0].word, how="after", at=off + ctx.find(who, verbs[0].end))
    words: list[str] = []
    parts: list[list[str]] = []  # the mayor, Helen Park, said: the parts between commas
    for tok in _EN_TOKEN.findall(ctx):
        if tok == "," and words and len(parts) < MAX_EN_APPOSITIVES:
            parts.append(words)
            words = []
            continue
        if not tok[:1].isalnum() or len(words) > MAX_EN_DESCRIPTION_WORDS:
            break
        if tok.lower() in lex.en_verbs and (words or parts):
            who = _en_appositive_pair([*parts, words] if words else parts) if parts else _en_np_forward(words)
            if who:
                return _Said(speaker=who, verb=tok, how="after", at=off + ctx.find(who))
            break
        words.append(tok)
    return _NO_SAID


def _may_open_with_verb(ctx: str) -> bool:
    """False only where :func:`_verbs_en` finds no verb at the start of ``ctx``: each verb it
    finds starts a word :func:`_en_verb_words` finds, which (where a character's lower case is
    one character and no Roman numeral stands in ``ctx``) is a whole run of ``[a-z]`` in the
    lower case that is a form; at offset 0 that is the run the lower case opens with."""
    low = ctx.lower()
    if len(low) != len(ctx) or _LATIN_NOT_LETTER.search(ctx):
        return True
    run = _ASCII_RUN.match(low)
    return run is not None and run.group() in _lexicon().en_verb_hint_words


def _en_appositive_pair(segments: list[list[str]]) -> str | None:
    """The name of a speaker written with an appositive between commas after a quote (``the
    mayor, Helen Park,``, ``Helen Park, the mayor,``, ``Helen Park, 52,``): two parts, one a name,
    the other a description (a determiner or a title first), a name or an age."""
    if len(segments) != 2:
        return None
    lex = _lexicon()
    names = [_en_np_forward(seg) for seg in segments]
    for k in (0, 1):
        name, other = names[k], segments[1 - k]
        if name is None or not _is_name(name) or len(segments[k]) > MAX_EN_SPEAKER_WORDS:
            continue
        first = other[0].lower()
        if "and" in (w.lower() for w in other):
            return None  # Li, Wang and Zhou said: a list of speakers
        if first in _EN_DETERMINERS or first in lex.en_titles or first.isdigit() or names[1 - k] is not None:
            return name
    return None


def _after_zh(ctx: str, hi: int) -> _Said:
    """The first clause of ``ctx`` (ending at ``hi``) opening with a speaker and a speech verb
    (``李女士说``, ``导演林若溪介绍说``); the second, when the first holds no verb
    (``放下手中的茶杯，郑秋云开始向记者回忆``)."""
    off = hi - len(ctx)
    ctx = _blank_asides(ctx)
    pos = 0
    for _ in range(2):
        cm = _ZH_CLAUSE_END.search(ctx, pos)
        clause_end = cm.start() if cm else len(ctx)
        clause = ctx[pos:clause_end]
        modifier = clause.rfind("的")  # 不愿透露姓名的家属说: 透露 is inside the modifier
        verbs = [v for v in _verbs_zh(clause, 0, len(clause)) if v.start > modifier]
        if verbs:
            v = verbs[0]
            if v.start > MAX_ZH_SPEAKER_CHARS:
                return _NO_SAID
            who = _zh_clause_subject(clause[: v.start]) if v.start else None
            if who:
                return _Said(speaker=who, verb=v.word, how="after", at=off + pos + clause.find(who))
            return _NO_SAID
        if cm is None or cm.group() not in "，,":
            return _NO_SAID
        pos = clause_end + 1
    return _NO_SAID


# ------------------------------------------------------------------------------ 4. decide
@dataclass(frozen=True, slots=True)
class _Context:
    """What deciding one quote needs to know beyond its paragraph."""

    paragraph: bool
    """Whether the block is a paragraph (a quote that is a whole subheading is a title)."""
    terms: frozenset[str]
    """Quoted texts that are names or terms where they stand elsewhere on the page (a subheading
    that is one quote, ``在“河长制”问题上``): quoted again inside a report, still terms."""


class _Decided(NamedTuple):
    """A located quote with its attribution, before pronouns are resolved."""

    found: _Found
    said: _Said
    speech: bool
    """Whether the quote is someone's words (else a term: no speaker)."""
    standalone: bool
    """Whether the quote opens its sentence and ends it or a clause."""
    maybe: bool = False
    """Not speech by its own sentence, but no term either: speech if a name follows it, or if
    it ends its sentence right after a report (:func:`_reporter`)."""
    ends: bool = False
    """Whether the quote ends its sentence (or its block)."""

    @property
    def whole(self) -> bool:
        """Whether the quote is its whole paragraph (bar a mark or two before it)."""
        return self.found.open <= 2 and self.standalone


def _prev_char(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j] in _BLANKS:
        j -= 1
    return text[j] if j >= 0 else ""


def _next_char(text: str, i: int) -> str:
    j = i
    while j < len(text) and text[j] in _BLANKS:
        j += 1
    return text[j] if j < len(text) else ""


@functools.lru_cache(maxsize=1024)
def _is_sentence(inner: str) -> bool:
    """Whether quoted text reads as speech (a sentence) rather than a term or title."""
    if _SENTENCE_MARK.search(inner):
        return True
    han = len(_HAN.findall(inner))
    clause = bool(_CLAUSE_MARK.search(inner))
    if han >= 2 * MIN_ZH_SPEECH_CHARS or (han >= MIN_ZH_SPEECH_CHARS and clause):
        return True  # (the Latin words, counted only when the Han characters do not decide)
    words = len(_LATIN_WORD.findall(inner))
    if words >= MIN_EN_SPEECH_WORDS and (clause or inner.rstrip().endswith(".")):
        return True
    return words >= 2 * MIN_EN_SPEECH_WORDS


def _starts_sentence(text: str, q: _Found) -> bool:
    """Whether the quote opens its sentence (or paragraph, or follows a colon)."""
    p = q.pre
    if not p or p in _SENTENCE_END or p in "：:\n.…":
        return True
    if p in "”\"」』’'" and q.open >= 2:
        return _prev_char(text, text.rfind(p, 0, q.open)) in _SENTENCE_END  # “……。”“……”
    return False


def _in_list(text: str, q: _Found) -> bool:
    """Whether the quote is an item of a list of quoted words (``“脱钩”和“去风险”``)."""
    after = _LIST_JOIN.match(text, q.close)
    if after and after.end() > q.close and text[after.end() : after.end() + 1] in _OPENERS | {'"'}:
        return True
    j = q.open
    while j > 0 and text[j - 1] in _BLANKS:
        j -= 1
    for word in ("、", ",", "/", "和", "与", "及", "或", "and", "or"):
        if text.endswith(word, 0, j):
            k = j - len(word)
            while k > 0 and text[k - 1] in _BLANKS:
                k -= 1
            return k > 0 and (text[k - 1] in _CLOSER_OF or text[k - 1] == '"')
    return False


def _term_reason(text: str, q: _Found) -> str | None:
    """Why the words around the quote make it a name or term, whoever is speaking: ``word`` (a
    term word before it), ``inside`` (a phrase inside the sentence: a letter on both sides),
    ``modifier`` (a noun's modifier, or modified) or ``list`` (an item of a list); None when
    they do not."""
    pre = q.pre
    post = q.post
    sentence = q.sentence
    ends_clause = q.text[-1:] in _SENTENCE_END or q.text.endswith("…") or text[q.end : q.close].strip()[:1] in ",，"
    lex = _lexicon()
    # the two patterns are looked for only where a cheap test on the window's folded text
    # (the window of the second, which holds the first's) says they may match
    lo = max(0, q.open - TERM_WINDOW_CHARS)
    folded = _folded(text[max(0, q.open - 2 * TERM_WINDOW_CHARS) : q.open])
    if lex.term_hint.search(folded) and lex.term_before.search(text, lo, q.open):
        return "word"  # 所谓“……”
    if folded.rstrip().endswith("as") and _EN_NAMED_AS.search(text, max(0, q.open - 2 * TERM_WINDOW_CHARS), q.open):
        return "word"  # known locally as "the harp": the window ends with "as" and blanks
    if (post != "" and post in "的之" and not sentence) or (pre != "" and pre in "的之" and not sentence):
        return "modifier"  # “江南品质”的招牌, 何秀兰的“假期”
    if not sentence and _in_list(text, q):
        return "list"  # 以“内部消息”、“限时特价”为由
    if pre.isalnum() and post.isalnum() and not ends_clause:
        return "inside"  # 上海“丝路文化”研究会, a "fair" deal
    return None


def _is_title_case(quoted: str) -> bool:
    """Whether every Latin word of the quoted text is capitalized (``Global South``, ``Made in
    China 2025``, a connector aside): a name or title, not someone's words."""
    words = [w for w in _LATIN_WORD.findall(quoted) if w.lower() not in _EN_CONNECTORS]
    return bool(words) and all(not w[:1].islower() for w in words)


def _reports(q: _Found, said: _Said) -> bool:
    """Whether an English quote inside its sentence (a letter on both sides) is the reported
    words of the speaker found for it: the quote stands in the clause a reporting verb governs
    (``The firm said the offer was "too low" for``, ``X says regulators had "…" of``; a ``say``
    verb or any speech verb with ``that``), or the sentence ends with its attribution
    (``… saw "…" that …, says one person close to the firm.``). A quoted name or title (every
    word capitalized) stays a term. A Chinese phrase is read so only when it is a predicate (it
    holds an aspect, negation or modal word: ``“斩断了”``, ``“从来没有”``), in the clause a Chinese
    verb governs: a quoted noun or verb alone (``续航“完爆”同行``, ``“一带一路”倡议``) is as often
    a catchword as speech."""
    if said.how not in ("governed", "postposed") or said.speaker is None or said.verb is None:
        return False
    if _HAN.search(q.text):  # a Chinese predicate in a clause a Chinese verb governs
        return said.how == "governed" and _HAN.match(said.verb) is not None and bool(_ZH_PREDICATE.search(q.text))
    return (
        _HAN.search(said.verb + said.speaker) is None
        and _LATIN_WORD.search(q.text) is not None
        and not _is_title_case(q.text)
    )


def _is_page_term(text: str, context: _Context) -> bool:
    return text in context.terms and len(text) <= MAX_TERM_CHARS


def _colon_opens_sentence(text: str, q: _Found, before: _Said) -> bool:
    """Whether the speaker found before the quote introduces it with a colon (``X告诉记者：“``,
    ``He told reporters: "``) and the quoted words end their sentence (``……。”``): what follows
    the quote starts a new sentence, whose speech verb is not this quote's."""
    return (
        before.how == "governed"
        and q.pre in "：:"
        and q.text.rstrip(_BLANKS + _QUOTE_CHARS)[-1:] in _QUOTED_SENTENCE_END
    )


def _decide(
    text: str, q: _Found, masked: Sequence[tuple[int, int]], limit: int, context: _Context, reason: str | None
) -> _Decided:
    """Attribute one quote and decide whether it is speech or a quoted term (``reason``, the
    quote's :func:`_term_reason`, says why it is a term, if it is one by the words around it)."""
    if reason is not None:
        # a phrase inside an English sentence is still speech in a reported clause
        reported = _NO_SAID
        if reason == "inside" and _LATIN_WORD.search(q.text) and not _HAN.search(q.text):
            reported = _before(text, q, masked)
            if reported.how != "governed":
                reported = _postposed(text, q)
        elif reason == "inside" and _ZH_PREDICATE.search(q.text):
            reported = _before(text, q, masked)  # X称，监管机构“斩断了”……: a predicate, not a term
        if not _reports(q, reported):
            return _Decided(found=q, said=_NO_SAID, speech=False, standalone=False)
        return _Decided(found=q, said=reported, speech=True, standalone=False)
    pre = q.pre
    post = q.post
    sentence = q.sentence
    starts = _starts_sentence(text, q)
    standalone = starts and (not post or post in _SENTENCE_END or post in "，,\n" or sentence)
    opens_clause = starts or not pre or pre in "，,：:"
    before = _before(text, q, masked)
    if before.how == "asked":
        return _Decided(found=q, said=_NO_SAID, speech=False, standalone=False)
    after = _after(text, q, limit)
    # a partial quote ended by a comma, outside the marks or inside them ("…," the envoy said)
    comma = q.post in ",，" or "," in text[q.end : q.close]
    postposed = after.verb is not None and not _HAN.search(after.verb) and comma
    if not (opens_clause or sentence or after.verb == "according to" or postposed):
        # 对“双减”，老周也想说: the name after a quoted word is not its speaker; but an English
        # attribution after the comma that ends the clause is (was "not final", a spokesman said.)
        after = _NO_SAID
    # a verb right next to the quote (before it, then after it) wins over one earlier in the
    # sentence; so does a speaker whose colon opens a quote that ends its sentence
    # (X告诉记者：“……。”Y表示，: the verb after the quote opens Y's own sentence)
    if before.how == "before" or _colon_opens_sentence(text, q, before):
        said = before
    else:
        said = after if after.how == "after" else before
    if post.isalnum() and not sentence and said.how != "after" and not _reports(q, said):
        said = _NO_SAID  # "unbearable" for local shops: a phrase inside the sentence
    if said.how == "none":
        said = _postposed(text, q)  # … "…" …, says one person close to the firm.
    if said.how == "governed" and pre.isalnum() and not sentence and _is_page_term(q.text, context):
        said = _NO_SAID  # 推行“河长制”: a name the page quotes as a term elsewhere
    if said.how != "none":
        return _Decided(found=q, said=said, speech=True, standalone=standalone)
    whole = context.paragraph and q.open <= 1 and q.post in ("", *_SENTENCE_END)
    speech = (sentence and opens_clause) or whole
    return _Decided(
        found=q,
        said=said,
        speech=speech,
        standalone=standalone or whole,
        maybe=(opens_clause or sentence) and not speech,
        ends=post in ("", *_SENTENCE_END),
    )


# ------------------------------------------------------------------------------ 5. settle
def _is_anaphor(speaker: str) -> bool:
    """Whether the speaker points back to someone named before (``he``, ``她``, ``the 32-year-old``);
    a description of a source (``the person``, ``the person close to the talks``) stands for
    itself and is kept as written."""
    lex = _lexicon()
    if speaker.lower() in lex.pronouns_one:
        return True
    words = speaker.split()
    return (
        len(words) == 2
        and words[0].lower() == "the"
        and not _is_cap(words[1])
        and words[1].lower() not in lex.described
    )


def _plausible(speaker: str | None) -> str | None:
    """The speaker, unless it cannot be one: code (``{ retries``, ``//img.host``, ``KEY'``), a
    contraction (``Let’s``), the writer's first person or the reader (``I``, ``我``, ``你``: the
    page's own voice, ``或者我该说“……”``, ``你可能会问：“……”``, is nobody's quoted words)."""
    if speaker is None:
        return None
    if _CODE_CHARS.search(speaker) or _CONTRACTION.match(speaker) or speaker.lower() in _FIRST_PERSON:
        return None
    return speaker


def _is_name(speaker: str) -> bool:
    """Whether a speaker names a person or body that a later pronoun may stand for."""
    lex = _lexicon()
    low = speaker.lower()
    if low in lex.pronouns_one or low in lex.pronouns_many or _is_anaphor(speaker) or _plausible(speaker) is None:
        return False
    if _HAN.search(speaker):
        if not _ZH_NAME_CHARS.match(speaker) or speaker.startswith(_ZH_NOT_NAME_START) or speaker.endswith("们"):
            return False  # 这位大叔, 我和同事, 孩子们: a description or a group
        if lex.zh_none.match(speaker) or len(speaker) < MIN_SPEAKER_CHARS:
            return False
        return len(speaker) <= MAX_ZH_NAME_CHARS or bool(lex.zh_titles.search(speaker))
    words = speaker.split()
    if not words or len(words) > MAX_EN_SPEAKER_WORDS:
        return False
    if not all(_is_cap(w) or w.lower() in _EN_CONNECTORS or w.lower() in lex.en_titles for w in words):
        return False
    return any(_is_cap(w) and w.lower() not in _EN_NOT_NAMES for w in words)


def _name_keys(name: str) -> set[str]:
    """The ways a named speaker is written again later: in full, and without the title
    (``外交部发言人毛宁`` -> ``毛宁``; ``President Xi Jinping`` -> ``Xi``, ``Jinping``)."""
    lex = _lexicon()
    keys = {name}
    if _HAN.search(name):
        titles = list(lex.zh_titles.finditer(name))
        if titles and MIN_SPEAKER_CHARS <= len(name) - titles[-1].end() <= MAX_ZH_GIVEN_NAME_CHARS:
            keys.add(name[titles[-1].end() :])
    else:
        for tok in name.split():
            low = tok.lower()
            if _is_cap(tok) and low not in lex.en_titles and low not in _EN_NOT_NAMES:
                keys.add(tok)
    return {k for k in keys if len(k) >= MIN_SPEAKER_CHARS}


def _starts_word(run: str, i: int) -> bool:
    """Whether a speech verb or a word that ends a subject starts at ``run[i]`` (赵敏认为: 认
    is no part of the name)."""
    lex = _lexicon()
    v = lex.zh_verbs.match(run, i)
    return bool((v and v.group("v")) or lex.zh_stop.match(run, i))


def _speaker_names(scan: _Scan, quoted: Sequence[list[tuple[int, int]]]) -> set[str]:
    """People who speak anywhere in the body (``小凯称，事发时……``, ``Rhea Patel, a nurse …``):
    the subjects of reporting verbs and the names that open English sentences, outside the
    quotes of each text (``quoted``: a verb inside quote marks is the quoted person's, and
    ``"Nobody told us," he said`` names nobody). The Chinese verbs are found in one pass over
    the page; English verbs are looked for only in the blocks where the page's scan finds a
    form of one, appositives only in blocks with a comma."""
    zh = _verbs_zh_by_block(scan)
    lowered = scan.joined.lower()
    # The English verb words of every block (``None``: look block by block)
    words = _en_verb_words_by_block(scan, lowered)
    names: set[str] = set()
    for k, text in enumerate(scan.texts):
        masked = quoted[k]
        for v in zh.get(k, ()):
            if not _inside(v.start, masked) and _ZH_REPORTING_GAP.match(text, v.end):
                start = _sentence_start(text, max(0, v.start - MAX_VERB_GAP_CHARS), v.start)
                names.add(_zh_subject(text[start : v.start]) or "")
        if words is None:
            verbs = _verbs_en(text, 0, len(text), masked)
        elif k in words:
            verbs = _en_verbs_of(text, 0, len(text), masked, words[k], lowered, -scan.starts[k])
        else:
            verbs = []
        if verbs:
            for v in verbs:
                start = _sentence_start(text, max(0, v.start - MAX_VERB_GAP_CHARS), v.start)
                names.add(_en_np_before(text[start : v.start]) or "")
        if "," in text:  # an appositive follows a comma
            names.update(m.group("n") for m in _EN_APPOSITIVE.finditer(text) if not _inside(m.start(), masked))
    return {n for n in names if n and _is_name(n)}


def _en_verb_words_by_block(scan: _Scan, lowered: str) -> dict[int, list[tuple[int, int]]] | None:
    """The words :func:`_en_verb_words` finds in each whole body block, in the blocks' offsets,
    from one pass of the forms' pattern over the body's lower-cased joined text (``lowered``);
    ``None`` where that pass would not find what it finds block by block: a character
    lower-cases to two (the offsets shift), or the body holds a Latin character that is no
    letter (:func:`_en_verb_words` then looks up every word). A form is letters only and the
    line break between two blocks is neither a letter nor a digit, so a match never crosses
    a block's end and sees the same neighbours as in its block alone."""
    if len(lowered) != len(scan.joined) or _LATIN_NOT_LETTER.search(scan.joined):
        return None
    starts = scan.starts
    out: dict[int, list[tuple[int, int]]] = {}
    for s, e in _en_verb_form_spans(lowered):
        if not (s and _LETTER_OR_DIGIT.match(lowered, s - 1)) and not _LETTER_OR_DIGIT.match(lowered, e):
            k = bisect_right(starts, s) - 1
            out.setdefault(k, []).append((s - starts[k], e - starts[k]))
    return out


def _en_verb_form_spans(low: str) -> list[tuple[int, int]]:
    """The spans of ``_lexicon().en_verb_form.finditer(low)``, in order, found faster.

    When every form is ASCII lower-case letters (:attr:`_Lexicon.en_verb_forms_az`), the
    pattern's matches are the whole runs of ``[a-z]`` that are forms: each match is such a run
    (no ``[a-z]`` on either side), and at the start of such a run the trie finds the form that
    fills it (any shorter one fails the look-ahead), while a run inside which no match starts
    holds none. So the runs of the page are listed by one C-level pass, the forms among them
    taken by a set intersection, and only those looked for with :meth:`str.find`: a text with
    few Latin words (a Chinese page) costs next to nothing, where the pattern tries its
    look-behind at every character. A text of spaced words (one blank in fewer than
    :data:`RUNS_MIN_CHARS_PER_BLANK` characters: English) has too many runs to list them
    faster than the pattern finds its matches: there the pattern is used."""
    lex = _lexicon()
    if not lex.en_verb_forms_az or low.count(" ") * RUNS_MIN_CHARS_PER_BLANK >= len(low):
        return [m.span() for m in lex.en_verb_form.finditer(low)]
    spans: list[tuple[int, int]] = []
    n = len(low)
    for form in lex.en_verb_hint_words.intersection(_ASCII_RUN.findall(low)):
        size = len(form)
        at = low.find(form)
        while at >= 0:
            end = at + size
            if not (at and "a" <= low[at - 1] <= "z") and not (end < n and "a" <= low[end] <= "z"):
                spans.append((at, end))
            at = low.find(form, end)
    spans.sort()
    return spans


_HAN_THREE = re.compile(han_class() + "{3}")
RUNS_MIN_CHARS_PER_BLANK = 10
"""A speed threshold only (the output is the same either way): :func:`_en_verb_form_spans`
lists the runs of ASCII letters of a text with fewer than one space in this many characters
(English has about one in six; a Chinese page far fewer), and scans other texts with the
pattern."""


def _overlapping_count(text: str, part: str) -> int:
    """How many times ``part`` occurs in ``text``, overlapping occurrences included."""
    if len(set(part)) == len(part):  # no character repeats: occurrences never overlap
        return text.count(part)
    n, at = 0, text.find(part)
    while at >= 0:
        n += 1
        at = text.find(part, at + 1)
    return n


def _chinese_names(scan: _Scan) -> set[str]:
    """Chinese names found without a speech verb: a surname and a title (``周警官``,
    ``秦晓梅副院长``) or a surname and one or two characters before a word that ends a subject
    (``方志远曾在……``) at the start of a clause; a surname and two characters after a title
    (``局长王建国出席``); three-character strings that open with a surname and recur in the
    body, nearly always whole and never inside one longer word (``梁思远``; not 安康乐园's 康乐园).

    Read from the page's joined text (:class:`_Scan`): a run of Han characters never crosses a
    block's end, and every word looked for (surnames, titles, verbs, the words that end a
    subject) is Han characters only, so it matches in the joined text where it matches in its run.
    """
    lex = _lexicon()
    text = scan.joined
    names: set[str] = set()
    first = _FROM_HAN_FLOOR.search(text)
    if first is None or _HAN.search(text, first.start()) is None:
        return names  # every name found holds a surname, a Han character: an English page has none
    for m in lex.zh_run_surname.finditer(text):  # a run that opens with a surname's first character
        i = m.start()
        titled = lex.zh_surname_title.match(text, i) or lex.zh_name_title.match(text, i)
        if lex.zh_stop.match(text, i):
            pass  # 向记者, 于是: the surname is a preposition here
        elif titled:
            names.add(titled.group())
        elif text[i] in lex.zh_surnames and _HAN_THREE.match(text, i + 1):  # a run of four or more
            end = next((j for j in (2, 3) if _starts_word(text, i + j)), None)
            if end is not None and not set(text[i + 1 : i + end]) & _ZH_NOT_IN_NAME:
                names.add(text[i : i + end])
    for t in lex.zh_titles.finditer(text):
        e = t.end()
        given = text[e : e + 3]
        if given[:1] in lex.zh_surnames and _HAN_THREE.match(given) and not set(given[1:]) & _ZH_NOT_IN_NAME:
            names.add(given[:2] if _starts_word(text, e + 2) else given)
    # A surname by itself and the two characters after it, unless a word starts at the third:
    # a string that recurs is a name when it makes up most of the occurrences of its first two
    # characters and most of them do not follow one same character. The strings are counted by
    # the pattern (not by a Python loop over every character), and only those that recur
    # often enough, words or not, are counted again without the ones where a word starts.
    counts = Counter(lex.zh_surname_three.findall(text))
    for key in [key for key, count in counts.items() if count >= MIN_NAME_REPEATS]:  # (in the same order)
        count = counts[key]
        g = "".join(key)
        if set(g[1:]) & _ZH_NOT_IN_NAME:
            continue
        two = _overlapping_count(text, g[:2])
        if count < NAME_DOMINANCE * two:
            continue  # too few even if no word starts at any third character
        n = 0
        left: Counter[str] = Counter()
        may_start = g[2] in lex.zh_word_starts  # else no word starts at the third character
        at = text.find(g)
        while at >= 0:
            if not (may_start and _starts_word(text, at + 2)):
                n += 1
                if at and _HAN.match(text, at - 1):
                    left[text[at - 1]] += 1
            at = text.find(g, at + 1)
        if n >= MIN_NAME_REPEATS and n >= NAME_DOMINANCE * two and max(left.values(), default=0) < NAME_DOMINANCE * n:
            names.add(g)
    return names


def _same_person(a: str, b: str) -> bool:
    return a in b or b in a or bool((set(a.split()) & set(b.split())) - _EN_NOT_NAMES)


class _Names:
    """The named speakers of a page, and where they are written in the body.

    A name is found as an alternation of the names, longest first, would find it (a Latin name
    as a whole word: no Latin letter, digit or hyphen on either side), but with :meth:`str.find`
    for each name: a page's names make a pattern no other page has, and compiling it would cost
    more than all the finding.

    The names are gathered (``names()``) the first time one is looked for: on most pages no
    quote needs one (each names its speaker, or there is no quote), and gathering them reads
    the whole body.
    """

    def __init__(self, names: Callable[[], set[str]]) -> None:
        self._names = names

    @functools.cached_property
    def _keys(self) -> list[tuple[str, bool]]:
        keys: set[str] = set()
        for name in self._names():
            keys |= _name_keys(name)
        # In the alternation's order; a Latin name must stand as a whole word.
        return [(k, not _HAN.search(k)) for k in sorted(keys, key=lambda k: (-len(k), k))]

    @functools.cached_property
    def _by_first(self) -> dict[str, list[tuple[str, bool]]]:
        """:attr:`_keys` by their first character, each list in :attr:`_keys`' order."""
        out: dict[str, list[tuple[str, bool]]] = {}
        for key, word in self._keys:
            out.setdefault(key[0], []).append((key, word))
        return out

    def _found_at(self, text: str, lo: int, hi: int) -> int | None:
        """The end of the name :meth:`_found` finds starting at ``lo`` (its first, if any is at
        ``lo``), or None: the first key in :attr:`_keys`' order that stands at ``lo`` within
        ``hi``, with the same test of its neighbours, found among the keys that start with
        ``text[lo]`` only."""
        for key, word in self._by_first.get(text[lo], ()):
            if text.startswith(key, lo, hi):
                end = lo + len(key)
                if not (word and (_word_char(text, lo - 1) or (end < hi and _word_char(text, end)))):
                    return end
        return None

    def _found(self, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """``(start, end)`` of the names in ``text[lo:hi]``, left to right, as the alternation's
        ``finditer`` gives them: at each place the first name (in :attr:`_keys`' order) that
        stands there, then on from its end. A character before ``lo`` still bounds a word."""
        best: dict[int, tuple[int, int]] = {}  # start -> (rank, end)
        for rank, (key, word) in enumerate(self._keys):
            at = text.find(key, lo, hi)
            while at >= 0:
                end = at + len(key)
                if at not in best and not (word and (_word_char(text, at - 1) or (end < hi and _word_char(text, end)))):
                    best[at] = (rank, end)
                at = text.find(key, at + 1, hi)
        out: list[tuple[int, int]] = []
        cursor = lo
        for start in sorted(best):
            if start >= cursor:
                cursor = best[start][1]
                out.append((start, cursor))
        return out

    def last_before(
        self, text: str, lo: int, hi: int, masked: Sequence[tuple[int, int]] = (), person: bool = False
    ) -> str | None:
        """The last name written in ``text[lo:hi]`` outside ``masked`` (the quotes: a name in
        someone's words is not the speaker), unless someone else is named in its sentence; for a
        ``person`` (what ``he`` or ``she`` stands for), not an acronym (``NASA``: a body)."""
        if not self._keys or hi <= lo:
            return None
        matches = [m for m in self._found(text, lo, hi) if not _inside(m[0], masked)]
        if person:
            matches = [(a, b) for a, b in matches if not _ACRONYM.match(text, a, b)]
        if not matches:
            return None
        last = text[matches[-1][0] : matches[-1][1]]
        sentence = _sentence_start(text, lo, matches[-1][0])
        for start, end in matches[:-1]:
            if start >= sentence and not _same_person(text[start:end], last):
                return None  # two people in one sentence: a pronoun could mean either
        return last

    def first_after(self, text: str, lo: int, within: int, masked: Sequence[tuple[int, int]] = ()) -> str | None:
        """The first name written in ``text`` outside ``masked`` that starts at most ``within``
        characters after ``lo``."""
        if not self._keys or lo >= len(text):
            return None
        hi = min(len(text), lo + within + MAX_ZH_SPEAKER_CHARS)
        if within == 0:  # a name that starts at lo, the first :meth:`_found` would find
            end = None if _inside(lo, masked) else self._found_at(text, lo, hi)
            return text[lo:end] if end is not None else None
        matches = [m for m in self._found(text, lo, hi) if not _inside(m[0], masked)]
        return text[matches[0][0] : matches[0][1]] if matches and matches[0][0] - lo <= within else None


def _word_char(text: str, i: int) -> bool:
    """Whether ``text[i]`` (if any) continues a word: a letter of a spaced alphabet (Latin,
    Cyrillic, Hangul...: :data:`~bilingual_news.scripts.WORD_LETTER`), a digit or a hyphen."""
    return 0 <= i < len(text) and (text[i] == "-" or char_class(text[i]) in _WORD_CLASSES)


_WORD_CLASSES = frozenset((LOWER_CLASS, UPPER_CLASS, DIGIT_CLASS))


@dataclass(frozen=True, slots=True)
class _Page:
    """The body of a page, as settling a quote reads it."""

    blocks: Sequence[Block]
    body: Sequence[int]
    """Indexes of the body blocks, in order."""
    position: dict[int, int]
    """Block index -> its position in ``body``."""
    names: _Names
    quoted: dict[int, list[tuple[int, int]]]
    """Block index -> the ``(open, close)`` offsets of its quotes, in order."""

    def text(self, k: int) -> str:
        """The text of the ``k``-th body block, or an empty string out of range."""
        return self.blocks[self.body[k]].text if 0 <= k < len(self.body) else ""


def _reporter(page: _Page, block: int, pos: int) -> tuple[str, str] | None:
    """The speaker and verb of the last reporting clause before ``pos`` in the block, in the
    sentence of ``pos`` or the one before it (``那位知情人士称，……。“……”``, ``the person close
    to the firm says, … . "…"``): words quoted right after a report go on reporting it. A
    pronoun is resolved to the name before it; a plural one, or one without a name, gives None."""
    text = page.blocks[block].text
    masked = page.quoted.get(block, [])
    here = _sentence_start(text, max(0, pos - RESOLVE_WINDOW_CHARS), pos)
    lo = _sentence_start(text, max(0, here - RESOLVE_WINDOW_CHARS), max(0, here - 1)) if here else 0
    verbs = _in_order(_verbs_zh(text, lo, pos, masked), _verbs_en(text, lo, pos, masked))
    for v in reversed(verbs):
        zh = bool(_HAN.match(v.word))
        gap = text[v.end : min(pos, v.end + MAX_VERB_GAP_CHARS)]
        if not ((zh and _ZH_REPORTING_GAP.match(gap)) or (not zh and (gap[:1] in ",:" or _EN_THAT_WORD.match(gap)))):
            continue
        start = _sentence_start(text, max(0, v.start - MAX_VERB_GAP_CHARS), v.start)
        who = _zh_subject(text[start : v.start]) if zh else _en_np_before(text[start : v.start])
        if who is None or _plausible(who) is None or who.lower() in _lexicon().pronouns_many:
            return None
        if _is_anaphor(who):
            who = page.names.last_before(text, max(0, v.start - RESOLVE_WINDOW_CHARS), v.start, masked)
        return (who, v.word) if who else None
    return None


def _signature(text: str) -> str | None:
    """The author a paragraph signs the whole-paragraph quote before it with: a dash and a name,
    alone on a short line (``— Ada Byron``, ``— Ada Byron, mathematician``, ``——鲁迅《故乡》``),
    as an epigraph is signed."""
    m = _SIGNATURE.match(text)
    if m is None:
        return None
    who = m.group("who").strip(_STRIP_CHARS)
    if _HAN.search(who):
        return who if MIN_SPEAKER_CHARS <= len(who) <= MAX_ZH_NAME_CHARS else None
    return who if _is_name(who) else None


def _next_speaker(text: str) -> str | None:
    """The speaker a paragraph names for the whole-paragraph quote before it."""
    m = _NEXT_SPEAKER.match(text)
    if not m:
        return None
    return _en_np_after(m.group("en")) if m.group("en") else _zh_clause_subject(m.group("zh"))


def _is_han_text(text: str) -> bool:
    """Whether most letters of ``text`` are Han characters."""
    han = len(_HAN.findall(text))
    return han * 2 > len(_LETTER.findall(text))


def _introduced(page: _Page, k: int, quoted: str) -> tuple[str, str | None] | None:
    """The speaker and verb of a whole-paragraph quote that the paragraph before introduces
    with a speech verb or a colon at its end (``And as Ada Byron wrote,`` / ``就像鲁迅说过的那样，``
    / ``附近居民纷纷留言：``). On a bilingual page the introduction in the quote's language may
    stand one paragraph further back, behind its translation."""
    j = k - 1
    if j >= 1 and _is_han_text(page.text(j)) != _is_han_text(quoted):
        j -= 1  # the paragraph before is the translation of the introduction
    text = page.text(j).rstrip(_BLANKS)
    if not text.endswith(("：", ":", "，", ",")):
        return None
    end = len(text) - 1
    start = _sentence_start(text, max(0, end - MAX_BEFORE_CHARS), end)
    verbs = _in_order(_verbs_zh(text, start, end), _verbs_en(text, start, end))
    who: str | None = None
    verb: str | None = None
    if verbs:
        v = verbs[-1]
        if _HAN.match(v.word):
            if _ZH_INTRO_GAP.match(text, v.end, end):
                who, verb = _zh_subject(text[start : v.start]), v.word
        elif _EN_GAP_ADJACENT.match(text[v.end : end]):
            who, verb = _en_np_before(text[start : v.start]) or _en_np_after(text[v.end : end]), v.word
    elif text.endswith(("：", ":")):
        tail = text[start:end]
        zh = bool(_HAN.search(tail))
        who = _zh_subject(tail, back=1) if zh else _en_np_before(tail)
        if who is not None and zh:
            who = _zh_person(who)  # 需求驱动的创新： names nobody
        elif who is not None and not _is_name(who):
            who = None  # The sign read: names nobody
    if who is None or _is_anaphor(who) or who.lower() in _lexicon().pronouns_many:
        return None
    return who, verb


def _mentions_pronoun(text: str, pronoun: str) -> bool:
    """Whether ``text`` speaks of someone with ``pronoun`` (so a pronoun chain goes on through it)."""
    if _HAN.search(pronoun):
        return pronoun in text
    low = pronoun.lower()
    # a word that lower-cases to the pronoun leaves it in the text's lower case (a Latin
    # letter lower-cases by itself, whatever stands around it)
    return low in text.lower() and any(w.lower() == low for w in _EN_WORD.findall(text))


def _settle(d: _Decided, previous: tuple[_Decided, str | None] | None, page: _Page) -> tuple[str | None, str | None]:
    """The final speaker and verb of a quote: a pronoun resolved, a missing speaker taken from
    the quote it continues or from the names around it."""
    q = d.found
    text = page.blocks[q.block].text
    k = page.position[q.block]
    if not d.speech:
        # “……”，杜明远劝乘客……: a quote right before a name is that person's words
        gap = _NAME_AFTER_GAP.match(text, q.close)
        head = page.names.first_after(text, gap.end() if gap else q.close, 0) if d.maybe else None
        if head is None and d.maybe and d.standalone and q.text.rstrip(_QUOTE_CHARS)[-1:] in _QUOTED_SENTENCE_END:
            before, before_speaker = previous if previous else (None, None)
            near = before is not None and before.found.block == q.block
            if near and before is not None and before_speaker and q.open - before.found.close <= INTERRUPT_GAP_CHARS:
                return before_speaker, before.said.verb  # "…," he said. "We must win.": his too
        if head is None and d.maybe and d.ends:
            return _reporter(page, q.block, q.open) or (None, None)  # X通报称，……。此外，……，“……”。
        return head, None
    speaker, verb = d.said.speaker, d.said.verb
    if speaker is not None and not _is_anaphor(speaker):
        return speaker, verb
    if speaker is None and d.whole:
        intro = _introduced(page, k, q.text)
        if intro is not None:
            return intro  # And as Ada Byron wrote, / “……”
        signed = _signature(page.text(k + 1))
        if signed is not None:
            return signed, None  # “……” / — Ada Byron
    before, before_speaker = previous if previous else (None, None)
    if speaker is None and before is not None and before_speaker:
        between = q.open - before.found.close
        # "…," said X, a long description of X. "…": the attribution between them is the first one's
        attributed = before.said.how == "after" and between <= MAX_AFTER_CHARS
        same_block = before.found.block == q.block and (between <= INTERRUPT_GAP_CHARS or attributed)
        run = before.whole and d.whole and page.position.get(before.found.block) == k - 1
        if same_block:
            return before_speaker, before.said.verb  # “……”，他说，“……”: the same speaker goes on
        if run:
            return before_speaker, None  # a run of whole-paragraph quotes
    if speaker is None:
        reported = _reporter(page, q.block, q.open)
        if reported is not None:
            return reported  # X称，……。“……”: the report goes on
    at = d.said.at if speaker is not None else q.open
    masked = page.quoted.get(q.block, [])
    person = speaker is not None and speaker.lower() in _lexicon().pronouns_one
    found = page.names.last_before(text, max(0, at - RESOLVE_WINDOW_CHARS), at, masked, person)
    if found is None and speaker is None:
        found = page.names.first_after(text, q.close, NEXT_MENTION_CHARS, masked)
    back = MAX_CHAIN_PARAGRAPHS if speaker is not None else 1
    for j in range(k - 1, max(-1, k - 1 - back), -1):
        if found is not None:
            break
        earlier = page.text(j)
        lo = max(0, len(earlier) - RESOLVE_WINDOW_CHARS)
        found = page.names.last_before(earlier, lo, len(earlier), page.quoted.get(page.body[j], []), person)
        if speaker is None or not _mentions_pronoun(earlier, speaker):
            break
    if found is None and speaker is None and d.whole and k + 1 < len(page.body):
        nxt = page.text(k + 1)
        found = _next_speaker(nxt) or page.names.first_after(
            nxt, 0, NEXT_MENTION_CHARS, page.quoted.get(page.body[k + 1], [])
        )
    if found is not None:
        return found, verb
    if speaker is not None and before is not None and before_speaker and not _is_anaphor(before_speaker):
        near = page.position.get(before.found.block, -2) >= k - 1
        if near and before_speaker.lower() not in _lexicon().pronouns_many:
            return before_speaker, verb  # "…," said a driver surnamed Gu. / "…," he said.
    return speaker, verb


def _resumed_description(anaphor: str, before: Sequence[Quote]) -> str | None:
    """The described speaker a ``the …`` anaphor takes up, before any name: the last speaker
    before it that is a description ending in the same noun (``one legal expert`` … ``the
    expert``; ``the patient`` … ``the patient``)."""
    words = anaphor.split()
    if len(words) != 2 or words[0].lower() != "the" or not _is_anaphor(anaphor):
        return None
    noun = words[1].lower()
    for q in reversed(before):
        parts = (q.speaker or "").split()
        if len(parts) >= 2 and parts[-1].lower() == noun and parts[0].lower() in _EN_DETERMINERS:
            return q.speaker
    return None


# ------------------------------------------------------------------------------ the stage
def find_quotes(blocks: tuple[Block, ...], norm: Normalized) -> tuple[Quote, ...]:
    """Every quotation in the body blocks, in reading order, with its speaker where the text
    names one (``None`` for a quoted term, title, slogan or scare quote)."""
    body = [i for i, b in enumerate(blocks) if b.kind in BODY_KINDS]
    scan = _Scan.of([blocks[i].text for i in body])
    found = _locate(scan, body)
    if not found:
        return ()
    reasons = [_term_reason(blocks[q.block].text, q) for q in found]
    terms = frozenset(
        q.text
        for q, reason in zip(found, reasons, strict=True)
        if reason is not None
        or (blocks[q.block].kind is Kind.SUBHEADING and q.open == 0 and q.close >= len(blocks[q.block].text))
    )
    decided: list[_Decided] = []
    masked: list[tuple[int, int]] = []  # the quotes before, in the current block
    contexts = {paragraph: _Context(paragraph=paragraph, terms=terms) for paragraph in (False, True)}
    for n, q in enumerate(found):
        if n == 0 or found[n - 1].block != q.block:
            masked = []
        text = blocks[q.block].text
        limit = found[n + 1].open if n + 1 < len(found) and found[n + 1].block == q.block else len(text)
        context = contexts[blocks[q.block].kind is Kind.PARAGRAPH]
        decided.append(_decide(text, q, masked, limit, context, reasons[n]))
        masked.append((q.open, q.close))
    quoted: dict[int, list[tuple[int, int]]] = {}
    for q in found:
        quoted.setdefault(q.block, []).append((q.open, q.close))

    def gather() -> set[str]:
        spoken = {d.said.speaker for d in decided if d.said.speaker and _is_name(d.said.speaker)}
        return _speaker_names(scan, [quoted.get(i, []) for i in body]) | _chinese_names(scan) | spoken

    names = _Names(gather)
    page = _Page(
        blocks=blocks, body=body, position={index: k for k, index in enumerate(body)}, names=names, quoted=quoted
    )
    out: list[Quote] = []
    previous: tuple[_Decided, str | None] | None = None
    for d in decided:
        speaker: str | None
        verb: str | None
        resumed = _resumed_description(d.said.speaker, out) if d.speech and d.said.speaker else None
        if resumed is not None:
            speaker, verb = resumed, d.said.verb  # one legal expert … the expert; the patient … the patient
        else:
            speaker, verb = _settle(d, previous, page)
        if _plausible(speaker) is None:
            speaker, verb = None, None
        out.append(_quote(blocks[d.found.block], norm, d.found, speaker, verb))
        previous = (d, speaker)
    return tuple(out)


def _quote(block: Block, norm: Normalized, q: _Found, speaker: str | None, verb: str | None) -> Quote:
    """The quote with its raw span (kept inside its block's span)."""
    offsets, lo, hi = norm.offsets, block.span.start, block.span.end
    base = offsets.to_normalized(lo)  # norm.raw_span's two ends, without its checked Span
    start = min(max(offsets.to_raw(base + q.start), lo), hi)
    end = min(max(offsets.to_raw(base + q.end, end=True), start), hi)
    return Quote(text=q.text, speaker=speaker, span=span_unchecked(start, end), block=q.block, verb=verb)
