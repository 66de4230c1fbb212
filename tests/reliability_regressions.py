"""The cases of ``tests/regressions/`` (format in its README), and the watchdog's child that
runs them (importable as ``reliability_regressions``)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent / "regressions"
INPUTS = ("text", "bytes_hex", "repeat")


def case_files() -> list[Path]:
    """Every case file, sorted by name."""
    return sorted(FOLDER.glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return case


def page(case: dict[str, Any]) -> str | bytes:
    """The input the case holds: text, bytes, or text built from a repeat."""
    if "bytes_hex" in case:
        return bytes.fromhex(case["bytes_hex"])
    if "repeat" in case:
        r = case["repeat"]
        return str(r["unit"]) * int(r["times"]) + str(r.get("then", ""))
    return str(case["text"])


def check(case: dict[str, Any]) -> list[str]:
    """What the case breaks now; empty when it keeps every guarantee."""
    import bilingual_news
    from bilingual_news import InputError
    from reliability import violations

    data = page(case)
    if "pattern" in case:
        module, _, name = case["pattern"].rpartition(".")
        pattern = getattr(importlib.import_module(module), name)
        assert isinstance(data, str)
        for _ in pattern.finditer(data):
            pass
        return []
    try:
        doc = bilingual_news.parse(data)
    except InputError as exc:
        return [f"InputError: {exc}"] if isinstance(data, str) or "expect_raw" in case else []
    found = violations(doc.raw, doc)
    if "expect_raw" in case and doc.raw != case["expect_raw"]:
        found.append(f"decoded as {doc.raw[:80]!r}, expected {case['expect_raw'][:80]!r}")
    return found


def main(argv: list[str]) -> int:
    """The watchdog's child: run each case from index ``argv[0]`` on."""
    from watchdog import serve_cases

    files = case_files()
    return serve_cases(argv, len(files), lambda i: check(load(files[i])))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
