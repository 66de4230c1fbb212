"""Stage 1, normalize: repair escaping and encoding artifacts, and trace every change.

In: the raw text. Out: :class:`Normalized` — the clean ``text``, the ``edits`` that made it
(each stated on the raw text), the ``warnings`` about damage that cannot be repaired, and an
offset map both ways.

Rules are small, named and registered in :data:`RULES`, in the order they run (ftfy's
``fixes.py`` is the model). The runner takes them round robin until every rule in a row has
found nothing to change (a fixed point), within :data:`MAX_PASSES` rounds. Each rule is
conservative: text that is already clean never matches, and a rule marked ``protect`` leaves
URLs, e-mail addresses and file paths alone. ``docs/normalization.md`` has the table of rules.

Speed: most rules name the ``starts`` of their matches (``&``, ``/'``, a no-break space), found
with :meth:`str.find`, which is far faster than a regular expression's scan of Chinese text; the
pattern is then tried only there, and a rule whose starts do not occur costs next to nothing
(on Chinese text, whether they occur is found by one scan for the rare low characters that
most starts are, :func:`_idle_rules`). A line-fixing rule keeps each line's fix for the call.

Some rules need more than a pattern. ``mojibake`` (UTF-8 read as Windows-1252 or Latin-1) hands
a suspicious line to ftfy, imported on first use and only for lines its badness heuristic flags;
``gbk_mojibake`` (UTF-8 read as GBK) and ``cp1252_mojibake`` (Windows-1252 read as GBK) put the
bytes of a run back together (:mod:`bilingual_news.mojibake`), a byte lost to U+FFFD inferred
from context, and keep a repair only when it reads clearly better or the page has enough sure
ones; ``reflow`` rejoins hard-wrapped lines (:mod:`bilingual_news.reflow`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

from bilingual_news.model import Edit, Span
from bilingual_news.mojibake import find_cp1252_mojibake, find_gbk_mojibake
from bilingual_news.offsets import Change, OffsetMap, apply_edits, merge_edits
from bilingual_news.options import NormalizeOptions
from bilingual_news.reflow import find_wraps

if TYPE_CHECKING:
    import regex  # imported where a pattern needs it: `import bilingual_news` does not load it

__all__ = ["MAX_PASSES", "RULES", "RULE_NAMES", "Normalized", "Rule", "normalize"]

MAX_PASSES = 6
"""Rounds of the rules before the runner stops, fixed point or not. One rule repairs nested
escapes of its own kind at once (``&amp;amp;quot;``), but a repair can expose an artifact of
another kind (``\\u0026quot;`` -> ``&quot;`` -> ``"``): no real page needs more than three."""

SCAN_RATIO = 40
"""Trying a pattern at one position from Python costs about as much as a regex scan of 40
characters: with more starts than one per 40 characters, the rule scans the text instead."""

FTFY_CONFIG_KWARGS: dict[str, Any] = {
    "unescape_html": False,  # our html_entity rule does this, and only for real entity syntax
    "remove_terminal_escapes": False,  # our control_chars rule does this
    "fix_encoding": True,  # the one thing ftfy is asked to do
    "fix_latin_ligatures": False,
    "fix_character_width": False,  # would turn full-width Chinese punctuation (，：) half-width
    "uncurl_quotes": False,  # would turn “ ” into ", and Chinese text uses “ ” on purpose
    "fix_line_breaks": False,  # our crlf rule does this
    "fix_surrogates": False,
    "remove_control_chars": False,  # our control_chars rule does this
    "normalization": None,  # NFC would recompose text that is not ours to change
    "explain": False,
}
"""ftfy's settings: only its encoding repair is switched on (see ``ftfy.TextFixerConfig``)."""

Match: TypeAlias = "re.Match[str] | regex.Match[str]"


class Pattern(Protocol):
    """What a rule needs of a pattern: a compiled :mod:`re` or :mod:`regex` pattern has it."""

    def match(self, string: str, pos: int, /) -> Match | None: ...

    def finditer(self, string: str, /) -> Iterator[Match]: ...


class _Lazy:
    """A pattern compiled on first use, so that importing the package stays fast: the
    :mod:`regex` engine (for ``\\p{Han}`` and its kin) and large classes are slow to compile."""

    __slots__ = ("_compiled", "_source", "_use_regex")

    def __init__(self, source: str | Callable[[], str], *, use_regex: bool = False) -> None:
        self._source = source
        self._use_regex = use_regex
        self._compiled: re.Pattern[str] | regex.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str] | regex.Pattern[str]:
        """The compiled pattern."""
        if self._compiled is None:
            source = self._source if isinstance(self._source, str) else self._source()
            if self._use_regex:
                import regex

                self._compiled = regex.compile(source)
            else:
                self._compiled = re.compile(source)
        return self._compiled

    def match(self, string: str, pos: int, /) -> Match | None:
        return self.compiled.match(string, pos)

    def finditer(self, string: str, /) -> Iterator[Match]:
        return self.compiled.finditer(string)


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One named repair: a pattern and what each match becomes.

    A rule sets exactly one of ``replace`` (each match on its own), ``fix_line`` (a whole
    line, for a repair that needs the line's context; the change is then pinned to the matches)
    and ``find_changes`` (the whole text, for a repair that needs the page's context).
    """

    name: str
    """The rule's name, as it appears in :attr:`Edit.rule` and ``NormalizeOptions.disabled``."""
    pattern: Pattern
    """What the rule repairs; a match that must stay as it is returns itself from ``replace``."""
    replace: Callable[[Match], str] | None = None
    """The repaired text for one match."""
    fix_line: Callable[[str], str] | None = None
    """The repaired text of a whole line in which ``pattern`` matches."""
    find_changes: Callable[[str], list[Change]] | None = None
    """The changes the rule makes to a whole text (``pattern`` then only documents them)."""
    starts: tuple[str, ...] = ()
    """Strings one of which begins every match: they are found with :meth:`str.find` and the
    pattern is tried only there. Empty: the pattern scans the whole text."""
    reach: int = 0
    """When not 0, ``starts`` need not begin a match: every match that changes something starts
    within this many characters of one, before or after it."""
    doc: str = ""
    """One line on what the rule repairs."""
    examples: tuple[tuple[str, str], ...] = ()
    """``(raw, normalized)`` pairs that show the rule at work (checked by the tests)."""
    origin: str = "ours"
    """Whose repair it is: ``ours``, or ``ftfy`` when ftfy does the work."""
    protect: bool = False
    """Leave matches inside URLs, e-mail addresses and file paths alone (a ``fix_line`` rule
    sees to that itself)."""
    opt_in: str | None = None
    """The :class:`NormalizeOptions` flag that switches the rule on; ``None``: on by default."""

    def __post_init__(self) -> None:
        given = sum(f is not None for f in (self.replace, self.fix_line, self.find_changes))
        if given != 1:
            raise ValueError(
                f"rule {self.name!r}: expected exactly one of replace, fix_line and find_changes, got {given}"
            )


# ------------------------------------------------------------------ what is protected


@cache
def _protected_pattern() -> regex.Pattern[str]:
    import regex

    cjk = r"\p{Han}\u3000-\u303f\uff00-\uffef"
    return regex.compile(
        rf"""
          (?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]*+://[^\s"'<>{cjk}]++   # URL with a scheme
        | (?<![A-Za-z0-9.\-])www\.[^\s"'<>{cjk}]++                           # URL without one
        | (?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]++@[A-Za-z0-9\-]++(?:\.[A-Za-z0-9\-]++)++  # e-mail
        | (?<![A-Za-z0-9.\-])(?:[A-Za-z0-9\-]++\.)++[A-Za-z]{{2,}}+/[^\s"<>{cjk}]*+  # host/path
        | (?<![\w/~.])(?:~|\.{{1,2}})?/[\w.@~\-]++/[^\s"<>]*+                 # Unix path
        | (?<![A-Za-z0-9])[A-Za-z]:\\[^\s"<>]*+                              # Windows path
        """,
        regex.VERBOSE,
    )


_SPACE = re.compile(r"\s")


@cache
def _last_space() -> regex.Pattern[str]:
    import regex

    return regex.compile(r"\s", flags=regex.REVERSE)


class _Protected:
    """Whether a match lies in a URL, an e-mail address or a path of one text.

    Only the whitespace-delimited token around a match is searched, once per token, so a page
    pays for protection only where a protected rule matched, and 100,000 matches in one token
    cost one search.
    """

    __slots__ = ("_ends", "_starts", "_text", "_token_end", "_token_start")

    def __init__(self, text: str) -> None:
        self._text = text
        self._token_start = self._token_end = -1
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        if not self._token_start <= start <= end <= self._token_end:
            self._search_token(start, end)
        k = bisect_right(self._starts, max(start, end - 1)) - 1
        return k >= 0 and self._ends[k] > start

    def _search_token(self, start: int, end: int) -> None:
        text = self._text
        before = _last_space().search(text, 0, start)
        after = _SPACE.search(text, end)
        self._token_start = before.end() if before else 0
        self._token_end = after.start() if after else len(text)
        spans = [m.span() for m in _protected_pattern().finditer(text, self._token_start, self._token_end)]
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]


# ------------------------------------------------------------------ the repairs


def _group(name: str) -> Callable[[Match], str]:
    return lambda m: m.group(name)


def _constant(text: str) -> Callable[[Match], str]:
    return lambda m: text


@cache
def _entity_names() -> dict[str, str]:
    """The HTML5 entity names that are real syntax: with their semicolon (``&amp`` alone is
    legacy), loaded on first use (2,000 names)."""
    from html.entities import html5

    return {k[:-1]: v for k, v in html5.items() if k.endswith(";")}


_AMP_LAYER = re.compile(r"(?:amp|#0*38|#[xX]0*26);")


def _html_entity(m: Match) -> str:
    """An entity reference, with any layers of ``&amp;`` escaping on top of it, decoded."""
    body = m.group()[1:]
    layers = 0
    while (layer := _AMP_LAYER.match(body, layers)) is not None and layer.end() < len(body):
        layers = layer.end()
    inner = body[layers:]
    char = _decode_reference(inner[:-1])
    if char is None:
        # Not an entity after all (``&amp;T;``): only the escaped ampersands are undone.
        return "&" + inner if layers else m.group()
    return char


def _decode_reference(ref: str) -> str | None:
    """The text of ``&ref;``, or ``None`` when it is not a reference to a usable character."""
    if not ref.startswith("#"):
        return _entity_names().get(ref)
    code = int(ref[2:], 16) if ref[1:2] in ("x", "X") else int(ref[1:])
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or (code < 0x20 and chr(code) not in "\t\n\r"):
        return None
    from html import unescape

    return unescape(f"&{ref};")  # maps &#150; to – as browsers do


def _unicode_escape(m: Match) -> str:
    """A literal ``\\uXXXX`` (or surrogate pair, or ``\\UXXXXXXXX``) escape, decoded."""
    if m.group("hi"):
        code = 0x10000 + ((int(m.group("hi"), 16) - 0xD800) << 10) + (int(m.group("lo"), 16) - 0xDC00)
    else:
        code = int(m.group("bmp") or m.group("astral"), 16)
    if code > 0x10FFFF or code == 0x5C:  # an escaped backslash stays: it could start another escape
        return m.group()
    char = chr(code)
    if unicodedata.category(char) in ("Cc", "Cs", "Cn") and char not in "\t\n":
        return m.group()
    return char


# Characters that Windows-1252 (ftfy's "sloppy" variant) and Latin-1 give bytes 0x80-0xFF:
# a run of them that starts with a UTF-8 lead byte (Â-ô) may be UTF-8 read in a single-byte code.
_CP1252_HIGH = "".join(
    sorted(set(bytes(range(0x80, 0x100)).decode("cp1252", errors="ignore")) | set(map(chr, range(0x80, 0x100))))
)
_UTF8_LEADS = "".join(map(chr, range(0xC2, 0xF5)))
_NO_CP1252 = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))  # bytes Windows-1252 leaves undefined
# C1 controls that start a run: Windows-1252 read as Latin-1 (U+0093 for “). Not U+0085, a line
# break to Python (NEL): made an ellipsis on its own, it would turn white space into text.
_C1 = "".join(chr(c) for c in range(0x80, 0xA0) if c != 0x85)


