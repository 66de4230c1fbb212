"""bytes -> str: the first thing that happens to a page given as bytes.

In: the page's bytes and, optionally, a name for messages. Out: the decoded text.

Order: a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); then known binary
formats and NUL bytes are refused; then strict UTF-8 (where stray control characters, up to
:data:`MAX_STRAY_CONTROL_SHARE`, are left for normalization to remove); then detection by
``charset-normalizer`` (the library ``requests`` uses), loaded only when UTF-8 fails, whose
reading competes on plausibility with the GB18030, Big5 and Windows-1252 ones when the page gives
it little to go on (an English page whose only non-ASCII characters are a few symbols).
GB2312 and GBK are read as GB18030, their superset, so that no character is lost.
Anything left is refused with an :class:`~bilingual_news.errors.InputError`: we never
decode with ``errors="replace"``, which would lose text silently.
"""

from __future__ import annotations

import codecs
import collections
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType

from bilingual_news.errors import InputError

__all__ = ["decode", "decode_html", "read_bytes"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its LE mark starts with UTF-16 LE's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"%PDF-", "a PDF document"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
)

_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "xgbk": "gb18030",
    "gb231280": "gb18030",
    "big5hkscs": "big5hkscs",
}
"""Detected encodings widened to the superset that decodes every page they can."""

_CANDIDATES = ("gb18030", "big5", "utf_16", "cp1252", "latin_1", "shift_jis", "euc_kr")
"""The encodings detection chooses among: the pages this library reads are Chinese, English or
both; a free choice among every code page calls short GBK text Polish or Baltic (cp1250, cp775)."""

_MULTIBYTE = frozenset({"gb18030", "big5", "big5hkscs", "utf_16", "utf-16", "shift_jis", "euc_kr"})

MIN_PLAUSIBLE_SHARE = 0.5
"""How plausible (see :func:`_plausibility`) a reading of bytes the detector could not place
must be to be taken anyway: a mostly-English page with a few GBK characters or symbols, too
few for statistics. Random bytes seldom decode at all in GB18030, Big5 or Windows-1252, and
those that do read as rare characters and stray symbols."""

MIN_PLAUSIBILITY_GAIN = 0.25
"""How much more plausible another encoding's reading must be than the detector's to replace it.
A few symbols are all a mostly-English page has outside ASCII, too few for statistics: ``“`` in
Big5 reads as ``¨`` in GB18030, ``“`` in GB18030 as ``※`` in Big5, a GBK character as two
Latin-1 letters; the reading made of characters such pages use wins by a wide margin, while
on real Chinese pages the detector's reading is the plausible one and nothing changes."""

CLEAR_SAMPLE_CHARS = 20_000
"""Characters at a page's start looked at to tell that the detector's reading is Chinese text."""

CLEAR_MIN_HAN = 200
"""Common Chinese characters in that sample for the detector's reading to stand unchallenged:
too many for a misreading of symbols or Latin text to produce."""

CLEAR_MIN_PLAUSIBILITY = 0.9
"""Plausibility of that sample for the detector's reading to stand unchallenged: a Big5 page
read as GB18030 (or the other way round) lands far lower, about a third in the other's common
set."""

_WESTERN_MARKS = frozenset("“”‘’—–…·•°×©®™€£¥")
"""Punctuation and symbols an English page uses, with or without Chinese around them."""

_SYMBOLS = frozenset("■□▪▲△▼▽●○◆◇★☆→←↑↓§±÷")
"""Bullets and signs a page may use, but seldom: half as telling as :data:`_WESTERN_MARKS`.
GB2312 and Big5 keep their symbols in the same rows, so a symbol in one reads as a symbol or a
bracket in the other; the weights rank the readings by how often a page has each."""

SYMBOL_WEIGHT = 0.5
"""The weight of a character of :data:`_SYMBOLS` against 1 for a common mark or letter."""

CJK_MARK_ALONE_WEIGHT = 0.25
"""The weight of Chinese punctuation on a reading without a common Chinese character: an
English page seldom has ``，``, and Big5's bullets read in GB18030 as Chinese brackets."""

