"""The shortcuts of the speed work on the stages after revise give what the slow forms give.

Each fast form (issue 20: quotes, block languages, assemble, confidence) is checked here
against the plain form it replaced, kept in this file as the reference. Speed itself is
measured in ``benchmarks/``, never asserted here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bilingual_news import quotes
from bilingual_news.model import Block, Kind, Span
from bilingual_news.normalize import normalize
from helpers import split_at_marks

QUOTE_PIECES = list("ab“”‘’「」『』\"' ,，。.:：(（、和说")

END_SLOW = (
    r"(?P<zh>[。！？；]+[。！？；!?…]*)[”’\"'」』）)\]】》〉]*"
    r"|(?P<en>\.\.\.+|[.!?…]+)[”’\"'」』）)\]】》〉]*(?=\s|$|\p{Han}|[“‘\"'(（「『《])"
)
"""The ``regex`` pattern ``sentences._END`` stands for (the sentence end as it was written
before it was written for :mod:`re`)."""


def _pair_with_closures(text: str) -> tuple[tuple[tuple[int, int], ...], int | None]:
    """quotes._pair as it was: a push and a close closure called from each branch."""
    stack: list[tuple[str, int]] = []
    count: dict[str, int] = dict.fromkeys("“‘「『\"'", 0)
    closed: list[tuple[int, int]] = []

    def push(kind: str, pos: int) -> None:
        stack.append((kind, pos))
        count[kind] += 1

    def close(kind: str, pos: int) -> None:
        while stack:
            k, o = stack.pop()
            count[k] -= 1
            if k == kind:
                closed.append((o, pos))
                return

    n = len(text)
    for m in quotes._MARKS.finditer(text):
        i = m.start()
        c = m.group()
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < n else ""
        closer_like = bool(prev) and not prev.isspace() and prev not in quotes._OPENING_BRACKETS and not nxt.isalnum()
        opener_like = (not prev or prev.isspace() or prev in quotes._OPENING_PUNCT) and bool(nxt) and not nxt.isspace()
        if c in "「『":
            push(c, i)
        elif c in "」』”":
            if count[quotes._CLOSER_OF[c]]:
                close(quotes._CLOSER_OF[c], i)
            elif c == "”" and count['"']:
                close('"', i)
        elif c == "“":
            typed_for_closer = not nxt or nxt.isspace() or nxt in quotes._CLAUSE_PUNCT
            if stack and stack[-1][0] == "“" and closer_like and typed_for_closer:
                close("“", i)
            else:
                push(c, i)
        elif c == "‘":
            if not (nxt.isdigit() or (prev.isalnum() and nxt.isalnum())):
                push(c, i)
        elif c == "’":
            if count["‘"] and not (prev.isalnum() and nxt.isalnum()):
                close("‘", i)
        elif c == '"':
            if count['"'] and (closer_like or not opener_like):
                close('"', i)
            elif not count['"'] and stack and stack[-1][0] == "“" and closer_like and not opener_like:
                close("“", i)
            else:
                push('"', i)
        elif prev.isalnum() and nxt.isalnum():
            continue
        elif count["'"] and closer_like:
            close("'", i)
        elif opener_like and nxt.isalnum() and not quotes._ELISION.match(text, i):
            push("'", i)
    unclosed = next((pos for kind, pos in stack if kind in quotes._CONTINUABLE), None)
    outer: list[tuple[int, int]] = []
    reach = -1
    for o, e in sorted(closed):
        if o > reach:
            outer.append((o, e))
            reach = e
    return tuple(outer), unclosed


@given(st.lists(st.sampled_from(QUOTE_PIECES), max_size=40).map("".join))
def test_quote_marks_pair_as_with_the_closures(text: str) -> None:
    marks = quotes._pair(text)
    assert (marks.pairs, marks.unclosed) == _pair_with_closures(text)


@given(st.lists(st.lists(st.sampled_from(QUOTE_PIECES), max_size=30).map("".join), min_size=1, max_size=4))
def test_a_located_quote_carries_the_characters_around_it(texts: list[str]) -> None:
    scan = quotes._Scan.of(texts)
    for q in quotes._locate(scan, list(range(len(texts)))):
        text = texts[q.block]
        assert q.pre == quotes._prev_char(text, q.open)
        assert q.post == quotes._next_char(text, q.close)
        assert q.sentence == quotes._is_sentence(q.text)


@given(
    st.lists(st.sampled_from(["a", "b", " ", "&amp;", "&quot;", "“", "”", "\u3000", "x/'s"]), max_size=20).map("".join),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_a_quote_span_is_the_raw_span_kept_in_its_block(raw: str, a: int, b: int) -> None:
    norm = normalize(raw)
    n = len(norm.text)
    lo, hi = sorted((min(a, n), min(b, n)))
    block = Block(kind=Kind.PARAGRAPH, text=norm.text, span=Span(start=0, end=len(raw)), lang="und")
    found = quotes._found(norm.text, 0, lo, lo, hi, hi)
    span = quotes._quote(block, norm, found, None, None).span
    base = norm.to_normalized(block.span.start)
    slow = norm.raw_span(base + lo, base + hi)
    start = min(max(slow.start, block.span.start), block.span.end)
    assert span == Span(start=start, end=min(max(slow.end, start), block.span.end))


# ------------------------------------------------------------------ block languages
BLOCK_TEXTS = [
    "",
    "2024",
    "The board met on Monday and said that it would wait.",
    "小区新添了两个充电桩",
    "學校門口的路燈壞了",
    "Le conseil a dit que la décision est prise pour la ville entière cette année.",
    "Der Rat hat gesagt, dass die Entscheidung für die ganze Stadt gefallen ist.",
    "首页 资讯 the council and the mayor met with the residents of the old town",
    "wo men yi qi qu kan hai",
    "x" * 200,
    "Un texte assez long " * 12,
]


@settings(deadline=None)  # the first example loads langdetect
@given(st.lists(st.sampled_from(BLOCK_TEXTS), max_size=12))
def test_block_languages_are_each_blocks_classified_first(texts: list[str]) -> None:
    from bilingual_news import language

    found = [language._classified(t) for t in texts]
    slow = [lang if isinstance(lang, str) else "" for lang in found]
    runs: dict[str, list[int]] = {}
    for i, lang in enumerate(found):
        if not isinstance(lang, str):
            runs.setdefault(lang.script, []).append(i)
    for run in runs.values():
        language._resolve(run, found, slow)
    assert language.block_languages(texts) == slow


def test_block_drafts_are_the_named_tuples_built_field_by_field() -> None:
    from bilingual_news.assemble import BlockDraft, assemble_blocks
    from bilingual_news.features import extract
    from bilingual_news.label import label
    from bilingual_news.language import block_languages
    from bilingual_news.revise import revise
    from bilingual_news.split import split
    from bilingual_news.testing import make_page

    units = split(normalize(make_page(7).raw))
    features = extract(units)
    revision = revise(units, features, label(units, features))
    drafts = assemble_blocks(units, revision)
    langs = block_languages([u.text for u in units])
    slow = tuple(
        BlockDraft(kind, u.text, u.span, lang, reasons)
        for u, kind, reasons, lang in zip(units, revision.kinds, revision.reasons, langs, strict=True)
    )
    assert drafts == slow
    assert all(type(d) is BlockDraft for d in drafts)


# ------------------------------------------------------------------ sentence ends (tail 2)
END_PIECES = [*".!?…。！？；", "...", "”", "’", '"', "'", "」", "）", ")", "]", "》", "“", "(", "「", "《"]
END_PIECES += ["a", "B", "3", "好", "〇", "\u3000", "\u001c", "\u2028", " ", "\n", ",", "Mr", "U.S"]


def _end_matches(pattern: object, text: str) -> list[tuple[int, int, str | None]]:
    """Each sentence end as ``(start, end, the Latin mark run or None)``."""
    import re

    import regex

    if isinstance(pattern, re.Pattern):
        return [
            (m.start(), m.end(), None if m.group("en") is None else text[m.start() : m.end("en")])
            for m in pattern.finditer(text)
        ]
    return [(m.start(), m.end(), m.group("en")) for m in regex.finditer(str(pattern), text)]


@given(st.lists(st.sampled_from(END_PIECES), max_size=40).map("".join))
def test_the_sentence_end_pattern_matches_as_the_regex_alternatives(text: str) -> None:
    from bilingual_news import sentences

    assert _end_matches(sentences._END, text) == _end_matches(END_SLOW, text)


@given(st.text(max_size=30))
def test_the_sentence_end_pattern_matches_as_the_regex_alternatives_on_any_text(text: str) -> None:
    from bilingual_news import sentences

    assert _end_matches(sentences._END, text) == _end_matches(END_SLOW, text)


@given(st.lists(st.sampled_from(END_PIECES), max_size=30).map("".join))
def test_blocks_with_sentences_are_built_as_the_keyword_constructor_builds_them(text: str) -> None:
    from bilingual_news.sentences import sentence_spans, with_sentences

    norm = normalize(text)
    span = Span(start=0, end=len(text))
    block = Block(kind=Kind.PARAGRAPH, text=norm.text, span=span, lang="en", reasons=("good",))
    (built,) = with_sentences([block], norm)
    expected = Block(
        kind=Kind.PARAGRAPH,
        text=norm.text,
        span=span,
        lang="en",
        reasons=("good",),
        sentences=sentence_spans(norm.text, span, norm),
    )
    assert built == expected


def _split_as_before(text: str) -> list[tuple[int, int]]:
    """sentences._split_marked as it was: the regex alternatives, both ends of each sentence
    stripped."""
    import regex

    from bilingual_news import sentences

    return split_at_marks(text, regex.finditer(END_SLOW, text), lambda m: m.group("en"), sentences._ends_english)


def _spans_as_before(text: str, span: Span) -> tuple[Span, ...]:
    """sentences._marked_spans as it was, for a block that is its raw text."""
    pieces = _split_as_before(text)
    if len(pieces) <= 1:
        return (span,) if pieces else ()
    spans = [Span(start=span.start + s, end=span.start + e) for s, e in pieces]
    spans[0] = Span(start=span.start, end=spans[0].end)
    spans[-1] = Span(start=spans[-1].start, end=span.end)
    return tuple(s for s in spans if s.start < s.end)


SENTENCE_PIECES = [*END_PIECES, "Mr.", " No. 1", " Inc. said", " a.m. The", "3.5", "他说", " he", "。，"]


@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=30).map("".join))
def test_sentences_split_as_before(text: str) -> None:
    from bilingual_news import sentences

    assert sentences.split_sentences(text) == _split_as_before(text)


@given(st.text(max_size=40))
def test_sentences_split_as_before_on_any_text(text: str) -> None:
    from bilingual_news import sentences

    assert sentences.split_sentences(text) == _split_as_before(text)


@given(
    st.text(st.sampled_from(" ab"), max_size=3), st.lists(st.sampled_from(SENTENCE_PIECES), max_size=30).map("".join)
)
def test_sentence_spans_of_an_unchanged_block_are_as_before(before: str, text: str) -> None:
    from bilingual_news import sentences

    text = text.strip()
    raw = before + text
    norm = normalize(raw)
    if not raw.startswith(text, len(before)) or norm.text != raw:
        return  # normalization changed it: the slow path, unchanged
    span = Span(start=len(before), end=len(raw))
    assert sentences.sentence_spans(text, span, norm) == _spans_as_before(text, span)


# ------------------------------------------------------------------ metadata and assemble (tail 2)
DATE_PIECES = ["06/02/2022", "13/02/2022", "12/31/2021", " ", "Updated", "更新", "日期", "10:23", "下午", "BJT"]


def _first_day_as_before(text: str) -> dt.date | None:
    """The day of metadata.find_date as it was: the line's script counted before the first date."""
    from bilingual_news import metadata as m
    from bilingual_news.scripts import HAN

    english = len(m._LATIN.findall(text)) > len(HAN.findall(text))
    for match in m._DATE.finditer(text):
        try:
            if match["y3"]:
                a, b = int(match["a"]), int(match["b"])
                month_first = b > 12 or (english and a <= 12)
                return dt.date(int(match["y3"]), a, b) if month_first else dt.date(int(match["y3"]), b, a)
            return m._day(match, text)
        except ValueError:
            continue
    return None


