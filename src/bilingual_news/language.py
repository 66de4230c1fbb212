"""Block language: script ratios first, character sets for the Chinese variant, langdetect last.

In: a block's text. Out: a BCP 47-style code (:func:`block_language`): ``zh-Hans``, ``zh-Hant``,
``zh`` (Han text whose characters do not show which), ``zh-Latn`` (pinyin), ``en``, another
ISO 639-1 code (``fr``, ``de``, ``ja``, ``ko`` …), ``mixed`` (substantial runs of both Han and
Latin script) or ``und`` (digits, URLs, punctuation, or too little text to judge). For a
document: :func:`document_language` and :func:`language_shares` over its body blocks.

The decision, cheapest first (``docs/language.md`` draws it):

1. URLs, e-mail addresses and handles are dropped; letters are counted by script with
   ``regex`` (``\\p{Han}``, ``\\p{Latin}``, kana, Hangul) — ASCII text, text whose only
   letters are Han (most blocks) and text whose only letters are ASCII ones (English with curly
   quotes or dashes) skip the count. Fewer than :data:`MIN_LETTERS` is ``und``.
2. Both Han and Latin, each with a long run and a fair share, is ``mixed``.
3. Han text is ``ja`` with enough kana, ``ko`` with enough Hangul, else ``zh-Hans`` or ``zh-Hant``
   by the characters that exist in only one of the two sets (CC-CEDICT's, shipped by ``zhon``),
   else ``zh``. langdetect is never asked about Han text (it calls traditional Chinese Korean).
4. Latin text is pinyin (``zh-Latn``) when every word is made of pinyin syllables; clear
   English by its function words; English also when nothing in it points to another language
   (no accented letters, no French/German/Spanish/… function words), which is how the short
   English headlines and menu items of these pages look. Only the rest — Latin text with signs of
   another language, long enough to judge — goes to langdetect (seeded, loaded once, on first use).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, cast

import regex

from bilingual_news._lazy import Lazy, LazyPattern, missing

__all__ = [
    "HAN_LETTER_WEIGHT",
    "block_language",
    "block_languages",
    "chinese_variant",
    "document_language",
    "is_pinyin",
    "langdetect_loaded",
    "language_shares",
    "share_in",
]

# ------------------------------------------------------------------ thresholds
SAMPLE_CHARS = 600
"""Longest text read whole: a longer block is judged on its first and last 300 characters, so
that a 170,000-character block of leaked markup costs no more than a paragraph, and a fusion of
two languages at either end is still seen."""
RUN_SAMPLE_CHARS = 1200
"""Characters of a run of blocks that langdetect reads at once (:func:`block_languages`): two
blocks' samples, as much as it needs to be sure of a language, and its time stays that of one
long block however many blocks the run holds."""
CACHE_MAX_CHARS = 160
"""Blocks up to this long have their answer cached (menus, bylines, footers recur on every page
of a site); longer ones rarely come twice."""
CACHE_SIZE = 8192
"""Short texts whose language is kept (at most ~2 MB)."""
MIN_LETTERS = 2
"""Fewer letters than this (after URLs are dropped) is ``und``: ``2025``, ``·``, ``A``."""
HAN_LETTER_WEIGHT = 3
"""A Han character weighs as much as three Latin letters when the scripts are compared: an
English word is about five letters, a Chinese word about 1.6 characters, so the same content
takes about three times as many Latin letters as Han characters."""
MIXED_MIN_SHARE = 0.12
"""The minority script's weighted share above which a block can be ``mixed``: ``首页 资讯
China and Russia Join Hands …`` has 0.16; a long Chinese paragraph naming ``Pixel Fold`` is
far below."""
MIXED_MIN_HAN_RUN = 4
"""Han characters in a row (blanks and punctuation between them allowed) that make a
substantial Chinese run inside Latin text: ``首页 资讯`` has four; a name glossed as ``(习近平)``
has three."""
MIXED_MIN_LATIN_RUN = 7
"""Latin words in a row that make a substantial English run inside Chinese text — a clause or
a long title, not the names, products and course titles Chinese prose carries (``Anna Berg``,
``Pixel Fold``, ``Designing Data Pipelines for Small Teams`` have two to six)."""
JA_MIN_KANA_SHARE = 0.2
"""Share of kana among CJK letters above which text is Japanese: Japanese prose is a third to
two thirds kana; Chinese has none but the odd ``の`` in a shop name."""
KO_MIN_HANGUL_SHARE = 0.5
"""Share of Hangul among CJK letters above which text is Korean (Korean may mix in Hanja)."""
VARIANT_SAMPLE_CHARS = 400
"""Characters read to tell simplified from traditional: a few hundred settle it, and a long
paragraph costs no more than a short one."""
VARIANT_MIN_SHARE = 0.8
"""Share of the variant-specific characters one variant needs to name the text: a simplified
page quoting one traditional name stays ``zh-Hans``; an even mixture is plain ``zh``."""
PINYIN_MIN_WORDS = 4
"""Words a line needs before it can be pinyin: ``Hang Seng`` or ``Li Qiang`` are names in
English text, ``Wo men yi qi qu kan hai ba`` is a lyric."""
PINYIN_MAX_EN_SHARE = 0.25
"""Share of English function words above which a line of pinyin-shaped words is English after
all (``he can be a man``): pinyin lines hit ``he``, ``you`` or ``a`` only now and then."""
EN_MIN_HITS = 2
"""English function words a text needs for the fast path: one ``the`` proves little."""
EN_MIN_SHARE = 0.15
"""Share of words that are English function words above which text is clearly English:
English prose runs at 35–50 %, a headline at 15–30 %, other languages near 0 (the list holds
no word that is also a common French, German, Spanish, Italian, Portuguese or Dutch one)."""
EN_OVER_FOREIGN = 3
"""English function words must outnumber other languages' ones this many times over for the
fast path: an English sentence citing ``Jean de la Fontaine`` passes, a French one does not."""
FOREIGN_MIN_HITS = 2
"""Other languages' function words that, with :data:`FOREIGN_MIN_SHARE`, make a sign of another
language: one ``Los`` in ``Tokyo Madrid Los Angeles Cairo Lima`` is a name."""
FOREIGN_MIN_SHARE = 0.2
"""Share of words that are other languages' function words above which even one is a sign of
another language (``Auf Wiedersehen``)."""
LANGDETECT_MIN_LETTERS = 30
"""Letters below which langdetect is not asked: its character n-grams need a sentence, and on a
word or two its answers are noise (``Courses`` comes back ``fr``, ``Berlin`` ``de``) and slow to
settle (up to 20 ms for a name like ``Ŋaŋka Wiȟáŋ``). Such text is ``und`` when it shows
signs of a language other than English."""
LANGDETECT_MIN_PROB = 0.7
"""langdetect's probability below which its answer is not taken (``und`` instead)."""
DOC_MIXED_MIN_SHARE = 0.25
"""Share of the body's characters the second language needs for the document to be
``mixed``: a parallel article's Chinese half is about 30 % of its characters."""

