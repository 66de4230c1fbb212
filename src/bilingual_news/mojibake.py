"""Text decoded upstream with the wrong code page: found, and repaired as traced changes.

In: a text (the normalize stage's current text). Out: the :class:`~bilingual_news.offsets.Change`
list of one rule, for :mod:`bilingual_news.normalize`'s ``gbk_mojibake`` and ``cp1252_mojibake``.

A scraper that decodes bytes with the wrong double-byte code (GBK/GB18030 is the usual default of
a Chinese tool) leaves two kinds of damage, both repaired by putting the bytes back together:

* **UTF-8 read as GB18030** (``gbk_mojibake``): every two bytes became one GBK character
  (``鍖椾含`` for ``北京``, ``鈥檚`` for ``’s``), an ASCII letter after an odd byte was swallowed
  into a character (``鈥淭`` for ``“T``), and a byte that could not start or end a pair became
  U+FFFD, one ``�`` for one byte (``鈥�`` for a closing quote before a space). A run of such
  characters is encoded back to GB18030, each ``�`` standing for one unknown byte, and decoded as
  UTF-8: a lost byte in the middle of a run was 0x80 (the one continuation byte that cannot lead
  a GBK pair); a lost byte at the end of a run is the last byte of a character whose first bytes
  survive, and that character is inferred from context (:func:`_choose`): punctuation from the
  marks around it (``鈥�`` after a word, with a quotation open, is ``”``), a Han character from
  the characters that follow numbers or jieba's word frequencies with the characters before it.
  (UTF-8 read as Big5 is not repaired: Big5 takes none of the bytes 0x80-0xA0 second, so about
  half of the continuation bytes are lost, far too many to infer.)
* **Windows-1252 read as GB18030** (``cp1252_mojibake``): English whose curly quotes, dashes
  and accented letters (bytes 0x80-0xFF) each fused with the next byte into a Chinese character
  (``nation抯`` for nation’s, ``揟he`` for “The, ``fact梩hat`` for fact—that), or, before a space
  or a digit, became ``�``. A character is read back as its two Windows-1252 bytes; a ``�`` is
  inferred from the marks around it (between spaces ``—``, between letters ``’``). English in
  Windows-1252 read as Big5 keeps its letters and loses its marks to ``�``: the same inference
  repairs it (``city�s``).

Conservative, as ftfy is: correct text is never changed. A repair is *strong* when it stands on
its own (a strict round trip to at least two common Han characters that are clearly more common
than the run's, or English punctuation glued to a Latin word as only mojibake makes it); the
other repairs (a lost byte, one Han character, an accented letter, a bare ``�``) are made only on
a text that has strong ones (:data:`MIN_EVIDENCE`), and only where the result is plausible. A
real ``抯`` between Chinese characters stays: it touches no Latin word, and a Chinese run's bytes
are not valid UTF-8 unless they really are mojibake.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import product
from typing import NamedTuple

from bilingual_news.offsets import Change

__all__ = [
    "BIG5_FREQUENT_LEADS",
    "MAX_GUESSES",
    "MIN_EVIDENCE",
    "MIN_GBK_COMMON_GAIN",
    "MIN_GBK_COMMON_SHARE",
    "MIN_GBK_HAN",
    "find_cp1252_mojibake",
    "find_gbk_mojibake",
]

MIN_GBK_HAN = 2
"""Han characters a strong GBK-mojibake repair must produce: one character comes out of a chance
round trip now and then; two that also pass the commonness test do not."""

MIN_GBK_COMMON_SHARE = 0.9
"""Share of the repaired Han characters that must be common (GB2312, or Big5's frequent level):
real Chinese text is almost all common characters."""

MIN_GBK_COMMON_GAIN = 0.25
"""How much the share of common Han characters must rise for a strong repair: mojibake is full
of rare GBK-extension characters (in ``鍖椾含`` one in three is common), its repair has almost
none, so a small rise is chance and is refused."""

BIG5_FREQUENT_LEADS = range(0xA4, 0xC7)
"""Big5 lead bytes of its frequent characters (常用字, 5,401 of them): the common set for
traditional text, which GB2312 lacks."""

MIN_EVIDENCE = 4
"""Characters that strong repairs must bring back before the weak ones are made on a text: two
strong runs of English punctuation (``鈥檚`` and ``揟`` bring back two each) or one run of four
Han characters. A clean page has no strong repair, so a bare ``�`` or a lone uncommon character
on it is never touched."""

MAX_GUESSES = 256
"""Byte combinations tried for one character with lost bytes: one lost continuation byte is 64,
and a character with more than that many readings is not inferred."""

# ------------------------------------------------------------------ characters

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LOW_ASCII = frozenset(map(chr, (*range(0x40), 0x7F)))
"""ASCII that a GBK lead byte cannot take as its second byte: after it, the lead became ``�``."""

_PLAUSIBLE_BLOCKS = (
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and B
    (0x2000, 0x206F),  # General Punctuation
    (0x2100, 0x21FF),  # letterlike symbols, number forms, arrows
    (0x2460, 0x27BF),  # enclosed numbers, box drawing, shapes, dingbats
    (0x3000, 0x30FF),  # CJK symbols and punctuation, kana
    (0x3400, 0x4DBF),  # Han (Extension A)
    (0x4E00, 0x9FFF),  # Han
    (0xF900, 0xFAFF),  # Han compatibility
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms
    (0x1F000, 0x1FAFF),  # emoji and pictographs
    (0x20000, 0x3134F),  # Han (Extensions B-G)
)


def _plausible(char: str) -> bool:
    """Whether a repaired character is one a page holds: printable ASCII, or a character of the
    blocks Chinese and English news use, or punctuation or a symbol (not a control, private use
    or an unassigned point)."""
    code = ord(char)
    if char == "\ufeff":
        return True  # a byte-order mark, the zero_width rule's to remove
    if code < 0x80:
        return char.isprintable() or char in "\t\n"
    category = unicodedata.category(char)
    if category[0] == "C":
        return False
    return category[0] in "PS" or any(lo <= code <= hi for lo, hi in _PLAUSIBLE_BLOCKS)


@cache
def _is_common(char: str) -> bool:
    """In GB2312, or among Big5's frequent characters."""
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        pass
    else:
        return True
    try:
        return char.encode("big5")[0] in BIG5_FREQUENT_LEADS
    except UnicodeEncodeError:
        return False


def _common_share(han: Sequence[str]) -> float:
    """The share of ``han`` that is common: in GB2312, or in Big5's frequent level."""
    return sum(map(_is_common, han)) / len(han) if han else 0.0


# ------------------------------------------------------------------ inferring a lost character

_OPENERS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉", "【": "】", "（": "）", "(": ")"}


def _open(before: str, opener: str) -> bool:
    """Whether ``opener`` is open at the end of ``before``'s last line."""
    line = before[before.rfind("\n") + 1 :]
    return line.count(opener) > line.count(_OPENERS[opener])


def _guess_mark(candidates: Sequence[str], before: str, after: str, *, closing_needs_open: bool = False) -> str | None:
    """The mark among ``candidates`` that the context calls for, or ``None`` when none fits.
    With ``closing_needs_open``, a closing quote after a word is guessed only in an open
    quotation (where the lost byte could as well have been a letter, ``résum�``).

    >>> _guess_mark("”’—“", "He said “soon", " and left")
    '”'
    >>> _guess_mark("”’—“", "rain ", " then sun")
    '—'
    >>> _guess_mark("”’—“", "the nation", "s future")
    '’'
    """
    prev, nxt = before[-1:], after[:1]
    space_before = prev == "" or prev.isspace()
    space_after = nxt == "" or nxt.isspace()
    wanted: list[str] = []
    if prev in "…—":
        wanted.append(prev)  # doubled in Chinese: …… and ——
    closer_of = {v: k for k, v in _OPENERS.items()}
    if prev in closer_of and nxt.isalnum():
        wanted.append(closer_of[prev])  # 【1】【2】
    if prev.isdigit() and nxt.isdigit():
        wanted.append("–")
    if prev.isalpha() and nxt.isalpha():
        wanted.append("’")
    if space_before and space_after:
        wanted += ["—", "–"]
    if not space_before:
        wanted += [_OPENERS[opener] for opener in "「『《〈【（" if _open(before, opener)]
        if _open(before, "“"):
            wanted.append("”")
        if _open(before, "‘") or (prev in "sS" and space_after):
            wanted.append("’")
        if _HAN.match(prev) and space_after:
            wanted += ["。", "：", "？", "！"]
        if space_after and not closing_needs_open:
            wanted.append("”")
    if space_before and not space_after:
        wanted.append("‘" if _open(before, "“") else "“")
    if nxt.isalnum():
        wanted += ["：", "，", "、", "（", "【", "《", "「"]
    return next((c for c in wanted if c in candidates), None)


@cache
def _han_frequencies() -> tuple[dict[str, int], int]:
    """jieba's dictionary: word (and character) counts and their total, loaded on first use
    (about a second, once per process, as for words)."""
    from bilingual_news.words import _JIEBA

    _JIEBA.get()
    import jieba

    frequencies: dict[str, int] = jieba.dt.FREQ
    return frequencies, max(1, int(jieba.dt.total))


NUMBER_SUFFIXES = "年月日号时分秒点个万亿元岁次度倍名位家条件"
"""Characters that follow a number in Chinese, most frequent first: after a digit a lost
character is one of them when the bytes allow (``2024骞�`` is ``2024年``), as jieba's words,
which hold no digits, cannot tell."""


def _guess_han(candidates: Sequence[str], before: str) -> str:
    """The Han character among ``candidates`` most likely after ``before``: the one that ends
    the most frequent word with the characters before it, then the most frequent alone."""
    if before[-1:].isdigit():
        after_number = [c for c in NUMBER_SUFFIXES if c in candidates]
        if after_number:
            return after_number[0]
    freq, total = _han_frequencies()
    tail = before[-3:]

    def score(char: str) -> float:
        # How often the character ends a word with the characters before it, as a share of
        # those characters' count, mixed with how often it stands alone: a rare word does not
        # outweigh a character that is a thousand times more frequent.
        after_tail = max(
            (freq.get(tail[k:] + char, 0) / max(1, freq.get(tail[k:], 0)) for k in range(len(tail))), default=0
        )
        return math.log(freq.get(char, 0) / total + after_tail + 1e-9)

    return max(candidates, key=score)


def _choose(candidates: Sequence[str], before: str, after: str, variant: str = "zh") -> str | None:
    """The character a lost byte most likely made, among ``candidates`` (the readings of the
    bytes that survive), in the context ``before`` and ``after``, on a text in Chinese
    ``variant`` (``zh-Hans``, ``zh-Hant`` or ``zh``); ``None`` when nothing fits."""
    if len(candidates) == 1:
        return candidates[0]
    han = [c for c in candidates if _HAN.match(c) and _is_common(c)]
    if han and variant != "zh":
        from bilingual_news.language import _VARIANT_SETS

        other = _VARIANT_SETS.get()[0 if variant == "zh-Hant" else 1]
        han = [c for c in han if not other.match(c)] or han
    if han:
        return _guess_han(han, before)
    mark = _guess_mark(candidates, before, after)
    if mark is None and "\u00a0" in candidates:
        return "\u00a0"  # of the Latin-1 block, what Chinese pages hold by far the most
    return mark


# ------------------------------------------------------------------ UTF-8 read as GB18030

Byte = int | None
"""A byte of a run, or ``None`` for one lost to ``�``."""


class _Slot(NamedTuple):
    """One character of the repaired run: its bytes, and its possible readings."""

    start: int
    end: int
    readings: tuple[str, ...]


_CONTINUATION = range(0x80, 0xC0)


def _utf8_length(lead: int) -> int:
    if lead < 0x80:
        return 1
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _utf8_slots(seq: Sequence[Byte]) -> list[_Slot] | None:
    """The UTF-8 characters of ``seq``, a lost byte read as any continuation byte; ``None`` when
    the bytes are not UTF-8 (a lost lead byte cannot be told)."""
    slots: list[_Slot] = []
    i = 0
    while i < len(seq):
        lead = seq[i]
        n = _utf8_length(lead) if lead is not None else 0
        if n == 0 or i + n > len(seq):
            return None
        options = [range(b, b + 1) if b is not None else _CONTINUATION for b in seq[i : i + n]]
        if math.prod(map(len, options)) > MAX_GUESSES:
            return None
        readings = []
        for combo in product(*options):
            try:
                char = bytes(combo).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if _plausible(char):
                readings.append(char)
        if not readings:
            return None
        slots.append(_Slot(i, i + n, tuple(readings)))
        i += n
    return slots


def _run_bytes(run: str, next_char: str) -> tuple[list[Byte], list[int]] | None:
    """The bytes ``run`` was read from as GB18030, and where each of its characters starts in
    them; ``None`` when a character is not a two-byte one or ``�``.

    A ``�`` in the middle of a run stood for 0x80 (the one UTF-8 byte that cannot lead a GBK
    pair); at the end of a run, before ASCII that cannot follow a lead byte, for a byte that is
    not known.
    """
    seq: list[Byte] = []
    starts: list[int] = []
    for k, char in enumerate(run):
        starts.append(len(seq))
        if char == "\ufffd":
            last = k + 1 == len(run) and (next_char == "" or next_char in _LOW_ASCII)
            seq.append(None if last else 0x80)
            continue
        try:
            data = char.encode("gb18030")
        except UnicodeEncodeError:
            return None
        if len(data) != 2:
            return None
        seq.extend(data)
    starts.append(len(seq))
    return seq, starts


class _Repair(NamedTuple):
    """A run's repair: the changes, whether it stands on its own, and how many characters it
    brings back (the evidence it gives for the weak repairs)."""

    changes: list[Change]
    strong: bool
    size: int


def _changes(run_start: int, starts: Sequence[int], pieces: Sequence[tuple[int, int, str]], rule: str) -> list[Change]:
    """Changes for a run whose characters start at byte ``starts`` and whose repair is
    ``pieces`` (byte start, byte end, text): cut wherever a character boundary of the run is one
    of the repair, so that each change is as small as the bytes allow."""
    cut_at = {s: k for k, s in enumerate(starts)}
    changes: list[Change] = []
    char_from, text = 0, ""
    for start, end, piece in pieces:
        if start in cut_at and text == "":
            char_from = cut_at[start]
        text += piece
        if end in cut_at:
            char_to = cut_at[end]
            changes.append(Change(start=run_start + char_from, end=run_start + char_to, after=text, rule=rule))
            text = ""
    return changes


def _char_class(chars: Iterable[str]) -> str:
    """A regular-expression class of ``chars``, as ranges."""
    codes = sorted(map(ord, chars))
    parts: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code != prev + 1:
            parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
            start = code
        prev = code
    return "[" + "".join(parts) + "]"


@cache
def _utf8_runs() -> re.Pattern[str]:
    """Runs of non-ASCII characters that start as UTF-8 read as GB18030 starts (compiled on
    first use): a character whose bytes open UTF-8 (:func:`_utf8_openings`), then, after a
    whole two-byte UTF-8 character, the end of the run, ``�`` or another such character, and
    after the first bytes of a longer one, a character whose first byte is a continuation byte
    (or ``�``). Every run :func:`_opens_as_utf8` passes matches (the pattern tests its first
    two characters as the decoder does), and clean Chinese rarely starts so.

    The pattern opens with one class, which :mod:`re` scans for in C; the run's start (ASCII or
    nothing before it) is tested only where a character of the class stands."""
    two, longer = (_gb18030_pairs(leads, _CONTINUATION) for leads in (range(0xC2, 0xE0), range(0xE0, 0xF5)))
    opening = _char_class(_utf8_openings())
    then = _char_class({*_gb18030_pairs(_CONTINUATION, range(0x40, 0xFF)), "\ufffd"})
    return re.compile(
        f"{opening}(?<![^\x00-\x7f].)"
        f"(?:(?<={_char_class(two)})(?:{opening}|\ufffd|(?![^\x00-\x7f]))|(?<={_char_class(longer)}){then})"
        "[^\x00-\x7f]*"
    )


def _utf8_openings() -> set[str]:
    """The GB18030 two-byte characters whose bytes the UTF-8 decoder takes as the start of a
    text: a lead byte and a byte it can be followed by (no other two bytes are)."""
    return {char for char in _gb18030_pairs(range(0xC2, 0xF5), _CONTINUATION) if _opens_utf8(char.encode("gb18030"))}


def _opens_utf8(data: bytes) -> bool:
    """Whether ``data`` can open a UTF-8 text (it may stop inside a character)."""
    try:  # what a new incremental decoder's decode(data, final=False) calls, without the decoder
        codecs.utf_8_decode(data, "strict", False)
    except UnicodeDecodeError:
        return False
    return True


@cache
def _cp1252_runs() -> re.Pattern[str]:
    """The whole runs of non-ASCII characters that are all in :func:`_cp1252_chars` (compiled
    on first use, a few milliseconds for its thousands of ranges): what a run of Windows-1252
    read as GB18030 can be. The pattern opens with the class, which :mod:`re` scans for in C,
    and tests the run's start only there; a page's runs of Chinese cost no Python call."""
    chars = _char_class(_cp1252_chars())
    return re.compile(f"{chars}(?<![^\x00-\x7f].){chars}*(?![^\x00-\x7f])")


def _gb18030_pairs(leads: range, trails: range) -> set[str]:
    """The GB18030 two-byte characters whose first byte is in ``leads`` and second in ``trails``."""
    chars: set[str] = set()
    # GB18030's two-byte characters: a lead of 0x81-0xFE, a trail of 0x40-0x7E or 0x80-0xFE
    # (others are no character, as a lead of 0x80); a row decodes in one call.
    good = [t for t in trails if 0x40 <= t <= 0xFE and t != 0x7F]
    for lead in leads:
        if 0x81 <= lead <= 0xFE and good:
            chars.update(bytes(b for trail in good for b in (lead, trail)).decode("gb18030"))
    return chars


def _utf8_repair(text: str, start: int, end: int, variant: str, before: str) -> _Repair | None:
    """The repair of ``text[start:end]`` as UTF-8 read as GB18030 on a text in Chinese
    ``variant``, or ``None``; ``before`` is the text before it with the runs before it
    repaired. A lost character that cannot be inferred stays ``�``."""
    run = text[start:end]
    found = _run_bytes(run, text[end : end + 1])
    if found is None:
        return None
    seq, starts = found
    slots = _utf8_slots(seq)
    if slots is None:
        return None
    pieces: list[tuple[int, int, str]] = []
    fixed = certain = ""
    for slot in slots:
        char = _choose(slot.readings, before + fixed, text[end : end + 40], variant) or "\ufffd"
        if len(slot.readings) == 1:
            certain += char
        pieces.append((slot.start, slot.end, char))
        fixed += char
    if fixed == run:
        return None
    han = _HAN.findall(fixed)
    run_share = _common_share(_HAN.findall(run))
    share = _common_share(han)
    if han and share < MIN_GBK_COMMON_SHARE:
        return None
    if len(fixed) > len(run) or (han and share < run_share):
        return None
    if han:
        # Strong on what the bytes say for certain: a lost last byte, inferred, proves nothing.
        sure = _HAN.findall(certain)
        strong = (
            len(sure) >= MIN_GBK_HAN
            and len(fixed) < len(run)
            and _common_share(sure) - run_share >= MIN_GBK_COMMON_GAIN
            and _common_share(sure) >= MIN_GBK_COMMON_SHARE
        )
    else:
        # English or Chinese punctuation, perhaps with a swallowed ASCII letter (``鈥檚``): strong
        # when the run has an uncommon character, as such mojibake always has and Chinese rarely.
        strong = certain == fixed and any(not _is_common(c) for c in run) and not fixed.isascii()
    return _Repair(_changes(start, starts, pieces, "gbk_mojibake"), strong, len(certain))


def find_gbk_mojibake(text: str) -> list[Change]:
    """UTF-8 read as GBK/GB18030, repaired: the strong repairs, and when they bring back
    :data:`MIN_EVIDENCE` characters, the weak ones too.

    >>> [(c.after, c.rule) for c in find_gbk_mojibake("鍖椾含 2025")]
    [('北京', 'gbk_mojibake')]
    >>> "".join(c.after for c in find_gbk_mojibake("It鈥檚 鈥渙k鈥\ufffd now"))
    '’s“o”'
    >>> find_gbk_mojibake("这是中文，没有问题。")
    []
    """
    if text.isascii():
        return []
    spans = [m.span() for m in _utf8_runs().finditer(text)]
    if not spans:
        return []
    # The quick test, all runs at once: a run without a lost byte must decode strictly (a line
    # break between runs keeps them apart, as no run's bytes hold one).
    # Most runs in clean Chinese fail on their first characters: those are dropped before the
    # whole run is re-encoded (an incremental decoder waits for a sequence cut at the end).
    # A lone surrogate is no GB18030 character: its run was never read from bytes. The runs
    # that open as UTF-8 (few) are asked; a surrogate among the first characters fails that.
    spans = [
        (start, end)
        for start, end in spans
        if _opens_as_utf8(text, start, end) and _SURROGATE.search(text, start, end) is None
    ]
    if not spans:
        return []
    strict = [(start, end) for start, end in spans if "\ufffd" not in text[start:end]]
    joined = "\n".join(text[start:end] for start, end in strict).encode("gb18030").decode("utf-8", "replace")
    decoded = joined.split("\n") if strict else []
    failed = {span for span, d in zip(strict, decoded, strict=True) if "\ufffd" in d}
    candidates = [span for span in spans if span not in failed]
    if not candidates:
        return []
    decoded = [d for d in decoded if "\ufffd" not in d]
    from bilingual_news.language import chinese_variant

    variant = chinese_variant("".join(decoded))
    repairs = []
    done: list[Change] = []
    for start, end in candidates:
        repair = _utf8_repair(text, start, end, variant, _repaired_before(text, start, done))
        if repair is not None:
            repairs.append(repair)
            done.extend(repair.changes)
    return _kept(repairs)


_SURROGATE = re.compile("[\ud800-\udfff]")
PREFIX_CHARS = 12
"""Characters of a run whose bytes are tried as UTF-8 before the whole run: a run of clean
Chinese fails within its first characters."""


def _opens_as_utf8(text: str, start: int, end: int) -> bool:
    """Whether the first :data:`PREFIX_CHARS` characters of a run, read back as GB18030 bytes,
    can open UTF-8 (a lost byte, ``�``, stops the test there: it is repaired otherwise); not
    when they hold a lone surrogate, which was never read from bytes."""
    head = text[start : min(end, start + PREFIX_CHARS)].split("\ufffd", 1)[0]
    try:
        data = head.encode("gb18030")
    except UnicodeEncodeError:  # a lone surrogate, the one character GB18030 cannot encode
        return False
    return _opens_utf8(data)


def _kept(repairs: Iterable[_Repair]) -> list[Change]:
    """The changes of the strong repairs, and of the weak ones when the strong ones are evidence
    enough that the text was misread."""
    repairs = list(repairs)
    evidence = sum(r.size for r in repairs if r.strong)
    if evidence == 0:
        return []
    keep_weak = evidence >= MIN_EVIDENCE
    return [c for r in repairs if r.strong or keep_weak for c in r.changes]


# ------------------------------------------------------------------ Windows-1252 read as GB18030

_SMART = frozenset("‘’“”–—…")
_CP1252_SYMBOLS = frozenset("\u00a0©®°±·×÷¢£¥§¶•™€«»¼½¾")
"""Windows-1252 characters other than letters and curly marks that English text holds."""
_CP1252_GUESSES = tuple("’”“‘—–…")
"""What a lost Windows-1252 byte most often was in English text: a curly quote or a dash."""
_NO_CP1252 = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))
_GLUED = re.compile(r"[^\W\d_][’'][A-Za-z]|(?:^|[\s(\[])[“‘][A-Za-z0-9]|[A-Za-z0-9][—–][A-Za-z0-9]|[^\W\d_][”’]")
"""English punctuation glued to a word as only Windows-1252 mojibake glues it: ``nation’s``,
`` “The``, ``fact—that``."""
_CONTRACTION = re.compile(r"(?:s|t|d|m|ll|re|ve)\b")