@cache
def _ftfy() -> tuple[Callable[[str], bool], Callable[[str], str]]:
    """ftfy's badness test and its encoding repair, imported on first use: most pages never need them."""
    try:
        import ftfy
        from ftfy.badness import is_bad
    except ImportError as exc:  # pragma: no cover - ftfy is a declared dependency
        raise ImportError(
            "the mojibake rule needs ftfy: install it with `pip install ftfy`, "
            "or switch the rule off with NormalizeOptions(disabled=frozenset({'mojibake'}))"
        ) from exc
    return is_bad, partial(ftfy.fix_text, config=ftfy.TextFixerConfig(**FTFY_CONFIG_KWARGS))


def _fix_mojibake_line(line: str) -> str:
    """ftfy's encoding repair of one line, if its badness heuristic flags the line."""
    is_bad, fix = _ftfy()
    return fix(line) if is_bad(line) else line


_HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TONED_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_LETTER = f"[a-zü{_TONED_VOWELS}]"
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0304\u030c"))
_PINYIN_SYLLABLE = re.compile(
    r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:i(?:a(?:ng|o|n)?|e|u|ng?|ong)?|u(?:a(?:ng?|i)?|o|i|n|e|eng)?|ü(?:e|an|n)?"
    r"|a(?:i|o|ng?)?|o(?:u|ng)?|e(?:i|ng?|r)?)"
)
_TONED_GLOSS_BEFORE = _Lazy(rf"[(（](?=[a-zü]{{0,5}}[{_TONED_VOWELS}]){_PINYIN_LETTER}{{1,6}}[)）]\Z")
_TONED_GLOSS_NEXT = _Lazy(rf"[{_HAN_RANGES}][(（](?=[a-zü]{{0,5}}[{_TONED_VOWELS}]){_PINYIN_LETTER}{{1,6}}[)）]")
MAX_GLOSS_REACH = 16
"""How far a toned vowel can stand from the start of a gloss the rule removes: within its own
gloss (at most 6 letters), or in the toned gloss next to a neutral one (``的(de)網(wǎng)``)."""