LONE_HAN_WEIGHT = 0.5
"""The weight of a Chinese character with ASCII on both sides: Chinese text runs on, while a
symbol of one encoding read in the other is often a lone character (``–`` in GBK is ``每`` in
Big5)."""

LONE_HAN_SCAN = 50
"""Chinese characters a reading may have for lone ones to be looked for: on a page with more,
a few lone ones cannot change which reading wins."""

_CJK_MARKS = frozenset("、。，：；！？（）《》〈〉「」『』【】〖〗〔〕￥％＋－＝～／＂＇　℃")
"""Chinese punctuation: expected beside Chinese characters, a quarter as telling without them."""

_BIG5_COMMON = (0xA440, 0xC67E)
"""Big5's first level, its 5,401 frequent characters: a reading that lands mostly outside it is
not Big5 text."""

MAX_CONTROL_SHARE = 0.05
"""Share of C0 control bytes (other than tab, newline, carriage return, form feed) above
which input is called binary: real scraped text has almost none."""

MAX_STRAY_CONTROL_SHARE = 0.25
"""Share of control characters up to which valid UTF-8 is still text with stray controls (a
broken conversion salts a page with BEL, BS and ACK, about one character in twenty): the
``control_chars`` normalization rule removes them, with a warning. Above it, or when what is
left is not text (:data:`MIN_TEXT_SHARE`), it is binary."""

MIN_TEXT_SHARE = 0.9
"""Share of the characters other than controls that must be letters, digits, marks,
punctuation or spaces for UTF-8 with stray controls to be taken as text."""


def decode(data: bytes, *, source: str | None = None) -> str:
    """Decode a page's bytes to text, or raise :class:`InputError` saying why not.

    >>> decode("中文".encode("gb18030"))
    '中文'
    >>> decode(b"\\xef\\xbb\\xbfhello")
    'hello'
    """
    return _decode(data, source, None)