@cache
def _cp1252_chars() -> frozenset[str]:
    """The characters a run of Windows-1252 read as GB18030 can hold (built on first use):
    ``�``, the two-byte characters whose bytes Windows-1252 reads as marks, symbols and ASCII
    (``抯``, ``”—``), and the uncommon ones it reads as a letter and ASCII (``鰉``)."""
    chars = {"\ufffd"}
    marks = _SMART | _CP1252_SYMBOLS
    trails = [t for t in (*range(0x40, 0x7F), *range(0x80, 0xFF)) if t not in _NO_CP1252]
    cp1252 = {b: bytes((b,)).decode("cp1252") for b in range(0x40, 0xFF) if b not in _NO_CP1252}
    plain = {b: all(c in marks or c.isascii() for c in cp1252[b]) for b in cp1252}
    for lead in range(0x81, 0xFF):
        if lead in _NO_CP1252:
            continue
        # Every lead and trail here makes one GB18030 character: a row decodes in one call.
        row = bytes(b for trail in trails for b in (lead, trail)).decode("gb18030")
        first = cp1252[lead]
        for trail, char in zip(trails, row, strict=True):
            if plain[lead] and plain[trail]:
                chars.add(char)
                continue
            # A letter then a closing mark is ``é’`` in ``café’s``. A frequent character is one
            # only as a letter and an ASCII byte (``韋`` for ``íf``): the repair asks for more.
            if (trail < 0x80 or (first.isalpha() and cp1252[trail] in "’”")) and (
                not _is_common(char) or (first.isalpha() and trail < 0x80)
            ):
                chars.add(char)
    return frozenset(chars)


