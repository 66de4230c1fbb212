"""Script counts: how much of a text is Han, words of spaced alphabets, digits or other.

Words are those of the alphabets written with a space between words (:data:`SPACED_SCRIPTS`):
Latin, and Cyrillic, Greek, Hangul, Arabic, Devanagari and the like, whose words the quality and
size rules count as they count English words; not the kana of Japanese, nor Thai, Lao, Khmer,
Burmese or Tibetan, which write a sentence without spaces (their letters are class ``O``).

In: a string. Out: :class:`ScriptCounts`, and the text's *class string* (:func:`classes`): the
text with every character replaced by one ASCII letter that names its class, so that counting
the Han characters of a unit is one :meth:`str.count` instead of a regular-expression scan.

The classes are those of ``regex``'s Unicode properties (``\\p{Han}``, ``\\p{Latin}`` and the
letters of :data:`SPACED_SCRIPTS`, ``\\p{Nd}``, ``\\p{M}``, ``\\s``), which the stages used
before the counts moved here; they are kept below as code point ranges
(``tests/test_performance_helpers.py`` checks them against the installed ``regex``: when
``regex`` moves to a newer Unicode, regenerate them with :func:`_ranges`). The table of all
1,114,112 code points is a 1.1 MB string, built on first use in about 5 ms (2 of them deciding
the case of the 18,000 letters of words).
"""

from __future__ import annotations

import codecs
import functools
import importlib
import re
from itertools import repeat
from typing import TYPE_CHECKING, NamedTuple, cast

import regex

from bilingual_news._lazy import LazyPattern

if TYPE_CHECKING:
    from _codecs import _EncodingMap
    from collections.abc import Callable

__all__ = [
    "DECIMAL_DIGIT",
    "HAN",
    "SPACED_SCRIPTS",
    "WHITE_SPACE",
    "WORD",
    "WORD_LETTER",
    "ScriptCounts",
    "char_class",
    "class_strings",
    "class_table",
    "classes",
    "count_scripts",
    "count_scripts_each",
    "han_class",
    "han_gaps",
    "han_runs",
]

HAN = regex.compile(r"\p{Han}")
"""One Han character."""
SPACED_SCRIPTS = (
    "Arabic",
    "Armenian",
    "Bengali",
    "Canadian_Aboriginal",
    "Cherokee",
    "Cyrillic",
    "Devanagari",
    "Ethiopic",
    "Georgian",
    "Greek",
    "Gujarati",
    "Gurmukhi",
    "Hangul",
    "Hebrew",
    "Kannada",
    "Malayalam",
    "Mongolian",
    "Oriya",
    "Sinhala",
    "Syriac",
    "Tamil",
    "Telugu",
    "Thaana",
    "Tifinagh",
)
"""The scripts besides Latin that put a space between words (Unicode script names, as
``regex`` spells them): a run of their letters is a word, as a run of Latin letters is. Not
here: Han (counted apart), Hiragana and Katakana, Thai, Lao, Khmer, Myanmar, Tibetan and the
scripts of Java and Bali, which write a sentence without spaces between its words."""
_SPACED_LETTER = r"[\p{L}&&[" + "".join(rf"\p{{{name}}}" for name in SPACED_SCRIPTS) + "]]"
WORD_LETTER = rf"(?V1)[\p{{Latin}}{_SPACED_LETTER}]"
"""One letter of a word, as a ``regex`` pattern: ``\\p{Latin}``, and the letters (``\\p{L}``) of
:data:`SPACED_SCRIPTS` (their marks are marks, their digits digits, as in Latin)."""
WORD = LazyPattern(rf"(?V1)[\p{{Latin}}{_SPACED_LETTER}][\p{{Latin}}{_SPACED_LETTER}\p{{M}}'’-]*")
"""One word of a spaced alphabet (apostrophes, hyphens and combining marks inside it): what
:attr:`ScriptCounts.latin_words` counts (compiled on first use: only the tests read text with it)."""
_HAN_RUN = regex.compile(r"\p{Han}+")

