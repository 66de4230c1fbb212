"""The confidence stage: Document.confidence and the warnings that say why it is low."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilingual_news
from bilingual_news import Block, Document, Kind, Span
from bilingual_news.cli import main
from bilingual_news.confidence import FRAGMENT_WEIGHT, HEADINGS_WEIGHT, WARN_DROP, assess, signs
from bilingual_news.errors import SchemaError
from bilingual_news.evaluate import evaluate, format_report
from bilingual_news.render import to_html
from bilingual_news.revise import Revision
from helpers import corpus_dir, needs_corpus

# Synthetic paragraphs: each one reads as prose (long, with sentence marks), no two share a run
# of words (the words of each are a different draw from one vocabulary).
WORDS = (
    "council river bridge deck winter chair work week city road budget vote mayor plan repair traffic "
    "station harbour school report engineer contract summer cost tax rail line ferry park market hall "
    "museum library tower street square north south east west morning evening public private old new"
)
VOCABULARY = WORDS.split()


def _paragraph(seed: int) -> str:
    words = random.Random(seed).sample(VOCABULARY, 24)
    return f"The {' '.join(words[:11])} said on Monday. Then {' '.join(words[11:])} followed."


PARAGRAPHS = [_paragraph(n) for n in range(14)]


def _block(kind: Kind, text: str, *reasons: str) -> Block:
    return Block(kind=kind, text=text, span=Span(start=0, end=len(text)), lang="en", reasons=reasons)


def _document(blocks: list[Block]) -> Document:
    return Document(raw="\n".join(b.text for b in blocks), blocks=tuple(blocks))


NO_RIVAL = Revision(kinds=(), reasons=(), headline=None, region=None)


# ---------------------------------------------------------------------------------- cases
def test_an_article_read_as_nav_gets_low_confidence_and_a_warning() -> None:
    # A dozen paragraphs labelled nav before a one-line "body": the shape of a page whose
    # article region fell on a comment box below the article.
    blocks = [
        _block(Kind.NAV, "Home News Sport", "link_list", "before_body"),
        _block(Kind.HEADLINE, "Council agrees to repair the river bridges", "short", "headline"),
        *(_block(Kind.NAV, p, "good", "before_body") for p in PARAGRAPHS[:12]),
        _block(Kind.PARAGRAPH, "Leave a comment below and tell us what you think of it.", "near_good", "in_body"),
    ]
    doc = assess(_document(blocks), NO_RIVAL)
    assert doc.confidence < 0.3
    assert any("12 paragraphs of prose before the body were read as nav" in w for w in doc.warnings)


def test_a_banner_above_an_article_costs_little() -> None:
    blocks = [
        _block(Kind.NAV, PARAGRAPHS[0], "good", "before_body"),
        _block(Kind.NAV, PARAGRAPHS[1], "good", "before_body"),
        _block(Kind.HEADLINE, "Council agrees to repair the river bridges", "short", "headline"),
        *(_block(Kind.PARAGRAPH, p, "good", "in_body") for p in PARAGRAPHS[2:]),
    ]
    doc = assess(_document(blocks), NO_RIVAL)
    assert doc.confidence == 1.0
    assert doc.warnings == ()


def test_a_clean_page_gets_high_confidence_and_no_warning() -> None:
    title = "Council agrees to repair the river bridges"
    page = "\n\n".join(["首页 | 新闻 | 体育", title, *PARAGRAPHS[:6], "返回顶部"])
    doc = bilingual_news.parse(page)
    assert len(doc.body) == 6
    assert doc.confidence >= 0.9
    assert doc.warnings == ()


def test_a_body_that_repeats_itself_gets_a_warning() -> None:
    body = [_block(Kind.PARAGRAPH, p, "good", "in_body") for p in PARAGRAPHS[:5]]
    copy = _block(Kind.PARAGRAPH, " ".join(PARAGRAPHS[:5]), "good", "in_body")  # a transcript of the same text
    doc = assess(_document([_block(Kind.HEADLINE, "A title for it", "short", "headline"), *body, copy]), NO_RIVAL)
    assert doc.confidence <= 0.5
    assert any("of the body repeats itself" in w for w in doc.warnings)


def test_a_page_without_body_gets_nearly_no_confidence() -> None:
    doc = assess(_document([_block(Kind.NAV, "Home News Sport", "link_list", "before_body")]), NO_RIVAL)
    assert doc.confidence <= 0.05
    assert doc.warnings == ("no body found: the page may hold no article, or it was read as chrome",)


def test_a_rival_region_stronger_than_the_body_is_named() -> None:
    blocks = [_block(Kind.HEADLINE, "A title for it", "short", "headline")]
    blocks += [_block(Kind.PARAGRAPH, p, "good", "in_body") for p in PARAGRAPHS[:3]]
    rival = Revision(kinds=(), reasons=(), headline=None, region=None, rival=3.0)
    doc = assess(_document(blocks), rival)
    assert doc.confidence < 1.0
    assert any("another region of the page scored 3.0 times" in w for w in doc.warnings)


def test_a_body_made_of_link_titles_gets_a_warning() -> None:
    # Three paragraphs, then a run of headline-like lines kept as body: a related-stories list.
    titles = [f"Harbour {w} plan wins council vote" for w in VOCABULARY[:12]]
    blocks = [_block(Kind.HEADLINE, "A title for it", "short", "headline")]
    blocks += [_block(Kind.PARAGRAPH, p, "good", "in_body") for p in PARAGRAPHS[:3]]
    blocks += [_block(Kind.PARAGRAPH, t, "short", "in_body") for t in titles]
    doc = assess(_document(blocks), NO_RIVAL)
    assert doc.confidence == pytest.approx(1.0 - FRAGMENT_WEIGHT)
    assert any("of the body is lines that do not read as sentences" in w for w in doc.warnings)


def test_subheadings_between_paragraphs_cost_nothing() -> None:
    # An article's sections: a heading over two paragraphs each (a third of the blocks).
    blocks = [_block(Kind.HEADLINE, "A title for it", "short", "headline")]
    for n in range(6):
        blocks += [
            _block(Kind.SUBHEADING, f"Part {n}", "short", "in_body"),
            _block(Kind.PARAGRAPH, PARAGRAPHS[2 * n], "good", "in_body"),
            _block(Kind.PARAGRAPH, PARAGRAPHS[2 * n + 1], "good", "in_body"),
        ]
    assert assess(_document(blocks), NO_RIVAL).confidence == 1.0


def test_a_body_of_headings_over_single_lines_gets_a_warning() -> None:
    # A feed kept as body: a title over one line of excerpt, six times.
    blocks = [_block(Kind.HEADLINE, "A title for it", "short", "headline")]
    for n in range(6):
        blocks += [
            _block(Kind.SUBHEADING, f"Harbour {VOCABULARY[n]} plan wins council vote", "short", "in_body"),
            _block(Kind.PARAGRAPH, PARAGRAPHS[n], "good", "in_body"),
        ]
    found = {s.name: s for s in signs(blocks, NO_RIVAL)}
    assert (found["headings"].severity, found["headings"].weight) == (1.0, HEADINGS_WEIGHT)
    assert any("50 % of the body's blocks are headings" in w for w in assess(_document(blocks), NO_RIVAL).warnings)


def test_a_short_body_with_a_heading_is_not_judged_by_its_headings() -> None:
    blocks = [_block(Kind.HEADLINE, "A title for it", "short", "headline")]
    blocks += [_block(Kind.SUBHEADING, "Part one", "short", "in_body")]
    blocks += [_block(Kind.PARAGRAPH, p, "good", "in_body") for p in PARAGRAPHS[:2]]
    blocks += [_block(Kind.SUBHEADING, "Part two", "short", "in_body")]
    blocks += [_block(Kind.PARAGRAPH, PARAGRAPHS[2], "good", "in_body")]
    assert [s.name for s in signs(blocks, NO_RIVAL)] == []


def test_no_headline_lowers_confidence_without_a_warning() -> None:
    doc = assess(_document([_block(Kind.PARAGRAPH, p, "good", "in_body") for p in PARAGRAPHS[:3]]), NO_RIVAL)
    assert 0.8 < doc.confidence < 1.0
    assert doc.warnings == ()


def test_normalization_warnings_come_first() -> None:
    blocks = [_block(Kind.NAV, "Home", "short", "before_body")]
    doc = assess(Document(raw="Home", blocks=tuple(blocks), warnings=("lost characters",)), NO_RIVAL)
    assert doc.warnings[0] == "lost characters"


def test_every_sign_warns_only_when_it_drops_enough() -> None:
    blocks = [_block(Kind.PARAGRAPH, "A short line of the body.", "near_good", "in_body")]
    for sign in signs(blocks, NO_RIVAL):
        assert 0.0 < sign.severity <= 1.0
        assert 0.0 < sign.weight < 1.0
    doc = assess(_document(blocks), NO_RIVAL)
    named = [s for s in signs(blocks, NO_RIVAL) if s.weight * s.severity >= WARN_DROP and s.warning]
    assert len(doc.warnings) == len(named)


# ------------------------------------------------------------------------------ JSON form
def test_confidence_round_trips_through_json() -> None:
    doc = assess(_document([_block(Kind.PARAGRAPH, PARAGRAPHS[0], "good", "in_body")]), NO_RIVAL)
    assert doc.confidence < 1.0
    assert Document.from_dict(doc.to_dict()) == doc


def test_a_document_without_confidence_reads_as_fully_trusted() -> None:
    data = bilingual_news.parse("A short page.").to_dict()
    del data["confidence"]
    assert Document.from_dict(data).confidence == 1.0


@pytest.mark.parametrize("bad", [1.5, -0.1, "high", True])
def test_a_confidence_out_of_range_is_refused(bad: object) -> None:
    data = bilingual_news.parse("A short page.").to_dict()
    data["confidence"] = bad
    with pytest.raises(SchemaError, match="confidence"):
        Document.from_dict(data)


# ----------------------------------------------------------------------------- invariant
pieces = st.one_of(st.sampled_from([*PARAGRAPHS[:4], "首页 资讯", "返回顶部", "来源：新华社"]), st.text(max_size=60))


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(pieces, max_size=25).map("\n".join))
def test_confidence_is_between_0_and_1(raw: str) -> None:
    doc = bilingual_news.parse(raw)
    assert 0.0 <= doc.confidence <= 1.0


# -------------------------------------------------------------------------------- corpus
def _scores() -> list[tuple[float, float, str]]:
    corpus = corpus_dir()
    assert corpus is not None
    return [(p.body.f1, p.confidence if p.confidence is not None else 1.0, p.id) for p in evaluate(corpus).pages]


@needs_corpus
def test_every_wrong_page_scores_below_every_right_page() -> None:
    scores = _scores()
    wrong = max(c for f1, c, _ in scores if f1 < 0.9)
    right = min(c for f1, c, _ in scores if f1 >= 0.99)
    assert wrong < right


@needs_corpus
def test_right_pages_mostly_carry_no_warning_of_confidence() -> None:
    scores = _scores()
    right = [c for f1, c, _ in scores if f1 >= 0.99]
    assert sum(c >= 0.8 for c in right) >= 0.9 * len(right)


# ------------------------------------------------------------------------ where it shows
def test_parse_prints_the_warnings_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    text = "Home\n\nA headline for the page\n\nThe body\ufffd\ufffd says something long enough."
    page.write_text(text, encoding="utf-8")
    assert main(["parse", str(page), "--format", "text"]) == 0
    err = capsys.readouterr().err
    assert f"bilingual-news: {page}: warning: lost characters" in err


def test_the_view_shows_a_low_confidence_in_its_summary_line() -> None:
    blocks = [_block(Kind.NAV, p, "good", "before_body") for p in PARAGRAPHS[:12]]
    doc = assess(_document([*blocks, _block(Kind.PARAGRAPH, "A line of a comment.", "near_good", "in_body")]), NO_RIVAL)
    html = to_html(doc)
    assert f'confidence <b class="bn-confidence">{doc.confidence:.2f}</b>' in html
    assert "paragraphs of prose before the body were read as nav" in html


def test_evaluate_shows_a_confidence_column(tmp_path: Path) -> None:
    page = tmp_path / "p1"
    page.mkdir()
    (page / "raw.txt").write_text("Home\n\n" + PARAGRAPHS[0], encoding="utf-8")
    (page / "gold.json").write_text('{"id": "p1", "segments": [["paragraph", "x"]]}', encoding="utf-8")
    result = evaluate(tmp_path)
    assert result.pages[0].confidence is not None
    assert " conf " in format_report(result).splitlines()[0]
