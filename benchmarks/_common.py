"""What the benchmark scripts share: where the example page and the labelled corpus are, and how
the pages are read. The scripts run as ``python benchmarks/NAME.py``, so this folder is on
``sys.path`` and ``import _common`` finds this module."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed.txt"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def pages(corpus: Path) -> tuple[list[str], str]:
    """Every page's raw.txt under ``corpus``, and a label saying where they came from; the
    example page alone when the corpus is absent or empty."""
    if corpus.is_dir():
        found = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*/raw.txt"))]
        if found:
            return found, f"{corpus} ({len(found)} pages)"
    return [SEED.read_text(encoding="utf-8")], f"{SEED.name} (no corpus at {corpus})"
