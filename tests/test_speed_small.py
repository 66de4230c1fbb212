"""The shortcuts of the speed work on the stages after revise give what the slow forms give.

Each fast form (issue 20: quotes, block languages, assemble, confidence) is checked here
against the plain form it replaced, kept in this file as the reference. Speed itself is
measured in ``benchmarks/``, never asserted here.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual_news import quotes
from bilingual_news.model import Block, Kind, Span
from bilingual_news.normalize import normalize

QUOTE_PIECES = list("ab“”‘’「」『』\"' ,，。.:：(（、和说")


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