def _pinyin_gloss(m: Match) -> str:
    """A parenthesised pinyin syllable after a Han character, removed.

    A toned syllable is always a gloss; an unmarked one (neutral tone, ``的(de)``) only next to
    a toned gloss, so that ``德(de)`` on its own, a language code, stays.
    """
    syllable = m.group("py")
    base = unicodedata.normalize("NFC", unicodedata.normalize("NFD", syllable).translate(_TONE_MARKS))
    if not _PINYIN_SYLLABLE.fullmatch(base):
        return m.group()
    if any(c in _TONED_VOWELS for c in syllable):
        return ""
    text, start = m.string, m.start()
    # The gloss ends right before the Han character this one follows (``網(wǎng)的(de)``), or
    # another Han character and a toned gloss follow (``的(de)網(wǎng)``).
    if _TONED_GLOSS_BEFORE.compiled.search(text, max(0, start - 9), start - 1) or _TONED_GLOSS_NEXT.compiled.match(
        text, m.end()
    ):
        return ""
    return m.group()


_JOINERS = "\u200c\u200d"
_PLAIN = _Lazy(r"[\p{Han}\p{Latin}\p{N}\p{P}\s]", use_regex=True)


def _zero_width(m: Match) -> str:
    """Invisible characters removed; a zero-width (non-)joiner stays beside anything but plain
    Han, Latin, digits, punctuation and spaces: emoji sequences and joining scripts need it."""
    run, text = m.group(), m.string
    if not any(j in run for j in _JOINERS):
        return ""
    neighbours = text[max(m.start() - 1, 0) : m.start()] + text[m.end() : m.end() + 1]
    if all(_PLAIN.compiled.match(c) for c in neighbours):
        return ""
    return "".join(c for c in run if c in _JOINERS)


_FULLWIDTH = {c: c - 0xFEE0 for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}