@given(st.lists(st.sampled_from(DATE_PIECES), max_size=8).map("".join))
def test_a_date_reads_its_day_and_month_as_before(text: str) -> None:
    from bilingual_news import metadata

    found = metadata.find_date(text)
    day = None if found is None else found[0]
    if isinstance(day, dt.datetime):
        day = day.date()
    assert day == _first_day_as_before(text)


def _end_of_words_as_before(text: str, start: int, end: int, field: str) -> int:
    """metadata._end_of_words as it was, each pattern given to regex's module functions."""
    import regex

    value = text[start:end]
    first = regex.match(r"\S+", value)
    if first is None:
        return start
    if regex.search(r"\p{Han}", first.group()) and not regex.search(r"\p{Latin}", first.group()):
        if field == "source":
            return start + first.end()
        if field in ("author", "editor"):
            pos = first.end()
            for token in regex.finditer(r"\s+(\S+)", value[pos:]):
                if not regex.fullmatch(r"\p{Han}{2,4}", token.group(1)):
                    break
                pos += token.end()
            return start + pos
        return end
    if field in ("author", "editor", "source"):
        cut = regex.search(r"[,;(（)）]|\s+(?:at|on|in)\s+", value)
        if cut is not None:
            return start + cut.start()
    return end


CREDIT_PIECES = ["王小明", "李四", "欧阳丹丹丹", " ", "  ", "Ann Lee", ", ", " at ", " on", "(", "）", "|", "：", "7"]