# ------------------------------------------------------------------ the classes
HAN_CLASS = "H"
"""A Han character (``\\p{Han}``)."""
HAN_MARK_CLASS = "h"
"""A Han character that is also a combining mark (U+16FF0, U+16FF1): Han, and inside a word."""
UPPER_CLASS = "U"
"""A letter of a word (:data:`WORD_LETTER`) that :meth:`str.isupper` calls upper case (Latin,
Cyrillic, Greek, Armenian, Georgian and Cherokee have capitals)."""
LOWER_CLASS = "L"
"""Any other letter of a word (:data:`WORD_LETTER`): Latin, Cyrillic, Hangul, Arabic..."""
DIGIT_CLASS = "D"
"""A decimal digit of any script (``\\p{Nd}``)."""
MARK_CLASS = "M"
"""A combining mark (``\\p{M}``) that is not Han."""
JOINER_CLASS = "A"
"""An apostrophe (``'``, ``’``) or a hyphen: inside a word, they do not end it."""
SPACE_CLASS = "S"
"""White space (``regex``'s ``\\s``; all of it is also :meth:`str.isspace`)."""
PY_SPACE_CLASS = "W"
"""White space to :meth:`str.isspace` only (U+001C-U+001F): it splits words, but is no ``\\s``."""
OTHER_CLASS = "O"
"""Everything else: punctuation, symbols, the scripts not spaced into words (kana, Thai...)."""

