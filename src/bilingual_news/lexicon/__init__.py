"""The cue lexicons, read once from the data files beside this module.

In: the ``*.txt`` files in this folder (one cue per line, ``#`` comments). Out: :class:`Lexicon`,
a frozen record of normalized cue sets, from :func:`lexicon` (cached: read once per process).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

__all__ = ["Lexicon", "entries", "expand", "fold", "lexicon", "nfkc_by_words", "trie_pattern", "word_set"]


def fold(text: str) -> str:
    """The form cues are compared in: NFKC, lower case, inner blanks folded to one space (ASCII
    text is NFKC already)."""
    if text.isascii():
        return " ".join(text.lower().split())
    return " ".join(_nfkc(text).lower().split())


WIDE_FORMS = ((0x3000, 0x3040), (0xFF00, 0xFFF0))
"""The blocks of the characters that keep most Chinese text from being NFKC already: the
ideographic space and full-width punctuation, letters and digits (``，：（）１Ａ``)."""


def _nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, several times faster for Chinese text.

    Normalizing text that is not NFKC already costs about 130 ns a character; Chinese text is
    not, for its full-width punctuation alone. Replacing those characters with their NFKC forms
    first leaves a text with the same NFKC (one compatibility-equivalent to it), which is then
    often NFKC itself: the replacement is the answer, checked by :func:`unicodedata.is_normalized`.
    The replacement is a substitution of the characters that have another form, not
    :meth:`str.translate` (a lookup for every character, four times slower on Chinese text).
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    pattern, forms = _wide_forms()
    mapped = pattern.sub(lambda m: forms[m.group()], text)
    if unicodedata.is_normalized("NFKC", mapped):
        return mapped
    return nfkc_by_words(text)


def nfkc_by_words(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, each word between single spaces normalized
    apart, and only where it is not NFKC already (a long paragraph with one no-break space or
    one ``¾`` is not normalized whole, at about 130 ns a character).

    The same text: a space is a starter (combining class 0) that no character's decomposition
    reorders around and that composes with nothing on either side, so normalization never
    reaches across it (``tests/test_performance_helpers.py`` checks this on random text)."""
    is_normalized, normalize = unicodedata.is_normalized, unicodedata.normalize
    if " " not in text:
        return normalize("NFKC", text)
    return " ".join(word if is_normalized("NFKC", word) else normalize("NFKC", word) for word in text.split(" "))


@functools.cache
def _wide_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """The NFKC form of each character of :data:`WIDE_FORMS` that has another, and a pattern
    that finds those characters."""
    forms = {}
    for start, end in WIDE_FORMS:
        for code in range(start, end):
            nfkc = unicodedata.normalize("NFKC", chr(code))
            if nfkc != chr(code):
                forms[chr(code)] = nfkc
    return re.compile("[" + "".join(re.escape(c) for c in forms) + "]"), forms