def _fullwidth_ascii(m: Match) -> str:
    return m.group().translate(_FULLWIDTH)


# After consuming the slash: it closes a word (``Xi/'s``, ``Yes./"``) or opens a quotation.
_SLASH_AFTER_LETTER = r"(?<=[^\W\d_]/)"
# A quotation's closing ``/'`` after the punctuation that ends it (``Me?/' Phone``, ``no./'``):
# the punctuation must follow a word (``'./'`` and ``'../'`` in code are paths) and the quote
# must end the word (``./'my dir'`` is a shell path, ``s/?/'/`` a substitution).
_SLASH_AFTER_STOP = r"(?<=[^\W_][.,!?;…。，！？；]/)(?=.(?:[\s)\]}”’」』）】,.;:，。；：]|\Z))"
_SLASH_CLOSE = r"(?:(?<=[^\W_]/)|(?<=[.,!?;:)\]}。，！？；：）]/))"
_SLASH_OPEN = r"(?:(?<=^/)|(?<=[\s(\[{“‘（【：:，,]/))(?=['\"][^\W_])"
_SLASH_QUOTE = re.compile(rf"/(?:(?P<open>{_SLASH_OPEN})|{_SLASH_CLOSE})\"")


def _slash_apostrophe(m: Match) -> str:
    """The quote mark of a ``/'`` escape, or the match unchanged where the slash is the text's
    own: it ends a path segment (``r'^api/crawl/'``: ``crawl`` comes after a slash), or a string
    that opened with a bare quote (``'static/'``, ``indexOf('Gecko/')``), which a scraper that
    escapes every ``'`` would have written ``/'``."""
    text, at = m.string, m.start()
    word = at
    while word > 0 and (text[word - 1].isalnum() or text[word - 1] in "_.-"):
        word -= 1
    if 0 < word < at and (text[word - 1] == "/" or (text[word - 1] == "'" and not text.endswith("/'", 0, word))):
        return m.group()
    return m.group("q")


def _fix_slash_quotes(line: str) -> str:
    """A line's ``/"`` escapes undone in pairs, an opening one (``said /"We``) then a closing one
    (``it./"``), outside URLs and paths: a lone ``docs/"`` may be a path in quotes."""
    marks: list[int] = []  # where the escapes to undo start
    protected = _Protected(line)
    for m in _SLASH_QUOTE.finditer(line):
        is_open = m.group("open") is not None
        # An opening one outside a quotation, a closing one inside.
        if is_open == (len(marks) % 2 == 0) and not protected.overlaps(m.start(), m.end()):
            marks.append(m.start())
    if len(marks) % 2:
        marks.pop()  # the last quotation never closed: its opening mark stays
    if not marks:
        return line
    parts = [line[: marks[0]]]
    parts.extend(line[a + 1 : b] for a, b in pairwise([*marks, len(line)]))
    return "".join(parts)


_NON_ASCII_RUN = re.compile("[^\x00-\x7f]+")

_CONTROL = "".join(map(chr, (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)))

