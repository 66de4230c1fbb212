"""Regenerate docs/img/seed-view.png: the HTML view of examples/seed.txt, as headless Chromium draws it.

    python docs/make_screenshot.py
    python docs/make_screenshot.py examples/bilingual.txt docs/img/pairs-view.png   # docs/pairs.md

It needs `chromium` on PATH (Debian: ``apt-get install chromium fonts-noto-cjk``).

The picture is the top of the standalone page (``bilingual-news render``) in a 1100 x 1500
window. When Pillow is installed, the PNG is reduced to a 256-colour palette, which keeps it
well under 300 KB without visible loss; without Pillow it is written as Chromium saves it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import bilingual_news  # noqa: E402 - after the path, so that the script runs from a checkout
from bilingual_news.render import to_html  # noqa: E402

OUT = ROOT / "docs" / "img" / "seed-view.png"
WINDOW = (1100, 1500)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
]
"""Chromium's flags, also used by tests/test_browser.py: headless, no network, no profile state."""


def find_chromium() -> str | None:
    """The path of Chromium (or Chrome) on PATH, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    source = ROOT / args[0] if args else ROOT / "examples" / "seed.txt"
    out = ROOT / args[1] if len(args) > 1 else OUT
    chromium = find_chromium()
    if chromium is None:
        print("make_screenshot: no chromium on PATH (apt-get install chromium fonts-noto-cjk)", file=sys.stderr)
        return 1
    doc = bilingual_news.parse_file(source)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bn-shot-") as tmp:
        page = Path(tmp) / "seed.html"
        page.write_text(to_html(doc, standalone=True), encoding="utf-8")
        shot = Path(tmp) / "seed.png"
        subprocess.run(
            [
                chromium,
                *FLAGS,
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--window-size={WINDOW[0]},{WINDOW[1]}",
                f"--screenshot={shot}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        _save(shot, out)
    print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KB")
    return 0


def _save(shot: Path, out: Path) -> None:
    try:
        from PIL import Image
    except ImportError:
        shutil.copyfile(shot, out)
        return
    with Image.open(shot) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            out, optimize=True
        )


if __name__ == "__main__":
    raise SystemExit(main())