_Trie = dict[str, "_Trie"]
"""A trie of words: each character leads to the trie of what follows it; ``""`` marks a word's end."""


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression (for :mod:`re` or :mod:`regex`) that matches exactly ``words``, as a
    trie: one branch per next character, a shorter word an optional tail's end. At a position it
    matches the longest word, as a longest-first alternation does, but the engine tries one
    branch per character instead of every word, which makes a scan for a hundred phrases several
    times faster.

    >>> trie_pattern(["ab", "abc", "b"])
    '(?:ab(?:c)?|b)'
    >>> re.findall(trie_pattern(["ab", "abc", "b"]), "abcb ab")
    ['abc', 'b', 'ab']
    """
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: _Trie) -> str:
        tails = [re.escape(char) + branch(sub) for char, sub in sorted(node.items()) if char]
        if not tails:
            return ""
        body = tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")"
        return f"(?:{body})?" if "" in node else body

    if not root:
        return "(?!)"  # no word: nothing matches
    return branch(root)  # "" for the empty word alone: it matches everywhere


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    """Cue words per role, both languages, folded with :func:`fold`."""

    nav: frozenset[str]
    """Words that are navigation chrome when they make up a whole line."""
    footer: frozenset[str]
    """Words that are footer chrome when they make up or start a line."""
    metadata: tuple[tuple[str, str], ...]
    """``(field, cue)`` pairs, longest cue first, for lines that start with a cue and a colon."""
    metadata_bare: tuple[tuple[str, str], ...]
    """``(field, cue)`` pairs for cues that need no colon (``综合整理自``), longest first."""
    disclaimer: tuple[str, ...]
    """Phrases that make a line a disclaimer wherever they stand in it."""
    caption_prefix: tuple[str, ...]
    """Phrases that make a line a caption when it starts with them."""
    caption_contains: tuple[str, ...]
    """Phrases that make a line a caption wherever they stand in it."""
    caption_suffix: tuple[str, ...]
    """Phrases that make a line a caption when it ends with them (a photographer's credit)."""
    section: frozenset[str]
    """Headings that open a section of chrome after the article (related links, comments):
    ``section.txt`` and ``comments.txt``."""
    comments: frozenset[str]
    """Headings that open a comment section (``Leave a Reply``, ``网友评论``): ``comments.txt``."""
    chrome: tuple[str, ...]
    """Phrases that make a line chrome wherever they stand in it (cookie banners, copyright)."""
    chrome_han: tuple[str, ...]
    """Phrases that make a mostly Chinese line chrome (``Cookie`` in a Chinese banner)."""
    chrome_short: tuple[str, ...]
    """Phrases that make a line chrome when the line is not prose by itself (app prompts)."""
    teaser: tuple[str, ...]
    """Labels that open a summary shown before the body (``编者按``, ``Summary``)."""
    tail: tuple[str, ...]
    """Chrome a scrape appends to the end of a line (``查看更多``, ``收起``, ``分享到：``)."""
    nav_label: tuple[str, ...]
    """Navigation labels fused onto the title after them with a colon (``正在阅读：``)."""


_CHOICE = re.compile(r"\{([^{}]*)\}")
"""A choice in a cue line: ``{a|b|}`` stands for ``a``, ``b`` or nothing."""


def expand(line: str) -> list[str]:
    """The cues one line of a lexicon stands for: a line that writes a class of phrases with
    choices (``{禁止|谢绝}{商业|}转载``) gives every combination, in order, without repeats; a
    line without braces is one cue. The cues stay literal phrases, matched as any other.

    >>> expand("{禁止|谢绝}{商业|}转载")
    ['禁止商业转载', '禁止转载', '谢绝商业转载', '谢绝转载']
    """
    parts = _CHOICE.split(line)  # literal, choices, literal, choices, ..., literal
    if "{" in parts[-1] or "}" in parts[-1] or any("{" in p or "}" in p for p in parts[::2]):
        raise ValueError(f"a cue line holds an unbalanced brace: {line!r}")
    out: list[str] = [parts[0]]
    for i in range(1, len(parts), 2):
        choices = parts[i].split("|")
        out = [head + choice + parts[i + 1] for head in out for choice in choices]
    return list(dict.fromkeys(out))


@functools.cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of lexicon file ``name`` in the file's order: comments and blank lines left
    out, classes of phrases (``{a|b}``) expanded; read once per process."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    out: list[str] = []
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            out.extend(expand(line.rstrip("\n")))
    return tuple(out)


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """The entries of lexicon file ``name`` (comments and blank lines left out, classes of
    phrases expanded), read once: a word list another stage asks for by name."""
    return frozenset(entries(name))


def _pairs(name: str, *, bare: bool | None = None) -> list[tuple[str, str]]:
    """``(key, cue)`` from ``key<TAB>cue[<TAB>bare]`` lines; ``bare`` picks lines with or without
    the third column (``None``: all lines)."""
    pairs = []
    for line in entries(name):
        key, cue, *flags = line.split("\t")
        if bare is not None and ("bare" in flags) != bare:
            continue
        pairs.append((key.strip(), fold(cue) if cue.strip() else cue))
    return pairs


@functools.cache
def lexicon() -> Lexicon:
    """The lexicons, read and folded once per process."""
    captions = _pairs("caption.txt")
    chrome = _pairs("chrome.txt")
    metadata = sorted(_pairs("metadata.txt", bare=False), key=lambda p: -len(p[1]))
    metadata_bare = sorted(_pairs("metadata.txt", bare=True), key=lambda p: -len(p[1]))
    return Lexicon(
        nav=frozenset(fold(w) for w in entries("nav.txt")),
        footer=frozenset(fold(w) for w in entries("footer.txt")),
        metadata=tuple(metadata),
        metadata_bare=tuple(metadata_bare),
        disclaimer=tuple(fold(w) for w in entries("disclaimer.txt")),
        caption_prefix=tuple(c for k, c in captions if k == "prefix"),
        caption_contains=tuple(c for k, c in captions if k == "contains"),
        caption_suffix=tuple(c for k, c in captions if k == "suffix"),
        section=frozenset(fold(w) for w in (*entries("section.txt"), *entries("comments.txt"))),
        comments=frozenset(fold(w) for w in entries("comments.txt")),
        chrome=tuple(c for k, c in chrome if k == "any"),
        chrome_han=tuple(c for k, c in chrome if k == "han"),
        chrome_short=tuple(c for k, c in chrome if k == "short"),
        teaser=tuple(fold(w) for w in entries("teaser.txt")),
        tail=tuple(w.strip() for w in entries("tail.txt")),
        nav_label=tuple(w.strip() for w in entries("nav_label.txt")),
    )