RULES: tuple[Rule, ...] = (
    Rule(
        name="crlf",
        pattern=re.compile(r"\r\n?"),
        starts=("\r",),
        replace=_constant("\n"),
        doc="Windows (CR LF) and old Mac (CR) line ends become a newline.",
        examples=(("one\r\ntwo\rthree", "one\ntwo\nthree"),),
    ),
    Rule(
        name="html_entity",
        # Layers of escaped ampersands, then one reference (backtracking gives back one layer at most).
        pattern=re.compile(
            r"&(?:(?:amp|#0*38|#[xX]0*26);)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
        ),
        starts=("&",),
        replace=_html_entity,
        doc="HTML entities (``&quot;``, ``&#39;``, ``&#x4e2d;``), double-escaped too; ``AT&T`` and ``Q&A`` stay.",
        examples=(
            ("Xi&#39;s", "Xi's"),
            ("&amp;quot;peace&amp;quot;", '"peace"'),
            ("&#x4e2d;&#x6587;", "中文"),
            ("AT&amp;T", "AT&T"),
        ),
    ),
    Rule(
        name="unicode_escape",
        pattern=re.compile(
            r"\\(?<!\\\\)(?:u(?P<hi>[dD][89abAB][0-9a-fA-F]{2})\\u(?P<lo>[dD][c-fC-F][0-9a-fA-F]{2})"
            r"|u(?P<bmp>[0-9a-fA-F]{4})|U(?P<astral>[0-9a-fA-F]{8}))"
        ),
        starts=("\\",),  # then u or U: one look for the backslash is faster than two for the pairs
        replace=_unicode_escape,
        doc="Literal ``\\u2019`` and ``\\u4e2d`` escapes (a JSON or Python string printed raw) are decoded.",
        examples=(("Xi\\u2019s", "Xi’s"), ("\\u4e2d\\u56fd", "中国")),
        protect=True,
    ),
    Rule(
        name="backslash_quote",
        pattern=re.compile(r"\\(?<!\\\\)(?P<q>['\"])"),
        starts=("\\",),
        replace=_group("q"),
        doc="``Xi\\'s`` -> ``Xi's``: a backslash-escaped quote mark.",
        examples=(('Xi\\\'s \\"visit\\"', 'Xi\'s "visit"'),),
        protect=True,
    ),
    Rule(
        name="slash_apostrophe",
        # A scraper escaped ' as /' (``Xi/'s``, ``countries/'``): after a letter, closing a
        # quotation after its punctuation, or opening a quotation before a letter.
        pattern=re.compile(rf"/(?:{_SLASH_AFTER_LETTER}|{_SLASH_AFTER_STOP}|{_SLASH_OPEN})(?P<q>')"),
        starts=("/'",),
        replace=_slash_apostrophe,
        doc="``Xi/'s`` -> ``Xi's``, ``Me?/'`` -> ``Me?'``: a scraper's /-escaped apostrophe.",
        examples=(
            ("Xi/'s", "Xi's"),
            ("the two countries/' ties", "the two countries' ties"),
            ("/'Can You Hear Me?/' Scam", "'Can You Hear Me?' Scam"),
        ),
        protect=True,
    ),
    Rule(
        name="slash_quote",
        pattern=_SLASH_QUOTE,
        starts=('/"',),
        fix_line=_fix_slash_quotes,
        doc='``/"Yes./"`` -> ``"Yes."``: a scraper\'s /-escaped double quotes, in pairs.',
        examples=(('He said /"Yes./"', 'He said "Yes."'),),
    ),
    Rule(
        name="mojibake",
        # A UTF-8 lead byte and what follows it, or C1 controls (Windows-1252 read as Latin-1).
        pattern=_Lazy(f"[{_UTF8_LEADS}][{re.escape(_CP1252_HIGH)}]+|[{_C1}][{re.escape(_CP1252_HIGH)}]*"),
        starts=tuple(_UTF8_LEADS + _C1),
        fix_line=_fix_mojibake_line,
        doc="UTF-8 read as Windows-1252 or Latin-1 (``â€™``, ``Ã©``, ``ä¸­å›½``), repaired by ftfy.",
        examples=(("Xiâ€™s cafÃ©", "Xi’s café"), ("ä¸­å›½ and æ—¥æœ¬", "中国 and 日本")),
        origin="ftfy",
    ),
    Rule(
        name="nbsp",
        pattern=re.compile("[\u00a0\u2007\u202f]+"),
        starts=("\u00a0", "\u2007", "\u202f"),
        replace=lambda m: " " * len(m.group()),
        doc="No-break spaces (U+00A0, and the figure and narrow ones) become a space; U+3000 stays.",
        examples=(("10\u00a0km", "10 km"),),
    ),
    Rule(
        name="control_chars",
        pattern=re.compile(f"\x1b\\[[0-9;?]*[A-Za-z]|[{re.escape(_CONTROL)}]+"),
        starts=tuple(_CONTROL),
        replace=_constant(""),
        doc="Stray C0 control characters, DEL and terminal colour codes are removed; tab and newline stay.",
        examples=(("a\x00b\x1b[31mred\x1b[0m", "abred"),),
    ),
    Rule(
        name="markdown_break",
        pattern=re.compile(r"(?<=[^\s\\])\\(?=\n|\Z)"),
        starts=("\\",),
        replace=_constant(""),
        doc="A Markdown hard line break (a backslash ending a line right after a word) is removed; "
        "a shell's line continuation (`` \\`` after a blank) stays.",
        examples=(("Creating the Project\\\nNext", "Creating the Project\nNext"),),
        protect=True,
    ),
    Rule(
        name="zero_width",
        pattern=re.compile("[\u200b\u200c\u200d\u2060\ufeff]+"),
        starts=tuple("\u200b\u200c\u200d\u2060\ufeff"),
        replace=_zero_width,
        doc="Zero-width spaces, word joiners and BOMs are removed; ZWJ/ZWNJ too, but not in emoji or joining scripts.",
        examples=(("新\u200b华\ufeff社", "新华社"),),
    ),
    Rule(
        name="soft_hyphen",
        pattern=re.compile("\u00ad+"),
        starts=("\u00ad",),
        replace=_constant(""),
        doc="Soft hyphens (U+00AD), invisible break hints, are removed.",
        examples=(("1\u00ad\u00ad—4月", "1—4月"),),
    ),
    Rule(
        name="gbk_mojibake",
        pattern=_NON_ASCII_RUN,
        find_changes=find_gbk_mojibake,
        doc="UTF-8 read as GBK/GB18030 (``鍖椾含`` -> ``北京``, ``It鈥檚`` -> ``It’s``), a lost byte inferred.",
        examples=(("鍖椾含 2025", "北京 2025"), ("It鈥檚 鈥渙ur鈥� plan", "It’s “our” plan")),
    ),
    Rule(
        name="cp1252_mojibake",
        pattern=_NON_ASCII_RUN,
        find_changes=find_cp1252_mojibake,
        doc="Windows-1252 English read as GB18030 or Big5 (``nation抯`` -> ``nation’s``, ``揟he`` -> ``“The``).",
        examples=(("the nation抯 揵est� plan", "the nation’s “best” plan"),),
    ),
    Rule(
        name="pinyin_gloss",
        pattern=re.compile(rf"[(（](?<=[{_HAN_RANGES}][(（])(?P<py>{_PINYIN_LETTER}{{1,6}})[)）]"),
        starts=tuple(_TONED_VOWELS),
        reach=MAX_GLOSS_REACH,
        replace=_pinyin_gloss,
        doc="Pinyin a content farm put after characters (``網(wǎng)絡(luò)`` -> ``網絡``) is removed.",
        examples=(("網(wǎng)絡(luò)", "網絡"),),
    ),
    Rule(
        name="fullwidth_ascii",
        pattern=re.compile("[０-９Ａ-Ｚａ-ｚ]+"),
        replace=_fullwidth_ascii,
        doc="Full-width letters and digits (``ＡＢＣ１２３``) become ASCII; only with ``fullwidth_ascii=True``.",
        examples=(("ＣＰＩ上涨２％", "CPI上涨2％"),),
        opt_in="fullwidth_ascii",
    ),
    Rule(
        name="reflow",
        pattern=re.compile(r"[ \t]*\n[ \t]*"),
        starts=("\n",),
        find_changes=find_wraps,
        doc="Hard-wrapped text (a dump filled to a width) rejoined: Chinese with nothing, English with a space.",
        examples=(
            (
                "Title\n" + ("word " * 7 + "words\n") * 3 + "end\nNext",
                "Title\n" + ("word " * 7 + "words ") * 3 + "end\nNext",
            ),
        ),
    ),
)
"""The rules, in the order they run. ``mojibake`` comes before the rules that would destroy the
bytes it needs (a no-break space or a soft hyphen can be part of mojibake); ``gbk_mojibake``
after the frequent ``nbsp`` (which cannot touch its characters), so that a page whose only
repair is no-break spaces does not scan for it twice, and before ``fullwidth_ascii`` (which can);
``cp1252_mojibake`` after it, so that a run that decodes as UTF-8 is read so first."""

