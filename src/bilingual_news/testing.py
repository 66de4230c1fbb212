"""Synthetic pages with their gold, for testing pipelines built on bilingual_news.

In: a seed and a few choices (how the page mixes languages, whether it carries escaping
artifacts). Out: :class:`SyntheticPage` — the raw text of a realistic scraped news page and
its gold, true by construction, in the gold format of ``docs/evaluation.md``.

>>> page = make_page(seed=7, mix="a")
>>> page.gold["mix"], page.gold["segments"][0][0]
('a', 'nav')
>>> all(text in page.raw for _, text in page.gold["segments"])
True

A page is built piece by piece, each piece with its role: site chrome in Chinese or English
(site name, menus, breadcrumbs, account links, metadata lines, share bars, notices, related
links, copyright), lines that a scrape fuses (menu words + headline, breadcrumb + headline,
``正在阅读：`` + headline, a notice + the article's URL, a paragraph + its reporter's credit), and
a body in the other or the same language (paragraphs, subheadings, captions, quotes with their
speakers, quoted terms), with blank lines between lines or not, and optional escaping artifacts
(``/'``, ``\\'``, ``&#39;``, ``&quot;``, ``&amp;quot;``, ``&ldquo;``, zero-width spaces). Every
choice is recorded by name in :attr:`SyntheticPage.patterns` (the names are :data:`PATTERNS`).
The sentence material is the project's own (``testing_data.json``); the cue words of the chrome
come from :mod:`bilingual_news.lexicon`. The same seed always gives the same page (with the same
version of the library: its sentence material and lexicons feed the pages).

:func:`assert_matches` compares a parsed :class:`~bilingual_news.Document` with a gold and
raises an ``AssertionError`` with a readable diff; :func:`load_gold` reads a page folder's
``gold.json``. The pytest fixtures are in :mod:`bilingual_news.pytest_plugin`.
"""

from __future__ import annotations

import difflib
import functools
import json
import os
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from bilingual_news.evaluate import load_gold, tokens
from bilingual_news.lexicon import fold, lexicon
from bilingual_news.model import Document, Kind

__all__ = ["MIXES", "PATTERNS", "SyntheticPage", "assert_matches", "load_gold", "make_page"]

MIXES = ("a", "b", "c", "e")
"""The mixes :func:`make_page` builds (gold ``mix``): a = Chinese chrome around an English body,
b = English chrome around a Chinese body, c = Chinese page, e = English page. (d, a parallel
article in both languages, is not built.)"""

PATTERNS: Mapping[str, str] = {
    "headline_fused_nav": "menu words and the headline on one line (首页 资讯 Title), the headline shown again",
    "headline_fused_crumb": "a breadcrumb closing with the headline (首页 > 国际 > Title), the headline again",
    "headline_fused_label": "a reading label fused onto the headline (正在阅读：Title), the headline again",
    "headline_site_suffix": "the page title with the site's name (Title - Site) first, the headline later",
    "headline_menu_word": "a fused headline whose first word is itself a menu word (Home News Community …)",
    "breadcrumb": "a breadcrumb line of menu words (Home > World > Asia)",
    "metadata_one_line": "date, source, author or views on one line",
    "metadata_lines": "date, source and author each on a line of its own",
    "share_bar": "a share label (分享到：) between the metadata and the body",
    "teaser_truncated": "the first paragraph's opening cut short with … before the body",
    "teaser_label": "a labelled summary (编者按：…, Key points: …) before the body",
    "subheading": "subheadings between paragraphs",
    "subheading_numbered": "numbered subheadings (一、…, 1. …)",
    "caption_cue": "a photo caption with a cue (图为…, ▲…, Photo: …, … [Photo/Xinhua])",
    "caption_credit_zh": "a Chinese photo caption closed by its photographer's credit (…。（张三 摄）)",
    "caption_credit_en": "an English photo caption closed by its photographer's credit (… (Photo by X))",
    "speech_before": "a quote after its speaker and verb (X said: “…”, X表示：“…”)",
    "speech_after": "a quote before its speaker and verb (“…,” said X. / “…”X说。)",
    "speech_told_reporter": "a Chinese quote after X告诉记者：, closing its paragraph",
    "speech_told_reporter_followed": "a Chinese quote after X告诉记者：, followed by more sentences",
    "quote_term": "a quoted term nobody says (so-called “…”, 所谓“…”)",
    "lead_one_sentence": "a first paragraph of one sentence",
    "lead_one_sentence_caption": "a first paragraph of one sentence, then a photo caption",
    "paragraph_credit": "a reporter's credit fused onto the last paragraph (…。（记者 张三）)",
    "reporting_credit": "an agency credit line after the body ((Reporting by …; Editing by …))",
    "editor_line": "the responsible editor after the body (（责任编辑：…）, Editor: …)",
    "disclaimer": "a notice about the article after the body",
    "disclaimer_url_fused": "a notice and the article's URL on one line",
    "source_url_line": "the article's URL on a line of its own",
    "footer_prev_next": "previous/next article links",
    "footer_section_links": "a related-links heading and link titles",
    "copyright": "the site's copyright line",
    "indent_fullwidth": "Chinese paragraphs indented with full-width spaces",
    "blank_lines_all": "a blank line between all lines",
    "blank_lines_none": "no blank lines",
    "blank_lines_some": "blank lines here and there",
    "crlf": "Windows line ends (CRLF)",
    "escape_apostrophe": "escaped apostrophes (Xi/'s, Xi\\'s, Xi&#39;s)",
    "escape_quote": 'escaped English quote marks (&quot;, &amp;quot;, \\")',
    "escape_curly_quote": "curly quote marks as entities (&ldquo; &rdquo;)",
    "zero_width_space": "zero-width spaces inside Chinese text",
}
"""The names :attr:`SyntheticPage.patterns` may hold, each with what it puts on the page."""