def _decode(data: bytes, source: str | None, utf8_text: str | None) -> str:
    """:func:`decode`; ``utf8_text``: ``data`` read as UTF-8 already (by :func:`decode_html`),
    or None, so that a page is not decoded twice."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"expected {encoding} text after its byte-order mark, "
                    f"but byte {exc.start + len(bom)} is not valid {encoding}",
                    source=source,
                ) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"expected a text or HTML page, got {what}", source=source)
    if b"\x00" in data:
        raise InputError(
            "expected a text or HTML page, got binary data (NUL bytes and no UTF-16 byte-order mark)",
            source=source,
        )
    if utf8_text is not None:
        text, utf8 = utf8_text, True
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(data, source)
            utf8 = False
        else:
            utf8 = True
    share = _control_share(text)
    # Stray controls are weighed (a pass over every character) only when they are too many for
    # plain text: most pages hold none.
    if share > MAX_CONTROL_SHARE and not (
        utf8 and share <= MAX_STRAY_CONTROL_SHARE and _text_apart_from_controls(text)
    ):
        raise InputError("expected a text or HTML page, got binary data (too many control characters)", source=source)
    return text


_DECLARED = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
"""``<meta charset="...">`` and ``<meta http-equiv="Content-Type" content="text/html; charset=...">``."""

DECLARED_SCAN = 4096
"""Bytes at the start of an HTML page looked at for its declared charset (browsers look at 1,024;
scraped pages put comments and scripts first more often)."""


def decode_html(data: bytes, *, source: str | None = None) -> str:
    """Decode an HTML page's bytes: byte-order mark, then strict UTF-8, then the charset the
    page declares (``<meta charset>``, ``http-equiv``; GB2312/GBK read as GB18030), then
    detection as :func:`decode` does it.

    Valid UTF-8 wins over a declared charset because scrapers save pages as UTF-8 and keep
    their ``<meta charset=gb2312>``; bytes in a real GBK page almost never form valid UTF-8.

    >>> decode_html('<meta charset="gb2312"><p>中文</p>'.encode("gb18030"))
    '<meta charset="gb2312"><p>中文</p>'
    """
    utf8_text: str | None = None
    if not data.startswith(tuple(bom for bom, _ in _BOMS)) and b"\x00" not in data:
        try:
            utf8_text = data.decode("utf-8")
        except UnicodeDecodeError:
            m = _DECLARED.search(data, 0, DECLARED_SCAN)
            if m is not None:
                name = m.group(1).decode("ascii").lower()
                encoding = _ALIASES.get(name.replace("_", "").replace("-", ""), name)
                if encoding.replace("_", "-").startswith(("utf-16", "utf-32", "utf16", "utf32")):
                    encoding = "utf-8"  # a page read far enough to see its <meta> is not UTF-16 (as browsers do)
                try:
                    text = data.decode(encoding)
                except (LookupError, UnicodeDecodeError):
                    pass  # an unknown name, or a page that is not what it says: detection decides
                else:
                    if _control_share(text) <= MAX_CONTROL_SHARE:
                        return text
    return _decode(data, source, utf8_text)


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
"""A control character other than the blanks a text holds (tab, newline, carriage return, form
feed): the characters below a space but those four."""


def _control_share(text: str) -> float:
    """Share of control characters (:data:`_CONTROL`) in the text's first 65,536 characters: one
    :mod:`re` scan, and none counted on the common page that holds none."""
    if not text:
        return 0.0
    sample = text[:65536]
    if _CONTROL.search(sample) is None:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def _text_apart_from_controls(text: str) -> bool:
    """Whether ``text`` without its control characters reads as text (see :data:`MIN_TEXT_SHARE`)."""
    sample = [ch for ch in text[:65536] if ch >= " " or ch in "\t\n\r\f"]
    if not sample:
        return False
    good = sum(1 for ch in sample if unicodedata.category(ch)[0] in "LNMPZ" or ch in " \t\n\r\f")
    return good >= MIN_TEXT_SHARE * len(sample)


def _charset_normalizer() -> ModuleType:
    """charset-normalizer, imported on first use: only pages that are not UTF-8 pay for it."""
    import charset_normalizer

    return charset_normalizer


def _detect(data: bytes, source: str | None) -> str:
    best = _charset_normalizer().from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
    encoding = _ALIASES.get(best.encoding.lower().replace("_", ""), best.encoding) if best else None
    text = _most_plausible(data, encoding)
    if text is not None:
        return text
    if encoding is None:
        raise InputError(
            "expected text in UTF-8, GB18030/GBK, Big5 or UTF-16, but the bytes decode as none of them (binary data?)",
            source=source,
        )
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"the bytes look like {encoding}, but byte {exc.start} is not valid {encoding}", source=source
        ) from None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _most_plausible(data: bytes, detected: str | None) -> str | None:
    """The most plausible reading of ``data`` (see :func:`_plausibility`) among the detector's
    and GB18030, Big5 and Windows-1252, or ``None`` when no reading will do.

    The detector's reading stands when it has Chinese characters to go on, unless another is
    more plausible by :data:`MIN_PLAUSIBILITY_GAIN`. Without them its guess rests on a few
    symbols, and the most plausible reading wins (GB18030 first on a tie: mainland pages are
    the common case). Bytes the detector gave up on are read only when a reading is plausible
    by :data:`MIN_PLAUSIBLE_SHARE`."""
    if detected is not None:
        text = _strict(data, detected)
        if text is not None and _clearly_chinese(text, detected):
            return text
    readings: dict[str, str] = {}
    for encoding in dict.fromkeys(e for e in (detected, "gb18030", "big5", "cp1252") if e is not None):
        text = _strict(data, encoding)
        if text is not None:
            readings[encoding] = text
    if not readings:
        return None
    scores = {encoding: _plausibility(text, encoding) for encoding, text in readings.items()}
    ranked = sorted(readings, key=lambda e: (scores[e], e == "gb18030", e == "big5"), reverse=True)
    best = ranked[0]
    if detected is None:
        return readings[best] if scores[best] >= MIN_PLAUSIBLE_SHARE else None
    if detected in readings and _common_han_count(readings[detected], detected):
        return readings[best] if scores[best] >= scores[detected] + MIN_PLAUSIBILITY_GAIN else readings[detected]
    return readings[best]


def _clearly_chinese(text: str, encoding: str) -> bool:
    """Whether the start of ``text`` is Chinese text in ``encoding`` beyond doubt: many common
    Chinese characters, and a reading almost wholly plausible. Such a page (most non-UTF-8
    pages) keeps the detector's reading without the others being tried."""
    sample = text[:CLEAR_SAMPLE_CHARS]
    return (
        _common_han_count(sample, encoding) >= CLEAR_MIN_HAN
        and _plausibility(sample, encoding) >= CLEAR_MIN_PLAUSIBILITY
    )