RULE_NAMES: frozenset[str] = frozenset(r.name for r in RULES)
"""Every rule's name: what ``NormalizeOptions.disabled`` may hold."""

UNRECOVERABLE = re.compile("(?:锟斤拷)+|\ufffd+")
"""Damage no rule can undo: ``锟斤拷`` is U+FFFD twice, read as GBK; U+FFFD is a character
already lost."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Normalized:
    """A raw text, its clean form, and how one maps to the other."""

    raw: str
    """The input, unchanged."""
    text: str
    """The clean text: ``raw`` with ``edits`` applied."""
    edits: tuple[Edit, ...]
    """The changes, sorted and non-overlapping, each stated on ``raw``."""
    warnings: tuple[str, ...] = ()
    """Damage that was found but not repaired."""
    offsets: OffsetMap = field(repr=False, compare=False)
    """The offset map between ``raw`` and ``text``."""

    def to_raw(self, i: int, *, end: bool = False) -> int:
        """The raw offset of normalized offset ``i`` (``end=True`` for a span's end)."""
        return self.offsets.to_raw(i, end=end)

    def to_normalized(self, i: int, *, end: bool = False) -> int:
        """The normalized offset of raw offset ``i`` (``end=True`` for a span's end)."""
        return self.offsets.to_normalized(i, end=end)

    def raw_span(self, start: int, end: int) -> Span:
        """The raw span of the normalized range ``[start, end)``."""
        return Span(start=self.offsets.to_raw(start), end=self.offsets.to_raw(end, end=True))


def normalize(text: str, options: NormalizeOptions | None = None) -> Normalized:
    """Repair ``text`` and return the clean text with every edit traced to ``text``.

    >>> normalize("President Xi/'s visit").text
    "President Xi's visit"
    >>> normalize("http://a.b/c/'d").text
    "http://a.b/c/'d"
    >>> [(e.rule, e.before, e.after) for e in normalize("AT&amp;T: Q&A &amp;quot;").edits]
    [('html_entity', '&amp;', '&'), ('html_entity', '&amp;quot;', '"')]

    Raises:
        ValueError: ``options.disabled`` names a rule that does not exist.
    """
    opts = options or NormalizeOptions()
    unknown = opts.disabled - RULE_NAMES
    if unknown:
        raise ValueError(
            f"NormalizeOptions.disabled: expected rule names from {sorted(RULE_NAMES)}, got {sorted(unknown)}"
        )
    rules = tuple(r for r in RULES if r.name not in opts.disabled and (r.opt_in is None or getattr(opts, r.opt_in)))
    edits: list[Edit] = []
    current = text
    # A rule none of whose start characters is in the text stays idle until a repair brings one
    # in; the others look again whenever the text has changed.
    idle = _idle_rules(rules, text)
    # Round robin to a fixed point: stop once every rule in a row has found nothing to change.
    quiet = 0
    budget = MAX_PASSES * len(rules)
    index = 0
    # A rule that found nothing in this version of the text finds nothing in it again: rules
    # are pure functions of the text, and the whole-text ones are not cheap to run twice.
    version = 0
    nothing_in: dict[str, int] = {}
    # A line-fixing rule that looks again after another rule's repair finds most lines as they
    # were: each line's fix is kept for this call (ftfy's heuristic is slow on a suspect line).
    fixers = {r.name: _kept_fixes(r.fix_line) for r in rules if r.fix_line is not None}
    while quiet < len(rules) and budget > 0:
        rule = rules[index]
        index = (index + 1) % len(rules)
        budget -= 1
        changes = [] if rule.name in idle or nothing_in.get(rule.name) == version else _find(rule, current, fixers)
        if changes:
            version += 1
            edits = merge_edits(text, current, edits, changes)
            current = apply_edits(text, edits)
            brought = "".join({c.after for c in changes})
            idle = {n for n in idle if not any(c in brought for c in _ANCHOR_CHARS[n])}
            quiet = 0
        else:
            nothing_in[rule.name] = version
            quiet += 1
    offsets = OffsetMap(edits)
    warnings = _warnings(current, offsets) + _control_warning(text, edits)
    return Normalized(raw=text, text=current, edits=tuple(edits), warnings=warnings, offsets=offsets)


MANY_CONTROLS_SHARE = 0.01
"""Share of a text's characters that, removed as stray control characters, earn a warning: a
page with that many went through a broken conversion, and may have lost more than controls."""


def _control_warning(raw: str, edits: Sequence[Edit]) -> tuple[str, ...]:
    """A warning when the ``control_chars`` rule removed many characters."""
    removed = [e for e in edits if "control_chars" in e.rule.split("+")]
    count = sum(len(e.before) - len(e.after) for e in removed)
    if not raw or count <= MANY_CONTROLS_SHARE * len(raw):
        return ()
    return (
        f"stray control characters: {count} removed ({count / len(raw):.0%} of the text), "
        f"first at raw offset {removed[0].span.start}",
    )


_COMMON_CHARS = frozenset("/(（ 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ANCHOR: dict[str, int] = {
    start: next((i for i, c in enumerate(start) if c not in _COMMON_CHARS), 0)
    for rule in RULES
    for start in rule.starts
    if len(start) > 1
}
"""For each start of two characters or more, the index of the one to look for."""
_ANCHOR_CHARS: dict[str, str] = {
    rule.name: "".join(dict.fromkeys(start[_ANCHOR.get(start, 0)] for start in rule.starts)) for rule in RULES
}
"""For each rule, the characters its starts are looked for by: a rule none of whose characters
occurs can change nothing, until a repair brings one in."""


_RARE_LOW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\u01ff]")
"""The control characters and the Latin letters and signs up to U+01FF: most start characters
of the rules (``mojibake``'s 82, ``control_chars``' 30, ``pinyin_gloss``' 24) are among them."""
_ANCHOR_SPLIT: dict[str, tuple[frozenset[str], str]] = {
    name: (
        frozenset(c for c in chars if _RARE_LOW.match(c)),
        "".join(c for c in chars if not _RARE_LOW.match(c)),
    )
    for name, chars in _ANCHOR_CHARS.items()
}
"""For each rule, its start characters among :data:`_RARE_LOW`'s and the others."""
_CHINESE_HINT = "，"
"""A full-width comma: a text with one is Chinese, where :meth:`str.find` of a character is
slowed by its false starts (it looks for the low byte of a two-byte character), and one scan of
:data:`_RARE_LOW` beats a look for each start character."""