@given(st.lists(st.sampled_from(CREDIT_PIECES), max_size=10).map("".join), st.sampled_from(["source", "author", "x"]))
def test_a_value_ends_where_it_ended_before(text: str, field: str) -> None:
    from bilingual_news import metadata

    assert metadata._end_of_words(text, 0, len(text), field) == _end_of_words_as_before(text, 0, len(text), field)


@given(st.lists(st.sampled_from(CREDIT_PIECES), max_size=10).map("".join))
def test_a_byline_source_is_found_as_before(text: str) -> None:
    import regex

    from bilingual_news import metadata

    found = metadata._byline_source(text, 0)
    m = regex.compile(r"\s*[|｜]\s*(?P<v>[^|｜]+?)\s*(?=[|｜]|$)").match(text, 0)
    expected = None
    if m is not None:
        value = m["v"]
        if not (regex.search(r"\d|[:：]", value) or len(value.split()) > 6 or not regex.search(r"\p{L}", value)):
            expected = (value, m.start("v"), m.end("v"))
    assert (None if found is None else (found.value, found.start, found.end)) == expected


@given(st.text(st.sampled_from("(（[【《「『)）]】》」』ab "), max_size=20))
def test_a_title_is_balanced_as_the_depth_scan_says(text: str) -> None:
    from bilingual_news import assemble

    depth = 0
    for ch in text:
        if ch in assemble._OPENING:
            depth += 1
        elif ch in assemble._CLOSING:
            depth -= 1
    assert assemble._balanced(text) is (depth == 0)


