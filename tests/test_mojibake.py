"""The wrong-decoding repairs of :mod:`bilingual_news.mojibake` beyond the cases in
``tests/cases/normalize.json``: how small the edits are, when the weak repairs are made, what is
loaded for them. The texts are written for these tests."""

from __future__ import annotations

import subprocess
import sys

from bilingual_news import normalize
from bilingual_news.mojibake import MIN_EVIDENCE, find_cp1252_mojibake, find_gbk_mojibake


def _as_gbk(text: str) -> str:
    return text.encode("utf-8").decode("gb18030", errors="replace")


def _as_cp1252_gbk(text: str) -> str:
    return text.encode("cp1252").decode("gb18030", errors="replace")


def test_a_chinese_run_is_cut_where_bytes_and_characters_align() -> None:
    # Six characters, 18 bytes, nine GBK characters: a cut every three, two characters each.
    changes = find_gbk_mojibake(_as_gbk("港口城市门户"))
    assert [c.after for c in changes] == ["港口", "城市", "门户"]
    assert all(c.end - c.start == 3 for c in changes)


def test_edits_map_back_to_the_mojibake() -> None:
    raw = _as_gbk("码头今天开放，船票价格不变")
    result = normalize(raw)
    assert result.text == "码头今天开放，船票价格不变"
    for edit in result.edits:
        assert raw[edit.span.start : edit.span.end] == edit.before


def test_a_lost_byte_alone_is_not_guessed() -> None:
    # One run, and the only Han character it gives for sure is one: too little evidence.
    assert find_gbk_mojibake(_as_gbk("记者")) == []


def test_weak_repairs_wait_for_enough_evidence() -> None:
    one = _as_cp1252_gbk("rain \u2014 then sun")  # a bare U+FFFD between spaces
    assert find_cp1252_mojibake(one) == []
    strong = _as_cp1252_gbk("the harbour\u2019s gate and the town\u2019s dock: rain \u2014 then sun")
    assert sum(len(c.after) for c in find_cp1252_mojibake(strong) if c.after != "—") >= MIN_EVIDENCE
    assert "—" in [c.after for c in find_cp1252_mojibake(strong)]


def test_english_mojibake_does_not_load_jieba() -> None:
    raw = _as_gbk("It\u2019s a \u201cday\u201d now")
    code = f"import sys, bilingual_news; print(bilingual_news.normalize({raw!r}).text, 'jieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, encoding="utf-8")
    assert out.stdout.strip() == "It’s a “day” now False"