def _idle_rules(rules: Sequence[Rule], text: str) -> set[str]:
    """The names of the rules that can change nothing in ``text`` (:func:`_idle`). A Chinese
    text is scanned once for the characters of :data:`_RARE_LOW` it holds, and each rule's
    start characters are looked up among them, the others looked for in the text."""
    if _CHINESE_HINT not in text:
        return {r.name for r in rules if _idle(r, text)}
    present = set(_RARE_LOW.findall(text))
    idle: set[str] = set()
    for rule in rules:
        if rule.starts:
            low, others = _ANCHOR_SPLIT[rule.name]
            if present.isdisjoint(low) and not any(c in text for c in others):
                idle.add(rule.name)
    return idle


def _idle(rule: Rule, text: str) -> bool:
    """Whether the rule can change nothing in ``text``: not one of the characters its starts are
    looked for by occurs."""
    return bool(rule.starts) and not any(c in text for c in _ANCHOR_CHARS[rule.name])


def _matches(rule: Rule, text: str) -> Iterator[Match]:
    """The rule's matches in ``text``, left to right, without overlaps (as ``finditer`` gives them)."""
    if not rule.starts:
        yield from rule.pattern.finditer(text)
        return
    positions: list[int] = []
    limit = len(text) // SCAN_RATIO  # with more starts than this, one scan is cheaper
    for start in rule.starts:
        # str.find is fast for one character and slow for two on Chinese text: look for the
        # start's least common character, then check the rest.
        back = _ANCHOR.get(start, 0)
        at = text.find(start[back])
        while at >= 0 and len(positions) <= limit:
            if back == 0 and len(start) == 1:
                positions.append(at)
            elif at >= back and text.startswith(start, at - back):
                positions.append(at - back)
            at = text.find(start[back], at + 1)
    if rule.reach and positions:
        near = range(-rule.reach, rule.reach + 1)
        positions = sorted({at + d for at in positions for d in near if 0 <= at + d < len(text)})
    elif len(rule.starts) > 1:
        positions.sort()
    if len(positions) > limit:
        yield from rule.pattern.finditer(text)
        return
    end = 0
    for at in positions:
        if at < end:
            continue
        m = rule.pattern.match(text, at)
        if m is not None:
            yield m
            end = max(m.end(), at + 1)


def _kept_fixes(fix_line: Callable[[str], str]) -> Callable[[str], str]:
    """``fix_line``, each line's result kept: the rules' line fixes are pure functions."""
    kept: dict[str, str] = {}

    def fixed(line: str) -> str:
        out = kept.get(line)
        if out is None:
            out = kept[line] = fix_line(line)
        return out

    return fixed


def _find(rule: Rule, text: str, fixers: dict[str, Callable[[str], str]] | None = None) -> list[Change]:
    """The changes ``rule`` makes to ``text``, in order (``fixers``: the line fixes to use for
    the rules that fix lines, by name, when not their own)."""
    if rule.find_changes is not None:
        return rule.find_changes(text)
    if rule.fix_line is not None:
        return _find_in_lines(rule, (fixers or {}).get(rule.name, rule.fix_line), text)
    assert rule.replace is not None  # __post_init__ makes sure
    changes: list[Change] = []
    protected: _Protected | None = None
    for m in _matches(rule, text):
        after = rule.replace(m)
        if after == m.group():
            continue
        if rule.protect:
            protected = protected or _Protected(text)
            if protected.overlaps(m.start(), m.end()):
                continue
        changes.append(Change(start=m.start(), end=m.end(), after=after, rule=rule.name))
    return changes