def _cp1252_repair(text: str, start: int, end: int, before: str) -> _Repair | None:
    """The repair of ``text[start:end]`` as Windows-1252 read as GB18030, or ``None``;
    ``before`` is the text before it with the runs before it repaired."""
    run = text[start:end]
    prev, nxt = text[start - 1 : start], text[end : end + 1]
    if not (prev == "" or prev.isascii()) or not (nxt == "" or nxt.isascii()):
        return None  # a run that touches other non-ASCII text is Chinese, not English
    marks = _SMART | _CP1252_SYMBOLS
    after = text[end : end + 40]
    pieces: list[tuple[int, int, str]] = []
    fixed = ""
    guessed = False
    for k, char in enumerate(run):
        if char == "\ufffd":
            mark = _guess_mark(_CP1252_GUESSES, before + fixed, run[k + 1 :] + after, closing_needs_open=True)
            if mark is None:
                if not pieces or k + 1 < len(run):
                    return None
                # A lost byte no mark fits, at the end of a run whose characters were repaired (an
                # accented letter's second byte: ``x韋�`` for ``xífú``): left as it is.
                fixed += char
                continue
            piece = mark
            guessed = True
        else:
            try:
                data = char.encode("gb18030")
            except UnicodeEncodeError:
                return None
            if len(data) != 2 or data[0] in _NO_CP1252 or data[1] in _NO_CP1252:
                return None
            piece = data.decode("cp1252")
            if not all(c.isascii() or c in _SMART or c in _CP1252_SYMBOLS or c.isalpha() for c in piece):
                return None
            # English has one non-ASCII character now and then, and the next byte is ASCII; a
            # common Chinese character (GB2312: both bytes 0xA1 and up) would read as two in a
            # row, which only marks and symbols do (``”—``, two no-break spaces).
            if data[1] >= 0x80 and (_is_common(char) or not (all(c in marks for c in piece) or piece[1] in "’”")):
                return None
        pieces.append((k, k + 1, piece))
        fixed += piece
    lost_end = fixed.endswith("\ufffd")
    core, fixed = run.rstrip("\ufffd"), fixed.rstrip("\ufffd")
    touches_word = any(c.isascii() and c.isalnum() for c in prev + nxt)
    marks_only = all(c.isascii() or c in _SMART or c in _CP1252_SYMBOLS for c in fixed)
    if not (touches_word or marks_only):
        return None  # ``歲`` alone between spaces (``šq``) is a Chinese word, not a Latin one
    # A letter, the character, a lost byte (``x韋�``): an accented letter and the byte after it,
    # which no Chinese text holds, even with a frequent character.
    accent_lost = lost_end and len(core) == 1 and prev.isascii() and prev.isalpha()
    if any(_is_common(c) for c in core) and not (marks_only and touches_word) and not accent_lost:
        return None  # ``Apple與Google`` is traditional Chinese: 與 is a frequent character
    glued = before[-1:] + fixed + after[:1]
    lost_apostrophe = run == "\ufffd" and fixed == "’" and prev.isalpha() and _CONTRACTION.match(after) is not None
    # A letter with an accent inside a Latin word (``Br鋘dstr鰉``, Brändström): Chinese text
    # never glues one uncommon character between two Latin letters.
    in_word = len(core) == 1 and prev.isalpha() and fixed[:1].isalpha() and not fixed.isascii() and fixed[1:].isalpha()
    # A no-break space or a symbol glued to an ASCII character (``December.燣IU``, ``time.牋``).
    glued_symbol = (
        len(run) == 1
        and not _is_common(run)
        and not fixed.isascii()
        and all(c in _CP1252_SYMBOLS for c in fixed if not c.isascii())
        and any(c.isascii() and not c.isspace() for c in prev + nxt)
    )
    in_word = in_word or glued_symbol
    strong = not guessed and (
        (touches_word and any(c in _SMART for c in fixed) and _GLUED.search(glued) is not None) or in_word
    )
    strong = strong or lost_apostrophe
    starts = list(range(len(run) + 1))
    return _Repair(_changes(start, starts, pieces, "cp1252_mojibake"), strong, len(fixed))