# ---------------------------------------------------------- function words
_EN_FUNCTION = frozenset(
    """the of and to that for with are this have has had were which from their they them been be by
    at it its or not he she his her we you our your would there these those than but who whom
    whose into about after could should said says what when where while how why been being does
    did can may might must shall upon under between because through during""".split()  # noqa: SIM905 - a word list reads best as running text
)
"""English function words, leaving out any that is also a common word in another Latin-script
language (``a``, ``in``, ``an``, ``on``, ``is``, ``was``, ``will``, ``also``, ``die``, ``no``)."""
_FOREIGN_FUNCTION = frozenset(
    """le la les des du un une et est pas que qui dans sur avec au aux ce cette ses sont mais ou
    nous vous ils elle leur été très der die das und dem ein eine einer einem nicht ist sich mit
    auf für von zu auch wird werden wurde sind nach bei aus wie oder aber noch über vor dass
    haben zum zur im vom el los las del y en es por para con una se lo su sus al como más pero
    fue ha este esta entre sobre también il di che della dei degli delle sono nel nella alla
    anche gli questo o os da das dos em não com ao na het een zijn niet voor ook maar bij uit
    wordt naar di ini itu dengan untuk dari dalam tidak akan pada juga ke oleh bahwa""".split()  # noqa: SIM905 - a word list reads best as running text
)
"""Common function words of French, German, Spanish, Italian, Portuguese, Dutch and Indonesian
that are not English words (``de``, ``la`` and ``et`` count too: they also turn up in English
only inside foreign names and phrases)."""