def _plausibility(text: str, encoding: str) -> float:
    """Share of ``text``'s non-ASCII characters that a page in ``encoding`` is expected to have:
    common punctuation and symbols; Chinese characters from the encoding's common set (GB2312
    for GB18030, Big5's first level); Latin letters, and for a single-byte code page only one at
    a time (``café``), since runs of them (``ÖÐÎÄ``) are Chinese bytes read one by one.

    >>> _plausibility("He said “hi”", "big5"), _plausibility("He said ¨hi〃", "gb18030")
    (1.0, 0.0)
    """
    counts = collections.Counter(text)
    wide = {ch: n for ch, n in counts.items() if ch > "\x7f"}
    total = sum(wide.values())
    if not total:
        return 1.0
    if encoding not in _MULTIBYTE:
        return sum(_run_weight(m.group()) for m in _NON_ASCII_RUN.finditer(text)) / total
    han = _common_han_count(wide, encoding)
    cjk_weight = 1.0 if han else CJK_MARK_ALONE_WEIGHT
    lone = sum(1 for ch in _LONE_NON_ASCII.findall(text) if _common_han(ch, encoding)) if han < LONE_HAN_SCAN else 0
    good = han - lone * (1 - LONE_HAN_WEIGHT)
    for ch, n in wide.items():
        if ch in _WESTERN_MARKS:
            good += n
        elif ch in _SYMBOLS:
            good += n * SYMBOL_WEIGHT
        elif ch in _CJK_MARKS:
            good += n * cjk_weight
        elif ch.isalpha() and "LATIN" in unicodedata.name(ch, ""):
            good += n
    return good / total


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_LONE_NON_ASCII = re.compile(r"(?<![^\x00-\x7f])[^\x00-\x7f](?![^\x00-\x7f])")


def _run_weight(run: str) -> float:
    """How expected a run of non-ASCII characters is in a single-byte code page: a Latin letter
    alone (``café``), or marks and symbols (``—“``); anything else, such as ``ÖÐÎÄ`` or ``£¬``
    (Chinese bytes read one by one), not at all."""
    if len(run) == 1 and run.isalpha() and "LATIN" in unicodedata.name(run, ""):
        return 1.0
    weight = 0.0
    for ch in run:
        if ch in _WESTERN_MARKS:
            weight += 1.0
        elif ch in _SYMBOLS:
            weight += SYMBOL_WEIGHT
        else:
            return 0.0
    return weight


def _common_han_count(chars: Iterable[str] | Mapping[str, int], encoding: str) -> int:
    """How many of ``chars`` (a text, or characters with their counts) are Chinese characters of
    ``encoding``'s common set."""
    counts = chars if isinstance(chars, Mapping) else collections.Counter(chars)
    return sum(n for ch, n in counts.items() if _common_han(ch, encoding))


def _common_han(ch: str, encoding: str) -> bool:
    """Whether ``ch`` is a Chinese character in the common set of ``encoding``'s pages."""
    if not "\u3400" <= ch <= "\u9fff":
        return False
    if encoding == "gb18030":
        return _encodes(ch, "gb2312")
    if encoding.startswith("big5"):
        try:
            code = int.from_bytes(ch.encode("big5"), "big")
        except UnicodeEncodeError:
            return False
        return _BIG5_COMMON[0] <= code <= _BIG5_COMMON[1]
    return True


def _encodes(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """A file's bytes, or an :class:`InputError` naming the file and what went wrong."""
    name = os.fspath(path)
    try:
        return Path(name).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=name) from None
    except IsADirectoryError:
        raise InputError("expected a file, got a directory", source=name) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", source=name) from None