MIN_PARAGRAPHS, MAX_PARAGRAPHS = 3, 6
"""How many body paragraphs a page has when the caller does not say: a news story of a few
paragraphs; a topic's material (ten sentences, four quotes) is enough for six."""

ARTIFACT_CHANCE = 0.7
"""Share of pages with ``artifacts=True`` that do get escaping artifacts: many real scrapes
have none, and a generator that always adds them would not show that clean text stays clean."""

ZERO_WIDTH_SENTENCE_CHANCE = 0.25
"""On a page whose scrape leaves zero-width spaces, the share of Chinese sentences with one."""

CRLF_CHANCE = 0.1
"""Share of pages with ``artifacts=True`` saved with Windows line ends."""

TEASER_CHANCE = 0.3
"""Share of pages with a teaser before the body (a truncated first paragraph or a labelled
summary): common on portals, absent on most article pages."""

TEASER_MIN_WORDS, TEASER_MIN_HAN = 12, 30
"""The shortest truncated teaser: sites cut previews at a fixed length of a line or two, and
show none for a lead shorter than one and a half times that."""

CAPTION_CHANCE = 0.35
"""Share of pages with a photo caption in the body."""

DIFF_TEXT_CHARS = 70
"""Characters of a segment shown per line in :func:`assert_matches`' diff."""

_ROLES = frozenset(kind.value for kind in Kind)

Pieces = list[tuple[str | None, str]]
"""One line of a page as ``(role, text)`` pieces; role ``None`` for the blanks between them."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SyntheticPage:
    """A generated page and what a careful reader says it contains."""

    raw: str
    """The page as a scrape would give it: the text to pass to :func:`bilingual_news.parse`."""
    gold: dict[str, Any]
    """Its gold, in the gold format (``id``, ``mix``, ``source_url``, ``headline``,
    ``segments``, ``quotes``, ``fixes``): every segment is a substring of :attr:`raw`, and
    together, in order, they cover every non-blank character of it once."""
    patterns: frozenset[str] = frozenset()
    """The names (keys of :data:`PATTERNS`) of what the page was built with: which fused
    lines, quote forms, artifacts, layouts. Handy to tell which shape a failing page has."""

    @property
    def id(self) -> str:
        """The page's id: ``synthetic-<mix>-<seed>``."""
        return str(self.gold["id"])

    def save(self, folder: str | os.PathLike[str]) -> Path:
        """Write ``raw.txt`` and ``gold.json`` into ``folder`` (made when missing) and return it.

        A folder of such page folders is what ``bilingual-news evaluate`` and the corpus's
        ``score.py`` read: ``page.save(root / page.id)``.
        """
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        (path / "raw.txt").write_text(self.raw, encoding="utf-8", newline="")
        (path / "gold.json").write_text(_gold_json(self.gold), encoding="utf-8")
        return path


def _gold_json(gold: Mapping[str, Any]) -> str:
    """A gold as the labelled pages write it: the fields in the gold format's order, then one
    segment, quote or fix a line (so that two golds diff line by line)."""
    lines = ["{"] + [f" {json.dumps(key)}: {json.dumps(gold.get(key), ensure_ascii=False)}," for key in _GOLD_HEAD]
    for key in ("segments", "quotes", "fixes"):
        items = gold.get(key) or []
        body = ",\n".join("  " + json.dumps(item, ensure_ascii=False) for item in items)
        lines.append(f' "{key}": [\n{body}\n ]' if items else f' "{key}": []')
        lines[-1] += "," if key != "fixes" else ""
    lines.append("}")
    return "\n".join(lines) + "\n"


_GOLD_HEAD = ("id", "mix", "source_url", "headline")