ASSEMBLE_PAGES = [
    "首页 | 新闻 | 体育\n\n河边新建的步道今天开放\n\n2024年3月5日 10:20 来源：示例日报 编辑：周一鸣\n\n"
    "清晨的步道上已经有不少人在散步。附近的居民说，这里以前是一片荒地。\n\n"
    "步道全长三公里，沿途设有休息的长椅和饮水点。\n\nhttps://example.com/news/walkway\n\n相关阅读 | 返回顶部",
    "Home | World\n\nA quiet harbour town repaints its boats\n\n"
    "By Ann Lee | Harbour Weekly | Updated: 06/02/2022 09:15\n\n"
    "Every spring the fishing crews pull their boats onto the sand and scrape off the old paint.\n\n"
    "The colours are chosen by a vote in the town hall, and this year blue won again.\n\nShare this story",
    "Only one short line here.",
]


def _assemble_as_before(
    norm: Any, units: Any, revision: Any, blocks: tuple[Block, ...], quotes: Any, *, url: str | None = None
) -> Any:
    """assemble.assemble as it was: a pass over the blocks for each thing it reads."""
    from bilingual_news import assemble as a
    from bilingual_news.language import document_language
    from bilingual_news.metadata import read_metadata
    from bilingual_news.model import Document

    headline = None
    if revision.headline_text is not None:
        headline = a._clean_title(
            revision.headline_text, [b.text for b in blocks if b.kind is Kind.HEADLINE], norm.text
        )
    source_url = url
    if source_url is None:
        source_url = next((b.text for b in blocks if b.kind is Kind.SOURCE_URL), None)
    body = [(b.lang, len(b.text)) for b in blocks if b.is_body]
    return Document(
        raw=norm.raw,
        blocks=blocks,
        headline=headline,
        source_url=source_url,
        quotes=quotes,
        edits=norm.edits,
        metadata=read_metadata(blocks, norm),
        lang=document_language(body),
        warnings=norm.warnings,
    )


