"""Safe output: JSON valid for every input (lone surrogates escaped), HTML that escapes all page
text, and no network connection nor any file written outside the cache folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilingual_news
from bilingual_news.render import to_html
from reliability import garbage, pages

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(pages())
def test_json_output_is_valid_utf8_json_of_the_schema(raw: str) -> None:
    text = bilingual_news.parse(raw).to_json()
    data = json.loads(text.encode("utf-8"))  # strict UTF-8: a lone surrogate would not encode
    jsonschema.validate(data, bilingual_news.json_schema())


@pytest.mark.parametrize("raw", ["\ud800", "a\udc80b", "“引号\udfff”", "x\ud83d y"], ids=repr)
def test_a_lone_surrogate_is_written_as_its_escape_and_reads_back(raw: str) -> None:
    doc = bilingual_news.parse(raw)
    text = doc.to_json()
    escaped = "".join(f"\\u{ord(c):04x}" if "\ud800" <= c <= "\udfff" else c for c in raw)
    assert f'"raw": "{escaped}"' in text
    assert text.encode("utf-8")
    assert bilingual_news.Document.from_json(text) == doc


def test_characters_other_than_surrogates_are_written_as_themselves() -> None:
    text = bilingual_news.parse("中文 “quotes” 👍 \ud800").to_json()
    assert "中文 “quotes” 👍 \\ud800" in text


VIEW_TAGS = frozenset(
    {"div", "style", "span", "b", "i", "ins", "details", "summary", "header", "main", "p"}
    | {"html", "head", "body", "meta", "title"}
)
"""The elements the HTML view is made of (``render.to_html``)."""

MARKUP = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "</div></span><iframe src=//example.org>",
    "<a href=\"javascript:alert('x')\">",
    "&lt;b&gt; &amp;amp; <!-- comment -->",
]
"""Markup a scraped page may carry in its text, meant to break out of the view."""


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.handlers.extend(name for name, _ in attrs if name.startswith("on") or name in ("src", "href"))


@SETTINGS
@given(pages(), st.lists(st.sampled_from(MARKUP) | garbage, min_size=1, max_size=6), st.booleans())
def test_the_html_view_escapes_all_page_text(raw: str, markup: list[str], standalone: bool) -> None:
    lines = raw.split("\n")
    for k, piece in enumerate(markup):
        at = (k * 7919) % (len(lines) + 1)
        lines.insert(at, piece)
    page = "\n".join(lines)
    parser = _Tags()
    parser.feed(to_html(bilingual_news.parse(page), standalone=standalone))
    assert parser.tags <= VIEW_TAGS
    assert parser.handlers == []


_CHILD = r"""
import json, os, sys
events = []
def hook(event, args):
    if event.startswith("socket."):
        events.append(["socket", event, repr(args)[:200]])
    elif event == "open":
        path, mode, flags = args
        writes = (mode is not None and any(c in str(mode) for c in "wax+")) or (
            flags is not None and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC))
        if writes and not isinstance(path, int):  # an int: a descriptor opened before, and seen then
            events.append(["write", event, os.fspath(path)])
    elif event in ("os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.truncate", "os.symlink", "os.link",
                   "os.chmod", "os.utime", "shutil.copyfile", "shutil.move", "tempfile.mkstemp", "tempfile.mkdtemp"):
        target = args[1] if event == "os.rename" else args[0]
        events.append(["write", event, os.fspath(target) if not isinstance(target, int) else target])
sys.addaudithook(hook)

import bilingual_news
from bilingual_news.render import to_html, to_markdown, to_text
from bilingual_news.testing import make_page
from bilingual_news.words import _JIEBA

page_file = sys.argv[1]
pages = [make_page(seed).raw for seed in range(6)] + [open(page_file, encoding="utf-8").read()]
for page in pages:
    doc = bilingual_news.parse(page)
    doc.to_json(); to_html(doc, standalone=True); to_markdown(doc); to_text(doc); doc.words()
    bilingual_news.parse(page.encode("gb18030", "replace"))
bilingual_news.parse_file(page_file)
list(bilingual_news.parse_many(pages, jobs=1))
_JIEBA.get()("中文分词的缓存")  # jieba's own cutter, whose dictionary cache the library places
print(json.dumps(events))
"""


def test_parsing_opens_no_connection_and_writes_only_to_its_cache_folder(tmp_path: Path) -> None:
    cache_home = tmp_path / "cache"
    page = tmp_path / "page.txt"
    page.write_text((Path(__file__).resolve().parents[1] / "examples" / "seed.txt").read_text(encoding="utf-8"))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(page)], capture_output=True, text=True, env=env, check=True, timeout=600
    )
    events = json.loads(out.stdout.strip().splitlines()[-1])
    allowed = cache_home / "bilingual_news"
    outside = [e for e in events if e[0] == "socket" or not _inside(Path(e[2]), allowed, mkdir=e[1] == "os.mkdir")]
    assert outside == []


def _inside(path: Path, folder: Path, *, mkdir: bool) -> bool:
    """Whether writing ``path`` stays in ``folder`` (making the folders that hold it included)."""
    return path == folder or folder in path.parents or (mkdir and path in folder.parents)