# Generated from regex 2026.11.19 (Unicode 17) by _ranges(); hexadecimal, inclusive.
_HAN_RANGES = (
    "2e80-2e99 2e9b-2ef3 2f00-2fd5 3005 3007 3021-3029 3038-303b 3400-4dbf 4e00-9fff f900-fa6d fa70-fad9 "
    "16fe2-16fe3 16ff0-16ff6 20000-2a6df 2a700-2b81e 2b820-2cead 2ceb0-2ebe0 2ebf0-2ee5d 2f800-2fa1d "
    "30000-3134a 31350-33479 "
)
_LATIN_RANGES = (
    "41-5a 61-7a aa ba c0-d6 d8-f6 f8-2b8 2e0-2e4 1d00-1d25 1d2c-1d5c 1d62-1d65 1d6b-1d77 1d79-1dbe "
    "1e00-1eff 2071 207f 2090-209f 212a-212b 2132 214e 2160-2188 2c60-2c7f a722-a787 a78b-a7dd a7e2 "
    "a7f1-a7ff ab30-ab5a ab5c-ab64 ab66-ab69 ab6c-ab6d fb00-fb06 ff21-ff3a ff41-ff5a 10780-10785 "
    "10787-107b0 107b2-107bf 1df00-1df81 1df90-1df96 1dfcd-1dff2 1dff5-1dfff "
)
# The letters of SPACED_SCRIPTS, from the same regex by _ranges("(?V1)" + _SPACED_LETTER).
_SPACED_RANGES = (
    "370-373 376-377 37a-37d 37f 386 388-38a 38c 38e-3a1 3a3-3e1 3f0-3f5 3f7-481 48a-52f 531-556 558-559 "
    "560-588 58b-58c 5d0-5ea 5ef-5f2 620-63f 641-64a 66e-66f 671-6d3 6d5 6e5-6e6 6ee-6ef 6fa-6fc 6ff 710 "
    "712-72f 74d-7a5 7b1 860-86a 870-887 889-88f 8a0-8c9 904-939 93d 950 958-961 971-980 985-98c 98f-990 "
    "993-9a8 9aa-9b0 9b2 9b6-9b9 9bd 9ce 9dc-9dd 9df-9e1 9f0-9f1 9fc a05-a0a a0f-a10 a13-a28 a2a-a30 "
    "a32-a33 a35-a36 a38-a39 a59-a5c a5e a72-a74 a85-a8d a8f-a91 a93-aa8 aaa-ab0 ab2-ab3 ab5-ab9 abd ad0 "
    "ae0-ae1 af9 b05-b0c b0f-b10 b13-b28 b2a-b30 b32-b33 b35-b39 b3d b5c-b5d b5f-b61 b71 b83 b85-b8a "
    "b8e-b90 b92-b95 b99-b9a b9c b9e-b9f ba3-ba4 ba8-baa bae-bb9 bd0 c05-c0c c0e-c10 c12-c28 c2a-c39 c3d "
    "c58-c5a c5c-c5d c60-c61 c80 c85-c8c c8e-c90 c92-ca8 caa-cb3 cb5-cb9 cbd cdc-cde ce0-ce1 cf1-cf2 "
    "d04-d0c d0e-d10 d12-d3a d3d d4e d54-d56 d5f-d61 d7a-d7f d85-d96 d9a-db1 db3-dbb dbd dc0-dc6 "
    "10a0-10c5 10c7 10cd 10d0-10fa 10fc-1248 124a-124d 1250-1256 1258 125a-125d 1260-1288 128a-128d "
    "1290-12b0 12b2-12b5 12b8-12be 12c0 12c2-12c5 12c8-12d6 12d8-1310 1312-1315 1318-135a 1380-138f "
    "13a0-13f5 13f8-13fd 1401-166c 166f-167f 1820-1878 1880-1884 1887-18a8 18aa 18b0-18f5 1c80-1c8a "
    "1c90-1cba 1cbd-1cbf 1d26-1d2b 1d5d-1d61 1d66-1d6a 1d78 1dbf 1f00-1f15 1f18-1f1d 1f20-1f45 1f48-1f4d "
    "1f50-1f57 1f59 1f5b 1f5d 1f5f-1f7d 1f80-1fb4 1fb6-1fbc 1fbe 1fc2-1fc4 1fc6-1fcc 1fd0-1fd3 1fd6-1fdb "
    "1fe0-1fec 1ff2-1ff4 1ff6-1ffc 2126 2d00-2d25 2d27 2d2d 2d30-2d67 2d6f 2d80-2d96 2da0-2da6 2da8-2dae "
    "2db0-2db6 2db8-2dbe 2dc0-2dc6 2dc8-2dce 2dd0-2dd6 2dd8-2dde 3131-318e a640-a66e a67f-a69d a8f2-a8f7 "
    "a8fb a8fd-a8fe a960-a97c ab01-ab06 ab09-ab0e ab11-ab16 ab20-ab26 ab28-ab2e ab65 ab70-abbf ac00-d7a3 "
    "d7b0-d7c6 d7cb-d7fb fb13-fb17 fb1d fb1f-fb28 fb2a-fb36 fb38-fb3c fb3e fb40-fb41 fb43-fb44 fb46-fbb1 "
    "fbd3-fd3d fd50-fd8f fd92-fdc7 fdf0-fdfb fe70-fe74 fe76-fefc ffa0-ffbe ffc2-ffc7 ffca-ffcf ffd2-ffd7 "
    "ffda-ffdc 10ec2-10ec7 10ed9-10eee 11ab0-11abf 11b0a 11df1 1dff3-1dff4 1e030-1e06d 1e7e0-1e7e6 "
    "1e7e8-1e7eb 1e7ed-1e7ee 1e7f0-1e7fe 1ee00-1ee03 1ee05-1ee1f 1ee21-1ee22 1ee24 1ee27 1ee29-1ee32 "
    "1ee34-1ee37 1ee39 1ee3b 1ee42 1ee47 1ee49 1ee4b 1ee4d-1ee4f 1ee51-1ee52 1ee54 1ee57 1ee59 1ee5b "
    "1ee5d 1ee5f 1ee61-1ee62 1ee64 1ee67-1ee6a 1ee6c-1ee72 1ee74-1ee77 1ee79-1ee7c 1ee7e 1ee80-1ee89 "
    "1ee8b-1ee9b 1eea1-1eea3 1eea5-1eea9 1eeab-1eebb "
)
_DIGIT_RANGES = (
    "30-39 660-669 6f0-6f9 7c0-7c9 966-96f 9e6-9ef a66-a6f ae6-aef b66-b6f be6-bef c66-c6f ce6-cef "
    "d66-d6f de6-def e50-e59 ed0-ed9 f20-f29 1040-1049 1090-1099 17e0-17e9 1810-1819 1946-194f 19d0-19d9 "
    "1a80-1a89 1a90-1a99 1b50-1b59 1bb0-1bb9 1c40-1c49 1c50-1c59 a620-a629 a8d0-a8d9 a900-a909 a9d0-a9d9 "
    "a9f0-a9f9 aa50-aa59 abf0-abf9 ff10-ff19 104a0-104a9 10d30-10d39 10d40-10d49 11066-1106f 110f0-110f9 "
    "11136-1113f 111d0-111d9 112f0-112f9 11450-11459 114d0-114d9 11650-11659 116c0-116c9 116d0-116e3 "
    "11730-11739 118e0-118e9 11950-11959 11bf0-11bf9 11c50-11c59 11d50-11d59 11da0-11da9 11de0-11de9 "
    "11f50-11f59 16130-16139 16a60-16a69 16ac0-16ac9 16b50-16b59 16d70-16d79 1ccf0-1ccf9 1d7ce-1d7ff "
    "1e140-1e149 1e2f0-1e2f9 1e4f0-1e4f9 1e5f1-1e5fa 1e950-1e959 1fbf0-1fbf9 "
)
_MARK_RANGES = (
    "300-36f 483-489 591-5bd 5bf 5c1-5c2 5c4-5c5 5c7-5c9 610-61a 64b-65f 670 6d6-6dc 6df-6e4 6e7-6e8 "
    "6ea-6ed 711 730-74a 7a6-7b0 7eb-7f3 7fd 816-819 81b-823 825-827 829-82d 859-85b 897-89f 8ca-8e1 "
    "8e3-903 93a-93c 93e-94f 951-957 962-963 981-983 9bc 9be-9c4 9c7-9c8 9cb-9cd 9d7 9e2-9e3 9fe a01-a03 "
    "a3c a3e-a42 a47-a48 a4b-a4d a51 a70-a71 a75 a81-a83 abc abe-ac5 ac7-ac9 acb-acd ae2-ae3 afa-aff "
    "b01-b03 b3c b3e-b44 b47-b48 b4b-b4d b53-b57 b62-b63 b82 bbe-bc2 bc6-bc8 bca-bcd bd7 c00-c04 c3c "
    "c3e-c44 c46-c48 c4a-c4d c55-c56 c62-c63 c81-c83 cbc cbe-cc4 cc6-cc8 cca-ccd cd5-cd6 ce2-ce3 cf3 "
    "d00-d03 d3b-d3c d3e-d44 d46-d48 d4a-d4d d57 d62-d63 d81-d83 dca dcf-dd4 dd6 dd8-ddf df2-df3 e31 "
    "e34-e3a e47-e4e eb1 eb4-ebc ec8-ece f18-f19 f35 f37 f39 f3e-f3f f71-f84 f86-f87 f8d-f97 f99-fbc fc6 "
    "102b-103e 1056-1059 105e-1060 1062-1064 1067-106d 1071-1074 1082-108d 108f 109a-109d 135d-135f "
    "1712-1715 1732-1734 1752-1753 1772-1773 17b4-17d3 17dd 180b-180d 180f 1885-1886 18a9 1920-192b "
    "1930-193b 1a17-1a1b 1a55-1a5e 1a60-1a7c 1a7f 1ab0-1af0 1b00-1b04 1b34-1b44 1b6b-1b73 1b80-1b82 "
    "1ba1-1bad 1be6-1bf3 1c24-1c37 1cd0-1cd2 1cd4-1ce8 1ced 1cf4 1cf7-1cf9 1dc0-1dff 20d0-20f0 2cef-2cf1 "
    "2d7f 2de0-2dff 302a-302f 3099-309a a66f-a672 a674-a67d a69e-a69f a6f0-a6f1 a802 a806 a80b a823-a827 "
    "a82c a880-a881 a8b4-a8c5 a8e0-a8f1 a8ff a926-a92d a947-a953 a980-a983 a9b3-a9c0 a9e5 aa29-aa36 aa43 "
    "aa4c-aa4d aa7b-aa7d aab0 aab2-aab4 aab7-aab8 aabe-aabf aac1 aaeb-aaef aaf5-aaf6 abe3-abea abec-abed "
    "fb1e fe00-fe0f fe20-fe2f 101fd 102e0 10376-1037a 10a01-10a03 10a05-10a06 10a0c-10a0f 10a38-10a3a "
    "10a3f 10ae5-10ae6 10d24-10d27 10d69-10d6d 10eab-10eac 10ecb-10ecf 10ef0-10eff 10f46-10f50 "
    "10f82-10f85 11000-11002 11038-11046 11070 11073-11074 1107f-11082 110b0-110ba 110c2 11100-11102 "
    "11127-11134 11145-11146 11173 11180-11182 111b3-111c0 111c9-111cc 111ce-111cf 1122c-11237 1123e "
    "11241 112df-112ea 11300-11303 1133b-1133c 1133e-11344 11347-11348 1134b-1134d 11357 11362-11363 "
    "11366-1136c 11370-11374 113b8-113c0 113c2 113c5 113c7-113ca 113cc-113d0 113d2 113e1-113e2 "
    "11435-11446 1145e 114b0-114c3 115af-115b5 115b8-115c0 115dc-115dd 11630-11640 116ab-116b7 "
    "1171d-1172b 1182c-1183a 11930-11935 11937-11938 1193b-1193e 11940 11942-11943 119d1-119d7 "
    "119da-119e0 119e4 11a01-11a0a 11a33-11a39 11a3b-11a3e 11a47 11a51-11a5b 11a8a-11a99 11b60-11b67 "
    "11c2f-11c36 11c38-11c3f 11c92-11ca7 11ca9-11cb6 11d31-11d36 11d3a 11d3c-11d3d 11d3f-11d45 11d47 "
    "11d8a-11d8e 11d90-11d91 11d93-11d97 11df0 11ef3-11ef6 11f00-11f01 11f03 11f34-11f3a 11f3e-11f42 "
    "11f5a 13440 13447-13455 1611e-1612f 16af0-16af4 16b30-16b36 16f4f 16f51-16f87 16f8f-16f92 16fe4 "
    "16ff0-16ff1 1bc9d-1bc9e 1cf00-1cf2d 1cf30-1cf46 1d127-1d128 1d165-1d169 1d16d-1d172 1d17b-1d182 "
    "1d185-1d18b 1d1aa-1d1ad 1d242-1d244 1d250-1d252 1d25b-1d25c 1d25f 1d280-1d281 1da00-1da36 "
    "1da3b-1da6c 1da75 1da84 1da9b-1da9f 1daa1-1daaf 1e000-1e006 1e008-1e018 1e01b-1e021 1e023-1e024 "
    "1e026-1e02a 1e08f 1e130-1e136 1e2ae 1e2ec-1e2ef 1e4ec-1e4ef 1e5ee-1e5ef 1e6e3 1e6e6 1e6ee-1e6ef "
    "1e6f5 1e8d0-1e8d6 1e944-1e94a e0100-e01ef "
)
_SPACE_RANGES = "9-d 20 85 a0 1680 2000-200a 2028-2029 202f 205f 3000 "
_JOINERS = "'’-"
_PY_ONLY_SPACES = "\x1c\x1d\x1e\x1f"
_WORD_FIRSTS = re.compile(r"([LU])[LUMAh]*")
"""A word in a class string, as :data:`WORD` reads it in the text; the group is its first
letter's class."""
_HAN_GAP = re.compile(r"[Hh]S+(?=[Hh])")
"""A Han character and the blanks after it, before another: one match per gap, as
``regex``'s ``(?<=\\p{Han})\\s+(?=\\p{Han})`` finds them (the Han character the lookahead sees
starts the next match), but :mod:`re` skips to a Han character fast and tries a lookbehind at
every position."""


