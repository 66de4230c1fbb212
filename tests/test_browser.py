"""The HTML view in a real browser: headless Chromium loads each standalone page, takes a
screenshot (kept in ``test-artifacts/``, with the pages), and a probe script reads the live DOM: every block is
there with its kind's class, chrome is folded and the article open, quotes are underlined, Han
characters are drawn with real glyphs (no tofu), and the hostile page ran nothing.

The probe is added by this test to a copy of the page (with the Content Security Policy taken
out, so that escaping alone is what keeps the hostile page's markup inert); the view itself
has no script. Skipped when Chromium is not installed, unless ``BILINGUAL_NEWS_REQUIRE_BROWSER=1``
(which ``.ci/run`` sets after installing it), when a missing browser fails the test instead.
"""

from __future__ import annotations

import html
import importlib.util
import json
import os
import re
import struct
import subprocess
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import bilingual_news
from bilingual_news import Document, Kind
from bilingual_news.render import to_html
from helpers import EXAMPLES, ROOT

ARTIFACTS = ROOT / "test-artifacts"


def _load_screenshot_script() -> Any:
    """docs/make_screenshot.py, loaded as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("make_screenshot", ROOT / "docs" / "make_screenshot.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCREENSHOT_SCRIPT = _load_screenshot_script()
CHROMIUM = SCREENSHOT_SCRIPT.find_chromium()
REQUIRED = os.environ.get("BILINGUAL_NEWS_REQUIRE_BROWSER") == "1"

if CHROMIUM is None and not REQUIRED:
    pytest.skip(
        "headless Chromium is not installed (apt-get install chromium fonts-noto-cjk; "
        ".ci/run installs both when it runs as root)",
        allow_module_level=True,
    )

FLAGS: list[str] = SCREENSHOT_SCRIPT.FLAGS
"""The browser flags docs/make_screenshot.py draws the docs' picture with: one list for both."""

HOSTILE = """首页 新闻 <script>document.title='PWNED';document.body.dataset.pwned='nav'</script>
A Headline With <img src=x onerror="document.title='PWNED';document.body.dataset.pwned='img'"> Inside

The minister said: “<script>document.body.dataset.pwned = 'quote'</script> we will <b>not</b> stop.”
Decoded from entities: &lt;script&gt;document.body.dataset.pwned='entity'&lt;/script&gt; in a paragraph.
<svg onload="document.body.dataset.pwned='svg'"></svg> and <a href="javascript:void(0)">a link</a> close it.
"""