# ------------------------------------------------------------------ patterns
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@\w+")
_TLD = r"\.(?:com|cn|net|org|gov|edu|int|info|io|tv|hk|tw|uk|jp|de|fr)\b"
_DOMAIN_HINT = re.compile(_TLD, re.IGNORECASE)
_DOMAIN = re.compile(rf"\b[\w-]+(?:\.[\w-]+)*{_TLD}(?:/\S*)?", re.IGNORECASE)
_SCRIPT_RUN = regex.compile(
    r"([^\P{Han}\P{L}]+)|([^\P{Latin}\P{L}]+)|\p{L}+"
)  # Han letters (no radicals), Latin letters, other letters
_NOT_HAN_LETTER = regex.compile(r"[^\P{L}\p{Han}]")
_TWO_HAN_LETTERS = regex.compile(r"[^\P{Han}\P{L}].*?[^\P{Han}\P{L}]", regex.DOTALL)
"""Two Han letters: one search, where two looked for the first and then the next."""
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
_BEYOND_ASCII_LETTER = regex.compile(r"[^\x00-\x7f\P{L}]|[^\x00-\x7f\P{Latin}]")
"""A letter or a Latin-script character beyond ASCII: a text without one (English with curly
quotes, dashes or ellipses) has only ASCII letters, all Latin, so its script counts are its
ASCII letters, with no Han and no other script (:func:`_script_counts` need not run)."""
_KANA = LazyPattern(r"[\p{Hiragana}\p{Katakana}]")
_HANGUL = LazyPattern(r"\p{Hangul}")
_LATIN_WORD = regex.compile(r"\p{Latin}+(?:['’]\p{Latin}+)*")
_ASCII_LATIN_WORD = re.compile(_LATIN_WORD.pattern.replace(r"\p{Latin}", "[A-Za-z]"))
""":data:`_LATIN_WORD` for :mod:`re` (faster) in a text whose Latin letters are ASCII ones
(:data:`_BEYOND_ASCII_LETTER`): the same words. Such a text can be put in lower case before the
search: no other character of it lowers to an ASCII letter or an apostrophe."""
_NOT_ENGLISH_LETTER = LazyPattern(r"[^\P{Latin}a-zA-Zａ-ｚＡ-Ｚ]")
_RUN_TOKEN = LazyPattern(r"(\p{Han})|\p{Latin}[\p{Latin}\p{M}\d'’-]*")
_LATIN_TOKEN = r"\p{Latin}[\p{Latin}\p{M}\d'’-]*+"
_HAN_RUN = LazyPattern(rf"\p{{Han}}(?:\P{{Latin}}*?\p{{Han}}){{{MIXED_MIN_HAN_RUN - 1}}}")
"""A run of :data:`MIXED_MIN_HAN_RUN` tokens of :data:`_RUN_TOKEN` that are Han characters:
whatever stands between them is no Latin letter, so no Latin word."""
_LATIN_RUN = LazyPattern(rf"{_LATIN_TOKEN}(?:[^\p{{Han}}\p{{Latin}}]*+{_LATIN_TOKEN}){{{MIXED_MIN_LATIN_RUN - 1}}}")
"""A run of :data:`MIXED_MIN_LATIN_RUN` Latin words of :data:`_RUN_TOKEN` with no Han character
between them: each word taken whole (possessive), as the tokens' scan takes it, and the text
between two words neither Han nor Latin. A search that starts inside a word counts the words
from there as the scan does from the word's start."""
_PINYIN_SYLLABLE = (
    r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|ve|er"
    r"|a|o|e|i|u|v|ü)"
)
_PINYIN_WORD = LazyPattern(rf"(?:{_PINYIN_SYLLABLE})+(?:['’-](?:{_PINYIN_SYLLABLE})+)*")
_LANGDETECT_CODES = {"zh-cn": "zh-Hans", "zh-tw": "zh-Hant"}