def find_cp1252_mojibake(text: str) -> list[Change]:
    """Windows-1252 English read as GB18030 (or Big5, whose ``�`` is all that is left), repaired.

    >>> "".join(c.after for c in find_cp1252_mojibake("the nation抯 揵est� plan"))
    '’s“b”'
    >>> find_cp1252_mojibake("这抯中文")
    []
    """
    repairs = []
    if text.isascii():
        return []
    done: list[Change] = []
    for m in _cp1252_runs().finditer(text):  # runs holding only characters Windows-1252 can give
        start, end = m.span()
        repair = _cp1252_repair(text, start, end, _repaired_before(text, start, done))
        if repair is not None:
            repairs.append(repair)
            done.extend(repair.changes)
    return _kept(repairs)


CONTEXT = 200
"""Characters before a run that a lost mark is inferred from (an open quotation on its line)."""


def _repaired_before(text: str, start: int, changes: Sequence[Change]) -> str:
    """The :data:`CONTEXT` characters before ``start``, with ``changes`` (sorted) made."""
    window = max(0, start - CONTEXT)
    parts: list[str] = []
    pos = window
    for change in changes:
        if change.start < window:
            continue
        parts.append(text[pos : change.start])
        parts.append(change.after)
        pos = change.end
    parts.append(text[pos:start])
    return "".join(parts)