class ScriptCounts(NamedTuple):
    """How many characters of each script a text has (a named tuple: a page builds one per
    unit, and a tuple is several times cheaper to build than a frozen dataclass)."""

    han: int
    """Han characters (Chinese ideographs)."""
    latin: int
    """Letters of words (:data:`WORD_LETTER`): Latin, and since issue 16 the other alphabets
    written with spaces between words (Cyrillic, Greek, Hangul, Arabic...); the name stays."""
    digits: int
    """Decimal digits of any script."""
    latin_words: int
    """Words (:data:`WORD`) of Latin or another alphabet written with spaces between words
    (:data:`SPACED_SCRIPTS`): a Russian or Korean paragraph has as many as an English one of
    as many words; the name stays from when only Latin counted."""
    total: int
    """Characters that are not white space."""
    capital_words: int = 0
    """Words (:attr:`latin_words`) that start with a capital letter."""

    @property
    def han_share(self) -> float:
        """Han characters as a share of all letters (Han + :attr:`latin`); 0 when there are none."""
        letters = self.han + self.latin
        return self.han / letters if letters else 0.0

    @property
    def letters(self) -> int:
        """Han characters plus the letters of words (:attr:`latin`)."""
        return self.han + self.latin


def classes(text: str) -> str:
    """The class string of ``text``: one class letter per character.

    >>> classes("首页 News-2025")
    'HHSULLLADDDD'
    """
    return text.translate(_table())