# ------------------------------------------------------------------ blocks
class _Pending(NamedTuple):
    """A text no cheap rule settled, long enough for langdetect: what it would be asked."""

    text: str
    """The text as langdetect reads it (sampled, URLs and handles dropped)."""
    script: str
    """That script, by the first word of its letters' Unicode names (``LATIN``, ``CYRILLIC``):
    blocks in a row of the same script are asked about together (:func:`block_languages`)."""


def block_language(text: str) -> str:
    """The language of one block of text.

    >>> block_language("中国和俄罗斯的友谊"), block_language("中國和俄羅斯的友誼")
    ('zh-Hans', 'zh-Hant')
    >>> block_language("China and Russia join hands"), block_language("2025-05-08 10:23")
    ('en', 'und')
    >>> block_language("首页 资讯 China and Russia Join Hands to Build a Strong Bridge for Peace")
    'mixed'
    """
    found = _classified(text)
    return found if isinstance(found, str) else _detect(found)


def block_languages(texts: Sequence[str]) -> list[str]:
    """The language of each block of a page, in order: :func:`block_language` of each, but
    langdetect is asked once per run of blocks that need it, not once per block.

    A run is the blocks of the page, in page order, that no cheap rule settles and whose
    letters are of one script (Latin, Cyrillic, Arabic …): the blocks settled between them
    (English menu items, dates) or written in another script do not break it. langdetect reads
    the run's texts together (:data:`RUN_SAMPLE_CHARS` of them) and its answer, when it is sure
    enough, is each block's; when it is not (a run of two languages), each half of the run is
    asked again, down to single blocks, which get what :func:`block_language` gives. A page of
    200 Russian paragraphs asks langdetect once instead of 200 times. The price: a block among
    many of another language takes theirs (one Spanish quote on a French page is ``fr``).

    >>> block_languages(["Madame Bovary est un roman de Gustave Flaubert publié en 1857.",
    ...                  "2024", "Le livre raconte la vie d'Emma, une femme de médecin."])
    ['fr', 'und', 'fr']
    """
    cached, most = _cached_classify, CACHE_MAX_CHARS  # _classified, inlined: a call less a block
    found = [cached(text) if len(text) <= most else _classified(text) for text in texts]
    pending = [i for i, lang in enumerate(found) if not isinstance(lang, str)]
    if not pending:  # most pages: every block settled by a cheap rule
        return cast("list[str]", found)
    out = [lang if isinstance(lang, str) else "" for lang in found]
    runs: dict[str, list[int]] = {}
    for i in pending:
        runs.setdefault(cast("_Pending", found[i]).script, []).append(i)
    for run in runs.values():
        _resolve(run, found, out)
    return out


def _resolve(run: list[int], found: list[str | _Pending], out: list[str]) -> None:
    """Each block of ``run`` (indices into ``found``, all pending) gets its language in ``out``."""
    if len(run) == 1:
        out[run[0]] = _detect(cast("_Pending", found[run[0]]))
        return
    text = "\n".join(cast("_Pending", found[i]).text for i in run)
    if len(text) > RUN_SAMPLE_CHARS:
        half = RUN_SAMPLE_CHARS // 2
        text = text[:half] + "\n" + text[-half:]
    lang, prob = _langdetect(text)
    if prob >= LANGDETECT_MIN_PROB:
        for i in run:
            out[i] = lang
        return
    middle = len(run) // 2
    _resolve(run[:middle], found, out)
    _resolve(run[middle:], found, out)