def test_the_document_is_assembled_in_one_pass_as_in_a_pass_per_field(monkeypatch: pytest.MonkeyPatch) -> None:
    from bilingual_news import pipeline

    seen: list[tuple[Any, Any]] = []
    fast = pipeline.assemble

    def both(*args: Any, **kwargs: Any) -> Any:
        document = fast(*args, **kwargs)
        seen.append((document, _assemble_as_before(*args, **kwargs)))
        return document

    monkeypatch.setattr(pipeline, "assemble", both)
    for page in ASSEMBLE_PAGES:
        pipeline.parse(page)
        pipeline.parse(page, url="https://example.org/given")
    assert len(seen) == 2 * len(ASSEMBLE_PAGES)
    for document, expected in seen:
        assert document == expected


# ------------------------------------------------------------------ confidence (tail 2)
def _signs_as_before(blocks: list[Block], rival: float) -> list[Any]:
    """confidence.signs as it was: a pass over the blocks for each sign."""
    import re

    from bilingual_news import confidence as c

    def prose(block: Block) -> bool:
        return block.reasons[:1] != () and block.reasons[0] in c._PROSE

    body = [b for b in blocks if b.kind is Kind.PARAGRAPH or b.kind is Kind.SUBHEADING]
    if not body:
        return [c.Sign("no_body", 1.0, c.NO_BODY_WEIGHT, c._NO_BODY)]
    body_chars = sum(len(b.text) for b in body)
    first = next(i for i, b in enumerate(blocks) if b.is_body)
    best = best_chars = run = chars = 0
    for b in blocks[:first]:
        if b.kind is not Kind.NAV:
            run = chars = 0
        elif prose(b):
            run += 1
            chars += len(b.text)
            if run > best:
                best, best_chars = run, chars
    seen: set[str] = set()
    again = 0
    for b in body:
        pieces = re.split(r"(?<=[.!?。！？])\s*", b.text) if len(b.text) > c.SENTENCE_SPLIT_CHARS else [b.text]
        for sentence in pieces:
            if len(sentence) >= c.REPEAT_MIN_CHARS:
                if sentence in seen:
                    again += len(sentence)
                else:
                    seen.add(sentence)
    chrome = sum(len(b.text) for b in blocks if b.kind in (Kind.NAV, Kind.FOOTER) and prose(b))
    at = max((i for i in range(first) if blocks[i].kind is Kind.HEADLINE), default=None)
    if at is None:
        headline = 0.0 if any(b.kind is Kind.HEADLINE for b in blocks) else 1.0
    else:
        headline = 0.5 if first - at - 1 > c.HEADLINE_FAR else 0.0
    share = again / body_chars
    repeated = c.Sign(
        "repeated",
        c._ramp(share, c.REPEAT_LOW, c.REPEAT_FULL),
        c.REPEAT_WEIGHT,
        f"{round(100 * share)} % of the body repeats itself: a second copy or a table of contents may be in it",
    )
    found = [
        c._chrome_run(best, best_chars, body_chars),
        repeated,
        c._damage(body, body_chars),
        c._short_body(body_chars),
        c._small_share(chrome, body_chars),
        c._fragments(sum(len(b.text) for b in body if not prose(b)), body_chars),
        c._headings(
            sum(1 for b in body if b.kind is Kind.SUBHEADING or b.reasons[-1:] == ("heading_list_item",)), len(body)
        ),
        c._rival(rival),
        c.Sign("headline", headline, c.HEADLINE_WEIGHT, ""),
    ]
    return [s for s in found if s.severity > 0.0]