CODE_PAGES = ("cp1252", "cp1251")
"""The one-byte code pages :func:`class_strings` tries on a text that is not ASCII: Windows'
Western (Latin letters with accents, curly quotes, dashes) and Cyrillic ones, with the minus sign
(U+2212, frequent in Russian news) in a byte they leave undefined. A text one encodes is classed
by a :meth:`bytes.translate` of its bytes, several times faster than :meth:`str.translate`, which
looks each character outside ASCII up one by one (about 28 ns each)."""
_CODE_PAGE_EXTRA = {"cp1252": (0x81, "\u2212"), "cp1251": (0x98, "\u2212")}
"""The undefined byte of each code page of :data:`CODE_PAGES` given the minus sign."""
CODE_PAGE_SLACK = 4
"""Failures beyond its successes after which :func:`class_strings` gives up a code page for the
rest of a list of texts (a Chinese page: no line of it encodes)."""


@functools.cache
def _code_pages() -> tuple[tuple[dict[int, int] | _EncodingMap, bytes], ...]:
    """Each code page of :data:`CODE_PAGES` as an encoding map for :func:`codecs.charmap_encode`
    and the class letter of the character each of its bytes decodes to, as a
    :meth:`bytes.translate` table (a byte the code page leaves undefined is never encoded)."""
    table = _table()
    out = []
    for name in CODE_PAGES:
        decoding = importlib.import_module(f"encodings.{name}").decoding_table
        byte, char = _CODE_PAGE_EXTRA[name]
        decoding = decoding[:byte] + char + decoding[byte + 1 :]
        classes = bytearray(OTHER_CLASS.encode()) * 256
        for code, decoded in enumerate(decoding):
            if decoded != "\ufffe":  # undefined
                classes[code] = ord(table[ord(decoded)])
        out.append((codecs.charmap_build(decoding), bytes(classes)))
    return tuple(out)