def _find_in_lines(rule: Rule, fix_line: Callable[[str], str], text: str) -> list[Change]:
    """Changes from a rule that repairs whole lines: each line with a match is fixed once."""
    changes: list[Change] = []
    line_end = -1
    for m in _matches(rule, text):
        if m.start() < line_end:
            continue  # this line is done
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if line_end < 0:
            line_end = len(text)
        line = text[line_start:line_end]
        fixed = fix_line(line)
        if fixed != line:
            runs = [r.span() for r in _matches(rule, line)]
            changes.extend(_pin(line, fixed, runs, line_start, rule.name))
    return changes


def _pin(line: str, fixed: str, runs: list[tuple[int, int]], offset: int, name: str) -> list[Change]:
    """Pin a line's repair to the runs that changed. The text between runs must come through
    unchanged; when it does not, the repair reaches beyond what the rule understands and the
    line is left as it is."""
    gaps = [line[: runs[0][0]]] + [line[a[1] : b[0]] for a, b in pairwise(runs)] + [line[runs[-1][1] :]]
    tail = len(fixed) - len(gaps[-1])
    if not (fixed.startswith(gaps[0]) and fixed.endswith(gaps[-1]) and tail >= len(gaps[0])):
        return []
    changes: list[Change] = []
    pos = len(gaps[0])
    for i, (s, e) in enumerate(runs):
        # A run's repair ends where the next unchanged gap starts (a repair is never empty).
        at = fixed.find(gaps[i + 1], pos + 1) if i + 1 < len(runs) else tail
        if not pos <= at <= tail:
            return []
        if fixed[pos:at] != line[s:e]:
            # A repair that cannot be pinned to characters is not made (the run stays).
            changes.extend(_smallest(line[s:e], fixed[pos:at], offset + s, name) or [])
        pos = at + len(gaps[i + 1])
    return changes


# Each byte as Windows-1252 reads it (Latin-1 for the five bytes it leaves undefined), and the
# C1 controls of a Latin-1 reading turned into the Windows-1252 reading, character for character.
_CHAR_OF = {b: chr(b) if b in _NO_CP1252 else bytes((b,)).decode("cp1252") for b in range(0x100)}
_AS_CP1252 = {b: _CHAR_OF[b] for b in range(0x80, 0xA0)}
MAX_MOJIBAKE_LAYERS = 3
"""Times a character can have been through "UTF-8 read as Windows-1252" for the rule to pin its
repair to it: twice is common (``Ã¢â‚¬â„¢``), three times rare, more is not seen."""


def _read_as_cp1252(text: str) -> str:
    """``text`` in UTF-8, read one character a byte (the mojibake of ``text``)."""
    return "".join(_CHAR_OF[b] for b in text.encode("utf-8", "surrogatepass"))


def _smallest(before: str, after: str, start: int, name: str) -> list[Change] | None:
    """The repair of ``before`` (at ``start``) into ``after`` as the smallest changes, or
    ``None`` when it cannot be pinned to characters.

    One change per repaired character when each character's mojibake (once, twice or three
    times over) is what stood there, or one per character when the lengths agree (Windows-1252
    read as Latin-1); else one change when the repair is one character. Small edits keep offsets
    exact, and a later stage that cuts the text between two characters never cuts inside one.
    """
    changes: list[Change] = []
    read = before.translate(_AS_CP1252)  # the same length: positions hold
    i = 0
    for char in after:
        if before.startswith(char, i):  # a character that stood there already (a real “)
            i += 1
            continue
        piece = char
        for _ in range(MAX_MOJIBAKE_LAYERS):
            piece = _read_as_cp1252(piece)
            if read.startswith(piece, i):
                break
        else:
            break
        changes.append(Change(start=start + i, end=start + i + len(piece), after=char, rule=name))
        i += len(piece)
    else:
        if i == len(before):
            return changes
    if len(before) == len(after):
        return [
            Change(start=start + k, end=start + k + 1, after=b, rule=name)
            for k, (a, b) in enumerate(zip(before, after, strict=True))
            if a != b
        ]
    if len(after) <= 1:
        return [Change(start=start, end=start + len(before), after=after, rule=name)]
    return None


def _warnings(text: str, offsets: OffsetMap) -> tuple[str, ...]:
    """What is damaged beyond repair in the clean text, and where it starts in the raw text."""
    if "\ufffd" not in text and ("锟" not in text or "锟斤拷" not in text):
        return ()
    found: dict[str, list[int]] = {}
    for m in UNRECOVERABLE.finditer(text):
        found.setdefault(m.group()[0], []).append(offsets.to_raw(m.start()))
    out: list[str] = []
    if "锟" in found:
        at = found["锟"]
        out.append(
            f"unrecoverable mojibake: {len(at)} run(s) of '锟斤拷' (U+FFFD read as GBK), first at raw offset {at[0]}"
        )
    if "\ufffd" in found:
        at = found["\ufffd"]
        out.append(f"lost characters: {len(at)} run(s) of U+FFFD, first at raw offset {at[0]}")
    return tuple(out)