SIGN_TEXTS = [
    "Short.",
    "A sentence long enough to count. A sentence long enough to count. Another one here!",
    "一句足够长的话在这里重复出现。一句足够长的话在这里重复出现。",
    "x" * 150,
]
SIGN_BLOCKS = st.builds(
    lambda kind, text, reasons: Block(kind=kind, text=text, span=Span(start=0, end=0), lang="en", reasons=reasons),
    st.sampled_from([Kind.NAV] * 6 + list(Kind)),
    st.sampled_from(SIGN_TEXTS),
    st.sampled_from([(), ("good",), ("near_good",), ("bad",), ("before_body", "good"), ("good", "heading_list_item")]),
)


NAV_BLOCKS = st.builds(
    lambda text, reasons: Block(kind=Kind.NAV, text=text, span=Span(start=0, end=0), lang="en", reasons=reasons),
    st.sampled_from(SIGN_TEXTS),
    st.sampled_from([("good",), ("near_good",), ("bad",)]),
)


_HEADED = [
    Block(kind=kind, text="Short.", span=Span(start=0, end=0), lang="en", reasons=("good",))
    for kind in [Kind.SUBHEADING] * 3 + [Kind.PARAGRAPH] * 4
]


@given(st.lists(NAV_BLOCKS, max_size=16), st.lists(SIGN_BLOCKS, max_size=30), st.sampled_from([0.0, 0.9, 2.0]))
@example([], _HEADED, 0.0)  # a body of headings: the headings sign (session 8) must be in both forms
def test_the_signs_are_read_in_one_pass_as_in_a_pass_per_sign(
    nav: list[Block], rest: list[Block], rival: float
) -> None:
    blocks = nav + rest
    from types import SimpleNamespace

    from bilingual_news import confidence

    assert confidence.signs(blocks, SimpleNamespace(rival=rival)) == _signs_as_before(blocks, rival)  # type: ignore[arg-type]


@given(
    st.lists(st.sampled_from(["a", "B", ".", "!", "?", "。", "！", "？", " ", "\n", "\u3000", "…"]), max_size=30).map(
        "".join
    )
)
def test_body_sentences_are_cut_as_the_split_after_a_mark(text: str) -> None:
    import re

    from bilingual_news import confidence

    assert confidence._sentences(text) == re.split(r"(?<=[.!?。！？])\s*", text)