def _classified(text: str) -> str | _Pending:
    """A block's language when a cheap rule settles it, else what to ask langdetect."""
    if len(text) <= CACHE_MAX_CHARS:
        return _cached_classify(text)
    if len(text) > SAMPLE_CHARS:
        half = SAMPLE_CHARS // 2
        text = text[:half] + "\n" + text[-half:]
    return _classify(text)


def _classify(text: str) -> str | _Pending:
    text = _without_noise(text)
    if text.isascii():  # most English blocks: one pass for the words, no script counting
        words = _ASCII_WORD.findall(text.lower())  # lower case first: one call, not one a word
        latin = sum(map(len, words))
        return "und" if latin < MIN_LETTERS else _latin_language(text, latin, words)
    if _NOT_HAN_LETTER.search(text) is None:  # most Chinese blocks: no letter but Han
        if _TWO_HAN_LETTERS.search(text) is None:
            return "und"
        return chinese_variant(text)
    latin_words: list[str] | None = None
    if _BEYOND_ASCII_LETTER.search(text) is None:  # English with curly quotes or dashes: no count
        latin_words = _ASCII_LATIN_WORD.findall(text.lower())  # lower case first: one call, not one a word
        joined = "".join(latin_words)  # the words hold every ASCII letter, and apostrophes besides
        han, latin, other, script = 0, len(joined) - joined.count("'") - joined.count("’"), 0, ""
    else:
        han, latin, other, script = _script_counts(text)
    if han + latin + other < MIN_LETTERS:
        return "und"
    kana = hangul = 0
    if other:
        kana = len(_KANA.findall(text))
        hangul = len(_HANGUL.findall(text))
        other -= kana + hangul
    cjk = (han + kana + hangul) * HAN_LETTER_WEIGHT
    if other > cjk + latin:
        return _pending(text, other, script)
    if cjk and latin and _is_mixed(text, cjk, latin):
        return "mixed"
    if cjk > latin:
        return _cjk_language(text, han, kana, hangul)
    return _latin_language(text, latin, _latin_words(text) if latin_words is None else latin_words)


def _latin_words(text: str) -> list[str]:
    """The Latin words of ``text`` (:data:`_LATIN_WORD`), in lower case."""
    return list(map(str.lower, _LATIN_WORD.findall(text)))


_cached_classify = functools.lru_cache(maxsize=CACHE_SIZE)(_classify)


class _RunClasses(dict[int, str]):
    """``str.translate`` table: each character's class under :data:`_SCRIPT_RUN` — ``h`` a
    Han letter, ``l`` a Latin letter, ``o`` another letter, ``.`` no letter — found by matching
    the pattern on the character alone, the first time it comes."""

    def __missing__(self, code: int) -> str:
        m = _SCRIPT_RUN.match(chr(code))
        found = "." if m is None else "hl"[m.lastindex - 1] if m.lastindex else "o"
        self[code] = found
        return found


_RUN_CLASSES = _RunClasses()
_OTHER_RUN = re.compile("o[hlo]*")
"""A run of :data:`_SCRIPT_RUN`'s third kind, in a string of :class:`_RunClasses`: it opens at
a letter neither Han nor Latin and takes every letter after it, Han and Latin ones too."""