def make_page(
    seed: int = 0,
    *,
    mix: str | None = None,
    artifacts: bool = True,
    blank_lines: bool | None = None,
    paragraphs: int | None = None,
) -> SyntheticPage:
    """A realistic synthetic news page and its gold, the same for the same arguments.

    Args:
        seed: picks everything not fixed by the other arguments (``random.Random(seed)``; the
            global random state is neither used nor changed).
        mix: ``"a"`` (Chinese chrome, English body), ``"b"`` (English chrome, Chinese body),
            ``"c"`` (all Chinese) or ``"e"`` (all English); ``None`` lets the seed choose.
        artifacts: allow escaping artifacts (``/'``, ``&quot;``, ``&amp;quot;``, ``&ldquo;``,
            zero-width spaces, CRLF line ends); most pages made with ``True`` have some, each
            listed in the gold's ``fixes``.
        blank_lines: ``True`` for a blank line between all lines, ``False`` for none, ``None``
            to let the seed choose (all, none, or here and there).
        paragraphs: how many body paragraphs (1 to 6); ``None`` lets the seed choose (3 to 6).

    Raises:
        ValueError: an unknown ``mix``, or ``paragraphs`` outside 1 to 6.
    """
    rng = random.Random(seed)
    chosen = rng.choice(MIXES) if mix is None else mix
    if chosen not in MIXES:
        raise ValueError(f"expected mix to be one of {', '.join(MIXES)} (or None), got {mix!r}")
    count = rng.randint(MIN_PARAGRAPHS, MAX_PARAGRAPHS) if paragraphs is None else paragraphs
    if not isinstance(count, int) or not 1 <= count <= MAX_PARAGRAPHS:
        raise ValueError(f"expected 1 to {MAX_PARAGRAPHS} paragraphs (or None), got {paragraphs!r}")
    page = _Page(rng, chosen, count, artifacts)
    page.head()
    page.body()
    page.tail()
    fixed = "all" if blank_lines else "none"
    blanks = rng.choice(("all", "none", "some")) if blank_lines is None else fixed
    raw, segments = page.render(blanks)
    gold: dict[str, Any] = {
        "id": f"synthetic-{chosen}-{seed}",
        "mix": chosen,
        "source_url": page.url if page.url_printed else None,
        "headline": page.topic["title"],
        "segments": segments,
        "quotes": page.quotes,
        "fixes": page.dirt.fixes,
    }
    return SyntheticPage(raw=raw, gold=gold, patterns=frozenset(page.patterns))


# ------------------------------------------------------------------------------- material
@functools.cache
def _data() -> dict[str, Any]:
    text = resources.files("bilingual_news").joinpath("testing_data.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _simplified(word: str) -> bool:
    """Whether a Chinese cue is written in simplified characters (GB2312 holds no traditional
    ones), so that a simplified page does not show a traditional menu word."""
    try:
        word.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _han(text: str) -> bool:
    return bool(text) and all("\u4e00" <= ch <= "\u9fff" for ch in text)


@functools.cache
def _cues() -> dict[str, dict[str, tuple[str, ...]]]:
    """Chrome cue words from the library's lexicons, per language, as a page would show them."""
    lex = lexicon()

    def by_language(words: Sequence[str]) -> dict[str, tuple[str, ...]]:
        zh = tuple(sorted(w for w in words if _han(w) and _simplified(w)))
        en = tuple(sorted(w[:1].upper() + w[1:] for w in words if w.isascii() and w[:1].isalpha()))
        return {"zh": zh, "en": en}

    return {
        "section": by_language([w for w in lex.section if len(w) <= 12]),
        "teaser": by_language([w for w in lex.teaser if w not in ("tl;dr", "abstract")]),
        "nav_label": by_language([w for w in lex.nav_label if "阅读" in w or "文章" in w or "reading" in w]),
    }


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _when(rng: random.Random) -> tuple[int, int, int, int, int]:
    return rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28), rng.randint(6, 22), rng.randint(0, 59)


def _zh_date(rng: random.Random) -> str:
    y, m, d, hh, mm = _when(rng)
    return rng.choice(
        (
            f"{y}年{m:02d}月{d:02d}日 {hh:02d}:{mm:02d}",
            f"{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}",
            f"{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}:{rng.randint(0, 59):02d}",
        )
    )


def _en_date(rng: random.Random) -> str:
    y, m, d, hh, mm = _when(rng)
    return rng.choice((f"{_MONTHS[m - 1]} {d}, {y}", f"{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}"))


