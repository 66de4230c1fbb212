"""Translation pairs (issue 19): the layouts of a parallel article, the pieces left unpaired,
and the invariants of any alignment. Every text here is written for these tests."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bilingual_news
from bilingual_news import Document, Kind, Pair, parse
from bilingual_news import align as align_module
from bilingual_news.align import align, is_bilingual
from helpers import corpus_pages, needs_corpus

HEAD = "首页 | 双语 | 科技\n"
TAIL = "\n分享到：微博 微信\n相关阅读：更多双语文章\n"

# (English, Chinese) paragraphs of one made-up story, written for these tests.
STORY = [
    (
        "A mountain village in the north opened its first solar-powered school last "
        "week, after three years of work by 60 families.",
        "北方的一个山村上周开放了第一所太阳能学校，六十户人家为此忙了三年。",
    ),
    (
        "The school has nine classrooms, a kitchen and a small observatory where pupils "
        "can watch the stars on clear nights.",
        "学校有九间教室、一间厨房和一座小天文台，晴朗的夜晚学生们可以在那里观星。",
    ),
    (
        "Teacher Lin Wei said the panels on the roof produce 45 kilowatts, enough for "
        "the lights, the computers and the heating in winter.",
        "教师林伟说，屋顶上的电池板能发电45千瓦，足够供应照明、电脑和冬天的暖气。",
    ),
    (
        "Most of the money came from a fund set up by former pupils who now live in large cities across the country.",
        "大部分资金来自一个基金，由如今生活在全国各大城市的老校友设立。",
    ),
    (
        "Visitors are welcome on Saturdays between 10 a.m. and 4 p.m., and guided tours "
        "of the observatory cost nothing.",
        "每周六上午10点至下午4点欢迎参观，天文台的导览免费。",
    ),
    (
        "Next spring the village plans to add a library with 3,000 books donated by a publisher in Chengdu.",
        "明年春天，村里计划再建一座图书馆，馆藏3000册图书由成都的一家出版社捐赠。",
    ),
]


def _page(lines: list[str]) -> str:
    return HEAD + "\n".join(lines) + TAIL


def _pairs(doc: Document) -> list[tuple[str, str]]:
    return [(p.en, p.zh) for p in doc.pairs]


def test_alternating_english_first_pairs_every_paragraph() -> None:
    doc = parse(_page([x for en, zh in STORY for x in (en, zh)]))
    assert _pairs(doc) == STORY


def test_alternating_chinese_first_pairs_every_paragraph() -> None:
    doc = parse(_page([x for en, zh in STORY for x in (zh, en)]))
    assert _pairs(doc) == STORY


def test_whole_version_then_whole_version() -> None:
    doc = parse(_page([en for en, _ in STORY] + [zh for _, zh in STORY]))
    assert _pairs(doc) == STORY


def test_a_translation_that_joins_two_paragraphs_is_one_pair() -> None:
    (en1, zh1), (en2, zh2) = STORY[0], STORY[1]
    lines = [en1, en2] + [x for en, zh in STORY[2:] for x in (en, zh)]
    lines.insert(2, zh1 + zh2)
    doc = parse(_page(lines))
    assert (f"{en1}\n{en2}", zh1 + zh2) in _pairs(doc)


def test_an_untranslated_paragraph_is_left_unpaired() -> None:
    note = "Translator's note: the English version was written for readers abroad and follows the original closely."
    lines = [x for en, zh in STORY for x in (en, zh)]
    lines.insert(6, note)
    doc = parse(_page(lines))
    assert _pairs(doc) == STORY
    assert all(note not in p.en for p in doc.pairs)


def test_a_line_in_both_languages_is_left_unpaired() -> None:
    mixed = "solar panel 太阳能电池板 observatory 天文台 guided tour 导览 former pupil 老校友"
    lines = [x for en, zh in STORY for x in (en, zh)]
    lines.insert(4, mixed)
    doc = parse(_page(lines))
    assert _pairs(doc) == STORY


def test_the_title_in_both_languages_is_paired() -> None:
    title = ("Village school runs on sunlight", "山村学校靠阳光运转")
    page = HEAD + f"{title[0]}\n{title[1]}\n2026-04-02 来源：双语周刊\n" + "\n".join(x for p in STORY for x in p) + TAIL
    doc = parse(page)
    assert _pairs(doc)[0] == title


def test_the_title_shown_again_over_the_original_is_the_one_paired() -> None:
    title = ("Village school runs on sunlight", "山村学校靠阳光运转")
    note = "译者按：这篇报道原载于一份英文周刊，译文尽量贴近原文，个别地名按当地习惯译出。"
    chinese = "\n".join(zh for _, zh in STORY)
    english = "\n".join(en for en, _ in STORY)
    page = (
        HEAD
        + f"{title[0]}\n2026-04-02 来源：双语周刊\n{note}\n{title[1]}\n{chinese}\n原文\n{title[0]}\n{english}"
        + TAIL
    )
    doc = parse(page)
    first = doc.pairs[0]
    assert (first.en, first.zh) == title
    assert doc.blocks[first.en_blocks[0] + 1].text == STORY[0][0]  # the repeat over the original, not the top title


def test_a_page_in_one_language_has_no_pairs() -> None:
    doc = parse(_page([en for en, _ in STORY]))
    assert not is_bilingual(doc)
    assert doc.pairs == ()


def test_several_translations_pair_with_the_best_fit_and_say_so() -> None:
    loose = [  # a freer version in two paragraphs, as long as the close one
        "山里的一个村子上周有了第一所靠太阳能供电的学校，这是六十户村民辛苦三年的成果。学校有九间教室和厨房，"
        "还有一座小小的天文台。林伟老师介绍，屋顶电池板发电45千瓦，照明、电脑和冬季取暖都够用。",
        "建校的钱大多由在外地工作的老校友捐出。学校每周六对外开放，参观天文台不收费。"
        "村里打算明年春天再盖一座图书馆，成都一家出版社已答应捐书三千册。",
    ]
    lines = ["译文一", *loose, "译文二", *(zh for _, zh in STORY), "原文", *(en for en, _ in STORY)]
    doc = parse(_page(lines))
    assert _pairs(doc) == STORY
    assert any("versions of one text" in w for w in doc.warnings)


def test_pairs_round_trip_through_json_and_follow_the_schema() -> None:
    doc = parse(_page([x for en, zh in STORY for x in (en, zh)]))
    assert doc.pairs
    assert Document.from_json(doc.to_json()) == doc
    jsonschema.validate(doc.to_dict(), bilingual_news.json_schema())


def test_a_dict_without_pairs_reads_as_no_pairs() -> None:
    data = parse(_page([x for en, zh in STORY for x in (en, zh)])).to_dict()
    del data["pairs"]
    assert Document.from_dict(data).pairs == ()


def test_pair_is_a_frozen_value() -> None:
    pair = Pair(en="Hi.", zh="你好。", en_blocks=(1,), zh_blocks=(2,), score=0.9)
    assert pair == Pair(en="Hi.", zh="你好。", en_blocks=(1,), zh_blocks=(2,), score=0.9)
    assert hash(pair) == hash(Pair(en="Hi.", zh="你好。", en_blocks=(1,), zh_blocks=(2,), score=0.9))


def test_align_leaves_a_document_built_by_hand_alone() -> None:
    doc = Document(raw="")
    assert align(doc) is doc


LAYOUTS = st.sampled_from(["en-first", "zh-first", "whole", "whole-zh-first"])


@settings(max_examples=40, deadline=None)
@given(
    layout=LAYOUTS,
    picked=st.lists(st.integers(0, len(STORY) - 1), min_size=2, max_size=8),
    drop=st.sets(st.integers(0, 15), max_size=3),
)
def test_pairs_point_at_distinct_blocks_in_order(layout: str, picked: list[int], drop: set[int]) -> None:
    story = [STORY[k] for k in picked]
    if layout == "en-first":
        lines = [x for en, zh in story for x in (en, zh)]
    elif layout == "zh-first":
        lines = [x for en, zh in story for x in (zh, en)]
    elif layout == "whole":
        lines = [en for en, _ in story] + [zh for _, zh in story]
    else:
        lines = [zh for _, zh in story] + [en for en, _ in story]
    lines = [line for k, line in enumerate(lines) if k not in drop] or lines
    doc = parse(_page(lines))
    seen: set[int] = set()
    last_en = last_zh = -1
    for pair in doc.pairs:
        blocks = (*pair.en_blocks, *pair.zh_blocks)
        assert all(0 <= k < len(doc.blocks) for k in blocks)
        assert not seen & set(blocks)
        seen.update(blocks)
        assert list(pair.en_blocks) == sorted(pair.en_blocks)
        assert pair.en_blocks[0] > last_en
        assert list(pair.zh_blocks) == sorted(pair.zh_blocks)
        assert pair.zh_blocks[0] > last_zh
        last_en, last_zh = pair.en_blocks[-1], pair.zh_blocks[-1]
        assert pair.en == "\n".join(doc.blocks[k].text for k in pair.en_blocks)
        assert pair.zh == "\n".join(doc.blocks[k].text for k in pair.zh_blocks)
        assert 0.0 <= pair.score <= 1.0


def test_cli_writes_the_pairs_as_tsv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bilingual_news.cli import main

    page = tmp_path / "page.txt"
    page.write_text(_page([x for en, zh in STORY for x in (en, zh)]), encoding="utf-8")
    assert main(["parse", str(page), "--format", "pairs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "en\tzh\tscore"
    assert [line.split("\t")[:2] for line in lines[1:]] == [list(p) for p in STORY]


def test_evaluate_scores_pairs_like_score_py(tmp_path: Path) -> None:
    from bilingual_news.evaluate import evaluate

    page = tmp_path / "p1"
    page.mkdir()
    lines = [x for en, zh in STORY for x in (en, zh)]
    (page / "raw.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    segments = [["paragraph", line] for line in lines]
    gold = {"id": "p1", "mix": "d", "headline": None, "segments": segments, "quotes": [], "fixes": []}
    (page / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    gold_pairs = [{"en": [2 * k], "zh": [2 * k + 1]} for k in range(len(STORY) - 1)]  # one pair not in the gold
    (page / "pairs.json").write_text(json.dumps({"pairs": gold_pairs}), encoding="utf-8")
    totals = evaluate(tmp_path).totals
    assert totals["pair_recall"] == 1.0
    assert totals["pair_precision"] == round((len(STORY) - 1) / len(STORY), 4)


def test_pairs_frame_has_one_row_a_pair() -> None:
    pytest.importorskip("pandas")
    frame = parse(_page([x for en, zh in STORY for x in (en, zh)])).pairs_frame()
    assert list(frame.columns) == ["page", "en", "zh", "score", "en_blocks", "zh_blocks"]
    assert list(zip(frame["en"], frame["zh"], strict=True)) == STORY


def _sides(doc: Document) -> tuple[list[align_module._Unit], list[align_module._Unit]]:
    units = align_module._units(doc.blocks)
    return [u for u in units if u.lang == "en"], [u for u in units if u.lang == "zh"]


def _full_search(en: list[align_module._Unit], zh: list[align_module._Unit]) -> tuple[float, list[object]]:
    total, matches, _ = align_module._align_in(en, zh, max(len(en) * len(zh), 1))
    return total, list(matches)


def test_the_band_widens_for_a_long_untranslated_stretch() -> None:
    preface = [f"Part {k} of an English preface, which has no Chinese version on this page." for k in range(16)]
    english = [f"In year {2000 + k} the village planted {k * 40 + 7} new trees along the river." for k in range(16)]
    chinese = [f"{2000 + k}年，村里沿河新种了{k * 40 + 7}棵树。" for k in range(16)]
    doc = parse(_page(preface + english + chinese))
    en, zh = _sides(doc)
    reaches: list[int] = []
    banded = align_module._align_in

    def spy(e: list[align_module._Unit], z: list[align_module._Unit], reach: int) -> object:
        reaches.append(reach)
        return banded(e, z, reach)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(align_module, "_align_in", spy)
        total, matches = align_module._align(en, zh)
    assert len(set(reaches)) > 1  # the first band was too narrow
    assert (total, list(matches)) == _full_search(en, zh)


@needs_corpus
@pytest.mark.parametrize("page", [p for p in corpus_pages() if (p / "pairs.json").is_file()], ids=lambda p: p.name)
def test_the_banded_alignment_is_the_full_search_on_bilingual_dev_pages(page: Path) -> None:
    doc = parse((page / "raw.txt").read_text(encoding="utf-8"))
    en, zh = _sides(doc)
    total, matches = align_module._align(en, zh)
    assert (total, list(matches)) == _full_search(en, zh)


def test_a_term_and_its_long_translation_set_as_paragraphs_pair() -> None:
    # A study page's list of terms, each with its translation, that the page sets as paragraphs:
    # neither is a heading the page sets, so the short term pairs with its long English on their
    # lengths, with no cost for a heading paired with a paragraph.
    term, phrase = "校友基金", "fund set up by former pupils living in large cities"
    body = [x for en, zh in STORY for x in (en, zh)]
    doc = parse(_page([*body[:6], term, phrase, *body[6:]]))
    blocks = tuple(dataclasses.replace(b, kind=Kind.PARAGRAPH) if b.text in (term, phrase) else b for b in doc.blocks)
    aligned = align(dataclasses.replace(doc, blocks=blocks, pairs=()))
    assert (phrase, term) in _pairs(aligned)


def test_a_version_name_between_the_versions_is_never_paired() -> None:
    # A release note in English, then ``中文版`` over its Chinese version: the label translates
    # nothing on the page, so the English title is not paired with it.
    raw = (Path(__file__).parent / "cases" / "segmentation" / "oss-release-then-zh.txt").read_text(encoding="utf-8")
    doc = parse(raw)
    assert any(b.text == "中文版" for b in doc.blocks)
    assert doc.pairs
    assert all("中文版" not in p.zh for p in doc.pairs)
