"""Words: script-first tokens, raw spans, jieba loaded lazily and quietly, rjieba agreeing with it."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilingual_news
from bilingual_news import Block, Document, Kind, Span, Stats, WordKind
from bilingual_news.words import _JIEBA, cache_dir, tokenize
from helpers import corpus_pages, needs_corpus

HAS_RJIEBA = importlib.util.find_spec("rjieba") is not None
_HAN_RUN = regex.compile(r"\p{Han}+")


def _texts(text: str) -> list[str]:
    return [w.text for w in tokenize(text)]


def test_scripts_are_split_before_jieba() -> None:
    assert _texts("NVIDIA股价上涨")[:2] == ["NVIDIA", "股价"]


def test_numbers_stay_whole() -> None:
    assert _texts("增长1.9%，达到1,000亿元，244.8美元") == ["增长", "1.9%", "达到", "1,000", "亿元", "244.8", "美元"]


def test_latin_words_keep_inner_marks() -> None:
    assert _texts("The U.S. COVID-19 rules don't apply to DeepLearning.AI or S20") == [
        "The", "U.S.", "COVID-19", "rules", "don't", "apply", "to", "DeepLearning.AI", "or", "S20",
    ]  # fmt: skip


def test_word_kinds() -> None:
    kinds = [w.kind for w in tokenize("中国 China 2025 Москва")]
    assert kinds == [WordKind.HAN, WordKind.LATIN, WordKind.NUMBER, WordKind.OTHER]


def test_punctuation_is_no_word() -> None:
    assert _texts("，。！？“”——…… ,.!?") == []


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(alphabet=st.sampled_from(list("中国经济增长快China grows 12.5%，。 \n")), max_size=80))
def test_word_spans_slice_to_their_text_in_order(text: str) -> None:
    last = 0
    for word in tokenize(text):
        assert word.span.slice(text) == word.text
        assert last <= word.span.start < word.span.end
        last = word.span.end


def test_block_words_point_into_the_block_text() -> None:
    block = Block(kind=Kind.PARAGRAPH, text="他说 hello。", span=Span(start=10, end=19), lang="mixed")
    assert [(w.text, w.span.start) for w in block.words()] == [("他", 0), ("说", 1), ("hello", 3)]


def test_document_words_point_into_raw(seed_text: str) -> None:
    doc = bilingual_news.parse(seed_text)
    words = doc.words()
    blocks = doc.body
    assert words
    assert all(any(b.span.contains(w.span) for b in blocks) for w in words)
    plain = [w for w in words if "/" not in w.span.slice(doc.raw)]
    assert all(w.span.slice(doc.raw) == w.text for w in plain)


def test_document_words_map_through_edits() -> None:
    raw = "A Title Of Some Length Here\n\nPresident Xi/'s visit to Russia was long, and it was a success for both."
    doc = bilingual_news.parse(raw)
    word = next(w for w in doc.words() if w.text == "Xi's")
    assert word.span.slice(raw) == "Xi/'s"


def test_stats_count_the_body() -> None:
    raw = "标题在这里\n\n中国经济今年增长了百分之五。The economy grew 5%."
    blocks = (
        Block(kind=Kind.HEADLINE, text="标题在这里", span=Span(start=0, end=5), lang="zh"),
        Block(
            kind=Kind.PARAGRAPH,
            text=raw[7:],
            span=Span(start=7, end=len(raw)),
            lang="mixed",
            sentences=(Span(start=7, end=21), Span(start=21, end=len(raw))),
        ),
    )
    stats = Document(raw=raw, blocks=blocks).stats()
    assert isinstance(stats, Stats)
    assert (stats.characters, stats.han, stats.sentences, stats.paragraphs) == (31, 13, 2, 1)
    assert stats.words == len(blocks[1].words())
    assert stats.reading_minutes == round(4 / 228 + 13 / 255, 1)


@pytest.mark.skipif(not HAS_RJIEBA, reason="rjieba (the [fast] extra) is not installed")
def test_rjieba_and_jieba_give_the_same_words(seed_text: str) -> None:
    import rjieba

    texts = ["NVIDIA股价在2024年上涨", "外交部发言人表示双方将继续深化合作", "中華民國臺灣", seed_text]
    for page in corpus_pages():
        texts.append((page / "raw.txt").read_text(encoding="utf-8"))
    jieba_cut = _JIEBA.get()
    runs = [run for text in texts for run in _HAN_RUN.findall(text)]
    assert runs
    assert [jieba_cut(r) for r in runs] == [rjieba.cut(r) for r in runs]


def _run(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=work)


def test_parse_does_not_load_jieba(seed_text: str, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(seed_text + "\n\n中文段落：外交部发言人表示双方将继续深化合作。", encoding="utf-8")
    code = (
        "import sys, pathlib, bilingual_news; "
        f"bilingual_news.parse(pathlib.Path({str(page)!r}).read_text(encoding='utf-8')); "
        "print([m for m in ('jieba', 'rjieba') if m in sys.modules])"
    )
    assert _run(code, tmp_path).stdout.strip() == "[]"


def test_jieba_is_quiet_and_caches_in_the_user_cache(tmp_path: Path) -> None:
    code = "from bilingual_news.words import _JIEBA; print(_JIEBA.get()('外交部发言人表示'))"
    proc = _run(code, tmp_path)
    assert proc.stderr == ""
    assert (tmp_path / "cache" / "bilingual_news" / "jieba.cache").is_file()
    assert list((tmp_path / "work").iterdir()) == []


def test_cache_dir_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("XDG_CACHE_HOME is the Linux convention")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "bilingual_news"


def test_loading_jieba_leaves_the_warning_filters_alone() -> None:
    before = list(warnings.filters)
    _JIEBA.get()
    assert warnings.filters == before


@needs_corpus
def test_corpus_words_lie_inside_their_blocks() -> None:
    for page in corpus_pages()[:10]:
        doc = bilingual_news.parse((page / "raw.txt").read_text(encoding="utf-8"))
        spans = [b.span for b in doc.body]
        for word in doc.words():
            assert any(s.contains(word.span) for s in spans), (page.name, word)


LINES = [
    "首页 资讯",
    "The ministry said on Monday that trade grew by 5.5 percent. Mr. Li disagreed! U.S. officials agreed.",
    "外交部发言人表示，“双方将继续深化合作。”NVIDIA股价上涨1.9%。",
    "President Xi/'s visit. He left at 10 a.m. The &amp; sign.",
    "来源：新华社 作者：李明",
]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=30)), max_size=12).map("\n\n".join))
def test_document_words_lie_inside_a_sentence_of_their_block(raw: str) -> None:
    doc = bilingual_news.parse(raw)
    sentences = [s for b in doc.body for s in b.sentences]
    for word in doc.words():
        assert word.span.start < word.span.end
        assert any(s.contains(word.span) for s in sentences), (word, raw)


def test_pkg_resources_warning_from_jieba_is_filtered(tmp_path: Path) -> None:
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "pkg_resources.py").write_text(
        "import importlib, os, warnings\n"
        "warnings.warn('pkg_resources is deprecated as an API. See https://setuptools.pypa.io', UserWarning,"
        " stacklevel=2)\n"
        "def resource_stream(package, path):\n"
        "    module = importlib.import_module(package)\n"
        "    return open(os.path.join(os.path.dirname(module.__file__), path), 'rb')\n",
        encoding="utf-8",
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(fake))
    code = "from bilingual_news.words import _JIEBA; print(_JIEBA.get()('中文分词'))"
    proc = subprocess.run(
        [sys.executable, "-W", "error::UserWarning", "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert "中文" in proc.stdout


def test_other_warnings_while_loading_are_not_filtered() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn("something else", UserWarning, stacklevel=1)
        _JIEBA.get()
    assert [str(w.message) for w in caught] == ["something else"]