def _script_counts(text: str) -> tuple[int, int, int, str]:
    """The letters of ``text`` in runs of :data:`_SCRIPT_RUN`'s three kinds (Han, Latin, other)
    and the script of the first "other" run (the first word of its first letter's Unicode name,
    ``""`` when there is none): what a loop over its matches counts, from one
    :meth:`str.translate` and a :mod:`re` pass over the classes."""
    classes = text.translate(_RUN_CLASSES)
    if "o" not in classes:
        return classes.count("h"), classes.count("l"), 0, ""
    rest = _OTHER_RUN.sub("", classes)
    script = unicodedata.name(text[classes.index("o")], "OTHER").partition(" ")[0]
    return rest.count("h"), rest.count("l"), len(classes) - len(rest), script


def _without_noise(text: str) -> str:
    """``text`` without URLs, e-mail addresses, handles and bare domain names (each pattern
    only where a cheap test says it can match)."""
    if "@" in text:
        text = _EMAIL.sub(" ", text)
    if "://" in text or "www." in text or "WWW." in text:
        text = _URL.sub(" ", text)
    if "." in text and _DOMAIN_HINT.search(text):
        text = _DOMAIN.sub(" ", text)
    return text


def _is_mixed(text: str, cjk: int, latin: int) -> bool:
    """Whether both scripts have a fair share and a substantial run: :data:`MIXED_MIN_HAN_RUN`
    Han characters with no Latin word between them and :data:`MIXED_MIN_LATIN_RUN` Latin
    words with no Han character between them (:data:`_HAN_RUN`, :data:`_LATIN_RUN`: one search
    each, where a loop over the words counted the runs)."""
    if min(cjk, latin) / (cjk + latin) < MIXED_MIN_SHARE:
        return False
    return _HAN_RUN.search(text) is not None and _LATIN_RUN.search(text) is not None


def _cjk_language(text: str, han: int, kana: int, hangul: int) -> str:
    cjk = han + kana + hangul
    if hangul >= KO_MIN_HANGUL_SHARE * cjk:
        return "ko"
    if kana >= JA_MIN_KANA_SHARE * cjk:
        return "ja"
    return chinese_variant(text)


def chinese_variant(text: str) -> str:
    """``zh-Hans`` or ``zh-Hant`` by the characters only one variant uses, else ``zh``.

    >>> chinese_variant("资讯"), chinese_variant("資訊"), chinese_variant("中文")
    ('zh-Hans', 'zh-Hant', 'zh')
    """
    simplified_only, traditional_only = _VARIANT_SETS.get()
    sample = text[:VARIANT_SAMPLE_CHARS]
    hans = len(simplified_only.findall(sample))
    hant = len(traditional_only.findall(sample))
    if hans >= VARIANT_MIN_SHARE * (hans + hant) and hans:
        return "zh-Hans"
    if hant >= VARIANT_MIN_SHARE * (hans + hant) and hant:
        return "zh-Hant"
    return "zh"