# ------------------------------------------------------------------------------- artifacts
class _Dirt:
    """How one page's text is escaped by its scraper: chosen once per page, applied to the
    body's apostrophes and quote marks, each change recorded as a gold fix."""

    APOSTROPHES = ("/'", "\\'", "&#39;")
    EN_QUOTES = ("&quot;", "&amp;quot;", '\\"')

    def __init__(self, rng: random.Random, enabled: bool) -> None:
        on = enabled and rng.random() < ARTIFACT_CHANCE
        self.rng = rng
        self.apostrophe = rng.choice(self.APOSTROPHES) if on and rng.random() < 0.8 else None
        self.en_quote = rng.choice(self.EN_QUOTES) if on and rng.random() < 0.4 else None
        self.curly = on and rng.random() < 0.4
        self.zero_width = on and rng.random() < 0.3
        self.fixes: list[list[str]] = []
        self.used: set[str] = set()

    def english(self, text: str) -> str:
        """Escape the apostrophes of an English text (``Xi's`` -> ``Xi/'s``)."""
        if self.apostrophe is None or "'" not in text:
            return text
        words = text.split(" ")
        for i, word in enumerate(words):
            if "'" in word:
                clean = word.strip(",.;:")
                dirty = clean.replace("'", self.apostrophe)
                words[i] = word.replace(clean, dirty)
                self._fix(dirty, clean, "escape_apostrophe")
        return " ".join(words)

    def chinese(self, text: str) -> str:
        """Now and then, put a zero-width space between two Chinese characters of a text."""
        if not self.zero_width or self.rng.random() >= ZERO_WIDTH_SENTENCE_CHANCE:
            return text
        spots = [i for i in range(2, len(text) - 2) if _han(text[i - 2 : i + 2])]
        if not spots:
            return text
        at = self.rng.choice(spots)
        self._fix(text[at - 2 : at] + "\u200b" + text[at : at + 2], text[at - 2 : at + 2], "zero_width_space")
        return text[:at] + "\u200b" + text[at:]

    def opening(self, mark: str, shown: str, clean: str) -> str:
        """The opening mark as the page shows it (an entity when the page escapes them); its fix
        names the word after it too (``shown`` as escaped, ``clean`` as it must read)."""
        escaped = self.closing(mark)
        if escaped != mark:
            self._fix(escaped + shown, mark + clean, "escape_quote" if mark == '"' else "escape_curly_quote")
        return escaped

    def closing(self, mark: str) -> str:
        """The closing (or any) mark as the page shows it."""
        if mark == '"' and self.en_quote:
            return self.en_quote
        if self.curly and mark in "“”":
            return "&ldquo;" if mark == "“" else "&rdquo;"
        return mark

    def _fix(self, before: str, after: str, pattern: str) -> None:
        self.used.add(pattern)
        if [before, after] not in self.fixes:
            self.fixes.append([before, after])


# ------------------------------------------------------------------------------- the page
_EN_SPEECH = (
    ("{s} said: {o}{q}.{c}", "speech_before"),
    ("{o}{q},{c} said {s}.", "speech_after"),
    ("{o}{q},{c} {s} said.", "speech_after"),
    ("{s} added, {o}{q}.{c}", "speech_before"),
    ("As {s} noted, {o}{q}.{c}", "speech_before"),
)
_ZH_SPEECH = (
    ("{s}表示：{o}{q}{c}", "speech_before"),
    ("{o}{q}{c}{s}说。", "speech_after"),
    ("{s}指出，{o}{q}{c}", "speech_before"),
    ("{s}告诉记者：{o}{q}{c}", "speech_told_reporter"),
    ("{o}{q}{c}{s}介绍。", "speech_after"),
)
_EN_TERM = (
    "Locals now speak of a so-called {o}{t}{c} in the district.",
    "The idea, known as {o}{t}{c}, is now discussed in several other cities.",
)
_ZH_TERM = (
    "这就是人们常说的所谓{o}{t}{c}。",
    "这种做法被称为{o}{t}{c}，已在多地推广。",
)


