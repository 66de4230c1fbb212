"""What the benchmark scripts share: where the example page and the labelled corpus are, and how
the pages are read. The scripts run as ``python benchmarks/NAME.py``, so this folder is on
``sys.path`` and ``import _common`` finds this module."""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed.txt"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
NEWS = ROOT.parent / "shared" / "benchmarks" / "scrapinghub"
"""The English news benchmark (181 pages of 181 sites): its pages' HTML in ``html/*.html.gz``."""
HTML2TXT = ROOT.parent / "shared" / "corpus" / "html2txt.py"
"""The corpus's HTML-to-text dumper: what makes the text dump of a news page."""
NEWS_TEXT_CACHE = Path(tempfile.gettempdir()) / "bilingual_news_news_text"
"""Where the news pages' text dumps are kept once made."""


def news_html(path: Path) -> bytes:
    """A news page's HTML bytes (``html/<id>.html.gz``)."""
    return gzip.decompress(path.read_bytes())


def news_dump(path: Path, cache: Path = NEWS_TEXT_CACHE) -> str:
    """The text dump of a news page (``html/<id>.html.gz``), made once by :data:`HTML2TXT` and
    kept in ``cache``."""
    cache.mkdir(parents=True, exist_ok=True)
    kept = cache / (path.name[: -len(".html.gz")] + ".txt")
    if not kept.exists():
        run = subprocess.run(
            [sys.executable, str(HTML2TXT), "/dev/stdin"], input=news_html(path), capture_output=True, check=True
        )
        kept.write_bytes(run.stdout)
    return kept.read_text(encoding="utf-8")


def pages(corpus: Path) -> tuple[list[str], str]:
    """Every page's raw.txt under ``corpus``, and a label saying where they came from; the
    example page alone when the corpus is absent or empty."""
    if corpus.is_dir():
        found = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*/raw.txt"))]
        if found:
            return found, f"{corpus} ({len(found)} pages)"
    return [SEED.read_text(encoding="utf-8")], f"{SEED.name} (no corpus at {corpus})"