def class_strings(texts: list[str]) -> list[str]:
    """``[classes(text) for text in texts]``, faster for texts outside ASCII.

    A text that a code page of :data:`CODE_PAGES` encodes is classed from its bytes: each
    character is one byte of the code page, and the byte's class (:func:`_code_pages`) is its
    character's, the encoding being one-to-one. A code page that fails on more texts than it
    encodes (by :data:`CODE_PAGE_SLACK`) is not tried on the rest of the list."""
    table = _table()
    pages = _code_pages()
    scores = [0] * len(pages)
    encode = codecs.charmap_encode
    out: list[str] = []
    for text in texts:
        if text.isascii():
            out.append(text.translate(table))
            continue
        for k, (encoding_map, bytes_table) in enumerate(pages):
            if scores[k] < -CODE_PAGE_SLACK:
                continue
            try:
                encoded = encode(text, "strict", encoding_map)[0]
            except UnicodeEncodeError:
                scores[k] -= 1
                continue
            scores[k] += 1
            out.append(encoded.translate(bytes_table).decode("ascii"))
            break
        else:
            out.append(text.translate(table))
    return out


def class_table() -> str:
    """The table :func:`classes` translates with (for a loop that classes many texts: one
    :meth:`str.translate` call each, without the function around it)."""
    return _table()