def _load_variant_sets() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Character classes of the CC-CEDICT characters found only in simplified or only in
    traditional text (``zhon.cedict``). ``hanzidentifier`` reads the same sets, but its
    ``identify`` costs about 0.35 ms a page against 0.13 ms for this count, and names a text
    ``MIXED`` for one stray character, so the sets are compiled here and counted directly."""
    try:
        from zhon import cedict
    except ImportError:  # pragma: no cover - zhon is a dependency
        raise missing("zhon", "telling simplified from traditional Chinese") from None
    simplified, traditional = set(cedict.simplified), set(cedict.traditional)

    def char_class(chars: set[str]) -> re.Pattern[str]:
        return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")

    return char_class(simplified - traditional), char_class(traditional - simplified)


_VARIANT_SETS: Lazy[tuple[re.Pattern[str], re.Pattern[str]]] = Lazy(_load_variant_sets)


def _latin_language(text: str, latin: int, words: list[str]) -> str | _Pending:
    """The language of a text of Latin letters (mostly) whose words, in lower case, are
    ``words``: pinyin, English by its function words, else what langdetect is to be asked."""
    en = sum(map(_EN_FUNCTION.__contains__, words))
    if len(words) >= PINYIN_MIN_WORDS and en <= PINYIN_MAX_EN_SHARE * len(words) and all(map(_known_pinyin, words)):
        return "zh-Latn"
    foreign = sum(map(_FOREIGN_FUNCTION.__contains__, words))
    if en >= EN_MIN_HITS and en >= EN_MIN_SHARE * len(words) and en >= EN_OVER_FOREIGN * foreign:
        return "en"
    weak = foreign < FOREIGN_MIN_HITS and foreign < FOREIGN_MIN_SHARE * len(words)
    if weak and (text.isascii() or not _NOT_ENGLISH_LETTER.search(text)):
        return "en"
    return _pending(text, latin, "LATIN")


def is_pinyin(word: str) -> bool:
    """Whether a Latin word is made of pinyin syllables (tone marks allowed).

    >>> is_pinyin("xiang"), is_pinyin("Zhōngguó"), is_pinyin("xi'an"), is_pinyin("street")
    (True, True, True, False)
    """
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return _PINYIN_WORD.fullmatch(word.lower()) is not None


_known_pinyin = functools.lru_cache(maxsize=CACHE_SIZE)(is_pinyin)
""":func:`is_pinyin`, its answers kept: the words of English menus and headlines (``home``,
``news``, ``china``) are asked about block after block and page after page."""


# --------------------------------------------------------------- langdetect
def _load_langdetect() -> Any:
    """langdetect's detector factory: its own instance, seeded, profiles read once (0.2 s)."""
    try:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    except ImportError:  # pragma: no cover - langdetect is a dependency
        raise missing("langdetect", "telling Latin-script languages apart") from None
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)  # the same answer for the same text, every run
    _untrack(factory.word_lang_prob_map)
    return factory


def _untrack(probabilities: dict[str, Sequence[float]]) -> None:
    """langdetect's n-gram profiles, each n-gram's list of probabilities made a tuple, in place.

    langdetect keeps a list of 55 floats for each of its ~88,000 n-grams, and only reads them
    once loaded. Lists are containers the garbage collector must walk: every full collection
    of the process then visited ~4.8 million references, a 50 ms pause that fell on one page in
    a hundred or two. A tuple of floats is dropped from the collector's lists the first time it
    is examined, so the pause goes (``tests/test_language.py``). Same numbers, same answers:
    the detector only indexes them. In place, one n-gram at a time, so that each list is freed
    as its tuple is made: a new dict built beside the old one left the process 45 MB larger
    (the freed lists' memory, interleaved with the tuples, is not returned)."""
    for ngram in probabilities:
        probabilities[ngram] = tuple(probabilities[ngram])


_LANGDETECT: Lazy[Any] = Lazy(_load_langdetect)


def langdetect_loaded() -> bool:
    """Whether langdetect has been loaded in this process (for tests and benchmarks)."""
    return _LANGDETECT.loaded


def _pending(text: str, letters: int, script: str) -> str | _Pending:
    """What to ask langdetect about ``text``, or ``und`` when it is too short to ask."""
    return "und" if letters < LANGDETECT_MIN_LETTERS else _Pending(text, script)


def _detect(pending: _Pending) -> str:
    """langdetect's answer for one text no cheaper rule settled, or ``und``; short texts'
    answers are kept (:data:`CACHE_MAX_CHARS`), as a site repeats its labels."""
    if len(pending.text) <= CACHE_MAX_CHARS:
        return _cached_detect(pending.text)
    return _detect_text(pending.text)


def _detect_text(text: str) -> str:
    lang, prob = _langdetect(text)
    return lang if prob >= LANGDETECT_MIN_PROB else "und"


_cached_detect = functools.lru_cache(maxsize=CACHE_SIZE)(_detect_text)