PROBE = r"""<script>
(function () {
  const out = {title: document.title, pwned: document.body.dataset.pwned || null,
               scripts: document.scripts.length, imgs: document.images.length,
               svgs: document.querySelectorAll("svg").length, anchors: document.querySelectorAll("a").length};
  const visible = (el) => el.checkVisibility();  // false inside a closed <details>
  out.blocks = Array.from(document.querySelectorAll(".bn-b")).map((el) => {
    const t = el.querySelector(".bn-t").cloneNode(true);
    t.querySelectorAll(".bn-who").forEach((w) => w.remove());
    return {i: Number(el.dataset.i), cls: el.className, text: t.textContent, visible: visible(el),
            width: el.querySelector(".bn-t").getBoundingClientRect().width};
  });
  out.details = Array.from(document.querySelectorAll("details")).map((d) => ({open: d.open, blocks: d.dataset.blocks}));
  out.quotes = Array.from(document.querySelectorAll(".bn-b .bn-q")).map((q) => ({
    q: Number(q.dataset.q), underline: getComputedStyle(q).textDecorationLine}));
  out.speakers = Array.from(document.querySelectorAll(".bn-b .bn-who")).map((w) => Number(w.dataset.q));
  // Tofu: a missing glyph draws the same box (or nothing) whatever the character; real glyphs differ.
  const canvas = document.createElement("canvas");
  canvas.width = 96; canvas.height = 96;
  const g = canvas.getContext("2d", {willReadFrequently: true});
  const ink = (font, ch) => {
    g.clearRect(0, 0, 96, 96); g.font = font; g.textBaseline = "top"; g.fillStyle = "#000"; g.fillText(ch, 8, 8);
    const a = g.getImageData(0, 0, 96, 96).data; let sig = 0, n = 0;
    for (let i = 3; i < a.length; i += 4) { if (a[i]) { n++; sig = (sig * 31 + i * a[i]) % 1000000007; } }
    return {n: n, sig: sig, width: g.measureText(ch).width};
  };
  out.han = [];
  document.querySelectorAll(".bn-b .bn-t").forEach((el) => {
    const chars = Array.from(new Set(el.textContent.match(/\p{Script=Han}/gu) || [])).slice(0, 4);
    if (!chars.length) return;
    const s = getComputedStyle(el);
    const font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    out.han.push({i: Number(el.parentElement.dataset.i), size: parseFloat(s.fontSize),
                  glyphs: chars.map((c) => ink(font, c)), missing: ink(font, "\u0378")});
  });
  const pre = document.createElement("pre");
  pre.id = "bn-probe-out";
  pre.hidden = true;
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


@dataclass
class Loaded:
    doc: Document
    screenshot: Path
    probe: dict[str, Any]


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None, "BILINGUAL_NEWS_REQUIRE_BROWSER=1 but no chromium on PATH"
    with tempfile.TemporaryDirectory(prefix="bn-chromium-") as profile:
        return subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )


def _load(name: str, doc: Document, size: str = "1280,2400") -> Loaded:
    page = to_html(doc, standalone=True)
    view = ARTIFACTS / f"view-{name}.html"
    view.write_text(page, encoding="utf-8")
    probe_page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", page)
    assert probe_page != page
    probe = ARTIFACTS / f"probe-{name}.html"
    probe.write_text(probe_page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    shot = ARTIFACTS / f"view-{name}.png"
    shot.unlink(missing_ok=True)
    # One browser run: the screenshot, then the DOM after the probe ran (its output is hidden).
    run = _chromium(f"--window-size={size}", f"--screenshot={shot}", "--dump-dom", probe.as_uri())
    assert shot.is_file(), f"no screenshot: {run.stderr[-2000:]}"
    found = re.search(r'<pre id="bn-probe-out"[^>]*>(.*?)</pre>', run.stdout, re.S)
    assert found, f"the probe wrote nothing: {run.stderr[-2000:]}"
    return Loaded(doc=doc, screenshot=shot, probe=json.loads(html.unescape(found.group(1))))


@pytest.fixture(scope="module")
def loaded(seed_text: str) -> Iterator[dict[str, Loaded]]:
    ARTIFACTS.mkdir(exist_ok=True)
    docs = {
        "seed": bilingual_news.parse(seed_text),
        "zh_sample": bilingual_news.parse_file(EXAMPLES / "zh_sample.txt"),
        "hostile": bilingual_news.parse(HOSTILE),
    }
    with ThreadPoolExecutor(2) as pool:
        futures = {name: pool.submit(_load, name, doc) for name, doc in docs.items()}
        narrow = pool.submit(_load, "zh_sample-narrow", docs["zh_sample"], "420,1600")
        yield {name: f.result() for name, f in futures.items()} | {"zh_sample-narrow": narrow.result()}


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("name", ["seed", "zh_sample", "hostile"])
def test_every_block_is_in_the_live_dom_with_its_kind(loaded: dict[str, Loaded], name: str) -> None:
    page = loaded[name]
    blocks = page.probe["blocks"]
    assert [b["i"] for b in blocks] == list(range(len(page.doc.blocks)))
    for shown, block in zip(blocks, page.doc.blocks, strict=True):
        assert f"bn-k-{block.kind.value}" in shown["cls"].split()
        assert shown["text"].strip() == block.text
        folded = block.kind in (Kind.NAV, Kind.FOOTER)
        assert shown["visible"] is not folded, (name, shown["i"], block.kind)  # chrome folded, article open
    assert page.probe["details"]
    assert not any(d["open"] for d in page.probe["details"])


@pytest.mark.parametrize("name", ["seed", "zh_sample"])
def test_quotes_are_underlined_once_with_their_speaker(loaded: dict[str, Loaded], name: str) -> None:
    page = loaded[name]
    quotes = page.probe["quotes"]
    assert [q["q"] for q in quotes] == list(range(len(page.doc.quotes)))
    assert all("underline" in q["underline"] for q in quotes)
    assert page.probe["speakers"] == [k for k, q in enumerate(page.doc.quotes) if q.speaker]


@pytest.mark.parametrize("name", ["seed", "zh_sample"])
def test_the_article_column_is_a_readable_width(loaded: dict[str, Loaded], name: str) -> None:
    page = loaded[name]
    widths = [b["width"] for b, block in zip(page.probe["blocks"], page.doc.blocks, strict=True) if block.is_body]
    assert widths
    assert all(400 <= w <= 640 for w in widths), widths  # 36 rem: ~36 Han or ~75 Latin characters a line


@pytest.mark.parametrize("name", ["seed", "zh_sample"])
def test_han_characters_are_drawn_with_real_glyphs(loaded: dict[str, Loaded], name: str) -> None:
    han = loaded[name].probe["han"]
    assert han, "no block with Han characters"
    for block in han:
        glyphs, missing = block["glyphs"], block["missing"]
        for glyph in glyphs:
            assert glyph["n"] > 0, block
            assert (glyph["n"], glyph["sig"]) != (missing["n"], missing["sig"]), f"tofu in block {block['i']}"
            assert abs(glyph["width"] - block["size"]) <= 0.15 * block["size"], block  # full width: 1 em
        assert len({g["sig"] for g in glyphs}) == len(glyphs), f"identical glyphs (tofu) in block {block['i']}"


def test_the_hostile_page_ran_nothing(loaded: dict[str, Loaded]) -> None:
    page = loaded["hostile"]
    probe = page.probe
    assert probe["title"] == page.doc.headline
    assert probe["pwned"] is None
    assert probe["scripts"] == 1  # the probe itself
    assert (probe["imgs"], probe["svgs"], probe["anchors"]) == (0, 0, 0)
    texts = " ".join(b["text"] for b in probe["blocks"])
    assert "<script>document.body.dataset.pwned='entity'</script>" in texts  # shown as text
    assert '<img src=x onerror="document.title=' in texts


@pytest.mark.parametrize("name", ["seed", "zh_sample", "hostile", "zh_sample-narrow"])
def test_a_screenshot_is_kept(loaded: dict[str, Loaded], name: str) -> None:
    shot = loaded[name].screenshot
    width, _ = _png_size(shot)
    assert width == (420 if name.endswith("narrow") else 1280)
    assert shot.stat().st_size > 20_000  # a page, not a blank