def char_class(char: str) -> str:
    """The class letter of one character.

    >>> char_class("中"), char_class("a"), char_class("-")
    ('H', 'L', 'A')
    """
    return _table()[ord(char)]


def count_scripts(text: str, cls: str | None = None) -> ScriptCounts:
    """Count the scripts in ``text``, whose class string is ``cls`` when the caller has it.

    >>> count_scripts("首页 News 2025").han, count_scripts("首页 News 2025").latin_words
    (2, 1)
    """
    if cls is None:
        cls = text.translate(_table())
    return count_scripts_each([cls])[0]


_new_counts = cast("Callable[[type[ScriptCounts], tuple[int, ...]], ScriptCounts]", tuple.__new__)
"""``ScriptCounts._make``'s own step, without the named tuple's ``__new__`` (a Python function)."""


def count_scripts_each(classes: list[str]) -> list[ScriptCounts]:
    """The script counts of each of a page's texts from its class string (the counts are the
    class string's alone: a text in ASCII has no Han class in its string), each distinct class
    string counted once, column by column: one list of each count for all the strings, then the
    records built from the columns, instead of a call and a named tuple's constructor per
    string. The one place the counts are defined: :func:`count_scripts` asks it of one text."""
    distinct = list(dict.fromkeys(classes))
    upper = [c.count(UPPER_CLASS) for c in distinct]
    latin = [n + c.count(LOWER_CLASS) for c, n in zip(distinct, upper, strict=True)]
    words = [_words(c) if n else (0, 0) for c, n in zip(distinct, latin, strict=True)]
    records = list(
        map(
            _new_counts,
            repeat(ScriptCounts),
            zip(
                [c.count(HAN_CLASS) + c.count(HAN_MARK_CLASS) for c in distinct],
                latin,
                [c.count(DIGIT_CLASS) for c in distinct],
                [w for w, _ in words],
                [len(c) - c.count(SPACE_CLASS) - c.count(PY_SPACE_CLASS) for c in distinct],
                [capitals for _, capitals in words],
                strict=True,
            ),
        )
    )
    if len(distinct) == len(classes):
        return records
    of = dict(zip(distinct, records, strict=True))
    return [of[c] for c in classes]


MIN_RUN_COUNT_CHARS = 200
"""Class strings at least this long have their words counted by :func:`_words`' byte passes:
on shorter ones the passes cost more than the pattern's few matches."""
_RUN_BYTES = b"".join(b"w" if c in b"L" else b"W" if c in b"U" else b"c" if c in b"MAh" else b"_" for c in range(256))
"""A class string's bytes to what :data:`_WORD_FIRSTS` reads of them: ``w`` a lower-case
letter, ``W`` an upper-case one, ``c`` a character that goes on a word (a mark, a joiner, a
Han mark), ``_`` any other."""


JOINER_RUN_PASSES = 3
"""Passes :func:`_words` makes at most to drop the marks and joiners that open runs (``-``,
``--``) before it counts the runs: a string with longer ones goes to the pattern."""


def _words(cls: str) -> tuple[int, int]:
    """The words of a class string and those of them that open with a capital, as
    :data:`_WORD_FIRSTS` finds them (one match per word, its group the first letter's class).

    On a long string, counted from its bytes mapped by :data:`_RUN_BYTES`, after a ``_``: the
    pattern takes a run of ``wWc`` from its first letter to its end as one word, so where no
    run opens with a ``c`` each run is one word, counted where it opens (``_w``, ``_W``), without
    a match object a word. A ``c`` that opens a run is no part of a word: it is made a ``_``
    (:data:`JOINER_RUN_PASSES` passes at most), which leaves a run of ``c`` alone no run at all."""
    if len(cls) >= MIN_RUN_COUNT_CHARS:
        runs = b"_" + cls.encode("ascii").translate(_RUN_BYTES)
        for _ in range(JOINER_RUN_PASSES):
            if b"_c" not in runs:
                capitals = runs.count(b"_W")
                return runs.count(b"_w") + capitals, capitals
            runs = runs.replace(b"_c", b"__")
    firsts = _WORD_FIRSTS.findall(cls)
    return len(firsts), firsts.count(UPPER_CLASS)