def _langdetect(text: str) -> tuple[str, float]:
    """langdetect's most likely language for ``text`` and its probability (``und``, 0 when it
    finds no features in the text)."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _LANGDETECT.get().create()
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):  # no features in the text
        return "und", 0.0
    code: str = best.lang
    return _LANGDETECT_CODES.get(code, code), float(best.prob)


# ---------------------------------------------------------------- documents
def _family(lang: str) -> str:
    return lang.partition("-")[0]


def document_language(pairs: Iterable[tuple[str, int]]) -> str:
    """The body's language from its blocks' ``(lang, characters)``.

    The language family (``zh`` for every Chinese code) with most characters wins; it is
    ``mixed`` when a second family has :data:`DOC_MIXED_MIN_SHARE` of them. Among Chinese codes
    the script-specific one (``zh-Hans``/``zh-Hant``) is preferred over ``zh`` and ``zh-Latn``.

    >>> document_language([("en", 900), ("zh-Hans", 100), ("und", 50)])
    'en'
    >>> document_language([("zh-Hans", 300), ("zh", 100), ("zh-Latn", 400)])
    'zh-Hans'
    >>> document_language([("en", 600), ("zh-Hans", 400)])
    'mixed'
    """
    weights: Counter[str] = Counter()
    for lang, chars in pairs:
        if lang != "und" and chars > 0:
            weights[lang] += chars
    if not weights:
        return "und"
    families: Counter[str] = Counter()
    for lang, weight in weights.items():
        families[_family(lang)] += weight
    ranked = families.most_common()
    top = ranked[0][0]
    total = sum(families.values())
    if len(ranked) > 1 and "mixed" not in (top, ranked[1][0]) and ranked[1][1] >= DOC_MIXED_MIN_SHARE * total:
        return "mixed"
    if top != "zh":
        return max((lang for lang in weights if _family(lang) == top), key=lambda lang: (weights[lang], lang))
    hans, hant = weights["zh-Hans"], weights["zh-Hant"]
    if hans or hant:
        if hans >= VARIANT_MIN_SHARE * (hans + hant):
            return "zh-Hans"
        if hant >= VARIANT_MIN_SHARE * (hans + hant):
            return "zh-Hant"
        return "zh"
    return "zh" if weights["zh"] else "zh-Latn"


def language_shares(pairs: Iterable[tuple[str, int]]) -> tuple[tuple[str, float], ...]:
    """Each language's share of the characters among ``(lang, characters)``, largest first,
    rounded to three places; ``und`` is left out.

    >>> language_shares([("en", 300), ("zh-Hans", 100), ("und", 20)])
    (('en', 0.75), ('zh-Hans', 0.25))
    """
    weights: Counter[str] = Counter()
    for lang, chars in pairs:
        if lang != "und" and chars > 0:
            weights[lang] += chars
    total = sum(weights.values())
    ranked = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
    return tuple((lang, round(weight / total, 3)) for lang, weight in ranked)


WANTED_MIN_SHARE = 0.5
"""Share of a body's characters the wanted languages must hold for ``--languages`` to keep the
page: most of the article in them. A bilingual page (an English article with Chinese chrome
and a Chinese summary) is kept for ``en``; a French article with an English caption is not."""


def share_in(shares: Iterable[tuple[str, float]], wanted: Iterable[str]) -> float:
    """The share of a body's characters (:attr:`Document.languages
    <bilingual_news.model.Document.languages>`) in the ``wanted`` languages. A wanted code
    takes its variants (``zh``: ``zh-Hans``, ``zh-Hant``, ``zh-Latn``); a ``mixed`` block (Han
    and Latin) counts for ``zh`` and for ``en``.

    >>> share_in((("zh-Hans", 0.6), ("fr", 0.4)), ["zh", "en"])
    0.6
    """
    codes = {code.lower() for code in wanted}

    def wanted_lang(lang: str) -> bool:
        if lang == "mixed":
            return bool(codes & {"zh", "en", "mixed"})
        lang = lang.lower()
        return lang in codes or lang.split("-")[0] in codes

    return round(sum(share for lang, share in shares if wanted_lang(lang)), 3)