class _Page:
    """One page being built: lines of role-tagged pieces, its quotes, fixes and patterns."""

    def __init__(self, rng: random.Random, mix: str, paragraphs: int, artifacts: bool) -> None:
        self.rng = rng
        self.mix = mix
        self.chrome = "zh" if mix in ("a", "c") else "en"
        self.lang = "en" if mix in ("a", "e") else "zh"
        self.paragraphs = paragraphs
        self.artifacts = artifacts
        data = _data()
        topics = list(data[self.lang]["topics"])
        self.topic: dict[str, Any] = rng.choice(topics)
        self.others = [t for t in topics if t is not self.topic]
        self.site: dict[str, str] = rng.choice(data[self.chrome]["sites"])
        self.dirt = _Dirt(rng, artifacts)
        y, m, d, _, _ = _when(rng)
        self.url = f"http://{self.site['domain']}/news/{y}{m:02d}/{d:02d}/{rng.randint(10000, 99999)}.html"
        self.url_printed = False
        self.lines: list[Pieces] = []
        self.quotes: list[dict[str, str | None]] = []
        self.patterns: set[str] = set()

    # -- building blocks
    def add(self, *pieces: tuple[str | None, str]) -> None:
        for role, text in pieces:
            if role is None:
                if text.strip():
                    raise ValueError(f"expected white space between pieces, got {text!r}")
            elif role not in _ROLES or not text or text != text.strip():
                raise ValueError(f"expected a role and a stripped text, got {role!r}, {text!r}")
        self.lines.append(list(pieces))

    def render(self, blanks: str) -> tuple[str, list[list[str]]]:
        """The raw page and its segments; ``blanks`` is all, none or some."""
        self.patterns.add(f"blank_lines_{blanks}")
        newline = "\n"
        if self.artifacts and self.rng.random() < CRLF_CHANCE:
            newline = "\r\n"
            self.patterns.add("crlf")
        self.patterns |= self.dirt.used
        out: list[str] = []
        segments: list[list[str]] = []
        for i, line in enumerate(self.lines):
            if i:
                blank = blanks == "all" or (blanks == "some" and self.rng.random() < 0.5)
                out.append(newline * (2 if blank else 1))
            for role, text in line:
                out.append(text)
                if role is not None:
                    segments.append([role, text])
        out.append(newline)
        return "".join(out), segments

    def _menu(self, low: int, high: int) -> list[str]:
        menu: list[str] = _data()[self.chrome]["menu"]
        return self.rng.sample(menu, self.rng.randint(low, high))

    # -- before the body
    def head(self) -> None:
        """Chrome, the headline (maybe fused with chrome, maybe twice) and the metadata."""
        rng, c = self.rng, self.chrome
        chrome = _data()[c]
        title: str = self.topic["title"]
        if c == "en" and rng.random() < 0.5:
            self.add(("nav", rng.choice(chrome["skip"])))
        style = rng.choice(("fused_nav", "fused_crumb", "fused_label", "site_suffix", "once", "once"))
        if style == "site_suffix":
            self.add(("headline", f"{title}{rng.choice((' - ', ' | ', '_'))}{self.site['name']}"))
            self.patterns.add("headline_site_suffix")
        if rng.random() < 0.7:
            self.add(("nav", self.site["name"]))
        if rng.random() < 0.5:
            self.add(("nav", rng.choice((" ", " | ")).join(rng.sample(chrome["account"], 2))))
        layout = rng.randrange(3)
        if layout == 0:
            self.add(("nav", " ".join(self._menu(5, 9))))
        elif layout == 1:
            self.add(("nav", " | ".join(self._menu(4, 8))))
        else:
            for word in self._menu(3, 7):
                self.add(("nav", word))
        home = "首页" if c == "zh" else "Home"
        section = rng.choice([w for w in chrome["menu"] if w != home])
        if style == "fused_nav":
            self.add(("nav", f"{home} {section}"), (None, " "), ("headline", title))
            if fold(title.split(" ")[0]) in lexicon().nav:
                self.patterns.add("headline_menu_word")
        elif style == "fused_crumb":
            self.add(("nav", f"{home} > {section} >"), (None, " "), ("headline", title))
        elif style == "fused_label":
            label = rng.choice(_cues()["nav_label"][c])
            if c == "zh":
                self.add(("nav", f"{label}："), ("headline", title))
            else:
                self.add(("nav", f"{label}:"), (None, " "), ("headline", title))
        elif rng.random() < 0.5:
            self.add(("nav", f"{home} > {section} > {rng.choice(chrome['breadcrumb_end'])}"))
            self.patterns.add("breadcrumb")
        if style.startswith("fused"):
            self.patterns.add(f"headline_{style}")
        self.add(("headline", title))
        self._metadata()
        if c == "zh" and rng.random() < 0.3:
            self.add(("nav", "分享到："))
            self.patterns.add("share_bar")

    def _metadata(self) -> None:
        """One to three metadata lines in the chrome's language: date, source, author, views."""
        rng, c = self.rng, self.chrome
        data = _data()
        author = rng.choice(data[c]["authors"])
        source = rng.choice(data[self.lang if c == "zh" else "en"]["sources"])
        options: list[list[str]]
        if c == "zh":
            date = _zh_date(rng)
            gap = rng.choice(("  ", "　", " ", "\u00a0\u00a0"))
            options = [
                [f"{date}{gap}来源：{source}"],
                [f"发布时间：{date}{gap}来源：{source}{gap}作者：{author}"],
                [f"来源：{source}", f"作者：{author}", date],
                [f"{date}{gap}来源：{source}{gap}阅读：{rng.randint(100, 9999)}"],
            ]
        else:
            date = _en_date(rng)
            options = [
                [f"By {author} | Updated: {date}"],
                [f"By {author}", f"Published: {date}"],
                [f"Source: {source} | Updated: {date}"],
                [f"{date} | Source: {source}"],
            ]
        lines = rng.choice(options)
        for line in lines:
            self.add(("metadata", line))
        self.patterns.add("metadata_lines" if len(lines) > 1 else "metadata_one_line")

    # -- the body
    def body(self) -> None:
        """A teaser, then paragraphs with quotes and terms, subheadings and a caption."""
        rng, lang, topic = self.rng, self.lang, self.topic
        sentences, speech, terms, headings = (
            rng.sample(topic[key], len(topic[key])) for key in ("sentences", "speech", "terms", "subheadings")
        )

        def plain() -> str:
            text: str = sentences.pop()
            return self.dirt.english(text) if lang == "en" else self.dirt.chinese(text)

        teaser = rng.random() < TEASER_CHANCE
        if teaser and rng.random() < 0.5:
            label = rng.choice(_cues()["teaser"][lang])
            self.add(("teaser", f"{label}：{plain()}" if lang == "zh" else f"{label}: {plain()}"))
            self.patterns.add("teaser_label")
            teaser = False
        n = self.paragraphs
        quoted = set(rng.sample(range(n), rng.randint(0, min(n, 3))))
        term_at = rng.randrange(n) if rng.random() < 0.5 else None
        heading_before = set(rng.sample(range(1, n), rng.randint(0, min(n - 1, 2))))
        caption_after = rng.randrange(n) if rng.random() < CAPTION_CHANCE else None
        numbered = rng.random() < 0.3
        indent = "　　" if lang == "zh" and rng.random() < 0.3 else ""
        people = rng.sample(_data()[lang]["people"], 3)
        sizes = [rng.randint(1, 2) if i in quoted else rng.randint(2, 3) for i in range(n)]
        while sum(sizes) > len(sentences):  # the topic's material runs out: shorter paragraphs
            sizes[rng.choice([i for i, size in enumerate(sizes) if size > 1])] -= 1
        credit = lang == "zh" and self.chrome == "zh" and rng.random() < 0.3
        number = 0
        for i in range(n):
            if i in heading_before:
                heading = headings.pop()
                number += 1
                self.patterns.add("subheading")
                if numbered:
                    heading = f"{'一二三'[number - 1]}、{heading}" if lang == "zh" else f"{number}. {heading}"
                    self.patterns.add("subheading_numbered")
                self.add(("subheading", heading))
            parts = [plain() for _ in range(sizes[i])]
            speech_at, pattern = None, ""
            if i in quoted:
                speech_at = rng.randint(0, len(parts))
                person = people[len(self.quotes) % len(people)]
                sentence, quote, pattern = self._speech(speech.pop(), person)
                parts.insert(speech_at, sentence)
                self.quotes.append(quote)
            if i == term_at:
                sentence, quote = self._term(terms.pop())
                parts.append(sentence)
                self.quotes.append(quote)
                self.patterns.add("quote_term")
            if speech_at is not None:
                followed = speech_at < len(parts) - 1
                self.patterns.add(f"{pattern}_followed" if pattern == "speech_told_reporter" and followed else pattern)
            if i == 0 and len(parts) == 1:
                self.patterns.add("lead_one_sentence")
                if caption_after == 0:
                    self.patterns.add("lead_one_sentence_caption")
            text = ("" if lang == "zh" else " ").join(parts)
            if i == 0 and teaser:
                self._truncated_teaser(text)
            line: Pieces = [(None, indent)] if indent else []
            line.append(("paragraph", text))
            if credit and i == n - 1:
                reporter = rng.choice(_data()["zh"]["authors"])
                line.append(("metadata", f"（记者 {reporter}）"))
                self.patterns.add("paragraph_credit")
            self.add(*line)
            if indent:
                self.patterns.add("indent_fullwidth")
            if i == caption_after:
                self.add(("caption", self._caption()))

    def _speech(self, said: str, person: Mapping[str, str]) -> tuple[str, dict[str, str | None], str]:
        """A sentence (escaped as the page escapes) quoting ``said`` with its speaker, the gold
        quote, and the pattern's name."""
        rng, dirt = self.rng, self.dirt
        if self.lang == "en":
            speaker = f"{person['title']} {person['name']}"
            mark_open, mark_close = rng.choice((('"', '"'), ("“", "”")))
            shown = dirt.english(said)
            opening = dirt.opening(mark_open, shown.split(" ")[0], said.split(" ")[0])
            template, pattern = rng.choice(_EN_SPEECH)
            sentence = template.format(s=speaker, o=opening, q=shown, c=dirt.closing(mark_close))
        else:
            plain_speakers: list[str] = _data()["zh"]["plain_speakers"]
            speaker = rng.choice([f"{person['title']}{person['name']}", rng.choice(plain_speakers)])
            template, pattern = rng.choice(_ZH_SPEECH)
            opening = dirt.opening("“", said[:2], said[:2])
            sentence = template.format(s=speaker, o=opening, q=said, c=dirt.closing("”"))
        return sentence, {"text": said, "speaker": speaker}, pattern

    def _term(self, term: str) -> tuple[str, dict[str, str | None]]:
        """A sentence with a quoted term (a quote nobody says), and the gold quote."""
        dirt = self.dirt
        if self.lang == "en":
            first = term.split(" ")[0]
            opening, closing = dirt.opening('"', first, first), dirt.closing('"')
            sentence = self.rng.choice(_EN_TERM).format(o=opening, t=term, c=closing)
        else:
            opening, closing = dirt.opening("“", term[:2], term[:2]), dirt.closing("”")
            sentence = self.rng.choice(_ZH_TERM).format(o=opening, t=term, c=closing)
        return sentence, {"text": term, "speaker": None}

    def _truncated_teaser(self, paragraph: str) -> None:
        """A teaser: the first paragraph's opening cut short with an ellipsis, right before it."""
        if self.lang == "en":
            words = paragraph.split(" ")
            if len(words) * 2 < TEASER_MIN_WORDS * 3:
                return
            cut = " ".join(words[: max(TEASER_MIN_WORDS, len(words) // 2)]).rstrip(",.;:")
        else:
            if len(paragraph) * 2 < TEASER_MIN_HAN * 3:
                return
            cut = paragraph[: max(TEASER_MIN_HAN, len(paragraph) // 2)]
            if cut.rfind("&") > cut.rfind(";"):  # never cut inside an entity
                cut = cut[: cut.rfind("&")]
            cut = cut.rstrip("，。；：、“\u200b")
            if len(cut) < TEASER_MIN_HAN:
                return
        if len(cut) < len(paragraph):
            self.add(("teaser", cut + "…"))
            self.patterns.add("teaser_truncated")

    def _caption(self) -> str:
        rng = self.rng
        text: str = self.topic["caption"]
        author = rng.choice(_data()[self.lang]["authors"])
        if self.lang == "zh":
            cued = (f"图为{text}", f"▲{text}")
            credited = (f"{text}（{author} 摄）",)
        else:
            cued = (f"Photo: {text}", f"{text} [Photo/{rng.choice(_data()['en']['sources'])}]")
            credited = (f"{text} (Photo by {author})",)
        if rng.random() < 0.5:
            self.patterns.add(f"caption_credit_{self.lang}")
            return rng.choice(credited)
        self.patterns.add("caption_cue")
        return rng.choice(cued)

    # -- after the body
    def tail(self) -> None:
        """Credits, editor, notice and URL, then the footer."""
        rng, c = self.rng, self.chrome
        data = _data()
        chrome = data[c]
        if self.lang == "en" and c == "en" and rng.random() < 0.2:
            first, second = rng.sample(data["en"]["authors"], 2)
            self.add(("metadata", f"(Reporting by {first}; Editing by {second})"))
            self.patterns.add("reporting_credit")
        if rng.random() < 0.4:
            if c == "zh":
                editor = rng.choice(data["zh"]["editors"])
                self.add(("metadata", rng.choice((f"（责任编辑：{editor}）", f"责任编辑：{editor}"))))
            else:
                self.add(("metadata", f"Editor: {rng.choice(data['en']['authors'])}"))
            self.patterns.add("editor_line")
        if rng.random() < 0.5:
            notice = rng.choice(chrome["disclaimers"]).format(site=self.site["name"])
            self.patterns.add("disclaimer")
            if rng.random() < 0.5:
                self.add(("disclaimer", notice), (None, " "), ("source_url", self.url))
                self.url_printed = True
                self.patterns.add("disclaimer_url_fused")
            else:
                self.add(("disclaimer", notice))
        if not self.url_printed and rng.random() < 0.3:
            self.add(("source_url", self.url))
            self.url_printed = True
            self.patterns.add("source_url_line")
        others = [t["title"] for t in rng.sample(self.others, 4)]
        if rng.random() < 0.5:
            previous, following = ("上一篇：", "下一篇：") if c == "zh" else ("Previous article: ", "Next article: ")
            self.add(("footer", previous + others[0]))
            self.add(("footer", following + others[1]))
            self.patterns.add("footer_prev_next")
        else:
            self.add(("footer", rng.choice(chrome["more"])))
        if rng.random() < 0.7:
            self.add(("footer", rng.choice(_cues()["section"][c])))
            for related in rng.sample(self.others, rng.randint(2, 4)):
                self.add(("footer", related["title"]))
            self.patterns.add("footer_section_links")
        if rng.random() < 0.5:
            self.add(("footer", rng.choice(chrome["share"])))
        if rng.random() < 0.6:
            self.add(("footer", chrome["copyright"].format(year=rng.randint(2019, 2025), site=self.site["name"])))
            self.patterns.add("copyright")


# ------------------------------------------------------------------------------- comparing
def _fold(text: str | None) -> str:
    return " ".join((text or "").split())


def _merged(pieces: Sequence[tuple[str, int, int]], raw: str) -> list[tuple[str, str]]:
    """``(role, start, end)`` pieces in raw order -> ``(role, folded text)``, neighbours of one
    role on the same line joined: a caption and its credit cut apart are still one caption."""
    out: list[tuple[str, int, int]] = []
    for role, start, end in pieces:
        if out and out[-1][0] == role and "\n" not in raw[out[-1][2] : start]:
            out[-1] = (role, out[-1][1], end)
        else:
            out.append((role, start, end))
    return [(role, _fold(raw[start:end])) for role, start, end in out]


def _gold_pieces(gold: Mapping[str, Any], raw: str) -> list[tuple[str, int, int]]:
    """The gold's segments as ``(role, start, end)`` in ``raw``, found in order."""
    pieces: list[tuple[str, int, int]] = []
    at = 0
    for n, (role, text) in enumerate(gold["segments"]):
        start = raw.find(text, at)
        if start < 0:
            raise AssertionError(
                f"expected gold segment {n} ({role}: {_fold(text)[:DIFF_TEXT_CHARS]!r}) in the page's raw text "
                "after the segment before it, got no such text: is this the gold of another page?"
            )
        at = start + len(text)
        pieces.append((role, start, at))
    return pieces


def assert_matches(
    doc: Document,
    gold: Mapping[str, Any],
    *,
    roles: bool = True,
    headline: bool = True,
    quotes: bool = True,
) -> None:
    """Check a parsed document against a gold; raise ``AssertionError`` with a diff if it differs.

    Compared, each unless switched off:

    * ``roles``: the role of every piece of the page, in order: the blocks' roles and raw texts
      against the gold's ``segments`` (blanks folded; neighbours of one role on one line count
      as one piece), shown as a unified diff, gold first;
    * ``headline``: the headline's scoring tokens (``bilingual_news.evaluate.tokens``: case,
      punctuation and escaping do not count);
    * ``quotes``: each quote's tokens and its speaker's tokens (``None`` for a term), in order.

    >>> import bilingual_news
    >>> page = make_page(seed=3)
    >>> assert_matches(bilingual_news.parse(page.raw), page.gold)
    """
    problems: list[str] = []
    if roles:
        want = _merged(_gold_pieces(gold, doc.raw), doc.raw)
        got = _merged([(b.kind.value, b.span.start, b.span.end) for b in doc.blocks], doc.raw)
        if want != got:
            diff = difflib.unified_diff(
                [_role_line(role, text) for role, text in want],
                [_role_line(role, text) for role, text in got],
                "gold",
                "parsed",
                n=1,
                lineterm="",
            )
            problems.append("roles differ (- gold, + parsed):\n" + "\n".join(diff))
    if headline and tokens(doc.headline) != tokens(gold.get("headline")):
        problems.append(f"headline differs:\n  gold:   {gold.get('headline')!r}\n  parsed: {doc.headline!r}")
    if quotes:
        gold_quotes: list[Mapping[str, Any]] = list(gold.get("quotes") or [])
        want_q = [(tokens(q.get("text")), tokens(q.get("speaker")) or None) for q in gold_quotes]
        got_q = [(tokens(q.text), tokens(q.speaker) or None) for q in doc.quotes]
        if want_q != got_q:
            diff = difflib.unified_diff(
                [_quote_line(q.get("speaker"), q.get("text")) for q in gold_quotes],
                [_quote_line(q.speaker, q.text) for q in doc.quotes],
                "gold",
                "parsed",
                n=1,
                lineterm="",
            )
            problems.append("quotes differ (- gold, + parsed):\n" + "\n".join(diff))
    if problems:
        name = gold.get("id") or "the page"
        raise AssertionError(f"{name} does not match its gold:\n" + "\n\n".join(problems))


def _role_line(role: str, text: str) -> str:
    shown = text if len(text) <= DIFF_TEXT_CHARS else text[: DIFF_TEXT_CHARS - 1] + "…"
    return f"{role:<10} {shown}"


def _quote_line(speaker: str | None, text: str | None) -> str:
    shown = _fold(text)
    shown = shown if len(shown) <= DIFF_TEXT_CHARS else shown[: DIFF_TEXT_CHARS - 1] + "…"
    return f"{speaker or '(term)'}: {shown}"