def _class_of(ranges: str) -> str:
    """The inside of a :mod:`re` character class of ``ranges`` (none holds ``]``, ``\\`` or
    ``^``, which would need escaping)."""
    return "".join(f"{chr(a)}-{chr(b - 1)}" if b - a > 1 else chr(a) for a, b in _spans(ranges))


@functools.cache
def han_class() -> str:
    """``\\p{Han}`` as a character class for :mod:`re`, which has no script properties (a
    pattern of literal words and Han characters runs several times faster in :mod:`re`)."""
    return f"[{_class_of(_HAN_RANGES)}]"


def han_gaps(cls: str) -> int:
    """Runs of white space with a Han character on both sides, in a class string."""
    return len(_HAN_GAP.findall(cls))


def han_runs(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of each run of Han characters."""
    return [m.span() for m in _HAN_RUN.finditer(text)]


def _spans(ranges: str) -> list[tuple[int, int]]:
    """``"41-5a 61"`` -> ``[(0x41, 0x5B), (0x61, 0x62)]``: end-exclusive code point spans."""
    spans = []
    for item in ranges.split():
        first, _, last = item.partition("-")
        spans.append((int(first, 16), int(last or first, 16) + 1))
    return spans


DECIMAL_DIGIT = _class_of(_DIGIT_RANGES)
"""``regex``'s ``\\d`` (``\\p{Nd}``, decimal digits of every script) as the inside of a :mod:`re`
character class, for a pattern that must find what a ``regex`` pattern's ``\\d`` finds."""
WHITE_SPACE = _class_of(_SPACE_RANGES)
"""``regex``'s ``\\s`` as the inside of a :mod:`re` character class: :mod:`re`'s own ``\\s``
also takes U+001C-U+001F, as :meth:`str.split` does."""

# A Han character that is also a mark keeps both roles (class "h"); every other class is disjoint.
_HAN_OVER_MARK = bytes.maketrans(
    MARK_CLASS.encode() + OTHER_CLASS.encode(), HAN_MARK_CLASS.encode() + HAN_CLASS.encode()
)


@functools.cache
def _table() -> str:
    """The class letter of every code point, as a string indexed by code point (what
    :meth:`str.translate` takes as its table)."""
    table = bytearray(OTHER_CLASS.encode()) * 0x110000
    for ranges, letter in ((_MARK_RANGES, MARK_CLASS), (_DIGIT_RANGES, DIGIT_CLASS), (_SPACE_RANGES, SPACE_CLASS)):
        for start, end in _spans(ranges):
            table[start:end] = letter.encode() * (end - start)
    for start, end in _spans(_LATIN_RANGES + _SPACED_RANGES):
        table[start:end] = "".join(UPPER_CLASS if chr(c).isupper() else LOWER_CLASS for c in range(start, end)).encode()
    for start, end in _spans(_HAN_RANGES):
        table[start:end] = bytes(table[start:end]).translate(_HAN_OVER_MARK)
    for char in _PY_ONLY_SPACES:
        table[ord(char)] = ord(PY_SPACE_CLASS)
    for char in _JOINERS:
        table[ord(char)] = ord(JOINER_CLASS)
    return table.decode("ascii")


def _ranges(pattern: str) -> str:
    """The code points ``pattern`` (one character) matches, in the form of the ranges above:
    how they were generated, and how the tests check them against the installed ``regex``."""
    every = "".join(map(chr, range(0x110000)))
    spans: list[list[int]] = []
    for char in regex.findall(pattern, every):
        code = ord(char)
        if spans and spans[-1][1] == code - 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return " ".join(f"{a:x}" if a == b else f"{a:x}-{b:x}" for a, b in spans)
